/**
 * `videosdk-token/client`: VideoSDK tokens in a web page, from your own token endpoint
 * (`handleTokenRequest`), cached and refreshed before they expire. No wasm.
 */
// Types only: the provider's bundle loads nothing of token/.
import type { Permission, Role } from '../token/api.js';

export { TokenError, TokenProviderError, VideoSDKError, type TokenProviderErrorCode } from '../shared/errors.js';

export interface TokenProviderOptions {
  /**
   * The token endpoint. Default `'/api/token'`. A path is resolved against the page at the first
   * `getToken()`, so a provider made at module scope also loads where there is no page (a
   * framework rendering on the server); without a page, `getToken()` rejects with `INVALID_OPTIONS`.
   */
  url?: string | URL;
  /** The fetch to use. Default `globalThis.fetch`, looked up at each call. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /**
   * Added to every token request: credentials, headers (`Authorization`), mode. The method is
   * always GET; `signal` is refused (use the provider's `signal`). A function is called for each
   * token fetched, so it can return a fresh session header.
   */
  init?: Omit<RequestInit, 'method' | 'signal'> | (() => Omit<RequestInit, 'method' | 'signal'> | Promise<Omit<RequestInit, 'method' | 'signal'>>);
  /**
   * Seconds before a token expires at which it is replaced. Default 60. A token that lives less
   * than twice this is replaced at half its life instead. A token's life is the answer's
   * `expiresIn`, counted from the moment the answer arrived (by `now`), so the device's clock
   * offset does not matter; an older endpoint's `expiresAt` when it sends no `expiresIn`.
   */
  refreshBefore?: number;
  /**
   * Seconds a whole `getToken()` may take: `init`, each try, the pause between them and reading
   * each answer. At the deadline it rejects (`NETWORK`, or an earlier try's failure), even when
   * `fetch` ignores its signal or a body never ends. Default 10.
   */
  timeout?: number;
  /** Stops the provider: requests on their way and every later `getToken` reject with `ABORTED`. */
  signal?: AbortSignal;
  /** The clock, in milliseconds since 1970 like `Date.now` (its default); for tests. */
  now?: () => number;
}

/** What to ask the endpoint for: its GET query parameters. Requests equal in content share a token. */
export interface TokenRequest {
  roomId?: string;
  participantId?: string;
  permissions?: Permission[];
  roles?: Role[];
}

export interface TokenProvider {
  /**
   * A token for this request: the cached one while it is fresh, else a new one from the endpoint
   * (one request shared by every concurrent caller). Rejects with a {@link TokenProviderError}.
   */
  getToken(request?: TokenRequest): Promise<string>;
  /** Forgets cached tokens (all, or the one for `request`): the next `getToken` fetches anew. */
  invalidate(request?: TokenRequest): void;
}

/**
 * A token provider over a `handleTokenRequest` endpoint. Up to 16 distinct requests are cached
 * (the least recently used is dropped first).
 * @example
 * import { createTokenProvider } from 'videosdk-token/client';
 * const tokens = createTokenProvider({ url: '/api/token', init: { credentials: 'include' } });
 * const token = await tokens.getToken({ roomId });
 */
export function createTokenProvider(options?: TokenProviderOptions): TokenProvider;

/** What {@link readToken} read: the token's parts as it states them, NOT checked. */
export interface UnverifiedToken {
  /** The first part, as JSON; nothing in it is checked (not even `alg`). */
  header: Record<string, unknown>;
  /** The second part, as JSON; no claim in it is checked. */
  payload: Record<string, unknown>;
  /** From `iat`, when it is a number. */
  issuedAt?: Date;
  /** From `exp`, when it is a number. */
  expiresAt?: Date;
  /** `exp <= now`; false without an `exp`. */
  expired: boolean;
}

/**
 * Reads a token's header and payload in the page, without wasm: **no signature check and no
 * review** (no warnings, no VideoSDK rules). For showing when a session ends, never for access
 * decisions: your server verifies (`verifyToken`); `decodeToken` reviews, for the core's size.
 * @example
 * import { readToken } from 'videosdk-token/client';
 * const { expiresAt } = readToken(await tokens.getToken({ roomId }));
 * @throws {TokenError} MALFORMED (`field`: `header`, `payload` or `signature` when one part is at
 * fault) for anything but three base64url parts whose first two are JSON objects;
 * INVALID_OPTIONS for a `now` that is not seconds since 1970 or a Date.
 */
export function readToken(token: string, options?: { now?: number | Date }): UnverifiedToken;

