// The webhook functions against webhooks signed by videosdk-token/testing's createWebhookSigner
// (the runtime's WebCrypto makes the key pair and signs), beside the webhooks suite's vectors
// signed by node:crypto: pinned keys in each accepted form, the key fetched from the stand-in,
// the endpoint's answers. Runtime-agnostic.
//
// cases({ lib, testing }) returns [name, fn] pairs; fn throws on failure.
import { API_KEY, deepEq, eq, fail, ok, SECRET } from '../support/assert.mjs';

async function codeOf(promise) {
  try {
    await promise;
  } catch (error) {
    return error?.code;
  }
  return fail('expected a WebhookError');
}

export function cases({ lib, testing }) {
  if (testing === undefined) return [['webhooks (signed by the kit): the runner passes videosdk-token/testing', () => fail('no `testing` in the context')]];
  const { verifyWebhook, handleWebhookRequest } = lib;
  let signer;
  let other;
  const ready = async () => {
    signer ??= await testing.createWebhookSigner();
    other ??= await testing.createWebhookSigner();
  };

  return [
    ['webhooks (signed by the kit): the key as SPKI PEM, with escaped line breaks, as bare base64, in a list', async () => {
      await ready();
      const body = signer.event('participant-joined', { participantId: 'zoe', participantName: 'Zoë' });
      const signature = await signer.sign(body);
      const bare = signer.publicKey.replace(/-----[^-]+-----|\n/g, '');
      for (const publicKey of [signer.publicKey, signer.publicKey.replace(/\n/g, '\\n'), bare, [other.publicKey, signer.publicKey]]) {
        const event = await verifyWebhook(body, signature, { publicKey });
        deepEq([event.webhookType, event.data.participantId, event.data.participantName], ['participant-joined', 'zoe', 'Zoë'], 'the event');
      }
      eq(await codeOf(verifyWebhook(body, signature, { publicKey: other.publicKey })), 'SIGNATURE_INVALID', 'another key');
    }],

    ['webhooks (signed by the kit): the exact bytes count: a re-serialised body fails; bytes and text verify alike', async () => {
      await ready();
      const body = signer.event('recording-stopped');
      const signature = await signer.sign(body);
      eq((await verifyWebhook(new TextEncoder().encode(body), signature, { publicKey: signer.publicKey })).webhookType, 'recording-stopped', 'bytes');
      const reserialised = JSON.stringify(JSON.parse(body), null, 1);
      eq(await codeOf(verifyWebhook(reserialised, signature, { publicKey: signer.publicKey })), 'SIGNATURE_INVALID', 're-serialised');
      eq(await codeOf(verifyWebhook(body, null, { publicKey: signer.publicKey })), 'SIGNATURE_MISSING', 'no signature');
    }],

    ['webhooks (signed by the kit): a type this version does not know passes through as sent', async () => {
      await ready();
      const body = '{"webhookType":"future-event","data":{"x":1}}';
      const event = await verifyWebhook(body, await signer.sign(body), { publicKey: signer.publicKey });
      deepEq(event, { webhookType: 'future-event', data: { x: 1 } }, 'the event');
    }],

    ['webhooks (signed by the kit): handleWebhookRequest answers 200, 401, 400, 405, 413 as documented', async () => {
      await ready();
      const events = [];
      const options = { publicKey: signer.publicKey, onEvent: (event, { digest }) => { events.push([event.webhookType, digest.length]); } };
      eq((await handleWebhookRequest(await signer.request(signer.event('session-ended')), options)).status, 200, 'signed');
      deepEq(events, [['session-ended', 64]], 'onEvent got the event and its digest');
      eq((await handleWebhookRequest(await other.request(signer.event('session-ended')), options)).status, 401, 'another signer');
      const unsigned = new Request('https://app.example/hook', { method: 'POST', body: signer.event('session-ended') });
      eq((await handleWebhookRequest(unsigned, options)).status, 400, 'no signature');
      eq((await handleWebhookRequest(new Request('https://app.example/hook'), options)).status, 405, 'a GET');
      const big = signer.event('session-ended', { note: 'x'.repeat(2048) });
      eq((await handleWebhookRequest(await signer.request(big), { ...options, maxBodyBytes: 1024 })).status, 413, 'too large');
      eq(events.length, 1, 'only the good one reached onEvent');
    }],

    ['webhooks (signed by the kit): the key fetched from the stand-in; a forgery refetches at most once', async () => {
      await ready();
      const s = testing.createStandIn({ apiKey: API_KEY, secret: SECRET, webhookSigner: signer });
      const options = { fetchPublicKey: true, apiBase: s.apiBase, fetch: s.fetch };
      const body = signer.event('hls-playable');
      eq((await verifyWebhook(body, await signer.sign(body), options)).data.downstreamUrl.endsWith('.m3u8'), true, 'verified');
      eq(await codeOf(verifyWebhook(body, await other.sign(body), options)), 'SIGNATURE_INVALID', 'forged');
      eq(await codeOf(verifyWebhook(body, await other.sign(body), options)), 'SIGNATURE_INVALID', 'forged again');
      const fetches = s.requests.filter((r) => r.path === '/v2/public/rsa-public-key').length;
      ok(fetches >= 1 && fetches <= 2, `one fetch, and at most one refetch: ${fetches}`);
    }],
  ];
}
