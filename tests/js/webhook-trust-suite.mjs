// Webhooks where what they are given may be hostile: the method echoed in a 405, where the key
// may come from (https only, no redirects), how often a key endpoint may be asked, options read
// through a polluted Object.prototype. Runtime-agnostic like webhook-suite.mjs (web-standard
// Request/Response, WebCrypto, no node: imports, no timers), run by the same runners.
//
// webhookTrustCases(lib) returns [name, fn] pairs; fn throws on failure.
import vectors from '../vectors/webhooks.json' with { type: 'json' };
import { eq, fail, ok } from './suite.mjs';

const MAIN_KEY = vectors.keys.main.spkiPem;
const VALID = vectors.cases.find((c) => c.name === 'valid, key as spkiPem');
const EVENT_BODY = Uint8Array.from(atob(VALID.body), (c) => c.charCodeAt(0));
const EVENT_SIG = VALID.signature;
// The same body signed by another key (3072-bit): what a redirect's target would sign with.
const OTHER_KEY = vectors.keys.large.spkiPem;
const OTHER_SIG = vectors.cases.find((c) => c.name === 'valid, a list of keys of different sizes').signature;
const KEY_PATH = '/v2/public/rsa-public-key';

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

export function webhookTrustCases(lib) {
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
      ok(state.modes.every((m) => m === 'manual' || m === 'error'), `redirect modes: ${state.modes}`);
      eq(state.calls.filter((url) => url.startsWith(evil)).length, 0, 'the target was never asked');
    }],
  ];
}
