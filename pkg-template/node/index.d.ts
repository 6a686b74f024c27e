/**
 * `videosdk-token/node`: a web-standard handler as a listener for node:http, Express 4 and 5 and
 * Connect. Loads no wasm: the handler given brings whatever it uses.
 */
export { VideoSDKError } from '../shared/errors.js';

/** The part of Node's `http.IncomingMessage` (or Express's `req`) the adapter reads. */
export interface NodeRequestLike {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: { readonly [name: string]: string | readonly string[] | undefined };
  readonly rawHeaders: readonly string[];
}

/** The part of Node's `http.ServerResponse` (or Express's `res`) the adapter writes. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: number | string | readonly string[]): unknown;
  end(...args: never[]): unknown;
}

export interface NodeHandlerOptions {
  /**
   * Build the request's URL from `X-Forwarded-Proto` and `X-Forwarded-Host` (their first values)
   * rather than from the socket and `Host`. Only when a proxy you run sets them on every request:
   * otherwise any client can choose the URL the handler sees. Default false.
   */
  trustProxy?: boolean;
  /**
   * Told of a handler that threw or rejected, when there is no `next` (node:http). The client gets
   * a 500 with no detail either way. Default: `console.error`. With Express or Connect the error
   * goes to `next(error)` instead.
   */
  onError?: (error: unknown, req: NodeRequestLike) => void;
}

/** The `code` of the adapter's own errors and answers. */
export type NodeHandlerErrorCode =
  /** A bad argument to toNodeHandler (`field` names it), or a handler that returned no Response. */
  | 'INVALID_OPTIONS'
  /**
   * A body parser (express.json(), …) read the body first: the handler needs the exact bytes.
   * 500, and `next(error)` where there is a `next`.
   */
  | 'BODY_ALREADY_READ'
  /** 400: a Host or X-Forwarded-* value that is not a host, or a request target that is not a path. */
  | 'BAD_REQUEST'
  /** 500: the handler threw or rejected; the answer says nothing more. */
  | 'SERVER_ERROR';

/**
 * `(req, res, next?) => void` for `http.createServer(…)`, `app.use(…)`, `app.post(path, …)`:
 * the body is streamed to the handler as sent (mount it before any body parser), its Response
 * written back (status, every header, the body streamed), and `request.signal` aborted if the
 * client disconnects first.
 */
export function toNodeHandler(
  handler: (request: Request) => Response | Promise<Response>,
  options?: NodeHandlerOptions,
): (req: NodeRequestLike, res: NodeResponseLike, next?: (error?: unknown) => void) => void;
