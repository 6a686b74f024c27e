// handleTokenRequest: the token endpoint an edge function puts in front of its own web page
// (what VideoSDK's example API servers do with /get-token), on web-standard Request/Response only.
//
// It hands tokens to strangers' browsers, so it is written to fail closed:
// - least privilege: tokens carry `roles: ['rtc']` (meetings only) unless config allows more and
//   the caller asks for it; config bounds every request, and a grant from authorize() only narrows;
// - whatever authorize() returns that is not a well-formed grant, and whatever it throws, is the
//   deployment's bug: a 500 that says nothing about it, never a wider token;
// - only own properties of config and grants are read, so a polluted Object.prototype opens nothing;
// - the body is read once, in bytes, and no further than the limit;
// - every echo of caller input is short and escaped, so an answer cannot forge a line in a log.
// The secret is used to sign and nowhere else: no answer, header or log line carries it (this
// module logs nothing), and no message passed on to callers can contain it.
import { decodeToken, signToken, TokenError } from './api.js';

// from the core's vocabulary once exported
const PERMISSIONS = ['allow_join', 'ask_join', 'allow_mod'];
const ROLES = ['crawler', 'rtc'];

const FIELDS = ['roomId', 'participantId', 'permissions', 'roles', 'expiresIn'];
const GRANT_FIELDS = ['roomId', 'participantId', 'permissions', 'roles'];
const MAX_BODY = 16 * 1024; // bytes
const MAX_URL = 16 * 1024; // characters
const MAX_ECHO = 64; // characters of caller input in any one message or field
const ANONYMOUS_HEADER = 'X-VideoSDK-Token-Anonymous';
const METHODS = 'GET, POST, OPTIONS';
// A throwaway key for measuring spans with the core's own parser (one parser, one set of rules).
const SPAN_KEY = 'span-measuring-key-not-a-secret-0123456789';

const hasOwn = Object.hasOwn ?? ((o, key) => Object.prototype.hasOwnProperty.call(o, key));

/**
 * Answers a token request: 200 {token, expiresAt}, 204 for an OPTIONS preflight, 400 bad input,
 * 401 unauthorized, 403 beyond what config and the grant allow, 405 other methods, 413 a body
 * over 16 KiB, 414 a URL over 16 KiB, 500 when authorize() throws or returns a malformed grant.
 * Rejects (with a TokenError) only for a bad `config`: that is the deployer's bug, not the caller's.
 */
export async function handleTokenRequest(request, config) {
  const cfg = readConfig(config);
  if (request === null || typeof request !== 'object' || typeof request.headers?.get !== 'function') {
    throw invalid('request', 'handleTokenRequest(request, config): request must be a Request');
  }
  // Headers on every answer: CORS, and the anonymous-mode marker once it applies.
  const common = corsHeaders(cfg.cors, request.headers.get('Origin'));
  try {
    return await respond(request, cfg, common);
  } catch (e) {
    if (e instanceof Refusal) return json(e.status, e.body, { ...common, ...e.headers });
    // authorize() threw, returned a malformed grant, or the platform failed us: the caller
    // learns nothing about which, and the promise still resolves.
    return json(500, SERVER_ERROR, common);
  }
}

const SERVER_ERROR = { error: { code: 'SERVER_ERROR', message: 'the token endpoint failed; try again later' } };

async function respond(request, cfg, common) {
  const method = request.method;
  if (method === 'OPTIONS') {
    const headers = { Allow: METHODS, ...common };
    if (common['Access-Control-Allow-Origin']) {
      headers['Access-Control-Allow-Methods'] = METHODS;
      headers['Access-Control-Allow-Headers'] = 'Authorization, Content-Type';
      headers['Access-Control-Max-Age'] = '600';
    }
    return new Response(null, { status: 204, headers });
  }
  if (method !== 'GET' && method !== 'POST') {
    throw new Refusal(405, 'METHOD_NOT_ALLOWED', `use GET or POST, not ${quote(method)}`, undefined, { Allow: METHODS });
  }

  // Bounded before anything parses it: a URL of megabytes would otherwise cost tens of
  // milliseconds to parse and refuse (platforms cap URLs too, at 8 to 80 KiB, not all of them).
  if (request.url.length > MAX_URL) {
    throw new Refusal(414, 'URI_TOO_LONG', `the URL is over ${MAX_URL} characters`, 'query');
  }

  // The body is read once, here, no further than the limit; authorize() gets a request carrying
  // those bytes, so it may read the body too and nothing reads the stream twice.
  let seen = request;
  let bytes;
  if (method === 'POST') {
    bytes = await readBody(request);
    seen = withBody(request, bytes);
  }

  // authorize() runs before any input is looked at: strangers learn nothing but 401.
  let grant = cfg.authorize ? grantOf(await cfg.authorize(seen)) : null;
  if (grant === null) {
    if (!cfg.allowAnonymous) {
      throw new Refusal(401, 'UNAUTHORIZED', 'this endpoint needs authorization', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
    grant = Object.create(null);
    common[ANONYMOUS_HEADER] = 'development only: allowAnonymous is on, never deploy this';
  }

  const url = new URL(request.url);
  let params;
  if (method === 'POST') {
    // authorize() may have read the query string: a POST that carries one could have one room
    // approved there and another signed from the body.
    const first = url.searchParams.keys().next();
    if (!first.done) {
      throw bad(`a POST takes its fields from the JSON body only; remove ${quote(first.value)} from the query string`, cut(first.value));
    }
    params = bodyParams(request, bytes);
  } else {
    params = queryParams(url);
  }

  // What this caller may have: config's lists, narrowed (never widened) by the grant.
  const allowedPermissions = narrow(cfg.allowedPermissions, grant.permissions);
  const permissions = params.permissions ?? defaultPermissions(allowedPermissions);
  refuseOutside('permission', 'permissions', permissions, allowedPermissions);
  const allowedRoles = narrow(cfg.allowedRoles, grant.roles);
  const roles = params.roles ?? defaultRoles(allowedRoles);
  refuseOutside('role', 'roles', roles, allowedRoles);
  const fromGrant = new Set();
  for (const field of ['roomId', 'participantId']) {
    if (grant[field] === undefined) continue;
    if (params[field] !== undefined && params[field] !== grant[field]) {
      throw new Refusal(403, 'FORBIDDEN', `${field} is restricted for this caller`, field);
    }
    params[field] = grant[field];
    fromGrant.add(field);
  }

  const now = Math.floor(Date.now() / 1000);
  let lifetime = cfg.maxSeconds;
  let token;
  try {
    if (params.expiresIn !== undefined) {
      lifetime = spanSeconds(params.expiresIn);
      if (lifetime > cfg.maxSeconds) {
        throw new Refusal(403, 'FORBIDDEN', `expiresIn is longer than the ${cfg.maxExpiresIn} this endpoint allows`, 'expiresIn');
      }
    }
    token = signToken({
      apiKey: cfg.apiKey,
      secret: cfg.secret,
      permissions,
      roles,
      roomId: params.roomId,
      participantId: params.participantId,
      expiresIn: lifetime,
      now,
    });
  } catch (e) {
    // The core's verdict on the caller's own fields is a 400 (its messages cut what they echo;
    // escaped here). A value from the grant that the core refuses is the deployment's bug: 500.
    if (e instanceof TokenError && e.code === 'INVALID_OPTIONS' && FIELDS.includes(e.field) && !fromGrant.has(e.field)) {
      throw bad(escapeText(e.message), e.field);
    }
    throw e;
  }
  // signToken set exp to exactly now + lifetime.
  return json(200, { token, expiresAt: new Date((now + lifetime) * 1000).toISOString() }, common);
}

// ---------------------------------------------------------------------------------------------
// Config: checked on every call, own properties only; every fault a TokenError with its field.
// ---------------------------------------------------------------------------------------------

function invalid(field, message) {
  return new TokenError('INVALID_OPTIONS', message, { field });
}

/** What kind of value `v` is, for messages that must not show the value (it may be a secret). */
function kind(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function readConfig(config) {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw invalid('config', `handleTokenRequest: config must be an object; got ${kind(config)}`);
  }
  const get = (name) => {
    try {
      return hasOwn(config, name) ? config[name] : undefined;
    } catch {
      throw invalid(name, `handleTokenRequest: config.${name} could not be read (its getter threw)`);
    }
  };
  const apiKey = get('apiKey');
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw invalid('apiKey', `handleTokenRequest: config.apiKey must be a non-empty string; got ${apiKey === '' ? 'an empty string' : kind(apiKey)}`);
  }
  const secret = get('secret');
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    throw invalid('secret', `handleTokenRequest: config.secret must be a string or a Uint8Array; got ${kind(secret)}`);
  }
  const authorize = get('authorize');
  if (authorize !== undefined && typeof authorize !== 'function') {
    throw invalid('authorize', `handleTokenRequest: config.authorize must be a function; got ${kind(authorize)}`);
  }
  const allowAnonymous = get('allowAnonymous') ?? false;
  if (typeof allowAnonymous !== 'boolean') {
    throw invalid('allowAnonymous', `handleTokenRequest: config.allowAnonymous must be true or false; got ${kind(allowAnonymous)}`);
  }
  if (authorize === undefined && !allowAnonymous) {
    throw invalid('authorize', 'handleTokenRequest: config.authorize(request) is required (allowAnonymous: true is for local development only)');
  }
  const allowedPermissions = get('allowedPermissions') ?? ['allow_join'];
  const permissions = names(allowedPermissions, PERMISSIONS);
  if (permissions === undefined || permissions.length === 0) {
    throw invalid('allowedPermissions', `handleTokenRequest: config.allowedPermissions must list one or more of ${PERMISSIONS.join(', ')}`);
  }
  const allowedRoles = get('allowedRoles') ?? ['rtc'];
  const roles = names(allowedRoles, ROLES);
  if (roles === undefined || roles.length === 0) {
    throw invalid('allowedRoles', `handleTokenRequest: config.allowedRoles must list one or more of ${ROLES.join(', ')} (every token from this endpoint carries a role)`);
  }
  const maxExpiresIn = get('maxExpiresIn') ?? '2h';
  if (typeof maxExpiresIn !== 'string' && typeof maxExpiresIn !== 'number') {
    throw invalid('maxExpiresIn', `handleTokenRequest: config.maxExpiresIn must be a span such as '2h' or a number of seconds; got ${kind(maxExpiresIn)}`);
  }
  // One trial signature checks apiKey, the secret's strength and maxExpiresIn by the core's rules,
  // on every request, so a misconfiguration fails loudly even where callers only get 401s.
  let maxSeconds;
  try {
    const trial = signToken({ apiKey, secret, permissions: ['allow_join'], expiresIn: maxExpiresIn, now: 0 });
    maxSeconds = decodeToken(trial, { now: 0 }).payload.exp;
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    // WEAK_SECRET keeps its code; every other refusal is the option it names. No message of the
    // core contains the secret.
    const field = e.code === 'WEAK_SECRET' ? 'secret' : e.field === 'expiresIn' ? 'maxExpiresIn' : e.field ?? 'config';
    const message = e.field && e.message.startsWith(`${e.field} `)
      ? `handleTokenRequest: config.${field}${e.message.slice(e.field.length)}`
      : `handleTokenRequest: config.${field}: ${e.message}`;
    throw new TokenError(e.code, message, { field });
  }
  const cors = get('cors') ?? [];
  const origins = cors === '*' ? cors : strings(cors);
  if (origins === undefined) {
    throw invalid('cors', `handleTokenRequest: config.cors must be a list of origins or '*'; got ${kind(cors)}`);
  }
  return { apiKey, secret, authorize, allowAnonymous, allowedPermissions: permissions, allowedRoles: roles, maxExpiresIn, maxSeconds, cors: origins };
}

/** A copy of an array of strings, reading own elements only; undefined for anything else. */
function strings(list) {
  if (!Array.isArray(list)) return undefined;
  const out = [];
  for (let i = 0; i < list.length; i += 1) {
    if (!hasOwn(list, i) || typeof list[i] !== 'string') return undefined;
    out.push(list[i]);
  }
  return out;
}

/** A copy of an array of names from `known`; undefined for anything else. */
function names(list, known) {
  const out = strings(list);
  return out !== undefined && out.every((name) => known.includes(name)) ? out : undefined;
}

// ---------------------------------------------------------------------------------------------
// The grant: what authorize() answered, read strictly.
// ---------------------------------------------------------------------------------------------

class MalformedGrant extends Error {}

/**
 * null for a refusal (any falsy answer); a grant with no limits for `true`; for a plain object,
 * its own fields, each checked. Anything else (another value, an unknown field, a field of the
 * wrong type, null or undefined included) throws: a grant the deployer did not mean could only
 * be wider than the one meant (`{ roomId: session.roomId }` with no room must not mean any room).
 */
function grantOf(answer) {
  if (!answer) return null;
  const grant = Object.create(null);
  if (answer === true) return grant;
  if (typeof answer !== 'object' || Array.isArray(answer) || Object.prototype.toString.call(answer) !== '[object Object]') {
    throw new MalformedGrant();
  }
  for (const key of Reflect.ownKeys(answer)) {
    if (!GRANT_FIELDS.includes(key)) throw new MalformedGrant();
    const value = answer[key];
    if (key === 'roomId' || key === 'participantId') {
      if (typeof value !== 'string' || value === '') throw new MalformedGrant();
      grant[key] = value;
    } else {
      grant[key] = names(value, key === 'permissions' ? PERMISSIONS : ROLES);
      if (grant[key] === undefined) throw new MalformedGrant();
    }
  }
  return grant;
}

/** `allowed` narrowed by a grant's list, if it has one. */
function narrow(allowed, granted) {
  return granted === undefined ? allowed : allowed.filter((name) => granted.includes(name));
}

function refuseOutside(what, field, asked, allowed) {
  const denied = asked.find((name) => !allowed.includes(name));
  if (denied !== undefined) {
    throw new Refusal(403, 'FORBIDDEN', `${what} ${denied} is not allowed here; allowed: ${allowed.join(', ') || 'none'}`, field);
  }
}

function defaultPermissions(allowed) {
  if (allowed.includes('allow_join')) return ['allow_join'];
  if (allowed.includes('ask_join')) return ['ask_join'];
  return ['allow_join']; // refused with a 403 that names what is allowed
}

// Least privilege: meetings only, unless this caller may have nothing but another role.
function defaultRoles(allowed) {
  return allowed.includes('rtc') || allowed.length === 0 ? ['rtc'] : [...allowed];
}

/** The length of a span ('2h', 600, …) in seconds, by the core's rules; TokenError if bad. */
function spanSeconds(span) {
  const token = signToken({ apiKey: 'span', secret: SPAN_KEY, permissions: ['allow_join'], expiresIn: span, now: 0 });
  return decodeToken(token, { now: 0 }).payload.exp;
}

// ---------------------------------------------------------------------------------------------
// The request: body, query, parameters.
// ---------------------------------------------------------------------------------------------

/** A 4xx answer: thrown from anywhere in respond(), answered by handleTokenRequest. */
class Refusal extends Error {
  constructor(status, code, message, field, headers = {}) {
    super(message);
    this.status = status;
    this.body = { error: field === undefined ? { code, message } : { code, message, field } };
    this.headers = headers;
  }
}

function bad(message, field) {
  return new Refusal(400, 'INVALID_OPTIONS', message, field);
}

const tooLarge = () => new Refusal(413, 'PAYLOAD_TOO_LARGE', `the body is over ${MAX_BODY} bytes`, 'body');

/**
 * The body's bytes, read chunk by chunk and given up on as soon as they pass the limit, so no
 * more than the limit and one chunk is ever held. Content-Length is only used to refuse early:
 * a body without one, or longer than it says, is counted all the same.
 */
async function readBody(request) {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && Number(declared) > MAX_BODY) throw tooLarge();
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // ArrayBuffer.isView, not instanceof: the stream may come from another realm (edge-runtime).
      if (!ArrayBuffer.isView(value)) throw bad('the body could not be read', 'body');
      size += value.byteLength;
      if (size > MAX_BODY) throw tooLarge();
      chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (e) {
    // Stop the sender; whatever cancelling does or fails to do, the answer is already decided.
    reader.cancel().catch(() => {});
    if (e instanceof Refusal) throw e;
    throw bad('the body could not be read', 'body');
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The request as it came (method, URL, headers, signal, …), carrying the bytes already read. */
function withBody(request, bytes) {
  return new Request(request, { body: bytes });
}

function queryParams(url) {
  const params = Object.create(null);
  for (const key of new Set(url.searchParams.keys())) {
    if (!FIELDS.includes(key)) throw bad(`unknown parameter ${quote(key)}; expected ${FIELDS.join(', ')}`, cut(key));
    const values = url.searchParams.getAll(key);
    if (key === 'permissions' || key === 'roles') {
      // ?permissions=allow_join,allow_mod or ?permissions=allow_join&permissions=allow_mod
      params[key] = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
    } else if (values.length > 1) {
      throw bad(`${key} is given more than once`, key);
    } else {
      params[key] = values[0];
    }
  }
  return checkParams(params);
}

function bodyParams(request, bytes) {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw bad('send a JSON body with Content-Type: application/json', 'body');
  }
  let body;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw bad('the body is not valid JSON in UTF-8; send an object such as {"roomId": "…"}', 'body');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw bad('the body must be a JSON object such as {"roomId": "…"}', 'body');
  }
  const params = Object.create(null);
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) throw bad(`unknown field ${quote(key)}; expected ${FIELDS.join(', ')}`, cut(key));
    if (body[key] !== null) params[key] = body[key];
  }
  return checkParams(params);
}

function checkParams(params) {
  for (const key of ['roomId', 'participantId']) {
    if (params[key] !== undefined && (typeof params[key] !== 'string' || params[key] === '')) {
      throw bad(`${key} must be a non-empty string`, key);
    }
  }
  for (const [key, known] of [['permissions', PERMISSIONS], ['roles', ROLES]]) {
    if (params[key] === undefined) continue;
    const list = names(params[key], known);
    if (list === undefined || list.length === 0) throw bad(`${key} must be a non-empty list of ${known.join(', ')}`, key);
    params[key] = list;
  }
  if (params.expiresIn !== undefined && typeof params.expiresIn !== 'string' && typeof params.expiresIn !== 'number') {
    throw bad("expiresIn must be a span such as '10m' or a number of seconds", 'expiresIn');
  }
  return params;
}

// ---------------------------------------------------------------------------------------------
// Echoes of caller input, and the answer.
// ---------------------------------------------------------------------------------------------

// Characters that can forge or hide a line in a log: C0 and C1 controls and DEL, the line and
// paragraph separators, bidi embeddings, overrides and isolates, and lone surrogates (with the
// `u` flag a well-formed pair is one code point, outside the surrogate range).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };

function escapeChar(c) {
  return SHORT[c] ?? `\\u{${c.codePointAt(0).toString(16)}}`;
}

/** `text` with every unsafe character escaped (\n, \u{2028}, …), as the core writes them. */
function escapeText(text) {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * Caller input as it may appear in an answer: unsafe characters, `"` and `\` escaped, and cut
 * (never inside a character or an escape, marked with …) to at most `max` characters. It stops
 * reading at the cut, so a megabyte of input costs no more than 64 characters of it.
 */
function cut(text, max = MAX_ECHO) {
  const pieces = [];
  let length = 0;
  for (const c of String(text)) {
    const shown = c === '"' || c === '\\' ? `\\${c}` : c.replace(UNSAFE, escapeChar);
    pieces.push(shown);
    length += shown.length;
    if (length > max) {
      while (length > max - 1) length -= pieces.pop().length;
      return `${pieces.join('')}…`;
    }
  }
  return pieces.join('');
}

/** Caller input in quotes for a message: at most MAX_ECHO characters in all. */
function quote(text) {
  return `"${cut(text, MAX_ECHO - 2)}"`;
}

function json(status, body, headers) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

function corsHeaders(cors, origin) {
  if (cors === '*') return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': ANONYMOUS_HEADER };
  const headers = cors.length > 0 ? { Vary: 'Origin' } : {};
  if (origin !== null && cors.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Expose-Headers'] = ANONYMOUS_HEADER;
  }
  return headers;
}
