// The command line's outputs, byte for byte, against tests/cli/golden/<case>.txt: a fixed --now,
// TZ=UTC, fixed test key and secret, no terminal (so no colour). A change of output is a
// change of the golden file, reviewed in the diff. UPDATE_GOLDEN=1 rewrites the files.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { API_KEY, install, NOW, run, SECRET } from './run.mjs';

const GOLDEN = new URL('./golden/', import.meta.url);
const ENV = { VIDEOSDK_SECRET: SECRET, VIDEOSDK_API_KEY: API_KEY };
const LATER = String(NOW + 3600);

let bin;
before(() => {
  bin = install('golden');
});

/** An independent signer (node:crypto), for tokens the package would refuse to make. */
function forge(header, payload, secret = SECRET) {
  const part = (o) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const HS256 = { alg: 'HS256', typ: 'JWT' };
const ROOM_TOKEN = () => run(bin, ['sign', '--permissions', 'allow_join,allow_mod', '--room', 'room-1',
  '--participant', 'user-1', '--roles', 'rtc', '--expires-in', '2h', '--now', String(NOW)], { env: ENV }).stdout.trim();

/** Compares one run with its golden file (or writes it under UPDATE_GOLDEN=1). */
function golden(name, args, { input = '', env = ENV } = {}) {
  const r = run(bin, args, { input, env });
  const shown = args.map((a) => (a.length > 60 ? `${a.slice(0, 24)}…(${a.length} chars)` : a));
  const text = [
    `$ videosdk-token ${shown.join(' ')}`,
    ...(input ? [`stdin: ${input.length > 60 ? `${input.slice(0, 24)}…(${input.length} chars)` : JSON.stringify(input)}`] : []),
    `exit: ${r.status}`,
    '--- stdout',
    r.stdout,
    '--- stderr',
    r.stderr,
  ].join('\n');
  const file = new URL(`${name}.txt`, GOLDEN);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  assert.ok(existsSync(file), `no golden file ${name}.txt: run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(text, readFileSync(file, 'utf8'), `${name}.txt`);
  assert.ok(!text.includes(SECRET), 'no output holds the secret');
  assert.ok(!text.includes('\x1b['), 'no colour without a terminal');
  return r;
}

test('help: the command list, and each command\'s --help', () => {
  golden('help', ['--help']);
  golden('help-sign', ['sign', '--help']);
  golden('help-verify', ['verify', '--help']);
  golden('help-decode', ['decode', '-h']);
  golden('help-explain', ['explain', '--help']);
});

test('sign: prints the token; the token is the same for the same options and --now', () => {
  const r = golden('sign', ['sign', '--permissions', 'allow_join,allow_mod', '--room', 'room-1',
    '--participant', 'user-1', '--roles', 'rtc', '--expires-in', '2h', '--now', String(NOW)]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout.trim(), ROOM_TOKEN());
});

test('sign --json: token, expiresAt and payload', () => {
  golden('sign-json', ['sign', '--permissions', 'ask_join', '--expires-in', '600s', '--now', String(NOW), '--json']);
});

test('sign: the API key from --api-key wins over VIDEOSDK_API_KEY', () => {
  golden('sign-api-key', ['sign', '--permissions', 'allow_join', '--api-key', 'key-from-flag', '--now', String(NOW), '--json']);
});

test('decode: header, payload, local and relative times, no warnings', () => {
  golden('decode', ['decode', ROOM_TOKEN(), '--now', LATER]);
});

test('decode: an expired token with warnings (exit 0: decode reads, it does not judge)', () => {
  const token = forge(HS256, { apikey: API_KEY, permissions: ['allow_join', 'superpower'], roomId: 'r', iat: NOW - 7200, exp: NOW - 60 });
  const r = golden('decode-expired', ['decode', token, '--now', String(NOW)]);
  assert.equal(r.status, 0);
});

test('decode: times in milliseconds are shown as numbers, and warned about', () => {
  golden('decode-millis', ['decode', forge(HS256, { apikey: API_KEY, permissions: ['allow_join'], exp: (NOW + 60) * 1000 }), '--now', String(NOW)]);
});

test('decode: control characters, escapes and bidi overrides from a token are escaped', () => {
  const token = forge({ ...HS256, kid: 'k\u202e1' }, {
    apikey: API_KEY, permissions: ['allow_join'], 'x\u001b[2Jy': '\u001b]0;pwned\u0007', roomId: 'r\u2028s\u009b', exp: NOW + 60,
  });
  golden('decode-hostile', ['decode', token, '--now', String(NOW)]);
});

// Every kind of character a terminal or a log must not be handed raw, in claim names and values:
// C1 controls (U+009B is an 8-bit CSI, U+0085 a line break), DEL, bidi overrides, isolates and
// marks, U+2028/U+2029, zero-width characters; and C0 controls, which JSON escapes by itself.
const HIDDEN = '\u009b31m\u0085\u007f\u202e\u2066\u2069\u200e\u061c\u2028\u2029\u200b\u200c\u200d\u2060\ufeff\u001b[2J';
const UNSAFE_RAW = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const HOSTILE_CLAIMS = () => ({
  apikey: API_KEY, permissions: ['allow_join'], version: 2, roomId: 'r\u200bs', [`n${HIDDEN}ame`]: `v${HIDDEN}alue`, exp: NOW + 60,
});

test('decode --json, verify --json: a hostile token\'s hidden characters as \\uXXXX, still JSON with the same values', () => {
  const token = forge(HS256, HOSTILE_CLAIMS());
  for (const [name, args, claimsOf] of [
    ['decode-hostile-json', ['decode', token, '--now', String(NOW), '--json'], (out) => out.payload],
    ['verify-hostile-json', ['verify', token, '--now', String(NOW), '--json'], (out) => out],
  ]) {
    const r = golden(name, args);
    assert.equal(r.status, 0, r.stderr);
    const match = r.stdout.match(UNSAFE_RAW);
    assert.equal(match, null, `${name}: a raw U+${match?.[0].codePointAt(0).toString(16)} in ${JSON.stringify(r.stdout)}`);
    assert.deepEqual(claimsOf(JSON.parse(r.stdout)), HOSTILE_CLAIMS(), `${name}: the same values`);
    assert.ok(r.stdout.includes('"r\\u200bs"'), `${name}: escaped as JSON escapes: ${r.stdout}`);
  }
  // Text mode shows the same characters escaped (the set is shared/text.js's, the core's).
  const text = run(bin, ['decode', token, '--now', String(NOW)], { env: ENV });
  assert.equal(text.status, 0, text.stderr);
  const raw = text.stdout.match(UNSAFE_RAW);
  assert.equal(raw, null, `text mode: a raw U+${raw?.[0].codePointAt(0).toString(16)} in ${JSON.stringify(text.stdout)}`);
});

test('decode --json: the decoded object for scripts', () => {
  golden('decode-json', ['decode', ROOM_TOKEN(), '--now', LATER, '--json']);
});

test('decode: a malformed token exits 1 with CODE: reason', () => {
  const r = golden('decode-malformed', ['decode', 'not.a-token', '--now', String(NOW)]);
  assert.equal(r.status, 1);
});

test('decode -: the token from standard input (surrounding whitespace ignored)', () => {
  golden('decode-stdin', ['decode', '-', '--now', LATER], { input: `  ${ROOM_TOKEN()}\n` });
});

test('verify: exit 0 and the claims, with what was checked', () => {
  golden('verify', ['verify', ROOM_TOKEN(), '--room', 'room-1', '--participant', 'user-1', '--now', LATER]);
  golden('verify-json', ['verify', ROOM_TOKEN(), '--now', LATER, '--json']);
});

test('verify: refused tokens exit 1 with CODE: reason on stderr', () => {
  const token = ROOM_TOKEN();
  assert.equal(golden('verify-expired', ['verify', token, '--now', String(NOW + 7200)]).status, 1);
  assert.equal(golden('verify-room', ['verify', token, '--room', 'room-2', '--now', LATER]).status, 1);
  assert.equal(golden('verify-api-key', ['verify', token, '--api-key', 'other-key', '--now', LATER]).status, 1);
  const other = { ...ENV, VIDEOSDK_SECRET: 'a-different-secret-0123456789abcdef0123456789' };
  assert.equal(golden('verify-signature', ['verify', token, '--now', LATER], { env: other }).status, 1);
  const early = forge(HS256, { apikey: API_KEY, permissions: ['allow_join'], nbf: NOW + 600, exp: NOW + 3600 });
  assert.equal(golden('verify-not-yet', ['verify', early, '--now', String(NOW)]).status, 1);
});

test('verify: --clock-tolerance accepts a token expired within it', () => {
  const r = golden('verify-tolerance', ['verify', ROOM_TOKEN(), '--now', String(NOW + 7200 + 20), '--clock-tolerance', '30s', '--json']);
  assert.equal(r.status, 0);
});

test('usage errors exit 2 with the usage text', () => {
  assert.equal(golden('usage-none', []).status, 2);
  assert.equal(golden('usage-unknown-command', ['mint']).status, 2);
  assert.equal(golden('usage-unknown-option', ['sign', '--permissions', 'allow_join', '--rooom', 'r']).status, 2);
  assert.equal(golden('usage-missing-permissions', ['sign', '--room', 'r']).status, 2);
  assert.equal(golden('usage-bad-permission', ['sign', '--permissions', 'allow_everything', '--now', String(NOW)]).status, 2);
  assert.equal(golden('usage-weak-secret', ['sign', '--permissions', 'allow_join'], { env: { ...ENV, VIDEOSDK_SECRET: 'short' } }).status, 2);
  assert.equal(golden('usage-bad-span', ['sign', '--permissions', 'allow_join', '--expires-in', '2 fortnights']).status, 2);
  assert.equal(golden('usage-bad-now', ['decode', ROOM_TOKEN(), '--now', 'yesterday']).status, 2);
  assert.equal(golden('usage-bad-tolerance', ['verify', ROOM_TOKEN(), '--clock-tolerance', 'lots']).status, 2);
  // A span needs its unit, as in the library: 120 could be seconds or (the default's unit) minutes.
  assert.equal(golden('usage-unitless-span', ['sign', '--permissions', 'allow_join', '--expires-in', '120']).status, 2);
  assert.equal(golden('usage-unitless-tolerance', ['verify', ROOM_TOKEN(), '--clock-tolerance', '30']).status, 2);
  assert.equal(golden('usage-two-tokens', ['decode', 'a.b.c', 'd.e.f']).status, 2);
  assert.equal(golden('usage-no-value', ['sign', '--permissions', '--json']).status, 2);
  assert.equal(golden('usage-claim-syntax', ['sign', '--permissions', 'allow_join', '--claim', 'novalue']).status, 2);
});

test('the secret on the command line is refused, whatever the command, and never echoed', () => {
  const value = 'typed-on-the-command-line-0123456789abcdef0123';
  for (const [name, args] of [
    ['secret-argv-sign', ['sign', '--permissions', 'allow_join', '--secret', value]],
    ['secret-argv-verify', ['verify', ROOM_TOKEN(), `--secret=${value}`]],
  ]) {
    const r = golden(name, args);
    assert.equal(r.status, 2);
    assert.ok(!`${r.stdout}${r.stderr}`.includes(value), 'the value is not echoed');
  }
});

test('verify - without VIDEOSDK_SECRET or --secret-file: exit 2 (stdin holds the token)', () => {
  const r = golden('verify-stdin-no-secret', ['verify', '-'], { input: ROOM_TOKEN(), env: { VIDEOSDK_API_KEY: API_KEY } });
  assert.equal(r.status, 2);
});

test('explain: a join error code against the token from stdin, with the room and participant tried', () => {
  const token = ROOM_TOKEN();
  assert.equal(golden('explain-room', ['explain', '4022', '--room', 'room-2', '--now', LATER], { input: `${token}\n` }).status, 0);
  assert.equal(golden('explain-participant-json', ['explain', '4023', '--participant', 'user-2', '--now', LATER, '--json'], { input: token }).status, 0);
  // No fault of the token's: none found, and no word vouching for the signature.
  assert.equal(golden('explain-none', ['explain', '4022', '--room', 'room-1', '--now', LATER], { input: token }).status, 0);
  const expired = forge(HS256, { apikey: API_KEY, permissions: ['allow_join'], roles: ['rtc'], iat: NOW - 7200, exp: NOW - 200 });
  assert.equal(golden('explain-expired', ['explain', '4002', '--now', String(NOW)], { input: expired }).status, 0);
});

test('explain: without a token, the meaning and the fix; a code VideoSDK does not document, as such', () => {
  assert.equal(golden('explain-no-token', ['explain', '4024']).status, 0);
  assert.equal(golden('explain-not-token', ['explain', '4009']).status, 0);
  assert.equal(golden('explain-undocumented', ['explain', '4031', '--json']).status, 0);
});

test('explain: a token that cannot be read exits 1 as decode does, explained all the same', () => {
  assert.equal(golden('explain-malformed', ['explain', '4002'], { input: 'not.a-token' }).status, 1);
  assert.equal(golden('explain-malformed-other', ['explain', '4022', '--room', 'r'], { input: 'not.a-token' }).status, 1);
});

test('explain: usage errors exit 2', () => {
  assert.equal(golden('usage-explain-bad-code', ['explain', '40222']).status, 2);
  assert.equal(golden('usage-explain-no-code', ['explain']).status, 2);
  assert.equal(golden('usage-explain-empty-room', ['explain', '4022', '--room=']).status, 2);
});
