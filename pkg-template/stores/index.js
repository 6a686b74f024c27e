// videosdk-token/stores: adapters for the state the endpoints share across isolates (webhook
// dedupe, rate limits), behind the platforms' own interfaces: Workers KV's get/put/delete (plus
// an atomic putIfAbsent) for handleWebhookRequest's `dedupe.store`, and Cloudflare's Rate
// Limiting binding's limit({ key }) for the endpoints' `rateLimit.limiter`. A KV namespace or a
// rate-limit binding needs no adapter: it is used as it is. No wasm.
export { VideoSDKError } from '../shared/errors.js';
export { denoKvLimiter, denoKvStore } from './deno-kv.js';
export { memoryLimiter, memoryStore } from './memory.js';
