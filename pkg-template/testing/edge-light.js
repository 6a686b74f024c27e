// videosdk-token/testing for the `edge-light` condition: the package's edge-light entry loads the wasm the
// stand-in's token checks run on, then the kit itself.
import '../edge-light.js';

export * from './index.js';
