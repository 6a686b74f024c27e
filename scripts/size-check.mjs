// `make size-check`: the minimal Worker that signs, verifies and decodes (benches/size/ours.mjs)
// must upload at most BUDGET_KIB gzip, by wrangler's own figure ("Total Upload: … / gzip: …"
// from `wrangler deploy --dry-run`), so that no change grows the Worker unnoticed. A size, not a
// timing: it does not vary between runs. Prints the figure and the wasm's own size. The
// webhook-only Worker (benches/size/webhooks.mjs: `videosdk-token/webhooks` alone) is held the
// same way to WEBHOOK_BUDGET_KIB, with no .wasm at all; both figures are printed before either is
// judged. Runs on Node >= 22 (wrangler needs it).
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

const WEBHOOK_BUDGET_KIB = Number(process.env.WEBHOOK_BUDGET_KIB ?? 9);
const webhookDir = `${root}target/size-check-webhooks`;
const webhook = uploadSize(`${root}benches/size/wrangler-webhooks.toml`, webhookDir);
const webhookWasm = readdirSync(webhookDir).filter((f) => f.endsWith('.wasm'));
console.log(`size-check: webhook-only Worker upload ${webhook.kib} KiB, gzip ${webhook.gzipKib} KiB (budget ${WEBHOOK_BUDGET_KIB} KiB gzip)`);

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
// The webhook entry loads no wasm (the layer check keeps it so); its Worker must not upload any.
if (webhookWasm.length > 0) {
  console.error(`size-check: the webhook-only Worker uploads wasm (${webhookWasm.join(', ')}); it must load none`);
  process.exit(1);
}
if (!(webhook.gzipKib <= WEBHOOK_BUDGET_KIB)) {
  console.error(`size-check: the webhook-only Worker's ${webhook.gzipKib} KiB gzip is over its ${WEBHOOK_BUDGET_KIB} KiB budget ` +
    '(what it holds: target/size-check-webhooks/webhooks.js)');
  process.exit(1);
}
