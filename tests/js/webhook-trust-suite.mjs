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

export function webhookTrustCases(lib) {
  const { handleWebhookRequest } = lib;

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
  ];
}
