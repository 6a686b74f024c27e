// The source of node.cjs, the CommonJS entry for `require('videosdk-token')`: scripts/build-cjs.mjs
// bundles this file, the glue and the API into one CommonJS file (it is not shipped itself). It
// reads the package's one wasm binary from next to node.cjs, synchronously, so no init() is needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './videosdk_token.js';

// `__dirname` is node.cjs's folder once bundled as CommonJS.
initSync({ module: readFileSync(join(__dirname, 'videosdk_token_bg.wasm')) });

export * from './exports.js';
