// Vercel Edge Functions, Next.js Edge routes and middleware (the `edge-light` condition): the
// `?module` suffix asks their bundler for a precompiled WebAssembly.Module (the Edge Runtime
// forbids compiling wasm from bytes at run time).
import wasm from './videosdk_token_bg.wasm?module';
import { initSync } from './videosdk_token.js';

// Next.js compiles the module outside the Edge sandbox: it belongs to another realm, fails the
// glue's `instanceof WebAssembly.Module`, and the glue would try to compile it again from bytes.
// WebAssembly.Instance accepts a module of any realm, so this realm's prototype is all it needs.
if (typeof wasm === 'object' && wasm !== null && !(wasm instanceof WebAssembly.Module)) {
  Object.setPrototypeOf(wasm, WebAssembly.Module.prototype);
}
initSync({ module: wasm });

export * from './exports.js';
