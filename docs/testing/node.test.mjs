// node --test: the token endpoint, the REST calls and the webhook handler, offline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
  assert.equal((await app.fetch(new Request(url))).status, 401);
  const response = await app.fetch(new Request(url, { headers: { authorization: 'Bearer let-me-in' } }));
  const { token } = await response.json();
  const claims = verifyToken(token, env.VIDEOSDK_SECRET, { apiKey: env.VIDEOSDK_API_KEY, roomId: 'room-1' });
  assert.deepEqual(claims.roles, ['rtc']);
});

test('a recording starts once the room has a live session; a 429 is retried', async () => {
  const { app, videosdk } = await setUp();
  const start = () => app.fetch(new Request('https://app.test/api/recordings', { method: 'POST', body: JSON.stringify({ roomId: 'room-1' }) }));
  await assert.rejects(start(), { code: 'NOT_FOUND', status: 404 }); // no such room yet
  videosdk.startSession('room-1', [{ participantId: 'ana', name: 'Ana' }]);
  videosdk.fail({ path: '/v2/recordings/start', retryAfter: 0 });
  assert.deepEqual(await (await start()).json(), { message: 'Recording started successfully' });
  assert.deepEqual(videosdk.requests.map((r) => r.status), [404, 429, 200]);
  assert.equal(videosdk.state.recordings.length, 1);
});

test('a signed webhook reaches onEvent; a forged one is refused', async () => {
  const { app, signer, events } = await setUp();
  const url = 'https://app.test/webhooks/videosdk';
  const body = signer.event('recording-stopped', { meetingId: 'room-1' });
  assert.equal((await app.fetch(await signer.request(body, { url }))).status, 200);
  assert.equal(events[0].data.meetingId, 'room-1');
  const forger = await createWebhookSigner();
  assert.equal((await app.fetch(await forger.request(body, { url }))).status, 401);
});
