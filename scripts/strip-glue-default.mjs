// Removes the glue's default wasm location from wasm-bindgen's web-target output.
// `init()` without an argument falls back to `new URL('videosdk_token_bg.wasm', import.meta.url)`;
// bundlers (webpack, Turbopack, Vite, Rollup plugins) see that pattern and emit the .wasm as an
// asset even for entries that never call init(), so a Next.js Edge function shipped it twice (once
// as its `?module` import, once as an unused asset). Every entry that calls init() passes the
// location itself (browser.js, web.js), so the default can go.
// Usage: node scripts/strip-glue-default.mjs <glue file>
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const pattern = /\n(\s*)module_or_path = new URL\('videosdk_token_bg\.wasm', import\.meta\.url\);\n/g;
const found = text.match(pattern)?.length ?? 0;
if (found !== 1) {
  console.error(`${file}: expected the glue's one default \`new URL('videosdk_token_bg.wasm', import.meta.url)\`, found ${found}: has wasm-bindgen's output changed?`);
  process.exit(1);
}
const out = text.replace(pattern, (_, indent) =>
  `\n${indent}throw new TypeError('videosdk-token: init() needs { module_or_path }, the location of videosdk_token_bg.wasm');\n`);
if (/new URL\([^)]*import\.meta\.url/.test(out)) {
  console.error(`${file}: another \`new URL(…, import.meta.url)\` is left in the glue`);
  process.exit(1);
}
writeFileSync(file, out);
