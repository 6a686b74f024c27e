// A STAND-IN for VideoSDK's REST API (api.videosdk.live/v2 and /ai/v1) as a web-standard
// `Request → Response` handler, for tests and `make demo` without a VideoSDK account. It is not
// VideoSDK: every answer carries the header `X-VideoSDK-Stand-In`, and every object a `_standIn`
// field, saying so.
//
// It checks each request as VideoSDK's API reference describes: method and path, query
// parameters, a JSON body with the documented fields and types, a running session where a start
// needs one, and `Authorization` holding the token raw, verified with this package's verifyToken
// (auth.js). Answers replay the shapes of VideoSDK's documented examples, bare JSON strings and
// wrapped objects included; the account lives in memory as plain data (`state`).
//
// Tests steer it through its methods (reset, seed, startSession, fail) or, with `control: true`,
// through /__stand-in/… on the same origin (control.js), for runtimes that reach it over HTTP.
// The request log holds a token's claims and an ordinal, never the token.
//
// The token calls need the wasm: load the package's entry (which instantiates it) before
// handling a request.
import { readLimited } from '../../shared/http.js';
import { checkAuthorization, REFUSED } from './auth.js';
import { controlRequest } from './control.js';
import { applyFault, takeFault, tooEarly } from './faults.js';
import { HttpError, jsonAnswer, jsonBody, tryJson } from './http.js';
import { findRoom, freshState, newRoom, newSession } from './model.js';
import { routes as ai } from './ai.js';
import { routes as hls } from './hls.js';
import { routes as livestreams } from './livestreams.js';
import { routes as recordings } from './recordings.js';
import { routes as rooms } from './rooms.js';
import { routes as sessions } from './sessions.js';

export { STAND_IN_HEADER } from './http.js';

const MAX_BODY = 64 * 1024;
/** @typedef {[string, string | RegExp, (context: any, ...params: string[]) => { status: number, body: unknown }]} Route */
const ROUTES = /** @type {Route[]} */ ([...rooms, ...sessions, ...recordings, ...hls, ...livestreams, ...ai]);
const decoder = new TextDecoder();

/**
 * The stand-in: `{ handle(request), fetch(input, init), state, requests, fail(fault), reset(options),
 * seed(spec), startSession(roomId, participants) }`. `now` (seconds since 1970 or a Date, as
 * verifyToken's) fixes the time tokens are checked at; by default, the clock.
 * @param {{ apiKey: string, secret: string, now?: number | Date, control?: boolean, onRequest?: (entry) => void }} options
 */
export function createStandIn({ apiKey, secret, now, control = false, onRequest }) {
  if (typeof apiKey !== 'string' || typeof secret !== 'string') throw new TypeError('createStandIn needs { apiKey, secret }');
  const state = freshState();
  const faults = [];
  const tokens = new Map();
  const notBefore = new Map();
  const options = { missingRoomStatus: 404 };

  const standIn = {
    state,
    get requests() {
      return state.log;
    },
    async handle(request) {
      try {
        return await handle(request);
      } catch (error) {
        return jsonAnswer(500, { message: `stand-in failure: ${error?.message ?? error}` });
      }
    },
    /** As `fetch` does: rejects with the signal's reason once the request's signal aborts. */
    fetch(input, init) {
      const request = new Request(input, init);
      const { signal } = request;
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        if (signal.aborted) {
          onAbort();
          return;
        }
        signal.addEventListener('abort', onAbort, { once: true });
        standIn.handle(request).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    fail(...list) {
      for (const fault of list.flat()) faults.push({ times: 1, ...fault });
      return faults.length;
    },
    reset({ missingRoomStatus = 404 } = {}) {
      Object.assign(state, freshState());
      faults.length = 0;
      notBefore.clear();
      options.missingRoomStatus = missingRoomStatus;
    },
    /**
     * Rooms (`customPrefix`-1, -2, … as their customRoomIds when given) and sessions: the ids made.
     * @param {{ rooms?: number, customPrefix?: string, sessions?: Array<{ roomId: string, status?: string, participants?: Array<string | { participantId: string, name?: string }> }> }} [spec]
     */
    seed({ rooms: count = 0, customPrefix, sessions: specs = [] } = {}) {
      const made = { rooms: [], sessions: [] };
      for (let i = 0; i < count; i += 1) {
        const room = newRoom(customPrefix ? { customRoomId: `${customPrefix}-${i + 1}` } : {});
        state.rooms.push(room);
        made.rooms.push(room.roomId);
      }
      for (const spec of specs) {
        const room = findRoom(state, spec.roomId);
        if (!room) throw new TypeError(`seed: no room ${spec.roomId}`);
        const session = newSession(room, spec);
        state.sessions.push(session);
        made.sessions.push(session.id);
      }
      return made;
    },
    /** A running session in `roomId` (created if unknown) with these participants in: its id. */
    startSession(roomId, participants = []) {
      if (!findRoom(state, roomId)) state.rooms.push({ ...newRoom({}), roomId });
      return standIn.seed({ sessions: [{ roomId, status: 'ongoing', participants }] }).sessions[0];
    },
  };

  async function handle(request) {
    const url = new URL(request.url);
    const bytes = await readLimited(request.body, MAX_BODY);
    if (bytes === null) return jsonAnswer(413, { message: `request body over ${MAX_BODY} bytes` });
    const text = decoder.decode(bytes);
    const { method } = request;
    const rawPath = url.pathname;
    if (rawPath.startsWith('/__stand-in/')) {
      if (!control) return jsonAnswer(404, { message: 'control endpoints are off in this stand-in' });
      return controlRequest(standIn, { tokens }, method, rawPath, text);
    }

    const contentType = request.headers.get('content-type') ?? undefined;
    const entry = { method, path: rawPath, rawPath, query: Object.fromEntries(url.searchParams), body: tryJson(text), contentType, auth: undefined, status: undefined };
    state.log.push(entry);
    onRequest?.(entry);

    // The token is checked (and logged) first; an injected fault then answers in its place.
    const auth = checkAuthorization(request.headers.get('authorization'), { apiKey, secret, tokens, now });
    entry.auth = auth.ok ? auth.claims : { refused: auth.reason };

    const fault = takeFault(faults, method, rawPath);
    if (fault && !fault.after) return applyFault(fault, request, entry, notBefore);
    const early = tooEarly(notBefore, method, rawPath);
    if (early !== undefined) {
      entry.tooEarly = true;
      return answer(entry, 429, { message: `retried ${early} ms before Retry-After allowed` }, { 'Retry-After': '1' });
    }
    if (!auth.ok) return answer(entry, 401, { message: REFUSED });

    let result;
    try {
      result = route(method, url, rawPath, text, contentType, entry);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      result = { status: error.status, body: { message: error.message } };
    }
    if (fault) return applyFault(fault, request, entry, notBefore);
    return answer(entry, result.status, result.body);
  }

  function route(method, url, path, text, contentType, entry) {
    const known = ROUTES.filter(([, pattern]) => (typeof pattern === 'string' ? pattern === path : pattern.test(path)));
    const found = known.find(([m]) => m === method);
    // Express answers an unknown method or path this way; a client using POST for validate lands here.
    if (!found) throw new HttpError(404, `Cannot ${method} ${path}`);
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') entry.body = jsonBody(text, contentType);
    else if (text !== '') throw new HttpError(400, `${method} takes no body`);
    const [, pattern, run] = found;
    const params = typeof pattern === 'string' ? [] : pattern.exec(path).slice(1).map(decodeURIComponent);
    return run({ state, url, body: entry.body, api: url.origin, options, entry }, ...params);
  }

  function answer(entry, status, body, headers) {
    entry.status = status;
    return jsonAnswer(status, body, headers);
  }

  return standIn;
}
