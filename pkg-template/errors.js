// The package's one error family. This module loads no wasm, so entries that need none (the
// browser token provider, webhooks, the API client) throw the same classes the token API does,
// and one `catch (e) { if (e instanceof VideoSDKError) … }` handles everything the package throws.

/** Every error this package throws: `code` is stable, `reason` says exactly what was wrong. */
export class VideoSDKError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = 'VideoSDKError';
    this.code = code;
    this.reason = details.reason ?? message;
    if (details.field !== undefined) this.field = details.field;
  }
}

/** Minting, verifying, decoding or configuring tokens failed. */
export class TokenError extends VideoSDKError {
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = 'TokenError';
    if (details.expiredAt !== undefined) this.expiredAt = details.expiredAt;
  }
}

/**
 * The browser token provider (`videosdk-token/client`) could not get a token: `code` is the
 * endpoint's own `error.code` on a 4xx, SERVER_ERROR on a 5xx, NETWORK when no answer came.
 */
export class TokenProviderError extends VideoSDKError {
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = 'TokenProviderError';
    if (details.status !== undefined) this.status = details.status;
    if (details.cause !== undefined) this.cause = details.cause;
  }
}
