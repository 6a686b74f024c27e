// videosdk-token/testing for the `bun` condition: the package's bun entry loads the wasm the
// stand-in's token checks run on, then the kit itself.
import '../bun.js';

export * from './index.js';
