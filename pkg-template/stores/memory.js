// In-memory stores: a Map in this isolate. For tests and for a single long-running server; in an
// edge function each isolate would remember only what it saw itself, so there use the platform's
// store (Workers KV, a Durable Object, Deno KV) or its rate limiter.
import { clockOf, countOf, keyOf, limitKey, optionsOf, periodMs, refused, ttlMs, valueOf } from './check.js';

// Expired entries are swept when the map has doubled since the last sweep (and is past this),
// so memory follows what is live, not everything ever seen.
const SWEEP_FROM = 1024;

/** A Map whose entries may expire; `sweep` drops those that have, now and then. */
function expiring(clock) {
  const entries = new Map(); // key → { value, until (ms since 1970, or null: never) }
  let sweepAt = SWEEP_FROM;
  return {
    live(key) {
      const entry = entries.get(key);
      if (entry === undefined || entry.until === null || entry.until > clock()) return entry;
      entries.delete(key);
      return undefined;
    },
    set(key, entry) {
      entries.set(key, entry);
      if (entries.size < sweepAt) return;
      const now = clock();
      for (const [k, e] of entries) if (e.until !== null && e.until <= now) entries.delete(k);
      sweepAt = Math.max(SWEEP_FROM, entries.size * 2);
    },
    delete: (key) => entries.delete(key),
  };
}

/**
 * A store with Workers KV's interface plus an atomic putIfAbsent (JS runs one thing at a time in
 * an isolate, so the check and the write cannot be split): handleWebhookRequest's `dedupe.store`
 * for tests and single servers. `clock`: ms since 1970 (default Date.now).
 */
export function memoryStore(options) {
  const call = 'memoryStore';
  const o = optionsOf(options, call, ['clock']);
  const clock = clockOf(o.clock, call);
  const map = expiring(clock);
  const write = (key, value, options, name) => {
    const ms = ttlMs(options, `${call}().${name}`);
    map.set(keyOf(key, `${call}().${name}`), { value: valueOf(value, `${call}().${name}`), until: ms === null ? null : clock() + ms });
  };
  return {
    async get(key) {
      return map.live(keyOf(key, `${call}().get`))?.value ?? null;
    },
    async put(key, value, options) {
      write(key, value, options, 'put');
    },
    async delete(key) {
      map.delete(keyOf(key, `${call}().delete`));
    },
    async putIfAbsent(key, value, options) {
      if (map.live(keyOf(key, `${call}().putIfAbsent`)) !== undefined) return false;
      write(key, value, options, 'putIfAbsent');
      return true;
    },
  };
}

/**
 * A fixed-window rate limiter with the interface of Cloudflare's Rate Limiting binding:
 * `limit({ key })` → `{ success }`, plus `retryAfter` (seconds to the window's end) when refused.
 * At most `limit` calls per key in each window of `period` seconds. `clock`: ms since 1970.
 */
export function memoryLimiter(options) {
  const call = 'memoryLimiter';
  const o = optionsOf(options, call, ['limit', 'period', 'clock']);
  const limit = countOf(o.limit, 'limit', call);
  const period = periodMs(o.period, call);
  const clock = clockOf(o.clock, call);
  const map = expiring(clock);
  return {
    async limit(args) {
      const key = limitKey(args, `${call}().limit`);
      const now = clock();
      const end = (Math.floor(now / period) + 1) * period;
      const entry = map.live(key);
      // A window is a count that expires at the window's end.
      const count = entry === undefined ? 0 : entry.value;
      if (count >= limit) return refused(end, now);
      map.set(key, { value: count + 1, until: end });
      return { success: true };
    },
  };
}
