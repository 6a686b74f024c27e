// --secret-file PATH: what is typed where the path goes may be the secret itself, so no message
// names it; what the path opens is checked before it is read (a directory, a device), and no
// more than 1 MiB + 1 byte is ever read, from a file or from a FIFO (bash's <(…)).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { verifyToken } from 'videosdk-token';
import { API_KEY, install, NOW, run, SECRET } from './run.mjs';

const SIGN = ['sign', '--permissions', 'allow_join', '--room', 'r1', '--now', String(NOW)];
const ENV = { VIDEOSDK_API_KEY: API_KEY };
const MIB = 1024 * 1024;

let bin;
let dir;
before(() => {
  bin = install('secret-file');
  dir = join(bin, '../../..');
});

/** A usage error (exit 2) whose message says `why` and names no path. */
function refused(path, why) {
  const r = run(bin, [...SIGN, '--secret-file', path], { env: ENV });
  assert.equal(r.status, 2, `${path}: exit status (stderr: ${r.stderr.slice(0, 300)})`);
  assert.match(r.stderr, why, path);
  assert.ok(!r.stderr.includes(path), `${path}: the path is not echoed: ${r.stderr.slice(0, 300)}`);
  assert.equal(r.stdout, '', `${path}: no token`);
  return r;
}

/** The bin under bash, so that a process substitution <(…) can be the path. */
function viaBash(substitution) {
  const r = spawnSync('bash', ['-c', `"$BIN" ${SIGN.join(' ')} --secret-file <(${substitution})`], {
    env: { PATH: process.env.PATH, TZ: 'UTC', LANG: 'C', BIN: bin, S: SECRET, ...ENV },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r;
}

test('--secret-file never echoes its path: a secret typed there stays out of the terminal and CI logs', () => {
  const typed = 'oops-this-is-the-secret-0123456789abcdef';
  refused(typed, /--secret-file cannot be read \(ENOENT\)/);
  refused(join(dir, 'no-such-dir', typed), /ENOENT/);
});

test('--secret-file refuses a directory and devices before reading them', () => {
  const folder = join(dir, 'a-directory');
  mkdirSync(folder, { recursive: true });
  refused(folder, /--secret-file is a directory/);
  refused('/dev/null', /--secret-file is a device or socket, not a file/);
  // /dev/zero never ends: refused by what it is, not read.
  refused('/dev/zero', /--secret-file is a device or socket, not a file/);
});

test('--secret-file refuses more than 1 MiB, reading no further than 1 MiB + 1 byte', () => {
  const big = join(dir, 'big-secret.txt');
  writeFileSync(big, 'x'.repeat(MIB + 1));
  refused(big, /--secret-file is over 1048576 bytes/);
  // A FIFO has no size to check first: 2 MB are refused after the first MiB + 1 byte, and an
  // endless one (yes) too, with memory to spare.
  for (const substitution of ['head -c 2000000 /dev/zero', 'yes']) {
    const r = viaBash(substitution);
    assert.equal(r.status, 2, `<(${substitution}): ${r.stderr.slice(0, 300)}`);
    assert.match(r.stderr, /--secret-file is over 1048576 bytes/, `<(${substitution})`);
  }
});

test('--secret-file reads a FIFO (bash <(…)) and a file of 1 MiB at most', () => {
  const r = viaBash('printf "%s\\n" "$S"');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(verifyToken(r.stdout.trim(), SECRET, { now: NOW }).roomId, 'r1');
  const file = join(dir, 'secret.txt');
  writeFileSync(file, `${SECRET}\n`);
  const fromFile = run(bin, [...SIGN, '--secret-file', file], { env: ENV });
  assert.equal(fromFile.stdout, r.stdout, 'the same token from a file');
});
