// `make size-check`: the minimal Worker that signs, verifies and decodes (benches/size/ours.mjs)
// must upload at most BUDGET_KIB gzip, by wrangler's own figure ("Total Upload: … / gzip: …"
// from `wrangler deploy --dry-run`), so that no change grows the Worker unnoticed. A size, not a
// timing: it does not vary between runs. Prints the figure and the wasm's own size.
// Runs on Node >= 22 (wrangler needs it).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = Number(process.env.SIZE_BUDGET_KIB ?? 32);
const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}target/size-check`;
rmSync(outdir, { recursive: true, force: true });
const out = execFileSync(process.execPath, [`${root}node_modules/wrangler/bin/wrangler.js`, 'deploy', '--dry-run',
  '--outdir', outdir, '--config', `${root}benches/size/wrangler-ours.toml`], {
  cwd: root,
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(out);
if (!m) throw new Error(`no "Total Upload" line from wrangler:\n${out}`);
const wasmFile = readdirSync(outdir).find((f) => f.endsWith('.wasm'));
const wasm = readFileSync(`${outdir}/${wasmFile}`);
const js = readFileSync(`${outdir}/ours.js`);
const kib = (n) => (n / 1024).toFixed(1);
console.log(`size-check: minimal Worker upload ${m[1]} KiB, gzip ${m[2]} KiB (budget ${BUDGET_KIB} KiB gzip); ` +
  `wasm ${kib(wasm.length)} KiB raw, ${kib(gzipSync(wasm, { level: 9 }).length)} KiB gzip; ` +
  `JS ${kib(js.length)} KiB raw, ${kib(gzipSync(js, { level: 9 }).length)} KiB gzip`);
if (Number(m[2]) > BUDGET_KIB) {
  console.error(`size-check: ${m[2]} KiB gzip is over the ${BUDGET_KIB} KiB budget`);
  process.exit(1);
}
