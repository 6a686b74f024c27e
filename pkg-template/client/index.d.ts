/**
 * `videosdk-token/client`: VideoSDK tokens in a web page, from your own token endpoint
 * (`handleTokenRequest`), cached and refreshed before they expire. No wasm.
 */
import type { Permission, Role, TokenEndpointError, VideoSDKError } from '../index.js';

export { VideoSDKError } from '../index.js';

export interface TokenProviderOptions {
  /** The token endpoint; a path is resolved against the page. Default `'/api/token'`. */
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

export type TokenProviderErrorCode =
  /** The endpoint's own code, from a 4xx answer: never retried. */
  | TokenEndpointError['error']['code']
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
