// handleTokenRequest and createTokenHandler: the token endpoint an edge function puts in front of
// its own web page (what VideoSDK's example API servers do with /get-token), on web-standard
// Request/Response only. Both read config with readConfig and answer with the same serve().
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
import { jsonResponse } from '../shared/http.js';
import { names, PERMISSIONS, readConfig, ROLES } from './config.js';
import { notify, overLimit } from './limits.js';
import { invalidOptions } from '../shared/errors.js';
import {
  answer, bad, checkUrlLength, corsHeaders, isRequest, jsonObject, notAllowed, preflight, readBody, Refusal, refuseQuery, withBody,
} from './http.js';

const FIELDS = ['roomId', 'participantId', 'permissions', 'roles', 'expiresIn'];
const GRANT_FIELDS = ['roomId', 'participantId', 'permissions', 'roles', 'claims'];
// What a grant may pin, with the join error a token pinned to another value gets from VideoSDK.
const RESTRICTED = [
  ['roomId', 'room: a token for that room would fail to join this one', 4022],
  ['participantId', 'participant ID: a token for that ID would fail to join as this one', 4023],
];
const ANONYMOUS_HEADER = 'X-VideoSDK-Token-Anonymous';
const METHODS = 'GET, POST, OPTIONS';

/**
 * Answers a token request: 200 {token, expiresAt, expiresIn}, 204 for an OPTIONS preflight, 400 bad input,
 * 401 unauthorized, 403 beyond what config and the grant allow, 405 other methods, 413 a body
 * over 16 KiB, 414 a URL over 16 KiB, 429 over config.rateLimit, 500 when authorize() (or the
 * rate limit) throws or authorize() returns a malformed grant. onIssue sees each token's claims,
 * onDeny each answer of 400 or more. Rejects (with a TokenError) only for a bad `config`: that
 * is the deployer's bug, not the caller's. Config is read, and a signer keyed, on every call.
 */
export async function handleTokenRequest(request, config) {
  const cfg = readConfig(config, 'handleTokenRequest');
  try {
    return await serve(request, cfg, 'handleTokenRequest(request, config)');
  } finally {
    cfg.signer.free(); // the key state lives for this request only
  }
}

/**
 * handleTokenRequest with its config read once: `config` is checked here, synchronously (a bad
 * one throws what handleTokenRequest would reject with, naming this call), each of its own
 * properties read once, and one signer keyed for as long as the handler lives. The handler
 * answers as `handleTokenRequest(request, config)` would; later changes to `config` change
 * nothing. `free()` (or `using`, where the engine has Symbol.dispose) zeroes and releases the key
 * state: later calls reject, and a request still in flight then answers 500.
 */
export function createTokenHandler(config) {
  let cfg = readConfig(config, 'createTokenHandler');
  const handler = async (request) => {
    if (cfg === undefined) throw freed();
    return serve(request, cfg, "createTokenHandler's handler(request)");
  };
  handler.free = () => {
    const signer = cfg?.signer;
    cfg = undefined;
    signer?.free();
  };
  if (typeof Symbol.dispose === 'symbol') handler[Symbol.dispose] = handler.free;
  return handler;
}

const freed = () => new TokenError(
  'INVALID_OPTIONS',
  'this token handler has been freed: call createTokenHandler(config) for a new one',
);

/** One request answered with `cfg` (readConfig's); `call` names the caller in a rejection. */
async function serve(request, cfg, call) {
  if (!isRequest(request)) {
    throw invalidOptions('request', `${call}: request must be a Request`);
  }
  // Headers on every answer: CORS, and the anonymous-mode marker once it applies.
  // Retry-After (a rate limit's answer) is not a header a page may read unless it is exposed.
  const common = corsHeaders(cfg.cors, request.headers.get('Origin'), `${ANONYMOUS_HEADER}, Retry-After`);
  // authorize() threw, returned a malformed grant, the rate limit failed, or the platform failed
  // us: a 500 that says nothing about which. onDeny sees every refusal.
  return answer(common, SERVER_ERROR, () => respond(request, cfg, common),
    cfg.onDeny && ((status, code) => notify(cfg.onDeny, { request, status, code })));
}

const SERVER_ERROR = { error: { code: 'SERVER_ERROR', message: 'the token endpoint failed; try again later' } };

async function respond(request, cfg, common) {
  const method = request.method;
  if (method === 'OPTIONS') return preflight(METHODS, common);
  if (method !== 'GET' && method !== 'POST') throw notAllowed(method, METHODS, 'GET or POST');
  checkUrlLength(request);

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
    refuseQuery(url, method);
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
  for (const [field, what, code] of RESTRICTED) {
    if (grant[field] === undefined) continue;
    if (params[field] !== undefined && params[field] !== grant[field]) {
      // Signing the grant's value instead would hand back a token that fails at join: say so,
      // with the error VideoSDK would give (the grant's value is not echoed). The code only: its
      // name is in JOIN_ERRORS, which would keep the whole table in every endpoint bundle
      // (+1.1 KiB gzip); explainJoinError(code) gives it.
      throw new Refusal(403, 'FORBIDDEN', `${field} is restricted for this caller to another ${what} (VideoSDK's error ${code})`, field);
    }
    params[field] = grant[field];
    fromGrant.add(field);
  }

  const now = Math.floor(Date.now() / 1000);
  // The request's span is parsed once, here; the sign takes the checked seconds (a number the
  // core only bounds, no text to parse again), and the cap was parsed when config was read.
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
  // The signer set exp to exactly now + lifetime. expiresIn (seconds) lets a client time the token
  // from the moment it arrives, by its own clock, however far that clock is from this server's.
  return jsonResponse(200, { token, expiresAt: new Date((now + lifetime) * 1000).toISOString(), expiresIn: lifetime }, common);
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
  const body = jsonObject(request, bytes, '{"roomId": "…"}');
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
