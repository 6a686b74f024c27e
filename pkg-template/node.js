// Node (import and, bundled by scripts/build-cjs.mjs, require): the wasm's bytes come from a module
// (base64, scripts/inline-wasm.mjs), not from a file a bundler may move: Turbopack hands Server
// Components, Server Actions and server rendering a URL-like stand-in for any `new URL(…,
// import.meta.url)`, which readFileSync refuses. Compiled synchronously at import: no init() call.
import { Buffer } from 'node:buffer';
import wasm from './videosdk_token_wasm.js';
import { initSync } from './videosdk_token.js';

initSync({ module: Buffer.from(wasm, 'base64') });

export * from './exports.js';
