// The types of webhook dedupe, rate limits, hooks and videosdk-token/stores, compiled by
// `make types-test` against the packed package. The platforms' own objects are declared here as
// their type packages declare them (@cloudflare/workers-types' KVNamespace and RateLimit, Deno's
// Deno.Kv), so that "a binding is a store as it is" is checked. Each @ts-expect-error fails the
// build if its line compiles.
import { handleTokenRequest, handleWebhookRequest, type DenyEvent, type TokenEndpointErrorCode, type TokenIssueEvent } from 'videosdk-token';
import { type DedupeStore, type WebhookEndpointReceived } from 'videosdk-token/webhooks';
import {
  denoKvLimiter, denoKvStore, memoryLimiter, memoryStore, VideoSDKError,
  type AtomicDedupeStore, type RateLimiter, type WindowLimiter,
} from 'videosdk-token/stores';

// @cloudflare/workers-types, as it declares them.
interface KVNamespaceGetOptions<Type> { type: Type; cacheTtl?: number }
interface KVNamespacePutOptions { expiration?: number; expirationTtl?: number; metadata?: any | null }
interface KVNamespace<Key extends string = string> {
  get(key: Key, options?: Partial<KVNamespaceGetOptions<undefined>>): Promise<string | null>;
  get(key: Key, type: 'text'): Promise<string | null>;
  get<ExpectedValue = unknown>(key: Key, type: 'json'): Promise<ExpectedValue | null>;
  get(key: Key, type: 'arrayBuffer'): Promise<ArrayBuffer | null>;
  put(key: Key, value: string | ArrayBuffer | ArrayBufferView | ReadableStream, options?: KVNamespacePutOptions): Promise<void>;
  delete(key: Key): Promise<void>;
}
interface RateLimitOptions { key: string }
interface RateLimitOutcome { success: boolean }
interface RateLimit { limit(options: RateLimitOptions): Promise<RateLimitOutcome> }

// Deno's lib.deno.unstable.d.ts, the part the adapters use.
type KvKeyPart = Uint8Array | string | number | bigint | boolean | symbol;
type KvKey = readonly KvKeyPart[];
interface KvEntryMaybe<T> { key: KvKey; value: T | null; versionstamp: string | null }
interface AtomicCheck { key: KvKey; versionstamp: string | null }
interface KvCommitResult { ok: true; versionstamp: string }
interface KvCommitError { ok: false }
declare class AtomicOperation {
  check(...checks: AtomicCheck[]): this;
  set(key: KvKey, value: unknown, options?: { expireIn?: number }): this;
  commit(): Promise<KvCommitResult | KvCommitError>;
}
declare class Kv {
  get<T = unknown>(key: KvKey, options?: { consistency?: 'strong' | 'eventual' }): Promise<KvEntryMaybe<T>>;
  set(key: KvKey, value: unknown, options?: { expireIn?: number }): Promise<KvCommitResult>;
  delete(key: KvKey): Promise<void>;
  atomic(): AtomicOperation;
}

declare const env: { SEEN: KVNamespace; TOKEN_LIMITER: RateLimit; KEY: string; SECRET: string };
declare const kv: Kv;
declare const request: Request;

// A KV namespace is a dedupe store, a rate-limit binding a limiter, as they are.
const kvStore: DedupeStore = env.SEEN;
const binding: RateLimiter = env.TOKEN_LIMITER;
handleWebhookRequest(request, { publicKey: env.KEY, onEvent: () => {}, dedupe: { store: env.SEEN } });
handleWebhookRequest(request, { publicKey: env.KEY, onEvent: () => {}, dedupe: { store: denoKvStore(kv, { prefix: ['seen'] }), ttl: 3600 } });
handleWebhookRequest(request, { fetchPublicKey: true, onEvent: () => {}, dedupe: { store: memoryStore() } });
// @ts-expect-error: dedupe needs a store
handleWebhookRequest(request, { publicKey: env.KEY, onEvent: () => {}, dedupe: { ttl: 60 } });
// @ts-expect-error: a Map is not a store
handleWebhookRequest(request, { publicKey: env.KEY, onEvent: () => {}, dedupe: { store: new Map<string, string>() } });
const received: WebhookEndpointReceived = { received: true, duplicate: true };

const atomic: AtomicDedupeStore = memoryStore({ clock: () => Date.now() });
const claimed: Promise<boolean> = atomic.putIfAbsent('digest', '1', { expirationTtl: 60 });
const windowed: WindowLimiter = denoKvLimiter(kv, { limit: 10, period: 60, prefix: ['rl'] });
memoryLimiter({ limit: 5, period: 10 }).limit({ key: 'u1' }).then((o) => {
  if (!o.success) { const seconds: number = o.retryAfter; }
});
// @ts-expect-error: limit and period are required
memoryLimiter({ limit: 5 });
// @ts-expect-error: limit takes { key }
binding.limit('u1');
const isError: boolean = new VideoSDKError('INVALID_OPTIONS', 'x') instanceof Error;

handleTokenRequest(request, {
  apiKey: env.KEY,
  secret: env.SECRET,
  authorize: () => ({ participantId: 'p1' }),
  rateLimit: {
    key: (req, grant) => grant?.participantId ?? req.headers.get('CF-Connecting-IP') ?? 'anonymous',
    limiter: env.TOKEN_LIMITER,
    retryAfter: 10,
  },
  onIssue: ({ request: r, claims }: TokenIssueEvent) => {
    const room: string | undefined = claims.roomId;
    const exp: number = claims.exp;
    // @ts-expect-error: hooks never get the token
    claims.token.length;
  },
  onDeny: (event: DenyEvent<TokenEndpointErrorCode>) => {
    const limited: boolean = event.code === 'RATE_LIMITED' && event.status === 429;
  },
});
handleTokenRequest(request, { apiKey: env.KEY, secret: env.SECRET, allowAnonymous: true, rateLimit: { key: async () => 'all', limiter: windowed } });
// @ts-expect-error: key answers a string
handleTokenRequest(request, { apiKey: env.KEY, secret: env.SECRET, allowAnonymous: true, rateLimit: { key: () => 42, limiter: windowed } });
// @ts-expect-error: a limiter has limit({ key })
handleTokenRequest(request, { apiKey: env.KEY, secret: env.SECRET, allowAnonymous: true, rateLimit: { key: () => 'k', limiter: env.SEEN } });

export { claimed, isError, kvStore, received };
