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
import { decodeToken, spanSeconds, TokenError } from '../token/api.js';
import { cut, escapeText, quote } from '../shared/text.js';
import { jsonResponse, readLimited } from '../shared/http.js';
import { names, PERMISSIONS, readConfig, ROLES } from './config.js';
import { notify, overLimit } from './limits.js';
import { invalidOptions } from '../shared/errors.js';

const FIELDS = ['roomId', 'participantId', 'permissions', 'roles', 'expiresIn'];
const GRANT_FIELDS = ['roomId', 'participantId', 'permissions', 'roles', 'claims'];
const MAX_BODY = 16 * 1024; // bytes
const MAX_URL = 16 * 1024; // characters
const ANONYMOUS_HEADER = 'X-VideoSDK-Token-Anonymous';
const METHODS = 'GET, POST, OPTIONS';

/**
 * Answers a token request: 200 {token, expiresAt}, 204 for an OPTIONS preflight, 400 bad input,
 * 401 unauthorized, 403 beyond what config and the grant allow, 405 other methods, 413 a body
 * over 16 KiB, 414 a URL over 16 KiB, 429 over config.rateLimit, 500 when authorize() (or the
 * rate limit) throws or authorize() returns a malformed grant. onIssue sees each token's claims,
 * onDeny each answer of 400 or more. Rejects (with a TokenError) only for a bad `config`: that
 * is the deployer's bug, not the caller's.
 */
export async function handleTokenRequest(request, config) {
  const cfg = readConfig(config);
  try {
    if (request === null || typeof request !== 'object' || typeof request.headers?.get !== 'function') {
      throw invalidOptions('request', 'handleTokenRequest(request, config): request must be a Request');
    }
    // Headers on every answer: CORS, and the anonymous-mode marker once it applies.
    const common = corsHeaders(cfg.cors, request.headers.get('Origin'));
    try {
      return await respond(request, cfg, common);
    } catch (e) {
      // authorize() threw, returned a malformed grant, the rate limit failed, or the platform
      // failed us: the caller learns nothing about which, and the promise still resolves.
      const refusal = e instanceof Refusal ? e : new Refusal(500, 'SERVER_ERROR', 'the token endpoint failed; try again later');
      await notify(cfg.onDeny, { request, status: refusal.status, code: refusal.body.error.code });
      return jsonResponse(refusal.status, refusal.body, { ...common, ...refusal.headers });
    }
  } finally {
    cfg.signer.free(); // the key state lives for this request only
  }
}

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
  // What key() is told of the caller: the grant, or null for one let in by allowAnonymous.
  const subject = grant && copyOf(grant);
  if (grant === null) {
    if (!cfg.allowAnonymous) {
      throw new Refusal(401, 'UNAUTHORIZED', 'this endpoint needs authorization', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
    grant = Object.create(null);
    common[ANONYMOUS_HEADER] = 'development only: allowAnonymous is on, never deploy this';
  }

  // The limit is counted once the caller is known (its key may use the grant) and before anything
  // is parsed or signed, so malformed requests count too.
  const over = await overLimit(cfg.rateLimit, request, subject);
  if (over) throw new Refusal(over.status, over.code, over.message, undefined, over.headers);

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
    token = cfg.signer.sign({
      permissions,
      roles,
      roomId: params.roomId,
      participantId: params.participantId,
      expiresIn: lifetime,
      now,
      claims: grant.claims,
    });
  } catch (e) {
    // The core's verdict on the caller's own fields is a 400 (its messages cut what they echo;
    // escaped here). A value from the grant that the core refuses is the deployment's bug: 500.
    if (e instanceof TokenError && e.code === 'INVALID_OPTIONS' && FIELDS.includes(e.field) && !fromGrant.has(e.field)) {
      throw bad(escapeText(e.message), e.field);
    }
    throw e;
  }
  // The claims as the core reads the token it signed; never the token itself.
  if (cfg.onIssue) await notify(cfg.onIssue, { request, claims: decodeToken(token).payload });
  // The signer set exp to exactly now + lifetime.
  return jsonResponse(200, { token, expiresAt: new Date((now + lifetime) * 1000).toISOString() }, common);
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
  if (typeof answer !== 'object' || !isPlainObject(answer)) throw new MalformedGrant();
  for (const key of Reflect.ownKeys(answer)) {
    if (typeof key !== 'string' || !GRANT_FIELDS.includes(key)) throw new MalformedGrant();
    const value = answer[key];
    if (key === 'roomId' || key === 'participantId') {
      if (typeof value !== 'string' || value === '') throw new MalformedGrant();
      grant[key] = value;
    } else if (key === 'claims') {
      // Custom claims for this caller's tokens: the core checks them at sign (a bad one is a 500).
      grant.claims = value;
    } else {
      grant[key] = names(value, key === 'permissions' ? PERMISSIONS : ROLES);
      if (grant[key] === undefined) throw new MalformedGrant();
    }
  }
  return grant;
}

/**
 * An object literal or Object.create(null) (from any realm): not an array, a Map, or a class
 * instance, whose getters on its prototype would be invisible to a reading of own properties.
 */
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The grant as key() sees it: a copy of its fields and lists, so that key() cannot change the
 * room, participant, permissions or roles signed (custom claims are the deployer's own object).
 */
function copyOf(grant) {
  const copy = { ...grant };
  for (const list of ['permissions', 'roles']) if (copy[list]) copy[list] = [...copy[list]];
  return copy;
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

/** The body's bytes, no further than the limit; Content-Length is only used to refuse early. */
async function readBody(request) {
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
 * authorize() reads it.
 */
function withBody(request, bytes) {
  const init = { method: request.method, headers: request.headers, body: bytes };
  if (request.cf !== undefined) init.cf = request.cf;
  const copy = new Request(request.url, init);
  Object.defineProperty(copy, 'signal', { get: () => request.signal, enumerable: true, configurable: true });
  return copy;
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
  for (const [key, known] of /** @type {[string, string[]][]} */ ([['permissions', PERMISSIONS], ['roles', ROLES]])) {
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
// The answer.
// ---------------------------------------------------------------------------------------------

function corsHeaders(cors, origin) {
  // Retry-After is not a header a page may read unless it is exposed.
  const expose = `${ANONYMOUS_HEADER}, Retry-After`;
  if (cors === '*') return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': expose };
  const headers = cors.length > 0 ? { Vary: 'Origin' } : {};
  if (origin !== null && cors.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Expose-Headers'] = expose;
  }
  return headers;
}
