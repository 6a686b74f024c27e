// Writing a web-standard Response to Node's ServerResponse: status, every header (each Set-Cookie
// on its own line), and the body streamed with backpressure, stopped when the client goes away.

/** Copies status and headers; a Set-Cookie joins any a middleware set before (appended, never folded). */
function writeHead(response, req, res) {
  res.statusCode = response.status;
  const http1 = !(req.httpVersionMajor >= 2);
  if (http1 && response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.appendHeader('set-cookie', cookie);
  // An answer sent before the body fully arrived (refused at a limit, or never read) needs nothing
  // more: Node then closes the connection itself rather than read the rest to keep it open.
}

/** Resolves once `res` can take more (drain), or is closed. */
function drained(res) {
  return /** @type {Promise<void>} */ (new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  }));
}

const NO_BODY = new Set([204, 205, 304]);

/** Writes `response` to `res`; rejects if reading the Response's body fails (the head is sent by then). */
export async function writeResponse(response, req, res) {
  writeHead(response, req, res);
  const body = response.body;
  if (body === null || req.method === 'HEAD' || NO_BODY.has(response.status)) {
    if (body !== null) body.cancel().catch(() => {});
    res.end();
    return;
  }
  const reader = body.getReader();
  const gone = () => {
    if (!res.writableFinished) reader.cancel().catch(() => {});
  };
  res.on('close', gone);
  try {
    const first = await reader.read();
    if (first.done) {
      res.end();
      return;
    }
    // A body that is already whole (the handlers' JSON answers) goes out with a Content-Length,
    // which Node sets when end() gets all of it; a body still streaming is sent as it comes.
    let pending = reader.read();
    const second = await Promise.race([pending, new Promise((resolve) => setImmediate(resolve))]);
    if (second?.done) {
      res.end(first.value);
      return;
    }
    let chunk = first;
    while (!chunk.done) {
      if (res.destroyed) return; // the client went away: `gone` cancelled the body
      if (!res.write(chunk.value)) await drained(res);
      chunk = await pending;
      if (!chunk.done) pending = reader.read();
    }
    res.end();
  } finally {
    res.off('close', gone);
  }
}
