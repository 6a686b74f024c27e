// VideoSDK webhooks, verified on any runtime with WebCrypto: no wasm, no node: imports, so the
// `videosdk-token/webhooks` entry is all a webhook-only Worker loads.
//
// VideoSDK signs the exact bytes of each webhook body with RSASSA-PKCS1-v1_5 / SHA-256 and sends
// the base64 signature in the `videosdk-signature` header. The signature is checked over the
// bytes received, never over a re-serialisation (JSON.stringify of a parsed body differs in
// whitespace, key order or escapes, and then no genuine webhook verifies). The body is parsed
// only after the signature holds.
import { VideoSDKError, WebhookError } from '../shared/errors.js';
import { apiBaseUrl, jsonResponse, readLimited } from '../shared/http.js';
import { ownOptions } from '../shared/options.js';
import { deduper } from './dedupe.js';
import { quote } from '../shared/text.js';
import { DEFAULT_API_BASE, keySource } from './key-cache.js';
import { decodeBase64, MAX_KEYS, pinnedKeys, RSA_ALGORITHM } from './keys.js';

export { VideoSDKError, WebhookError };

const SIGNATURE_HEADER = 'videosdk-signature';
const VERIFY_OPTIONS = ['publicKey', 'fetchPublicKey', 'fetch', 'apiBase', 'keyCacheSeconds', 'now'];
const HANDLER_OPTIONS = [...VERIFY_OPTIONS, 'onEvent', 'maxBodyBytes', 'dedupe'];
const DEFAULT_KEY_CACHE_SECONDS = 3600;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
// base64 of the largest signature (a 16384-bit key's 2048 bytes) is 2732 characters.
const MAX_SIGNATURE_TEXT = 2732;

/**
 * Verifies a webhook's signature over its raw body and returns the parsed event.
 * `body`: the raw body (string, Uint8Array or ArrayBuffer); `signature`: the
 * `videosdk-signature` header's value; `options`: `{ publicKey }` (one key or a list) or
 * `{ fetchPublicKey: true }`. Throws a WebhookError with a stable `code`.
 */
export async function verifyWebhook(body, signature, options) {
  return verified(bodyBytes(body), signature, checkOptions(options, 'verifyWebhook', VERIFY_OPTIONS));
}

async function verified(data, signature, config) {
  // Pinned keys are parsed first: a broken configuration shows on every call, not only on genuine ones.
  const importPinned = config.publicKeys && pinnedKeys(config.publicKeys);
  const sig = signatureBytes(signature);

  const source = importPinned ? null : keySource(config.apiBase);
  let keys = await (importPinned ? importPinned() : source.current(config.fetch, config.now, config.keyCacheSeconds * 1000));
  if (!(await matches(keys, sig, data))) {
    // Fetched keys: VideoSDK may have rotated its key since it was cached.
    const newer = source && (await source.afterFailure(config.fetch, keys, config.now));
    if (newer) keys = newer;
    if (!newer || !(await matches(keys, sig, data))) {
      checkLength(sig, keys);
      throw mismatch(keys.length);
    }
  }
  return parseEvent(data);
}

/**
 * Answers a webhook request: 200 after `onEvent(event, { request, digest })` resolves, or at once
 * for a body `dedupe.store` has seen within `dedupe.ttl`; 405 not POST, 413 body over the limit,
 * 400 SIGNATURE_MISSING or BODY_INVALID, 401 SIGNATURE_INVALID, 503 KEY_FETCH_FAILED, 500
 * SERVER_ERROR for a bad configuration, a throwing onEvent or a failing store. JSON bodies
 * `{ error: { code, message } }`. Logs nothing.
 */
export async function handleWebhookRequest(request, options) {
  try {
    return await answerWebhook(request, options);
  } catch {
    // answerWebhook answers every failure it knows of; this is for the unforeseen (an object
    // that is not a Request, a runtime fault), so the sender still gets an answer.
    return serverError();
  }
}

async function answerWebhook(request, given) {
  // The sender cannot fix a configuration mistake: a bare 500, whatever is wrong.
  if (given === null || typeof given !== 'object') return serverError();
  let options;
  let dedupe;
  try {
    options = ownOptions(given, 'handleWebhookRequest', HANDLER_OPTIONS, invalid);
    dedupe = deduper(options.dedupe);
  } catch {
    return serverError();
  }
  if (typeof options.onEvent !== 'function') return serverError();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 1) return serverError();

  if (request.method !== 'POST') {
    return jsonResponse(405, error('METHOD_NOT_ALLOWED', `send webhooks with POST, not ${quote(request.method)}`), { Allow: 'POST' });
  }
  const tooLarge = () => jsonResponse(413, error('PAYLOAD_TOO_LARGE', `the body is over ${limit} bytes`));
  // A declared length over the limit is refused at once; the body itself is counted as it is read.
  const declared = request.headers.get('Content-Length');
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > limit) return tooLarge();
  let body;
  try {
    body = await readLimited(request.body, limit);
  } catch {
    return jsonResponse(400, error('BODY_INVALID', 'the body could not be read'));
  }
  if (body === null) return tooLarge();

  let event;
  try {
    // The key options are checked here, as verifyWebhook checks them: a bad key is a 500 once a
    // webhook has come, and a GET is still a 405.
    event = await verified(body, request.headers.get(SIGNATURE_HEADER), checkOptions(options, 'handleWebhookRequest', HANDLER_OPTIONS));
  } catch (e) {
    if (!(e instanceof WebhookError)) return serverError();
    switch (e.code) {
      case 'SIGNATURE_MISSING':
      case 'BODY_INVALID':
        return jsonResponse(400, error(e.code, e.message));
      case 'SIGNATURE_INVALID':
        return jsonResponse(401, error(e.code, e.message));
      case 'KEY_FETCH_FAILED':
        return jsonResponse(503, error(e.code, 'the webhook key could not be fetched; retry later'));
      default:
        return serverError();
    }
  }
  const digest = await sha256Hex(body);
  try {
    // A store that cannot answer is a 500: VideoSDK may retry, and nothing was processed.
    if (await dedupe?.seen(digest)) return jsonResponse(200, { received: true, duplicate: true });
  } catch {
    return serverError();
  }
  try {
    await options.onEvent(event, { request, digest });
  } catch {
    await dedupe?.failed(digest);
    return serverError();
  }
  await dedupe?.done(digest);
  return jsonResponse(200, { received: true });
}

// ---------------------------------------------------------------------------------------------

/** A mistake in the calling code (not in the webhook): INVALID_OPTIONS, naming what is wrong. */
function invalid(field, message) {
  return new WebhookError('INVALID_OPTIONS', message, { field });
}

/**
 * The key options, own properties only (shared/options.js): an apiBase or fetch inherited from a
 * polluted Object.prototype must never choose where the key comes from.
 */
function checkOptions(given, where, allowed) {
  if (given === null || typeof given !== 'object') {
    throw invalid('options', `${where}: options must be an object: { publicKey } or { fetchPublicKey: true }`);
  }
  const options = ownOptions(given, where, allowed, invalid);
  const { publicKey, fetchPublicKey } = options;
  if (fetchPublicKey !== undefined && typeof fetchPublicKey !== 'boolean') {
    throw invalid('fetchPublicKey', `${where}: options.fetchPublicKey must be true or false`);
  }
  const keyError = (reason) => new WebhookError('KEY_INVALID', `${where}: ${reason}`, { reason, field: 'publicKey' });
  if (fetchPublicKey === true) {
    if (publicKey !== undefined) throw keyError('give options.publicKey or options.fetchPublicKey: true, not both');
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== 'function') throw invalid('fetch', `${where}: options.fetch must be a fetch function`);
    const apiBase = apiBaseUrl(options.apiBase ?? DEFAULT_API_BASE);
    if (apiBase === null) {
      throw invalid('apiBase', `${where}: options.apiBase must be an https URL such as ${DEFAULT_API_BASE} (http only on localhost, 127.0.0.0/8 or [::1])`);
    }
    const keyCacheSeconds = options.keyCacheSeconds ?? DEFAULT_KEY_CACHE_SECONDS;
    if (typeof keyCacheSeconds !== 'number' || !Number.isFinite(keyCacheSeconds) || keyCacheSeconds < 0) {
      throw invalid('keyCacheSeconds', `${where}: options.keyCacheSeconds must be a number of seconds (default ${DEFAULT_KEY_CACHE_SECONDS})`);
    }
    // publicKeys is set, to nothing: an inherited one must not turn fetched keys into pinned ones.
    return { publicKeys: undefined, fetch: fetchFn, apiBase, keyCacheSeconds, now: clock(options.now, where) };
  }
  if (publicKey === undefined || publicKey === null) {
    throw keyError('no key: pass options.publicKey (VideoSDK\'s RSA public key, PEM) or options.fetchPublicKey: true');
  }
  const publicKeys = Array.isArray(publicKey) ? publicKey : [publicKey];
  if (publicKeys.length === 0 || publicKeys.length > MAX_KEYS) {
    throw keyError(`options.publicKey must be one key or a list of 1 to ${MAX_KEYS} keys`);
  }
  return { publicKeys };
}

/** The cache's clock in ms: options.now (seconds since 1970, or a Date) or now. */
function clock(now, where) {
  if (now === undefined) return Date.now();
  if (now instanceof Date && Number.isFinite(now.getTime())) return now.getTime();
  if (typeof now === 'number' && Number.isFinite(now)) return now * 1000;
  throw invalid('now', `${where}: options.now must be seconds since 1970 or a Date`);
}

function bodyBytes(body) {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  // Tag check too: an ArrayBuffer from another realm (a VM sandbox) fails instanceof.
  if (body instanceof ArrayBuffer || Object.prototype.toString.call(body) === '[object ArrayBuffer]') {
    return new Uint8Array(body);
  }
  throw invalid(
    'body',
    'verifyWebhook: body must be the raw request body (await request.text() or request.arrayBuffer()), ' +
      'never a parsed object: the signature covers the exact bytes VideoSDK sent',
  );
}

function signatureBytes(signature) {
  if (signature === null || signature === undefined || (typeof signature === 'string' && signature.trim() === '')) {
    throw new WebhookError(
      'SIGNATURE_MISSING',
      `the ${SIGNATURE_HEADER} header is missing or empty; VideoSDK signs every webhook it sends`,
    );
  }
  if (typeof signature !== 'string') {
    throw invalid('signature', `verifyWebhook: signature must be the ${SIGNATURE_HEADER} header's value (a string), or null`);
  }
  const text = signature.trim();
  const bytes = text.length <= MAX_SIGNATURE_TEXT ? decodeBase64(text) : null;
  if (!bytes) {
    throw new WebhookError(
      'SIGNATURE_INVALID',
      `the ${SIGNATURE_HEADER} header is not a signature: expected standard base64 (A-Z a-z 0-9 + /, padded with =)`,
    );
  }
  return bytes;
}

function checkLength(sig, keys) {
  if (keys.some((k) => k.signatureLength === sig.length)) return;
  const sizes = [...new Set(keys.map((k) => `${k.signatureLength} bytes for a ${k.bits}-bit key`))].join(', ');
  throw new WebhookError(
    'SIGNATURE_INVALID',
    `the ${SIGNATURE_HEADER} header holds ${sig.length} bytes; an RSA signature is ${sizes}`,
  );
}

function mismatch(count) {
  return new WebhookError(
    'SIGNATURE_INVALID',
    `the ${SIGNATURE_HEADER} header does not match the body for ${count > 1 ? `any of the ${count} keys` : 'the key'}: ` +
      'the body must be verified exactly as received, and signed with VideoSDK\'s key',
  );
}

async function matches(keys, sig, data) {
  for (const key of keys) {
    if (key.signatureLength !== sig.length) continue;
    if (await crypto.subtle.verify(RSA_ALGORITHM, key.cryptoKey, sig, data)) return true;
  }
  return false;
}

/** The verified body as an event: a JSON object with a string webhookType (or type). */
function parseEvent(data) {
  const invalid = (reason) =>
    new WebhookError('BODY_INVALID', `the webhook body is signed but ${reason}; expected {"webhookType": "…", "data": {…}}`, { reason });
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw invalid('not UTF-8 text');
  }
  let event;
  try {
    event = JSON.parse(text);
  } catch {
    throw invalid('not JSON');
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) throw invalid('not a JSON object');
  // VideoSDK's REST docs name the member webhookType; its server SDK docs show type.
  const { webhookType, type } = event;
  if (webhookType !== undefined && typeof webhookType !== 'string') throw invalid('its webhookType is not a string');
  const name = webhookType ?? type;
  if (typeof name !== 'string' || name === '') throw invalid('it has no webhookType (or type) string');
  if (webhookType === undefined) event.webhookType = name;
  return event;
}

async function sha256Hex(bytes) {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of hash) hex += b.toString(16).padStart(2, '0');
  return hex;
}

function error(code, message) {
  return { error: { code, message } };
}

function serverError() {
  return jsonResponse(500, error('SERVER_ERROR', 'the webhook could not be processed; retry later'));
}
