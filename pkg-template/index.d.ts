/**
 * videosdk-token: mint, verify and decode VideoSDK access tokens (JWT, HS256), answer token
 * requests, verify webhooks, call VideoSDK's REST API. Every function throws a VideoSDKError
 * with a stable `code` on bad input; none needs an init call. Each capability's types sit beside
 * its JS; this file gathers them.
 */
export * from './token/api.js';
export * from './token/join-error.js';
export * from './endpoint/handler.js';
export * from './endpoint/rooms.js';
export * from './webhooks/index.js';
export * from './rest/client.js';
export { TokenProviderError, type TokenProviderErrorCode } from './shared/errors.js';
