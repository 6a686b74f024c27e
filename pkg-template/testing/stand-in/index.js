// A STAND-IN for VideoSDK's REST API (api.videosdk.live/v2 and /ai/v1) as a web-standard
// `Request → Response` handler, for tests and `make demo` without a VideoSDK account. It is not
// VideoSDK: every answer carries the header `X-VideoSDK-Stand-In`, and every object a `_standIn`
// field, saying so.
//
// It checks each request as VideoSDK's API reference describes: method and path, query
// parameters, a JSON body with the documented fields and types, a running session where a start
// needs one, and `Authorization` holding the token raw, verified with this package's verifyToken
// (auth.js). Answers replay the shapes of VideoSDK's documented examples, bare JSON strings and
// wrapped objects included; the account lives in memory as plain data (`state`). The webhook key
// endpoint serves the public key of the signer it was given.
//
// Tests steer it through its methods (reset, seed, startSession, fail) or, with `control: true`,
// through /__stand-in/… on the same origin (control.js), for runtimes that reach it over HTTP.
// The request log holds a token's claims and an ordinal, never the token.
//
// The token calls need the wasm: the testing entries load the package's runtime entry first.
import { invalidOptions } from '../../shared/errors.js';
import { readLimited } from '../../shared/http.js';
import { readOptions } from '../../shared/options.js';
import { API_BASE } from '../../shared/vocabulary.js';
import { checkAuthorization, REFUSED } from './auth.js';
import { controlRequest } from './control.js';
import { faultAnswer, readFault, stall, takeFault, tooEarly } from './faults.js';
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
const KEY_PATH = '/v2/public/rsa-public-key';
/** @typedef {[string, string | RegExp, (context: any, ...params: string[]) => { status: number, body: unknown }]} Route */
const ROUTES = /** @type {Route[]} */ ([...rooms, ...sessions, ...recordings, ...hls, ...livestreams, ...ai]);
const OPTIONS = ['apiKey', 'secret', 'now', 'webhookSigner', 'control'];
const decoder = new TextDecoder();
// Each stand-in answers under an origin of its own, so caches keyed by API base (the webhook
// key's) never mix two stand-ins.
let instances = 0;

function readStandInOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalidOptions('options', 'createStandIn takes { apiKey, secret, now?, webhookSigner? }');
  }
  const o = readOptions(options, 'createStandIn', OPTIONS);
  for (const name of ['apiKey', 'secret']) {
    if (typeof o[name] !== 'string' || o[name] === '') throw invalidOptions(name, `createStandIn needs ${name}: the same ${name} your code signs its tokens with`);
  }
  if (o.now !== undefined && !(o.now instanceof Date) && typeof o.now !== 'number') {
    throw invalidOptions('now', 'now is the time tokens are checked at: seconds since 1970 or a Date');
  }
  if (o.webhookSigner !== undefined && (o.webhookSigner === null || typeof o.webhookSigner.publicKey !== 'string')) {
    throw invalidOptions('webhookSigner', 'webhookSigner is what createWebhookSigner() resolves to');
  }
  if (o.control !== undefined && typeof o.control !== 'boolean') throw invalidOptions('control', 'control must be true or false');
  return o;
}

/**
 * The stand-in: `{ fetch, handle, apiBase, state, requests, fail, startSession, reset, seed }`.
 * @param {{ apiKey: string, secret: string, now?: number | Date, webhookSigner?: { publicKey: string }, control?: boolean }} options
 */
export function createStandIn(options) {
  const { apiKey, secret, now, webhookSigner, control = false } = readStandInOptions(options);
  const apiBase = `https://stand-in-${(instances += 1)}.videosdk.invalid`;
  const origins = [apiBase, API_BASE];
  const state = freshState();
  const log = [];
  const faults = [];
  const tokens = new Map();
  const notBefore = new Map();
  const settings = { missingRoomStatus: 404 };

  const standIn = {
    apiBase,
    state,
    requests: log,
    /** Answers `request` whatever its origin (for a stand-in served on a port). */
    async handle(request) {
      try {
        return await handle(request);
      } catch (error) {
        return jsonAnswer(500, { message: `stand-in failure: ${error?.message ?? error}` });
      }
    },
    /** As `fetch` does: for `apiBase` and VideoSDK's own base; rejects with the signal's reason once it aborts. */
    fetch(input, init) {
      let request;
      try {
        request = new Request(input, init);
      } catch (error) {
        return Promise.reject(error);
      }
      const { origin } = new URL(request.url);
      if (!origins.includes(origin)) {
        return Promise.reject(new TypeError(`stand-in fetch: ${origin} is not this stand-in; it answers ${origins.join(' and ')}`));
      }
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
      const read = list.flat().map(readFault);
      faults.push(...read);
      return faults.length;
    },
    reset({ missingRoomStatus = 404 } = {}) {
      Object.assign(state, freshState());
      log.length = 0;
      faults.length = 0;
      notBefore.clear();
      settings.missingRoomStatus = missingRoomStatus;
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
        if (!room) throw invalidOptions('roomId', `seed: no room ${spec.roomId}`);
        const session = newSession(room, spec);
        state.sessions.push(session);
        made.sessions.push(session.id);
      }
      return made;
    },
    /** A running session in `roomId` (the room made if unknown) with these participants in: its id. */
    startSession(roomId, participants = []) {
      if (typeof roomId !== 'string' || roomId === '') throw invalidOptions('roomId', 'startSession takes the roomId (or customRoomId) first');
      if (!Array.isArray(participants) || !participants.every((p) => typeof p === 'string' || (typeof p?.participantId === 'string'
        && (p.name === undefined || typeof p.name === 'string')))) {
        throw invalidOptions('participants', 'startSession\'s participants are [{ participantId, name? }] (or participantId strings)');
      }
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
    const path = url.pathname;
    if (path.startsWith('/__stand-in/')) {
      if (!control) return jsonAnswer(404, { message: 'control endpoints are off in this stand-in' });
      return controlRequest(standIn, { tokens }, method, path, text);
    }

    const contentType = request.headers.get('content-type') ?? undefined;
    const entry = { method, path, query: Object.fromEntries(url.searchParams), body: tryJson(text), contentType, auth: undefined, status: undefined };
    log.push(entry);

    // The webhook key is public (VideoSDK's key endpoint needs no token).
    const isKey = method === 'GET' && path === KEY_PATH;
    // The token is checked (and logged) first; an injected fault then answers in its place.
    const auth = isKey ? { ok: true } : checkAuthorization(request.headers.get('authorization'), { apiKey, secret, tokens, now });
    if (!isKey) entry.auth = auth.ok ? auth.claims : { refused: auth.reason };

    const fault = takeFault(faults, method, path);
    if (fault?.delayMs !== undefined && !(await stall(fault.delayMs, request.signal))) {
      entry.fault = 'stall';
      return new Response(null, { status: 499 });
    }
    if (fault?.replaces && !fault.after) return faultAnswer(fault, request, entry, notBefore);
    const early = tooEarly(notBefore, method, path);
    if (early !== undefined) {
      entry.tooEarly = true;
      return answer(entry, 429, { message: `retried ${early} ms before Retry-After allowed` }, { 'Retry-After': '1' });
    }
    if (!auth.ok) return answer(entry, 401, { message: REFUSED });

    let result;
    try {
      result = isKey ? publicKey() : route(method, url, path, text, contentType, entry);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      result = { status: error.status, body: { message: error.message } };
    }
    if (fault?.replaces) return faultAnswer(fault, request, entry, notBefore);
    return answer(entry, result.status, result.body);
  }

  function publicKey() {
    if (!webhookSigner) throw new HttpError(404, 'this stand-in has no webhook key: pass createStandIn({ webhookSigner: await createWebhookSigner() })');
    return { status: 200, body: { publicKey: webhookSigner.publicKey } };
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
    return run({ state, url, body: entry.body, api: url.origin, options: settings, entry }, ...params);
  }

  function answer(entry, status, body, headers) {
    entry.status = status;
    return jsonAnswer(status, body, headers);
  }

  return standIn;
}
