/**
 * videosdk-token: mint, verify and decode VideoSDK access tokens (JWT, HS256).
 * Every function throws a {@link TokenError} with a stable `code` on bad input; none needs an init call.
 */

/** `allow_join`: joins directly; `ask_join`: must ask a participant holding allow_join; `allow_mod`: may toggle others' webcam and mic. */
export type Permission = 'allow_join' | 'ask_join' | 'allow_mod';

/** `crawler`: server-side v2 API only, cannot join a meeting; `rtc`: meetings only, no server-side API. */
export type Role = 'crawler' | 'rtc';

/** The account's secret key: a string is used as its UTF-8 bytes (as jsonwebtoken does). At least 32 bytes. */
export type Secret = string | Uint8Array;

/**
 * A span of time: a number of seconds, or a number with a unit:
 * `'90s'`, `'120m'`, `'2h'`, `'1d'`, `'1w'`, `'2 hours'`. A string without a unit (`'120'`) is an error.
 */
export type Span = number | `${number}${SpanUnit}` | `${number} ${SpanUnit}`;
export type SpanUnit =
  | 's' | 'sec' | 'secs' | 'second' | 'seconds'
  | 'm' | 'min' | 'mins' | 'minute' | 'minutes'
  | 'h' | 'hr' | 'hrs' | 'hour' | 'hours'
  | 'd' | 'day' | 'days'
  | 'w' | 'week' | 'weeks';

/** A value JSON can hold exactly: what custom claims are made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The claims of a VideoSDK token. */
export interface VideoSDKClaims {
  /** The API key from the VideoSDK dashboard. */
  apikey: string;
  permissions: Permission[];
  /** 2 for the v2 API; present whenever roomId, participantId or roles is. */
  version?: 2;
  /** Restricts the token to one room. */
  roomId?: string;
  /** Restricts the token to one participant. */
  participantId?: string;
  roles?: Role[];
  /** Token id. */
  jti?: string;
  /** Issued at, seconds since 1970. */
  iat?: number;
  /** Not before, seconds since 1970. */
  nbf?: number;
  /** Expiry, seconds since 1970. */
  exp: number;
}

/** Everything about a token but who signs it: what {@link TokenSigner.sign} takes. */
export interface ClaimsOptions {
  /**
   * Non-empty; duplicates are dropped. `ask_join` with `allow_join` or `allow_mod` is an error
   * (VideoSDK refuses it at join: error 4008 INVALID_PERMISSIONS).
   */
  permissions: Permission[];
  /** Set to 2 automatically when roomId, participantId or roles is given. */
  version?: 2;
  roomId?: string;
  /** No whitespace of any kind (VideoSDK refuses it at join: error 4004 INVALID_PARTICIPANT_ID). */
  participantId?: string;
  /** Lower-case names; the legacy `'CRAWLER'` and `'RTC'` are errors. */
  roles?: Role[];
  /** Lifetime. Default `'120m'`; more than 0 and at most 365 days. Short lifetimes are recommended. */
  expiresIn?: Span;
  /** Delay from now before the token is valid (`nbf`); shorter than expiresIn. */
  notBefore?: Span;
  /** The `jti` claim; `true` for a random 128-bit id (base64url). */
  jwtId?: string | true;
  /** Clock override: seconds since 1970, or a Date. Default: now. */
  now?: number | Date;
  /**
   * Custom claims, which VideoSDK ignores (a display name, an email): written after VideoSDK's
   * claims, before `jti`, `iat`, `nbf`, `exp`. Plain objects and arrays of strings, finite
   * numbers, booleans and null only: a Date, BigInt, NaN, getter, toJSON, Map, class instance or
   * cycle anywhere is an `INVALID_OPTIONS` error whose `field` is its path (`claims.profile.joined`).
   * The names VideoSDK's claims use (`apikey`, `permissions`, `version`, `roomId`, `participantId`,
   * `roles`, `jti`, `iat`, `nbf`, `exp`) are refused, and so is a token over 8 KiB.
   */
  claims?: Record<string, JsonValue>;
}

export interface SignOptions extends ClaimsOptions {
  /** The API key from the VideoSDK dashboard; becomes the `apikey` claim. */
  apiKey: string;
  /** The secret from the VideoSDK dashboard. Keep it in an edge secret, never in code. */
  secret: Secret;
}

/**
 * Signs a VideoSDK token (HS256).
 * @example
 * const token = signToken({ apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET, permissions: ['allow_join'], roomId, expiresIn: '2h' });
 * @throws {TokenError} INVALID_OPTIONS (with `field`) or WEAK_SECRET.
 */
export function signToken(options: SignOptions): string;

/**
 * Holds an API key and keyed HMAC state for signing many tokens; signs the same tokens as {@link signToken}.
 * @example
 * const signer = new TokenSigner({ apiKey, secret });
 * const token = signer.sign({ permissions: ['allow_join'], roomId });
 */
export class TokenSigner {
  constructor(options: { apiKey: string; secret: Secret });
  /** @throws {TokenError} INVALID_OPTIONS, including after {@link TokenSigner.free}. */
  sign(options: ClaimsOptions): string;
  /** Zeroes and releases the key state; later sign() calls throw a TokenError. */
  free(): void;
}

export interface DecodedToken {
  header: { alg: string; typ?: string; [key: string]: unknown };
  payload: Partial<VideoSDKClaims> & Record<string, unknown>;
  /** The third part, as in the token. */
  signature: string;
  issuedAt?: Date;
  expiresAt?: Date;
  notBefore?: Date;
  /** `exp <= now`. */
  expired: boolean;
  /** What a VideoSDK server would object to; `[]` for a clean token. */
  warnings: string[];
  /** The payload's custom claims: every member but VideoSDK's claims and `jti`, `iat`, `nbf`, `exp` (VideoSDK ignores them). */
  customClaims: Record<string, JsonValue>;
}

/**
 * Decodes a token **without checking its signature**: for display and debugging, never for access decisions.
 * @example
 * const { payload, expiresAt, warnings } = decodeToken(token);
 * @throws {TokenError} MALFORMED only.
 */
export function decodeToken(token: string, options?: { now?: number | Date }): DecodedToken;

export interface VerifyOptions {
  /** Clock override: seconds since 1970, or a Date. */
  now?: number | Date;
  /** Leeway for exp and nbf: seconds or a span such as `'30s'`. Default 0. */
  clockTolerance?: Span;
  /** The token's `apikey` must equal this. */
  apiKey?: string;
  /** The token must be restricted to this room. */
  roomId?: string;
  /** The token must be restricted to this participant. */
  participantId?: string;
}

/**
 * Verifies a token's signature (HS256 only) and claims; returns the claims.
 * With a list of secrets any one may match (key rotation).
 * @example
 * const claims = verifyToken(token, env.VIDEOSDK_SECRET, { roomId });
 * @throws {TokenError} with message "Token is invalid or expired" and a `code` saying why.
 */
export function verifyToken(
  token: string,
  secret: Secret | Secret[],
  options?: VerifyOptions,
): VideoSDKClaims & Record<string, unknown>;

/**
 * A span (`7200`, `'2h'`, `'90 minutes'`) in whole seconds, by the rules of the option `field`:
 * `expiresIn` (the default) at least 1 second, `notBefore` and `clockTolerance` at least 0, each at
 * most 365 days. The core's own parser: what signToken would make of the same span.
 * @example
 * spanSeconds('2h') // 7200
 * @throws {TokenError} INVALID_OPTIONS naming `field`.
 */
export function spanSeconds(span: Span, field?: 'expiresIn' | 'notBefore' | 'clockTolerance' | 'maxExpiresIn'): number;

/** A number of seconds for people, as the package's messages say it: `humanSpan(6720)` is `'1 h 52 min'`. */
export function humanSpan(seconds: number): string;

/** Every permission, with what it lets a token's bearer do (from the core; frozen). */
export const PERMISSIONS: Readonly<Record<Permission, string>>;

/** Every role, with where it lets a token be used (from the core; frozen). */
export const ROLES: Readonly<Record<Role, string>>;

/** The longest token verifyToken and decodeToken accept: 8192 bytes. */
export const MAX_TOKEN_LEN: number;

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

// ---------------------------------------------------------------------------------------------
// The token endpoint: handleTokenRequest (endpoint.js)
// ---------------------------------------------------------------------------------------------

/**
 * What {@link TokenEndpointConfig.authorize} may return to narrow what one caller can ask for.
 * Only these fields, each of its type: anything else (an unknown field, `null`, `undefined`, a
 * string where a list belongs) is the deployment's bug and answers 500 `SERVER_ERROR`.
 */
export interface TokenGrant {
  /** The caller's tokens are for this room only; asking for another one is a 403. */
  roomId?: string;
  /** The caller's tokens are for this participant only; asking for another one is a 403. */
  participantId?: string;
  /** Narrows `allowedPermissions` for this caller (it can never widen them). */
  permissions?: Permission[];
  /** Narrows `allowedRoles` for this caller (it can never widen them). */
  roles?: Role[];
  /** Custom claims for this caller's tokens (callers cannot pass any); refused ones are a 500. */
  claims?: Record<string, JsonValue>;
}

export interface TokenEndpointConfig {
  /** The API key from the VideoSDK dashboard, e.g. `env.VIDEOSDK_API_KEY`. */
  apiKey: string;
  /** The secret, from an edge secret (`env.VIDEOSDK_SECRET`, `Deno.env.get('VIDEOSDK_SECRET')`). Never sent anywhere. */
  secret: Secret;
  /**
   * Decides who may have a token, before any input is read: a falsy answer is a 401; `true` or a
   * {@link TokenGrant} allows, and a grant may narrow roomId, participantId, permissions and roles
   * for this caller. Throwing (or rejecting) answers 500 `SERVER_ERROR`, with no detail.
   * It gets the request with the body already read (at most 16 KiB), which it may read again.
   * Required unless `allowAnonymous` is set.
   */
  authorize?: (request: Request) => TokenGrant | boolean | null | undefined | Promise<TokenGrant | boolean | null | undefined>;
  /** Permissions callers may ask for (non-empty). Default `['allow_join']`; beyond them is a 403. */
  allowedPermissions?: Permission[];
  /**
   * Roles callers may ask for (non-empty). Default `['rtc']`: tokens for meetings only. Every token
   * carries `roles: ['rtc']` (and so `version: 2`) unless the caller asks for another allowed role.
   * Add `'crawler'` (VideoSDK's server-side API role) only for callers that are servers.
   */
  allowedRoles?: Role[];
  /** Longest lifetime a caller may ask for, and the lifetime when it asks for none. Default `'2h'`. */
  maxExpiresIn?: Span;
  /** Origins allowed to call from a browser (`['https://app.example.com']`), or `'*'`. Default none. */
  cors?: string[] | '*';
  /**
   * LOCAL DEVELOPMENT ONLY: serve callers that `authorize` refuses (or all, without `authorize`).
   * Every answer then carries an `X-VideoSDK-Token-Anonymous` header saying so.
   */
  allowAnonymous?: boolean;
}

/** The 200 answer's JSON body. */
export interface TokenEndpointResponse {
  token: string;
  /** ISO-8601, e.g. `2025-01-01T12:00:00.000Z`. */
  expiresAt: string;
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
  /** 500: `authorize` threw or returned a malformed grant; the answer says nothing more. */
  | 'SERVER_ERROR';

/** The JSON body of every error answer (4xx and 500). */
export interface TokenEndpointError {
  error: {
    code: TokenEndpointErrorCode;
    /** For people. Caller input in it is cut to 40 characters and escaped. */
    message: string;
    /** The request field at fault (`body`, `query` or a parameter's name, cut to 40 characters). */
    field?: string;
  };
}

/**
 * Answers a token request from your own front end, on web-standard Request/Response:
 * GET with query parameters or POST with a JSON body (and no query string), both taking `roomId`,
 * `participantId`, `permissions`, `roles`, `expiresIn`. Answers 200 {@link TokenEndpointResponse};
 * 400 bad input, 401 unauthorized, 403 beyond config or grant, 405 other methods, 413 a body over
 * 16 KiB, 414 a URL over 16 KiB, 500 when `authorize` fails ({@link TokenEndpointError});
 * 204 for an OPTIONS preflight. Tokens carry `roles: ['rtc']` unless configured otherwise.
 * Rejects only for a bad `config` or `request` ({@link TokenError} `INVALID_OPTIONS` with `field`,
 * or `WEAK_SECRET`). The secret is never in an answer, and nothing is logged.
 * @example
 * export default {
 *   fetch: (request, env) => handleTokenRequest(request, {
 *     apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET,
 *     authorize: (req) => checkSession(req), // false → 401, or { roomId } to narrow
 *   }),
 * };
 */
export function handleTokenRequest(request: Request, config: TokenEndpointConfig): Promise<Response>;

// Webhooks: verifyWebhook, handleWebhookRequest, WebhookError and the event types (webhooks.d.ts).
export * from './webhooks/index.js';
export * from './rest/client.js';

// ---------------------------------------------------------------------------------------------
// The browser token provider's error (the provider itself is `videosdk-token/client`)
// ---------------------------------------------------------------------------------------------

export { TokenProviderError, type TokenProviderErrorCode } from './client/index.js';
