// The public API over the wasm exports: the same names, errors turned into TokenError instances,
// and TokenSigner guarded so that a call after free() throws instead of reaching freed memory.
// Entry files (node.js, …) instantiate the wasm and re-export this module.
//
// Speed: for arguments of the common shape (string secret, options whose values are strings,
// numbers and arrays of strings), the options are read here and cross into wasm as plain
// strings and numbers in one call (`*Fields` exports); results come back as one string (a token
// or JSON text). Every check still happens in Rust, in the same order. Anything else takes the
// general exports, which read the JS values from Rust and explain what is wrong with them.
import * as wasm from './videosdk_token.js';
import { TokenError } from './errors.js';
import { customClaimsJson } from './custom-claims.js';

export { TokenError, VideoSDKError } from './errors.js';

// The binding throws plain Errors named TokenError (it cannot construct this class);
// anything else, such as a JS exception from an options getter, passes through untouched.
function rethrow(error) {
  if (error instanceof Error && error.name === 'TokenError' && !(error instanceof TokenError)) {
    throw new TokenError(error.code, error.message, error);
  }
  throw error;
}

// Longest token the fast path copies into wasm; longer ones take the general path, which
// refuses them (MAX_TOKEN_LEN) before copying.
const MAX_TOKEN_LEN = 8192;

/** A non-empty array of non-empty strings without ',' joined with ','; else undefined. */
function joined(list) {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item !== 'string' || item.length === 0 || item.includes(',')) return undefined;
    out = i === 0 ? item : `${out},${item}`;
  }
  return out;
}

const isSpan = (v) => v === undefined || typeof v === 'number' || typeof v === 'string';
const isText = (v) => v === undefined || typeof v === 'string';

/**
 * Reads claim options of the common shape into a fields object, or returns undefined so that
 * the general path handles (and explains) anything else. `signer` is true for TokenSigner.sign,
 * which takes no apiKey or secret.
 */
function claimFields(o, signer) {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  for (const key in o) {
    switch (key) {
      case 'permissions': case 'version': case 'roomId': case 'participantId': case 'roles':
      case 'expiresIn': case 'notBefore': case 'jwtId': case 'now': case 'claims':
        break;
      case 'apiKey': case 'secret':
        if (signer) return undefined;
        break;
      default:
        return undefined;
    }
  }
  const f = {
    apiKey: signer ? undefined : o.apiKey,
    secret: signer ? undefined : o.secret,
    permissions: joined(o.permissions),
    version: o.version,
    roomId: o.roomId,
    participantId: o.participantId,
    roles: o.roles,
    expiresIn: o.expiresIn,
    notBefore: o.notBefore,
    jwtId: o.jwtId,
    now: o.now,
  };
  if (!signer && (typeof f.apiKey !== 'string' || typeof f.secret !== 'string')) return undefined;
  if (f.permissions === undefined) return undefined;
  if (f.roles !== undefined && (f.roles = joined(f.roles)) === undefined) return undefined;
  if (f.version !== undefined && typeof f.version !== 'number') return undefined;
  if (!isText(f.roomId) || !isText(f.participantId)) return undefined;
  if (!isSpan(f.expiresIn) || !isSpan(f.notBefore)) return undefined;
  if (!(f.jwtId === undefined || f.jwtId === true || typeof f.jwtId === 'string')) return undefined;
  if (f.now !== undefined && typeof f.now !== 'number') return undefined;
  return f;
}

// A getter that throws while options are read here sends them down the general path, which
// reports it as the TokenError it always has.
function tryRead(read, ...args) {
  try {
    return read(...args);
  } catch {
    return undefined;
  }
}

const num = (v) => (typeof v === 'number' ? v : undefined);
const str = (v) => (typeof v === 'string' ? v : undefined);

export function signToken(options) {
  // Custom claims are walked here (custom-claims.js) and cross as JSON text.
  const claims = customClaimsJson(options, MAX_TOKEN_LEN);
  const f = tryRead(claimFields, options, false);
  try {
    if (f === undefined) return wasm.signToken(options, claims);
    return wasm.signFields(f.apiKey, f.secret, f.permissions, f.version, f.roomId, f.participantId,
      f.roles, num(f.expiresIn), str(f.expiresIn), num(f.notBefore), str(f.notBefore),
      str(f.jwtId), f.jwtId === true, f.now, claims);
  } catch (error) {
    rethrow(error);
  }
}

function decodeFields(token, options) {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LEN) return undefined;
  if (options === undefined) return { now: undefined };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return undefined;
  for (const key in options) if (key !== 'now') return undefined;
  const now = options.now;
  return now === undefined || typeof now === 'number' ? { now } : undefined;
}

export function decodeToken(token, options) {
  const f = tryRead(decodeFields, token, options);
  let d;
  try {
    if (f === undefined) return wasm.decodeToken(token, options);
    d = JSON.parse(wasm.decodeFields(token, f.now));
  } catch (error) {
    rethrow(error);
  }
  // The same object as the general path's (src/wasm.rs, summary_to_js). Rust has checked which
  // times are plausible: bits 0, 1, 2 of `dates` for iat, exp, nbf.
  const { payload } = d;
  const out = { header: d.header, payload, signature: d.signature };
  if (d.dates & 1) out.issuedAt = new Date(payload.iat * 1000);
  if (d.dates & 2) out.expiresAt = new Date(payload.exp * 1000);
  if (d.dates & 4) out.notBefore = new Date(payload.nbf * 1000);
  out.expired = d.expired;
  out.warnings = d.warnings;
  out.customClaims = d.customClaims;
  return out;
}

function verifyFields(token, secret, options) {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LEN || typeof secret !== 'string') return undefined;
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return undefined;
  for (const key in options) {
    switch (key) {
      case 'now': case 'clockTolerance': case 'apiKey': case 'roomId': case 'participantId':
        break;
      default:
        return undefined;
    }
  }
  const f = {
    now: options.now,
    clockTolerance: options.clockTolerance,
    apiKey: options.apiKey,
    roomId: options.roomId,
    participantId: options.participantId,
  };
  if (f.now !== undefined && typeof f.now !== 'number') return undefined;
  if (!isSpan(f.clockTolerance) || !isText(f.apiKey) || !isText(f.roomId) || !isText(f.participantId)) {
    return undefined;
  }
  return f;
}

export function verifyToken(token, secret, options) {
  const f = tryRead(verifyFields, token, secret, options);
  let json;
  try {
    if (f === undefined) return wasm.verifyToken(token, secret, options);
    json = wasm.verifyFields(token, secret, f.now, num(f.clockTolerance), str(f.clockTolerance),
      f.apiKey, f.roomId, f.participantId);
  } catch (error) {
    rethrow(error);
  }
  return JSON.parse(json);
}

export class TokenSigner {
  #inner;

  constructor(options) {
    try {
      this.#inner = new wasm.TokenSigner(options);
    } catch (error) {
      rethrow(error);
    }
  }

  sign(options) {
    const inner = this.#inner;
    if (inner === undefined) {
      throw new TokenError(
        'INVALID_OPTIONS',
        'this TokenSigner has been freed: create a new TokenSigner to sign again',
      );
    }
    const claims = customClaimsJson(options, MAX_TOKEN_LEN);
    const f = tryRead(claimFields, options, true);
    try {
      if (f === undefined) return inner.sign(options, claims);
      return inner.signFields(f.permissions, f.version, f.roomId, f.participantId, f.roles,
        num(f.expiresIn), str(f.expiresIn), num(f.notBefore), str(f.notBefore),
        str(f.jwtId), f.jwtId === true, f.now, claims);
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
}

if (typeof Symbol.dispose === 'symbol') {
  TokenSigner.prototype[Symbol.dispose] = TokenSigner.prototype.free;
}
