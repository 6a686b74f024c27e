// Loads the package's wasm in the browser, then re-exports its API. The page imports this module
// (not the package's `videosdk-token/web` entry) so that www/ builds from pkg/ alone.
import init from './videosdk_token.js';

await init({ module_or_path: new URL('./videosdk_token_bg.wasm', import.meta.url) });

export * from './token/api.js';
export { explainJoinError } from './token/join-error.js';
