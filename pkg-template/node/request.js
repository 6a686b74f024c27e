// A web-standard Request from Node's IncomingMessage: the URL from the socket and Host (as Node's
// docs build it; X-Forwarded-* only when the deployer says a proxy sets them), every header as
// sent, and the body streamed as bytes, read from the socket only as fast as the handler reads it.
import { VideoSDKError } from '../shared/errors.js';
import { quote } from '../shared/text.js';

/** An answer the adapter gives itself, before any handler runs (a Host that is not a host). */
export class Refusal extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// A host name, IPv4 address or bracketed IPv6 address, and an optional port: nothing that could
// move the path, add credentials or end the authority when the URL is put together.
const HOST = /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** The first of a header's comma-separated values, as the first proxy wrote it; undefined if absent. */
function firstValue(value) {
  if (Array.isArray(value)) value = value[0];
  if (typeof value !== 'string') return undefined;
  const first = value.split(',')[0].trim();
  return first === '' ? undefined : first;
}

/** The request's URL: scheme from the socket (or X-Forwarded-Proto), authority from Host (or X-Forwarded-Host). */
export function urlOf(req, trustProxy) {
  // Express rewrites req.url below a mount path; originalUrl is the URL the client asked for.
  const path = typeof req.originalUrl === 'string' ? req.originalUrl : req.url;
  // Origin form only: an absolute or authority form (a proxy's request) names another server, and
  // "//x" must stay a path, so the URL is put together by hand, never resolved against a base.
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new Refusal(400, 'BAD_REQUEST', `the request target must be a path starting with /, not ${quote(String(path))}`);
  }
  let scheme = req.socket?.encrypted ? 'https' : 'http';
  let host = req.headers.host ?? req.headers[':authority'];
  if (trustProxy) {
    const proto = firstValue(req.headers['x-forwarded-proto'])?.toLowerCase();
    if (proto !== undefined) {
      if (proto !== 'http' && proto !== 'https') {
        throw new Refusal(400, 'BAD_REQUEST', `X-Forwarded-Proto must be http or https, not ${quote(proto)}`);
      }
      scheme = proto;
    }
    host = firstValue(req.headers['x-forwarded-host']) ?? host;
  }
  if (host === undefined) {
    // HTTP/1.0 may leave Host out (Node refuses HTTP/1.1 without one): the address it reached.
    const address = req.socket?.localAddress ?? 'localhost';
    host = `${address.includes(':') ? `[${address}]` : address}:${req.socket?.localPort ?? 80}`;
  }
  if (typeof host !== 'string' || !HOST.test(host)) {
    throw new Refusal(400, 'BAD_REQUEST', `the Host header must be a host name and an optional port, not ${quote(String(host))}`);
  }
  return `${scheme}://${host}${path}`;
}

/** Every header as sent, repeated ones kept; HTTP/2's pseudo-headers (":path", …) are not headers. */
function headersOf(req) {
  const headers = new Headers();
  const raw = req.rawHeaders ?? [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i].startsWith(':')) continue;
    headers.append(raw[i], raw[i + 1]);
  }
  return headers;
}

/** Whether the request says a body follows (Node's own test: a length other than 0, or chunked). */
function hasBody(req) {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The error for a body something else has read already: the bytes the handler needs are gone. */
export function bodyAlreadyRead(req) {
  const what = req.body === undefined ? 'the request stream was already read'
    : `req.body is already set (${req.body === null ? 'null' : typeof req.body}): a body parser such as express.json() ran first`;
  const error = new VideoSDKError('BODY_ALREADY_READ',
    `toNodeHandler needs the request body as sent, but ${what}; mount this handler before any body parser, ` +
    "or give its route express.raw({ type: '*/*' }) so that req.body holds the exact bytes");
  // What Express's and Connect's final handler read to pick the status, and not show the message.
  return Object.assign(error, { status: 500, expose: false });
}

/**
 * The body as a byte stream. Nothing is read ahead: each read by the handler takes what Node has
 * received (req.read()), so a handler that stops reading at its limit stops the socket too (TCP
 * flow control holds the sender), and cancelling leaves the rest unread (the answer then closes
 * the connection, rather than Node reading the rest to keep it open).
 */
function bodyStream(req, res) {
  let detach = () => {};
  return new ReadableStream({
    pull(controller) {
      expectContinue(req, res);
      return new Promise((resolve) => {
        const settle = (fn) => {
          detach();
          fn();
          resolve();
        };
        const take = () => {
          const chunk = req.read();
          if (chunk === null) return false;
          settle(() => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
          return true;
        };
        if (req.readableEnded) return settle(() => controller.close());
        if (req.destroyed) return settle(() => controller.error(new Error('the client closed the connection before the body ended')));
        if (take()) return;
        const onEnd = () => settle(() => controller.close());
        const onError = (e) => settle(() => controller.error(e));
        const onClose = () => {
          if (!req.readableEnded) onError(new Error('the client closed the connection before the body ended'));
        };
        detach = () => {
          req.off('readable', take);
          req.off('end', onEnd);
          req.off('error', onError);
          req.off('close', onClose);
          detach = () => {};
        };
        req.on('readable', take);
        req.on('end', onEnd);
        req.on('error', onError);
        req.on('close', onClose);
      });
    },
    cancel() {
      detach();
    },
  }, { highWaterMark: 0 });
}

/**
 * "Expect: 100-continue": the client waits for a 100 before it sends the body. Node sends it
 * itself unless the server routes 'checkContinue' to this listener; then it goes out only when the
 * handler reads the body, so a body refused by its declared length is never sent at all.
 */
function expectContinue(req, res) {
  if (res.headersSent || res._sent100 === true) return; // _sent100: Node's own mark that a 100 went out
  if (req.httpVersion !== '1.1' || !/^\s*100-continue\s*$/i.test(req.headers.expect ?? '')) return;
  res.writeContinue();
}

/** The Request the handler gets; throws a Refusal or a BODY_ALREADY_READ error. */
export function requestFrom(req, res, trustProxy, signal) {
  const url = urlOf(req, trustProxy);
  const init = { method: req.method, headers: headersOf(req), signal };
  if (hasBody(req)) {
    // Read already (data seen, or ended): by a body parser. express.raw() leaves the exact bytes.
    if (req.readableDidRead || req.readableEnded) {
      if (!ArrayBuffer.isView(req.body)) throw bodyAlreadyRead(req);
      init.body = new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength);
    } else {
      init.body = bodyStream(req, res);
      init.duplex = 'half'; // a streamed body: Node's Request requires saying so
    }
  }
  return new Request(url, init);
}
