// TypeScript consumers of the packed package: each project in tests/consumers/ts/ (CommonJS
// under node16, node18 and nodenext; ESM under nodenext and bundler) compiled by TypeScript 7
// and 5.0 (5.0 has no `node18`), then @arethetypeswrong/cli on the tarball, which must report
// no problem. A project is its tsconfig.json and package.json; the checks it compiles are the
// .ts files beside the projects, copied into each (target/consumers/ts/<project>), since a file's
// own folder decides whether TypeScript reads it as CommonJS or ESM.
// Usage: node tests/consumers/types.mjs <tarball>
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../support/processes.mjs';
import { report } from './lib.mjs';

const tarball = process.argv[2];
if (!tarball) throw new Error('usage: types.mjs <tarball>');
const source = 'tests/consumers/ts';
const work = 'target/consumers/ts';
const compilers = {
  'TypeScript 7': 'node_modules/typescript/bin/tsc',
  'TypeScript 5.0': 'node_modules/typescript5/bin/tsc',
};
const entries = readdirSync(source, { withFileTypes: true });
const checked = entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => e.name);
const projects = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
rmSync(work, { recursive: true, force: true });
const checks = [];
for (const project of projects) {
  const dir = join(work, project);
  cpSync(join(source, project), dir, { recursive: true });
  for (const file of checked) cpSync(join(source, file), join(dir, file));
  for (const [name, tsc] of Object.entries(compilers)) {
    if (name === 'TypeScript 5.0' && project.startsWith('node18')) continue;
    checks.push([`${project} with ${name}`, () => run(process.execPath, [tsc, '-p', dir])]);
  }
}
checks.push(['@arethetypeswrong/cli: no problem', async () => {
  const out = await run(process.execPath, ['node_modules/@arethetypeswrong/cli/dist/index.js', tarball, '--format', 'ascii']);
  if (!/No problems found/.test(out)) throw new Error(out);
}]);
await report('types (consumers)', checks);
