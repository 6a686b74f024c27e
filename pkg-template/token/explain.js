// What a token means, in words for people: pure functions of the decoded token, the clock and
// the package's vocabulary, with no DOM, shared by the debugger page (www/app.js turns the results
// into elements) and the command line (cli/output.js paints them); tests/js/page-explain.test.mjs
// checks them in Node. Every VideoSDK word (permission and role names
// and meanings, span wording) comes in through `words`, taken from the package, and the claims
// that need version 2 from vocabulary.js: never typed here.
//
// A meaning is a list of pieces: a string is plain text, `{ code }` a value shown as code,
// `{ bad }` text that says what VideoSDK objects to, `{ muted }` a side note.
import { JOIN_ERRORS, V2_CLAIMS } from '../shared/vocabulary.js';

export const TIME_CLAIMS = ['iat', 'nbf', 'exp'];

/** The value of a claim as shown: strings as they are, anything else as JSON. */
export const shown = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

function listOf(values, meanings, kind) {
  if (!Array.isArray(values)) return { list: null, bad: `${kind} must be a list.` };
  return {
    list: values.map((value) =>
      typeof value === 'string' && Object.hasOwn(meanings, value)
        ? [{ code: value }, `: ${meanings[value]}`]
        : [{ code: shown(value) }, { bad: `: unknown ${kind}; VideoSDK does not know it` }],
    ),
  };
}

/**
 * One row per claim of the payload, VideoSDK's claims first, then the custom claims:
 * `{ name, meaning, list? }`, where `list` (permissions, roles) holds one meaning per entry.
 * @param {Record<string, any>} payload the decoded payload
 * @param {{ permissions: Record<string,string>, roles: Record<string,string> }} words
 * @param {object} customClaims decodeToken's `customClaims`: the members that are not VideoSDK's
 */
export function explainClaims(payload, words, customClaims = {}) {
  const rows = [];
  const has = (name) => Object.hasOwn(payload, name);
  const add = (name, meaning, list) => rows.push(list ? { name, meaning, list } : { name, meaning });
  const v2 = V2_CLAIMS.filter(has);
  const permissionNames = Object.keys(words.permissions).join(', ');

  add('apikey', has('apikey')
    ? [{ code: shown(payload.apikey) }, ": the API key from the VideoSDK dashboard. VideoSDK checks the signature with this key's secret."]
    : [{ bad: 'missing: VideoSDK needs the dashboard API key here.' }]);
  if (has('permissions')) {
    const { list, bad } = listOf(payload.permissions, words.permissions, 'permission');
    add('permissions', bad ? [{ bad }] : [], list);
  } else {
    add('permissions', [{ bad: `missing: VideoSDK needs at least one of ${permissionNames}.` }]);
  }
  if (has('version')) {
    add('version', payload.version === 2
      ? [{ code: '2' }, ': the v2 token format, needed for the v2 server-side API and whenever roomId, participantId or roles is present.']
      : [{ code: shown(payload.version) }, { bad: ': must be the number 2.' }]);
  } else if (v2.length) {
    const one = v2.length === 1;
    add('version', [{ bad: `not set, but ${v2.join(', ')} ${one ? 'is' : 'are'} present: VideoSDK honours ${one ? 'it' : 'them'} only with version 2.` }]);
  } else {
    add('version', [{ muted: 'not set: fine for meetings, but the v2 server-side API, roomId, participantId and roles need version 2.' }]);
  }
  if (has('roomId')) add('roomId', [{ code: shown(payload.roomId) }, ': restricts the token to this one room; it cannot join any other.']);
  if (has('participantId')) add('participantId', [{ code: shown(payload.participantId) }, ': restricts the token to this one participant ID.']);
  if (has('roles')) {
    const { list, bad } = listOf(payload.roles, words.roles, 'role');
    add('roles', bad ? [{ bad }] : [], list);
  }
  if (has('jti')) add('jti', [{ code: shown(payload.jti) }, ': a unique token ID, so a server can spot a replay or revoke this one token.']);
  const times = {
    iat: 'when the token was issued (see Times).',
    nbf: 'VideoSDK refuses the token before this time (see Times).',
    exp: 'VideoSDK refuses the token from this second on (see Times). Short lifetimes limit the harm of a leaked token.',
  };
  for (const name of TIME_CLAIMS) if (has(name)) add(name, [times[name]]);
  for (const name of Object.keys(customClaims)) {
    add(name, [{ code: shown(customClaims[name]) }, { muted: ': custom claim: VideoSDK ignores it.' }]);
  }
  return rows;
}

/** The relative text for time claim `name` at `t` seen at `now` (seconds), and its tone. */
export function relative(name, t, now, span) {
  const d = t - now;
  switch (name) {
    case 'exp':
      return d > 0
        ? { text: `expires in ${span(d)}`, tone: d < 300 ? 'warn' : 'ok' }
        : { text: `expired ${span(-d)} ago`, tone: 'bad' };
    case 'nbf':
      return d > 0
        ? { text: `not valid for another ${span(d)}`, tone: 'warn' }
        : { text: `valid since ${span(-d)} ago`, tone: '' };
    default:
      return d > 0
        ? { text: `issued ${span(d)} in the future: the signer's clock may be wrong`, tone: 'warn' }
        : { text: `issued ${span(-d)} ago`, tone: '' };
  }
}

/** The one-line verdict above the details: `{ text, tone }` for a decoded token at `now`. */
export function summary(decoded, now, span) {
  const nbf = decoded.notBefore ? decoded.notBefore.getTime() / 1000 : undefined;
  if (decoded.expired) {
    return { tone: 'bad', text: `Expired ${span(now - decoded.expiresAt.getTime() / 1000)} ago: VideoSDK refuses it.` };
  }
  if (!decoded.expiresAt && Object.hasOwn(decoded.payload, 'exp')) {
    return { tone: 'bad', text: 'Its exp is not a time in seconds: VideoSDK refuses it.' };
  }
  if (nbf !== undefined && nbf > now) return { tone: 'warn', text: `Not valid yet: usable in ${span(nbf - now)}.` };
  const n = decoded.warnings.length;
  if (n) return { tone: 'warn', text: `${n} warning${n === 1 ? '' : 's'}: see below.` };
  return { tone: 'ok', text: `Well-formed VideoSDK token, valid for ${span(decoded.expiresAt.getTime() / 1000 - now)}.` };
}

/**
 * The error code in what a person pasted: the number alone (`4022`) or VideoSDK's whole error
 * text (`{"code":4022,"message":"…"}`, `Error 4022: UNAUTHORIZED_ROOM_ID …`). A four-digit number
 * that is one of VideoSDK's join codes wins over any other (a year, a port); then a code's name
 * from the table; then any number from 1000 to 9999 (explainJoinError says VideoSDK does not
 * document it). Undefined when there is none.
 */
export function joinErrorCode(text) {
  const numbers = [...text.matchAll(/(?<![\d.])[1-9]\d{3}(?![\d.]\d|\d)/g)].map((m) => Number(m[0]));
  const known = numbers.find((n) => Object.hasOwn(JOIN_ERRORS, n));
  if (known !== undefined) return known;
  const named = Object.keys(JOIN_ERRORS).find((code) => new RegExp(`\\b${JOIN_ERRORS[code].name}\\b`).test(text));
  if (named !== undefined) return Number(named);
  return numbers[0];
}
