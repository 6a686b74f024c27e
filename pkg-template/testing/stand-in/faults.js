// Faults a test injects with fail(): for the next `times` requests matching `method` and a path
// prefix, a stall (`delayMs`, ended early when the request is aborted) and/or an answer in place
// of the stand-in's own: a status (429 with Retry-After, a 5xx), a body of any text, an answer cut
// mid-body, a redirect (`location`), an answer of megabytes (`bytes`). An injected answer comes
// before the request takes effect, or after it with `after: true`. A 429 with `enforceRetryAfter` makes the stand-in refuse a retry that comes early.
import { invalidOptions } from '../../shared/errors.js';
import { readOptions } from '../../shared/options.js';
import { jsonAnswer, STAND_IN_HEADER, STAND_IN_NOTE } from './http.js';

const FAULT_OPTIONS = ['times', 'status', 'retryAfter', 'path', 'method', 'delayMs', 'cut', 'body', 'location', 'bytes', 'after', 'enforceRetryAfter'];
// A retry that comes sooner than Retry-After asked is refused (timers may fire a little early).
const RETRY_AFTER_SLACK_MS = 50;
// setTimeout's longest delay; a longer stall lasts until the request is aborted.
const MAX_TIMER_MS = 2 ** 31 - 1;

const bad = (field, message) => {
  throw invalidOptions(field, `fail: ${message}`);
};

/** A fault as fail() takes it, checked, with its defaults. */
export function readFault(given) {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) bad('fault', 'each fault is an object such as { status: 503 }');
  const f = readOptions(given, 'fail', FAULT_OPTIONS);
  /** @type {Record<string, any>} */
  const fault = { ...f, times: f.times ?? 1 };
  if (!Number.isInteger(fault.times) || fault.times < 1) bad('times', 'times must be a positive integer');
  if (f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 200 && f.status <= 599)) bad('status', 'status must be an HTTP status from 200 to 599');
  if (f.retryAfter !== undefined && !((Number.isInteger(f.retryAfter) && f.retryAfter >= 0) || (typeof f.retryAfter === 'string' && f.retryAfter !== ''))) {
    bad('retryAfter', 'retryAfter must be whole seconds (a number) or the header\'s text (an HTTP date)');
  }
  if (f.path !== undefined && (typeof f.path !== 'string' || !f.path.startsWith('/'))) bad('path', 'path must be a path prefix such as /v2/rooms');
  if (f.method !== undefined && (typeof f.method !== 'string' || !/^[A-Z]+$/.test(f.method))) bad('method', 'method must be an upper-case HTTP method such as GET');
  if (f.delayMs !== undefined && !(typeof f.delayMs === 'number' && f.delayMs >= 0)) bad('delayMs', 'delayMs must be a number of milliseconds, 0 or more (Infinity: until the request is aborted)');
  for (const name of ['cut', 'after', 'enforceRetryAfter']) if (f[name] !== undefined && typeof f[name] !== 'boolean') bad(name, `${name} must be true or false`);
  if (f.location !== undefined && (typeof f.location !== 'string' || !URL.canParse(f.location))) bad('location', 'location must be an absolute URL (the redirect\'s target)');
  if (f.location !== undefined && f.status !== undefined && (f.status < 300 || f.status > 399)) bad('status', 'a fault with location answers a 3xx: status 301, 302, 303, 307 or 308');
  if (f.bytes !== undefined && !(Number.isInteger(f.bytes) && f.bytes > 0)) bad('bytes', 'bytes must be a positive whole number (the size of the answer)');
  if (f.body === undefined && Object.hasOwn(f, 'body')) delete fault.body;
  fault.replaces = f.status !== undefined || f.retryAfter !== undefined || f.body !== undefined || f.cut === true
    || f.location !== undefined || f.bytes !== undefined;
  return fault;
}

export function takeFault(faults, method, path) {
  const index = faults.findIndex((f) => (f.method ?? method) === method && path.startsWith(f.path ?? ''));
  if (index === -1) return undefined;
  const fault = faults[index];
  fault.times -= 1;
  if (fault.times <= 0) faults.splice(index, 1);
  return fault;
}

/** Waits `ms`; resolves false at once if `signal` aborts first. */
export function stall(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    let timer;
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (ms <= MAX_TIMER_MS) {
      timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
    }
  });
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

/** The injected answer of a fault that replaces the stand-in's own. */
export function faultAnswer(fault, request, entry, notBefore) {
  const status = fault.status ?? (fault.location !== undefined ? 302 : fault.retryAfter !== undefined ? 429 : fault.cut || fault.bytes ? 200 : 500);
  /** @type {Record<string, string>} */
  const headers = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  if (fault.location !== undefined) headers.Location = fault.location;
  if (fault.enforceRetryAfter && typeof fault.retryAfter === 'number') {
    notBefore.set(`${request.method} ${entry.path}`, Date.now() + fault.retryAfter * 1000 - RETRY_AFTER_SLACK_MS);
  }
  entry.status = status;
  entry.injected = true;
  if (fault.cut) {
    // Headers and part of the body, then the connection fails. (Closing before any answer would
    // not do: Deno's fetch then re-sends the request by itself.)
    entry.fault = 'cut';
    const text = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body ?? { roomId: 'abcd-efgh-ijkl' });
    const part = new TextEncoder().encode(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(part);
        setTimeout(() => controller.error(new TypeError('stand-in: connection cut')), 20);
      },
    });
    return new Response(body, { status, headers: { 'Content-Type': 'application/json; charset=utf-8', [STAND_IN_HEADER]: STAND_IN_NOTE, ...headers } });
  }
  if (fault.bytes !== undefined) return largeAnswer(fault.bytes, status, entry, headers);
  if (typeof fault.body === 'string') {
    return new Response(fault.body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', [STAND_IN_HEADER]: STAND_IN_NOTE, ...headers } });
  }
  return jsonAnswer(status, fault.body ?? { message: `injected ${status}` }, headers);
}

/**
 * A valid JSON object of `bytes` bytes and more, made as the reader pulls it (backpressure), with
 * no Content-Length: only counting what arrives can stop it. `entry.sent` is what had been handed
 * over when the reader stopped.
 */
function largeAnswer(bytes, status, entry, headers) {
  entry.fault = 'large';
  const chunk = new Uint8Array(64 * 1024).fill(0x78);
  const encoder = new TextEncoder();
  let sent = -1;
  const body = new ReadableStream({
    pull(controller) {
      if (sent < 0) {
        sent = 0;
        controller.enqueue(encoder.encode('{"filler":"'));
      } else if (sent < bytes) {
        sent += chunk.length;
        entry.sent = sent;
        controller.enqueue(chunk);
      } else {
        controller.enqueue(encoder.encode('"}'));
        controller.close();
      }
    },
  }, { highWaterMark: 0 });
  return new Response(body, { status, headers: { 'Content-Type': 'application/json; charset=utf-8', [STAND_IN_HEADER]: STAND_IN_NOTE, ...headers } });
}
