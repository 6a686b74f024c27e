// The command line's rules beyond its golden outputs: where the secret may come from, standard
// input, colour (only on a terminal, never with NO_COLOR), --claim values, no secret in any
// output, and that what it signs verifies with the package's own verifyToken.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { spanSeconds, verifyToken } from 'videosdk-token';
import { API_KEY, install, NOW, run, runOnTty, SECRET } from './run.mjs';

const ENV = { VIDEOSDK_SECRET: SECRET, VIDEOSDK_API_KEY: API_KEY };
const SIGN = ['sign', '--permissions', 'allow_join', '--room', 'r1', '--now', String(NOW)];
const seen = []; // every output, checked for the secret at the end

let bin;
let dir;
before(() => {
  bin = install('rules');
  dir = join(bin, '../../..');
});

function cli(args, options) {
  const r = run(bin, args, options);
  seen.push(r.stdout, r.stderr);
  return r;
}

const claimsOf = (token) => verifyToken(token, SECRET, { now: NOW });

test('the secret from VIDEOSDK_SECRET, --secret-file or piped stdin: the same token', () => {
  const fromEnv = cli(SIGN, { env: ENV });
  assert.equal(fromEnv.status, 0, fromEnv.stderr);
  const file = join(dir, 'secret.txt');
  writeFileSync(file, `${SECRET}\n`); // a trailing newline, as editors leave it
  chmodSync(file, 0o600);
  const fromFile = cli([...SIGN, '--secret-file', file], { env: { VIDEOSDK_API_KEY: API_KEY } });
  const fromStdin = cli(SIGN, { input: `${SECRET}\r\n`, env: { VIDEOSDK_API_KEY: API_KEY } });
  assert.equal(fromFile.stdout, fromEnv.stdout, fromFile.stderr);
  assert.equal(fromStdin.stdout, fromEnv.stdout, fromStdin.stderr);
  assert.equal(claimsOf(fromEnv.stdout.trim()).roomId, 'r1');
  // The file wins over the environment: a different secret there gives a different token.
  const other = join(dir, 'other.txt');
  writeFileSync(other, 'x'.repeat(40));
  const fromOther = cli([...SIGN, '--secret-file', other], { env: ENV });
  assert.equal(fromOther.status, 0);
  assert.notEqual(fromOther.stdout, fromEnv.stdout);
  assert.equal(verifyToken(fromOther.stdout.trim(), 'x'.repeat(40), { now: NOW }).roomId, 'r1');
});

test('on a terminal the secret is asked for at a prompt that does not echo it', async () => {
  // Under a pseudo-terminal (util-linux `script`); the secret is typed only once the prompt shows,
  // so it cannot reach the terminal before echo is off.
  const child = spawn('script', ['-qec', `${bin} sign --permissions allow_join --room r1 --now ${NOW}`, '/dev/null'], {
    env: { PATH: process.env.PATH, TZ: 'UTC', TERM: 'xterm', VIDEOSDK_API_KEY: API_KEY },
  });
  let out = '';
  let typed = false;
  child.stdout.on('data', (d) => {
    out += d;
    if (!typed && out.includes('VideoSDK secret (input hidden): ')) {
      typed = true;
      child.stdin.write(`${SECRET}\r`);
    }
  });
  const status = await new Promise((resolve) => child.on('exit', resolve));
  seen.push(out);
  assert.equal(status, 0, out);
  assert.ok(typed, `the prompt was shown: ${JSON.stringify(out)}`);
  assert.ok(!out.includes(SECRET), 'the secret is not echoed');
  const token = out.split(/\r?\n/).find((line) => line.startsWith('eyJ'));
  assert.equal(claimsOf(token).roomId, 'r1');
});

test('no secret anywhere: exit 2 saying where it may come from', () => {
  const r = cli(SIGN, { env: { VIDEOSDK_API_KEY: API_KEY } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no secret: set VIDEOSDK_SECRET, pass --secret-file PATH, or pipe it on standard input/);
  const missing = cli([...SIGN, '--secret-file', join(dir, 'nope.txt')], { env: ENV });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--secret-file cannot be read \(ENOENT\)/);
  assert.ok(!missing.stderr.includes('nope.txt'), 'the path is never echoed');
});

test('--secret is refused in every spelling and position, and the value never printed', () => {
  const value = 'argv-secret-0123456789abcdef0123456789abcdef';
  for (const args of [
    ['sign', '--secret', value, '--permissions', 'allow_join'],
    ['sign', '--permissions', 'allow_join', `--secret=${value}`],
    ['verify', 'a.b.c', '--secret', value],
    ['decode', 'a.b.c', '--secret', value],
    ['--secret', value, 'sign'],
  ]) {
    const r = cli(args, { env: ENV });
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /--secret is refused: a secret on the command line is visible to every user of this machine/);
    assert.ok(!r.stdout.includes(value) && !r.stderr.includes(value), 'not echoed');
    assert.equal(r.stdout, '', 'nothing signed');
  }
});

test('a stray argument (a secret typed in the wrong place) is counted, never echoed', () => {
  const value = 'stray-secret-0123456789abcdef0123456789abcdef';
  const r = cli(['sign', '--permissions', 'allow_join', value], { env: ENV });
  assert.equal(r.status, 2);
  assert.ok(!r.stderr.includes(value));
  assert.match(r.stderr, /sign takes no arguments; got 1/);
  const unknown = cli(['sign', `--${value}=x`], { env: ENV });
  assert.equal(unknown.status, 2);
  assert.ok(!unknown.stderr.includes(`${value}=x`), 'an unknown option is named, its value is not');
});

test('verify -: the token from stdin with the secret from the environment or a file', () => {
  const token = cli(SIGN, { env: ENV }).stdout;
  const r = cli(['verify', '-', '--now', String(NOW), '--json', '--room', 'r1'], { input: token, env: ENV });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).roomId, 'r1');
  const file = join(dir, 'secret.txt');
  const viaFile = cli(['verify', '-', '--now', String(NOW), '--json', '--secret-file', file], { input: token });
  assert.equal(viaFile.status, 0, viaFile.stderr);
  // The secret piped in with the token as an argument.
  const piped = cli(['verify', token.trim(), '--now', String(NOW), '--json'], { input: SECRET });
  assert.equal(piped.status, 0, piped.stderr);
});

test('exit codes: 0 valid, 1 refused or malformed, 2 usage', () => {
  const token = cli(SIGN, { env: ENV }).stdout.trim();
  assert.equal(cli(['verify', token, '--now', String(NOW)], { env: ENV }).status, 0);
  assert.equal(cli(['verify', token, '--now', String(NOW + 86400)], { env: ENV }).status, 1);
  assert.equal(cli(['verify', `${token}x`, '--now', String(NOW)], { env: ENV }).status, 1);
  assert.equal(cli(['verify', 'garbage', '--now', String(NOW)], { env: ENV }).status, 1);
  assert.equal(cli(['decode', 'garbage'], { env: ENV }).status, 1);
  assert.equal(cli(['decode', token, '--now', String(NOW + 86400)], { env: ENV }).status, 0, 'decode reads an expired token');
  assert.equal(cli(['verify'], { env: ENV }).status, 2);
  assert.equal(cli(['sign', '--permissions', 'allow_join', '--roles', 'admin'], { env: ENV }).status, 2);
  assert.equal(cli(['--version'], { env: ENV }).status, 0);
});

test('colour on a terminal; none with NO_COLOR, none when piped', () => {
  const token = cli(SIGN, { env: ENV }).stdout.trim();
  const line = `${bin} decode ${token} --now ${NOW}`;
  const tty = runOnTty(line);
  assert.equal(tty.status, 0, tty.stdout);
  assert.ok(tty.stdout.includes('\x1b[1mHeader\x1b[22m'), `bold headings on a terminal: ${JSON.stringify(tty.stdout.slice(0, 80))}`);
  for (const value of ['1', 'true']) {
    const plain = runOnTty(line, { NO_COLOR: value });
    assert.equal(plain.status, 0);
    assert.ok(!plain.stdout.includes('\x1b['), `no colour with NO_COLOR=${value}`);
  }
  assert.ok(!runOnTty(line, { TERM: 'dumb' }).stdout.includes('\x1b['), 'none on a dumb terminal');
  assert.ok(!cli(['decode', token, '--now', String(NOW)]).stdout.includes('\x1b['), 'none when piped');
  // Errors on a terminal are red, and plain with NO_COLOR.
  assert.ok(runOnTty(`${bin} decode garbage`).stdout.includes('\x1b[31mMALFORMED\x1b[39m'));
  assert.ok(!runOnTty(`${bin} decode garbage`, { NO_COLOR: '1' }).stdout.includes('\x1b['));
});

test('--claim: VALUE is JSON when it parses as JSON, else text', async () => {
  // The parser itself, from the installed package's files (the bin's own module).
  const { parseClaims } = await import(join(dir, 'node_modules/videosdk-token/cli/commands.js'));
  assert.deepEqual(parseClaims(['name=Ada', 'admin=true', 'n=42', 'tags=["a",1]', 'q="42"', 'o={"a":null}', 'e=', 'eq=a=b', 'sp= x ']), {
    name: 'Ada', admin: true, n: 42, tags: ['a', 1], q: '42', o: { a: null }, e: '', eq: 'a=b', sp: ' x ',
  });
  assert.equal(parseClaims(undefined), undefined);
  const proto = parseClaims(['__proto__={"polluted":1}']);
  assert.deepEqual(Object.keys(proto), ['__proto__'], '__proto__ is a plain own key');
  assert.equal({}.polluted, undefined);
  assert.throws(() => parseClaims(['a=1', 'a=2']), /--claim "a" is given more than once/);
  assert.throws(() => parseClaims(['=1']), /--claim needs NAME=VALUE/);
});

test('sign --claim: custom claims signed with their JSON types, and they verify', () => {
  const r = cli([...SIGN, '--claim', 'name=Ada Lovelace', '--claim', 'admin=true', '--claim', 'level=3', '--claim', 'tags=["a","b"]', '--json'], { env: ENV });
  assert.equal(r.status, 0, r.stderr);
  const { token, payload } = JSON.parse(r.stdout);
  const claims = claimsOf(token);
  for (const c of [claims, payload]) {
    assert.equal(c.name, 'Ada Lovelace');
    assert.equal(c.admin, true);
    assert.equal(c.level, 3);
    assert.deepEqual(c.tags, ['a', 'b']);
    assert.equal(c.roomId, 'r1');
  }
  const reserved = cli([...SIGN, '--claim', 'exp=1'], { env: ENV });
  assert.equal(reserved.status, 2);
  assert.match(reserved.stderr, /--claim: INVALID_OPTIONS/);
});

test('a span without a unit is refused with the library\'s own message, --expires-in and --clock-tolerance alike', () => {
  const token = cli(SIGN, { env: ENV }).stdout.trim();
  for (const [args, text, field] of [
    [[...SIGN, '--expires-in', '120'], '120', 'expiresIn'],
    [['verify', token, '--clock-tolerance', '30', '--now', String(NOW)], '30', 'clockTolerance'],
  ]) {
    let expected;
    try {
      spanSeconds(text, field);
    } catch (error) {
      expected = error;
    }
    assert.equal(expected?.code, 'INVALID_OPTIONS', `the library refuses ${text} for ${field}`);
    const r = cli(args, { env: ENV });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(`INVALID_OPTIONS: ${expected.message}`), r.stderr);
  }
});

test('no output of any run above holds the secret', () => {
  assert.ok(seen.length > 20);
  for (const text of seen) assert.ok(!text.includes(SECRET));
});
