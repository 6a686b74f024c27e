// `videosdk-token/web`: for a plain <script type="module"> with no bundler. The caller runs
// `await init()` once (it fetches videosdk_token_bg.wasm next to this file) before any other call.
import initGlue, { initSync } from './videosdk_token.js';

// The default location lives here, not in the glue (scripts/strip-glue-default.mjs): only this
// entry's users fetch the wasm themselves, so only their bundles should carry it as an asset.
export default function init(input) {
  const location = input?.module_or_path ?? new URL('./videosdk_token_bg.wasm', import.meta.url);
  return initGlue({ module_or_path: location });
}

export { init, initSync };
export * from './exports.js';
