// videosdk-token/testing for the `node` condition: the package's node entry loads the wasm the
// stand-in's token checks run on, then the kit itself.
import '../node.js';

export * from './index.js';
