// `videosdk-token/client`: what a web page needs to get tokens from its own token endpoint and
// read them. No wasm here: a page that only fetches or reads tokens downloads none of the core.
export { createTokenProvider } from './provider.js';
export { readToken } from './read.js';
export { TokenError, TokenProviderError, VideoSDKError } from '../shared/errors.js';
