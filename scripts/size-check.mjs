// `make size-check`: two Workers must upload at most their budget, gzip, by wrangler's own figure
// ("Total Upload: … / gzip: …" from `wrangler deploy --dry-run`, not minified), so that no change
// grows either unnoticed. A size, not a timing: it does not vary between runs.
// - the minimal Worker that signs, verifies and decodes (benches/size/ours.mjs): SIZE_BUDGET_KIB;
//   the wasm's own size and the JS's are printed beside it;
// - the webhook-only Worker (benches/size/webhooks.mjs, `videosdk-token/webhooks` alone, no
//   wasm): WEBHOOK_BUDGET_KIB.
// Both figures are printed before either is judged. Runs on Node >= 22 (wrangler needs it).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { uploadSize } from '../benches/size/upload.mjs';

const budget = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a number of KiB, not ${process.env[name]}`);
  return value;
};
const BUDGET_KIB = budget('SIZE_BUDGET_KIB', 32);
const WEBHOOK_BUDGET_KIB = budget('WEBHOOK_BUDGET_KIB', 9);
const root = fileURLToPath(new URL('../', import.meta.url));
const kib = (n) => (n / 1024).toFixed(1);

const outdir = `${root}target/size-check`;
const upload = uploadSize(`${root}benches/size/wrangler-ours.toml`, outdir);
const wasmFile = readdirSync(outdir).find((f) => f.endsWith('.wasm'));
const wasm = readFileSync(`${outdir}/${wasmFile}`);
const js = readFileSync(`${outdir}/ours.js`);
console.log(`size-check: minimal Worker upload ${upload.kib} KiB, gzip ${upload.gzipKib} KiB (budget ${BUDGET_KIB} KiB gzip); ` +
  `wasm ${kib(wasm.length)} KiB raw, ${kib(gzipSync(wasm, { level: 9 }).length)} KiB gzip; ` +
  `JS ${kib(js.length)} KiB raw, ${kib(gzipSync(js, { level: 9 }).length)} KiB gzip`);

const webhookDir = `${root}target/size-check-webhooks`;
const webhook = uploadSize(`${root}benches/size/wrangler-webhooks.toml`, webhookDir);
// No .wasm may come with it: the webhook entry loads none (the layer check keeps it so).
const webhookWasm = readdirSync(webhookDir).filter((f) => f.endsWith('.wasm'));
console.log(`size-check: webhook-only Worker upload ${webhook.kib} KiB, gzip ${webhook.gzipKib} KiB (budget ${WEBHOOK_BUDGET_KIB} KiB gzip)`);

const over = [];
if (upload.gzipKib > BUDGET_KIB) over.push(`the minimal Worker's ${upload.gzipKib} KiB gzip is over its ${BUDGET_KIB} KiB budget`);
if (webhook.gzipKib > WEBHOOK_BUDGET_KIB) {
  over.push(`the webhook-only Worker's ${webhook.gzipKib} KiB gzip is over its ${WEBHOOK_BUDGET_KIB} KiB budget ` +
    `(see what it holds in target/size-check-webhooks/webhooks.js)`);
}
if (webhookWasm.length > 0) over.push(`the webhook-only Worker uploads wasm (${webhookWasm.join(', ')}); it must load none`);
for (const line of over) console.error(`size-check: ${line}`);
if (over.length > 0) process.exit(1);
