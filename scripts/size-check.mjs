// `make size-check`: the minimal Worker that signs, verifies and decodes (benches/size/ours.mjs)
// must upload at most BUDGET_KIB gzip, by wrangler's own figure ("Total Upload: … / gzip: …"
// from `wrangler deploy --dry-run`), so that no change grows the Worker unnoticed. A size, not a
// timing: it does not vary between runs. Prints the figure and the wasm's own size.
// Runs on Node >= 22 (wrangler needs it).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { uploadSize } from '../benches/size/upload.mjs';

const BUDGET_KIB = Number(process.env.SIZE_BUDGET_KIB ?? 32);
const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}target/size-check`;
const upload = uploadSize(`${root}benches/size/wrangler-ours.toml`, outdir);
const wasmFile = readdirSync(outdir).find((f) => f.endsWith('.wasm'));
const wasm = readFileSync(`${outdir}/${wasmFile}`);
const js = readFileSync(`${outdir}/ours.js`);
const kib = (n) => (n / 1024).toFixed(1);
console.log(`size-check: minimal Worker upload ${upload.kib} KiB, gzip ${upload.gzipKib} KiB (budget ${BUDGET_KIB} KiB gzip); ` +
  `wasm ${kib(wasm.length)} KiB raw, ${kib(gzipSync(wasm, { level: 9 }).length)} KiB gzip; ` +
  `JS ${kib(js.length)} KiB raw, ${kib(gzipSync(js, { level: 9 }).length)} KiB gzip`);
// explainJoinError and VideoSDK's join error table are exported beside the token calls: a
// Worker that does not call it must not carry them (the table is text: its names show it).
if (js.includes('UNAUTHORIZED_ROOM_ID') || js.includes('explainJoinError')) {
  console.error('size-check: the minimal Worker carries explainJoinError or the join error table; it must shake them out');
  process.exit(1);
}
if (upload.gzipKib > BUDGET_KIB) {
  console.error(`size-check: ${upload.gzipKib} KiB gzip is over the ${BUDGET_KIB} KiB budget`);
  process.exit(1);
}
