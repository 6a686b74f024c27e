// The stand-in of VideoSDK's API (videosdk-token/testing's createStandIn, a `Request → Response`
// handler) served on 127.0.0.1 over node:http, for the runners that reach it through a socket:
// Node, Deno and Bun in-process (they implement node:http), workerd through a service binding,
// the examples and `make demo`. This file only turns an IncomingMessage into a Request and the
// Response back; every check and answer is the handler's.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { createStandIn } from 'videosdk-token/testing';

/**
 * Starts the stand-in. Resolves with { url, close(), state, requests, standIn } once it listens.
 * @param {{ apiKey: string, secret: string, port?: number, control?: boolean, webhookSigner?: object }} options
 */
export async function startStandIn({ apiKey, secret, port = 0, control = false, webhookSigner } = {}) {
  const standIn = createStandIn({ apiKey, secret, control, ...(webhookSigner ? { webhookSigner } : {}) });
  const sockets = new Set();
  let base = '';

  const server = createServer((req, res) => {
    serve(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function serve(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    // A client that goes away (its timeout, its signal, close()) aborts the request: a hang ends.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`${base}${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
      body: hasBody ? body : undefined,
      signal: gone.signal,
    });
    const response = await standIn.handle(request);
    if (res.destroyed) return;
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body === null) {
      res.end();
      return;
    }
    try {
      for await (const chunk of response.body) res.write(chunk);
      res.end();
    } catch {
      // The handler cut the answer (a `drop` fault): so is the connection.
      res.destroy();
    }
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${server.address().port}`;

  return {
    url: base,
    get state() {
      return standIn.state;
    },
    get requests() {
      return standIn.requests;
    },
    standIn,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
