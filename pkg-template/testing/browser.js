// videosdk-token/testing for the `browser` condition (and the default): the package's browser entry loads the wasm the
// stand-in's token checks run on, then the kit itself.
import '../browser.js';

export * from './index.js';
