// Reads the caller's arguments, once, in JS, into the primitives the wasm exports take. Reading
// JS values is JS's job: a getter, a Proxy trap or a patched Date.now runs here, before any wasm
// frame is on the stack, and whatever it throws becomes a TokenError. Only own properties count
// (a polluted Object.prototype adds no option); every string must be well-formed Unicode (a lone
// surrogate would silently become U+FFFD on its way into wasm). Every rule about the values is
// the core's; option names and limits come from it too (vocabulary.js).
import { invalidOptions as invalid } from '../shared/errors.js';
import { unknownOption } from '../shared/options.js';
import { MAX_TOKEN_LEN, OPTIONS, PERMISSIONS_EXAMPLE, ROLES_EXAMPLE } from '../shared/vocabulary.js';
import { oversized } from '../videosdk_token.js';
import { customClaimsJson } from './custom-claims.js';
import { coreError, describe, isArray, isInstance, malformed } from './describe.js';
import { randomBytes, secret, secrets, wipe } from './secrets.js';

// Each call's option names, also as a Set (faster than `includes` for every key of every call).
const names = (list) => ({ list, set: new Set(list) });
const SIGN = names([...OPTIONS.signer, ...OPTIONS.claims]);
const SIGNER = names(OPTIONS.signer);
const CLAIMS = names(OPTIONS.claims);
const VERIFY = names(OPTIONS.verify);
const DECODE = names(OPTIONS.decode);
const THREW = Symbol('threw');
const ACCESSOR = Symbol('accessor');

/**
 * Every option name of every call, each an own property: what `own` fills in. A fixed shape is
 * fast to build and read, and an absent option reads as undefined whatever Object.prototype holds.
 */
const blank = () => ({
  apiKey: undefined, secret: undefined, permissions: undefined, version: undefined,
  roomId: undefined, participantId: undefined, roles: undefined, expiresIn: undefined,
  notBefore: undefined, jwtId: undefined, now: undefined, clockTolerance: undefined,
  claims: undefined,
});

/**
 * The options object's own enumerable values by name, read once each. `what` names the object
 * in messages, `call` the function. Unknown names are refused before any value is read.
 */
function own(options, what, call, { list: allowed, set }, optional) {
  if (options === undefined && optional) return blank();
  if (typeof options !== 'object' || options === null || isArray(options)) {
    throw invalid('options', `${what} must be an object; got ${describe(options)}`);
  }
  let keys;
  try {
    keys = Object.keys(options);
  } catch {
    throw invalid('options', `${call} options: listing the object's keys threw an exception`);
  }
  for (const key of keys) {
    if (set.has(key)) continue;
    const signerOption = call === 'TokenSigner.sign' && OPTIONS.signer.includes(key);
    throw unknownOption(key, call, allowed, { otherwise: signerOption ? 'apiKey and secret are given once, to new TokenSigner()' : undefined });
  }
  const values = blank();
  // Read each value once; a getter that throws marks its option THREW (reported when that option
  // is read, in order) and reading goes on with the next one.
  for (let i = 0; i < keys.length; i++) {
    try {
      for (; i < keys.length; i++) read(options, keys[i], values);
    } catch {
      values[keys[i]] = THREW;
    }
  }
  return values;
}

/**
 * `values[key] = options[key]`, by name where it can be: a property named in the code is read and
 * written in a few instructions, where a computed one takes V8's generic path (a sign's options
 * read four times faster). The allowed names come from the core (vocabulary.js) and are checked
 * before this runs; a name not listed here still reads correctly, by the generic path.
 */
function read(o, key, v) {
  switch (key) {
    case 'apiKey': v.apiKey = o.apiKey; break;
    case 'secret': v.secret = o.secret; break;
    case 'permissions': v.permissions = o.permissions; break;
    case 'version': v.version = o.version; break;
    case 'roomId': v.roomId = o.roomId; break;
    case 'participantId': v.participantId = o.participantId; break;
    case 'roles': v.roles = o.roles; break;
    case 'expiresIn': v.expiresIn = o.expiresIn; break;
    case 'notBefore': v.notBefore = o.notBefore; break;
    case 'jwtId': v.jwtId = o.jwtId; break;
    case 'now': v.now = o.now; break;
    case 'clockTolerance': v.clockTolerance = o.clockTolerance; break;
    // Custom claims are data: an accessor is not run.
    case 'claims': v.claims = data(o, 'claims'); break;
    default: v[key] = o[key];
  }
}

/** A data property's value; an accessor is not run (custom claims are data, read once). */
function data(object, key) {
  const d = Object.getOwnPropertyDescriptor(object, key);
  return d !== undefined && !('value' in d) ? ACCESSOR : d?.value;
}

/**
 * The custom claims as JSON text (custom-claims.js walks them), or undefined. Read before any
 * other option: a value JSON cannot hold is reported first, with its path.
 */
function customClaims(values) {
  const v = value(values.claims, 'claims');
  if (v === ACCESSOR) throw invalid('claims', 'claims is a getter: pass the object itself');
  return customClaimsJson(v);
}

/** The option's value (read as `values.name`, not `values[key]`: faster); undefined when absent. */
function value(v, key) {
  if (v === THREW) throw invalid(key, `reading the option ${key} threw an exception`);
  return v;
}

function wellFormed(key, text) {
  if (!text.isWellFormed()) {
    throw invalid(key, `${key} is not well-formed Unicode (it holds a lone surrogate, which would be signed as U+FFFD); pass well-formed text`);
  }
  return text;
}

function text(given, key, required) {
  const v = value(given, key);
  if (v === undefined) {
    if (required) throw invalid(key, `${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(key, `${key} must be a string; got ${describe(v)}`);
  return wellFormed(key, v);
}

/** A list of strings, copied: its length and elements run no more caller code. */
function list(given, key, required) {
  const v = value(given, key);
  if (v === undefined) {
    if (required) throw invalid(key, `${key} is required`);
    return undefined;
  }
  if (!isArray(v)) throw invalid(key, `${key} must be ${example(key)}; got ${describe(v)}`);
  const items = [];
  try {
    // By index, each element once: an iterator is caller code (and slower).
    const n = v.length;
    for (let i = 0; i < n; i++) items.push(v[i]);
  } catch {
    throw invalid(key, `reading the array ${key} threw an exception`);
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string') throw invalid(key, `${key} must hold only strings: ${example(key)}`);
    wellFormed(key, item);
  }
  return items;
}

const example = (key) => `an array such as ${key === 'roles' ? ROLES_EXAMPLE : PERMISSIONS_EXAMPLE}`;

/** Whether an entry of `list` holds `c`. */
function holds(list, c) {
  for (let i = 0; i < list.length; i++) if (list[i].includes(c)) return true;
  return false;
}

/** The first character no entry of the lists holds (',' nearly always). */
function separator(permissions, roles) {
  if (!holds(permissions, ',') && (roles === undefined || !holds(roles, ','))) return ',';
  const has = (c) => holds(permissions, c) || (roles !== undefined && holds(roles, c));
  for (let code = 1; ; code++) {
    const c = String.fromCodePoint(code);
    if (code < 0xd800 || code > 0xdfff) if (!has(c)) return c;
  }
}

/**
 * The lists as text, as src/wasm/args.rs takes them. When each list has one entry, as nearly
 * always, the entry is the text and there is no separator to look for; otherwise every entry is
 * followed by a character no entry holds, so that [] ('') and [''] (the separator) differ.
 */
function lists(permissions, roles) {
  if (permissions.length === 1 && (roles === undefined || roles.length === 1)) {
    return { sep: undefined, permissions: permissions[0], roles: roles?.[0] };
  }
  const sep = separator(permissions, roles);
  return { sep, permissions: ended(permissions, sep), roles: roles === undefined ? undefined : ended(roles, sep) };
}

/** Each entry followed by `sep`, in one string (a loop: no array of pieces to join). */
function ended(items, sep) {
  let out = '';
  for (let i = 0; i < items.length; i++) out += items[i] + sep;
  return out;
}

/** A span: a number of seconds, text such as '2h', or undefined. */
function span(given, key) {
  const v = value(given, key);
  if (v === undefined || typeof v === 'number') return v;
  if (typeof v === 'string') return wellFormed(key, v);
  throw invalid(key, `${key} must be a number of seconds or a string such as '2h'; got ${describe(v)}`);
}

// A span crosses as two arguments, the number or the text.
const seconds = (span) => (typeof span === 'number' ? span : undefined);
const words = (span) => (typeof span === 'string' ? span : undefined);

/** `now` in seconds: the option (a number or a Date), else the clock, read here. */
function now(given) {
  const v = value(given, 'now');
  if (v === undefined) return clock();
  if (typeof v === 'number') return v;
  if (isInstance(v, Date)) {
    let ms;
    try {
      ms = v.getTime();
    } catch {
      throw invalid('now', 'now.getTime() threw an exception');
    }
    if (Number.isNaN(ms)) throw invalid('now', 'now is an invalid Date');
    return ms / 1000;
  }
  throw invalid('now', `now must be seconds since 1970 or a Date; got ${describe(v)}`);
}

/** The clock. A clock that throws or is not a finite number fails closed: no time, no token. */
export function clock() {
  let ms;
  try {
    ms = Date.now();
  } catch {
    throw invalid('now', 'reading the clock (Date.now()) threw an exception; pass now explicitly');
  }
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw invalid('now', `the clock (Date.now()) gave ${describe(ms)}, not a time; pass now explicitly`);
  }
  return ms / 1000;
}

/** The claim options as `TokenSigner.sign` takes them (src/wasm/exports.rs). */
function claims(values, apiKey, key, custom) {
  const at = now(values.now);
  const permissions = list(values.permissions, 'permissions', true);
  const version = value(values.version, 'version');
  if (version !== undefined && typeof version !== 'number') {
    throw invalid('version', `version must be the number 2; got ${describe(version)}`);
  }
  const roomId = text(values.roomId, 'roomId', false);
  const participantId = text(values.participantId, 'participantId', false);
  const roles = list(values.roles, 'roles', false);
  const expiresIn = span(values.expiresIn, 'expiresIn');
  const notBefore = span(values.notBefore, 'notBefore');
  const jwtId = value(values.jwtId, 'jwtId');
  if (!(jwtId === undefined || jwtId === true || typeof jwtId === 'string')) {
    throw invalid('jwtId', `jwtId must be a string, or true for a random id; got ${describe(jwtId)}`);
  }
  const joined = lists(permissions, roles);
  return {
    apiKey,
    secretText: key?.text,
    bytes: key?.bytes,
    permissions: joined.permissions,
    sep: joined.sep,
    version,
    roomId,
    participantId,
    roles: joined.roles,
    expiresSecs: seconds(expiresIn),
    expiresText: words(expiresIn),
    notBeforeSecs: seconds(notBefore),
    notBeforeText: words(notBefore),
    jwtId: typeof jwtId === 'string' ? wellFormed('jwtId', jwtId) : undefined,
    jtiRandom: jwtId === true ? randomBytes() : undefined,
    now: at,
    claims: custom,
  };
}

/** The secret option of signToken and new TokenSigner. */
function requiredSecret(given) {
  const v = value(given, 'secret');
  if (v === undefined) throw invalid('secret', 'secret is required');
  return secret(v);
}

/** signToken's options. */
export function signOptions(options) {
  const values = own(options, 'signToken options', 'signToken', SIGN, false);
  const custom = customClaims(values);
  const apiKey = text(values.apiKey, 'apiKey', true);
  const key = requiredSecret(values.secret);
  try {
    return claims(values, apiKey, key, custom);
  } catch (e) {
    wipe(key);
    throw e;
  }
}

/** new TokenSigner's options. */
export function signerOptions(options) {
  const values = own(options, 'TokenSigner options', 'new TokenSigner', SIGNER, false);
  const apiKey = text(values.apiKey, 'apiKey', true);
  const key = requiredSecret(values.secret);
  return { apiKey, secretText: key.text, bytes: key.bytes };
}

/** TokenSigner.sign's options. */
export function claimOptions(options) {
  const values = own(options, 'TokenSigner.sign options', 'TokenSigner.sign', CLAIMS, false);
  return claims(values, undefined, undefined, customClaims(values));
}

/** The token, for verify and decode: a string, short enough to copy, well-formed. */
function token(t, verify) {
  if (typeof t !== 'string') throw malformed(`the token must be a string; got ${describe(t)}`, verify);
  if (t.length > MAX_TOKEN_LEN) throw coreError(oversized(t.length, verify));
  if (!t.isWellFormed()) {
    // Which part holds the lone surrogate, so a program can point at it.
    const at = Math.max(0, t.search(/[\ud800-\udfff]/u));
    const dots = t.slice(0, at).split('.').length - 1;
    const part = ['header', 'payload', 'signature'][dots];
    throw malformed(`the ${part ?? 'token'} holds a lone surrogate (not well-formed Unicode), which no token can hold`, verify, part);
  }
  return t;
}

// The token crosses as UTF-8 written by the engine's encoder into one reused buffer: the glue
// copies a string a character at a time in JS, 3-6 times slower for a token. It is written
// after every caller value is read, so no caller code runs between the write and the glue's
// copy. Made at the first call (no module side effect).
let encoder;
let scratch;

/** The token's UTF-8 bytes, valid until the next call (a token is at most 3 bytes a unit). */
function utf8(t) {
  encoder ??= new TextEncoder();
  scratch ??= new Uint8Array(3 * MAX_TOKEN_LEN);
  return scratch.subarray(0, encoder.encodeInto(t, scratch).written);
}

/** verifyToken's arguments, in the order the checks report them: secrets, options, token. */
export function verifyArgs(t, s, options) {
  const key = secrets(s);
  try {
    const values = own(options, 'verifyToken options', 'verifyToken', VERIFY, true);
    const at = now(values.now);
    const tolerance = span(values.clockTolerance, 'clockTolerance');
    const apiKey = text(values.apiKey, 'apiKey', false);
    const roomId = text(values.roomId, 'roomId', false);
    const participantId = text(values.participantId, 'participantId', false);
    return {
      secretText: key.text,
      bytes: key.bytes,
      lens: key.lens,
      now: at,
      toleranceSecs: seconds(tolerance),
      toleranceText: words(tolerance),
      apiKey,
      roomId,
      participantId,
      token: utf8(token(t, true)),
    };
  } catch (e) {
    wipe(key);
    throw e;
  }
}

/** decodeToken's arguments: the token, then the options. */
export function decodeArgs(t, options) {
  const checked = token(t, false);
  const values = own(options, 'decodeToken options', 'decodeToken', DECODE, true);
  const at = now(values.now); // before the token is written: a Date's getTime is caller code
  return { token: checked, utf8: utf8(checked), now: at };
}

/** spanSeconds's argument, read as the span options are. */
export function spanArg(v, field) {
  const s = span(v, field);
  return { secs: seconds(s), text: words(s) };
}

/** A `now` option in seconds, read as the token calls read it (the clock when undefined). */
export function nowArg(v) {
  return now(v);
}
