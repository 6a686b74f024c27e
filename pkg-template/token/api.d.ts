/**
 * The token calls (api.js): mint, verify and decode VideoSDK access tokens (JWT, HS256).
 * Every function throws a {@link TokenError} with a stable `code` on bad input; none needs an init call.
 */

/** A permission's name; what each lets a token's bearer do is {@link PERMISSIONS}'s to say (from the core). */
export type Permission = 'allow_join' | 'ask_join' | 'allow_mod';

/** A role's name; where each lets a token be used is {@link ROLES}'s to say (from the core). */
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
export function spanSeconds(span: Span, field?: 'expiresIn' | 'notBefore' | 'clockTolerance' | 'maxExpiresIn' | 'timeout'): number;

/** A number of seconds for people, as the package's messages say it: `humanSpan(6720)` is `'1 h 52 min'`. */
export function humanSpan(seconds: number): string;

export { TokenError, VideoSDKError, type TokenErrorCode } from '../shared/errors.js';

/** Every permission, with what it lets a token's bearer do (from the core; frozen). */
export const PERMISSIONS: Readonly<Record<Permission, string>>;

/** Every role, with where it lets a token be used (from the core; frozen). */
export const ROLES: Readonly<Record<Role, string>>;

/** The longest token verifyToken and decodeToken accept: 8192 bytes. */
export const MAX_TOKEN_LEN: number;
