// The same command line under Deno (`deno run npm:videosdk-token`) and Bun (`bun x`, the command
// behind `bunx`), from the tarball installed into a project: their outputs equal Node's. Offline:
// both resolve the package from the project's node_modules. Deno gets the narrowest permissions
// each command's --help names.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import { API_KEY, install, NOW, run, SECRET } from './run.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DENO = join(ROOT, 'node_modules/.bin/deno');
const BUN = join(ROOT, 'node_modules/.bin/bun');
const ENV = { VIDEOSDK_SECRET: SECRET, VIDEOSDK_API_KEY: API_KEY };

let bin;
let project;
let token;
before(() => {
  bin = install('runtimes');
  project = dirname(dirname(dirname(bin)));
  token = run(bin, ['sign', '--permissions', 'allow_join', '--room', 'r1', '--now', String(NOW)], { env: ENV }).stdout.trim();
});

function exec(command, args, { env = {}, input = '' } = {}) {
  const r = spawnSync(command, args, {
    cwd: project,
    input,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, TZ: 'UTC', LANG: 'C', HOME: process.env.HOME,
      DENO_DIR: join(ROOT, 'target/deno-cache'), DENO_NO_UPDATE_CHECK: '1', ...env,
    },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cases = () => [
  ['decode', ['decode', token, '--now', String(NOW + 60)], {}],
  ['sign', ['sign', '--permissions', 'allow_join', '--room', 'r1', '--now', String(NOW)], { env: ENV }],
  ['verify', ['verify', token, '--room', 'r1', '--now', String(NOW + 60)], { env: ENV }],
  ['verify (refused)', ['verify', token, '--room', 'r2', '--now', String(NOW + 60)], { env: ENV }],
  ['verify - (secret from the environment)', ['verify', '-', '--now', String(NOW + 60), '--json'], { env: ENV, input: token }],
  ['usage error', ['sign', '--secret', 'x'], {}],
  ['explain (the token on stdin)', ['explain', '4022', '--room', 'r2', '--now', String(NOW + 60)], { input: token }],
  ['explain (unreadable token)', ['explain', '4002'], { input: 'not.a-token' }],
];

const DENO_PERMISSIONS = {
  decode: [`--allow-read`],
  explain: ['--allow-read'],
  sign: ['--allow-read', '--allow-env=VIDEOSDK_API_KEY,VIDEOSDK_SECRET'],
  verify: ['--allow-read', '--allow-env=VIDEOSDK_API_KEY,VIDEOSDK_SECRET'],
};

test('deno run npm:videosdk-token: the same output as Node, with the permissions --help names', () => {
  for (const [name, args, options] of cases()) {
    const node = run(bin, args, options);
    const deno = exec(DENO, ['run', '--no-prompt', ...DENO_PERMISSIONS[args[0]], 'npm:videosdk-token', ...args], options);
    assert.deepEqual(deno, node, name);
  }
});

test('deno run without --allow-env: VIDEOSDK_* are unreadable, and the error says which flag to add', () => {
  const r = exec(DENO, ['run', '--no-prompt', '--allow-read', 'npm:videosdk-token', 'sign', '--permissions', 'allow_join'], { env: ENV });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Deno hides VIDEOSDK_API_KEY without --allow-env=VIDEOSDK_API_KEY/);
});

test('bunx (bun x) videosdk-token: the same output as Node, with Node and with --bun', () => {
  const bun = realpathSync(BUN);
  for (const [name, args, options] of cases()) {
    const node = run(bin, args, options);
    assert.deepEqual(exec(bun, ['x', 'videosdk-token', ...args], options), node, `bun x: ${name}`);
    assert.deepEqual(exec(bun, ['x', '--bun', 'videosdk-token', ...args], options), node, `bun x --bun: ${name}`);
  }
});
