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
