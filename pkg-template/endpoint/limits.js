// What the endpoints (handleTokenRequest, handleRoomRequest) share besides answering: a rate
// limit per caller, and hooks that see what was issued and what was refused.
//
// The limiter is the platform's, behind the interface of Cloudflare's Rate Limiting binding,
// `limit({ key }) → { success }`, so the binding is a limiter as it is: a counter kept in one
// isolate would be per instance, not per app. It fails closed: a key() or limiter that throws,
// or answers anything but what the interface says, is the deployment's bug, a 500, never a pass.
//
// Hooks are awaited (so a hook may finish its write before the answer leaves; one that should not
// delay it hands its promise to ctx.waitUntil instead) and whatever they throw is dropped: a hook
// never changes an answer, and this package logs nothing. They never get the token or the secret.
import { invalidOptions as invalid } from '../shared/errors.js';
import { isOptionsObject, readOptions } from '../shared/options.js';

/** The config options this module reads: every endpoint that calls readLimits takes them. */
export const LIMIT_OPTIONS = ['rateLimit', 'onIssue', 'onDeny'];
const RATE_LIMIT_OPTIONS = ['key', 'limiter', 'retryAfter'];
// Cloudflare's binding counts over 10 or 60 seconds and says nothing of when to come back: its
// longest period is the wait that is never too short.
const DEFAULT_RETRY_AFTER = 60;

/**
 * config's rateLimit, onIssue and onDeny, checked: `{ rateLimit, onIssue, onDeny }`, each
 * undefined when not given. `get(name)` reads one own property of config; `call` names the
 * endpoint in messages. Throws a TokenError INVALID_OPTIONS naming the option.
 */
export function readLimits(get, call) {
  const hook = (name) => {
    const fn = get(name);
    if (fn !== undefined && typeof fn !== 'function') {
      throw invalid(name, `${call}: config.${name} must be a function`);
    }
    return fn;
  };
  return { rateLimit: rateLimitOf(get('rateLimit'), call), onIssue: hook('onIssue'), onDeny: hook('onDeny') };
}

function rateLimitOf(given, call) {
  if (given === undefined) return undefined;
  const shape = `{ key(request, …) → string, limiter, retryAfter? }`;
  if (!isOptionsObject(given)) throw invalid('rateLimit', `${call}: config.rateLimit must be an object: ${shape}`);
  const o = readOptions(given, `${call} config.rateLimit`, RATE_LIMIT_OPTIONS, { refuse: (_, message) => invalid('rateLimit', message) });
  if (typeof o.key !== 'function') {
    throw invalid('rateLimit', `${call}: config.rateLimit.key must be a function answering the caller's key, such as (request, grant) => grant.participantId`);
  }
  // The binding's limit() is a method of its prototype: read as a method, not as an own property.
  const { limiter } = o;
  if (limiter === null || typeof limiter !== 'object' || typeof limiter.limit !== 'function') {
    throw invalid('rateLimit', `${call}: config.rateLimit.limiter must have limit({ key }), as Cloudflare's Rate Limiting binding (env.LIMITER) or denoKvLimiter and memoryLimiter from videosdk-token/stores have`);
  }
  const retryAfter = o.retryAfter ?? DEFAULT_RETRY_AFTER;
  if (!Number.isSafeInteger(retryAfter) || retryAfter < 1) {
    throw invalid('rateLimit', `${call}: config.rateLimit.retryAfter must be a whole number of seconds of at least 1 (default ${DEFAULT_RETRY_AFTER})`);
  }
  return { key: o.key, limiter, retryAfter };
}

class LimitFailure extends Error {}

/**
 * Whether this request is over its limit: null when it may go on (or there is no rateLimit),
 * else the refusal to answer: `{ status: 429, code: 'RATE_LIMITED', message, headers }` with
 * `Retry-After` in headers. `subject` is key()'s second argument (the token endpoint's grant, the
 * room endpoint's `{ action, roomId, agentId }`). Throws (the caller's 500) when key() throws or
 * answers no non-empty string, or when the limiter fails or answers no `{ success: boolean }`.
 */
export async function overLimit(rateLimit, request, subject) {
  if (rateLimit === undefined) return null;
  const key = await rateLimit.key(request, subject);
  if (typeof key !== 'string' || key === '') throw new LimitFailure('rateLimit.key must answer a non-empty string');
  const outcome = await rateLimit.limiter.limit({ key });
  if (outcome === null || typeof outcome !== 'object' || typeof outcome.success !== 'boolean') {
    throw new LimitFailure('rateLimit.limiter.limit must answer { success: boolean }');
  }
  if (outcome.success) return null;
  // The limiter's own wait when it gives one (ours do; the binding does not).
  const wait = outcome.retryAfter;
  const seconds = typeof wait === 'number' && wait >= 0 && wait <= 1e9 ? Math.ceil(wait) : rateLimit.retryAfter;
  return {
    status: 429,
    code: 'RATE_LIMITED',
    message: `too many requests; try again in ${seconds} s`,
    headers: { 'Retry-After': String(seconds) },
  };
}

/** Calls `hook(event)` when there is one and awaits it; whatever it throws or rejects is dropped. */
export async function notify(hook, event) {
  if (hook === undefined) return;
  try {
    await hook(event);
  } catch {
    // A hook sees answers, it does not make them; nothing is logged here.
  }
}
