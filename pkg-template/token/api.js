// The public API over the wasm exports. One call path per operation: read.js reads the
// arguments (options, secrets, the clock) once, in JS, and they cross into wasm as primitives;
// the result comes back as one string (a token, or JSON text), an error as one string that
// becomes a TokenError here. No caller code can run while wasm frames are on the stack.
// Entry files (node.js, …) instantiate the wasm and re-export this module (through exports.js).
import * as wasm from '../videosdk_token.js';
import { invalidOptions, TokenError } from '../shared/errors.js';
import { shown } from '../shared/text.js';
import { JWT_HEADER } from '../shared/vocabulary.js';
import { coreError, describe } from './describe.js';
import * as read from './read.js';
import { wipe } from './secrets.js';

export { TokenError, VideoSDKError } from '../shared/errors.js';

/** A string the core threw is its TokenError; anything else (a trap) passes through. */
function rethrow(error) {
  throw typeof error === 'string' ? coreError(error) : error;
}

/** The one sign export: `inner` is keyed (TokenSigner.sign) or keyless (signToken). */
function sign(inner, o) {
  return inner.sign(o.apiKey, o.secretText, o.bytes, o.permissions, o.sep, o.version, o.roomId,
    o.participantId, o.roles, o.expiresSecs, o.expiresText, o.notBeforeSecs, o.notBeforeText,
    o.jwtId, o.jtiRandom, o.now, o.claims);
}

// The fixed header (the core's), as decode returns it when a token carries exactly that one.
const { alg: ALG, typ: TYP } = JWT_HEADER;

let keyless; // signToken's, made at its first call (the wasm is ready then)

export function signToken(options) {
  const o = read.signOptions(options);
  try {
    keyless ??= new wasm.TokenSigner();
    return sign(keyless, o);
  } catch (error) {
    rethrow(error);
  } finally {
    wipe(o);
  }
}

export function decodeToken(token, options) {
  const a = read.decodeArgs(token, options);
  let s;
  try {
    s = wasm.decode(a.utf8, a.now);
  } catch (error) {
    rethrow(error);
  }
  // The summary (src/wasm/result.rs), parsed only where it must be: JSON.parse is most of a
  // decode's time (it keeps a `__proto__` member an own property).
  const end = s.indexOf('\u001f');
  const endPayload = s.indexOf('\u001f', end + 1);
  const endCustom = s.indexOf('\u001f', endPayload + 1);
  const header = end === 2 ? { alg: ALG, typ: TYP } : JSON.parse(s.slice(2, end));
  const payload = JSON.parse(s.slice(end + 1, endPayload));
  const custom = s.slice(endPayload + 1, endCustom);
  const warnings = s.slice(endCustom + 1);
  const out = { header, payload, signature: a.token.slice(a.token.lastIndexOf('.') + 1) };
  // The core has checked which times are plausible: bits 0, 1, 2 for iat, exp, nbf.
  const dates = s.charCodeAt(0) - 48;
  if (dates & 1) out.issuedAt = new Date(payload.iat * 1000);
  if (dates & 2) out.expiresAt = new Date(payload.exp * 1000);
  if (dates & 4) out.notBefore = new Date(payload.nbf * 1000);
  out.expired = s.charCodeAt(1) === 49;
  out.warnings = warnings === '[]' ? [] : JSON.parse(warnings);
  out.customClaims = custom === '{}' ? {} : JSON.parse(custom);
  return out;
}

export function verifyToken(token, secret, options) {
  const a = read.verifyArgs(token, secret, options);
  let json;
  try {
    json = wasm.verify(a.token, a.secretText, a.bytes, a.lens, a.now, a.toleranceSecs,
      a.toleranceText, a.apiKey, a.roomId, a.participantId);
  } catch (error) {
    rethrow(error);
  } finally {
    wipe(a);
  }
  // JSON.parse keeps a `__proto__` member an own property.
  return JSON.parse(json);
}

/**
 * A span (`7200`, `'2h'`, `'90 minutes'`) in whole seconds, by the same rules as the option
 * `field` (default `expiresIn`: at least 1 second; `notBefore`, `clockTolerance`: at least 0;
 * at most 365 days). Throws a TokenError INVALID_OPTIONS naming `field` otherwise.
 */
export function spanSeconds(span, field = 'expiresIn') {
  const name = typeof field === 'string' ? shown(field) : 'expiresIn';
  const s = read.spanArg(span, name);
  try {
    return wasm.spanSeconds(s.secs, s.text, name);
  } catch (error) {
    rethrow(error);
  }
}

/** A number of seconds for people, as the core's messages say it: "1 h 52 min", "45 s". */
export function humanSpan(seconds) {
  if (typeof seconds !== 'number') {
    throw invalidOptions('seconds', `seconds must be a number; got ${describe(seconds)}`);
  }
  return wasm.humanSpan(seconds);
}

const freed = () => new TokenError(
  'INVALID_OPTIONS',
  'this TokenSigner has been freed: create a new TokenSigner to sign again',
);

/**
 * `using signer = new TokenSigner(…)` frees it, where the engine has Symbol.dispose. Given in a
 * call marked pure rather than by an assignment after the class: a module-level assignment is a
 * side effect, which keeps the class in every bundle of this module, used or not.
 */
function disposable(type) {
  if (typeof Symbol.dispose === 'symbol') type.prototype[Symbol.dispose] = type.prototype.free;
  return type;
}

export const TokenSigner = /* @__PURE__ */ disposable(class TokenSigner {
  #inner;

  constructor(options) {
    const o = read.signerOptions(options);
    try {
      this.#inner = new wasm.TokenSigner(o.apiKey, o.secretText, o.bytes);
    } catch (error) {
      rethrow(error);
    } finally {
      wipe(o);
    }
  }

  sign(options) {
    if (this.#inner === undefined) throw freed();
    const o = read.claimOptions(options);
    // Looked up after the options are read: a getter among them may have freed this signer.
    const inner = this.#inner;
    if (inner === undefined) throw freed();
    try {
      return sign(inner, o);
    } catch (error) {
      rethrow(error);
    }
  }

  /** Zeroes the held key state and releases it; later sign() calls throw a TokenError. */
  free() {
    const inner = this.#inner;
    this.#inner = undefined;
    inner?.free();
  }
});

