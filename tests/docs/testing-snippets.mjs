// Holds docs/testing.md to the files it shows and runs them: every block marked
// `<!-- snippet: docs/testing/<file> -->` must be that file verbatim, every file in docs/testing/
// must be shown, and then the files run as a user's project would run them, against a copy of the
// packed tarball in node_modules: `node --test`, Vitest (on Node 22: Vitest 5 needs it) and
// `deno test` (which also type-checks them against the package's types). Exits non-zero on any
// mismatch or failure.
// Usage: node tests/docs/testing-snippets.mjs <tarball> <node22>
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [tarball, node22] = process.argv.slice(2);
if (!tarball || !node22) throw new Error('usage: node tests/docs/testing-snippets.mjs <tarball> <node22>');
const DIR = join(ROOT, 'docs', 'testing');
const OUT = join(ROOT, 'target', 'docs-testing');

const problems = [];
const doc = readFileSync(join(ROOT, 'docs', 'testing.md'), 'utf8');
const shown = new Map();
for (const m of doc.matchAll(/<!-- snippet: docs\/testing\/([\w.-]+) -->\n```\w*\n([\s\S]*?)\n```/g)) {
  if (shown.has(m[1])) problems.push(`docs/testing.md shows docs/testing/${m[1]} twice`);
  shown.set(m[1], m[2]);
}
const files = readdirSync(DIR).sort();
for (const name of files) {
  const text = readFileSync(join(DIR, name), 'utf8').replace(/\n$/, '');
  if (!shown.has(name)) problems.push(`docs/testing.md does not show docs/testing/${name}`);
  else if (shown.get(name) !== text) problems.push(`docs/testing.md's block for docs/testing/${name} differs from the file: copy the file into the block`);
}
for (const name of shown.keys()) if (!files.includes(name)) problems.push(`docs/testing.md shows docs/testing/${name}, which does not exist`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`docs/testing.md: ${shown.size} blocks match docs/testing/`);

// A project of its own: the files, and the tarball unpacked as npm installs it (a copy, not a
// link, so Deno reads the package's types as an npm package's).
rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'node_modules', 'videosdk-token'), { recursive: true });
execFileSync('tar', ['-xzf', tarball, '-C', join(OUT, 'node_modules', 'videosdk-token'), '--strip-components=1']);
cpSync(DIR, OUT, { recursive: true });
writeFileSync(join(OUT, 'package.json'), '{ "private": true, "type": "module" }\n');

const runs = [
  ['node --test', process.execPath, ['--test', 'node.test.mjs']],
  ['vitest run', node22, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'vitest.test.mjs']],
  ['deno test', join(ROOT, 'node_modules', '.bin', 'deno'), ['test', '--no-prompt', 'deno.test.mjs']],
];
let failed = 0;
for (const [name, cmd, args] of runs) {
  try {
    execFileSync(cmd, args, { cwd: OUT, stdio: 'pipe', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    console.log(`docs/testing (${name}): passed`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL docs/testing (${name}):\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
