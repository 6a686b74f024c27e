// Node only: VideoSDK's key endpoint played by a real HTTP server on 127.0.0.1, reached through
// the global fetch (apiBase), as a deployed function reaches api.videosdk.live. The server checks
// requests as the real endpoint would (GET on /v2/public/rsa-public-key, nothing else) and counts
// them. Keys and signatures are made here with node:crypto.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import { after, test } from 'node:test';
import { handleWebhookRequest, verifyWebhook, WebhookError } from 'videosdk-token';

const T0 = 1_700_000_000;
const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const first = pair();
const second = pair();
const body = Buffer.from('{"webhookType":"recording-stopped","data":{"meetingId":"jvsg-8rjn-j304","sessionId":"613731342f27f56e4fc4b6d0","filePath":"/encoded/videos/1.mp4","fileUrl":"https://cdn.videosdk.live/encoded/videos/1.mp4"}}');
const signedBy = (key, bytes = body) => sign('sha256', bytes, key.privateKey).toString('base64');

/** A key endpoint on 127.0.0.1: state.key is served as VideoSDK's API would, state.status overrides. */
async function keyEndpoint(key) {
  const state = { key, status: 200, requests: [], refused: [] };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/v2/public/rsa-public-key') {
      state.refused.push(`${req.method} ${req.url}`);
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    state.requests.push({ accept: req.headers.accept, body: req.headers['content-length'] });
    if (state.status !== 200) {
      res.writeHead(state.status, { 'Content-Type': 'application/json' }).end('{"error":"internal"}');
      return;
    }
    const pem = state.key.publicKey.export({ type: 'pkcs1', format: 'pem' });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ publicKey: pem }));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  state.apiBase = `http://127.0.0.1:${server.address().port}`;
  state.close = () => new Promise((ok) => server.close(ok));
  servers.push(state);
  return state;
}

const servers = [];
after(async () => {
  for (const s of servers) await s.close();
});

test('keyserver: one GET for the first webhook, the rest from the cache', async () => {
  const endpoint = await keyEndpoint(first);
  const options = { fetchPublicKey: true, apiBase: endpoint.apiBase, now: T0 };
  for (let i = 0; i < 10; i += 1) {
    const event = await verifyWebhook(body, signedBy(first), { ...options, now: T0 + i });
    assert.equal(event.webhookType, 'recording-stopped');
    assert.equal(event.data.fileUrl, 'https://cdn.videosdk.live/encoded/videos/1.mp4');
  }
  assert.equal(endpoint.requests.length, 1, '9 cache hits');
  assert.match(endpoint.requests[0].accept, /application\/json/);
  assert.deepEqual(endpoint.refused, []);
});

test('keyserver: one GET for 50 concurrent webhooks', async () => {
  const endpoint = await keyEndpoint(first);
  const sig = signedBy(first);
  const events = await Promise.all(Array.from({ length: 50 }, () =>
    verifyWebhook(body, sig, { fetchPublicKey: true, apiBase: endpoint.apiBase, now: T0 })));
  assert.equal(events.length, 50);
  assert.equal(endpoint.requests.length, 1);
});

test('keyserver: one GET for 50 concurrent webhooks through handleWebhookRequest', async () => {
  const endpoint = await keyEndpoint(first);
  const sig = signedBy(first);
  let calls = 0;
  const answers = await Promise.all(Array.from({ length: 50 }, () => handleWebhookRequest(
    new Request('https://app.example/webhooks/videosdk', { method: 'POST', body, headers: { 'videosdk-signature': sig } }),
    { fetchPublicKey: true, apiBase: endpoint.apiBase, onEvent: () => { calls += 1; } },
  )));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
  assert.equal(calls, 50);
  assert.equal(endpoint.requests.length, 1);
});

test('keyserver: VideoSDK rotates its key: refetched once a minute after the cached fetch', async () => {
  const endpoint = await keyEndpoint(first);
  const at = (s) => ({ fetchPublicKey: true, apiBase: endpoint.apiBase, now: T0 + s });
  await verifyWebhook(body, signedBy(first), at(0));
  endpoint.key = second;
  await assert.rejects(verifyWebhook(body, signedBy(second), at(20)), { code: 'SIGNATURE_INVALID' });
  assert.equal(endpoint.requests.length, 1, 'no refetch 20 s after the fetch');
  const event = await verifyWebhook(body, signedBy(second), at(80));
  assert.equal(event.webhookType, 'recording-stopped');
  assert.equal(endpoint.requests.length, 2, 'one refetch');
  // Forgeries (signed by the old key, now wrong) do not cause more requests within the minute.
  for (let i = 0; i < 30; i += 1) {
    await assert.rejects(verifyWebhook(body, signedBy(first), at(81 + i)), { code: 'SIGNATURE_INVALID' });
  }
  assert.equal(endpoint.requests.length, 2);
});

test('keyserver: a 500 from the key server is KEY_FETCH_FAILED, and a 503 from handleWebhookRequest', async () => {
  const endpoint = await keyEndpoint(first);
  endpoint.status = 500;
  const at = (s) => ({ fetchPublicKey: true, apiBase: endpoint.apiBase, now: T0 + s });
  const error = await verifyWebhook(body, signedBy(first), at(0)).then(
    () => assert.fail('expected KEY_FETCH_FAILED'),
    (e) => e,
  );
  assert.ok(error instanceof WebhookError);
  assert.equal(error.code, 'KEY_FETCH_FAILED');
  assert.equal(error.status, 500);
  let called = false;
  const response = await handleWebhookRequest(
    new Request('https://app.example/webhooks/videosdk', { method: 'POST', body, headers: { 'videosdk-signature': signedBy(first) } }),
    { ...at(30), onEvent: () => { called = true; } },
  );
  assert.equal(response.status, 503);
  assert.equal((await response.json()).error.code, 'KEY_FETCH_FAILED');
  assert.equal(called, false);
  assert.equal(endpoint.requests.length, 1, 'no key yet, but the failure counts: not asked again within the minute');
  endpoint.status = 200;
  assert.equal((await verifyWebhook(body, signedBy(first), at(60))).webhookType, 'recording-stopped');
  assert.equal(endpoint.requests.length, 2, 'asked again a minute after the failure');
});

test('keyserver: a key server that is not listening is KEY_FETCH_FAILED', async () => {
  const endpoint = await keyEndpoint(first);
  await endpoint.close();
  servers.splice(servers.indexOf(endpoint), 1);
  await assert.rejects(
    verifyWebhook(body, signedBy(first), { fetchPublicKey: true, apiBase: endpoint.apiBase }),
    (e) => e instanceof WebhookError && e.code === 'KEY_FETCH_FAILED' && e.message.includes(endpoint.apiBase),
  );
});

test('keyserver: a redirect from the key endpoint is never followed: the target\'s key signs nothing here', async () => {
  const target = await keyEndpoint(second);
  const redirecting = createServer((req, res) => {
    redirected.push(req.url);
    res.writeHead(302, { Location: `${target.apiBase}/v2/public/rsa-public-key` }).end();
  });
  const redirected = [];
  await new Promise((ok) => redirecting.listen(0, '127.0.0.1', ok));
  try {
    const apiBase = `http://127.0.0.1:${redirecting.address().port}`;
    await assert.rejects(
      verifyWebhook(body, signedBy(second), { fetchPublicKey: true, apiBase }),
      (e) => e instanceof WebhookError && e.code === 'KEY_FETCH_FAILED' && /redirect/.test(e.message),
    );
    assert.equal(redirected.length, 1, 'the key endpoint was asked');
    assert.equal(target.requests.length, 0, 'the redirect\'s target never was');
  } finally {
    await new Promise((ok) => redirecting.close(ok));
  }
});
