// What the adapters of videosdk-token/stores check alike: their options (own properties, unknown
// names refused), and the arguments of the interfaces they implement: Workers KV's (a key, a
// string value, an expirationTtl of at least 60 seconds) and the Rate Limiting binding's.
import { VideoSDKError } from '../shared/errors.js';
import { isOptionsObject, readOptions } from '../shared/options.js';

/** A caller's mistake: INVALID_OPTIONS naming the option or argument at fault. */
export function invalid(field, message) {
  return new VideoSDKError('INVALID_OPTIONS', message, { field });
}

/** `options`' own values (an absent `options` reads as none); unknown names refused. */
export function optionsOf(options, call, allowed) {
  if (options === undefined) return Object.create(null);
  if (!isOptionsObject(options)) throw invalid('options', `${call}: options must be an object such as { ${allowed.join(', ')} }`);
  return readOptions(options, call, allowed, { refuse: invalid });
}

/** `clock` option: a function answering milliseconds since 1970 (tests pass their own). */
export function clockOf(clock, call) {
  if (clock === undefined) return Date.now;
  if (typeof clock !== 'function') throw invalid('clock', `${call}: options.clock must be a function returning milliseconds since 1970, as Date.now does`);
  return clock;
}

/** A positive whole number option (`limit`). */
export function countOf(value, name, call) {
  if (!Number.isSafeInteger(value) || value < 1) throw invalid(name, `${call}: options.${name} must be a whole number of at least 1`);
  return value;
}

/** A positive number of seconds option (`period`), in milliseconds. */
export function periodMs(value, call) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid('period', `${call}: options.period must be a number of seconds, such as 60`);
  }
  return value * 1000;
}

/** A store key: a non-empty string, as Workers KV takes. */
export function keyOf(key, call) {
  if (typeof key !== 'string' || key === '') throw invalid('key', `${call}: the key must be a non-empty string`);
  return key;
}

/** A store value: a string (what handleWebhookRequest writes; KV's get returns text). */
export function valueOf(value, call) {
  if (typeof value !== 'string') throw invalid('value', `${call}: the value must be a string`);
  return value;
}

/**
 * The lifetime in ms of `put(key, value, { expirationTtl })`, or null for none. As on Workers
 * KV, whose interface this is, at least 60 seconds: a store tested in memory then behaves as
 * the deployed one.
 */
export function ttlMs(options, call) {
  if (options === undefined) return null;
  const { expirationTtl } = optionsOf(options, call, ['expirationTtl']);
  if (expirationTtl === undefined) return null;
  if (typeof expirationTtl !== 'number' || !Number.isFinite(expirationTtl) || expirationTtl < 60) {
    throw invalid('expirationTtl', `${call}: expirationTtl must be a number of seconds of at least 60, as on Workers KV`);
  }
  return expirationTtl * 1000;
}

/** The key of the Rate Limiting binding's `limit({ key })`. */
export function limitKey(args, call) {
  if (!isOptionsObject(args)) throw invalid('key', `${call}: call limit({ key }) with an object`);
  return keyOf(readOptions(args, call, ['key'], { refuse: invalid }).key, call);
}

/** The outcome over the limit: seconds until the window ends, at least 1. */
export function refused(windowEnd, now) {
  return { success: false, retryAfter: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
}
