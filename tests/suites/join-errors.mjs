// explainJoinError: VideoSDK's join error codes explained against a token, every check that finds
// the token at fault and the token that passes it, and the refusals by code and field.
// Runtime-agnostic, like every suite in this folder.
import { API_KEY, NOW, SECRET, b64url, deepEq, eq, forge, ok, throwsCode } from '../support/assert.mjs';

const HEADER = '{"alg":"HS256","typ":"JWT"}';
// A participant's clean token for room "abc", participant "alice"; `extra` changes it.
const claims = (extra) => JSON.stringify({
  apikey: API_KEY, permissions: ['allow_join'], version: 2, roomId: 'abc', participantId: 'alice', roles: ['rtc'],
  iat: NOW, exp: NOW + 3600, ...extra,
});
// Named tokens, made once (WebCrypto is async): [header, extra claims].
const FORGED = {
  clean: [HEADER, {}],
  noApiKey: [HEADER, { apikey: undefined }],
  emptyApiKey: [HEADER, { apikey: '' }],
  numberApiKey: [HEADER, { apikey: 5 }],
  expired: [HEADER, { iat: NOW - 3800, exp: NOW - 200 }],
  notYet: [HEADER, { nbf: NOW + 300 }],
  noExp: [HEADER, { exp: undefined }],
  wordExp: [HEADER, { exp: 'soon' }],
  rs256: ['{"alg":"RS256","typ":"JWT"}', {}],
  spaced: [HEADER, { participantId: 'a b' }],
  askJoin: [HEADER, { permissions: ['ask_join', 'allow_join'] }],
  moderator: [HEADER, { permissions: ['allow_join', 'allow_mod'] }],
  crawler: [HEADER, { roles: ['crawler'] }],
  noRoles: [HEADER, { roles: undefined }],
  anyRoom: [HEADER, { roomId: undefined, participantId: undefined }],
  // Everything at once: each code must find only its own fault in it.
  broken: [HEADER, { apikey: '', exp: NOW - 60, participantId: 'a b', permissions: ['ask_join', 'allow_mod'], roles: ['crawler'], roomId: 'abc' }],
};
const tokens = {};

export async function prepare() {
  for (const [name, [header, extra]] of Object.entries(FORGED)) tokens[name] = await forge(header, claims(extra));
  tokens.unsigned = `${b64url(HEADER)}.${b64url(claims({}))}.`;
}

const TOKEN_CODES = [4001, 4002, 4004, 4008, 4022, 4023, 4024];
const NAMES = {
  4001: 'INVALID_API_KEY', 4002: 'INVALID_TOKEN', 4003: 'INVALID_ROOM_ID', 4004: 'INVALID_PARTICIPANT_ID',
  4005: 'DUPLICATE_PARTICIPANT', 4008: 'INVALID_PERMISSIONS', 4009: 'MAX_PARTICIPANT_REACHED',
  4022: 'UNAUTHORIZED_ROOM_ID', 4023: 'UNAUTHORIZED_PARTCIPANT_ID', 4024: 'UNAUTHORIZED_ROLE', 4030: 'MAX_LIVESTREAM_LIMIT_REACHED_ON_ORGANIZATION',
};
// No explanation may vouch for a signature: it never sees a secret.
const VOUCHES = /signature (is|was) (valid|verified|correct|good)|valid signature|signature checks out/i;

export function cases({ lib }) {
  const { explainJoinError: explain } = lib;
  const at = (code, token, extra = {}) => explain(code, { token, now: NOW, ...extra });
  const findings = (code, token, extra) => at(code, token, extra).findings;
  /** Exactly one finding, holding every piece. */
  const one = (code, token, pieces, extra) => {
    const found = findings(code, token, extra);
    eq(found.length, 1, `${code}: one finding in ${JSON.stringify(found)}`);
    for (const piece of pieces) ok(found[0].includes(piece), `${code}: the finding names ${piece}: ${found[0]}`);
    return found[0];
  };
  const none = (code, token, extra) => deepEq(findings(code, token, extra), [], `${code}: no finding`);

  return [
    ['join errors: every documented code has its name, meaning, whether a token can cause it, and a fix', () => {
      for (let code = 4001; code <= 4030; code++) {
        const e = explain(code);
        eq(e.code, code, 'code');
        ok(typeof e.name === 'string' && /^[A-Z_]+$/.test(e.name), `${code}: a name (${e.name})`);
        if (NAMES[code]) eq(e.name, NAMES[code], `${code}'s name`);
        ok(typeof e.meaning === 'string' && e.meaning.length > 10, `${code}: a meaning`);
        ok(typeof e.fix === 'string' && e.fix.length > 10, `${code}: a fix`);
        eq(e.tokenCanCause, TOKEN_CODES.includes(code), `${code}: tokenCanCause`);
        deepEq(e.findings, [], `${code}: no finding without a token`);
        deepEq(Object.keys(e), ['code', 'name', 'meaning', 'tokenCanCause', 'findings', 'fix'], 'the result\'s members');
      }
    }],

    ['join errors: the code as a number or a string of its digits, the same explanation', () => {
      deepEq(explain('4022'), explain(4022), "'4022' is 4022");
      deepEq(explain('4002', { token: tokens.expired, now: NOW }), explain(4002, { token: tokens.expired, now: NOW }), 'with a token too');
      eq(explain('1000').code, 1000, 'a string in range');
    }],

    ['join errors: a code VideoSDK does not document is explained as such, not refused', () => {
      for (const code of [1000, 4000, 4031, 4052, 5000, 9999]) {
        const e = explain(code, { token: tokens.broken, roomId: 'xyz', now: NOW });
        eq(e.code, code, 'code');
        eq(e.name, null, `${code}: no name`);
        eq(e.tokenCanCause, false, `${code}: tokenCanCause`);
        deepEq(e.findings, [], `${code}: no finding, whatever the token`);
        ok(e.meaning.includes('not one of the join error codes VideoSDK documents (4001 to 4030)'), e.meaning);
        ok(e.fix.includes(String(code)), `${code}: the fix names it: ${e.fix}`);
      }
    }],

    ['join errors: 4001 finds a missing, empty or non-string apikey', () => {
      one(4001, tokens.noApiKey, ['no apikey']);
      one(4001, tokens.emptyApiKey, ['apikey is ""', 'empty']);
      one(4001, tokens.numberApiKey, ['apikey is 5', 'not a string']);
      none(4001, tokens.clean);
      ok(explain(4001, { token: tokens.clean, now: NOW }).fix.includes('API key from the VideoSDK dashboard'), 'the fix');
    }],

    ['join errors: 4002 finds expired at now (how long ago), not yet valid, malformed, not HS256, unsigned, no exp', () => {
      one(4002, tokens.expired, ['expired 3 min 20 s ago', 'exp, 2023-11-14T22:10:00Z', 'now, 2023-11-14T22:13:20Z']);
      // now as a Date, and a later now: the finding follows it.
      one(4002, tokens.expired, ['expired 1 h 3 min ago'], { now: new Date((NOW + 3600) * 1000) });
      none(4002, tokens.expired, { now: NOW - 300 });
      one(4002, tokens.notYet, ['not valid for another 5 min', 'nbf, 2023-11-14T22:18:20Z', 'now, 2023-11-14T22:13:20Z']);
      none(4002, tokens.notYet, { now: NOW + 300 });
      one(4002, 'not a token', ['cannot be read', 'the token has 1 part; a JWT has three']);
      one(4002, '', ['cannot be read: the token is empty']);
      one(4002, `${tokens.clean.slice(0, 40)}+${tokens.clean.slice(40)}`, ['cannot be read', 'base64url']);
      one(4002, tokens.rs256, ['alg is "RS256", not HS256']);
      one(4002, tokens.unsigned, ['no signature']);
      one(4002, tokens.noExp, ['no exp']);
      one(4002, tokens.wordExp, ['exp is "soon"', 'not a time in seconds']);
      none(4002, tokens.clean);
      // Wrongly signed: nothing to see without the secret, and no word vouching for it.
      const other = explain(4002, { token: tokens.clean.slice(0, -4) + 'AAAA', now: NOW });
      deepEq(other.findings, [], 'a wrong signature is not visible without the secret');
      ok(other.fix.includes('verifyToken(token, secret) checks the signature; this explanation cannot'), other.fix);
    }],

    ['join errors: 4004 finds whitespace in the token\'s participantId', () => {
      one(4004, tokens.spaced, ['participantId "a b" has a space (U+0020)', 'error 4004 INVALID_PARTICIPANT_ID']);
      none(4004, tokens.clean);
    }],

    ['join errors: 4008 finds ask_join beside allow_join or allow_mod', () => {
      one(4008, tokens.askJoin, ['both ask_join and allow_join', 'error 4008 INVALID_PERMISSIONS']);
      one(4008, tokens.broken, ['both ask_join and allow_mod']);
      none(4008, tokens.moderator);
    }],

    ['join errors: 4022 compares the token\'s roomId with the room joined', () => {
      one(4022, tokens.clean, ['the token\'s roomId "abc"', 'the room joined, "xyz"'], { roomId: 'xyz' });
      none(4022, tokens.clean, { roomId: 'abc' });
      none(4022, tokens.anyRoom, { roomId: 'xyz' });
      // Without the room joined there is nothing to compare: the fix says what to pass.
      const alone = at(4022, tokens.clean);
      deepEq(alone.findings, [], 'no room joined, no finding');
      ok(alone.fix.includes('The token\'s roomId is "abc": pass roomId'), alone.fix);
      ok(!at(4022, tokens.anyRoom).fix.includes('pass roomId'), 'a token for any room needs no comparison');
    }],

    ['join errors: 4023 compares the token\'s participantId with the one joined with', () => {
      one(4023, tokens.clean, ['the token\'s participantId "alice"', 'joined with, "bob"'], { participantId: 'bob' });
      none(4023, tokens.clean, { participantId: 'alice' });
      none(4023, tokens.anyRoom, { participantId: 'bob' });
      ok(at(4023, tokens.clean).fix.includes('pass participantId'), 'the fix says what to pass');
    }],

    ['join errors: 4024 finds roles without rtc', () => {
      one(4024, tokens.crawler, ['roles are ["crawler"]', 'error 4024 UNAUTHORIZED_ROLE']);
      none(4024, tokens.clean);
      none(4024, tokens.noRoles);
    }],

    ['join errors: findings are about the code asked only; a code a token cannot cause has none', () => {
      const each = {};
      for (const code of TOKEN_CODES) each[code] = findings(code, tokens.broken, { roomId: 'xyz', participantId: 'bob' });
      for (const code of TOKEN_CODES) eq(each[code].length, 1, `${code}: one finding in the broken token: ${JSON.stringify(each[code])}`);
      ok(each[4001][0].includes('apikey') && each[4002][0].includes('expired') && each[4004][0].includes('U+0020') &&
        each[4008][0].includes('ask_join') && each[4022][0].includes('"xyz"') && each[4023][0].includes('"bob"') &&
        each[4024][0].includes('crawler'), `each finding is its code's: ${JSON.stringify(each)}`);
      for (const code of [4003, 4005, 4009, 4025, 4030]) {
        const e = at(code, tokens.broken, { roomId: 'xyz', participantId: 'bob' });
        deepEq(e.findings, [], `${code}: no finding`);
        eq(e.tokenCanCause, false, `${code}: tokenCanCause`);
      }
    }],

    ['join errors: a token that cannot be read is 4002\'s finding; other codes say it was not checked', () => {
      for (const code of [4001, 4004, 4008, 4022, 4023, 4024]) {
        const e = explain(code, { token: 'not a token', roomId: 'xyz', participantId: 'bob', now: NOW });
        deepEq(e.findings, [], `${code}: no finding`);
        ok(e.fix.includes('The token given cannot be read (the token has 1 part') && e.fix.includes('4002 INVALID_TOKEN'), e.fix);
      }
    }],

    ['join errors: no explanation vouches for a signature, and none holds the secret', () => {
      for (const token of [undefined, ...Object.values(tokens)]) {
        for (let code = 4001; code <= 4031; code++) {
          const text = JSON.stringify(explain(code, { token, roomId: 'xyz', participantId: 'bob', now: NOW }));
          ok(!VOUCHES.test(text), `${code}: ${text}`);
          ok(!text.includes(SECRET), `${code}: no secret`);
        }
      }
    }],

    ['join errors: echoes of the token and of the IDs are escaped and cut', async () => {
      const hostile = await forge(HEADER, claims({ roomId: `evil\u202e\n${'x'.repeat(200)}` }));
      const [finding] = findings(4022, hostile, { roomId: `room\u001b[31m${'y'.repeat(200)}` });
      ok(!/[\u001b\u202e\n]/.test(finding), `nothing unsafe: ${JSON.stringify(finding)}`);
      ok(finding.includes('\\u{202e}\\n') && finding.includes('\\u{1b}'), `escaped: ${finding}`);
      ok(finding.length < 300, `cut: ${finding.length} characters`);
    }],

    ['join errors: a code that is not an integer from 1000 to 9999 is INVALID_OPTIONS, field code', () => {
      for (const code of [999, 10000, 0, -4022, 4022.5, NaN, Infinity, '999', '10000', '04022', '4022 ', ' 4022', '4e3',
        '4022.0', '+4022', '', 'UNAUTHORIZED_ROOM_ID', null, undefined, true, [4022], { code: 4022 }, 4022n]) {
        const e = throwsCode(lib, () => explain(code), 'INVALID_OPTIONS', 'code');
        ok(e.message.includes('an integer from 1000 to 9999'), e.message);
      }
    }],

    ['join errors: bad options are INVALID_OPTIONS naming the option', () => {
      for (const options of [null, 'token', 5, [], () => {}]) throwsCode(lib, () => explain(4022, options), 'INVALID_OPTIONS', 'options');
      const typo = throwsCode(lib, () => explain(4022, { room: 'abc' }), 'INVALID_OPTIONS', 'room');
      ok(typo.message.includes("did you mean 'roomId'?"), typo.message);
      throwsCode(lib, () => explain(4022, { secret: SECRET }), 'INVALID_OPTIONS', 'secret');
      for (const token of [5, null, {}, ['a.b.c']]) throwsCode(lib, () => explain(4002, { token }), 'INVALID_OPTIONS', 'token');
      for (const key of ['roomId', 'participantId']) {
        for (const value of ['', 5, null, ['x']]) throwsCode(lib, () => explain(4022, { [key]: value }), 'INVALID_OPTIONS', key);
      }
      for (const now of ['now', new Date(NaN), {}]) throwsCode(lib, () => explain(4002, { token: tokens.clean, now }), 'INVALID_OPTIONS', 'now');
      // A throwing getter is reported, not passed through.
      const getter = Object.defineProperty({}, 'token', { enumerable: true, get() { throw new Error('boom'); } });
      throwsCode(lib, () => explain(4002, getter), 'INVALID_OPTIONS', 'options');
      // Inherited properties are not options.
      deepEq(explain(4022, Object.create({ token: tokens.clean, roomId: 'xyz' })).findings, [], 'only own properties count');
      // The code is checked first, then the options.
      throwsCode(lib, () => explain('x', { room: 'abc' }), 'INVALID_OPTIONS', 'code');
    }],
  ];
}
