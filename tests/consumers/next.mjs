// Next.js 16 as a user builds it: the app in tests/consumers/next (an Edge route that signs,
// Edge middleware that verifies, a Node route that signs), copied with the packed package
// installed as a copy into target/consumers/next by `make`, built with one bundler, served by
// `next start` on 127.0.0.1 and asked for tokens that must verify.
// Usage: node tests/consumers/next.mjs turbopack|webpack
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verifyToken } from 'videosdk-token';
import { freePort, run, start } from '../support/processes.mjs';
import { report } from './lib.mjs';

const variant = process.argv[2];
if (!['turbopack', 'webpack'].includes(variant)) throw new Error('usage: next.mjs turbopack|webpack');
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
const checks = [
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
    // Every copy in the build: the Edge binding(s) above, plus at most one for the Node server.
    const copies = files(dist).filter((p) => p.endsWith('.wasm') && readFileSync(p).equals(ourWasm))
      .map((p) => p.slice(dist.length + 1));
    const others = copies.filter((p) => !bound.has(p));
    if (others.length > 1 || others.some((p) => p.startsWith('static/'))) {
      throw new Error(`copies of the wasm beyond the Edge binding: ${others.join(', ')}`);
    }
  }],
  ['next start serves on 127.0.0.1', async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = start(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(port)], {
      cwd: app, env: { ...env, VIDEOSDK_API_KEY: API_KEY, VIDEOSDK_SECRET: SECRET },
    });
    await server.waitFor(`${base}/`);
  }],
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
  ['the secret appears nowhere in the server log', () => {
    if (server.log().includes(SECRET)) throw new Error('the secret is in the log');
  }],
];

try {
  await report(name, checks, { steps: true });
} finally {
  await server?.stop();
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
