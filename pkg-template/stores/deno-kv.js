// Deno KV (Deno.openKv(): SQLite locally, FoundationDB on Deno Deploy) behind the package's two
// interfaces, with its atomic check-and-set: the store's putIfAbsent is exactly-once, the
// limiter's count exact across isolates.
//
// Deno KV's expireIn (milliseconds) only says when a key may be deleted at the earliest: an
// expired key can stay visible for a while. So each value carries its own expiry, checked on
// read, and expireIn is only the clean-up.
import { VideoSDKError } from '../shared/errors.js';
import { clockOf, countOf, invalid, keyOf, limitKey, optionsOf, periodMs, refused, ttlMs, valueOf } from './check.js';

// A check-and-set that fails means another writer committed in between: read again. Each retry
// follows someone else's success, so this bound is only met by a store that never commits.
const MAX_ATTEMPTS = 100;

function kvOf(kv, call) {
  if (kv === null || typeof kv !== 'object' || ['get', 'set', 'delete', 'atomic'].some((m) => typeof kv[m] !== 'function')) {
    throw invalid('kv', `${call}: kv must be a Deno.Kv, from await Deno.openKv()`);
  }
  return kv;
}

function prefixOf(prefix, fallback, call) {
  if (prefix === undefined) return fallback;
  if (!Array.isArray(prefix)) {
    throw invalid('prefix', `${call}: options.prefix must be a Deno KV key prefix, a list such as ['webhooks', 'seen']`);
  }
  return [...prefix];
}

function conflict(call) {
  return new VideoSDKError('STORE_CONFLICT', `${call}: Deno KV refused ${MAX_ATTEMPTS} check-and-set commits in a row`);
}

/**
 * handleWebhookRequest's `dedupe.store` on Deno KV: Workers KV's interface (get, put with
 * expirationTtl in seconds, delete) plus an atomic putIfAbsent. Keys live under `prefix`
 * (default ['videosdk-token', 'dedupe']). `clock`: ms since 1970 (default Date.now).
 */
export function denoKvStore(kv, options) {
  const call = 'denoKvStore';
  kvOf(kv, call);
  const o = optionsOf(options, call, ['prefix', 'clock']);
  const prefix = prefixOf(o.prefix, ['videosdk-token', 'dedupe'], call);
  const clock = clockOf(o.clock, call);
  const live = (entry) => {
    const v = entry.value;
    return v !== null && typeof v === 'object' && typeof v.value === 'string' && (v.until === null || v.until > clock());
  };
  // The entry written: the value with its expiry, and Deno KV's clean-up after it.
  const record = (value, options, name) => {
    const ms = ttlMs(options, `${call}().${name}`);
    const entry = { value: valueOf(value, `${call}().${name}`), until: ms === null ? null : clock() + ms };
    return [entry, ms === null ? {} : { expireIn: Math.ceil(ms) }];
  };
  return {
    async get(key) {
      const entry = await kv.get([...prefix, keyOf(key, `${call}().get`)]);
      return live(entry) ? entry.value.value : null;
    },
    async put(key, value, options) {
      const k = [...prefix, keyOf(key, `${call}().put`)];
      await kv.set(k, ...record(value, options, 'put'));
    },
    async delete(key) {
      await kv.delete([...prefix, keyOf(key, `${call}().delete`)]);
    },
    async putIfAbsent(key, value, options) {
      const k = [...prefix, keyOf(key, `${call}().putIfAbsent`)];
      const [entry, expiry] = record(value, options, 'putIfAbsent');
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const current = await kv.get(k);
        if (live(current)) return false;
        // Absent, or expired but still visible: replaced only if nobody wrote it since the read.
        const result = await kv.atomic().check(current).set(k, entry, expiry).commit();
        if (result.ok) return true;
      }
      throw conflict(`${call}().putIfAbsent`);
    },
  };
}

/**
 * A fixed-window rate limiter on Deno KV with the interface of Cloudflare's Rate Limiting
 * binding: `limit({ key })` → `{ success }`, plus `retryAfter` (seconds) when refused. At most
 * `limit` calls per key in each window of `period` seconds, counted exactly across isolates: a
 * read, then a commit that checks nothing changed since (Deno KV's atomic sum() answers no total,
 * so it cannot tell whether the limit was passed). Keys under `prefix` (default
 * ['videosdk-token', 'rate-limit']).
 */
export function denoKvLimiter(kv, options) {
  const call = 'denoKvLimiter';
  kvOf(kv, call);
  const o = optionsOf(options, call, ['limit', 'period', 'prefix', 'clock']);
  const limit = countOf(o.limit, 'limit', call);
  const period = periodMs(o.period, call);
  const prefix = prefixOf(o.prefix, ['videosdk-token', 'rate-limit'], call);
  const clock = clockOf(o.clock, call);
  return {
    async limit(args) {
      const key = limitKey(args, `${call}().limit`);
      const now = clock();
      const window = Math.floor(now / period);
      const end = (window + 1) * period;
      // One counter per key and window: the window's number is in the key, so a stale counter
      // is never read as the current one; expireIn only cleans up.
      const k = [...prefix, key, window];
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const current = await kv.get(k);
        const count = typeof current.value === 'number' ? current.value : 0;
        if (count >= limit) return refused(end, now);
        const result = await kv.atomic().check(current).set(k, count + 1, { expireIn: Math.ceil(end - now) + 1000 }).commit();
        if (result.ok) return { success: true };
      }
      throw conflict(`${call}().limit`);
    },
  };
}
