// deno test (no permission flag needed): the same flow with Deno.test and t.step.
import { verifyToken } from 'videosdk-token';
import { createStandIn, createWebhookSigner } from 'videosdk-token/testing';
import { createApp } from './app.mjs';

// Or jsr:@std/assert's assertEquals and assertRejects.
function assertEquals(actual, expected) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const env = { VIDEOSDK_API_KEY: 'test-key', VIDEOSDK_SECRET: 'test-secret-0123456789abcdef0123456789abcdef', APP_BEARER: 'let-me-in' };

Deno.test('token endpoint, REST calls and webhooks, offline', async (t) => {
  const signer = await createWebhookSigner();
  const videosdk = createStandIn({ apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET, webhookSigner: signer });
  const events = [];
  const app = createApp({ ...env, VIDEOSDK_API_BASE: videosdk.apiBase }, { fetch: videosdk.fetch, onEvent: (event) => events.push(event) });

  await t.step('the token endpoint', async () => {
    const response = await app.fetch(new Request('https://app.test/api/token?roomId=room-1', { headers: { authorization: 'Bearer let-me-in' } }));
    const { token } = await response.json();
    assertEquals(verifyToken(token, env.VIDEOSDK_SECRET, { apiKey: env.VIDEOSDK_API_KEY }).roomId, 'room-1');
  });

  await t.step('a recording, with the stand-in failing once (503)', async () => {
    videosdk.startSession('room-1', [{ participantId: 'ana' }]);
    videosdk.fail({ path: '/v2/recordings/start', status: 503 });
    const start = () => app.fetch(new Request('https://app.test/api/recordings', { method: 'POST', body: '{"roomId":"room-1"}' }));
    const error = await start().then(() => undefined, (e) => e);
    assertEquals([error?.code, error?.status], ['SERVER_ERROR', 503]); // a start is not repeated after a 5xx
    assertEquals((await start()).status, 200);
  });

  await t.step('a signed webhook', async () => {
    const request = await signer.request(signer.event('session-ended'), { url: 'https://app.test/webhooks/videosdk' });
    assertEquals((await app.fetch(request)).status, 200);
    assertEquals(events.map((event) => event.webhookType), ['session-ended']);
  });
});
