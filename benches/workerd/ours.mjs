// videosdk-token as a Worker loads it: the .wasm imported as a module (wrangler uploads it as a
// CompiledWasm module) and handed to initSync. Paths point at the packed package installed by
// `make pack`; its exports map has no workerd entry yet (that is the runtimes issue's work).
import wasmModule from '../../node_modules/videosdk-token/videosdk_token_bg.wasm';
import { initSync } from '../../node_modules/videosdk-token/videosdk_token.js';

initSync({ module: wasmModule });

export * from '../../node_modules/videosdk-token/api.js';
