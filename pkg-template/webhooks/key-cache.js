// VideoSDK's webhook key fetched from its API (GET /v2/public/rsa-public-key) and cached per
// isolate, per API base, whatever fetch function asks (code that builds its options per request
// makes a new one each time). The rules protect both sides:
// - one request in flight, however many webhooks arrive at once;
// - a base is asked at most once a minute, whatever the reason: a failed request counts, so a
//   failing endpoint with no key cached costs one request a minute, not one per forged webhook;
//   keyCacheSeconds under a minute acts as a minute;
// - a key younger than keyCacheSeconds is used as is; an older one is refreshed, and while the
//   endpoint fails the old key stays in use;
// - a signature that fails against the cached key triggers one refetch (VideoSDK may have
//   rotated its key); if it fails against the fresh key too, the base waits its minute.
import { WebhookError } from '../shared/errors.js';
import { isRedirect, NO_REDIRECT, readLimited } from '../shared/http.js';
import { importKey, MAX_KEYS, parseKey } from './keys.js';

export { API_BASE as DEFAULT_API_BASE } from '../shared/vocabulary.js';
export const KEY_PATH = '/v2/public/rsa-public-key';
export const REFETCH_INTERVAL_MS = 60_000;
const FETCH_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

function fetchFailed(reason, details = {}) {
  return new WebhookError('KEY_FETCH_FAILED', `VideoSDK's webhook key could not be fetched: ${reason}`, { reason, ...details });
}

/**
 * The key texts in the endpoint's answer. VideoSDK's docs do not show the answer; user code reads
 * its `publicKey` member, so that is the expected shape. Also read, in case it differs:
 * `data.publicKey`, a JSON string, a list of keys, and a bare PEM body.
 */
function keyTexts(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN ')) return [trimmed];
  let json;
  try {
    json = JSON.parse(trimmed);
  } catch {
    throw fetchFailed('the key endpoint answered neither JSON nor a PEM');
  }
  // Own members only: with a polluted Object.prototype, an answer without a key must not take
  // an inherited one as the trust anchor.
  const own = (o, name) => (o instanceof Object && Object.hasOwn(o, name) ? o[name] : undefined);
  const value = Array.isArray(json) ? json : own(json, 'publicKey') ?? own(own(json, 'data'), 'publicKey') ?? json;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.length <= MAX_KEYS && value.every((v) => typeof v === 'string')) {
    return value;
  }
  throw fetchFailed('the key endpoint\'s answer has no publicKey string; expected {"publicKey": "-----BEGIN PUBLIC KEY-----…"}');
}

// One API base's cache. Its methods are described here, not above each one: a bundler keeps
// comments that precede class members, and a webhook-only Worker carries every byte of them.
// - mayAsk(now): whether the base may be asked at `now` (ms), a minute after the last request
//   (or when the clock was set back);
// - current(fetchFn, now, maxAgeMs): the keys to verify with at `now`; throws KEY_FETCH_FAILED
//   only when there is no key at all;
// - afterFailure(fetchFn, used, now): a signature failed against `used`: newer keys to try, or
//   null when there are none (the base was asked less than a minute ago and nobody else has newer
//   ones); throws KEY_FETCH_FAILED if the refetch fails: the webhook may be genuine and signed
//   with a key not yet seen.
class KeySource {
  constructor(url) {
    this.url = url;
    this.keys = null; // imported keys, or null before the first successful fetch
    this.fetchedAt = -Infinity; // ms, when the cached keys were fetched
    this.attemptAt = -Infinity; // ms, when the last request started, whatever came of it
    this.failure = null; // the last request's error, while no request has succeeded since
    this.inflight = null; // the request under way, shared by every caller
  }

  mayAsk(now) {
    return Math.abs(now - this.attemptAt) >= REFETCH_INTERVAL_MS;
  }

  async current(fetchFn, now, maxAgeMs) {
    // A key fetched "in the future" (a clock set back since) is as stale as an old one.
    if (this.keys && Math.abs(now - this.fetchedAt) < maxAgeMs) return this.keys;
    if (this.inflight || this.mayAsk(now)) {
      try {
        return await this.refresh(fetchFn, now);
      } catch (error) {
        if (!this.keys) throw error;
        return this.keys; // a stale key beats refusing every webhook while the endpoint is down
      }
    }
    if (this.keys) return this.keys;
    const { reason, status } = this.failure;
    throw fetchFailed(`${reason}; ${this.url} is asked again at most once a minute`, { status });
  }

  async afterFailure(fetchFn, used, now) {
    let keys;
    if (this.keys && this.keys !== used) keys = this.keys;
    else if (this.inflight || this.mayAsk(now)) keys = await this.refresh(fetchFn, now);
    else return null;
    return sameKeys(keys, used) ? null : keys;
  }

  refresh(fetchFn, now) {
    if (!this.inflight) {
      this.attemptAt = now;
      this.inflight = this.load(fetchFn).then(
        (keys) => {
          this.inflight = null;
          this.failure = null;
          // Keep the imported key objects when nothing changed: callers compare by identity.
          if (!sameKeys(keys, this.keys)) this.keys = keys;
          this.fetchedAt = now;
          return this.keys;
        },
        (error) => {
          this.inflight = null;
          this.failure = error;
          throw error;
        },
      );
    }
    return this.inflight;
  }

  async load(fetchFn) {
    // Never a redirect: the key is the trust anchor, and another origin's key would sign for it.
    const init = { method: 'GET', headers: { Accept: 'application/json' }, redirect: NO_REDIRECT };
    const signal = globalThis.AbortSignal?.timeout?.(FETCH_TIMEOUT_MS);
    if (signal) init.signal = signal;
    let response;
    try {
      response = await fetchFn(this.url, init);
    } catch (e) {
      throw fetchFailed(`GET ${this.url} failed (${e?.name ?? 'Error'}: ${e?.message ?? e})`);
    }
    if (!response || typeof response.status !== 'number') throw fetchFailed('fetch did not return a Response');
    if (response.status < 200 || response.status > 299) {
      response.body?.cancel().catch(() => {});
      const redirect = isRedirect(response) ? ', a redirect, which is never followed' : '';
      throw fetchFailed(`GET ${this.url} answered ${response.status}${redirect}`, { status: response.status });
    }
    let bytes;
    try {
      bytes = await readLimited(response.body, MAX_RESPONSE_BYTES);
    } catch (e) {
      throw fetchFailed(`reading the answer of GET ${this.url} failed (${e?.name ?? 'Error'})`);
    }
    if (bytes === null) throw fetchFailed(`the answer of GET ${this.url} is over ${MAX_RESPONSE_BYTES} bytes`);
    const texts = keyTexts(new TextDecoder().decode(bytes));
    const where = (i) => (texts.length > 1 ? `the fetched key ${i}` : 'the fetched key');
    try {
      // Every key is parsed before any import starts, so no import promise is left unawaited.
      const parsed = texts.map((text, i) => parseKey(text, where(i)));
      return await Promise.all(parsed.map((key, i) => importKey(key, where(i))));
    } catch (e) {
      if (e instanceof WebhookError) throw fetchFailed(e.message);
      throw e;
    }
  }
}

function sameKeys(a, b) {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((key, i) => key.id === b[i].id);
}

// key URL → KeySource, in the order first asked for. Bases come from configuration, not from
// requests; the bound only keeps a program that makes bases up from growing the map for ever.
const sources = new Map();
const MAX_SOURCES = 64;

/** The cache for one API base (a URL without a trailing slash), whatever fetch function asks. */
export function keySource(apiBase) {
  const url = apiBase + KEY_PATH;
  let source = sources.get(url);
  if (!source) {
    if (sources.size >= MAX_SOURCES) sources.delete(sources.keys().next().value);
    source = new KeySource(url);
    sources.set(url, source);
  }
  return source;
}
