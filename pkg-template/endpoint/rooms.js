// handleRoomRequest: what a web page needs from VideoSDK's REST API (create a room, check one,
// the HLS playback URL, an AI agent, the recording), served from the app's own backend so that no
// REST-capable token ever reaches a browser. A fixed menu of actions over VideoSDKClient, on
// web-standard Request/Response, with the token endpoint's HTTP discipline (./http.js).
//
// It acts on the deployment's VideoSDK account for strangers' browsers, so it fails closed:
// - every action is off unless config lists it; one that is off answers as an unknown route;
// - authorize() is required and only `true` allows; what it throws is a 500 that says nothing;
// - the caller chooses ids only (a room in the path, a customRoomId or an allowed agentId in the
//   body), each checked before authorize() sees it; the server decides every room setting;
// - answers carry the few fields the page needs, built here: never VideoSDK's room object (its
//   webhook URL, its owner), never a token, never another room's data;
// - VideoSDK's answers are mapped to this endpoint's codes, its messages escaped and cut, and a
//   refusal of the deployment's own key is a 500 with no detail;
// - a rate limit (config.rateLimit, the platform's limiter) is counted once the caller is let in
//   and before any VideoSDK call, and fails closed.
// The secret signs the client's management token and nothing else; this module logs nothing, and
// the hooks (onIssue, onDeny) see the request, the action and the answer's status, never a token.
import { ApiError, invalidOptions } from '../shared/errors.js';
import { jsonResponse } from '../shared/http.js';
import { cut, quote } from '../shared/text.js';
import {
  answer, bad, checkUrlLength, corsHeaders, isRequest, jsonObject, notAllowed, preflight, readBody, Refusal, refuseQuery, withBody,
} from './http.js';
import { checkRoomId, pathRoomId } from './ids.js';
import { notify, overLimit } from './limits.js';
import { roomSettings } from './rooms-config.js';

// The routes under basePath: the collection's, and each room's by the word after its id.
const COLLECTION = { POST: 'room.create' };
const MEMBER = {
  validate: { GET: 'room.validate' },
  hls: { GET: 'hls.playback' },
  agents: { POST: 'agent.dispatch' },
  recording: { POST: 'recording.start', DELETE: 'recording.stop' },
};
// The body fields a caller may send, per action (an action not here takes no body fields).
const BODY_FIELDS = { 'room.create': ['customRoomId'], 'agent.dispatch': ['agentId'] };
// Actions that must not run twice: after a failure that may come after VideoSDK acted, the
// answer says so. (A create with a customRoomId is safe: VideoSDK returns the room it made.)
const NOT_REPEATABLE = ['room.create', 'agent.dispatch', 'recording.start'];
// Retry-After when VideoSDK rate-limited the app and did not say for how long (seconds).
const DEFAULT_RETRY_AFTER = 10;

const SERVER_ERROR = { error: { code: 'SERVER_ERROR', message: 'the room endpoint failed; try again later' } };

/**
 * Answers a room request: 201/200/202 with the action's few fields, 204 for an OPTIONS
 * preflight, 400 bad input, 403 refused by authorize() or outside config.agents, 404 an unknown
 * route (or an action that is off) and what VideoSDK has not, 405 another method, 409 VideoSDK
 * refused, 413 a body over 16 KiB, 414 a URL over 16 KiB, 429 over config.rateLimit or VideoSDK's
 * rate limit, 500 when authorize() (or the rate limit) throws or VideoSDK refuses the deployment's
 * key, 502 VideoSDK failed. onIssue sees each action VideoSDK accepted, onDeny each answer of 400
 * or more.
 * Rejects (with a TokenError) only for a bad `config`: that is the deployer's bug, not the caller's.
 */
export async function handleRoomRequest(request, config) {
  const cfg = roomSettings(config);
  if (!isRequest(request)) {
    throw invalidOptions('request', 'handleRoomRequest(request, config): request must be a Request');
  }
  // Retry-After is not a header a page may read by default: exposed for a 429's wait.
  const common = corsHeaders(cfg.cors, request.headers.get('Origin'), 'Retry-After');
  // Every answer of 400 or more is thrown (a Refusal, or anything else for the 500) and answered
  // by answer(), which tells onDeny: respond() itself returns successes only.
  return answer(common, SERVER_ERROR, () => respond(request, cfg, common),
    cfg.onDeny && ((status, code) => notify(cfg.onDeny, { request, status, code })));
}

async function respond(request, cfg, common) {
  checkUrlLength(request);
  const url = new URL(request.url);
  const { method } = request;
  const route = routeOf(method, url.pathname, cfg);
  const allow = [...Object.keys(route.enabled), 'OPTIONS'].join(', ');
  if (method === 'OPTIONS') return preflight(allow, common);
  // Own properties only: a method is any token, `constructor` and `__proto__` included.
  const action = Object.hasOwn(route.enabled, method) ? route.enabled[method] : undefined;
  if (action === undefined) {
    // An action that is off answers as an unknown route does.
    if (Object.hasOwn(route.all, method)) throw noRoute(method, url.pathname);
    throw notAllowed(method, allow, Object.keys(route.enabled).join(' or '));
  }

  // The input, checked before authorize() sees it: the room id from the path, then the query
  // (refused), then the body (read once, no further than the limit).
  const roomId = route.segment === undefined ? undefined : pathRoomId(route.segment);
  // No prototype: an absent field must read as undefined whatever Object.prototype holds.
  /** @type {{ roomId?: string, agentId?: string, customRoomId?: string }} */
  const input = Object.create(null);
  if (roomId !== undefined) input.roomId = roomId;
  let seen = request;
  if (method === 'GET') {
    refuseAnyQuery(url, method);
  } else {
    if (method === 'POST') refuseQuery(url, method);
    else refuseAnyQuery(url, method);
    const bytes = await readBody(request);
    seen = withBody(request, bytes);
    Object.assign(input, bodyFields(request, bytes, action));
  }

  // authorize() decides with what this request would do; it gets a frozen copy, so nothing it
  // does changes what is done.
  const details = { action };
  for (const key of ['roomId', 'agentId', 'customRoomId']) if (input[key] !== undefined) details[key] = input[key];
  if ((await cfg.authorize(seen, Object.freeze(details))) !== true) {
    throw new Refusal(403, 'FORBIDDEN', `${action} is not allowed for this caller`);
  }
  if (action === 'agent.dispatch' && !cfg.agents.includes(input.agentId)) {
    throw new Refusal(403, 'FORBIDDEN', `agentId ${quote(input.agentId)} is not an agent this endpoint dispatches`, 'agentId');
  }

  // The limit is counted once the caller is let in (its key may use what authorize() approved)
  // and before VideoSDK is called: a caller over it costs the account nothing. key() gets a
  // frozen copy, as authorize() does.
  const subject = { action };
  for (const key of ['roomId', 'agentId']) if (input[key] !== undefined) subject[key] = input[key];
  const over = await overLimit(cfg.rateLimit, request, Object.freeze(subject));
  if (over) throw new Refusal(over.status, over.code, over.message, undefined, over.headers);

  const [status, body] = await perform(cfg, action, input);
  // VideoSDK accepted the action: the room it acted on (the one created, for room.create).
  if (cfg.onIssue) await notify(cfg.onIssue, { request, action, roomId: body.roomId });
  return jsonResponse(status, body, common);
}

/** The route a path names: its methods (all, and those whose action is on) and the room id segment. */
function routeOf(method, path, cfg) {
  let all;
  let segment;
  if (path === (cfg.base || '/')) {
    all = COLLECTION;
  } else if (path.startsWith(`${cfg.base}/`)) {
    // {id}/{word}: the id is one segment (a slash in it must be percent-encoded, and is refused).
    const rest = path.slice(cfg.base.length + 1);
    const slash = rest.indexOf('/');
    const word = slash === -1 ? undefined : rest.slice(slash + 1);
    if (word === undefined || !Object.hasOwn(MEMBER, word)) throw noRoute(method, path);
    all = MEMBER[word];
    segment = rest.slice(0, slash);
  } else {
    throw noRoute(method, path);
  }
  const enabled = Object.create(null);
  for (const [method, action] of Object.entries(all)) if (cfg.actions.has(action)) enabled[method] = action;
  if (Object.keys(enabled).length === 0) throw noRoute(method, path);
  return { all, enabled, segment };
}

/** The same answer for a route that does not exist and for an action that is off. */
function noRoute(method, path) {
  return new Refusal(404, 'NOT_FOUND', `no route for ${quote(`${method} ${path}`)} here`);
}

/** GET and DELETE take every input from the path: a query string is refused, not ignored. */
function refuseAnyQuery(url, method) {
  const first = url.searchParams.keys().next();
  if (!first.done) throw bad(`a ${method} here takes no query parameters; remove ${quote(first.value)}`, cut(first.value));
}

/** The body's fields for `action`: none, or a JSON object of the fields it takes (null = absent). */
function bodyFields(request, bytes, action) {
  const allowed = BODY_FIELDS[action] ?? [];
  const fields = Object.create(null);
  if (bytes.byteLength === 0) {
    if (action === 'agent.dispatch') throw bad('send {"agentId": "…"} as a JSON body', 'agentId');
    return fields;
  }
  const body = jsonObject(request, bytes, allowed.length > 0 ? `{"${allowed[0]}": "…"}` : '{}');
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      const expected = action === 'room.create'
        ? 'a page may send only customRoomId: the server decides every other room setting'
        : allowed.length > 0 ? `expected ${allowed.join(', ')}` : `${action} takes no fields`;
      throw bad(`unknown field ${quote(key)}; ${expected}`, cut(key));
    }
    if (body[key] !== null) fields[key] = checkRoomId(body[key], key);
  }
  if (action === 'agent.dispatch' && fields.agentId === undefined) throw bad('agentId is required', 'agentId');
  return fields;
}

/**
 * The VideoSDK call of `action`: [status, body], the body built here from the table's fields.
 * @param {any} cfg
 * @param {string} action
 * @param {{ roomId?: string, agentId?: string, customRoomId?: string }} input
 * @returns {Promise<[number, { roomId: string } & Record<string, unknown>]>}
 */
async function perform(cfg, action, input) {
  const { roomId, agentId, customRoomId } = input;
  const { client } = cfg;
  try {
    switch (action) {
      case 'room.create': {
        const room = await client.rooms.create(customRoomId === undefined ? cfg.createRoom : { ...cfg.createRoom, customRoomId });
        const roomId = own(room, 'roomId');
        if (typeof roomId !== 'string' || roomId === '') throw badAnswer();
        const named = own(room, 'customRoomId');
        return [201, { roomId, customRoomId: typeof named === 'string' ? named : null }];
      }
      case 'room.validate': {
        const { valid } = await client.rooms.validate(roomId);
        return [200, { roomId, valid: valid === true }];
      }
      case 'hls.playback': {
        const stream = await client.hls.active(roomId);
        if (stream === null) throw new Refusal(404, 'NOT_FOUND', `no HLS stream is live in room ${quote(roomId)}`);
        const playbackHlsUrl = streamUrl(own(stream, 'playbackHlsUrl'));
        if (playbackHlsUrl === null) throw badAnswer();
        return [200, { roomId, playbackHlsUrl, livestreamUrl: streamUrl(own(stream, 'livestreamUrl')) }];
      }
      case 'agent.dispatch':
        await client.agents.dispatch({ agentId, roomId });
        return [202, { roomId, agentId }];
      case 'recording.start':
        await client.recordings.start({ roomId });
        return [202, { roomId }];
      default: // recording.stop
        await client.recordings.stop({ roomId });
        return [202, { roomId }];
    }
  } catch (e) {
    throw upstream(e, action, customRoomId);
  }
}

/** A field VideoSDK sent: its own, never one a polluted Object.prototype adds. */
function own(object, name) {
  return object !== null && typeof object === 'object' && Object.hasOwn(object, name) ? object[name] : undefined;
}

/** An http(s) URL from VideoSDK's answer, or null. */
function streamUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:' ? value : null;
  } catch {
    return null;
  }
}

const badAnswer = () => new ApiError('BAD_RESPONSE', 'VideoSDK answered without the fields this endpoint returns');

/**
 * What a failed VideoSDK call answers: a Refusal, or the error itself for a 500 (the
 * deployment's key refused, a closed client, anything unforeseen).
 */
function upstream(error, action, customRoomId) {
  if (!(error instanceof ApiError)) return error;
  switch (error.code) {
    case 'NOT_FOUND':
      // For a create, a 404 is not about the caller's input: VideoSDK's route itself failed.
      if (action === 'room.create') break;
      return new Refusal(404, 'NOT_FOUND', 'VideoSDK has no such room');
    case 'RATE_LIMITED': {
      const wait = Number.isSafeInteger(error.retryAfter) && error.retryAfter >= 0 ? error.retryAfter : DEFAULT_RETRY_AFTER;
      return new Refusal(429, 'RATE_LIMITED', `VideoSDK is limiting this app's requests; try again in ${wait} s`, undefined, { 'Retry-After': String(wait) });
    }
    case 'BAD_REQUEST':
    case 'CONFLICT': {
      // VideoSDK refused this request itself (no live session to record, a quota): its words,
      // escaped and cut, since they may hold the caller's input.
      const said = error.apiMessage === undefined ? `VideoSDK refused ${action} (${error.status})` : `VideoSDK refused ${action}: ${quote(error.apiMessage)}`;
      return new Refusal(409, 'UPSTREAM_REFUSED', said);
    }
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
      // The deployment's key: its bug, not the caller's, and nothing a caller should learn.
      return error;
    default:
      break;
  }
  const mayHaveActed = NOT_REPEATABLE.includes(action) && !(action === 'room.create' && customRoomId !== undefined);
  const note = mayHaveActed ? `; ${action} may have taken effect, so check before repeating it` : '; try again later';
  return new Refusal(502, 'UPSTREAM_ERROR', `VideoSDK did not answer ${action} as expected (${WHY[error.code] ?? 'it failed'})${note}`);
}

const WHY = {
  TIMEOUT: 'no answer in time',
  NETWORK: 'it could not be reached',
  SERVER_ERROR: 'it failed',
  BAD_RESPONSE: 'its answer could not be read',
  NOT_FOUND: 'its route was not found',
};
