// Vitest: the token endpoint, the REST calls and the webhook handler, offline.
import { expect, test } from 'vitest';
import { verifyToken } from 'videosdk-token';
import { createStandIn, createWebhookSigner } from 'videosdk-token/testing';
import { createApp } from './app.mjs';

const env = { VIDEOSDK_API_KEY: 'test-key', VIDEOSDK_SECRET: 'test-secret-0123456789abcdef0123456789abcdef', APP_BEARER: 'let-me-in' };

async function setUp() {
  const signer = await createWebhookSigner();
  const videosdk = createStandIn({ apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET, webhookSigner: signer });
  const events = [];
  const app = createApp({ ...env, VIDEOSDK_API_BASE: videosdk.apiBase }, { fetch: videosdk.fetch, onEvent: (event) => events.push(event) });
  return { signer, videosdk, events, app };
}

test('the token endpoint mints a token for the room', async () => {
  const { app } = await setUp();
  const url = 'https://app.test/api/token?roomId=room-1&participantId=ana';
  expect((await app.fetch(new Request(url))).status).toBe(401);
  const response = await app.fetch(new Request(url, { headers: { authorization: 'Bearer let-me-in' } }));
  const { token } = await response.json();
  const claims = verifyToken(token, env.VIDEOSDK_SECRET, { apiKey: env.VIDEOSDK_API_KEY, roomId: 'room-1' });
  expect(claims.roles).toEqual(['rtc']);
});

test('a recording starts once the room has a live session; a 429 is retried', async () => {
  const { app, videosdk } = await setUp();
  const start = () => app.fetch(new Request('https://app.test/api/recordings', { method: 'POST', body: JSON.stringify({ roomId: 'room-1' }) }));
  await expect(start()).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 }); // no such room yet
  videosdk.startSession('room-1', [{ participantId: 'ana', name: 'Ana' }]);
  videosdk.fail({ path: '/v2/recordings/start', retryAfter: 0 });
  expect(await (await start()).json()).toEqual({ message: 'Recording started successfully' });
  expect(videosdk.requests.map((r) => r.status)).toEqual([404, 429, 200]);
  expect(videosdk.state.recordings).toHaveLength(1);
});

test('a signed webhook reaches onEvent; a forged one is refused', async () => {
  const { app, signer, events } = await setUp();
  const url = 'https://app.test/webhooks/videosdk';
  const body = signer.event('recording-stopped', { meetingId: 'room-1' });
  expect((await app.fetch(await signer.request(body, { url }))).status).toBe(200);
  expect(events[0].data.meetingId).toBe('room-1');
  const forger = await createWebhookSigner();
  expect((await app.fetch(await forger.request(body, { url }))).status).toBe(401);
});
