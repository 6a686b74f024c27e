// handleWebhookRequest's `dedupe`: VideoSDK's webhooks carry no event id and may be redelivered,
// so a body seen within `ttl` is answered 200 without calling onEvent again. The store is the
// platform's own, behind Workers KV's interface (a KV namespace binding is a store as it is):
// get, put with expirationTtl, delete, and an optional atomic putIfAbsent.
//
// Kept small and apart from the adapters (videosdk-token/stores): it is in every webhook-only
// Worker, whose budget is a few KiB.
import { ownOptions } from '../shared/options.js';

const DEFAULT_TTL = 86400;
// Workers KV refuses an expirationTtl under 60 seconds.
const MIN_TTL = 60;
// How long an atomic store holds a delivery's claim while onEvent runs: if the isolate dies
// mid-event, VideoSDK's next attempt is processed after this, not after `ttl`.
const CLAIM_TTL = MIN_TTL;

/**
 * The dedupe of `given` (undefined without one): `seen(digest)` says whether to skip the event
 * (claiming it on an atomic store), `done(digest)` marks it for `ttl` after onEvent resolved,
 * `failed(digest)` lets VideoSDK's retry through after onEvent threw. Throws for a malformed
 * `dedupe` (the caller's bare 500).
 */
export function deduper(given) {
  if (given === undefined) return undefined;
  const { store, ttl = DEFAULT_TTL } = ownOptions(given, 'dedupe', ['store', 'ttl'], Error);
  if (!store || typeof store.get !== 'function' || typeof store.put !== 'function' || typeof store.delete !== 'function') {
    throw Error();
  }
  if (!Number.isSafeInteger(ttl) || ttl < MIN_TTL) throw Error();
  const atomic = typeof store.putIfAbsent === 'function';
  return {
    async seen(digest) {
      if (!atomic) return (await store.get(digest)) != null;
      // Two deliveries at once: one claims the digest and runs onEvent, the other is a duplicate.
      const claimed = await store.putIfAbsent(digest, '1', { expirationTtl: CLAIM_TTL });
      if (typeof claimed !== 'boolean') throw Error();
      return !claimed;
    },
    // The event is handled whatever the store says now: a failed write is not the sender's to retry.
    async done(digest) {
      try {
        await store.put(digest, '1', { expirationTtl: ttl });
      } catch {}
    },
    // A claim left behind (the store failing now) expires after CLAIM_TTL.
    async failed(digest) {
      try {
        if (atomic) await store.delete(digest);
      } catch {}
    },
  };
}
