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

/** A bad option or argument: a TokenError INVALID_OPTIONS naming it in `field`. */
export function invalidOptions(field, message) {
  return new TokenError('INVALID_OPTIONS', message, { field });
}

/**
 * Verifying a VideoSDK webhook failed. `code` says why: SIGNATURE_MISSING, SIGNATURE_INVALID,
 * KEY_INVALID, KEY_FETCH_FAILED or BODY_INVALID.
 */
export class WebhookError extends VideoSDKError {
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = 'WebhookError';
    if (details.status !== undefined) this.status = details.status;
  }
}

/**
 * A call to VideoSDK's REST API failed: `code` says how, `status`, `method` and `path` say where
 * (`status` is absent when no answer came: TIMEOUT, NETWORK), `apiMessage` is VideoSDK's own
 * message when it sent one, `retryAfter` the wait in seconds VideoSDK asked for (RATE_LIMITED).
 * No message ever holds the secret or the management token.
 */
export class ApiError extends VideoSDKError {
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = 'ApiError';
    this.method = details.method;
    this.path = details.path;
    if (details.status !== undefined) this.status = details.status;
    if (details.apiMessage !== undefined) this.apiMessage = details.apiMessage;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
    if (details.attempts !== undefined) this.attempts = details.attempts;
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
