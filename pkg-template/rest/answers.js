// How the client reads VideoSDK's answers: a 2xx body in the shape the call expects (an object,
// a page, a bare JSON string, a `{ code, data }` wrapper, any JSON), an error body's own message
// (cleaned: one line, bounded, never the management token), an error status as an ApiError code.
import { ApiError } from '../shared/errors.js';
import { escapeText } from '../shared/text.js';

const MAX_API_MESSAGE = 300;

export const attempts = (n) => (n === 1 ? '1 attempt' : `${n} attempts`);

// Said when a call that must not run twice (a start, a dispatch) failed in a way that leaves
// unknown whether VideoSDK acted on it: a 5xx, a timeout, a lost answer.
const MAY_HAVE_ACTED = 'not retried, since the call may have taken effect at VideoSDK: check its state (a list, a get, a webhook) before repeating it';

/** Adds that note to an error of a call retried only after a 429. */
export function mayHaveActed(error) {
  error.message = `${error.message}; ${MAY_HAVE_ACTED}`;
  error.reason = error.message;
  return error;
}

/** VideoSDK's own message from an error body: its `message` (or `error`) field, else the text. */
export function messageOf(text, token) {
  let message;
  try {
    const body = JSON.parse(text);
    if (body !== null && typeof body === 'object') {
      message = [body.message, body.error, body.msg].find((m) => typeof m === 'string' && m.trim() !== '');
    } else if (typeof body === 'string' && body.trim() !== '') {
      message = body;
    }
  } catch {
    // not JSON: the text itself, if it is short and readable
  }
  if (message === undefined && text.trim() !== '' && !/^\s*</.test(text)) message = text;
  if (message === undefined) return undefined;
  return clean(message, token);
}

const TOKEN_MARK = '[management token]';

/**
 * One line, bounded, and never the management token even if a server echoed it. Whitespace is
 * collapsed first, so a token wrapped across lines is found whole; the signature is redacted on
 * its own too, because the header and the claims are predictable (apikey, iat, exp) and the
 * signature alone gives the token back. A signature still there once whitespace is removed (the
 * wrap fell inside it) withholds the whole text. What is left is escaped as every echo is
 * (shared/text.js): no C1 control or bidi override from a server reaches a log raw.
 */
export function clean(text, token) {
  const signature = token.slice(token.lastIndexOf('.') + 1);
  let out = String(text).replace(/\s+/g, ' ').trim().split(token).join(TOKEN_MARK).split(signature).join(TOKEN_MARK);
  if (out.replace(/\s/g, '').includes(signature)) out = `${TOKEN_MARK} (the text held it and was withheld)`;
  out = escapeText(out);
  if (out.length > MAX_API_MESSAGE) out = `${out.slice(0, MAX_API_MESSAGE)}…`;
  return out;
}

// 402 (a plan or quota refusal), 406 and 422 (VideoSDK's fetch_error and invalid_object) have no
// code of their own: like every other 4xx they are BAD_REQUEST, VideoSDK's text in apiMessage.
const STATUS_CODES = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'RATE_LIMITED' };

export function statusError(status, where, apiMessage, attempt) {
  const { method, path } = where;
  const said = apiMessage === undefined ? '' : `: ${apiMessage}`;
  let code = STATUS_CODES[status];
  if (code === undefined) code = status >= 500 ? 'SERVER_ERROR' : status >= 400 ? 'BAD_REQUEST' : 'BAD_RESPONSE';
  const hint = status === 402 ? 'your VideoSDK plan or quota does not allow this (see apiMessage)' : {
    BAD_REQUEST: 'check the arguments against VideoSDK\'s API reference',
    UNAUTHORIZED: 'check that apiKey and secret are a pair from the VideoSDK dashboard',
    FORBIDDEN: 'this API key may not act on that resource',
    NOT_FOUND: 'check the id',
    CONFLICT: 'the resource is not in a state that allows this',
    SERVER_ERROR: 'VideoSDK failed; try again later',
    BAD_RESPONSE: 'VideoSDK answered in a way this client does not understand',
  }[code];
  const message = `VideoSDK answered ${status} to ${method} ${path}${said} (${attempts(attempt)}); ${hint}`;
  return new ApiError(code, message, { ...where, status, apiMessage, attempts: attempt });
}

const EXPECTED = {
  object: 'a JSON object',
  page: 'a JSON object with pageInfo and a list of items',
  message: 'a JSON string or object',
  wrapped: 'a JSON object { code, data } with data an object',
  json: 'JSON',
};

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A 2xx body, of the shape `call.expect` names; else BAD_RESPONSE. `message`: a bare JSON string
 * becomes `{ message }` (an object passes as sent); `wrapped`: `{ code, data }` gives `data`;
 * `page`: `call.items(body)` must be a list; `json`: anything JSON, an empty body null.
 */
export function parseBody(text, status, where, call, attempt) {
  const { expect } = call;
  const bad = (what) => new ApiError('BAD_RESPONSE', `VideoSDK answered ${status} to ${where.method} ${where.path} with ${what}; expected ${EXPECTED[expect]}`, { ...where, status, attempts: attempt });
  if (expect === 'json' && text.trim() === '') return null;
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw bad(text.trim() === '' ? 'an empty body' : 'a body that is not JSON');
  }
  if (expect === 'json') return body;
  if (expect === 'message' && typeof body === 'string') return { message: body };
  if (!isObject(body)) throw bad('JSON that is not an object');
  if (expect === 'wrapped') {
    if (!isObject(body.data)) throw bad('an object without a data object');
    return body.data;
  }
  if (expect === 'page') {
    const info = body.pageInfo;
    if (!isObject(info) || !Array.isArray(call.items(body))
      || !Number.isSafeInteger(info.lastPage) || !Number.isSafeInteger(info.currentPage)) {
      throw bad('a page without pageInfo.currentPage, pageInfo.lastPage and its list of items');
    }
  }
  return body;
}
