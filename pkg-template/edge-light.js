// Vercel Edge Functions and Next.js middleware (the `edge-light` condition): the `?module` suffix
// asks their bundler for a precompiled WebAssembly.Module (the Edge Runtime forbids compiling
// wasm from bytes at run time).
import wasm from './videosdk_token_bg.wasm?module';
import { initSync } from './videosdk_token.js';

initSync({ module: wasm });

export * from './exports.js';
