// videosdk-token/testing for the `workerd` condition: the package's workerd entry loads the wasm the
// stand-in's token checks run on, then the kit itself.
import '../workerd.js';

export * from './index.js';
