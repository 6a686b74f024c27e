// TypeScript consumers of the packed package: each project in tests/consumers/ts/ (CommonJS
// under node16, node18 and nodenext; ESM under nodenext and bundler) compiled by TypeScript 7
// and 5.0 (5.0 has no `node18`), then @arethetypeswrong/cli on the tarball, which must report
// no problem. Usage: node tests/consumers/types.mjs <tarball>
import { readdirSync } from 'node:fs';
import { run } from '../common/processes.mjs';
import { report } from './lib.mjs';

const tarball = process.argv[2];
if (!tarball) throw new Error('usage: types.mjs <tarball>');
const compilers = {
  'TypeScript 7': 'node_modules/typescript/bin/tsc',
  'TypeScript 5.0': 'node_modules/typescript5/bin/tsc',
};
const checks = [];
for (const project of readdirSync('tests/consumers/ts').sort()) {
  for (const [name, tsc] of Object.entries(compilers)) {
    if (name === 'TypeScript 5.0' && project.startsWith('node18')) continue;
    checks.push([`${project} with ${name}`, () => run(process.execPath, [tsc, '-p', `tests/consumers/ts/${project}`])]);
  }
}
checks.push(['@arethetypeswrong/cli: no problem', async () => {
  const out = await run(process.execPath, ['node_modules/@arethetypeswrong/cli/dist/index.js', tarball, '--format', 'ascii']);
  if (!/No problems found/.test(out)) throw new Error(out);
}]);
await report('types (consumers)', checks);
