// toNodeHandler: a (Request) => Response handler as a (req, res, next?) listener for node:http,
// Express 4 and 5, and Connect. The handler sees a Request as the client sent it (the exact body
// bytes, streamed), and its answer is written back as it is: status, headers, body.
import { VideoSDKError } from '../shared/errors.js';
import { isOptionsObject, readOptions } from '../shared/options.js';
import { Refusal, requestFrom } from './request.js';
import { writeResponse } from './response.js';

const CALL = 'toNodeHandler(handler, options)';
const OPTIONS = ['trustProxy', 'onError'];
const invalid = (field, message) => new VideoSDKError('INVALID_OPTIONS', message, { field });

function readAdapterOptions(options) {
  if (options === undefined) return { trustProxy: false, onError: undefined };
  if (!isOptionsObject(options)) throw invalid('options', `${CALL}: options must be an object such as { trustProxy: true }`);
  const { trustProxy = false, onError } = readOptions(options, CALL, OPTIONS, { refuse: invalid });
  if (typeof trustProxy !== 'boolean') {
    throw invalid('trustProxy', `${CALL}: trustProxy must be true (a proxy you run sets X-Forwarded-Proto and X-Forwarded-Host) or false`);
  }
  if (onError !== undefined && typeof onError !== 'function') {
    throw invalid('onError', `${CALL}: onError must be a function (error, req) => void`);
  }
  return { trustProxy, onError };
}

/** A JSON error answer, in the shape of the package's handlers' own. */
function errorResponse(status, code, message) {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

const serverError = () => errorResponse(500, 'SERVER_ERROR', 'the server failed; try again later');

const isResponse = (value) => value instanceof Response
  || (typeof value === 'object' && value !== null && typeof value.status === 'number' && typeof value.headers?.getSetCookie === 'function');

/** Turns `handler` into a listener; see index.d.ts. */
export function toNodeHandler(handler, options) {
  if (typeof handler !== 'function') {
    throw invalid('handler', `${CALL}: handler must be a function (request: Request) => Response, such as createTokenHandler(config)`);
  }
  const { trustProxy, onError } = readAdapterOptions(options);

  /** A failure the client may not hear about: to Express's next(err), else onError, else the console. */
  function report(error, req, next) {
    if (typeof next === 'function') return next(error);
    if (onError !== undefined) {
      try {
        onError(error, req);
      } catch {
        // a failing reporter must not take the server down
      }
    } else {
      console.error('videosdk-token/node: the handler failed:', error);
    }
    return undefined;
  }

  async function serve(req, res, next) {
    // Aborted when the connection closes before the answer is complete: the client is gone.
    const abort = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) abort.abort(new DOMException('the client closed the connection', 'AbortError'));
    };
    res.on('close', onClose);
    let request;
    try {
      request = requestFrom(req, res, trustProxy, abort.signal);
    } catch (error) {
      if (error instanceof Refusal) return writeResponse(errorResponse(error.status, error.code, error.message), req, res);
      if (error instanceof TypeError) {
        // The Request constructor refused what Node accepted (a method such as CONNECT or TRACE).
        return writeResponse(errorResponse(400, 'BAD_REQUEST', 'this request cannot be expressed as a web Request'), req, res);
      }
      if (typeof next === 'function') return next(error);
      report(error, req);
      // The one failure whose message helps the caller's developer and tells nothing secret.
      const own = error instanceof VideoSDKError && error.code === 'BODY_ALREADY_READ';
      return writeResponse(own ? errorResponse(500, error.code, error.message) : serverError(), req, res);
    }
    let response;
    try {
      response = await handler(request);
      if (!isResponse(response)) {
        throw new VideoSDKError('INVALID_OPTIONS', `${CALL}: the handler must return a Response (or a promise of one), not ${response === null ? 'null' : typeof response}`, { field: 'handler' });
      }
    } catch (error) {
      if (typeof next === 'function') return next(error);
      report(error, req);
      // A handler's failure is the deployment's bug: the client learns nothing about it.
      if (res.headersSent || res.destroyed) return undefined;
      return writeResponse(serverError(), req, res);
    }
    try {
      await writeResponse(response, req, res);
    } catch (error) {
      // The head is out: all that is left is to cut the answer short, so the client sees it failed.
      res.destroy();
      report(error, req, next);
    }
    return undefined;
  }

  return function nodeHandler(req, res, next) {
    serve(req, res, next).catch((error) => {
      res.destroy();
      report(error, req, next);
    });
  };
}
