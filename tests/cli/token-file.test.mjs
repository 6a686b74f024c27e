// explain --token-file: the token from a file, read with bounds (a directory or device refused
// before a byte is read, at most 1 MiB, a FIFO read as a file), and the path never echoed: a
// token typed where the path goes must not land in the terminal or a CI log.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { API_KEY, install, NOW, run, SECRET } from './run.mjs';

let bin;
let dir;
let token;
// A distinctive piece of every path below: no output may hold it.
const MARK = 'path-never-echoed-7c1e';
before(() => {
  bin = install('token-file');
  dir = mkdtempSync(join(tmpdir(), `${MARK}-`));
  token = run(bin, ['sign', '--permissions', 'allow_join', '--room', 'room-1', '--roles', 'rtc', '--now', String(NOW)],
    { env: { VIDEOSDK_SECRET: SECRET, VIDEOSDK_API_KEY: API_KEY } }).stdout.trim();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const explain = (...args) => run(bin, ['explain', '4022', '--room', 'room-2', '--now', String(NOW), ...args]);
function refused(r, pattern) {
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, pattern);
  assert.ok(!`${r.stdout}${r.stderr}`.includes(MARK), `the path is not echoed: ${r.stderr}`);
}

test('the token from --token-file explains as the token on standard input does', () => {
  const file = join(dir, 'token.txt');
  writeFileSync(file, `${token}\n`);
  const fromFile = explain('--token-file', file);
  assert.equal(fromFile.status, 0, fromFile.stderr);
  assert.match(fromFile.stdout, /the token's roomId "room-1" is not the room joined, "room-2"/);
  assert.deepEqual(fromFile, run(bin, ['explain', '4022', '--room', 'room-2', '--now', String(NOW)], { input: token }));
  // The file wins over standard input, which is then not read.
  assert.deepEqual(run(bin, ['explain', '4022', '--room', 'room-2', '--now', String(NOW), '--token-file', file], { input: 'not.a-token' }), fromFile);
});

test('a directory, a device, a missing file, an empty file and one over 1 MiB are refused, the path never echoed', () => {
  const sub = join(dir, 'a-directory');
  mkdirSync(sub);
  refused(explain('--token-file', sub), /--token-file is a directory/);
  refused(explain('--token-file', '/dev/zero'), /--token-file is a device or socket/);
  refused(explain('--token-file', join(dir, 'missing')), /--token-file cannot be read \(ENOENT\)/);
  const empty = join(dir, 'empty');
  writeFileSync(empty, '\n');
  refused(explain('--token-file', empty), /--token-file is empty/);
  const big = join(dir, 'big');
  writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 0x61));
  refused(explain('--token-file', big), /--token-file is over 1048576 bytes/);
});

test('a FIFO (bash <(…)) is read as a file, and refused past 1 MiB without reading on', () => {
  const command = (source) => `"${bin}" explain 4022 --room room-2 --now ${NOW} --token-file <(${source})`;
  const env = { PATH: process.env.PATH, TZ: 'UTC', LANG: 'C' };
  const ok = spawnSync('bash', ['-c', command(`printf %s '${token}'`)], { env, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /"room-1" is not the room joined, "room-2"/);
  const endless = spawnSync('bash', ['-c', command('yes')], { env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(endless.status, 2, endless.stderr);
  assert.match(endless.stderr, /--token-file is over 1048576 bytes/);
});
