// Next.js 16 as a user builds it: the app in tests/consumers/next, copied with the packed package
// installed as a copy into target/consumers/next by `make`. Every layer that imports the package:
// an Edge route that signs, Edge middleware that verifies, a Node route that signs, a Server
// Component page that signs, a client component (rendered on the server, then in the browser)
// that decodes with the main entry and makes its token provider at module scope, and a Server
// Action that signs. Built with one bundler and served by `next start` on 127.0.0.1, or served by
// `next dev` (Turbopack) with the page checks only; the browser half runs in Chromium.
// Usage: node tests/consumers/next.mjs turbopack|webpack|dev
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signToken, verifyToken } from 'videosdk-token';
import { freePort, run, start } from '../support/processes.mjs';
import { report } from './lib.mjs';

const variant = process.argv[2];
if (!['turbopack', 'webpack', 'dev'].includes(variant)) throw new Error('usage: next.mjs turbopack|webpack|dev');
const app = resolve('target/consumers/next');
const distDir = `.next-${variant}`;
const dist = join(app, distDir);
const API_KEY = 'next-consumer-key';
const SECRET = randomBytes(32).toString('hex');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir };
const next = join(app, 'node_modules/next/dist/bin/next');
const name = `next (${variant})`;
const ourWasm = readFileSync(join(app, 'node_modules/videosdk-token/videosdk_token_bg.wasm'));

let server;
let base;
const built = [
  [`next build${variant === 'webpack' ? ' --webpack' : ''}`, async () => {
    await run(process.execPath, [next, 'build', ...(variant === 'webpack' ? ['--webpack'] : [])], { cwd: app, env });
  }],
  ['each Edge function (route, middleware) binds the wasm once and ships no other copy', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'server/middleware-manifest.json'), 'utf8'));
    const fns = { ...manifest.middleware, ...manifest.functions };
    const names = Object.values(fns).map((f) => f.name).sort();
    if (names.join() !== 'app/api/edge/route,middleware') throw new Error(`edge functions: ${names.join(', ')}`);
    const bound = new Set();
    for (const f of Object.values(fns)) {
      const ours = (f.wasm ?? []).filter((w) => readFileSync(join(dist, w.filePath)).equals(ourWasm));
      if (ours.length !== 1) throw new Error(`${f.name} binds our wasm ${ours.length} times`);
      bound.add(ours[0].filePath);
      const shipped = [...(f.files ?? []), ...(f.assets ?? []).map((a) => a.filePath)].filter((p) => p.endsWith('.wasm'));
      if (shipped.length) throw new Error(`${f.name} also ships ${shipped.join(', ')}`);
    }
    // Every other copy in the build: one for the browser (the client component's `browser` entry
    // fetches it), none for the Node server (the `node` entry carries the bytes in its code).
    const copies = files(dist).filter((p) => p.endsWith('.wasm') && readFileSync(p).equals(ourWasm))
      .map((p) => p.slice(dist.length + 1));
    const others = copies.filter((p) => !bound.has(p));
    if (others.length !== 1 || !others[0].startsWith('static/')) {
      throw new Error(`copies of the wasm beyond the Edge bindings: ${others.join(', ') || 'none'}; expected one under static/`);
    }
  }],
  ['next start serves on 127.0.0.1', () => serve('start')],
];

const routes = [
  ['the Edge route signs a token that verifies', async () => {
    const body = await json(`/api/edge?roomId=edge-room`, 200);
    if (body.runtime !== 'edge') throw new Error(`runtime ${body.runtime}`);
    verifyToken(body.token, SECRET, { apiKey: API_KEY, roomId: 'edge-room' });
  }],
  ['the Node route signs a token that verifies', async () => {
    const body = await json(`/api/node?roomId=node-room`, 200);
    if (body.runtime !== 'nodejs') throw new Error(`runtime ${body.runtime}`);
    verifyToken(body.token, SECRET, { apiKey: API_KEY, roomId: 'node-room' });
  }],
  ['Edge middleware verifies a good token and refuses others with their code', async () => {
    const { token } = await json('/api/node?roomId=mw-room', 200);
    const ok = await json('/api/verified', 200, { Authorization: `Bearer ${token}` });
    if (ok.runtime !== 'middleware' || ok.claims.roomId !== 'mw-room' || ok.claims.apikey !== API_KEY) {
      throw new Error(`claims ${JSON.stringify(ok)}`);
    }
    const [head, payload] = token.split('.');
    const forged = await json('/api/verified', 401, { Authorization: `Bearer ${head}.${payload}.${'A'.repeat(43)}` });
    if (forged.error.code !== 'INVALID_SIGNATURE') throw new Error(`forged: ${JSON.stringify(forged)}`);
    const none = await json('/api/verified', 401);
    if (none.error.code !== 'MALFORMED') throw new Error(`no token: ${JSON.stringify(none)}`);
  }],
];

const pages = [
  ['a Server Component page signs a token that verifies', async () => {
    const html = await text('/signed?roomId=rsc-room');
    verifyToken(element(html, 'token'), SECRET, { apiKey: API_KEY, roomId: 'rsc-room' });
  }],
  ['the client component renders on the server: decodeToken, and its provider made at module scope', async () => {
    const room = element(await text(`/client?token=${clientToken()}`), 'server-room');
    if (room !== 'client-room') throw new Error(`server-room: ${room}`);
  }],
  ['in Chromium: the provider gets a token, decodeToken reads it, a Server Action signs one', inChromium],
];

const checks = variant === 'dev'
  ? [['next dev serves on 127.0.0.1', () => serve('dev')], ...pages]
  : [...built, ...routes, ...pages];
checks.push(['the secret appears nowhere in the server log', () => {
  if (server.log().includes(SECRET)) throw new Error('the secret is in the log');
}]);

try {
  await report(name, checks, { steps: true });
} finally {
  await server?.stop();
}

async function serve(command) {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = start(process.execPath, [next, command, '-H', '127.0.0.1', '-p', String(port)], {
    cwd: app, env: { ...env, VIDEOSDK_API_KEY: API_KEY, VIDEOSDK_SECRET: SECRET },
  });
  await server.waitFor(`${base}/`, 120);
}

/** The client page hydrated in Chromium: what its provider and the Server Action hand back. */
async function inChromium() {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? process.env.CHROMIUM_PATH;
  if (!chromium) throw new Error('no Chromium (make chromium installs it)');
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The browser asks for /favicon.ico, which the app has not: that 404 is no error of the page's.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) errors.push(`${m.text()} (${m.location().url})`);
    });
    await page.goto(`${base}/client?token=${clientToken()}`);
    const filled = async (id) => {
      const handle = await page.waitForFunction((i) => document.getElementById(i)?.textContent, id, { timeout: 60000 })
        .catch(() => { throw new Error(`#${id} stayed empty${errors.length ? `: ${errors.join('; ')}` : ''}`); });
      return handle.jsonValue();
    };
    const [room, fetched] = (await filled('provider')).split(' ');
    if (room !== 'provider-room') throw new Error(`the provider's token: ${room} ${fetched ?? ''}`);
    verifyToken(fetched, SECRET, { apiKey: API_KEY, roomId: 'provider-room', participantId: 'next-user' });
    await page.click('#sign');
    verifyToken(await filled('action'), SECRET, { apiKey: API_KEY, roomId: 'action-room' });
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  } finally {
    await browser.close();
  }
}

/** What the client page decodes: a token signed here, so that page tests the client component alone. */
function clientToken() {
  return signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], roomId: 'client-room', expiresIn: '10m' });
}

async function text(path) {
  const response = await fetch(`${base}${path}`);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/** The text of the element with this id in server-rendered HTML. */
function element(html, id) {
  const found = html.match(new RegExp(`<p id="${id}">([^<]*)</p>`));
  if (!found) throw new Error(`no <p id="${id}"> in the page: ${html.slice(0, 300)}`);
  return found[1];
}

async function json(path, status, headers = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  const text = await response.text();
  if (response.status !== status) throw new Error(`GET ${path}: ${response.status}, expected ${status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
