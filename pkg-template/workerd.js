// Cloudflare Workers (the `workerd` condition): wrangler turns a .wasm import into a
// WebAssembly.Module, which initSync instantiates without fetch or eval. No nodejs_compat needed.
import wasm from './videosdk_token_bg.wasm';
import { initSync } from './videosdk_token.js';

initSync({ module: wasm });

export * from './exports.js';
