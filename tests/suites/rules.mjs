// VideoSDK's join-time rules and custom claims, through the token calls. Runtime-agnostic, like
// every suite in this folder.
import { API_KEY, NOW, SECRET, OTHER_SECRET, deepEq, eq, ok, payloadOf, throwsCode, forge } from '../support/assert.mjs';

// Unicode's White_Space property, point by point (PropList.txt): an oracle apart from the core's table.
const WHITE_SPACE = [0x9, 0xa, 0xb, 0xc, 0xd, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
// Invisible or space-like, but not White_Space: VideoSDK's rule is about whitespace only.
const NOT_WHITE_SPACE = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e, 0x1f];

const hex = (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

const HEADER = '{"alg":"HS256","typ":"JWT"}';
// A participant's token (roles ['rtc']: decode warns of a token without roles), then `extra`.
const payload = (extra) => JSON.stringify({ apikey: API_KEY, permissions: ['allow_join'], version: 2, roles: ['rtc'], iat: NOW, exp: NOW + 60, ...extra });

// Signed tokens that break a rule, and what verify's reason and decode's warning must say.
const BROKEN = [
  [{ permissions: ['ask_join', 'allow_join'] }, 'both ask_join and allow_join', 'error 4008 INVALID_PERMISSIONS'],
  [{ permissions: ['allow_mod', 'ask_join'] }, 'both ask_join and allow_mod', 'error 4008 INVALID_PERMISSIONS'],
  [{ version: 2, participantId: 'has space' }, 'a space (U+0020) at character 4', 'error 4004 INVALID_PARTICIPANT_ID'],
  [{ version: 2, participantId: 'nbsp\u00a0' }, 'a no-break space (U+00A0)', 'error 4004 INVALID_PARTICIPANT_ID'],
  [{ version: 2, participantId: 'line\u2028sep' }, '(U+2028)', 'error 4004 INVALID_PARTICIPANT_ID'],
  [{ version: 2, roles: ['rtc', 'CRAWLER'] }, '"CRAWLER", a legacy upper-case name', "sign 'crawler' instead"],
  [{ version: 2, roles: ['rtc', 'RTC'] }, '"RTC", a legacy upper-case name', "sign 'rtc' instead"],
];
// Signed tokens VideoSDK cannot honour or a participant cannot join with: what verify and decode say.
const EMPTY_IDS = [{ roomId: '' }, { participantId: '' }];
const ROLES = [
  // [extra, verify accepts it, the one warning decode gives (its parts)]
  [{ roles: undefined }, true, ['the token has no roles', 'REST API', 'browser']],
  [{ roles: ['crawler'] }, true, ['roles has no "rtc"', 'error 4024 UNAUTHORIZED_ROLE', 'cannot join a meeting']],
  [{ roles: ['crawler', 'rtc'] }, true, []],
];
const forged = new Map();

/** Call once before running the cases: WebCrypto is async, the cases are not. */
export async function prepare() {
  for (const [extra] of [...BROKEN, ...EMPTY_IDS.map((e) => [e]), ...ROLES]) {
    const text = payload(extra);
    forged.set(text, [await forge(HEADER, text), await forge(HEADER, text, OTHER_SECRET)]);
  }
}

class Account {
  constructor(name) {
    this.name = name;
  }
}

export function cases({ lib }) {
  const { signToken, decodeToken, verifyToken, TokenSigner } = lib;
  const base = { apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], now: NOW };
  const sign = (extra = {}) => signToken({ ...base, ...extra });
  const signer = () => new TokenSigner({ apiKey: API_KEY, secret: SECRET });
  /** Both signing paths refuse alike: signToken and TokenSigner.sign. */
  const refusedBoth = (extra, field) => {
    const e = throwsCode(lib, () => sign(extra), 'INVALID_OPTIONS', field);
    const s = signer();
    const again = throwsCode(lib, () => s.sign({ permissions: base.permissions, now: NOW, ...extra }), 'INVALID_OPTIONS', field);
    s.free();
    eq(again.message, e.message, 'TokenSigner.sign says the same');
    return e;
  };

  return [
    ['rules: ask_join with allow_join or allow_mod is refused at sign, naming VideoSDK error 4008', () => {
      for (const permissions of [['allow_join', 'ask_join'], ['ask_join', 'allow_join'], ['allow_mod', 'ask_join'],
        ['ask_join', 'allow_mod'], ['allow_join', 'allow_mod', 'ask_join']]) {
        const e = refusedBoth({ permissions }, 'permissions');
        ok(e.message.includes('VideoSDK refuses this at join with error 4008 INVALID_PERMISSIONS'), e.message);
        ok(e.message.includes('Pick one'), `says what would be right: ${e.message}`);
      }
      for (const permissions of [['ask_join'], ['allow_join', 'allow_mod'], ['allow_mod']]) {
        deepEq(payloadOf(sign({ permissions })).permissions, permissions, `${permissions} signs`);
      }
    }],

    ['rules: a participantId with any Unicode White_Space character is refused, naming VideoSDK error 4004', () => {
      for (const cp of WHITE_SPACE) {
        const c = String.fromCodePoint(cp);
        for (const id of [`${c}lead`, `mid${c}dle`, `trail${c}`]) {
          const e = refusedBoth({ participantId: id }, 'participantId');
          ok(e.message.includes(`(${hex(cp)})`), `${hex(cp)} named: ${e.message}`);
          ok(e.message.includes('error 4004 INVALID_PARTICIPANT_ID'), e.message);
          ok(!e.message.includes('\u2028') && !e.message.includes('\n'), 'the message stays one line');
        }
      }
      for (const cp of NOT_WHITE_SPACE) {
        const id = `a${String.fromCodePoint(cp)}b`;
        eq(payloadOf(sign({ participantId: id })).participantId, id, `${hex(cp)} is not whitespace`);
      }
    }],

    ['rules: legacy upper-case role names are refused with "did you mean"', () => {
      ok(refusedBoth({ roles: ['CRAWLER'] }, 'roles').message.includes("did you mean 'crawler'?"), 'CRAWLER');
      ok(refusedBoth({ roles: ['rtc', 'RTC'] }, 'roles').message.includes("did you mean 'rtc'?"), 'RTC');
      const other = refusedBoth({ roles: ['Rtc'] }, 'roles');
      ok(other.message.includes('unknown entry'), `other spellings are unknown: ${other.message}`);
    }],

    ['rules: verify refuses a token that breaks one with CLAIMS_INVALID, after the MAC, naming the rule', () => {
      for (const [extra, rule, why] of BROKEN) {
        const [token, otherKey] = forged.get(payload(extra));
        const e = throwsCode(lib, () => verifyToken(token, SECRET, { now: NOW }), 'CLAIMS_INVALID');
        eq(e.message, 'Token is invalid or expired', 'message');
        ok(e.reason.includes(rule) && e.reason.includes(why), `reason names the rule: ${e.reason}`);
        throwsCode(lib, () => verifyToken(otherKey, SECRET, { now: NOW }), 'INVALID_SIGNATURE');
      }
    }],

    ['rules: decode warns about each, in the same words', () => {
      for (const [extra, rule, why] of BROKEN) {
        const [token] = forged.get(payload(extra));
        const { warnings, customClaims } = decodeToken(token, { now: NOW });
        eq(warnings.length, 1, `one warning: ${warnings}`);
        ok(warnings[0].includes(rule) && warnings[0].includes(why), warnings[0]);
        deepEq(customClaims, {}, 'no custom claims');
      }
      const legacy = decodeToken(forged.get(payload(BROKEN[5][0]))[0], { now: NOW }).warnings[0];
      ok(!legacy.includes('unknown'), `a legacy name is explained, not just unknown: ${legacy}`);
    }],

    ['rules: an empty roomId or participantId is CLAIMS_INVALID naming the claim; decode names it too', () => {
      for (const extra of EMPTY_IDS) {
        const [name] = Object.keys(extra);
        refusedBoth(extra, name);
        const [token] = forged.get(payload(extra));
        const e = throwsCode(lib, () => verifyToken(token, SECRET, { now: NOW }), 'CLAIMS_INVALID', name);
        ok(e.reason.startsWith(`${name} is ""`), e.reason);
        const { warnings } = decodeToken(token, { now: NOW });
        eq(warnings.length, 1, `one warning: ${warnings}`);
        ok(warnings[0].startsWith(`${name} is ""`), warnings[0]);
      }
    }],

    ['rules: decode warns of roles without rtc (4024) and of no roles (the REST API too); verify accepts both', () => {
      for (const [extra, accepted, says] of ROLES) {
        const [token] = forged.get(payload(extra));
        if (accepted) ok(verifyToken(token, SECRET, { now: NOW }), `verify accepts ${JSON.stringify(extra)}`);
        const { warnings } = decodeToken(token, { now: NOW });
        eq(warnings.length, says.length ? 1 : 0, `${JSON.stringify(extra)}: ${warnings}`);
        for (const part of says) ok(warnings[0].includes(part), `${part} in ${warnings[0]}`);
      }
    }],

    ['custom claims: after VideoSDK\'s claims, before jti, iat, nbf, exp; verify returns them, decode apart', () => {
      const claims = {
        name: 'Ada Lovelace', email: 'ada@example.com', admin: false, note: null, score: -1.5, big: 1e21,
        tiny: 5e-324, zero: 0, tags: ['a', 1, true, null, [], {}], 'with space': 'é "quoted" \\ 🎉\n',
        profile: { joined: '2024-01-01', nested: { deep: [1, [2, [3]]] } },
      };
      const opts = { permissions: ['allow_join', 'allow_mod'], roomId: 'r', participantId: 'p', roles: ['rtc'],
        jwtId: 'id-1', notBefore: 5, expiresIn: '1h', claims };
      const token = sign(opts);
      const p = payloadOf(token);
      eq(Object.keys(p).join(','), ['apikey', 'permissions', 'version', 'roomId', 'participantId', 'roles',
        ...Object.keys(claims), 'jti', 'iat', 'nbf', 'exp'].join(','), 'member order');
      for (const [name, value] of Object.entries(claims)) deepEq(p[name], value, `claim ${name}`);
      deepEq(verifyToken(token, SECRET, { now: NOW + 5 }), p, 'verify returns them with the other claims');
      const d = decodeToken(token, { now: NOW });
      deepEq(d.customClaims, claims, 'decode: customClaims');
      deepEq(d.warnings, [], 'decode: custom claims are not warnings');
      const s = signer();
      eq(s.sign({ ...opts, now: NOW }), token, 'TokenSigner.sign: the same token');
      s.free();
      deepEq(decodeToken(sign()).customClaims, {}, 'none: an empty object');
      eq(sign({ claims: {} }), sign(), 'claims: {} adds nothing');
      eq(sign({ claims: undefined }), sign(), 'claims: undefined is no claims');
    }],

    ['custom claims: every value JSON cannot hold as it is is INVALID_OPTIONS, the path in field', () => {
      const cyclic = { a: { b: [1, {}] } };
      cyclic.a.b[1].back = cyclic.a;
      const selfArray = [1];
      selfArray.push(selfArray);
      const withName = ['a'];
      withName.label = 'x';
      const table = [
        [{ joined: new Date(0) }, 'claims.joined', 'toISOString'],
        [{ profile: { joined: new Date(0) } }, 'claims.profile.joined', 'a Date'],
        [{ id: 10n }, 'claims.id', 'BigInt'],
        [{ f() {} }, 'claims.f', 'function'],
        [{ s: Symbol('s') }, 'claims.s', 'symbol'],
        [{ n: NaN }, 'claims.n', 'NaN'],
        [{ list: [1, Infinity] }, 'claims.list[1]', 'Infinity'],
        [{ x: { y: -Infinity } }, 'claims.x.y', '-Infinity'],
        [{ u: undefined }, 'claims.u', 'undefined'],
        [{ list: [undefined] }, 'claims.list[0]', 'undefined'],
        [Object.defineProperty({}, 'g', { enumerable: true, get: () => 'x' }), 'claims.g', 'getter'],
        [{ o: Object.defineProperty({}, 'w', { enumerable: true, set() {} }) }, 'claims.o.w', 'getter'],
        [{ list: Object.defineProperty([0], 0, { enumerable: true, get: () => 1 }) }, 'claims.list[0]', 'getter'],
        [{ t: { toJSON: () => 'x' } }, 'claims.t', 'toJSON'],
        [{ a: new Account('ada') }, 'claims.a', 'an instance of'], // its name, unless a bundler minified it
        [{ m: new Map([['k', 1]]) }, 'claims.m', 'a Map'],
        [{ s: new Set([1]) }, 'claims.s', 'a Set'],
        [{ r: /x/ }, 'claims.r', 'RegExp'],
        [{ b: new Uint8Array(2) }, 'claims.b', 'Uint8Array'],
        [{ w: new String('boxed') }, 'claims.w', 'a String'],
        [{ e: new Error('x') }, 'claims.e', 'an Error'],
        [cyclic, 'claims.a.b[1].back', 'refers back to claims.a'],
        [{ list: selfArray }, 'claims.list[1]', 'refers back to claims.list'],
        [{ list: [1, , 3] }, 'claims.list[1]', 'hole'], // eslint-disable-line no-sparse-arrays
        [{ list: withName }, 'claims.list.label', 'named property'],
        [{ s: 'half \ud800 pair' }, 'claims.s', 'surrogate'],
        [{ ['bad \udc00 name']: 1 }, 'claims["bad \\u{dc00} name"]', 'surrogate'],
        [{ [`key with "quotes"`]: { v: NaN } }, 'claims["key with \\"quotes\\""].v', 'NaN'],
        [Object.create({ inherited: 1 }), 'claims', 'not a plain object'],
      ];
      for (const [claims, field, says] of table) {
        const e = refusedBoth({ claims }, field);
        ok(e.message.includes(says), `${field}: says ${says}: ${e.message}`);
        ok(e.message.startsWith(field) || e.message.startsWith('claims'), `${field}: message starts with the path: ${e.message}`);
      }
      for (const claims of [null, ['a'], 'name', 5, true, new Date(0)]) refusedBoth({ claims }, 'claims');
      const hostile = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
      refusedBoth({ claims: hostile }, 'claims');
      refusedBoth({ claims: { deep: { p: hostile } } }, 'claims');
      const getter = Object.defineProperty({ ...base }, 'claims', { enumerable: true, get: () => ({ a: 1 }) });
      throwsCode(lib, () => signToken(getter), 'INVALID_OPTIONS', 'claims');
      // The walk comes first, before any other option reaches the core.
      throwsCode(lib, () => sign({ apiKey: undefined, claims: { d: new Date(0) } }), 'INVALID_OPTIONS', 'claims.d');
    }],

    ['custom claims: the names of VideoSDK\'s claims are refused as claims.<name>', () => {
      const options = { apikey: 'apiKey', permissions: 'permissions', version: 'version', roomId: 'roomId',
        participantId: 'participantId', roles: 'roles', jti: 'jwtId', iat: 'now', nbf: 'notBefore', exp: 'expiresIn' };
      for (const [name, option] of Object.entries(options)) {
        const e = refusedBoth({ claims: { ok: 1, [name]: 'x' } }, `claims.${name}`);
        ok(e.message.includes(`'${option}'`), `points to the option ${option}: ${e.message}`);
      }
      eq(payloadOf(sign({ claims: { Exp: 1, apiKey: 'not the claim' } })).Exp, 1, 'names are exact');
    }],

    ['custom claims: own enumerable string keys only; null prototypes and __proto__ members are data', () => {
      const claims = Object.create(null);
      claims.name = 'Ada';
      Object.defineProperty(claims, 'hidden', { value: 1, enumerable: false });
      claims[Symbol('sym')] = 2;
      claims.nested = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
      const token = sign({ claims });
      const p = payloadOf(token);
      deepEq(Object.keys(p).filter((k) => ['name', 'hidden', 'nested'].includes(k)), ['name', 'nested'], 'members');
      const verified = verifyToken(token, SECRET, { now: NOW });
      ok(Object.prototype.hasOwnProperty.call(verified.nested, '__proto__'), '__proto__ stays an own member');
      eq({}.polluted, undefined, 'Object.prototype untouched');
      eq(decodeToken(token).customClaims.nested.polluted, undefined, 'decode: no pollution');
    }],

    ['custom claims: a token over the size limit is refused at sign time; the largest that fits verifies', () => {
      const fits = (n) => {
        try {
          return sign({ claims: { pad: 'x'.repeat(n) } });
        } catch (e) {
          if (e?.code !== 'INVALID_OPTIONS' || e.field !== 'claims') throw e;
          return undefined;
        }
      };
      let lo = 0;
      let hi = 8192;
      while (lo + 1 < hi) {
        const mid = (lo + hi) >> 1;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      const token = fits(lo);
      ok(token.length <= 8192 && token.length > 8188, `the largest token that fits: ${token.length}`);
      eq(verifyToken(token, SECRET, { now: NOW }).pad.length, lo, 'it verifies');
      const e = throwsCode(lib, () => sign({ claims: { pad: 'x'.repeat(lo + 1) } }), 'INVALID_OPTIONS', 'claims');
      ok(e.message.includes('8192'), e.message);
      // Multi-byte text counts in bytes: 3 per CJK character.
      throwsCode(lib, () => sign({ claims: { pad: '日'.repeat(3000) } }), 'INVALID_OPTIONS', 'claims');
      throwsCode(lib, () => sign({ claims: { pad: 'x'.repeat(1 << 20) } }), 'INVALID_OPTIONS', 'claims');
    }],

    ['custom claims: nesting deeper than a payload holds is refused', () => {
      const nest = (levels) => {
        let v = {};
        for (let i = 1; i < levels; i++) v = { a: v };
        return v;
      };
      ok(sign({ claims: nest(127) }).length > 0, '127 levels sign');
      verifyToken(sign({ claims: nest(127) }), SECRET, { now: NOW });
      const e = refusedBoth({ claims: nest(128) }, `claims${'.a'.repeat(127)}`);
      ok(e.message.includes('127'), e.message);
      refusedBoth({ claims: nest(100_000) }, `claims${'.a'.repeat(127)}`);
    }],
  ];
}
