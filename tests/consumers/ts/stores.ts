// videosdk-token/stores, webhook dedupe and the endpoint's rate limit under every module setting
// (CommonJS resolves the subpath's .d.cts twins, whose imports reach webhooks/ and endpoint/).
import { handleTokenRequest } from 'videosdk-token';
import { handleWebhookRequest } from 'videosdk-token/webhooks';
import { memoryLimiter, memoryStore, type AtomicDedupeStore, type RateLimiter } from 'videosdk-token/stores';

declare const request: Request;
const store: AtomicDedupeStore = memoryStore();
const limiter: RateLimiter = memoryLimiter({ limit: 10, period: 60 });
handleWebhookRequest(request, { publicKey: 'k', onEvent: () => {}, dedupe: { store, ttl: 3600 } });
handleTokenRequest(request, {
  apiKey: 'k', secret: 'x'.repeat(64), authorize: () => true,
  rateLimit: { key: (req, grant) => grant?.participantId ?? 'anonymous', limiter },
  onDeny: ({ status, code }) => void [status, code],
});
// @ts-expect-error: ttl is a number of seconds
handleWebhookRequest(request, { publicKey: 'k', onEvent: () => {}, dedupe: { store, ttl: '1d' } });
