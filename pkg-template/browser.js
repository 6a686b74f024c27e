// Bundlers for browsers (Vite, webpack 5, …; the `browser` condition) and any other ESM runtime
// with fetch: the `new URL(…, import.meta.url)` pattern makes the bundler emit the wasm file, and
// top-level await fetches and instantiates it before the first call, so no init() call is needed.
import init from './videosdk_token.js';

await init({ module_or_path: new URL('./videosdk_token_bg.wasm', import.meta.url) });

export * from './exports.js';
