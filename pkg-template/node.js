// Node (import), Deno and Bun: compile the wasm synchronously at import, so no init() call is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './videosdk_token.js';

initSync({ module: readFileSync(new URL('./videosdk_token_bg.wasm', import.meta.url)) });

export * from './exports.js';
