// Custom claims (the `claims` option of signToken and TokenSigner.sign), walked here, in JS, by
// read.js, before anything crosses into wasm: only a walk of the JS value can see what
// JSON.stringify would change without a word (a Date becomes a string, NaN and Infinity become
// null, undefined and functions vanish, a getter or toJSON runs, a Map becomes {}, a hole becomes
// null). The walk refuses each, with the path in `field`, and writes the JSON text itself
// (JSON.stringify would call a polluted toJSON); the core then checks the text: reserved names,
// nesting, the token's size.
import { invalidOptions as refuse, TokenError } from '../shared/errors.js';
import { cut } from '../shared/text.js';
import { ECHO_MAX, MAX_CLAIMS_DEPTH, MAX_TOKEN_LEN } from '../shared/vocabulary.js';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Half of a UTF-16 surrogate pair, alone: JSON text in UTF-8 cannot carry it.
const LONE_SURROGATE = /\p{Cs}/u;

const { getPrototypeOf, getOwnPropertyDescriptor } = Object;
const { ownKeys } = Reflect;

/** `claims.name`, `claims["a b"]`, `claims.tags[2]`: names cut short and escaped. */
function member(path, key) {
  return IDENTIFIER.test(key) && key.length <= ECHO_MAX ? `${path}.${key}` : `${path}["${cut(key)}"]`;
}

/** What a non-JSON object is, in words: "a Date", "a Map", "an instance of User". */
function kindOf(value) {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag !== 'Object') return /^[AEIOU]/.test(tag) ? `an ${tag}` : `a ${tag}`;
  let name;
  try {
    name = getPrototypeOf(value)?.constructor?.name;
  } catch {
    // a Proxy's trap threw: described without its name
  }
  if (name === 'Object') return 'an object whose prototype is another object';
  return typeof name === 'string' && name !== '' ? `an instance of ${cut(name)}` : 'an object with a prototype';
}

const HINTS = {
  Date: 'pass date.toISOString() or a number of seconds',
  Map: 'pass Object.fromEntries(map)',
  Set: 'pass [...set]',
};

class Walk {
  constructor(maxLength) {
    this.maxLength = maxLength;
    this.length = 0;
    this.open = new Map(); // the containers being walked, and their paths: a cycle returns to one
  }

  add(text) {
    this.length += text.length;
    if (this.length > this.maxLength) {
      throw refuse('claims', `claims are over ${this.maxLength} characters as JSON: more than a token can hold (verifyToken refuses tokens over ${this.maxLength} bytes)`);
    }
    return text;
  }

  value(value, path, depth) {
    switch (typeof value) {
      case 'string':
        if (LONE_SURROGATE.test(value)) {
          throw refuse(path, `${path} holds half of a UTF-16 surrogate pair, which JSON in UTF-8 cannot carry: fix the string`);
        }
        return this.add(JSON.stringify(value));
      case 'number':
        if (!Number.isFinite(value)) {
          throw refuse(path, `${path} is ${value}: JSON has no NaN or Infinity (JSON.stringify would write null); use a finite number or null`);
        }
        return this.add(JSON.stringify(value));
      case 'boolean':
        return this.add(value ? 'true' : 'false');
      case 'object':
        if (value === null) return this.add('null');
        return this.container(value, path, depth + 1);
      case 'bigint':
        throw refuse(path, `${path} is a BigInt: JSON has none; pass it as a string, or as a number if it is within Number.MAX_SAFE_INTEGER`);
      case 'undefined':
        throw refuse(path, `${path} is undefined: JSON.stringify would drop it; leave it out or use null`);
      default: // function, symbol
        throw refuse(path, `${path} is a ${typeof value}: not a JSON value; custom claims hold strings, finite numbers, booleans, null, arrays and plain objects`);
    }
  }

  container(value, path, depth) {
    const seen = this.open.get(value);
    if (seen !== undefined) {
      throw refuse(path, `${path} refers back to ${seen}: a cycle cannot be written as JSON`);
    }
    // The core's limit: the walk stops there too, well before the JS stack would.
    if (depth > MAX_CLAIMS_DEPTH) {
      throw refuse(path, `claims nest more than ${MAX_CLAIMS_DEPTH} levels deep at ${path}; a token's payload holds at most ${MAX_CLAIMS_DEPTH} levels of custom claims`);
    }
    const isArray = Array.isArray(value);
    const proto = getPrototypeOf(value);
    // Any realm's Array.prototype is itself an array; any realm's Object.prototype has no prototype.
    const plain = isArray ? Array.isArray(proto) : proto === null || getPrototypeOf(proto) === null;
    if (!plain || (!isArray && Object.prototype.toString.call(value) !== '[object Object]')) {
      const kind = kindOf(value);
      const hint = HINTS[Object.prototype.toString.call(value).slice(8, -1)];
      throw refuse(path, `${path} is ${kind}, not a plain object or array: JSON.stringify would not keep it as it is; ${hint ?? 'pass a plain object of its data'}`);
    }
    // Own, or inherited from a polluted prototype: JSON.stringify would call it.
    if (typeof value.toJSON === 'function') {
      throw refuse(path, `${path} has a toJSON method: JSON.stringify would write what it returns instead; pass that value itself`);
    }
    this.open.set(value, path);
    const text = isArray ? this.array(value, path, depth) : this.object(value, path, depth);
    this.open.delete(value);
    return text;
  }

  array(list, path, depth) {
    const { length } = list;
    let out = this.add('[');
    for (let i = 0; i < length; i += 1) {
      const at = `${path}[${i}]`;
      const d = getOwnPropertyDescriptor(list, i);
      if (d === undefined) {
        throw refuse(at, `${at} is a hole in a sparse array: JSON.stringify would write null; fill it (null is a value)`);
      }
      if (!('value' in d)) throw refuse(at, `${at} is a getter or setter: custom claims are data, read once; pass the value itself`);
      if (i > 0) out += this.add(',');
      out += this.value(d.value, at, depth);
    }
    // Named properties on an array are dropped by JSON.stringify.
    const extra = ownKeys(list).find((k) => typeof k === 'string' && k !== 'length' && !(String(Number(k) >>> 0) === k && Number(k) >>> 0 < length)
      && getOwnPropertyDescriptor(list, k)?.enumerable);
    if (extra !== undefined) {
      throw refuse(member(path, extra), `${member(path, extra)} is a named property on an array: JSON.stringify would drop it; use an object`);
    }
    return out + this.add(']');
  }

  object(object, path, depth) {
    let out = this.add('{');
    let first = true;
    for (const key of ownKeys(object)) {
      if (typeof key !== 'string') continue; // symbol keys are not JSON members
      const d = getOwnPropertyDescriptor(object, key);
      if (d === undefined || !d.enumerable) continue;
      const at = member(path, key);
      if (LONE_SURROGATE.test(key)) {
        throw refuse(at, `${at}: the name holds half of a UTF-16 surrogate pair, which JSON in UTF-8 cannot carry`);
      }
      if (!('value' in d)) throw refuse(at, `${at} is a getter or setter: custom claims are data, read once; pass the value itself`);
      out += this.add(first ? JSON.stringify(key) : `,${JSON.stringify(key)}`);
      out += this.add(':');
      out += this.value(d.value, at, depth);
      first = false;
    }
    return out + this.add('}');
  }
}

/**
 * The JSON text of the `claims` option (as read.js read it, once), or undefined when there is
 * none. Throws a TokenError (INVALID_OPTIONS, `field` the path) for anything JSON cannot hold as
 * it is. Claims longer as JSON than the longest token cannot fit in one: the walk stops there.
 */
export function customClaimsJson(claims) {
  if (claims === undefined) return undefined;
  try {
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
      const got = claims === null ? 'null' : Array.isArray(claims) ? 'an array' : `a ${typeof claims}`;
      throw refuse('claims', `claims must be a plain object of custom claims, such as { name: 'Ada' }; got ${got}`);
    }
    return new Walk(MAX_TOKEN_LEN).value(claims, 'claims', 0);
  } catch (error) {
    if (error instanceof TokenError) throw error;
    // A Proxy's trap threw, or the walk ran out of stack: reported, never passed through.
    throw refuse('claims', 'reading claims threw an exception; pass plain data');
  }
}
