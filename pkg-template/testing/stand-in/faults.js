// Faults the tests inject: for the next `times` requests matching `method` and a path prefix, an
// answer in place of the stand-in's own (before the request takes effect, or after it with
// `after: true`): a status with headers and a body (a redirect among them), a hang, an answer
// cut mid-body, an answer of many megabytes, malformed JSON. A 429 with `enforceRetryAfter` makes the stand-in refuse a retry that comes too early.
import { jsonAnswer, STAND_IN_HEADER, STAND_IN_NOTE } from './http.js';

// A retry that comes sooner than Retry-After asked is refused (timers may fire a little early).
const RETRY_AFTER_SLACK_MS = 50;

export function takeFault(faults, method, path) {
  const index = faults.findIndex((f) => (f.method ?? method) === method && path.startsWith(f.path ?? ''));
  if (index === -1) return undefined;
  const fault = faults[index];
  fault.times -= 1;
  if (fault.times <= 0) faults.splice(index, 1);
  return fault;
}

/** Whether a retry of `method path` came before the Retry-After of an enforced 429: the ms early. */
export function tooEarly(notBefore, method, path) {
  const key = `${method} ${path}`;
  const at = notBefore.get(key);
  if (at === undefined) return undefined;
  notBefore.delete(key);
  const early = at - Date.now();
  return early > 0 ? early : undefined;
}

/** The Response a fault gives (a hang resolves only when the request is aborted). */
export function applyFault(fault, request, entry, notBefore) {
  entry.fault = fault.kind;
  const marked = { 'Content-Type': 'application/json; charset=utf-8', [STAND_IN_HEADER]: STAND_IN_NOTE };
  switch (fault.kind) {
    case 'hang':
      // Never answers; the client's timeout or signal ends it (the request's signal aborts).
      return new Promise((resolve) => {
        const end = () => resolve(new Response(null, { status: 499 }));
        if (request.signal.aborted) end();
        else request.signal.addEventListener('abort', end, { once: true });
      });
    case 'drop': {
      // The answer is cut short: headers and part of the body, then the connection fails.
      // (Closing before any answer would not do: Deno's fetch then re-sends the request by itself.)
      entry.status = 200;
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"roomId": "abcd-'));
          setTimeout(() => controller.error(new Error('stand-in: connection dropped')), 20);
        },
      });
      return new Response(body, { status: 200, headers: { ...marked, 'Content-Length': '64' } });
    }
    case 'large': {
      // A valid JSON object of `bytes` bytes and more, made as the reader pulls it (backpressure),
      // with no Content-Length: only counting what arrives can stop it. `entry.sent` is what had
      // been handed over when the reader stopped.
      entry.status = 200;
      const total = fault.bytes ?? 4 * 1024 * 1024;
      const chunk = new Uint8Array(64 * 1024).fill(0x78);
      const encoder = new TextEncoder();
      let sent = -1;
      const body = new ReadableStream({
        pull(controller) {
          if (sent < 0) {
            sent = 0;
            controller.enqueue(encoder.encode('{"filler":"'));
          } else if (sent < total) {
            sent += chunk.length;
            entry.sent = sent;
            controller.enqueue(chunk);
          } else {
            controller.enqueue(encoder.encode('"}'));
            controller.close();
          }
        },
      }, { highWaterMark: 0 });
      return new Response(body, { status: 200, headers: marked });
    }
    case 'malformed':
      entry.status = 200;
      return new Response('{"roomId": "abcd-efgh-', { status: 200, headers: marked });
    default: {
      const status = fault.status ?? 500;
      const headers = fault.headers ?? {};
      const retryAfter = headers['Retry-After'];
      if (fault.enforceRetryAfter && retryAfter !== undefined && /^\d+$/.test(String(retryAfter))) {
        notBefore.set(`${request.method} ${entry.rawPath}`, Date.now() + Number(retryAfter) * 1000 - RETRY_AFTER_SLACK_MS);
      }
      entry.status = status;
      if (typeof fault.body === 'string') {
        return new Response(fault.body, { status, headers: { ...marked, 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
      }
      return jsonAnswer(status, fault.body ?? { message: `injected ${status}` }, headers);
    }
  }
}
