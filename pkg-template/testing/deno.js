// videosdk-token/testing for the `deno` condition: the package's deno entry loads the wasm the
// stand-in's token checks run on, then the kit itself.
import '../deno.js';

export * from './index.js';
