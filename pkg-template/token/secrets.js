// The secret option, read in JS: text as it is, bytes copied (and zeroed once wasm has its own),
// a list of secrets (key rotation) as one byte string and the length of each.
import { invalidOptions as invalid } from '../shared/errors.js';
import { describe, isArray, isInstance } from './describe.js';

// One encoder for every call (no module side effect: made at the first list of secrets).
let encoder;

/** One secret: text, or a fresh copy of bytes (zeroed by `wipe` after the call). */
export function secret(v) {
  if (typeof v === 'string') {
    if (!v.isWellFormed()) {
      throw invalid('secret', 'secret is a string that is not well-formed Unicode (it holds a lone surrogate); pass the secret exactly as the dashboard shows it');
    }
    return { text: v, bytes: undefined };
  }
  if (isInstance(v, Uint8Array)) {
    try {
      return { text: undefined, bytes: Uint8Array.from(v) };
    } catch {
      throw invalid('secret', 'reading the secret Uint8Array threw an exception');
    }
  }
  // By its type only: a number here may be an all-digit secret, which must not be echoed.
  throw invalid('secret', `secret must be a string or a Uint8Array; got ${describe(v, false)}`);
}

/**
 * A secret, or a list of them (key rotation) as one byte string and the length of each. A text
 * secret crosses as text: written as UTF-8 into a reused buffer, as the token is, it was no faster.
 */
export function secrets(v) {
  if (!isArray(v)) return secret(v);
  let items;
  try {
    items = Array.from(v);
  } catch {
    throw invalid('secret', 'reading the array secret threw an exception');
  }
  if (items.length === 0) throw invalid('secret', 'the list of secrets is empty; pass at least one');
  const parts = items.map((item) => {
    const s = secret(item);
    encoder ??= new TextEncoder();
    return s.bytes ?? encoder.encode(s.text);
  });
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
    p.fill(0);
  }
  return { text: undefined, bytes, lens: Uint32Array.from(parts, (p) => p.length) };
}

/** Zeroes the copies of key bytes made here, once wasm has its own (which it zeroes). */
export function wipe(read) {
  read?.bytes?.fill(0);
}

export function randomBytes() {
  try {
    return crypto.getRandomValues(new Uint8Array(16));
  } catch {
    throw invalid('jwtId', 'no random source is available here for jwtId: true; pass a string id instead');
  }
}
