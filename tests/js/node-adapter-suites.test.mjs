// The endpoint and webhook suites through videosdk-token/node: each handleTokenRequest call,
// createTokenHandler handler call and handleWebhookRequest call a suite makes goes, as an HTTP
// request over 127.0.0.1, to a real node:http, Express 5 or Express 4 server where toNodeHandler
// puts the package's own handler; the suite gets the server's answer. Behind a proxy as deployed
// (trustProxy, X-Forwarded-*), so the URLs the handlers see are the suites' own (https://app.example/…).
//
// A handler that rejects (a bad config: the deployer's bug) reaches onError or Express's next();
// the error the adapter passed on is thrown back to the suite, which checks it is the handler's own.
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import * as lib from 'videosdk-token';
import { toNodeHandler } from 'videosdk-token/node';
import { load } from '../suites/index.mjs';
import { forward, startServer } from '../support/node-transport.mjs';

// Cases whose point cannot cross a socket, each with why (the suites run them on every runtime).
const SIGNAL = "endpoint: authorize() gets the POST as it came: method, URL, headers, the caller's signal, cf";
const SIGNAL_WHY = "the caller aborts after the answer came; over HTTP that request is already complete (a disconnect before the answer is the adapter's own test)";
const OVER_HTTP_NOT = { [SIGNAL]: SIGNAL_WHY, [`${SIGNAL} (createTokenHandler)`]: SIGNAL_WHY };

for (const kind of ['node', 'express5', 'express4']) {
  describe(`node adapter (${kind})`, async () => {
    let current;
    const server = await startServer(kind, toNodeHandler, {
      adapterOptions: { trustProxy: true },
      route: () => current.handler,
      failed: (error) => {
        current.failed = error;
      },
    });
    after(() => server.close());

    /** `request` answered by `handler` behind the server, over HTTP. */
    const over = async (handler, request) => {
      // node:http parses only the methods it knows (http.METHODS): to others it answers 400 itself,
      // and no adapter ever sees them. A suite's made-up method goes to the handler directly.
      if (!http.METHODS.includes(request.method)) return handler(request);
      current = { handler, failed: undefined };
      const response = await forward(server, request);
      if (current.failed !== undefined) throw current.failed;
      return response;
    };
    /** A handler call as the suites make it, made over HTTP instead. */
    const through = (handle) => (request, options) => over((req) => handle(req, options), request);
    /** createTokenHandler's handler, itself behind the server (with its own free()). */
    const createTokenHandler = (config) => {
      const handler = lib.createTokenHandler(config);
      return Object.assign((request) => over(handler, request), { free: handler.free });
    };
    const viaHttp = {
      ...lib, handleTokenRequest: through(lib.handleTokenRequest), createTokenHandler, handleWebhookRequest: through(lib.handleWebhookRequest),
    };
    for (const [name, fn] of await load(['endpoint', 'webhooks'], { lib: viaHttp })) {
      test(`${kind}: ${name}`, { skip: OVER_HTTP_NOT[name] }, fn);
    }
  });
}
