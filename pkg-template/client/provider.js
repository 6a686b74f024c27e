// createTokenProvider: VideoSDK tokens in the browser that never go stale. It asks a
// handleTokenRequest endpoint (GET, query parameters) and keeps each answer until a little before
// it expires, timed by the answer's `expiresIn` from the moment the answer arrived (an older
// endpoint's `expiresAt` otherwise). Plain JS and no wasm: it never decodes a token, so it adds
// next to nothing to a page's bundle.
import { TokenProviderError } from '../shared/errors.js';
import { readLimited } from '../shared/http.js';
import { unknownOption } from '../shared/options.js';
import { cut, quote, shown } from '../shared/text.js';

// Distinct requests kept; the least recently used goes first. An app asks for one or two.
const MAX_ENTRIES = 16;
const PARAMS = ['roomId', 'participantId', 'permissions', 'roles'];
// A retry waits this long plus up to as much again (jitter), or what Retry-After asks within
// MAX_RETRY_AFTER; a server that asks for more gets no retry: a page should not hang on it.
const RETRY_MS = 250;
const MAX_RETRY_AFTER = 5;
// A token answer is a few hundred bytes; more than this is not a token endpoint's answer.
const MAX_ANSWER = 64 * 1024;
// A JWS in compact form: three base64url parts. The provider never decodes a token; the shape
// only keeps another kind of answer (HTML, an error page's text) from being handed on as one.
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const fail = (code, message, details) => new TokenProviderError(code, message, details);
const invalid = (field, message) => fail('INVALID_OPTIONS', `createTokenProvider: ${message}`, { field });
const providerError = (field, message) => fail('INVALID_OPTIONS', message, { field });
const OPTIONS = ['url', 'fetch', 'init', 'refreshBefore', 'timeout', 'signal', 'now'];

/** @param {import('./index.d.ts').TokenProviderOptions} [options] */
export function createTokenProvider(options = {}) {
  if (options === null || typeof options !== 'object') throw invalid('options', 'options must be an object');
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key)) throw unknownOption(key, 'createTokenProvider', OPTIONS, { refuse: providerError });
  }
  // Own properties only (a polluted Object.prototype is no option); undefined means the default.
  const own = (key, otherwise) => {
    const value = Object.prototype.hasOwnProperty.call(options, key) ? options[key] : undefined;
    return value === undefined ? otherwise : value;
  };
  const url = own('url', '/api/token');
  const fetchFn = own('fetch', (input, init) => globalThis.fetch(input, init));
  const init = own('init', {});
  const refreshBefore = own('refreshBefore', 60);
  const timeout = own('timeout', 10);
  const signal = own('signal');
  const now = own('now', Date.now);

  // A path is resolved against the page at the first getToken(), not here: a provider made at
  // module scope is also built where there is no page (a framework rendering on the server).
  // Whatever needs no page is checked now: the type, and that some page could resolve it.
  const isUrl = typeof url === 'string' || url instanceof URL;
  if (!isUrl || !parse(url, 'https://page.invalid/')) {
    throw invalid('url', `url must be an absolute URL, or a path on a page (got ${describe(url)})`);
  }
  let base = parse(url);
  if (typeof fetchFn !== 'function') throw invalid('fetch', 'fetch must be a function like globalThis.fetch');
  if (typeof init !== 'function' && (init === null || typeof init !== 'object')) {
    throw invalid('init', 'init must be a RequestInit object, or a function returning one');
  }
  if (!isSeconds(refreshBefore)) throw invalid('refreshBefore', 'refreshBefore must be a number of seconds, 0 or more');
  if (!isSeconds(timeout) || timeout === 0) throw invalid('timeout', 'timeout must be a number of seconds above 0');
  if (signal !== undefined && !(signal && typeof signal.addEventListener === 'function' && 'aborted' in signal)) {
    throw invalid('signal', 'signal must be an AbortSignal');
  }
  if (typeof now !== 'function') throw invalid('now', 'now must be a function returning milliseconds, like Date.now');

  // key → { token, refreshAt } once fetched, or { pending } while a request is on its way. An
  // answer is kept only if its { pending } is still there: invalidate() and abort drop it.
  const cache = new Map();

  const aborted = () =>
    fail('ABORTED', 'the token provider was stopped by its signal', { cause: signal.reason });
  signal?.addEventListener('abort', () => cache.clear(), { once: true });

  async function getToken(request = {}) {
    if (signal?.aborted) throw aborted();
    const query = toQuery(request);
    const key = query.toString();
    const entry = cache.get(key);
    if (entry) {
      // Most recently used goes last, so eviction takes the oldest first.
      cache.delete(key);
      cache.set(key, entry);
      if (entry.pending) return entry.pending;
      if (clock() < entry.refreshAt) return entry.token;
    }
    const pending = fetchToken(query).then(
      (answer) => {
        if (cache.get(key)?.pending === pending) cache.set(key, answer);
        return answer.token;
      },
      (error) => {
        if (cache.get(key)?.pending === pending) cache.delete(key);
        throw error;
      },
    );
    cache.set(key, { pending });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value);
    return pending;
  }

  function clock() {
    const t = now();
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      throw invalid('now', `now() must return milliseconds since 1970, like Date.now (got ${describe(t)})`);
    }
    return t;
  }

  /** The endpoint's URL; a path is resolved against the page once, at the first call. */
  function endpoint() {
    const page = globalThis.location?.href;
    base ??= page === undefined ? undefined : parse(url, page);
    if (base) return base;
    throw invalid('url', page === undefined
      ? `url ${describe(url)} is a path and there is no page here to resolve it against: pass an absolute URL`
      : `url ${describe(url)} does not resolve against this page's address: pass an absolute URL`);
  }

  // One token fetch, bounded as a whole by `timeout`: init(), each try, the pause between tries
  // and the reading of each answer. The bound is a race as well as the signal, so a fetch that
  // ignores its signal, or a body that never ends, still settles at the deadline; after it no
  // further try starts. A deadline that falls after a failed try rejects with that failure.
  async function fetchToken(query) {
    if (signal?.aborted) throw aborted();
    const controller = new AbortController();
    const run = { signal: controller.signal, failure: undefined };
    let timer;
    let onAbort;
    const stopped = new Promise((_, reject) => {
      onAbort = () => {
        controller.abort();
        reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(() => {
        controller.abort();
        reject(run.failure ?? fail('NETWORK', `could not reach the token endpoint ${where()}: no answer in ${timeout} s`));
      }, timeout * 1000);
    });
    try {
      return await Promise.race([tokenOf(query, run), stopped]);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      controller.abort(); // whatever still runs for this call stops here
    }
  }

  // The endpoint, as messages name it: the caller's own configuration, never the query.
  const where = () => (base === undefined ? describe(url) : `${base.origin}${base.pathname}`);

  async function tokenOf(query, run) {
    const target = new URL(endpoint());
    for (const [k, v] of query) target.searchParams.set(k, v);
    // The caller's own init (credentials, headers): read once per token; its errors are its own.
    const given = typeof init === 'function' ? await init() : init;
    if (given?.signal) throw invalid('init', 'init.signal is not used: pass signal to createTokenProvider');
    const headers = new Headers(given?.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const request = { ...given, method: 'GET', headers };
    const { status, body, received, tooLarge } = await answerOf(target, request, run);
    if (tooLarge) {
      throw fail('BAD_RESPONSE', `the token endpoint answered ${status} with more than ${MAX_ANSWER} bytes: is url a handleTokenRequest endpoint?`, { status });
    }
    if (status >= 400) {
      const e = body?.error;
      const code = typeof e?.code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(e.code) ? e.code : undefined;
      if (code === undefined) {
        throw fail('BAD_RESPONSE', `the token endpoint answered ${status} without an error code: is url right?`, { status });
      }
      // The endpoint's words are another party's text: escaped and cut as every echo.
      const said = typeof e.message === 'string' && e.message !== '' ? quote(e.message) : '';
      throw fail(code, `the token endpoint refused the request (${status} ${code})${said && `: ${said}`}`, {
        status,
        reason: said || code,
        field: typeof e.field === 'string' ? shown(e.field) : undefined,
      });
    }
    const life = lifetime(body, received);
    if (status !== 200 || typeof body?.token !== 'string' || life === undefined) {
      throw fail('BAD_RESPONSE', `the token endpoint answered ${status} without {token, expiresIn} or {token, expiresAt}: is url a handleTokenRequest endpoint?`, { status });
    }
    if (!JWT.test(body.token)) {
      throw fail('BAD_RESPONSE', 'the token endpoint answered a token that is not three base64url parts: is url a handleTokenRequest endpoint?', { status });
    }
    // Keep it until refreshBefore ahead of expiry; a token living less than twice that, until
    // half its life, so a short-lived token is never fetched again on every call.
    const margin = Math.min(refreshBefore * 1000, life / 2);
    return { token: body.token, refreshAt: received + life - margin };
  }

  // The endpoint's answer below 500. A second try follows no answer (NETWORK) or a 5xx whose
  // Retry-After is short; every other failure is final, and so is the second try's.
  async function answerOf(target, request, run) {
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt === 1;
      let answer;
      try {
        answer = await attemptFetch(target, request, run);
      } catch (error) {
        if (error.code !== 'NETWORK' || last) throw error;
        run.failure = error;
        await sleep(RETRY_MS * (1 + Math.random()), run.signal);
        continue;
      }
      if (answer.status < 500) return answer;
      const wait = retryAfter(answer.retryAfter);
      const failure = fail('SERVER_ERROR', `the token endpoint answered ${answer.status}: try again later`, { status: answer.status });
      if (last || wait === undefined) throw failure;
      run.failure = failure;
      await sleep(RETRY_MS * (1 + Math.random()) + wait * 1000, run.signal);
    }
  }

  // One request and its answer, read no further than MAX_ANSWER bytes. Resolves to { status,
  // retryAfter, body, received, tooLarge } (body: the JSON, or undefined if not JSON; received:
  // the provider's clock when the answer arrived, from which expiresIn counts).
  async function attemptFetch(target, request, run) {
    if (run.signal.aborted) throw run.failure ?? aborted();
    let response;
    try {
      response = await fetchFn(target.href, { ...request, signal: run.signal });
    } catch (error) {
      throw unreachable(error);
    }
    const received = clock();
    let bytes;
    try {
      // A fetch without streams (an old polyfill) has no body to read in steps: its text is
      // bounded by the deadline only.
      bytes = response.body === undefined
        ? new TextEncoder().encode(await response.text())
        : await readLimited(response.body, MAX_ANSWER);
    } catch (error) {
      throw unreachable(error);
    }
    const answer = { status: response.status, retryAfter: response.headers.get('Retry-After'), received };
    if (bytes === null || bytes.byteLength > MAX_ANSWER) return { ...answer, tooLarge: true };
    let body;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      body = undefined;
    }
    return { ...answer, body };
  }

  // The platform's words for a failed fetch may come from anywhere (a custom fetch, a proxy):
  // escaped and cut as every echo.
  const unreachable = (error) =>
    fail('NETWORK', `could not reach the token endpoint ${where()}: ${cut(error?.message ?? String(error))}`, { cause: error });

  function sleep(ms, stop) {
    return new Promise(/** @param {(value?: unknown) => void} resolve */ (resolve, reject) => {
      if (stop.aborted) return reject(stop.reason);
      const onStop = () => {
        clearTimeout(timer);
        reject(stop.reason);
      };
      const timer = setTimeout(() => {
        stop.removeEventListener('abort', onStop);
        resolve();
      }, ms);
      stop.addEventListener('abort', onStop, { once: true });
    });
  }

  /** Forgets cached tokens: all of them, or the one for this request. */
  function invalidate(request) {
    if (request === undefined) cache.clear();
    else cache.delete(toQuery(request).toString());
  }

  return { getToken, invalidate };
}

/** The request's query parameters in a fixed order, lists sorted, so equal requests share a key. */
function toQuery(request) {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw fail('INVALID_OPTIONS', 'getToken: pass an object such as { roomId }', { field: 'request' });
  }
  for (const key of Object.keys(request)) {
    if (!PARAMS.includes(key)) throw unknownOption(key, 'getToken', PARAMS, { refuse: providerError });
  }
  const query = new URLSearchParams();
  for (const key of PARAMS) {
    // Own properties only: a polluted Object.prototype must not add to a request.
    const value = Object.prototype.hasOwnProperty.call(request, key) ? request[key] : undefined;
    if (value === undefined) continue;
    if (key === 'roomId' || key === 'participantId') {
      if (typeof value !== 'string' || value === '') throw fail('INVALID_OPTIONS', `getToken: ${key} must be a non-empty string`, { field: key });
      query.set(key, value);
    } else {
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || v === '' || v.includes(','))) {
        throw fail('INVALID_OPTIONS', `getToken: ${key} must be a non-empty list of names such as ['allow_join']`, { field: key });
      }
      query.set(key, [...new Set(value)].sort().join(','));
    }
  }
  return query;
}

/**
 * Milliseconds the answer's token lives from `received`: by `expiresIn` (seconds) whenever the
 * endpoint sends it, which no clock offset between device and server can shift; else by the
 * absolute `expiresAt` of an older endpoint, read against this device's clock. Undefined when
 * neither is usable.
 */
function lifetime(body, received) {
  if (body === null || typeof body !== 'object') return undefined;
  if (body.expiresIn !== undefined) {
    return isSeconds(body.expiresIn) ? body.expiresIn * 1000 : undefined;
  }
  const expiresAt = typeof body.expiresAt === 'string' ? Date.parse(body.expiresAt) : NaN;
  return Number.isNaN(expiresAt) ? undefined : expiresAt - received;
}

/** Seconds to wait from a Retry-After header: within MAX_RETRY_AFTER, else undefined. */
function retryAfter(value) {
  if (value === null) return 0;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  if (Number.isNaN(seconds)) return 0;
  if (seconds > MAX_RETRY_AFTER) return undefined;
  return Math.max(0, seconds);
}

/** `new URL(url, base)`, or undefined where that throws. */
function parse(url, base) {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

const isSeconds = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function describe(value) {
  if (typeof value === 'string') return quote(value);
  return value === null ? 'null' : typeof value;
}
