/**
 * videosdk-token/stores: the state endpoints share across isolates, in the platforms' own
 * engines. Stores for `handleWebhookRequest`'s `dedupe` (Workers KV's interface plus an atomic
 * `putIfAbsent`) and limiters for the endpoints' `rateLimit` (the interface of Cloudflare's Rate
 * Limiting binding). A Workers KV namespace and a rate-limit binding need no adapter. No wasm.
 */
export { VideoSDKError } from '../shared/errors.js';
export type { DedupeStore } from '../webhooks/index.js';
export type { RateLimiter, RateLimitOutcome } from '../endpoint/limits.js';
import type { DedupeStore } from '../webhooks/index.js';
import type { RateLimiter } from '../endpoint/limits.js';

/** A store that also has the atomic `putIfAbsent`: exactly-once dedupe. */
export type AtomicDedupeStore = DedupeStore & Required<Pick<DedupeStore, 'putIfAbsent'>>;

/** A clock for tests: milliseconds since 1970, as `Date.now` (the default). */
export type StoreClock = () => number;

/**
 * A store in this isolate's memory (a Map; expired entries swept as it grows), with an atomic
 * `putIfAbsent`. For tests and single servers: at the edge each isolate would only remember what
 * it saw itself. Keys and values are strings; `expirationTtl`, when given, at least 60 seconds, as
 * on Workers KV.
 * @throws {VideoSDKError} INVALID_OPTIONS (`field`) for a bad option; its methods reject the same
 * way for a bad key, value or expirationTtl.
 */
export function memoryStore(options?: { clock?: StoreClock }): AtomicDedupeStore;

/** What the fixed-window limiters take. */
export interface FixedWindowOptions {
  /** Calls allowed per key in each window: a whole number, at least 1. */
  limit: number;
  /** The window, in seconds (Cloudflare's binding has 10 or 60). */
  period: number;
  clock?: StoreClock;
}

/** A limiter whose refusals say when to come back (`retryAfter`, seconds to the window's end). */
export interface WindowLimiter extends RateLimiter {
  limit(options: { key: string }): Promise<{ success: true } | { success: false; retryAfter: number }>;
}

/**
 * A fixed-window limiter in this isolate's memory: at most `limit` calls per key in each window
 * of `period` seconds. For tests and single servers.
 */
export function memoryLimiter(options: FixedWindowOptions): WindowLimiter;

/**
 * The part of `Deno.Kv` the adapters use (`await Deno.openKv()` is one), so that these types
 * need no Deno declarations.
 */
export interface DenoKvLike {
  get(key: readonly unknown[]): Promise<{ key: readonly unknown[]; value: unknown; versionstamp: string | null }>;
  set(key: readonly unknown[], value: unknown, options?: { expireIn?: number }): Promise<unknown>;
  delete(key: readonly unknown[]): Promise<unknown>;
  atomic(): {
    check(...checks: { key: readonly unknown[]; versionstamp: string | null }[]): any;
    set(key: readonly unknown[], value: unknown, options?: { expireIn?: number }): any;
    commit(): Promise<{ ok: boolean }>;
  };
}

/** A Deno KV key prefix: a list of key parts, such as `['webhooks', 'seen']`. */
export type DenoKvPrefix = readonly (string | number | bigint | boolean | Uint8Array)[];

/**
 * A store on Deno KV whose `putIfAbsent` is one atomic check-and-set: exactly-once across
 * isolates and on Deno Deploy. Keys under `prefix` (default `['videosdk-token', 'dedupe']`).
 * Each value carries its expiry, checked on read (Deno KV's `expireIn`, in milliseconds, only
 * says when a key may be deleted at the earliest).
 * @example
 * const kv = await Deno.openKv();
 * handleWebhookRequest(request, { publicKey, onEvent, dedupe: { store: denoKvStore(kv) } });
 * @throws {VideoSDKError} INVALID_OPTIONS for a `kv` that is not a Deno.Kv or a bad option;
 * `putIfAbsent` rejects with STORE_CONFLICT if Deno KV refused 100 commits in a row.
 */
export function denoKvStore(kv: DenoKvLike, options?: { prefix?: DenoKvPrefix; clock?: StoreClock }): AtomicDedupeStore;

/**
 * A fixed-window limiter on Deno KV: at most `limit` calls per key in each window of `period`
 * seconds, counted exactly across isolates (a read, then a commit that checks nothing changed).
 * Keys under `prefix` (default `['videosdk-token', 'rate-limit']`).
 * @example
 * const limiter = denoKvLimiter(await Deno.openKv(), { limit: 10, period: 60 });
 * handleTokenRequest(request, { …, rateLimit: { key: (req, grant) => grant?.participantId ?? 'anonymous', limiter } });
 */
export function denoKvLimiter(kv: DenoKvLike, options: FixedWindowOptions & { prefix?: DenoKvPrefix }): WindowLimiter;
