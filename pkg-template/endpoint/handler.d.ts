// handleTokenRequest and createTokenHandler (handler.js) and their config, grant and answers.
import type { JsonValue, Permission, Role, Secret, Span, VideoSDKClaims } from '../token/api.js';
import type { TokenEndpointErrorCode } from '../shared/errors.js';
import type { DenyEvent, EndpointHook, RateLimit } from './limits.js';

export type { TokenEndpointErrorCode } from '../shared/errors.js';
export type { DenyEvent, EndpointHook, RateLimit, RateLimiter, RateLimitOutcome } from './limits.js';

/**
 * What {@link TokenAuthorizer} may return to narrow what one caller can ask for.
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

/**
 * Decides who may have a token, before any input is read: a falsy answer is a 401; `true` or a
 * {@link TokenGrant} allows, and a grant may narrow roomId, participantId, permissions and roles
 * for this caller. Throwing (or rejecting) answers 500 `SERVER_ERROR`, with no detail.
 * It gets the request with the body already read (at most 16 KiB), which it may read again.
 */
export type TokenAuthorizer = (request: Request) => TokenGrant | boolean | null | undefined | Promise<TokenGrant | boolean | null | undefined>;

/** What every token endpoint configures; {@link TokenEndpointConfig} adds who may call it. */
export interface TokenEndpointSettings {
  /** The API key from the VideoSDK dashboard, e.g. `env.VIDEOSDK_API_KEY`. */
  apiKey: string;
  /** The secret, from an edge secret (`env.VIDEOSDK_SECRET`, `Deno.env.get('VIDEOSDK_SECRET')`). Never sent anywhere. */
  secret: Secret;
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
   * A limit per caller, counted after `authorize` let it in and before anything is parsed or
   * signed; over it, 429 `RATE_LIMITED` with `Retry-After`. `key(request, grant)` gets the grant
   * `authorize` answered (`{}` for `true`), or `null` for a caller let in by `allowAnonymous`.
   * @example
   * rateLimit: { key: (req, grant) => grant?.participantId ?? req.headers.get('CF-Connecting-IP') ?? 'anonymous', limiter: env.TOKEN_LIMITER }
   */
  rateLimit?: RateLimit<TokenGrant | null>;
  /** Called after each token is issued, with its claims (never the token). See {@link EndpointHook}. */
  onIssue?: EndpointHook<TokenIssueEvent>;
  /** Called for every answer of 400 or more. See {@link EndpointHook}. */
  onDeny?: EndpointHook<DenyEvent<TokenEndpointErrorCode>>;
}

/** What `onIssue` sees of a token issued: the request, and the claims as the token carries them. */
export interface TokenIssueEvent {
  /** The request (its body has been read). */
  request: Request;
  claims: VideoSDKClaims & Record<string, unknown>;
}

/** An endpoint for the callers `authorize` lets in. */
export interface AuthorizedTokenEndpointConfig extends TokenEndpointSettings {
  /** Who may have a token ({@link TokenAuthorizer}). */
  authorize: TokenAuthorizer;
  /**
   * LOCAL DEVELOPMENT ONLY: serve callers that `authorize` refuses too. Every answer then carries
   * an `X-VideoSDK-Token-Anonymous` header saying so.
   */
  allowAnonymous?: boolean;
}

/**
 * LOCAL DEVELOPMENT ONLY: an endpoint that serves every caller. Every answer carries an
 * `X-VideoSDK-Token-Anonymous` header saying so.
 */
export interface AnonymousTokenEndpointConfig extends TokenEndpointSettings {
  authorize?: undefined;
  allowAnonymous: true;
}

/**
 * The endpoint's config: `authorize`, or `allowAnonymous: true` (local development only), is
 * required; without either, every call rejects with `INVALID_OPTIONS` (`field: 'authorize'`).
 */
export type TokenEndpointConfig = AuthorizedTokenEndpointConfig | AnonymousTokenEndpointConfig;

/** The 200 answer's JSON body. */
export interface TokenEndpointResponse {
  token: string;
  /** The token's `exp`, ISO-8601, e.g. `2025-01-01T12:00:00.000Z`: by this server's clock. */
  expiresAt: string;
  /**
   * The token's lifetime in seconds (`exp - iat`): a client times the token from the moment the
   * answer arrives, so a device clock hours off changes nothing.
   */
  expiresIn: number;
}


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
 * 16 KiB, 414 a URL over 16 KiB, 429 over `rateLimit`, 500 when `authorize` or the rate limit
 * fails ({@link TokenEndpointError});
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

/**
 * What {@link createTokenHandler} returns: `(request) => Promise<Response>`, answering as
 * {@link handleTokenRequest} would with the config it was made from, plus `free()`.
 */
export interface TokenHandler {
  /**
   * Answers one token request, exactly as `handleTokenRequest(request, config)` would.
   * Rejects only for a `request` that is not a Request, or after {@link TokenHandler.free}
   * ({@link TokenError} `INVALID_OPTIONS`).
   */
  (request: Request): Promise<Response>;
  /**
   * Zeroes and releases the key state (also `[Symbol.dispose]`, so `using` frees it where the
   * engine has it). Later calls reject with a TokenError `INVALID_OPTIONS`; a request still in
   * flight answers 500 `SERVER_ERROR`.
   */
  free(): void;
}

/**
 * {@link handleTokenRequest} with its config read once: checks `config` now, synchronously, reads
 * each of its properties once (later changes to the object change nothing), keys one signer for
 * as long as the handler lives, and returns a {@link TokenHandler} that answers every request as
 * `handleTokenRequest(request, config)` would: the same statuses, bodies, headers, hooks and rate
 * limit. For a config that stays the same across requests: a Worker makes it at its first request,
 * once `env` is known.
 * @throws {TokenError} for a bad `config`: `INVALID_OPTIONS` with `field`, or `WEAK_SECRET`
 * (the same as handleTokenRequest's rejections, their messages naming `createTokenHandler`).
 * @example
 * let tokens: TokenHandler | undefined;
 * export default {
 *   fetch: (request, env) => (tokens ??= createTokenHandler({
 *     apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET,
 *     authorize: (req) => checkSession(req), // false → 401, or { roomId } to narrow
 *   }))(request),
 * };
 */
export function createTokenHandler(config: TokenEndpointConfig): TokenHandler;
