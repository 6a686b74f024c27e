// Every example boots and answers a token request that verifies:
// - examples/cloudflare-worker under `wrangler dev` (workerd, local only, no login, no network),
//   serving the debugger page as `make demo` does, with `frame-ancestors 'none'` (www/_headers);
// - examples/deno under `deno run` with the narrowest permissions (none to read files);
// - its token handler as a Supabase Edge Function and a Netlify Edge Function (examples/supabase,
//   examples/netlify-edge), on plain Deno since their CLIs cannot download their runtimes here.
// The Worker and the Deno server also create and validate a room end to end through
// handleRoomRequest against the stand-in of VideoSDK's API (videosdk-token/testing, served by tests/support/stand-in/), which
// checks their requests, and their /webhooks/videosdk route answers 401 to a forged webhook and
// 200 to one signed with the test's own key (pinned through VIDEOSDK_WEBHOOK_PUBLIC_KEY, never
// VideoSDK's real one).
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyToken } from 'videosdk-token';
import { freePort, QUIET_WRANGLER, start } from './support/processes.mjs';
import { startStandIn } from './support/stand-in/videosdk-api.mjs';
import { crateVersion } from '../scripts/version.mjs';
import { demoAssets } from '../examples/demo-assets.mjs';

const API_KEY = 'examples-test-key';
const SECRET = randomBytes(32).toString('hex');
const BEARER = randomBytes(16).toString('hex');
const WEBHOOK_KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });
const WEBHOOK_PEM = WEBHOOK_KEYS.publicKey.export({ type: 'spki', format: 'pem' });

/** Starts the server `command(port)` names ([cmd, args, options]) and asks it for a token. */
async function check(name, command, { path = '/api/token', full = false, page = false } = {}) {
  const port = await freePort();
  const server = start(...command(port));
  const base = `http://127.0.0.1:${port}${path}`;
  try {
    await server.waitFor(base, 30);
    const denied = await fetch(`${base}?roomId=r1`);
    if (denied.status !== 401) throw new Error(`without a bearer: ${denied.status}`);
    const response = await fetch(`${base}?roomId=r1&participantId=u1`, {
      headers: { Authorization: `Bearer ${BEARER}` },
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`with the bearer: ${response.status} ${text}`);
    const claims = verifyToken(JSON.parse(text).token, SECRET, { apiKey: API_KEY, roomId: 'r1', participantId: 'u1' });
    if (JSON.stringify(claims.roles) !== '["rtc"]') throw new Error(`roles ${JSON.stringify(claims.roles)}, expected ["rtc"]`);
    if (server.log().includes(SECRET)) throw new Error('the secret appears in the server log');
    console.log(`ok ${name}: 401 without a bearer, 200 with it, token verifies (room ${claims.roomId}, roles ${claims.roles})`);
    if (page) {
      await checkPage(`http://127.0.0.1:${port}/`);
      console.log(`ok ${name}: the page is served with frame-ancestors 'none'`);
    }
    if (full) {
      await checkWebhooks(`http://127.0.0.1:${port}/webhooks/videosdk`);
      await checkRooms(`http://127.0.0.1:${port}/api/rooms`);
      if (server.log().includes(SECRET)) throw new Error('the secret appears in the server log');
      console.log(`ok ${name}: webhooks 401 forged, 200 signed; handleRoomRequest at /api/rooms: 403 without the bearer, create 201, validate 200, a caller's webhook 400, an action off 404 (stand-in API)`);
    }
    return true;
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message}`);
    return false;
  } finally {
    await server.stop('SIGINT');
  }
}

/**
 * The page as `make demo` serves it (the same assets folder): another origin may not frame it, and
 * only a header can say so (a <meta> CSP cannot set frame-ancestors).
 */
async function checkPage(url) {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200 || !/<title>/i.test(text)) throw new Error(`the page: ${response.status} ${text.slice(0, 200)}`);
  const csp = response.headers.get('Content-Security-Policy') ?? '';
  if (!/(^|;)\s*frame-ancestors 'none'\s*(;|$)/.test(csp)) throw new Error(`the page's Content-Security-Policy is ${JSON.stringify(csp)}, without frame-ancestors 'none'`);
  if (response.headers.get('X-Frame-Options') !== 'DENY') throw new Error(`the page's X-Frame-Options is ${response.headers.get('X-Frame-Options')}`);
}

/** The webhook route: a forged signature is a 401, a webhook signed with the pinned key a 200. */
async function checkWebhooks(url) {
  const body = Buffer.from('{"webhookType":"recording-stopped","data":{"meetingId":"jvsg-8rjn-j304","sessionId":"s1","fileUrl":"https://cdn.videosdk.live/r.mp4"}}');
  const post = (signature) => fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'videosdk-signature': signature } });
  const forged = await post(randomBytes(256).toString('base64'));
  if (forged.status !== 401) throw new Error(`a forged webhook: ${forged.status} ${await forged.text()}`);
  const signed = await post(sign('sha256', body, WEBHOOK_KEYS.privateKey).toString('base64'));
  const text = await signed.text();
  if (signed.status !== 200 || JSON.parse(text).received !== true) throw new Error(`a signed webhook: ${signed.status} ${text}`);
}

/**
 * The room routes (handleRoomRequest with room.create and room.validate): 403 without the bearer;
 * create (201, only roomId and customRoomId, the server's room settings), validate, an unknown
 * room, a caller-chosen webhook (400), an action that is off (404).
 */
async function checkRooms(base) {
  const auth = { Authorization: `Bearer ${BEARER}` };
  const before = standIn.requests.length;
  const denied = await fetch(base, { method: 'POST' });
  if (denied.status !== 403) throw new Error(`POST /api/rooms without a bearer: ${denied.status}`);
  const created = await fetch(base, { method: 'POST', headers: auth });
  const room = await created.json();
  if (created.status !== 201 || !/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/.test(room.roomId)
    || JSON.stringify(Object.keys(room)) !== '["roomId","customRoomId"]') {
    throw new Error(`POST /api/rooms: ${created.status} ${JSON.stringify(room)}`);
  }
  const custom = await fetch(base, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ customRoomId: 'examples-room' }) });
  if ((await custom.json()).customRoomId !== 'examples-room') throw new Error(`POST /api/rooms with customRoomId: ${custom.status}`);
  for (const [id, valid] of [[room.roomId, true], ['examples-room', true], ['none-none-none', false]]) {
    const answer = await fetch(`${base}/${id}/validate`, { headers: auth });
    const body = await answer.json();
    if (answer.status !== 200 || body.valid !== valid) throw new Error(`validate ${id}: ${answer.status} ${JSON.stringify(body)}`);
  }
  const webhook = await fetch(base, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ webhook: { endPoint: 'https://evil.example' } }) });
  if (webhook.status !== 400) throw new Error(`a caller-chosen webhook: ${webhook.status}`);
  const off = await fetch(`${base}/${room.roomId}/recording`, { method: 'POST', headers: auth });
  if (off.status !== 404) throw new Error(`recording.start, which the example leaves off: ${off.status}`);
  const made = standIn.state.rooms.find((r) => r.roomId === room.roomId);
  if (JSON.stringify(made?.autoCloseConfig) !== '{"type":"session-ends"}') throw new Error(`the server's room settings: ${JSON.stringify(made)}`);
  const seen = standIn.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`);
  const expected = ['POST /v2/rooms 200', 'POST /v2/rooms 200', `GET /v2/rooms/validate/${room.roomId} 200`,
    'GET /v2/rooms/validate/examples-room 200', 'GET /v2/rooms/validate/none-none-none 404'];
  if (JSON.stringify(seen) !== JSON.stringify(expected)) throw new Error(`the stand-in saw ${JSON.stringify(seen)}`);
}

const standIn = await startStandIn({ apiKey: API_KEY, secret: SECRET });
const standInHost = new URL(standIn.url).host;

mkdirSync('target/examples-test', { recursive: true });
const envFile = resolve('target/examples-test/.dev.vars');
// The webhook key as one line with \n escapes, as a PEM is usually pasted into an env file.
const pemLine = WEBHOOK_PEM.trim().replace(/\n/g, '\\n');
writeFileSync(envFile, `VIDEOSDK_API_KEY=${API_KEY}\nVIDEOSDK_SECRET=${SECRET}\nTOKEN_ENDPOINT_BEARER=${BEARER}\n` +
  `VIDEOSDK_WEBHOOK_PUBLIC_KEY="${pemLine}"\n`);

const results = [];
results.push(await check('examples/cloudflare-worker (wrangler dev)', (port) => [process.execPath, [
  resolve('node_modules/wrangler/bin/wrangler.js'), 'dev', '--ip', '127.0.0.1', '--port', String(port),
  '--env-file', envFile, '--var', `VIDEOSDK_API_BASE:${standIn.url}`, '--persist-to', resolve('target/examples-test/wrangler-state'),
  '--inspector-port', String(port + 1), '--show-interactive-dev-session=false', '--log-level', 'warn',
  '--assets', demoAssets(`${resolve('.')}/`),
], { cwd: 'examples/cloudflare-worker', env: { ...process.env, ...QUIET_WRANGLER } }], { full: true, page: true }));

const ENDPOINT_ENV = 'VIDEOSDK_API_KEY,VIDEOSDK_SECRET,TOKEN_ENDPOINT_BEARER,CORS_ORIGINS';
const denoEnv = (port) => ({
  ...process.env, PORT: String(port), DENO_DIR: resolve('target/deno-cache'), DENO_NO_UPDATE_CHECK: '1',
  VIDEOSDK_API_KEY: API_KEY, VIDEOSDK_SECRET: SECRET, TOKEN_ENDPOINT_BEARER: BEARER,
});
results.push(await check('examples/deno (deno run)', (port) => [resolve('node_modules/.bin/deno'), [
  'run', '--no-prompt', `--allow-net=0.0.0.0:${port},${standInHost}`,
  `--allow-env=PORT,${ENDPOINT_ENV},VIDEOSDK_WEBHOOK_PUBLIC_KEY,VIDEOSDK_API_BASE`, 'main.js',
], {
  cwd: 'examples/deno',
  env: { ...denoEnv(port), VIDEOSDK_API_BASE: standIn.url, VIDEOSDK_WEBHOOK_PUBLIC_KEY: WEBHOOK_PEM },
}], { full: true }));

// Supabase runs index.js as is and routes /functions/v1/videosdk-token to it with the path
// /videosdk-token; DENO_SERVE_ADDRESS puts its Deno.serve() on the test's port. The function's
// deno.json maps videosdk-token to npm:videosdk-token; --node-modules-dir=manual takes that from
// node_modules (the packed package), where Supabase would fetch it from npm.
results.push(await check('examples/supabase (its function on plain Deno)', (port) => [resolve('node_modules/.bin/deno'), [
  'run', '--no-prompt', '--node-modules-dir=manual', `--allow-net=127.0.0.1:${port}`, `--allow-env=${ENDPOINT_ENV}`,
  'examples/supabase/supabase/functions/videosdk-token/index.js',
], { env: { ...denoEnv(port), DENO_SERVE_ADDRESS: `tcp:127.0.0.1:${port}` } }], { path: '/videosdk-token' }));

results.push(await check('examples/netlify-edge (its function on plain Deno)', (port) => [resolve('node_modules/.bin/deno'), [
  'run', '--no-prompt', `--allow-net=127.0.0.1:${port}`, `--allow-env=PORT,${ENDPOINT_ENV}`,
  'tests/hosts/netlify-edge.mjs',
], { env: denoEnv(port) }]));

// Each host's dependency declaration asks for the version this repository builds.
const version = crateVersion(); // Cargo.toml's: the package's one version
const wanted = {
  'examples/supabase/supabase/functions/videosdk-token/deno.json': (j) => j.imports['videosdk-token'] === `npm:videosdk-token@^${version}`,
  'examples/netlify-edge/package.json': (j) => j.dependencies['videosdk-token'] === `^${version}`,
  'examples/deno/package.json': (j) => j.dependencies['videosdk-token'] === `^${version}`,
};
for (const [file, ok] of Object.entries(wanted)) {
  const good = ok(JSON.parse(readFileSync(file, 'utf8')));
  console.log(`${good ? 'ok' : 'FAIL'} ${file} depends on videosdk-token ^${version}`);
  results.push(good);
}

await standIn.close();
const failed = results.filter((ok) => !ok).length;
console.log(`examples: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
