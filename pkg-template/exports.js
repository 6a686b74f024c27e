// Everything the package exports, whatever the runtime. Each entry (node.js, workerd.js, …)
// loads the wasm its own way, then re-exports this module, so a new export is added here once.
export * from './token/api.js';
export { explainJoinError } from './token/join-error.js';
export { PERMISSIONS, ROLES, MAX_TOKEN_LEN } from './shared/vocabulary.js';
export { createTokenHandler, handleTokenRequest } from './endpoint/handler.js';
export { handleRoomRequest } from './endpoint/rooms.js';
export { handleWebhookRequest, verifyWebhook, WebhookError } from './webhooks/index.js';
export { ApiError, VideoSDKClient } from './rest/client.js';
export { TokenProviderError } from './shared/errors.js';
