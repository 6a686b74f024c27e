// The public API over the wasm exports: the same names, errors turned into TokenError instances,
// and TokenSigner guarded so that a call after free() throws instead of reaching freed memory.
// Entry files (node.js, …) instantiate the wasm and re-export this module.
import * as wasm from './videosdk_token.js';

/** Every failure of this package: `code` is stable, `reason` says exactly what was wrong. */
export class TokenError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = 'TokenError';
    this.code = code;
    this.reason = details.reason ?? message;
    if (details.field !== undefined) this.field = details.field;
    if (details.expiredAt !== undefined) this.expiredAt = details.expiredAt;
  }
}

// The binding throws plain Errors named TokenError (it cannot construct this class);
// anything else, such as a JS exception from an options getter, passes through untouched.
function rethrow(error) {
  if (error instanceof Error && error.name === 'TokenError' && !(error instanceof TokenError)) {
    throw new TokenError(error.code, error.message, error);
  }
  throw error;
}

export function signToken(options) {
  try {
    return wasm.signToken(options);
  } catch (error) {
    rethrow(error);
  }
}

export function decodeToken(token, options) {
  try {
    return wasm.decodeToken(token, options);
  } catch (error) {
    rethrow(error);
  }
}

export function verifyToken(token, secret, options) {
  try {
    return wasm.verifyToken(token, secret, options);
  } catch (error) {
    rethrow(error);
  }
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
    if (this.#inner === undefined) {
      throw new TokenError(
        'INVALID_OPTIONS',
        'this TokenSigner has been freed: create a new TokenSigner to sign again',
      );
    }
    try {
      return this.#inner.sign(options);
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
