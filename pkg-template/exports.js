// Everything the package exports, whatever the runtime. Each entry (node.js, workerd.js, …)
// loads the wasm its own way, then re-exports this module, so a new export is added here once.
export * from './api.js';
export { handleTokenRequest } from './endpoint.js';
export { handleWebhookRequest, verifyWebhook, WebhookError } from './webhooks.js';
