// What the token calls say about values they were given: the TokenError a wasm export reported,
// and a value's type for a message (never its content: an option could be a misplaced secret).
import { TokenError } from '../shared/errors.js';
import { VERIFY_MESSAGE } from '../shared/vocabulary.js';
import { numberText } from '../videosdk_token.js';

/**
 * The TokenError a wasm export reported, as `src/wasm/error.rs` writes it: code, field, whether
 * the message is the one verify message, expiredAt (the bits of an f64, in hex), reason.
 */
export function coreError(text) {
  const [code, field, generic, exp] = text.split('\u001f', 4);
  const reason = text.slice(code.length + field.length + generic.length + exp.length + 4);
  const details = { reason };
  if (field) details.field = field;
  if (exp) {
    const bits = new DataView(new ArrayBuffer(8));
    bits.setBigUint64(0, BigInt(`0x${exp}`));
    details.expiredAt = new Date(bits.getFloat64(0) * 1000);
  }
  return new TokenError(code, generic === '1' ? VERIFY_MESSAGE : reason, details);
}

/** A MALFORMED error; in verify its message is the one verify message, the detail in `reason`. */
export function malformed(reason, verify, field) {
  return new TokenError('MALFORMED', verify ? VERIFY_MESSAGE : reason, { reason, field });
}

export function isArray(value) {
  try {
    return Array.isArray(value);
  } catch {
    return false; // a revoked Proxy
  }
}

export function isInstance(value, type) {
  try {
    return value instanceof type;
  } catch {
    return false; // a Proxy whose getPrototypeOf trap throws
  }
}

/**
 * The value's type for messages, never its content (an option could be a misplaced secret); a
 * number is shown as the core writes numbers, except where `numbers` is false (secrets).
 */
export function describe(value, numbers = true) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (isArray(value)) return 'an array';
  if (isInstance(value, Date)) return 'a Date';
  switch (typeof value) {
    case 'number': return numbers ? `the number ${numberText(value)}` : 'a number';
    case 'string': return 'a string';
    case 'boolean': return 'a boolean';
    case 'function': return 'a function';
    case 'symbol': return 'a symbol';
    case 'bigint': return 'a bigint';
    default: return 'an object';
  }
}
