// Hardening: any value of any type, for every argument of every function, ends in a
// TokenError with a stable code; never a wasm trap (RuntimeError), never a stray JS exception,
// and the module keeps working afterwards. Run against the packed package.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as lib from 'videosdk-token';

const { signToken, verifyToken, decodeToken, TokenSigner, TokenError } = lib;

const SECRET = 'boundary-secret-0123456789abcdef0123456789abcdef0123456789abcdef';
const NOW = 1_700_000_000;
const CODES = new Set([
  'INVALID_OPTIONS', 'WEAK_SECRET', 'MALFORMED', 'ALG_NOT_ALLOWED', 'INVALID_SIGNATURE',
  'EXPIRED', 'NOT_YET_VALID', 'CLAIMS_INVALID', 'CLAIM_MISMATCH',
]);

function throwingProxy(target) {
  const boom = () => {
    throw new Error('trap from a hostile proxy');
  };
  return new Proxy(target, {
    get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom,
  });
}

function revokedProxy(target) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

const getterThrows = Object.defineProperty({}, 'permissions', {
  enumerable: true,
  get() {
    throw new Error('getter throws');
  },
});

const HUGE = 'x'.repeat(4 * 1024 * 1024);

/** One of each kind of JS value, and hostile ones. */
export const VALUES = [
  ['undefined', undefined], ['null', null], ['true', true], ['false', false],
  ['0', 0], ['-0', -0], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
  ['1e308', 1e308], ['-1', -1], ['2**53', 2 ** 53], ['0.5', 0.5],
  ['bigint', 10n], ['huge bigint', 2n ** 200n], ['symbol', Symbol('s')],
  ["''", ''], ["'x'", 'x'], ['lone high surrogate', '\uD800'], ['lone low surrogate', '\uDFFF'],
  ['surrogates in a token', 'a\uD800.b\uDFFF.c'], ['NUL', '\0'], ['4 MiB string', HUGE],
  ['function', () => 1], ['class', class {}], ['[]', []], ['[null]', [null]], ['[[]]', [[]]],
  ['sparse array', [, , 'allow_join']], // eslint-disable-line no-sparse-arrays
  ['{}', {}], ['Object.create(null)', Object.create(null)], ['Date', new Date(0)],
  ['invalid Date', new Date(NaN)], ['RegExp', /x/], ['Map', new Map()], ['Set', new Set()],
  ['Promise', Promise.resolve(1)], ['Error', new Error('e')],
  ['Uint8Array(0)', new Uint8Array(0)], ['Uint8Array(1 MiB)', new Uint8Array(1 << 20)],
  ['Uint16Array', new Uint16Array(32)], ['ArrayBuffer', new ArrayBuffer(64)],
  ['DataView', new DataView(new ArrayBuffer(64))], ['String object', new String(SECRET)],
  ['Number object', new Number(1)], ['boxed symbol', Object(Symbol('b'))],
  ['__proto__ object', JSON.parse('{"__proto__":{"polluted":1}}')],
  ['throwing proxy {}', throwingProxy({})], ['throwing proxy []', throwingProxy([])],
  ['revoked proxy', revokedProxy({})], ['revoked array proxy', revokedProxy([])],
  ['getter that throws', getterThrows],
  ['toString that throws', { toString() { throw new Error('toString'); }, valueOf() { throw new Error('valueOf'); } }],
  ['array of throwing proxies', [throwingProxy({})]],
  ['array with a throwing index', throwingProxy(['allow_join'])],
];

function expectTokenError(fn, what) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (error === undefined) return 'ok'; // a value that happens to be valid, e.g. an options default
  assert.ok(!(error instanceof WebAssembly.RuntimeError), `${what}: wasm trap: ${error?.message}`);
  assert.ok(error instanceof TokenError, `${what}: not a TokenError: ${error?.name}: ${error?.message}`);
  assert.ok(CODES.has(error.code), `${what}: unknown code ${error.code}`);
  assert.equal(typeof error.reason, 'string', `${what}: reason`);
  assert.ok(!`${error.message}${error.reason}${error.stack}`.includes(SECRET), `${what}: leaks the secret`);
  return error.code;
}

function stillWorks() {
  const token = signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], now: NOW });
  assert.equal(verifyToken(token, SECRET, { now: NOW + 1 }).apikey, 'k');
  assert.equal(decodeToken(token, { now: NOW }).payload.apikey, 'k');
  const signer = new TokenSigner({ apiKey: 'k', secret: SECRET });
  assert.equal(signer.sign({ permissions: ['allow_join'], now: NOW }), token);
  signer.free();
}

const good = {
  token: () => signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], now: NOW }),
};

// Every argument position of every function, each value in turn, the other arguments good.
function calls(v) {
  const t = good.token();
  const base = { apiKey: 'k', secret: SECRET, permissions: ['allow_join'], now: NOW };
  const out = [
    ['signToken(v)', () => signToken(v)],
    ['decodeToken(v)', () => decodeToken(v)],
    ['decodeToken(t, v)', () => decodeToken(t, v)],
    ['verifyToken(v, s)', () => verifyToken(v, SECRET, { now: NOW })],
    ['verifyToken(t, v)', () => verifyToken(t, v, { now: NOW })],
    ['verifyToken(t, [v])', () => verifyToken(t, [v], { now: NOW })],
    ['verifyToken(t, s, v)', () => verifyToken(t, SECRET, v)],
    ['new TokenSigner(v)', () => new TokenSigner(v)],
    ['TokenSigner.sign(v)', () => new TokenSigner({ apiKey: 'k', secret: SECRET }).sign(v)],
  ];
  for (const key of ['apiKey', 'secret', 'permissions', 'version', 'roomId', 'participantId',
    'roles', 'expiresIn', 'notBefore', 'jwtId', 'now', 'apikey', '__proto__']) {
    out.push([`signToken({${key}: v})`, () => signToken({ ...base, [key]: v })]);
  }
  for (const key of ['now', 'clockTolerance', 'apiKey', 'roomId', 'participantId']) {
    out.push([`verifyToken(t, s, {${key}: v})`, () => verifyToken(t, SECRET, { now: NOW, [key]: v })]);
  }
  out.push(['decodeToken(t, {now: v})', () => decodeToken(t, { now: v })]);
  return out;
}

test('every argument, any value: a TokenError or a result, never a trap', () => {
  const seen = new Map();
  let n = 0;
  for (const [name, v] of VALUES) {
    for (const [call, fn] of calls(v)) {
      const code = expectTokenError(fn, `${call} with ${name}`);
      seen.set(code, (seen.get(code) ?? 0) + 1);
      n++;
    }
  }
  stillWorks();
  console.log(`boundary: ${n} calls, outcomes ${JSON.stringify(Object.fromEntries(seen))}`);
});

test('hostile values many times over do not wear the module down (no leaked stack or heap)', () => {
  // The megabyte-sized values are copied on every call; once each (above) is enough for them.
  for (let i = 0; i < 5_000; i++) {
    const [name, v] = VALUES[i % VALUES.length];
    if (name === '4 MiB string' || name === 'Uint8Array(1 MiB)') continue;
    for (const [, fn] of calls(v)) expectTokenError(fn, 'repeat');
  }
  stillWorks();
});

test('a freed TokenSigner throws a TokenError, again and again', () => {
  const signer = new TokenSigner({ apiKey: 'k', secret: SECRET });
  signer.free();
  signer.free();
  for (let i = 0; i < 3; i++) {
    assert.equal(expectTokenError(() => signer.sign({ permissions: ['allow_join'] }), 'after free'), 'INVALID_OPTIONS');
  }
  stillWorks();
});

test('a huge token is refused fast, before it is copied into wasm memory', () => {
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) {
    assert.equal(expectTokenError(() => verifyToken(HUGE, SECRET), 'huge'), 'MALFORMED');
    assert.equal(expectTokenError(() => decodeToken(HUGE), 'huge'), 'MALFORMED');
  }
  const ms = (performance.now() - t0) / 200;
  assert.ok(ms < 5, `a 4 MiB token took ${ms.toFixed(3)} ms to refuse`);
});

// Caller code that once ran inside wasm frames, repeated past the point where it used to break the
// module for the whole process (a freed signer: ~12,900 calls; a throwing Date.now: ~3,000).
test('a TokenSigner freed from an option getter, 20,000 times: a TokenError each time', () => {
  for (let i = 0; i < 20_000; i++) {
    const signer = new TokenSigner({ apiKey: 'k', secret: SECRET });
    const options = { permissions: ['allow_join'], get now() { signer.free(); return NOW; } };
    assert.equal(expectTokenError(() => signer.sign(options), 'freed in a getter'), 'INVALID_OPTIONS');
  }
  stillWorks();
});

// The token crosses into wasm through one reused buffer: caller code that verifies or decodes
// another token while the arguments are read must not change which token is checked.
test('a verify or decode run from caller code while the arguments are read: each call its own token', () => {
  const mine = signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], roomId: 'mine', now: NOW });
  const other = signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], roomId: 'them', now: NOW });
  const meddle = () => {
    assert.equal(decodeToken(other, { now: NOW }).payload.roomId, 'them');
    assert.equal(verifyToken(other, SECRET, { now: NOW }).roomId, 'them');
  };
  const at = new Date(NOW * 1000);
  at.getTime = () => {
    meddle();
    return NOW * 1000;
  };
  assert.equal(decodeToken(mine, { now: at }).payload.roomId, 'mine');
  assert.equal(verifyToken(mine, SECRET, { now: at }).roomId, 'mine');
  const getter = { get now() { meddle(); return NOW; } };
  assert.equal(decodeToken(mine, getter).payload.roomId, 'mine');
  assert.equal(verifyToken(mine, SECRET, getter).roomId, 'mine');
});

test('a throwing or NaN Date.now, 10,000 times: a TokenError each time, never 1970', () => {
  const realNow = Date.now;
  const expired = signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], now: NOW });
  try {
    for (let i = 0; i < 10_000; i++) {
      Date.now = i % 2 ? () => NaN : () => { throw new Error('clock down'); };
      assert.equal(expectTokenError(() => verifyToken(expired, SECRET), 'broken clock'), 'INVALID_OPTIONS');
      assert.equal(expectTokenError(() => signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'] }), 'broken clock'), 'INVALID_OPTIONS');
    }
  } finally {
    Date.now = realNow;
  }
  stillWorks();
});
