// Webhooks where what they are given may be hostile: the method echoed in a 405, where the key
// may come from (https only, no redirects), how often a key endpoint may be asked, options read
// through a polluted Object.prototype. Runtime-agnostic like webhooks.mjs (web-standard
// Request/Response, WebCrypto, no node: imports, no timers), run by the same runners.
//
// webhookTrustCases(lib) returns [name, fn] pairs; fn throws on failure.
import vectors from '../vectors/webhooks.json' with { type: 'json' };
import { eq, fail, ok } from '../support/assert.mjs';

const MAIN_KEY = vectors.keys.main.spkiPem;
const VALID = vectors.cases.find((c) => c.name === 'valid, key as spkiPem');
const EVENT_BODY = Uint8Array.from(atob(VALID.body), (c) => c.charCodeAt(0));
const EVENT_SIG = VALID.signature;
// The same body signed by another key (3072-bit): what a redirect's target would sign with.
const OTHER_KEY = vectors.keys.large.spkiPem;
const OTHER_SIG = vectors.cases.find((c) => c.name === 'valid, a list of keys of different sizes').signature;
const KEY_PATH = '/v2/public/rsa-public-key';
const T0 = 1_700_000_000; // seconds: the cache's clock (options.now), so no case waits
// A well-formed 256-byte signature that matches nothing: what a forger sends.
const FORGED_SIG = vectors.cases.find((c) => c.name === 'one flipped body byte').signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));

/**
 * A fresh API base for each stand-in: keys are cached per API base, so no two cases share one
 * (a given host gets a path of its own).
 */
function freshBase(scheme = 'https', host = undefined) {
  const id = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  return host === undefined ? `${scheme}://keys-${id}.stand-in.invalid` : `${scheme}://${host}/${id}`;
}

/**
 * A stand-in for the key endpoints of several origins, behaving as fetch does: `routes` maps a
 * URL to `{ key }` or `{ redirect: url, status }`; a redirect is followed unless the request
 * says `redirect: 'manual'` (then the 3xx comes back) or `'error'` (then it rejects). Counts
 * requests per URL.
 */
function origins(routes) {
  const state = { calls: [], modes: [] };
  const fetchFn = async (input, init = {}) => {
    state.modes.push(init.redirect);
    for (let url = String(input), hops = 0; hops < 5; hops += 1) {
      state.calls.push(url);
      const route = routes[url];
      if (route === undefined) return new Response('{"error":"not found"}', { status: 404 });
      if (route.key !== undefined) return new Response(JSON.stringify({ publicKey: route.key }), { headers: { 'Content-Type': 'application/json' } });
      if (init.redirect === 'manual') return new Response(null, { status: route.status ?? 302, headers: { Location: route.redirect } });
      if (init.redirect === 'error') throw new TypeError('fetch failed: redirect');
      url = route.redirect;
    }
    throw new TypeError('too many redirects');
  };
  return { state, fetch: fetchFn };
}

export function cases({ lib }) {
  const { handleWebhookRequest, verifyWebhook, WebhookError } = lib;

  async function outcome(promise) {
    try {
      return { value: await promise };
    } catch (error) {
      return { error };
    }
  }

  function isWebhookError(error, code, field) {
    ok(error instanceof WebhookError, `expected a WebhookError ${code}, got ${error?.name}: ${error?.message}`);
    eq(error.code, code, `code (message: ${error.message})`);
    if (field !== undefined) eq(error.field, field, 'field');
    return error;
  }

  /**
   * A key endpoint at a base of its own that counts the requests it gets, whatever fetch
   * function makes them; `fresh()` is a new fetch function each time (as code that builds its
   * options per request makes one). `status` other than 200 fails every request.
   */
  function endpoint(key = MAIN_KEY) {
    const server = { apiBase: freshBase(), status: 200, requests: 0 };
    server.fresh = () => async (url) => {
      server.requests += 1;
      if (String(url) !== `${server.apiBase}${KEY_PATH}`) return new Response('{}', { status: 404 });
      if (server.status !== 200) return new Response('{"error":"unavailable"}', { status: server.status });
      return new Response(JSON.stringify({ publicKey: key }), { headers: { 'Content-Type': 'application/json' } });
    };
    return server;
  }

  /** Sends `count` forged webhooks one after another, at T0 + from … T0 + to seconds, each with its own fetch. */
  async function forgeries(server, count, from, to, extra = {}) {
    const codes = new Set();
    for (let i = 0; i < count; i += 1) {
      const now = T0 + from + ((to - from) * i) / count;
      const { error } = await outcome(verifyWebhook(EVENT_BODY, FORGED_SIG, { fetchPublicKey: true, apiBase: server.apiBase, fetch: server.fresh(), now, ...extra }));
      ok(error instanceof WebhookError, `forgery ${i}: refused (${error?.message})`);
      codes.add(error.code);
    }
    return [...codes].sort().join(',');
  }

  return [
    ['webhooks trust: the 405 answer echoes the method cut and escaped, as every echo', async () => {
      for (const method of ['X'.repeat(1024 * 1024), `GET\r\nX-Forged: 1${'A'.repeat(100)}`, 'PUT\u202eTSOP']) {
        // A plain object: a runtime's Request refuses such methods, a server in front may not.
        const request = { method, headers: new Headers({ 'videosdk-signature': EVENT_SIG }), body: null };
        const response = await handleWebhookRequest(request, { publicKey: MAIN_KEY, onEvent: () => fail('no onEvent') });
        eq(response.status, 405, 'status');
        const text = await response.text();
        ok(text.length < 300, `the answer is bounded: ${text.length} characters`);
        const { message } = JSON.parse(text).error;
        ok(!/[\r\n\u202e]/.test(message), `no raw control or bidi character: ${JSON.stringify(message)}`);
        ok(message.includes(method.slice(0, 3)), `the method's start is shown: ${message}`);
      }
      const response = await handleWebhookRequest(new Request('https://app.example/hook', { method: 'GET' }), { publicKey: MAIN_KEY, onEvent() {} });
      ok((await response.json()).error.message.endsWith('not "GET"'), 'an ordinary method reads as before, quoted');
      eq(EVENT_BODY.length > 0, true, 'the vectors loaded');
    }],
    ['webhooks trust: apiBase is https, or http on a loopback host only; anything else is refused before any fetch', async () => {
      const refused = ['http://api.videosdk.live', 'http://10.0.0.1:8788', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example',
        'http://[::2]:8080', 'ftp://127.0.0.1', 'https://user:pass@keys.example', 'https://keys.example/?q=1', 'not a url', 42];
      for (const apiBase of refused) {
        const { state, fetch } = origins({});
        const { error } = await outcome(verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch, apiBase }));
        isWebhookError(error, 'INVALID_OPTIONS', 'apiBase');
        const request = new Request('https://app.example/hook', { method: 'POST', body: EVENT_BODY, headers: { 'videosdk-signature': EVENT_SIG } });
        const response = await handleWebhookRequest(request, { fetchPublicKey: true, fetch, apiBase, onEvent: () => fail('no onEvent') });
        eq(response.status, 500, `${apiBase}: a configuration mistake`);
        eq(state.calls.length, 0, `${apiBase}: no fetch`);
      }
      for (const apiBase of [freshBase('https'), freshBase('http', 'localhost:8788'), freshBase('http', '127.0.0.1:1'),
        freshBase('http', '127.20.30.40'), freshBase('http', '[::1]:9')]) {
        const base = apiBase;
        const { state, fetch } = origins({ [`${base}${KEY_PATH}`]: { key: MAIN_KEY } });
        const { value, error } = await outcome(verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch, apiBase: base }));
        ok(error === undefined, `${base}: ${error?.message}`);
        eq(value.webhookType, JSON.parse(new TextDecoder().decode(EVENT_BODY)).webhookType, `${base}: verified`);
        eq(state.calls.length, 1, `${base}: one fetch`);
      }
    }],

    ['webhooks trust: the key fetch never follows a redirect: a webhook signed by the target\'s key is not accepted', async () => {
      const base = freshBase();
      const evil = freshBase();
      const { state, fetch } = origins({
        [`${base}${KEY_PATH}`]: { redirect: `${evil}${KEY_PATH}`, status: 302 },
        [`${evil}${KEY_PATH}`]: { key: OTHER_KEY },
      });
      const { error } = await outcome(verifyWebhook(EVENT_BODY, OTHER_SIG, { fetchPublicKey: true, fetch, apiBase: base }));
      isWebhookError(error, 'KEY_FETCH_FAILED');
      ok(/redirect/.test(error.message), `the message says redirect: ${error.message}`);
      ok(state.modes.every((m) => m === 'manual'), `redirect modes: ${state.modes}`);
      eq(state.calls.filter((url) => url.startsWith(evil)).length, 0, 'the target was never asked');
    }],
    ['webhooks trust: a failing key endpoint with a cold cache is asked once a minute, whatever the fetch function (500 forgeries)', async () => {
      const server = endpoint();
      server.status = 503;
      eq(await forgeries(server, 500, 0, 59.9), 'KEY_FETCH_FAILED', 'every forgery: no key');
      eq(server.requests, 1, 'one request in the first minute');
      eq(await forgeries(server, 500, 60, 119.9), 'KEY_FETCH_FAILED', 'the next minute');
      eq(server.requests, 2, 'one more in the next');
      // 500 at once on another cold base: one request.
      const burst = endpoint();
      burst.status = 500;
      const results = await Promise.all(Array.from({ length: 500 }, () => outcome(verifyWebhook(EVENT_BODY, FORGED_SIG,
        { fetchPublicKey: true, apiBase: burst.apiBase, fetch: burst.fresh(), now: T0 }))));
      ok(results.every((r) => r.error?.code === 'KEY_FETCH_FAILED'), 'all refused');
      eq(burst.requests, 1, 'one request for 500 concurrent');
      // Once the endpoint answers again, the next minute brings the key.
      server.status = 200;
      eq((await verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, apiBase: server.apiBase, fetch: server.fresh(), now: T0 + 120 })).webhookType !== undefined, true, 'verified');
      eq(server.requests, 3, 'asked again after the minute');
    }],

    ['webhooks trust: keyCacheSeconds: 0 and a signature failing against a fresh key ask at most once a minute (500 forgeries)', async () => {
      const server = endpoint();
      const options = (now, extra = {}) => ({ fetchPublicKey: true, apiBase: server.apiBase, fetch: server.fresh(), now, ...extra });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, options(T0, { keyCacheSeconds: 0 }));
      eq(server.requests, 1, 'the first key');
      eq(await forgeries(server, 500, 1, 59.9, { keyCacheSeconds: 0 }), 'SIGNATURE_INVALID', 'forgeries refused');
      eq(server.requests, 1, 'no request in the minute after a fetch, keyCacheSeconds: 0 or not');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, options(T0 + 30, { keyCacheSeconds: 0 }));
      eq(server.requests, 1, 'a genuine webhook with keyCacheSeconds: 0 uses the key fetched 30 s ago');
      // A minute on: the first forgery refetches; the key is the same, the signature still fails
      // against it, and the base is not asked again for a minute.
      eq(await forgeries(server, 500, 61, 120.9), 'SIGNATURE_INVALID', 'forgeries refused');
      eq(server.requests, 2, 'one refetch in that minute');
      eq(await forgeries(server, 10, 121, 125), 'SIGNATURE_INVALID', 'and the next');
      eq(server.requests, 3, 'one more a minute after it');
    }],

    ['webhooks trust: keys are cached per API base: another fetch function for the same base shares them', async () => {
      const server = endpoint();
      for (let i = 0; i < 5; i += 1) await verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, apiBase: server.apiBase, fetch: server.fresh(), now: T0 + i });
      eq(server.requests, 1, 'one request for five fetch functions');
      const other = endpoint();
      await verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, apiBase: other.apiBase, fetch: other.fresh(), now: T0 });
      eq(other.requests, 1, 'another base has its own');
    }],
    ['webhooks trust: options are own properties only: a polluted Object.prototype chooses no key, base, fetch or handler', async () => {
      const { state, fetch } = origins({});
      const polluted = {
        publicKey: OTHER_KEY, fetchPublicKey: true, apiBase: 'http://evil.example', fetch, keyCacheSeconds: -1, now: 'x',
        onEvent: () => fail('the inherited onEvent was called'), maxBodyBytes: 1, publicKeys: undefined,
      };
      const saved = Object.keys(polluted).map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)]);
      try {
        for (const [k, v] of Object.entries(polluted)) Object.prototype[k] = v; // eslint-disable-line no-extend-native
        // Read, any of these would be an INVALID_OPTIONS or a KEY_INVALID; unread, the signature is what fails.
        const { error } = await outcome(verifyWebhook(EVENT_BODY, 'bad!', { fetchPublicKey: true, fetch: async () => fail('no fetch') }));
        isWebhookError(error, 'SIGNATURE_INVALID');
        // A pinned key verifies with its own options; the inherited fetchPublicKey, maxBodyBytes and key do nothing.
        const calls = [];
        const post = () => new Request('https://app.example/hook', { method: 'POST', body: EVENT_BODY, headers: { 'videosdk-signature': EVENT_SIG } });
        let response = await handleWebhookRequest(post(), { publicKey: MAIN_KEY, onEvent: (event) => calls.push(event) });
        eq(response.status, 200, 'verified with the own key, under the own body limit');
        eq(calls.length, 1, 'the own onEvent');
        response = await handleWebhookRequest(post(), { publicKey: MAIN_KEY });
        eq(response.status, 500, 'no own onEvent: a configuration mistake, not the inherited one');
        const signedByOther = await outcome(verifyWebhook(EVENT_BODY, OTHER_SIG, { publicKey: MAIN_KEY }));
        isWebhookError(signedByOther.error, 'SIGNATURE_INVALID');
        // Nor do the names the package uses inside once the options are read.
        Object.prototype.publicKeys = [OTHER_KEY]; // eslint-disable-line no-extend-native
        const base = freshBase();
        const key = origins({ [`${base}${KEY_PATH}`]: { key: MAIN_KEY } });
        const forged = await outcome(verifyWebhook(EVENT_BODY, OTHER_SIG, { fetchPublicKey: true, apiBase: base, fetch: key.fetch, now: T0 }));
        isWebhookError(forged.error, 'SIGNATURE_INVALID');
        eq(key.state.calls.length, 1, 'the key came from the own base');
      } finally {
        for (const [k, d] of saved) {
          if (d === undefined) delete Object.prototype[k];
          else Object.defineProperty(Object.prototype, k, d);
        }
      }
      eq(state.calls.length, 0, 'the inherited fetch was never called');
      eq({}.apiBase, undefined, 'the prototype is restored');
    }],
  ];
}
