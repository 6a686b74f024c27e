// The endpoints' rate limit and hooks (limits.js): the types handleTokenRequest's config (and
// handleRoomRequest's) and videosdk-token/stores share.
import type { TokenError } from '../shared/errors.js';

/** What a limiter answers: `success: false` when the key is over its limit. */
export interface RateLimitOutcome {
  success: boolean;
  /**
   * Seconds until the key may try again, when the limiter knows it (denoKvLimiter and
   * memoryLimiter do; Cloudflare's binding does not, and `rateLimit.retryAfter` is used).
   */
  retryAfter?: number;
}

/**
 * The interface of Cloudflare's Rate Limiting binding, so that the binding (`env.LIMITER`) is a
 * limiter as it is; `denoKvLimiter` and `memoryLimiter` (videosdk-token/stores) have it too.
 */
export interface RateLimiter {
  limit(options: { key: string }): Promise<RateLimitOutcome>;
}

/**
 * A limit per caller. `key` names the caller (a user id from the grant, an IP address such as
 * `request.headers.get('CF-Connecting-IP')`); it runs after `authorize` let the caller in, and
 * before anything is parsed or signed. Over the limit, the answer is 429 `RATE_LIMITED` with
 * `Retry-After`. A key() or limiter that throws, or answers anything else than a non-empty string
 * and `{ success: boolean }`, answers 500 `SERVER_ERROR`: the limit fails closed.
 */
export interface RateLimit<Subject> {
  key: (request: Request, subject: Subject) => string | Promise<string>;
  limiter: RateLimiter;
  /** Seconds in `Retry-After` when the limiter gives none. Default 60 (the binding's longest period). */
  retryAfter?: number;
}

/** What `onDeny` sees of every answer of 400 or more. */
export interface DenyEvent<Code extends string = string> {
  /** The request (its body has been read). */
  request: Request;
  status: number;
  /** The answer's `error.code`. */
  code: Code;
}

/**
 * A hook: awaited, so the answer waits for its promise (hand slow work to `ctx.waitUntil` and
 * return nothing); whatever it throws or rejects with is dropped, and the answer is the same.
 */
export type EndpointHook<Event> = (event: Event) => unknown;

/** config's `rateLimit`, `onIssue` and `onDeny`, as readLimits checked them. */
export interface Limits<Subject, Issue, Code extends string> {
  rateLimit?: { key: RateLimit<Subject>['key']; limiter: RateLimiter; retryAfter: number };
  onIssue?: EndpointHook<Issue>;
  onDeny?: EndpointHook<DenyEvent<Code>>;
}

/** The config options readLimits reads. */
export const LIMIT_OPTIONS: readonly ['rateLimit', 'onIssue', 'onDeny'];

/**
 * Reads and checks config's rateLimit, onIssue and onDeny (`get(name)`: one own property of
 * config; `call`: the endpoint's name in messages).
 * @throws {TokenError} INVALID_OPTIONS naming the option.
 */
export function readLimits(get: (name: string) => unknown, call: string): Limits<any, any, string>;

/** The refusal of a request over its limit. */
export interface LimitRefusal {
  status: 429;
  code: 'RATE_LIMITED';
  message: string;
  headers: { 'Retry-After': string };
}

/**
 * null when the request may go on (or there is no rate limit), else the 429 to answer.
 * Rejects when key() or the limiter fails: the endpoint answers 500.
 */
export function overLimit<Subject>(
  rateLimit: Limits<Subject, unknown, string>['rateLimit'],
  request: Request,
  subject: Subject,
): Promise<LimitRefusal | null>;

/** Calls the hook, if any, and awaits it; never rejects. */
export function notify<Event>(hook: EndpointHook<Event> | undefined, event: Event): Promise<void>;
