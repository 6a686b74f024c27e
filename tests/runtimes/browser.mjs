// Browsers: builds tests/runtimes/browser/ with Vite (the package through its `browser`
// condition), then runs that build, the same page on Vite's dev server, and a no-bundler page
// using `videosdk-token/web` in headless Chromium (playwright-core with the system Chromium). Without a Chromium, only the Vite build
// is checked and the run is reported as skipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { build, createServer as createViteServer } from 'vite';

const root = resolve('.');
const outDir = resolve('target/vite-test');
await build({
  root: 'tests/runtimes/browser',
  base: '/vite/',
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, rollupOptions: { input: 'tests/runtimes/browser/index.html' } },
});

let failed = 0;
const assets = readdirSync(join(outDir, 'assets'));
const wasmAssets = assets.filter((f) => f.endsWith('.wasm'));
if (wasmAssets.length !== 1) {
  console.log(`FAIL browser (vite): the build emitted ${wasmAssets.length} .wasm files: ${assets.join(', ')}`);
  failed += 1;
}

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => existsSync(p)) ?? process.env.CHROMIUM_PATH;
if (!chromium) {
  console.log('SKIP browser: no Chromium found (set CHROMIUM_PATH); only the Vite build was checked');
  process.exit(failed > 0 ? 1 : 0);
}

// JSON modules (the webhook suite's vectors) load only when served as JSON.
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json',
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.startsWith('/vite/') ? join(outDir, path.slice(6)) : join(root, path);
  if (!(file.startsWith(outDir) || file.startsWith(root)) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const vite = await createViteServer({
  root: 'tests/runtimes/browser',
  logLevel: 'warn',
  // The package is a symlink into target/ here; in an app it sits inside the project anyway.
  server: { host: '127.0.0.1', port: 0, fs: { allow: [root] } },
});
await vite.listen();
const viteDev = `http://127.0.0.1:${vite.httpServer.address().port}`;

const { chromium: launcher } = await import('playwright-core');
const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox'] });
try {
  const pages = [
    ['browser (vite build)', `${origin}/vite/index.html`],
    ['browser (vite dev)', `${viteDev}/index.html`],
    ['browser (videosdk-token/web)', `${origin}/tests/runtimes/browser/web.html`],
  ];
  for (const [name, url] of pages) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${url}#${encodeURIComponent(name)}`);
      await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20000 });
      const result = await page.evaluate(async () => ({ ...(await window.__result), lines: window.__lines }));
      for (const line of result.lines) console.log(line);
      failed += result.failed;
    } catch (error) {
      console.log(`FAIL ${name}: the page did not run the suite: ${error.message}\n    ${errors.join('\n    ')}`);
      failed += 1;
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await vite.close();
}
process.exit(failed > 0 ? 1 : 0);
