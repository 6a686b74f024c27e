// `videosdk-token/client`: what a web page needs to get tokens from its own token endpoint.
// No wasm here: a page that only fetches tokens downloads none of the token core.
export { createTokenProvider } from './provider.js';
export { TokenProviderError, VideoSDKError } from '../shared/errors.js';
