// The tokens suite: signToken, verifyToken, decodeToken, TokenSigner. Runtime-agnostic (no node:
// imports, no timers, no globals beyond what every JS runtime has), so the same cases run on Node
// (ESM and CJS), Deno, Bun, workerd, edge-runtime and browsers; the runners take it from the one
// list of suites (index.mjs).
import { API_KEY, NOW, SECRET, OTHER_SECRET, b64url, deepEq, eq, fail, ok, payloadOf, throwsCode, forge, unb64url } from '../support/assert.mjs';

const HEADER = '{"alg":"HS256","typ":"JWT"}';

function claimsJson(extra = {}) {
  return JSON.stringify({ apikey: API_KEY, permissions: ['allow_join'], iat: NOW, exp: NOW + 60, ...extra });
}

// Payloads that are not a VideoSDK token's (undefined drops the claim).
const BAD_CLAIMS = [
  { exp: undefined }, { exp: String(NOW + 60) }, { iat: 'yesterday' }, { nbf: null }, { apikey: 5 },
  { apikey: undefined }, { permissions: undefined }, { permissions: [] }, { permissions: 'allow_join' },
  { permissions: ['allow_everything'] }, { version: 2, roles: ['admin'] }, { roomId: 'r' },
  { participantId: 'p' }, { roles: ['rtc'] }, { version: '2', roomId: 'r' }, { exp: (NOW + 60) * 1000 },
  { iat: -5 },
];

export function cases({ lib }) {
  const { signToken, decodeToken, verifyToken, TokenSigner, TokenError } = lib;
  const base = { apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], now: NOW };
  const sign = (extra = {}) => signToken({ ...base, ...extra });
  const verifyAt = (token, extra = {}, secret = SECRET) =>
    verifyToken(token, secret, { now: NOW + 1, ...extra });
  const claims = claimsJson;

  return [
    ['exports the documented API', () => {
      for (const name of ['signToken', 'decodeToken', 'verifyToken', 'TokenSigner', 'TokenError']) {
        eq(typeof lib[name], 'function', name);
      }
    }],

    ['VideoSDKError is the base of TokenError', () => {
      const { VideoSDKError } = lib;
      eq(typeof VideoSDKError, 'function', 'VideoSDKError');
      const e = new TokenError('MALFORMED', 'bad token', { reason: 'why' });
      ok(e instanceof VideoSDKError && e instanceof Error, 'TokenError extends VideoSDKError');
      eq(e.name, 'TokenError', 'name');
      eq(e.reason, 'why', 'reason');
      const base = new VideoSDKError('SOME_CODE', 'message');
      eq(base.name, 'VideoSDKError', 'base name');
      eq(base.code, 'SOME_CODE', 'base code');
      eq(base.reason, 'message', 'reason defaults to the message');
    }],

    ['signs the exact header and claims, default expiry 120 minutes', () => {
      const token = sign();
      const [header] = token.split('.');
      eq(unb64url(header), HEADER, 'header');
      deepEq(payloadOf(token), {
        apikey: API_KEY,
        permissions: ['allow_join'],
        iat: NOW,
        exp: NOW + 7200,
      }, 'payload');
    }],

    ['v2 claims set version 2 and keep their order', () => {
      const token = sign({
        permissions: ['allow_join', 'allow_mod', 'allow_join'],
        roomId: 'room-1',
        participantId: 'user-1',
        roles: ['crawler', 'rtc'],
        jwtId: 'id-1',
        notBefore: '10s',
        expiresIn: '2h',
      });
      eq(Object.keys(payloadOf(token)).join(','),
        'apikey,permissions,version,roomId,participantId,roles,jti,iat,nbf,exp', 'claim order');
      deepEq(payloadOf(token), {
        apikey: API_KEY,
        permissions: ['allow_join', 'allow_mod'],
        version: 2,
        roomId: 'room-1',
        participantId: 'user-1',
        roles: ['crawler', 'rtc'],
        jti: 'id-1',
        iat: NOW,
        nbf: NOW + 10,
        exp: NOW + 7200,
      }, 'payload');
    }],

    ['expiresIn accepts numbers and units, refuses unitless strings and out-of-range values', () => {
      eq(payloadOf(sign({ expiresIn: 90 })).exp, NOW + 90, '90');
      eq(payloadOf(sign({ expiresIn: '90s' })).exp, NOW + 90, '90s');
      eq(payloadOf(sign({ expiresIn: '1d' })).exp, NOW + 86400, '1d');
      eq(payloadOf(sign({ expiresIn: '1w' })).exp, NOW + 604800, '1w');
      eq(payloadOf(sign({ expiresIn: '2 hours' })).exp, NOW + 7200, '2 hours');
      for (const bad of ['120', 0, -1, '0s', '366d', 'soon', 1.5, NaN, Infinity, true, {}]) {
        const e = throwsCode(lib, () => sign({ expiresIn: bad }), 'INVALID_OPTIONS', 'expiresIn');
        ok(e.message.length > 20, 'the message says what would be right');
      }
      ok(throwsCode(lib, () => sign({ expiresIn: '120' }), 'INVALID_OPTIONS').message.includes("'120s'"),
        'a unitless string gets a hint');
    }],

    ['now accepts seconds or a Date and refuses milliseconds', () => {
      eq(payloadOf(sign({ now: new Date(NOW * 1000 + 999) })).iat, NOW, 'Date');
      const e = throwsCode(lib, () => sign({ now: NOW * 1000 }), 'INVALID_OPTIONS', 'now');
      ok(e.message.includes('milliseconds'), e.message);
      throwsCode(lib, () => sign({ now: new Date(NaN) }), 'INVALID_OPTIONS', 'now');
      throwsCode(lib, () => sign({ now: '1700000000' }), 'INVALID_OPTIONS', 'now');
    }],

    ['the real clock is used when now is not given', () => {
      const before = Math.floor(Date.now() / 1000);
      const { iat } = payloadOf(signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'] }));
      ok(iat >= before - 1 && iat <= before + 5, `iat ${iat} near ${before}`);
    }],

    ['jwtId true gives a random 128-bit base64url id', () => {
      const a = payloadOf(sign({ jwtId: true })).jti;
      const b = payloadOf(sign({ jwtId: true })).jti;
      ok(/^[A-Za-z0-9_-]{22}$/.test(a), `jti ${a}`);
      ok(a !== b, 'two random ids differ');
      throwsCode(lib, () => sign({ jwtId: false }), 'INVALID_OPTIONS', 'jwtId');
      throwsCode(lib, () => sign({ jwtId: '' }), 'INVALID_OPTIONS', 'jwtId');
    }],

    ['bad options are INVALID_OPTIONS naming the field', () => {
      const table = [
        [{ apiKey: undefined }, 'apiKey'],
        [{ apiKey: '' }, 'apiKey'],
        [{ apiKey: 42 }, 'apiKey'],
        [{ secret: undefined }, 'secret'],
        [{ secret: 12345 }, 'secret'],
        [{ secret: null }, 'secret'],
        [{ permissions: undefined }, 'permissions'],
        [{ permissions: [] }, 'permissions'],
        [{ permissions: 'allow_join' }, 'permissions'],
        [{ permissions: ['allow_everything'] }, 'permissions'],
        [{ permissions: ['allow_join', 'ask_join'] }, 'permissions'],
        [{ permissions: [1] }, 'permissions'],
        [{ roles: ['admin'] }, 'roles'],
        [{ roles: [] }, 'roles'],
        [{ roles: 'rtc' }, 'roles'],
        [{ version: 1, roomId: 'r' }, 'version'],
        [{ version: 3 }, 'version'],
        [{ version: '2' }, 'version'],
        [{ roomId: '' }, 'roomId'],
        [{ roomId: 7 }, 'roomId'],
        [{ roomId: null }, 'roomId'],
        [{ participantId: {} }, 'participantId'],
        [{ notBefore: '3h' }, 'notBefore'],
        [{ apikey: 'typo' }, 'apikey'],
      ];
      for (const [extra, field] of table) {
        throwsCode(lib, () => sign(extra), 'INVALID_OPTIONS', field);
      }
      const typo = throwsCode(lib, () => sign({ apikey: 'x' }), 'INVALID_OPTIONS', 'apikey');
      ok(typo.message.includes("did you mean 'apiKey'"), typo.message);
      const both = throwsCode(lib, () => sign({ permissions: ['allow_join', 'ask_join'] }), 'INVALID_OPTIONS');
      ok(both.message.includes('Pick one'), both.message);
    }],

    ['lists reach the core entry for entry: [] is empty, [""] one empty entry, a comma stays inside its entry', () => {
      const says = (extra, field, text) => {
        const e = throwsCode(lib, () => sign(extra), 'INVALID_OPTIONS', field);
        ok(e.message.includes(text), `${JSON.stringify(extra)}: ${e.message}`);
      };
      says({ permissions: [] }, 'permissions', 'permissions must list at least one of');
      says({ permissions: [], roles: ['rtc'] }, 'permissions', 'permissions must list at least one of');
      says({ roles: [] }, 'roles', 'roles must list at least one of');
      says({ permissions: [''] }, 'permissions', 'the unknown entry ""');
      says({ permissions: ['allow_join', ''] }, 'permissions', 'the unknown entry ""');
      says({ permissions: ['allow_join,ask_join'] }, 'permissions', 'the unknown entry "allow_join,ask_join"');
      says({ permissions: ['allow_join', 'x,y'], roles: ['rtc', ','] }, 'permissions', 'the unknown entry "x,y"');
      says({ roles: ['rtc', ','] }, 'roles', 'the unknown entry ","');
      const both = payloadOf(sign({ permissions: ['allow_join', 'allow_mod'], roles: ['rtc', 'crawler'] }));
      deepEq([both.permissions, both.roles], [['allow_join', 'allow_mod'], ['rtc', 'crawler']], 'two entries each');
    }],

    ['options that are not an object are INVALID_OPTIONS', () => {
      for (const bad of [undefined, null, 'x', 1, [], true]) {
        throwsCode(lib, () => signToken(bad), 'INVALID_OPTIONS');
        throwsCode(lib, () => new TokenSigner(bad), 'INVALID_OPTIONS');
      }
      throwsCode(lib, () => decodeToken(sign(), 'x'), 'INVALID_OPTIONS');
      throwsCode(lib, () => verifyToken(sign(), SECRET, []), 'INVALID_OPTIONS');
    }],

    ['short secrets are WEAK_SECRET for signing and verifying', () => {
      const e = throwsCode(lib, () => sign({ secret: 'short' }), 'WEAK_SECRET');
      ok(e.message.includes('32 bytes'), e.message);
      throwsCode(lib, () => sign({ secret: new Uint8Array(31) }), 'WEAK_SECRET');
      throwsCode(lib, () => verifyAt(sign(), {}, 'short'), 'WEAK_SECRET');
      throwsCode(lib, () => new TokenSigner({ apiKey: API_KEY, secret: 'x'.repeat(31) }), 'WEAK_SECRET');
    }],

    ['a Uint8Array secret equals the string of the same UTF-8 bytes', () => {
      const bytes = new TextEncoder().encode(SECRET);
      eq(sign({ secret: bytes }), sign(), 'token');
      verifyAt(sign(), {}, bytes);
    }],

    ['sign → verify returns the claims', () => {
      const token = sign({ roomId: 'r', participantId: 'p', roles: ['rtc'] });
      deepEq(verifyAt(token), payloadOf(token), 'claims');
    }],

    ['verify failures all say "Token is invalid or expired" with a code and reason', () => {
      const token = sign();
      const failures = [
        [() => verifyAt('nope'), 'MALFORMED'],
        [() => verifyAt(token, {}, OTHER_SECRET), 'INVALID_SIGNATURE'],
        [() => verifyAt(token, { now: NOW + 7200 }), 'EXPIRED'],
      ];
      for (const [fn, code] of failures) {
        const e = throwsCode(lib, fn, code);
        eq(e.message, 'Token is invalid or expired', `${code} message`);
        ok(e.reason !== e.message, `${code} reason differs from the message`);
      }
    }],

    ['a token is expired at its exp second; clockTolerance widens it', () => {
      const token = sign({ expiresIn: 60 });
      verifyAt(token, { now: NOW + 59 });
      const e = throwsCode(lib, () => verifyAt(token, { now: NOW + 60 }), 'EXPIRED');
      ok(e.expiredAt instanceof Date, 'expiredAt is a Date');
      eq(e.expiredAt.getTime(), (NOW + 60) * 1000, 'expiredAt');
      verifyAt(token, { now: NOW + 60, clockTolerance: 1 });
      verifyAt(token, { now: NOW + 89, clockTolerance: '30s' });
      throwsCode(lib, () => verifyAt(token, { now: NOW + 90, clockTolerance: '30s' }), 'EXPIRED');
      throwsCode(lib, () => verifyAt(token, { clockTolerance: -1 }), 'INVALID_OPTIONS', 'clockTolerance');
    }],

    ['nbf in the future is NOT_YET_VALID', () => {
      const token = sign({ notBefore: '10m' });
      throwsCode(lib, () => verifyAt(token), 'NOT_YET_VALID');
      verifyAt(token, { now: NOW + 600 });
      verifyAt(token, { now: NOW + 540, clockTolerance: '1m' });
    }],

    ['apiKey, roomId and participantId options must match the claims', () => {
      const token = sign({ roomId: 'r1', participantId: 'p1' });
      verifyAt(token, { apiKey: API_KEY, roomId: 'r1', participantId: 'p1' });
      throwsCode(lib, () => verifyAt(token, { apiKey: 'other' }), 'CLAIM_MISMATCH', 'apiKey');
      throwsCode(lib, () => verifyAt(token, { roomId: 'r2' }), 'CLAIM_MISMATCH', 'roomId');
      throwsCode(lib, () => verifyAt(token, { participantId: 'p2' }), 'CLAIM_MISMATCH', 'participantId');
      throwsCode(lib, () => verifyAt(sign(), { roomId: 'r1' }), 'CLAIM_MISMATCH', 'roomId');
    }],

    ['a list of secrets verifies with any one (key rotation)', () => {
      const token = sign();
      verifyAt(token, {}, [OTHER_SECRET, SECRET]);
      throwsCode(lib, () => verifyAt(token, {}, [OTHER_SECRET]), 'INVALID_SIGNATURE');
      throwsCode(lib, () => verifyAt(token, {}, []), 'INVALID_OPTIONS', 'secret');
    }],

    ['alg other than exactly HS256 is ALG_NOT_ALLOWED, before the signature is looked at', async () => {
      for (const header of ['{"alg":"none"}', '{"alg":"None"}', '{"alg":"NONE"}', '{"alg":"HS384"}',
        '{"alg":"HS512"}', '{"alg":"RS256"}', '{"alg":"ES256"}', '{"alg":"hs256"}', '{"typ":"JWT"}',
        '{"alg":256}']) {
        const token = await forge(header, claims());
        throwsCode(lib, () => verifyAt(token), 'ALG_NOT_ALLOWED');
        const unsigned = `${token.split('.').slice(0, 2).join('.')}.`;
        throwsCode(lib, () => verifyAt(unsigned), 'ALG_NOT_ALLOWED');
      }
    }],

    ['signature problems are INVALID_SIGNATURE: empty, truncated, extended, another token\'s', () => {
      const token = sign();
      const [h, p, s] = token.split('.');
      throwsCode(lib, () => verifyAt(`${h}.${p}.`), 'INVALID_SIGNATURE');
      throwsCode(lib, () => verifyAt(`${h}.${p}.${s.slice(0, 40)}`), 'INVALID_SIGNATURE');
      throwsCode(lib, () => verifyAt(`${h}.${p}.${s}AAAA`), 'INVALID_SIGNATURE');
      const otherSig = sign({ roomId: 'x' }).split('.')[2];
      throwsCode(lib, () => verifyAt(`${h}.${p}.${otherSig}`), 'INVALID_SIGNATURE');
    }],

    ['strict parsing: parts, base64url, padding, whitespace, duplicates, crit, b64, cty', async () => {
      const token = sign();
      const [h, p, s] = token.split('.');
      for (const bad of [`${h}.${p}`, `${token}.x`, `${h}=.${p}.${s}`, `${h}.${p}.${s}=`,
        ` ${token}`, `${token}\n`, `${h}.${p.slice(0, 5)}+${p.slice(6)}.${s}`, `.${p}.${s}`]) {
        throwsCode(lib, () => verifyAt(bad), 'MALFORMED');
        throwsCode(lib, () => decodeToken(bad), 'MALFORMED');
      }
      for (const header of ['{"alg":"HS256","alg":"HS256"}', '{"alg":"HS256","crit":["exp"]}',
        '{"alg":"HS256","b64":false}', '{"alg":"HS256","cty":"text/plain"}', '[]']) {
        throwsCode(lib, () => verifyAt(`${b64url(header)}.${p}.${s}`), 'MALFORMED');
      }
      const dupExp = await forge(HEADER, `{"apikey":"k","permissions":["allow_join"],"exp":${NOW + 60},"exp":${NOW + 999999}}`);
      throwsCode(lib, () => verifyAt(dupExp), 'MALFORMED');
    }],

    ['the payload is parsed only after the MAC checks out', async () => {
      const notJson = await forge(HEADER, 'not json');
      throwsCode(lib, () => verifyAt(notJson), 'MALFORMED');
      throwsCode(lib, () => verifyAt(notJson, {}, OTHER_SECRET), 'INVALID_SIGNATURE');
      const array = await forge(HEADER, '[1,2]');
      throwsCode(lib, () => verifyAt(array), 'MALFORMED');
    }],

    ['claims that are not a VideoSDK token\'s are CLAIMS_INVALID', async () => {
      for (const extra of BAD_CLAIMS) {
        throwsCode(lib, () => verifyAt(forged.get(claimsJson(extra))), 'CLAIMS_INVALID');
      }
    }],

    ['decodeToken shows parts, dates and warnings without checking the signature', async () => {
      const token = sign({ roomId: 'r', roles: ['rtc'], expiresIn: '1h', notBefore: 5 });
      const d = decodeToken(token, { now: NOW });
      deepEq(d.header, { alg: 'HS256', typ: 'JWT' }, 'header');
      deepEq(d.payload, payloadOf(token), 'payload');
      eq(d.signature, token.split('.')[2], 'signature');
      eq(d.issuedAt.getTime(), NOW * 1000, 'issuedAt');
      eq(d.notBefore.getTime(), (NOW + 5) * 1000, 'notBefore');
      eq(d.expiresAt.getTime(), (NOW + 3600) * 1000, 'expiresAt');
      eq(d.expired, false, 'expired');
      deepEq(d.warnings, [], 'warnings');
      const later = decodeToken(token, { now: new Date((NOW + 3780) * 1000) });
      eq(later.expired, true, 'expired later');
      deepEq(later.warnings, ['expired 3 min ago'], 'warnings later');
      const forged = await forge('{"alg":"HS512"}', JSON.stringify({
        apikey: 'k', permissions: ['allow_join', 'ask_join', 'superuser'], roomId: 'r', version: '2',
        iat: (NOW + 3600) * 1000, roles: ['rtc', 'guest'],
      }));
      const all = decodeToken(forged, { now: NOW }).warnings.join('\n');
      for (const expect of ['HS512', 'exp is missing', '"superuser"', '"guest"', 'the string "2"',
        'error 4008 INVALID_PERMISSIONS', 'looks like milliseconds']) {
        ok(all.includes(expect), `warning about ${expect} in:\n${all}`);
      }
      const noVersion = decodeToken(await forge(HEADER, claims({ roomId: 'r' })), { now: NOW }).warnings;
      ok(noVersion.some((w) => w.includes('version')), noVersion.join('; '));
      const future = decodeToken(await forge(HEADER, claims({ iat: NOW + 7200, exp: NOW + 9000 })), { now: NOW }).warnings;
      ok(future.some((w) => w.includes('in the future')), future.join('; '));
    }],

    ['decodeToken fails only with MALFORMED, naming the bad part', () => {
      const [h, , s] = sign().split('.');
      const e = throwsCode(lib, () => decodeToken(`${h}.a+b.${s}`), 'MALFORMED');
      ok(e.message.startsWith('the payload is not valid base64url'), e.message);
      const notObject = throwsCode(lib, () => decodeToken(`${h}.${b64url('"x"')}.${s}`), 'MALFORMED');
      ok(notObject.message.includes('not a JSON object'), notObject.message);
      throwsCode(lib, () => decodeToken(''), 'MALFORMED');
      throwsCode(lib, () => decodeToken(undefined), 'MALFORMED');
      throwsCode(lib, () => decodeToken('x'.repeat(1 << 20)), 'MALFORMED');
    }],

    ['__proto__ in a payload does not pollute prototypes', async () => {
      const token = await forge(HEADER, claims().replace(/}$/, ',"__proto__":{"polluted":true}}'));
      const verified = verifyAt(token);
      const decoded = decodeToken(token, { now: NOW });
      eq({}.polluted, undefined, 'Object.prototype');
      eq(verified.polluted, undefined, 'claims object prototype');
      eq(decoded.payload.polluted, undefined, 'decoded payload prototype');
      ok(Object.prototype.hasOwnProperty.call(verified, '__proto__'), '__proto__ is an own data property');
      eq(Object.getPrototypeOf(verified), Object.prototype, 'claims prototype');
    }],

    ['TokenSigner signs the same tokens as signToken and throws after free()', () => {
      const signer = new TokenSigner({ apiKey: API_KEY, secret: SECRET });
      const opts = { permissions: ['allow_join'], roomId: 'r', now: NOW, expiresIn: '10m' };
      eq(signer.sign(opts), sign(opts), 'token');
      throwsCode(lib, () => signer.sign({ ...opts, secret: SECRET }), 'INVALID_OPTIONS', 'secret');
      throwsCode(lib, () => signer.sign({ permissions: [] }), 'INVALID_OPTIONS', 'permissions');
      signer.free();
      throwsCode(lib, () => signer.sign(opts), 'INVALID_OPTIONS');
      signer.free();
      eq(sign(opts).length > 0, true, 'the module still works');
    }],

    ['TokenSigner: [Symbol.dispose]() frees it as free() does (`using signer = …`)', () => {
      // Where the engine has Symbol.dispose; the package's build drops the glue's own (never used).
      if (typeof Symbol.dispose !== 'symbol') return;
      const signer = new TokenSigner({ apiKey: API_KEY, secret: SECRET });
      eq(typeof signer[Symbol.dispose], 'function', 'has [Symbol.dispose]');
      signer[Symbol.dispose]();
      throwsCode(lib, () => signer.sign({ permissions: ['allow_join'] }), 'INVALID_OPTIONS');
    }],

    ['MALFORMED errors name the part of the token at fault in field', () => {
      const [h, p, s] = sign().split('.');
      for (const [bad, part] of [[`${h}=.${p}.${s}`, 'header'], [`${h}.a+b.${s}`, 'payload'],
        [`${h}.${p}.${s}=`, 'signature'], [`${b64url('[1]')}.${p}.${s}`, 'header']]) {
        eq(throwsCode(lib, () => decodeToken(bad), 'MALFORMED').field, part, `decode ${bad}`);
        eq(throwsCode(lib, () => verifyAt(bad), 'MALFORMED').field, part, `verify ${bad}`);
      }
      // The payload's JSON is looked at only after the MAC: verify needs a signed one.
      eq(throwsCode(lib, () => decodeToken(`${h}.${b64url('"x"')}.${s}`), 'MALFORMED').field, 'payload', 'decode JSON');
      eq(throwsCode(lib, () => verifyAt(forged.get('"x"')), 'MALFORMED').field, 'payload', 'verify JSON');
      eq(throwsCode(lib, () => decodeToken('a.b'), 'MALFORMED').field, undefined, 'structure is no one part');
    }],

    ['untrusted text in messages has no raw line breaks, separators or bidi overrides', async () => {
      const raw = /[\r\n\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
      const texts = (e) => `${e.message}\n${e.reason}\n${e.field ?? ''}`.split('\n').length === 3;
      for (const span of ['2h\r\nX-Forged: yes', '1\u2028hx', '\u202e1h', '5\u2066s']) {
        for (const key of ['expiresIn', 'notBefore']) {
          const e = throwsCode(lib, () => sign({ [key]: span }), 'INVALID_OPTIONS', key);
          ok(!raw.test(e.message) && !raw.test(e.reason) && texts(e), `${key} ${JSON.stringify(span)}: ${JSON.stringify(e.reason)}`);
        }
        const e = throwsCode(lib, () => verifyAt(sign(), { clockTolerance: span }), 'INVALID_OPTIONS', 'clockTolerance');
        ok(!raw.test(e.reason), JSON.stringify(e.reason));
      }
      const key = throwsCode(lib, () => signToken({ ...base, 'evil\r\nkey\u2028\u202e': 1 }), 'INVALID_OPTIONS');
      ok(!raw.test(key.message) && !raw.test(key.field), JSON.stringify(key.message));
      for (const header of ['{"alg":"HS256","typ":"x\\u2028y\\u202ez\\r\\n"}', '{"alg":"x\\u2029\\u2067\\n"}']) {
        const token = await forge(header, claims());
        for (const e of [throwsCode(lib, () => verifyAt(token), header.includes('typ') ? 'MALFORMED' : 'ALG_NOT_ALLOWED')]) {
          ok(!raw.test(e.reason), JSON.stringify(e.reason));
        }
        if (header.includes('typ')) {
          ok(!raw.test(throwsCode(lib, () => decodeToken(token), 'MALFORMED').message), 'decode message');
        } else {
          ok(decodeToken(token, { now: NOW }).warnings.every((w) => !raw.test(w)), 'decode warnings');
        }
      }
    }],

    ['strings that are not well-formed Unicode are refused, never signed as U+FFFD', () => {
      for (const key of ['apiKey', 'roomId', 'participantId', 'jwtId']) {
        throwsCode(lib, () => sign({ [key]: 'user-\ud800' }), 'INVALID_OPTIONS', key);
        throwsCode(lib, () => sign({ [key]: '\udfffx' }), 'INVALID_OPTIONS', key);
      }
      throwsCode(lib, () => sign({ permissions: ['allow_join\ud800'] }), 'INVALID_OPTIONS', 'permissions');
      throwsCode(lib, () => sign({ roles: ['rtc', '\udc00'] }), 'INVALID_OPTIONS', 'roles');
      throwsCode(lib, () => sign({ expiresIn: '2h\ud800' }), 'INVALID_OPTIONS', 'expiresIn');
      throwsCode(lib, () => sign({ secret: `${SECRET}\ud800` }), 'INVALID_OPTIONS', 'secret');
      const signer = new TokenSigner({ apiKey: API_KEY, secret: SECRET });
      throwsCode(lib, () => signer.sign({ permissions: ['allow_join'], participantId: 'user-\ud800' }), 'INVALID_OPTIONS', 'participantId');
      signer.free();
      const token = sign({ participantId: 'user-\ufffd' });
      for (const key of ['participantId', 'roomId', 'apiKey']) {
        throwsCode(lib, () => verifyAt(token, { [key]: 'user-\udfff' }), 'INVALID_OPTIONS', key);
      }
      const [h, p, s] = token.split('.');
      eq(throwsCode(lib, () => verifyAt(`${h}.${p}.${s}\ud800`), 'MALFORMED').field, 'signature', 'verify field');
      eq(throwsCode(lib, () => decodeToken(`${h}\udc00.${p}.${s}`), 'MALFORMED').field, 'header', 'decode field');
      ok(!sign({ participantId: 'user-\ud83d\ude00' }).includes('\ufffd'), 'a well-formed pair signs');
    }],

    ['a secret of the wrong type is described by its type only', () => {
      const digits = 123456789012345;
      for (const fn of [
        () => sign({ secret: digits }),
        () => new TokenSigner({ apiKey: API_KEY, secret: digits }),
        () => verifyAt(sign(), {}, digits),
        () => verifyAt(sign(), {}, [SECRET, digits]),
      ]) {
        const e = throwsCode(lib, fn, 'INVALID_OPTIONS', 'secret');
        ok(!`${e.message}${e.reason}`.includes(String(digits)), `the secret is echoed: ${e.message}`);
        ok(e.message.includes('a number'), e.message);
      }
    }],

    ['only own properties are options: a polluted Object.prototype changes nothing', () => {
      const expired = sign({ now: NOW - 40 * 86400, expiresIn: '1h' });
      const polluted = { clockTolerance: '365d', roomId: 'polluted-room', now: NOW - 100 * 86400, jwtId: 'polluted' };
      try {
        for (const [k, v] of Object.entries(polluted)) Object.prototype[k] = v; // eslint-disable-line no-extend-native
        throwsCode(lib, () => verifyToken(expired, SECRET), 'EXPIRED');
        throwsCode(lib, () => verifyToken(expired, SECRET, {}), 'EXPIRED');
        const claims = payloadOf(signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'] }));
        ok(!Object.hasOwn(claims, 'roomId'), 'roomId');
        ok(!Object.hasOwn(claims, 'jti'), 'jti');
        ok(claims.iat > NOW, 'the clock, not the polluted now');
        const signer = new TokenSigner({ apiKey: API_KEY, secret: SECRET });
        ok(!Object.hasOwn(payloadOf(signer.sign({ permissions: ['allow_join'] })), 'roomId'), 'TokenSigner.sign roomId');
        signer.free();
        eq(decodeToken(expired).expired, true, 'decode uses the clock');
      } finally {
        for (const k of Object.keys(polluted)) delete Object.prototype[k];
      }
    }],

    ['the clock is read before wasm and fails closed: NaN, Infinity or a throwing Date.now', () => {
      const realNow = Date.now;
      const token = sign({ now: NOW - 30 * 86400 }); // expired for weeks by the real clock
      try {
        for (const broken of [() => NaN, () => Infinity, () => -Infinity, () => undefined, () => { throw new Error('clock down'); }]) {
          Date.now = broken;
          throwsCode(lib, () => signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'] }), 'INVALID_OPTIONS', 'now');
          throwsCode(lib, () => verifyToken(token, SECRET), 'INVALID_OPTIONS', 'now');
          throwsCode(lib, () => decodeToken(token), 'INVALID_OPTIONS', 'now');
          eq(payloadOf(sign()).iat, NOW, 'an explicit now needs no clock');
        }
      } finally {
        Date.now = realNow;
      }
      throwsCode(lib, () => verifyToken(token, SECRET), 'EXPIRED');
    }],

    ['a TokenSigner freed by a getter during sign() throws a TokenError; the module keeps working', () => {
      for (let i = 0; i < 50; i++) {
        const signer = new TokenSigner({ apiKey: API_KEY, secret: SECRET });
        const options = { permissions: ['allow_join'], get now() { signer.free(); return NOW; } };
        throwsCode(lib, () => signer.sign(options), 'INVALID_OPTIONS');
      }
      const getterThrows = Object.defineProperty({ ...base }, 'roomId', { enumerable: true, get() { throw new Error('boom'); } });
      throwsCode(lib, () => signToken(getterThrows), 'INVALID_OPTIONS', 'roomId');
      verifyAt(sign());
    }],

    ['spanSeconds measures a span by the core\'s rules; PERMISSIONS and ROLES come from the core', () => {
      const { spanSeconds, humanSpan, PERMISSIONS, ROLES } = lib;
      eq(spanSeconds('2h'), 7200, '2h');
      eq(spanSeconds(90), 90, '90');
      eq(spanSeconds('1.5 hours'), 5400, '1.5 hours');
      eq(spanSeconds(0, 'notBefore'), 0, 'a delay may be 0');
      for (const bad of ['120', 0, '366d', 1.5, NaN, {}, '2h\ud800']) {
        throwsCode(lib, () => spanSeconds(bad), 'INVALID_OPTIONS', 'expiresIn');
      }
      throwsCode(lib, () => spanSeconds(-1, 'clockTolerance'), 'INVALID_OPTIONS', 'clockTolerance');
      eq(humanSpan(6720), '1 h 52 min', 'humanSpan');
      deepEq(Object.keys(PERMISSIONS), ['allow_join', 'ask_join', 'allow_mod'], 'PERMISSIONS');
      deepEq(Object.keys(ROLES), ['crawler', 'rtc'], 'ROLES');
      ok(PERMISSIONS.allow_join.includes('joins'), 'meanings');
      ok(Object.isFrozen(PERMISSIONS) && Object.isFrozen(ROLES), 'frozen');
      eq(lib.MAX_TOKEN_LEN, 8192, 'MAX_TOKEN_LEN');
    }],

    ['any value for any argument is a TokenError, never a trap', () => {
      const values = [undefined, null, 0, -1, 1.5, NaN, Infinity, '', 'x', '\ud800', true, false, [], [1],
        {}, { toString() { throw new Error('boom'); } }, () => 1, Symbol('s'), 10n, new Date(), new Uint8Array(2)];
      for (const v of values) {
        for (const fn of [
          () => signToken(v),
          () => signToken({ ...base, apiKey: v }),
          () => signToken({ ...base, secret: v }),
          () => signToken({ ...base, permissions: v }),
          () => signToken({ ...base, roles: v }),
          () => signToken({ ...base, expiresIn: v }),
          () => signToken({ ...base, now: v }),
          () => signToken({ ...base, claims: v }),
          () => signToken({ ...base, claims: { x: v } }),
          () => signToken({ ...base, claims: { x: [v, { y: v }] } }),
          () => decodeToken(v),
          () => verifyToken(v, SECRET),
          () => verifyToken(sign(), v),
          () => new TokenSigner(v),
        ]) {
          try {
            fn();
          } catch (e) {
            if (!(e instanceof TokenError)) fail(`${String(e)} for ${typeof v}`);
          }
        }
      }
      verifyAt(sign());
    }],
  ];
}

// Cases need forged tokens synchronously; WebCrypto is async, so they are made up front.
const forged = new Map();

/** Call once before running the cases: prepares the forged tokens some cases need. */
export async function prepare() {
  for (const extra of BAD_CLAIMS) {
    const payload = claimsJson(extra);
    forged.set(payload, await forge(HEADER, payload));
  }
  forged.set('"x"', await forge(HEADER, '"x"'));
}
