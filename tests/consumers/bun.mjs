// Bun's bundler: `bun build --target=bun` (a bundle plus the .wasm beside it) and
// `bun build --compile` (one executable) must produce programs that run from anywhere, with no
// node_modules and no path back to the package. Usage: node tests/consumers/bun.mjs
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyToken } from 'videosdk-token';
import { run } from '../support/processes.mjs';
import { report } from './lib.mjs';

const bun = resolve('node_modules/bun/bin/bun.exe');
const out = resolve('target/consumers/bun');
const packageDir = resolve('target/installed/package');
const SECRET = randomBytes(32).toString('hex');
const runEnv = { ...process.env, VIDEOSDK_SECRET: SECRET };
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function checkToken(stdout) {
  const token = stdout.trim().split('\n').at(-1);
  verifyToken(token, SECRET, { apiKey: 'bun-consumer', roomId: 'bun-room' });
}

await report('bun build (consumer)', [
  ['bun build --target=bun: the bundle and its one .wasm run after moving, from another directory', async () => {
    await run(bun, ['build', '--target=bun', 'tests/consumers/bun/app.js', '--outdir', join(out, 'build')]);
    // Moved, so that nothing can lean on where it was built.
    renameSync(join(out, 'build'), join(out, 'moved'));
    const emitted = readdirSync(join(out, 'moved'));
    if (emitted.filter((f) => f.endsWith('.wasm')).length !== 1) throw new Error(`emitted ${emitted.join(', ')}`);
    if (readFileSync(join(out, 'moved/app.js'), 'utf8').includes(packageDir)) throw new Error('the bundle names the package directory');
    checkToken(await run(bun, [join(out, 'moved/app.js')], { cwd: tmpdir(), env: runEnv }));
  }],
  ['bun build --compile: the executable runs from another directory', async () => {
    await run(bun, ['build', '--compile', 'tests/consumers/bun/app.js', '--outfile', join(out, 'app')]);
    if (readFileSync(join(out, 'app')).includes(Buffer.from(packageDir))) throw new Error('the executable names the package directory');
    checkToken(await run(join(out, 'app'), [], { cwd: tmpdir(), env: runEnv }));
  }],
]);
