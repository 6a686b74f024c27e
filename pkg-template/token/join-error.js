// "Why did the join fail?": one of VideoSDK's join error codes, explained against the token the
// client joined with. JS over decodeToken: the codes, names and meanings are the core's table
// (JOIN_ERRORS, generated into vocabulary.js, not a wasm export), the rules a token breaks are
// the core's too (decodeToken's warnings name the error they cause), and this module only
// compares what the token says with what the client tried. It never sees a secret, so it never
// says a signature is valid. A bundle that does not import it drops it and the table.
import { invalidOptions as invalid, VideoSDKError } from '../shared/errors.js';
import { isOptionsObject, readOptions } from '../shared/options.js';
import { echo, escapeText, quote, shown } from '../shared/text.js';
import { JOIN_ERRORS, JWT_HEADER, ROLES_EXAMPLE } from '../shared/vocabulary.js';
import { decodeToken, humanSpan } from './api.js';
import { describe } from './describe.js';
import { nowArg } from './read.js';

const OPTION_NAMES = ['token', 'roomId', 'participantId', 'now'];
const CODES = Object.keys(JOIN_ERRORS);
const REFERENCE = 'https://docs.videosdk.live/javascript/api/sdk-reference/error-codes';

// The usual fix for each code: the package's advice, in words for people (VideoSDK's own words,
// the names and meanings, are the table's).
const TOKEN_FIXES = {
  4001: 'Sign the token with the API key from the VideoSDK dashboard (apiKey), of the account whose secret signs it.',
  4002: 'Sign a new token: HS256, with the secret of the API key in its apikey, and an exp still ahead (short-lived tokens must be fetched again before they expire). verifyToken(token, secret) checks the signature; this explanation cannot.',
  4004: 'Join with a participant ID that holds no whitespace, and sign the same one in the token\'s participantId (signToken refuses whitespace there).',
  4008: 'Sign ask_join alone (the participant asks to be let in), or allow_join with allow_mod where needed: never ask_join with either.',
  4022: 'Sign the token for the room the client joins (roomId), or without roomId so that it works in any room; or join the room the token names.',
  4023: 'Sign the token for the participant ID the client joins with (participantId), or without participantId; or join with the ID the token names.',
  4024: `Give the tokens that clients join with roles ${ROLES_EXAMPLE}; roles without it are for VideoSDK's REST API only.`,
};
const LIMIT = 'A limit of the meeting or of the account\'s plan: try again later, or ask VideoSDK to raise it.';
const MEDIA = 'Try again; if it keeps failing, check the configuration sent and VideoSDK\'s message with the error.';
const WAIT = 'Wait a few seconds for the previous one to finish, then try again.';
const ACCOUNT = 'The account, not the token: contact VideoSDK\'s support.';
// For a code the core's table gains before this module has advice for it.
const CHECK_TOKEN = 'Check the token against the meaning above, and VideoSDK\'s message with the error.';
const NOT_TOKEN = 'The token does not cause it: see the meaning above, and VideoSDK\'s message with the error.';
const OTHER_FIXES = {
  4003: 'Join a room that exists: create it with VideoSDK\'s API (VideoSDKClient\'s rooms.create) and join with the roomId it returns.',
  4005: 'Give each device or tab its own participant ID; the same ID joining again ends the earlier session.',
  4006: ACCOUNT, 4007: ACCOUNT, 4009: LIMIT, 4010: LIMIT,
  4011: MEDIA, 4012: MEDIA, 4013: MEDIA, 4014: MEDIA, 4016: MEDIA, 4017: MEDIA,
  4015: 'Check the livestream\'s outputs (each RTMP URL and stream key).',
  4018: WAIT, 4019: WAIT, 4020: WAIT,
  4021: 'Enable the add-on services for the account (VideoSDK\'s dashboard, or its support).',
  4025: 'Check the account\'s security configuration in VideoSDK\'s dashboard against where this request comes from.',
  4026: LIMIT, 4027: LIMIT, 4028: LIMIT, 4029: LIMIT, 4030: LIMIT,
};

/** The code as a number: an integer from 1000 to 9999, or a string of its four digits. */
function readCode(code) {
  if (typeof code === 'number' && Number.isInteger(code) && code >= 1000 && code <= 9999) return code;
  if (typeof code === 'string' && /^[1-9][0-9]{3}$/.test(code)) return Number(code);
  const got = typeof code === 'string' ? `the string ${quote(code)}` : describe(code);
  throw invalid('code', `code must be one of VideoSDK's error codes, an integer from 1000 to 9999 such as 4022 (a number, or a string of its digits); got ${got}`);
}

/** An ID the client tried: a non-empty string, or absent. */
function readId(value, key, what) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw invalid(key, `${key} must be a non-empty string, ${what}; got ${typeof value === 'string' ? 'an empty string' : describe(value)}`);
  }
  return value;
}

function readArgs(options) {
  if (options === undefined) return {};
  if (!isOptionsObject(options)) throw invalid('options', `explainJoinError options must be an object; got ${describe(options)}`);
  let values;
  try {
    values = readOptions(options, 'explainJoinError', OPTION_NAMES);
  } catch (error) {
    if (error instanceof VideoSDKError) throw error;
    throw invalid('options', 'explainJoinError options: reading them threw an exception');
  }
  const { token } = values;
  if (token !== undefined && typeof token !== 'string') {
    throw invalid('token', `token must be a string, the token the client joined with; got ${describe(token)}`);
  }
  return {
    token,
    roomId: readId(values.roomId, 'roomId', 'the room ID the client joined'),
    participantId: readId(values.participantId, 'participantId', 'the participant ID the client joined with'),
    // The clock is read only when there is a token to read it against.
    now: values.now === undefined && token === undefined ? undefined : nowArg(values.now),
  };
}

/** A time for a finding: ISO 8601, whole seconds, UTC. */
const at = (seconds) => {
  const date = new Date(Math.floor(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString().replace('.000Z', 'Z');
};
const span = (seconds) => humanSpan(Math.floor(Math.abs(seconds)));

/** 4002: what makes the token unusable as a token: its signature's algorithm, its times. */
function tokenFindings({ header, payload, signature, expiresAt, notBefore, expired }, now) {
  const found = [];
  if (header.alg !== JWT_HEADER.alg) {
    found.push(`the token's header alg is ${echo(header.alg)}, not ${JWT_HEADER.alg}: VideoSDK takes ${JWT_HEADER.alg} tokens only`);
  }
  if (signature === '') found.push('the token has no signature (its third part is empty): VideoSDK refuses an unsigned token');
  if (!Object.hasOwn(payload, 'exp')) {
    found.push('the token has no exp: VideoSDK refuses a token without an expiry');
  } else if (expiresAt === undefined) {
    found.push(`the token's exp is ${echo(payload.exp)}, not a time in seconds since 1970: VideoSDK refuses it`);
  } else if (expired) {
    const exp = expiresAt.getTime() / 1000;
    found.push(`the token expired ${span(now - exp)} ago: its exp, ${at(exp)}, is not after now, ${at(now)}`);
  }
  const nbf = notBefore === undefined ? undefined : notBefore.getTime() / 1000;
  if (nbf !== undefined && nbf > now) {
    found.push(`the token is not valid for another ${span(nbf - now)}: its nbf, ${at(nbf)}, is after now, ${at(now)}`);
  }
  return found;
}

/** 4001: the apikey VideoSDK looks the account up by. */
function apiKeyFindings(payload) {
  if (!Object.hasOwn(payload, 'apikey')) return ['the token has no apikey: VideoSDK finds the account, and the secret to check it with, by its apikey'];
  const key = payload.apikey;
  if (typeof key !== 'string') return [`the token's apikey is ${echo(key)}, not a string: VideoSDK needs the API key from the dashboard there`];
  if (key === '') return ['the token\'s apikey is "", empty: VideoSDK needs the API key from the dashboard there'];
  return [];
}

/** 4022, 4023: the token's restriction against what the client tried. */
function idFindings(payload, claim, tried, what, as) {
  if (tried === undefined || !Object.hasOwn(payload, claim) || payload[claim] === tried) return [];
  return [`the token's ${claim} ${echo(payload[claim])} is not the ${what}, ${quote(tried)}: VideoSDK lets it join ${as} ${echo(payload[claim])} only`];
}

/** 4004, 4008, 4024: the core's own warnings that name this code (its rules, its words). */
function ruleFindings(decoded, code, name) {
  const tag = `error ${code} ${name}`;
  const found = decoded.warnings.filter((w) => w.includes(tag)).map(escapeText);
  // The warning says what the roles lack; the list itself is shown beside it.
  if (code === 4024 && found.length) found[0] = `the token's roles are ${shown(JSON.stringify(decoded.payload.roles) ?? String(decoded.payload.roles))}; ${found[0]}`;
  return found;
}

function findingsFor(code, name, decoded, tried, now) {
  switch (code) {
    case 4001: return apiKeyFindings(decoded.payload);
    case 4002: return tokenFindings(decoded, now);
    case 4022: return idFindings(decoded.payload, 'roomId', tried.roomId, 'room joined', 'room');
    case 4023: return idFindings(decoded.payload, 'participantId', tried.participantId, 'participant ID joined with', 'as');
    default: return ruleFindings(decoded, code, name);
  }
}

/** A sentence after the usual fix, when the token given could not be compared. */
function note(code, decoded, tried, unreadable) {
  if (unreadable !== undefined) {
    return ` The token given cannot be read (${unreadable}), so it was not checked against this code; explain it against 4002 ${JOIN_ERRORS[4002].name}.`;
  }
  const [claim, option, what] = code === 4022 ? ['roomId', 'roomId', 'the room joined'] : ['participantId', 'participantId', 'the participant ID joined with'];
  if ((code === 4022 || code === 4023) && decoded !== undefined && tried[option] === undefined && Object.hasOwn(decoded.payload, claim)) {
    return ` The token's ${claim} is ${echo(decoded.payload[claim])}: pass ${option}, ${what}, to compare it.`;
  }
  return '';
}

/**
 * Explains one of VideoSDK's join error codes and, given the token the client joined with (and
 * the room and participant it tried), what in that token causes it. See token/join-error.d.ts.
 */
export function explainJoinError(code, options) {
  const n = readCode(code);
  const tried = readArgs(options);
  const row = Object.hasOwn(JOIN_ERRORS, n) ? JOIN_ERRORS[n] : undefined;
  if (row === undefined) {
    return {
      code: n,
      name: null,
      meaning: `not one of the join error codes VideoSDK documents (${CODES[0]} to ${CODES[CODES.length - 1]}), so nothing here says what it means or whether the token causes it`,
      tokenCanCause: false,
      findings: [],
      fix: `Look ${n} up in the error reference of your VideoSDK SDK's version (${REFERENCE}), or ask VideoSDK's support, with the error's message.`,
    };
  }
  const { name, meaning, tokenCanCause } = row;
  let findings = [];
  let decoded;
  let unreadable;
  if (tokenCanCause && tried.token !== undefined) {
    try {
      decoded = decodeToken(tried.token, { now: tried.now });
    } catch (error) {
      if (!(error instanceof VideoSDKError) || error.code !== 'MALFORMED') throw error;
      unreadable = escapeText(error.reason);
    }
    if (decoded !== undefined) findings = findingsFor(n, name, decoded, tried, tried.now);
    else if (n === 4002) findings = [`the token cannot be read: ${unreadable}`];
  }
  const fix = tokenCanCause
    ? (TOKEN_FIXES[n] ?? CHECK_TOKEN) + (n === 4002 ? '' : note(n, decoded, tried, unreadable))
    : OTHER_FIXES[n] ?? NOT_TOKEN;
  return { code: n, name, meaning, tokenCanCause, findings, fix };
}
