/**
 * `videosdk-token/web`: the same API as `videosdk-token`, for a plain `<script type="module">`.
 * Call `await init()` once before anything else; it fetches `videosdk_token_bg.wasm` next to this file.
 */
export * from './index.js';

/** Where the wasm comes from: a URL or path to fetch, a Response, bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Fetches and instantiates the wasm; resolves when the API is ready. Calling it again is a no-op.
 * @example
 * import init, { signToken } from 'videosdk-token/web';
 * await init();
 */
export default function init(input?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<unknown>;
export { init };

/** Instantiates the wasm synchronously from bytes or a compiled module. */
export function initSync(input: { module: BufferSource | WebAssembly.Module }): unknown;
