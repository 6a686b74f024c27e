// wrangler, run as the package's benches and checks run it, and its own figure for what a Worker
// uploads ("Total Upload: … KiB / gzip: … KiB" from `wrangler deploy --dry-run`): shared by
// `make size-check` (scripts/size-check.mjs) and `make bench` (benches/main.mjs, the workerd
// driver), so that both read the same figure the same way.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs wrangler from node_modules with no metrics and no colour; returns its standard output. */
export function wrangler(args) {
  return execFileSync(process.execPath, [`${root}node_modules/wrangler/bin/wrangler.js`, ...args], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Bundles the Worker of `config` into a fresh `outdir` (a stale .wasm from an earlier build
 * would be counted) and returns wrangler's upload figure in KiB, raw and gzip. A relative
 * `outdir` is taken from the repository's root: wrangler would take it from the config's folder,
 * and the folder emptied would not be the one written.
 */
export function uploadSize(config, outdir, { minify = false } = {}) {
  outdir = resolve(root, outdir);
  rmSync(outdir, { recursive: true, force: true });
  const out = wrangler(['deploy', '--dry-run', ...(minify ? ['--minify'] : []), '--outdir', outdir, '--config', config]);
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(out);
  if (!m) throw new Error(`no "Total Upload" line from wrangler:\n${out}`);
  return { kib: Number(m[1]), gzipKib: Number(m[2]) };
}
