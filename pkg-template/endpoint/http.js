// The HTTP discipline both endpoints (handleTokenRequest, handleRoomRequest) follow, in one place:
// a request refused with a `Refusal` (status, `{ error: { code, message, field? } }`, headers),
// the body read once and no further than 16 KiB, JSON bodies only, a query string refused where
// the body carries the fields, the URL bounded, 405 with `Allow`, the OPTIONS preflight and the
// CORS headers, and every other failure a 500 that says nothing about it.
import { jsonResponse, readLimited } from '../shared/http.js';
import { cut, quote } from '../shared/text.js';

export const MAX_BODY = 16 * 1024; // bytes
export const MAX_URL = 16 * 1024; // characters

/** A 4xx answer: thrown from anywhere in an endpoint's work, answered by `answer`. */
export class Refusal extends Error {
  constructor(status, code, message, field, headers = {}) {
    super(message);
    this.status = status;
    this.body = { error: field === undefined ? { code, message } : { code, message, field } };
    this.headers = headers;
  }
}

/** A 400 INVALID_OPTIONS naming the input at fault. */
export function bad(message, field) {
  return new Refusal(400, 'INVALID_OPTIONS', message, field);
}

/**
 * The endpoint's Response: what `work()` resolves; a Refusal's JSON answer; for anything else it
 * throws (the deployment's code failed, or the platform did) `serverError`'s 500, so the caller
 * learns nothing about which, and the promise still resolves. `common` headers go on every answer.
 */
export async function answer(common, serverError, work, deny) {
  try {
    return await work();
  } catch (e) {
    const refusal = e instanceof Refusal ? e : { status: 500, body: serverError, headers: {} };
    // The deployment's onDeny hook (endpoint/limits.js: awaited, its failures swallowed).
    if (deny) await deny(refusal.status, refusal.body.error.code);
    return jsonResponse(refusal.status, refusal.body, { ...common, ...refusal.headers });
  }
}

/** The 204 answer to an OPTIONS preflight; the CORS part only for an allowed origin. */
export function preflight(methods, common) {
  const headers = { Allow: methods, ...common };
  if (common['Access-Control-Allow-Origin']) {
    headers['Access-Control-Allow-Methods'] = methods;
    headers['Access-Control-Allow-Headers'] = 'Authorization, Content-Type';
    headers['Access-Control-Max-Age'] = '600';
  }
  return new Response(null, { status: 204, headers });
}

/** The 405 for `method`, naming the methods this resource takes in `Allow`. */
export function notAllowed(method, methods, use) {
  return new Refusal(405, 'METHOD_NOT_ALLOWED', `use ${use}, not ${quote(method)}`, undefined, { Allow: methods });
}

/**
 * Bounded before anything parses it: a URL of megabytes would otherwise cost tens of
 * milliseconds to parse and refuse (platforms cap URLs too, at 8 to 80 KiB, not all of them).
 */
export function checkUrlLength(request) {
  if (request.url.length > MAX_URL) {
    throw new Refusal(414, 'URI_TOO_LONG', `the URL is over ${MAX_URL} characters`, 'query');
  }
}

/**
 * A request whose fields come from its body refuses a query string: `authorize` may have read
 * it, and one room could be approved there while another is acted on from the body.
 */
export function refuseQuery(url, method) {
  const first = url.searchParams.keys().next();
  if (!first.done) {
    throw bad(`a ${method} takes its fields from the JSON body only; remove ${quote(first.value)} from the query string`, cut(first.value));
  }
}

const tooLarge = () => new Refusal(413, 'PAYLOAD_TOO_LARGE', `the body is over ${MAX_BODY} bytes`, 'body');

/** The body's bytes, no further than the limit; Content-Length is only used to refuse early. */
export async function readBody(request) {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && Number(declared) > MAX_BODY) throw tooLarge();
  let bytes;
  try {
    bytes = await readLimited(request.body, MAX_BODY);
  } catch {
    throw bad('the body could not be read', 'body');
  }
  if (bytes === null) throw tooLarge();
  return bytes;
}

/**
 * The request as it came, carrying the bytes already read: method, URL, headers, the platform's
 * `cf` (workerd) and the caller's signal (the rest of a server's request is the defaults). Built
 * from its parts, not as `new Request(request, { body })`, which reads `request.signal`: Deno.serve
 * then prints a legacy-behaviour notice in every deployment. The signal is read only if
 * authorize() reads it. `authorize` may so read the body too, and nothing reads the stream twice.
 */
export function withBody(request, bytes) {
  const init = { method: request.method, headers: request.headers, body: bytes };
  if (request.cf !== undefined) init.cf = request.cf;
  const copy = new Request(request.url, init);
  Object.defineProperty(copy, 'signal', { get: () => request.signal, enumerable: true, configurable: true });
  return copy;
}

/**
 * The body as a JSON object (with Content-Type: application/json, in UTF-8), else a 400 showing
 * `example`, a JSON object such as `{"roomId": "…"}`.
 */
export function jsonObject(request, bytes, example) {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw bad('send a JSON body with Content-Type: application/json', 'body');
  }
  let body;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw bad(`the body is not valid JSON in UTF-8; send an object such as ${example}`, 'body');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw bad(`the body must be a JSON object such as ${example}`, 'body');
  }
  return body;
}

/**
 * The CORS headers every answer to `origin` carries: `cors` is the list of allowed origins or
 * '*'; `expose` names the answer's headers a page may read beyond the safelisted ones.
 */
export function corsHeaders(cors, origin, expose) {
  if (cors === '*') return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': expose };
  const headers = cors.length > 0 ? { Vary: 'Origin' } : {};
  if (origin !== null && cors.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Expose-Headers'] = expose;
  }
  return headers;
}

/** Whether `request` can be handled as a Request (a Request from any realm or polyfill). */
export function isRequest(request) {
  return request !== null && typeof request === 'object' && typeof request.headers?.get === 'function';
}
