// `videosdk-token/testing`: an offline VideoSDK for tests. createStandIn is a stand-in of
// VideoSDK's REST API (a `Request → Response` handler with a `fetch` to pass to VideoSDKClient);
// createWebhookSigner signs webhooks as VideoSDK does, with a key pair of its own. Not in the
// main entry: a Worker that does not import this path carries none of it.
//
// The stand-in verifies tokens with the package's verifyToken, which runs on the wasm: each
// runtime's testing entry (node.js, deno.js, workerd.js, …) loads the package's entry for that
// runtime first, then re-exports this module.
export { createStandIn } from './stand-in/index.js';
export { createWebhookSigner } from './webhook-signer.js';
