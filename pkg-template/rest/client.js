// VideoSDKClient: VideoSDK's REST API (https://api.videosdk.live/v2/…) on web standards only
// (fetch, AbortSignal), for edge functions. The secret never leaves the process: it stays in a
// TokenSigner, and each request carries a short-lived management token the client signed itself,
// raw in `Authorization` (no `Bearer`), as VideoSDK's API reference says.
//
// Transport rules, in one place (#request):
// - every attempt is bounded by `timeout`; a caller's AbortSignal cancels at any point;
// - only calls that are safe to repeat are retried (`retry: 'all'`): network errors, timeouts,
//   429 and 5xx, up to `retries` times, after a jittered exponential backoff;
// - a call that must not run twice (creating a room without customRoomId, every start, an agent
//   dispatch) is retried after a 429 only (`retry: 'rate-limited'`): VideoSDK did nothing then;
//   after a 5xx, a timeout or a lost answer it fails at once, saying it may have taken effect;
// - a 429's Retry-After is honoured up to 30 s; a longer wait fails at once with RATE_LIMITED;
// - a redirect is never followed, and an answer is read no further than 1 MiB: either is
//   BAD_RESPONSE, not retried (another try would meet the same server).
import { spanSeconds, TokenSigner } from '../token/api.js';
import { ApiError, invalidOptions as invalid } from '../shared/errors.js';
import { apiBaseUrl, declaresOver, isRedirect, NO_REDIRECT, readLimited } from '../shared/http.js';
import { API_BASE as DEFAULT_API_BASE, MANAGEMENT_CLAIMS } from '../shared/vocabulary.js';
import { attempts, clean, mayHaveActed, messageOf, parseBody, statusError } from './answers.js';
import { AgentsApi } from './agents.js';
import { ownOptions, shown } from './args.js';
import { HlsApi } from './hls.js';
import { LivestreamsApi } from './livestreams.js';
import { rawCall } from './raw.js';
import { RecordingsApi } from './recordings.js';
import { RoomsApi } from './rooms.js';
import { SessionsApi } from './sessions.js';
import { TranscriptionsApi } from './transcriptions.js';

export { ApiError } from '../shared/errors.js';

const OPTION_NAMES = ['apiKey', 'secret', 'apiBase', 'fetch', 'timeout', 'retries'];

// The management token (MANAGEMENT_CLAIMS, VideoSDK's rule for its server-side API, from the
// core) lives ten minutes and is renewed a minute before it expires.
const MANAGEMENT_LIFETIME = 600;
const RENEW_BEFORE = 60;

const MAX_RETRIES = 10;
const MAX_RETRY_AFTER = 30;
// setTimeout cannot wait longer than 2^31 - 1 ms; an API call never needs more than an hour.
const MAX_TIMEOUT = 3600;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8000;
// VideoSDK's answers are a few KiB (a page of 100 rooms is under 100 KiB).
const MAX_ANSWER_BYTES = 1024 * 1024;

// Tests only, never documented: a clock, a sleep, a random source and a backoff base to replace,
// so retry rules are tested by what the client decides, not by how long it waited.
const TESTING = Symbol.for('videosdk-token.testing');

/** The testing hooks, own properties only. */
function ownHooks(hooks) {
  const own = (name) => (Object.hasOwn(hooks, name) ? hooks[name] : undefined);
  return { now: own('now'), sleep: own('sleep'), random: own('random'), backoffMs: own('backoffMs') };
}

export class VideoSDKClient {
  #signer;
  #fetch;
  #base;
  #timeoutMs;
  #timeoutText;
  #retries;
  #cached;
  #hooks;

  constructor(options) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw invalid('options', `new VideoSDKClient(options) needs an object such as { apiKey, secret }; got ${shown(options)}`);
    }
    // Own options only: an apiBase inherited from a polluted Object.prototype must never receive
    // the management token.
    const given = options;
    options = ownOptions(options, OPTION_NAMES, 'new VideoSDKClient(options)');
    const { apiKey, secret, apiBase = DEFAULT_API_BASE, fetch: fetchFn = globalThis.fetch, timeout = '10s', retries = 2 } = options;
    this.#base = checkApiBase(apiBase);
    if (typeof fetchFn !== 'function') {
      throw invalid('fetch', `fetch must be a function with the signature of globalThis.fetch; got ${shown(fetchFn)}`);
    }
    // Called as a plain function: workerd's fetch refuses to run with another object as `this`.
    this.#fetch = (url, init) => fetchFn(url, init);
    if (!Number.isSafeInteger(retries) || retries < 0 || retries > MAX_RETRIES) {
      throw invalid('retries', `retries must be a whole number from 0 to ${MAX_RETRIES}; got ${shown(retries)}`);
    }
    this.#retries = retries;
    const hooks = ownHooks(Object.hasOwn(given, TESTING) ? given[TESTING] : {});
    this.#hooks = {
      now: hooks.now ?? (() => Date.now()),
      sleep: hooks.sleep ?? sleep,
      random: hooks.random ?? Math.random,
      backoffMs: hooks.backoffMs ?? BACKOFF_BASE_MS,
    };
    // The signer checks apiKey and the secret's strength (TokenError INVALID_OPTIONS, WEAK_SECRET).
    this.#signer = new TokenSigner({ apiKey, secret });
    try {
      // The core's span rules, as for every span option; a timeout of 0 s would fail every call.
      const seconds = spanSeconds(timeout, 'timeout');
      if (seconds < 1) throw invalid('timeout', `timeout must be at least 1 second ('1s'); got ${shown(timeout)}`);
      if (seconds > MAX_TIMEOUT) {
        throw invalid('timeout', `timeout must be at most one hour ('1h'); got ${shown(timeout)}`);
      }
      this.#timeoutMs = seconds * 1000;
      this.#timeoutText = `${seconds} s`;
    } catch (error) {
      this.close();
      throw error;
    }
    const request = (method, path, call) => this.#request(method, path, call);
    this.rooms = new RoomsApi(request);
    this.sessions = new SessionsApi(request);
    this.recordings = new RecordingsApi(request);
    this.hls = new HlsApi(request);
    this.livestreams = new LivestreamsApi(request);
    this.transcriptions = new TranscriptionsApi(request);
    this.agents = new AgentsApi(request);
  }

  /**
   * Any endpoint under the API base, for what the client does not wrap yet: the same token,
   * timeout, bounded answer and ApiError; retried only with `idempotent: true` or for GET and
   * DELETE. Resolves with the parsed JSON (null for an empty body).
   */
  async request(method, path, params, call) {
    return this.#request(...rawCall(method, path, params, call));
  }

  /** Frees the signer (its key state is zeroed). Later calls reject with a TokenError. */
  close() {
    const signer = this.#signer;
    this.#signer = undefined;
    this.#cached = undefined;
    signer?.free();
  }

  /** The management token: reused until a minute before it expires. */
  #token() {
    const signer = this.#signer;
    if (signer === undefined) {
      throw invalid('client', 'this VideoSDKClient has been closed: create a new VideoSDKClient to call the API again');
    }
    const now = Math.floor(this.#hooks.now() / 1000);
    const cached = this.#cached;
    if (cached !== undefined && now < cached.exp - RENEW_BEFORE && now >= cached.iat) return cached.token;
    const token = signer.sign({ ...MANAGEMENT_CLAIMS, expiresIn: MANAGEMENT_LIFETIME, now });
    // sign() set exp to exactly now + the lifetime.
    this.#cached = { token, iat: now, exp: now + MANAGEMENT_LIFETIME };
    return token;
  }

  /**
   * One API call: `call` = { query, body, signal, retry: 'all' | 'rate-limited', expect, items? }
   * (expect: 'object' | 'page' | 'message' | 'wrapped' | 'json', read by answers.js's parseBody).
   * Resolves with the parsed JSON body; rejects with an ApiError, or the signal's reason.
   */
  async #request(method, path, call) {
    // Own properties only: a call without a query or a body must not take Object.prototype's.
    const [query, body, signal, retry, expect, items] = ['query', 'body', 'signal', 'retry', 'expect', 'items']
      .map((name) => (Object.hasOwn(call, name) ? call[name] : undefined));
    let target = path;
    if (query !== undefined) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
      const text = search.toString();
      if (text !== '') target = `${path}?${text}`;
    }
    const where = { method, path: target };
    const json = body === undefined ? undefined : JSON.stringify(body);
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw signal.reason;
      const canRetry = attempt <= this.#retries;
      let outcome;
      try {
        outcome = await this.#send(where, json, signal, attempt);
      } catch (error) {
        if (error instanceof ApiError && retry !== 'all') throw mayHaveActed(error);
        if (!(error instanceof ApiError) || !canRetry) throw error;
        await this.#backoff(attempt, signal);
        continue;
      }
      const { response, text, token, refused } = outcome;
      const { status } = response;
      if (refused !== undefined) {
        throw new ApiError('BAD_RESPONSE', `VideoSDK answered ${method} ${target} with ${refused} (${attempts(attempt)}); check apiBase`, { ...where, status, attempts: attempt });
      }
      if (status >= 200 && status < 300) return parseBody(text, status, where, { expect, items }, attempt);

      const apiMessage = messageOf(text, token);
      // Never reuse a token VideoSDK refused (one signed in a later second differs).
      if (status === 401) this.#cached = undefined;
      if (status === 429) {
        const wait = retryAfterSeconds(response.headers.get('Retry-After'), this.#hooks.now());
        if (wait !== undefined && wait > MAX_RETRY_AFTER) {
          throw new ApiError('RATE_LIMITED', `VideoSDK rate-limited ${method} ${target} and asks to wait ${wait} s, longer than the ${MAX_RETRY_AFTER} s this client waits: try again after that`, { ...where, status, apiMessage, retryAfter: wait, attempts: attempt });
        }
        if (canRetry) {
          if (wait !== undefined) await this.#hooks.sleep(wait * 1000, signal);
          else await this.#backoff(attempt, signal);
          continue;
        }
        throw new ApiError('RATE_LIMITED', `VideoSDK rate-limited ${method} ${target} (429) after ${attempts(attempt)}: slow down, or raise \`retries\``, { ...where, status, apiMessage, retryAfter: wait, attempts: attempt });
      }
      if (status >= 500 && retry === 'all' && canRetry) {
        await this.#backoff(attempt, signal);
        continue;
      }
      const error = statusError(status, where, apiMessage, attempt);
      throw status >= 500 && retry !== 'all' ? mayHaveActed(error) : error;
    }
  }

  /**
   * One attempt: resolves with the answer and its whole body, or with `refused` saying why its
   * body was not read (a redirect, an answer over the limit); rejects with TIMEOUT/NETWORK.
   */
  async #send(where, json, callerSignal, attempt) {
    const token = this.#token();
    const headers = { Authorization: token, Accept: 'application/json' };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    const bound = attemptSignal(callerSignal, this.#timeoutMs);
    try {
      const response = await this.#fetch(`${this.#base}${where.path}`, {
        method: where.method, headers, body: json, signal: bound.signal, redirect: NO_REDIRECT,
      });
      const refuse = (refused) => {
        response.body?.cancel().catch(() => {});
        return { response, token, refused };
      };
      if (isRedirect(response)) return refuse(`a redirect (${response.status}), which this client never follows`);
      const over = `an answer over ${MAX_ANSWER_BYTES} bytes (1 MiB)`;
      if (declaresOver(response.headers, MAX_ANSWER_BYTES)) return refuse(over);
      // Read as it arrives, under the same signal: a server that stalls mid-answer times out too,
      // and one that sends without end is cut at the limit (readLimited cancels it).
      const bytes = await readLimited(response.body, MAX_ANSWER_BYTES);
      if (bytes === null) return { response, token, refused: over };
      return { response, text: new TextDecoder().decode(bytes), token };
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (bound.timedOut()) {
        throw new ApiError('TIMEOUT', `no answer from VideoSDK to ${where.method} ${where.path} within ${this.#timeoutText} (${attempts(attempt)}): try again later, or raise \`timeout\``, { ...where, attempts: attempt });
      }
      const reason = networkReason(error, token);
      throw new ApiError('NETWORK', `the connection to ${this.#base} failed for ${where.method} ${where.path} (${attempts(attempt)}): ${reason}; check apiBase and the network`, { ...where, attempts: attempt, reason });
    } finally {
      bound.done();
    }
  }

  /** Full jitter: a random wait up to base × 2^(attempt-1), capped. */
  #backoff(attempt, signal) {
    const ceiling = Math.min(BACKOFF_CAP_MS, this.#hooks.backoffMs * 2 ** (attempt - 1));
    return this.#hooks.sleep(Math.floor(this.#hooks.random() * ceiling), signal);
  }
}

if (typeof Symbol.dispose === 'symbol') {
  VideoSDKClient.prototype[Symbol.dispose] = VideoSDKClient.prototype.close;
}

function checkApiBase(apiBase) {
  const base = apiBaseUrl(apiBase);
  if (base === null) {
    throw invalid('apiBase', `apiBase must be an https URL without query or credentials, such as '${DEFAULT_API_BASE}' (http only on localhost, 127.0.0.0/8 or [::1]); got ${shown(apiBase)}`);
  }
  return base;
}

/**
 * A signal for one attempt: aborted by this attempt's timer or by the caller's signal, if any,
 * with the reason of whichever came first. One controller and one timer on every runtime (no
 * AbortSignal.timeout or AbortSignal.any, which not every runtime has). done() releases both.
 */
function attemptSignal(callerSignal, ms) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
  }, ms);
  const onAbort = () => controller.abort(callerSignal.reason);
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits ms, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms, signal) {
  return new Promise(/** @param {(value?: unknown) => void} resolve */ (resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in whole seconds (delta-seconds or an HTTP date), or undefined if absent or unreadable. */
function retryAfterSeconds(header, nowMs) {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function networkReason(error, token) {
  const cause = error?.cause;
  const parts = [error?.message, cause?.code ?? cause?.message].filter((p) => typeof p === 'string' && p !== '');
  return clean(parts.join(': ') || 'the request failed', token);
}
