// Deno >= 2.6 (the `deno` condition): a source-phase import hands over the compiled
// WebAssembly.Module as part of the module graph, so no --allow-read is needed and no file is
// read at run time; `deno compile` and Deno Deploy carry the .wasm with the code.
import source wasm from './videosdk_token_bg.wasm';
import { initSync } from './videosdk_token.js';

initSync({ module: wasm });

export * from './exports.js';
