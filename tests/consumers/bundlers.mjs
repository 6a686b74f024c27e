// esbuild and Rollup as docs/runtimes.md tells users to run them, on tests/consumers/bundlers/app.js,
// in target/consumers/bundlers (its dev dependencies and the packed package installed by `make`):
// - esbuild for browsers: `--bundle --format=esm`, the .wasm copied beside the bundle;
// - esbuild for Node: `--bundle --platform=node --format=esm`, nothing copied (the Node entry
//   carries the wasm's bytes in its code);
// - Rollup: @rollup/plugin-node-resolve and @web/rollup-plugin-import-meta-assets.
// The Node bundle runs in Node; the browser bundles run in headless Chromium, served from
// 127.0.0.1. Each must sign a token that verifies. Usage: node tests/consumers/bundlers.mjs
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { verifyToken } from 'videosdk-token';
import { run } from '../support/processes.mjs';
import { report } from './lib.mjs';

const dir = resolve('target/consumers/bundlers');
const out = join(dir, 'out');
const wasm = join(dir, 'node_modules/videosdk-token/videosdk_token_bg.wasm');
const esbuild = join(dir, 'node_modules/esbuild/bin/esbuild');
const SECRET = 'bundler-consumer-test-secret-'.padEnd(64, '0');
rmSync(out, { recursive: true, force: true });

function verify(result, where) {
  const claims = verifyToken(result.token, SECRET, { apiKey: 'bundled', roomId: 'bundled-room' });
  if (result.roomId !== claims.roomId) throw new Error(`${where}: decodeToken read ${result.roomId}`);
}

function wasmFiles(folder) {
  return readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith('.wasm'));
}

const pages = {};
await report('bundlers (consumer)', [
  ['esbuild --bundle --format=esm (browsers), the .wasm copied beside it: builds', async () => {
    await run(esbuild, ['app.js', '--bundle', '--format=esm', '--outdir=out/esbuild'], { cwd: dir });
    copyFileSync(wasm, join(out, 'esbuild/videosdk_token_bg.wasm'));
    copyFileSync(join(dir, 'index.html'), join(out, 'esbuild/index.html'));
    pages.esbuild = '/esbuild/index.html';
  }],
  ['esbuild --bundle --platform=node --format=esm, nothing copied: runs in Node', async () => {
    await run(esbuild, ['app.js', '--bundle', '--platform=node', '--format=esm', '--outfile=out/esbuild-node/app.mjs'], { cwd: dir });
    const files = readdirSync(join(out, 'esbuild-node'));
    if (files.join() !== 'app.mjs') throw new Error(`the Node bundle is more than app.mjs: ${files.join(', ')}`);
    verify(JSON.parse(await run(process.execPath, [join(out, 'esbuild-node/app.mjs')], { cwd: '/' })), 'esbuild (node)');
  }],
  ['Rollup with node-resolve and import-meta-assets: builds with one .wasm asset', async () => {
    await run(process.execPath, [join(dir, 'node_modules/rollup/dist/bin/rollup'), '-c', 'rollup.config.mjs'], { cwd: dir });
    const emitted = wasmFiles(join(out, 'rollup'));
    if (emitted.length !== 1) throw new Error(`Rollup emitted ${emitted.length} .wasm files: ${emitted.join(', ')}`);
    copyFileSync(join(dir, 'index.html'), join(out, 'rollup/index.html'));
    pages.rollup = '/rollup/index.html';
  }],
  ['the browser bundles sign tokens that verify, in Chromium', () => inChromium(pages)],
]);

async function inChromium(paths) {
  if (!Object.keys(paths).length) throw new Error('no browser bundle was built');
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? process.env.CHROMIUM_PATH;
  if (!chromium) throw new Error('no Chromium (make chromium installs it)');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const file = join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(out) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const [name, path] of Object.entries(paths)) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`http://127.0.0.1:${server.address().port}${path}`);
      const result = await page.waitForFunction(() => globalThis.__result, null, { timeout: 15000 })
        .then((h) => h.jsonValue())
        .catch(() => { throw new Error(`${name}: no result in the page${errors.length ? `: ${errors.join('; ')}` : ''}`); });
      verify(result, name);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}
