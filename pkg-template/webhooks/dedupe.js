// handleWebhookRequest's `dedupe` (docs/webhooks.md): a body seen within `ttl` answers 200
// without onEvent. The store is the platform's, with Workers KV's interface. Lean: it is in every
// webhook-only Worker; the adapters live in stores/.
import { ownOptions } from '../shared/options.js';

/** Without `given`, undefined; a malformed one throws (the caller's bare 500). */
export function deduper(given) {
  if (given === undefined) return;
  const { store, ttl = 86400 } = ownOptions(given, 'dedupe', ['store', 'ttl'], Error);
  // At least 60: Workers KV refuses a shorter expirationTtl.
  if (!Number.isSafeInteger(ttl) || ttl < 60 || ['get', 'put', 'delete'].some((m) => typeof store?.[m] != 'function')) throw Error();
  const atomic = typeof store.putIfAbsent == 'function';
  // seen(digest): true for a duplicate. Of deliveries at once, one claims an atomic store's key,
  // for 60 s while onEvent runs: should the isolate die, VideoSDK's next try gets through then.
  // done: a mark that fails after onEvent is not the sender's to retry; failed: nor a release.
  return {
    async seen(digest) {
      if (!atomic) return (await store.get(digest)) != null;
      const claimed = await store.putIfAbsent(digest, '1', { expirationTtl: 60 });
      if (typeof claimed != 'boolean') throw Error();
      return !claimed;
    },
    async done(digest) {
      try {
        await store.put(digest, '1', { expirationTtl: ttl });
      } catch {}
    },
    async failed(digest) {
      try {
        if (atomic) await store.delete(digest);
      } catch {}
    },
  };
}
