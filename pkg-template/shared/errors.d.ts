// The package's one error family (errors.js): every class and its closed union of codes, here
// beside the classes, so each capability's types import their error from here and from nothing
// above it.

/** The `code` of a TokenError. */
export type TokenErrorCode =
  | 'INVALID_OPTIONS'
  | 'WEAK_SECRET'
  | 'MALFORMED'
  | 'ALG_NOT_ALLOWED'
  | 'INVALID_SIGNATURE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'CLAIMS_INVALID'
  | 'CLAIM_MISMATCH';

/**
 * The base of every error this package throws (tokens, and the entries built on them): one
 * `catch` with `instanceof VideoSDKError` handles the package; `code` says which failure it is.
 */
export class VideoSDKError extends Error {
  constructor(code: string, message: string, details?: { reason?: string; field?: string });
  readonly name: string;
  /** Stable, for programs: switch on it. */
  readonly code: string;
  /** What exactly was wrong, for logs. Never contains a secret. */
  readonly reason: string;
  /** The option or input at fault, where there is one. */
  readonly field?: string;
}

export class TokenError extends VideoSDKError {
  constructor(
    code: TokenErrorCode,
    message: string,
    details?: { reason?: string; field?: string; expiredAt?: Date },
  );
  readonly name: 'TokenError';
  readonly code: TokenErrorCode;
  /**
   * The option at fault, for INVALID_OPTIONS and CLAIM_MISMATCH; for MALFORMED, the part of the
   * token at fault when it is one part (`'header'`, `'payload'` or `'signature'`).
   */
  readonly field?: string;
  /** What exactly was wrong, for logs. Never contains the secret. */
  readonly reason: string;
  /** For EXPIRED: the token's exp. */
  readonly expiredAt?: Date;
}

/** The `code` of an endpoint error answer, by status. */
export type TokenEndpointErrorCode =
  /** 400: bad input. */
  | 'INVALID_OPTIONS'
  /** 401: `authorize` refused. */
  | 'UNAUTHORIZED'
  /** 403: beyond config or the caller's grant. */
  | 'FORBIDDEN'
  /** 405: not GET, POST or OPTIONS. */
  | 'METHOD_NOT_ALLOWED'
  /** 413: a body over 16 KiB. */
  | 'PAYLOAD_TOO_LARGE'
  /** 414: a URL over 16 KiB. */
  | 'URI_TOO_LONG'
  /** 429: over config.rateLimit; `Retry-After` says when to come back. */
  | 'RATE_LIMITED'
  /** 500: `authorize` (or the rate limit) threw, or a malformed grant; the answer says nothing more. */
  | 'SERVER_ERROR';

/** The `code` of a room endpoint's error answer (handleRoomRequest), by status. */
export type RoomEndpointErrorCode =
  /** 400: bad input (a room id, the body, a query string); `field` names it. */
  | 'INVALID_OPTIONS'
  /** 403: `authorize` did not answer `true`, or an agentId outside `agents` (`field: 'agentId'`). */
  | 'FORBIDDEN'
  /** 404: no such route, an action that is off, or what VideoSDK has not (a room, a live HLS stream). */
  | 'NOT_FOUND'
  /** 405: a method the route does not take; `Allow` lists those it takes. */
  | 'METHOD_NOT_ALLOWED'
  /** 409: VideoSDK refused the request itself (no live session to record, a quota); its message, escaped and cut. */
  | 'UPSTREAM_REFUSED'
  /** 413: a body over 16 KiB. */
  | 'PAYLOAD_TOO_LARGE'
  /** 414: a URL over 16 KiB. */
  | 'URI_TOO_LONG'
  /** 429: over config.rateLimit, or VideoSDK is rate-limiting the app; `Retry-After` says for how long. */
  | 'RATE_LIMITED'
  /** 500: `authorize` (or the rate limit) threw, or VideoSDK refused the deployment's key; the answer says nothing more. */
  | 'SERVER_ERROR'
  /** 502: VideoSDK timed out, could not be reached, failed (5xx) or answered unreadably. */
  | 'UPSTREAM_ERROR';

export type WebhookErrorCode =
  /** A mistake in the calling code: a parsed (not raw) body, a signature that is not a string, malformed options; `field` names it. */
  | 'INVALID_OPTIONS'
  /** The videosdk-signature header is absent or empty. */
  | 'SIGNATURE_MISSING'
  /** The signature is malformed (not base64, wrong length) or does not match the body. */
  | 'SIGNATURE_INVALID'
  /** A key in options is not an RSA public key of at least 2048 bits, or no key was given. */
  | 'KEY_INVALID'
  /** VideoSDK's key could not be fetched (network, status, answer). The sender may retry. */
  | 'KEY_FETCH_FAILED'
  /** The signed body is not a JSON object with a string webhookType (checked after the signature). */
  | 'BODY_INVALID';

export class WebhookError extends VideoSDKError {
  constructor(code: WebhookErrorCode, message: string, details?: { reason?: string; field?: string; status?: number });
  readonly name: 'WebhookError';
  readonly code: WebhookErrorCode;
  /** `publicKey` for KEY_INVALID. */
  readonly field?: string;
  /** For KEY_FETCH_FAILED after an answer: the key endpoint's HTTP status. */
  readonly status?: number;
}

export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'BAD_RESPONSE';

/** A call to VideoSDK's API failed. Never holds the secret or the management token. */
export class ApiError extends VideoSDKError {
  constructor(
    code: ApiErrorCode,
    message: string,
    details?: {
      reason?: string; status?: number; method?: string; path?: string;
      apiMessage?: string; retryAfter?: number; attempts?: number;
    },
  );
  readonly name: 'ApiError';
  readonly code: ApiErrorCode;
  /** The HTTP status; absent when no answer came (TIMEOUT, NETWORK). */
  readonly status?: number;
  readonly method: string;
  /** The path and query called, such as `/v2/rooms/validate/abcd-efgh-ijkl`. */
  readonly path: string;
  /** VideoSDK's own message, when it sent one. */
  readonly apiMessage?: string;
  /** RATE_LIMITED: the seconds VideoSDK asked to wait (Retry-After), when it said. */
  readonly retryAfter?: number;
  /** How many attempts were made. */
  readonly attempts?: number;
}

export type TokenProviderErrorCode =
  /** The endpoint's own code, from a 4xx answer: never retried. */
  | TokenEndpointErrorCode
  /** The endpoint answered 5xx, twice (or once, with a Retry-After over 5 s). */
  | 'SERVER_ERROR'
  /** No answer: offline, DNS, CORS, a timeout. Tried twice. */
  | 'NETWORK'
  /**
   * An answer that is not the endpoint's: a 4xx without an error code, a 200 without
   * {token, expiresIn or expiresAt}, a token that is not three base64url parts, over 64 KiB.
   */
  | 'BAD_RESPONSE'
  /** The provider's signal was aborted. */
  | 'ABORTED'
  /** A bad option to createTokenProvider or getToken (`field` names it). */
  | 'INVALID_OPTIONS';

export class TokenProviderError extends VideoSDKError {
  constructor(
    code: TokenProviderErrorCode,
    message: string,
    details?: { reason?: string; field?: string; status?: number; cause?: unknown },
  );
  readonly name: 'TokenProviderError';
  readonly code: TokenProviderErrorCode;
  /** The HTTP status, when the endpoint answered. */
  readonly status?: number;
  /** For 4xx: the endpoint's `error.field`; for INVALID_OPTIONS: the option at fault. */
  readonly field?: string;
}

/** A bad option or argument: a TokenError INVALID_OPTIONS naming it in `field`. */
export function invalidOptions(field: string, message: string): TokenError;
