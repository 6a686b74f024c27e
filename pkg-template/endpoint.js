// handleTokenRequest: the token endpoint an edge function puts in front of its own web page
// (what VideoSDK's example API servers do with /get-token), on web-standard Request/Response only.
// The secret is used to sign and nowhere else: no answer, header or log line carries it, and the
// TokenError messages passed on to callers never contain it.
import { decodeToken, signToken, TokenError } from './api.js';

const KNOWN_PERMISSIONS = ['allow_join', 'ask_join', 'allow_mod'];
const FIELDS = ['roomId', 'participantId', 'permissions', 'roles', 'expiresIn'];
const MAX_BODY = 16 * 1024;
// A throwaway key for measuring spans with the core's own parser (one parser, one set of rules).
const SPAN_KEY = 'span-measuring-key-not-a-secret-0123456789';
const ANONYMOUS_HEADER = 'X-VideoSDK-Token-Anonymous';

/**
 * Answers a token request: 200 {token, expiresAt}, 400 bad input, 401 unauthorized,
 * 403 beyond what config allows, 405 other methods, 204 for an OPTIONS preflight.
 * Throws (a rejected promise) only for a bad `config`: that is the deployer's bug, not the caller's.
 */
export async function handleTokenRequest(request, config) {
  const cfg = checkConfig(config);
  // Headers on every answer: CORS, and the anonymous-mode marker once it applies.
  const common = corsHeaders(cfg.cors, request.headers.get('Origin'));
  const answer = (status, body, extra = {}) => json(status, body, { ...common, ...extra });

  if (request.method === 'OPTIONS') {
    const headers = { Allow: 'GET, POST, OPTIONS', ...common };
    if (common['Access-Control-Allow-Origin']) {
      headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
      headers['Access-Control-Allow-Headers'] = 'Authorization, Content-Type';
      headers['Access-Control-Max-Age'] = '600';
    }
    return new Response(null, { status: 204, headers });
  }
  if (request.method !== 'GET' && request.method !== 'POST') {
    return answer(405, error('METHOD_NOT_ALLOWED', `use GET or POST, not ${request.method}`), {
      Allow: 'GET, POST, OPTIONS',
    });
  }

  // authorize() gets the request as it came; the body is read from a copy, so both may read it.
  const copy = request.method === 'POST' ? request.clone() : undefined;
  let grant = cfg.authorize ? await cfg.authorize(request) : undefined;
  if (!grant) {
    if (!cfg.allowAnonymous) {
      return answer(401, error('UNAUTHORIZED', 'this endpoint needs authorization'), {
        'WWW-Authenticate': 'Bearer',
      });
    }
    grant = {};
    common[ANONYMOUS_HEADER] = 'development only: allowAnonymous is on, never deploy this';
  }
  if (typeof grant !== 'object') grant = {};

  let params;
  try {
    params = copy ? await bodyParams(copy) : queryParams(new URL(request.url));
  } catch (e) {
    if (e instanceof RequestError) return answer(e.status, e.body);
    throw e;
  }

  // What this caller may have: config's permissions, narrowed by authorize()'s answer.
  let allowed = cfg.allowedPermissions;
  if (Array.isArray(grant.permissions)) allowed = allowed.filter((p) => grant.permissions.includes(p));

  const permissions = params.permissions ?? defaultPermissions(allowed);
  const denied = permissions.find((p) => !allowed.includes(p));
  if (denied !== undefined) {
    return answer(403, error('FORBIDDEN', `permission ${denied} is not allowed here; allowed: ${allowed.join(', ') || 'none'}`, 'permissions'));
  }
  for (const field of ['roomId', 'participantId']) {
    if (grant[field] === undefined) continue;
    if (params[field] !== undefined && params[field] !== grant[field]) {
      return answer(403, error('FORBIDDEN', `${field} is restricted for this caller`, field));
    }
    params[field] = grant[field];
  }

  const now = Math.floor(Date.now() / 1000);
  let token;
  let lifetime = cfg.maxSeconds;
  try {
    if (params.expiresIn !== undefined) {
      lifetime = spanSeconds(params.expiresIn);
      if (lifetime > cfg.maxSeconds) {
        return answer(403, error('FORBIDDEN', `expiresIn is longer than the ${cfg.maxExpiresIn} this endpoint allows`, 'expiresIn'));
      }
    }
    token = signToken({
      apiKey: cfg.apiKey,
      secret: cfg.secret,
      permissions,
      roomId: params.roomId,
      participantId: params.participantId,
      roles: params.roles,
      expiresIn: lifetime,
      now,
    });
  } catch (e) {
    // Bad request fields become 400s; anything else (a weak secret, …) is the deployment's fault.
    if (e instanceof TokenError && e.code === 'INVALID_OPTIONS' && FIELDS.includes(e.field)) {
      return answer(400, error(e.code, e.message, e.field));
    }
    throw e;
  }
  // signToken set exp to exactly now + lifetime.
  const expiresAt = new Date((now + lifetime) * 1000);
  return answer(200, { token, expiresAt: expiresAt.toISOString() });
}

function checkConfig(config) {
  if (config === null || typeof config !== 'object') {
    throw new TypeError('handleTokenRequest: config must be an object');
  }
  const { apiKey, secret, authorize, allowAnonymous = false } = config;
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw new TypeError('handleTokenRequest: config.apiKey must be a non-empty string');
  }
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    throw new TypeError('handleTokenRequest: config.secret must be a string or Uint8Array');
  }
  if (authorize !== undefined && typeof authorize !== 'function') {
    throw new TypeError('handleTokenRequest: config.authorize must be a function');
  }
  if (authorize === undefined && allowAnonymous !== true) {
    throw new TypeError(
      'handleTokenRequest: config.authorize(request) is required (allowAnonymous: true is for local development only)',
    );
  }
  const allowedPermissions = config.allowedPermissions ?? ['allow_join'];
  if (!Array.isArray(allowedPermissions) || allowedPermissions.some((p) => !KNOWN_PERMISSIONS.includes(p))) {
    throw new TypeError(`handleTokenRequest: config.allowedPermissions must list some of ${KNOWN_PERMISSIONS.join(', ')}`);
  }
  const maxExpiresIn = config.maxExpiresIn ?? '2h';
  // One trial signature checks apiKey, the secret's strength and maxExpiresIn by the core's rules,
  // on every request, so a misconfiguration fails loudly even where callers only get 401s.
  let maxSeconds;
  try {
    const trial = signToken({ apiKey, secret, permissions: ['allow_join'], expiresIn: maxExpiresIn, now: 0 });
    maxSeconds = decodeToken(trial, { now: 0 }).payload.exp;
  } catch (e) {
    if (e instanceof TokenError && e.field === 'expiresIn') {
      throw new TypeError(`handleTokenRequest: config.maxExpiresIn: ${e.message}`);
    }
    throw e; // WEAK_SECRET, …: a TokenError whose message never holds the secret
  }
  const cors = config.cors ?? [];
  if (cors !== '*' && !(Array.isArray(cors) && cors.every((o) => typeof o === 'string'))) {
    throw new TypeError("handleTokenRequest: config.cors must be a list of origins or '*'");
  }
  return { apiKey, secret, authorize, allowAnonymous: allowAnonymous === true, allowedPermissions, maxExpiresIn, maxSeconds, cors };
}

/** The length of a span ('2h', 600, …) in seconds, by the core's rules; TokenError if bad. */
function spanSeconds(span) {
  const token = signToken({ apiKey: 'span', secret: SPAN_KEY, permissions: ['allow_join'], expiresIn: span, now: 0 });
  return decodeToken(token, { now: 0 }).payload.exp;
}

function defaultPermissions(allowed) {
  if (allowed.includes('allow_join')) return ['allow_join'];
  if (allowed.includes('ask_join')) return ['ask_join'];
  return ['allow_join']; // refused with 403 below, naming what is allowed
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

class RequestError extends Error {
  constructor(status, body) {
    super(body.error.message);
    this.status = status;
    this.body = body;
  }
}

function bad(message, field) {
  return new RequestError(400, error('INVALID_OPTIONS', message, field));
}

function queryParams(url) {
  const params = {};
  for (const key of new Set(url.searchParams.keys())) {
    if (!FIELDS.includes(key)) throw bad(`unknown parameter ${key}; expected ${FIELDS.join(', ')}`, key);
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

async function bodyParams(request) {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw bad('send a JSON body with Content-Type: application/json', 'body');
  }
  const length = Number(request.headers.get('Content-Length'));
  if (length > MAX_BODY) throw new RequestError(413, error('PAYLOAD_TOO_LARGE', `the body is over ${MAX_BODY} bytes`, 'body'));
  const text = await request.text();
  if (text.length > MAX_BODY) throw new RequestError(413, error('PAYLOAD_TOO_LARGE', `the body is over ${MAX_BODY} bytes`, 'body'));
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw bad('the body is not valid JSON; send an object such as {"roomId": "…"}', 'body');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw bad('the body must be a JSON object such as {"roomId": "…"}', 'body');
  }
  const params = {};
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) throw bad(`unknown field ${key}; expected ${FIELDS.join(', ')}`, key);
    if (body[key] !== null && body[key] !== undefined) params[key] = body[key];
  }
  return checkParams(params);
}

function checkParams(params) {
  for (const key of ['roomId', 'participantId']) {
    if (params[key] !== undefined && (typeof params[key] !== 'string' || params[key] === '')) {
      throw bad(`${key} must be a non-empty string`, key);
    }
  }
  if (params.permissions !== undefined) {
    const list = params.permissions;
    if (!Array.isArray(list) || list.length === 0 || list.some((p) => !KNOWN_PERMISSIONS.includes(p))) {
      throw bad(`permissions must be a non-empty list of ${KNOWN_PERMISSIONS.join(', ')}`, 'permissions');
    }
  }
  if (params.expiresIn !== undefined && typeof params.expiresIn !== 'string' && typeof params.expiresIn !== 'number') {
    throw bad("expiresIn must be a span such as '10m' or a number of seconds", 'expiresIn');
  }
  return params;
}

function error(code, message, field) {
  return { error: field === undefined ? { code, message } : { code, message, field } };
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
