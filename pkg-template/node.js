// Node (import): compile the wasm synchronously at import, so no init() call is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './videosdk_token.js';

initSync({ module: readFileSync(wasmFile()) });

export * from './exports.js';

function wasmFile() {
  // Bundlers for Node servers (Turbopack, Vite SSR, webpack) copy the .wasm and rewrite this URL.
  const asset = new URL('./videosdk_token_bg.wasm', import.meta.url);
  if (asset.protocol === 'file:') return asset;
  // webpack with `url: 'relative'` (Next.js's `next build --webpack` server build) hands a
  // URL-like object with the copy's public path, not a file. Outside `new URL(…)`, webpack turns
  // import.meta.url into this module's own file URL: the installed package's .wasm.
  const self = import.meta.url;
  return new URL('./videosdk_token_bg.wasm', self);
}
