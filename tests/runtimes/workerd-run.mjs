// What the workerd runners share: wrangler bundles a test worker (`deploy --dry-run --outdir`, no
// network, no login), miniflare runs the bundle with its .wasm as a CompiledWasm module, as
// Cloudflare does, and the worker's answer `{ lines, failed }` is printed. Needs Node >= 22.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { Miniflare } from 'miniflare';

const COMPATIBILITY_DATE = '2025-09-01';

/**
 * Bundles `entry` into `outdir`, runs it with the extra Miniflare `options` (bindings, services),
 * prints its lines and returns how many cases failed (1 when the worker did not answer).
 */
export async function runWorker({ entry, outdir, name, label, options = {} }) {
  rmSync(outdir, { recursive: true, force: true });
  execFileSync(process.execPath, [
    'node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', outdir,
    '--name', name, '--compatibility-date', COMPATIBILITY_DATE, entry,
  ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });

  const wasm = readdirSync(outdir).filter((f) => f.endsWith('.wasm'));
  const mf = new Miniflare({
    modules: [
      { type: 'ESModule', path: `${outdir}/${basename(entry).replace(/\.mjs$/, '.js')}` },
      ...wasm.map((f) => ({ type: 'CompiledWasm', path: `${outdir}/${f}` })),
    ],
    modulesRoot: outdir,
    compatibilityDate: COMPATIBILITY_DATE,
    ...options,
  });
  try {
    const response = await mf.dispatchFetch('http://localhost/');
    const result = await response.json();
    for (const line of result.lines) console.log(line);
    return result.failed;
  } catch (error) {
    console.log(`FAIL ${label}: the test worker did not answer\n    ${error?.stack ?? error}`);
    return 1;
  } finally {
    await mf.dispose();
  }
}
