// The Node adapter's test harness (tests/js/node-adapter*.test.mjs): servers on 127.0.0.1 that put
// a (Request) => Response handler behind toNodeHandler (node:http, Express 5, Express 4), and a
// fetch-like `forward(request)` that sends a suite's Request to one of them over a real socket
// and gives back the server's answer as a Response.
//
// The suites count how much of a streamed body a handler pulled (a refusal must stop near the
// limit). Over TCP, the kernel's buffers would take megabytes before the server read any of them,
// so `forward` sends a chunk only when the server is waiting for one: its request stream has no
// data buffered, all bytes sent so far have arrived, and a reader is waiting (a 'readable'
// listener, or flowing mode). What a suite counts is then what the server read: flow control with
// buffers of one chunk. It also means a body nobody reads is never sent.
import http from 'node:http';
import express5 from 'express';
import express4 from 'express4';

// Above this, a declared Content-Length is sent as declared, and the body streamed on demand (a
// handler may refuse it unread). At or below, the body is read first and sent with its true
// length: a Content-Length that is not the body's cannot go on the wire (it would frame another
// request), so a suite's understated one becomes the truth, as an HTTP client would send it.
const SMALL_BODY = 64 * 1024;
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A server on 127.0.0.1: kind is 'node' (http.createServer) or 'express5' / 'express4' (the
 * listener mounted with app.use, and an error middleware after it). `route()` gives the handler
 * for each request and `failed(error)` receives what the adapter passes on (onError or next).
 */
export async function startServer(kind, toNodeHandler, { route, failed, adapterOptions = {} }) {
  const handler = (request) => route()(request);
  let listener;
  if (kind === 'node') {
    listener = toNodeHandler(handler, { ...adapterOptions, onError: (error) => failed(error) });
  } else {
    const app = (kind === 'express5' ? express5 : express4)();
    app.use(toNodeHandler(handler, adapterOptions));
    app.use((error, req, res, next) => { // eslint-disable-line no-unused-vars
      failed(error);
      res.status(500).json({ error: { code: 'SERVER_ERROR', message: 'next(error) was called' } });
    });
    listener = app;
  }
  // A 1 MiB URL must reach the handler (its 414 is under test), not Node's 431.
  const server = http.createServer({ maxHeaderSize: 4 * 1024 * 1024 }, listener);
  const requests = new Map(); // server-side socket → its current request and response
  const sockets = new Map(); // the client's port → the server-side socket
  server.on('connection', (socket) => {
    sockets.set(socket.remotePort, socket);
    socket.on('close', () => sockets.delete(socket.remotePort));
  });
  server.on('request', (req, res) => requests.set(req.socket, { req, res }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    /** The server's side of a client's connection: its socket and the request on it. */
    peer(clientPort) {
      const socket = sockets.get(clientPort);
      return { socket, ...(socket && requests.get(socket)) };
    },
    close: () => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Sends `request` to `server` (on its own connection) with Host from the request's URL and, when
 * `forwarded`, X-Forwarded-Proto and X-Forwarded-Host as a proxy in front would; resolves to the
 * answer as a Response.
 */
export async function forward(server, request, { forwarded = true } = {}) {
  const url = new URL(request.url);
  const headers = {};
  for (const [name, value] of request.headers) headers[name] = value;
  headers.host = url.host;
  if (forwarded) {
    headers['x-forwarded-proto'] = url.protocol.slice(0, -1);
    headers['x-forwarded-host'] = url.host;
  }
  let body = request.body;
  const declared = request.headers.get('content-length');
  if (body !== null && (declared === null || Number(declared) <= SMALL_BODY)) {
    if (declared !== null) {
      body = new Uint8Array(await request.arrayBuffer());
      headers['content-length'] = String(body.byteLength);
    } else {
      delete headers['content-length'];
      headers['transfer-encoding'] = 'chunked';
    }
  }
  const client = http.request({
    host: '127.0.0.1', port: server.port, method: request.method, path: url.pathname + url.search, headers, agent: false,
  });
  let answered = false;
  const answer = new Promise((resolve, reject) => {
    client.on('response', (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ res, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    client.on('error', (e) => {
      if (!answered) reject(e);
    });
  });
  client.flushHeaders();
  if (body instanceof Uint8Array) client.end(body);
  else if (body === null) client.end();
  else sendOnDemand(server, client, body, () => answered);
  const { res, bytes } = await answer;
  client.destroy();
  const out = new Headers();
  for (let i = 0; i < res.rawHeaders.length; i += 2) out.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
  return new Response(NULL_BODY.has(res.statusCode) || request.method === 'HEAD' ? null : bytes, {
    status: res.statusCode, statusText: res.statusMessage, headers: out,
  });
}

/** Streams `body` one chunk at a time, each only once the server waits for it (see the top). */
async function sendOnDemand(server, client, body, answered) {
  const reader = body.getReader();
  const socket = await new Promise((resolve) => {
    if (client.socket?.localPort !== undefined) resolve(client.socket);
    else client.once('socket', (s) => (s.localPort !== undefined ? resolve(s) : s.once('connect', () => resolve(s))));
  });
  const waiting = () => {
    const { socket: peer, req, res } = server.peer(socket.localPort);
    // Once the server answers, it reads on only to discard (or closes): nobody waits for more.
    if (peer === undefined || req === undefined || res.headersSent) return false;
    const arrived = peer.bytesRead >= socket.bytesWritten;
    const reading = req.listenerCount('readable') > 0 || req.readableFlowing === true;
    return arrived && req.readableLength === 0 && reading;
  };
  try {
    for (;;) {
      while (!answered() && !client.destroyed && !waiting()) await tick();
      if (answered() || client.destroyed) {
        await reader.cancel();
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        client.end();
        return;
      }
      client.write(value);
      await tick(); // let the write reach the socket before bytesWritten is compared again
    }
  } catch {
    client.destroy();
  }
}
