// `videosdk-token/web`: for a plain <script type="module"> with no bundler. The caller runs
// `await init()` once (it fetches videosdk_token_bg.wasm next to this file) before any other call.
export { default, default as init, initSync } from './videosdk_token.js';
export * from './exports.js';
