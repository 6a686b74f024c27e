// A LOCAL STAND-IN for VideoSDK's REST API (api.videosdk.live/v2), on 127.0.0.1 only, for the
// tests and for `make demo` without a VideoSDK account. It is not VideoSDK: every answer carries
// the header `X-VideoSDK-Stand-In` and a `_standIn` field saying so.
//
// It checks each request as VideoSDK's API reference describes: method and path, query
// parameters, a JSON body with the documented fields, and `Authorization` holding the token raw
// (no `Bearer`), verified with this package's own verifyToken: the right apikey, version 2,
// roles ['crawler'], a lifetime of at most 10 minutes. Answers replay the shapes of VideoSDK's
// documented response examples; rooms and sessions live in memory.
//
// Tests steer it through /__stand-in/… (off unless `control: true`): reset, seed rooms and
// sessions, inject faults (a status with headers and body, a redirect among them, a hang,
// malformed JSON, an answer of many megabytes, a dropped connection; before or after the request
// takes effect; a 429 whose Retry-After it enforces by refusing an early retry), and read the
// request log, which holds
// a token's claims and an ordinal, never the token.
//
// node:http only, so Deno and Bun (which implement node:http) can start it in-process.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { verifyToken } from 'videosdk-token';

export const STAND_IN_HEADER = 'X-VideoSDK-Stand-In';
const STAND_IN_NOTE = 'local stand-in of api.videosdk.live for tests and demos; not VideoSDK';
const MAX_BODY = 64 * 1024;
const MAX_LIFETIME = 600;
const USER = { email: 'stand-in@example.invalid', name: 'Stand-in User', discontinuedReason: null, id: '5f7edbb14c938bcd42944527' };
const CREATE_FIELDS = ['customRoomId', 'webhook', 'autoCloseConfig', 'autoStartConfig', 'geoFence', 'allowedParticipantIds', 'region'];
const AUTO_CLOSE_TYPES = ['session-ends', 'session-end-and-deactivate'];
// A retry that comes sooner than Retry-After asked is refused (timers may fire a little early).
const RETRY_AFTER_SLACK_MS = 50;

/**
 * Starts the stand-in. Resolves with { url, close(), state } once it listens.
 * @param {{ apiKey: string, secret: string, port?: number, control?: boolean, onRequest?: (entry) => void }} options
 */
export async function startStandIn({ apiKey, secret, port = 0, control = false, onRequest } = {}) {
  if (typeof apiKey !== 'string' || typeof secret !== 'string') throw new TypeError('startStandIn needs { apiKey, secret }');
  const state = freshState();
  const sockets = new Set();
  const hanging = new Set();
  let base = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, { message: `stand-in failure: ${error?.message ?? error}` });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req, res) {
    const url = new URL(req.url, base);
    let text;
    try {
      text = await readBody(req);
    } catch {
      send(res, 413, { message: `request body over ${MAX_BODY} bytes` });
      return;
    }
    if (url.pathname.startsWith('/__stand-in/')) {
      if (!control) return send(res, 404, { message: 'control endpoints are off in this stand-in' });
      return controlRequest(req.method, url.pathname, text, res);
    }

    const entry = {
      method: req.method,
      path: url.pathname,
      rawPath: req.url.split('?')[0],
      query: Object.fromEntries(url.searchParams),
      body: tryJson(text),
      contentType: req.headers['content-type'],
      auth: undefined,
      status: undefined,
    };
    state.log.push(entry);
    onRequest?.(entry);

    // The token is checked (and logged) first; an injected fault then answers in its place.
    const auth = checkAuthorization(req.headers.authorization);
    entry.auth = auth.ok ? auth.claims : { refused: auth.message };

    const fault = takeFault(req.method, entry.rawPath);
    if (fault && !fault.after) return applyFault(fault, req, res, entry);

    const early = tooEarly(req.method, entry.rawPath);
    if (early !== undefined) {
      entry.tooEarly = true;
      return answer(res, entry, 429, { message: `retried ${early} ms before Retry-After allowed` }, { 'Retry-After': '1' });
    }
    if (!auth.ok) return answer(res, entry, 401, { message: auth.message });

    let result;
    try {
      result = route(req.method, url, entry.rawPath, text, req.headers['content-type'], entry);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      result = { status: error.status, body: { message: error.message } };
    }
    if (fault) return applyFault(fault, req, res, entry);
    return answer(res, entry, result.status, result.body);
  }

  // ---- Authorization, as VideoSDK's API reference describes it --------------------------------

  function checkAuthorization(header) {
    if (header === undefined || header === '') return { ok: false, message: 'Authorization header is missing: send the token' };
    if (/^(Bearer|Basic)\s/i.test(header)) {
      return { ok: false, message: 'Authorization must be the token itself, without a "Bearer " or "Basic " prefix' };
    }
    let claims;
    try {
      claims = verifyToken(header, secret, { apiKey });
    } catch (error) {
      return { ok: false, message: `Token is invalid or expired (${error.code})` };
    }
    if (claims.version !== 2) return { ok: false, message: 'the v2 API needs a token with version: 2' };
    if (JSON.stringify(claims.roles) !== '["crawler"]') return { ok: false, message: `the v2 API needs roles ["crawler"]; got ${JSON.stringify(claims.roles)}` };
    if (typeof claims.iat !== 'number' || claims.exp - claims.iat > MAX_LIFETIME) {
      return { ok: false, message: `a management token may live at most ${MAX_LIFETIME} s (iat to exp)` };
    }
    let ordinal = state.tokens.get(header);
    if (ordinal === undefined) {
      ordinal = state.tokens.size + 1;
      state.tokens.set(header, ordinal);
    }
    return { ok: true, claims: { token: ordinal, iat: claims.iat, exp: claims.exp, permissions: claims.permissions, roles: claims.roles, version: claims.version } };
  }

  // ---- The API ---------------------------------------------------------------------------------

  function route(method, url, rawPath, text, contentType, entry) {
    const path = rawPath;
    const api = `${base}`;
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') entry.body = jsonBody(text, contentType);
    else if (text !== '') throw new HttpError(400, `${method} takes no body`);

    if (path === '/v2/rooms' && method === 'POST') {
      const body = entry.body;
      for (const key of Object.keys(body)) if (!CREATE_FIELDS.includes(key)) throw new HttpError(400, `unknown field ${key}`);
      checkCreate(body);
      allowQuery(url, []);
      if (body.customRoomId !== undefined) {
        const existing = state.rooms.find((r) => r.customRoomId === body.customRoomId);
        if (existing) return ok(createView(existing, api));
      }
      const room = newRoom(body);
      state.rooms.push(room);
      return ok(createView(room, api));
    }
    if (path === '/v2/rooms' && method === 'GET') {
      allowQuery(url, ['page', 'perPage']);
      return ok(page(state.rooms, url, (r) => getView(r, api)));
    }
    let m = /^\/v2\/rooms\/validate\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      allowQuery(url, []);
      const room = findRoom(decodeURIComponent(m[1]));
      if (!room) {
        if (state.missingRoomStatus === 400) throw new HttpError(400, 'Invalid roomId');
        throw new HttpError(404, 'Room not found');
      }
      return ok(createView(room, api));
    }
    if (path === '/v2/rooms/deactivate' && method === 'POST') {
      allowQuery(url, []);
      const { roomId } = entry.body;
      onlyFields(entry.body, ['roomId']);
      if (typeof roomId !== 'string' || roomId === '') throw new HttpError(400, 'roomId is required');
      const room = state.rooms.find((r) => r.roomId === roomId);
      if (!room) throw new HttpError(404, 'Room not found');
      room.disabled = true;
      room.updatedAt = iso();
      return ok(deactivateView(room));
    }
    m = /^\/v2\/rooms\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      allowQuery(url, []);
      const room = findRoom(decodeURIComponent(m[1]));
      if (!room) throw new HttpError(404, 'Room not found');
      return ok(getView(room, api));
    }
    if (path === '/v2/sessions/' && method === 'GET') {
      allowQuery(url, ['roomId', 'customRoomId', 'page', 'perPage']);
      const roomId = url.searchParams.get('roomId');
      if (!roomId) throw new HttpError(400, 'roomId is required');
      const room = findRoom(roomId);
      const list = room ? state.sessions.filter((s) => s.roomId === room.roomId) : [];
      return ok(page(list, url, (s) => sessionListView(s, api)));
    }
    if (path === '/v2/sessions/end' && method === 'POST') {
      allowQuery(url, []);
      onlyFields(entry.body, ['roomId', 'sessionId']);
      const session = ongoingSession(entry.body);
      closeSession(session);
      return ok(sessionView(session, api));
    }
    if (path === '/v2/sessions/participants/remove' && method === 'POST') {
      allowQuery(url, []);
      onlyFields(entry.body, ['participantId', 'roomId', 'sessionId']);
      const { participantId } = entry.body;
      if (typeof participantId !== 'string' || participantId === '') throw new HttpError(400, 'participantId is required');
      const session = ongoingSession(entry.body);
      const participant = session.participants.find((p) => p.participantId === participantId && p.timelog.some((t) => t.end === null));
      if (!participant) throw new HttpError(404, 'Participant not found in the running session');
      for (const t of participant.timelog) if (t.end === null) t.end = iso();
      return ok(removedView(session, api));
    }
    m = /^\/v2\/sessions\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      allowQuery(url, []);
      const session = state.sessions.find((s) => s.id === decodeURIComponent(m[1]));
      if (!session) throw new HttpError(404, 'Session not found');
      return ok(sessionView(session, api));
    }
    // Express answers an unknown method or path this way; a client using POST for validate lands here.
    throw new HttpError(404, `Cannot ${method} ${path}`);
  }

  function findRoom(id) {
    return state.rooms.find((r) => r.roomId === id) ?? state.rooms.find((r) => r.customRoomId === id);
  }

  function ongoingSession(body) {
    const { roomId, sessionId } = body;
    if (typeof roomId !== 'string' || roomId === '') throw new HttpError(400, 'roomId is required');
    if (sessionId !== undefined && (typeof sessionId !== 'string' || sessionId === '')) throw new HttpError(400, 'sessionId must be a string');
    const room = findRoom(roomId);
    if (!room) throw new HttpError(404, 'Room not found');
    const session = state.sessions.find((s) => s.roomId === room.roomId && s.status === 'ongoing'
      && (sessionId === undefined || s.id === sessionId));
    if (!session) throw new HttpError(400, 'No ongoing session found for this room');
    return session;
  }

  // ---- Control (tests only) ---------------------------------------------------------------------

  function controlRequest(method, path, text, res) {
    const body = text === '' ? {} : JSON.parse(text);
    if (method === 'POST' && path === '/__stand-in/reset') {
      Object.assign(state, freshState(), { tokens: state.tokens });
      if (body.missingRoomStatus !== undefined) state.missingRoomStatus = body.missingRoomStatus;
      return send(res, 200, { reset: true });
    }
    if (method === 'POST' && path === '/__stand-in/faults') {
      for (const fault of [].concat(body)) state.faults.push({ times: 1, ...fault });
      return send(res, 200, { faults: state.faults.length });
    }
    if (method === 'POST' && path === '/__stand-in/seed') {
      const rooms = [];
      for (let i = 0; i < (body.rooms ?? 0); i += 1) {
        const room = newRoom(body.customPrefix ? { customRoomId: `${body.customPrefix}-${i + 1}` } : {});
        state.rooms.push(room);
        rooms.push(room.roomId);
      }
      const sessions = [];
      for (const spec of body.sessions ?? []) {
        const room = findRoom(spec.roomId);
        if (!room) return send(res, 400, { message: `no room ${spec.roomId}` });
        const session = newSession(room, spec);
        state.sessions.push(session);
        sessions.push(session.id);
      }
      return send(res, 200, { rooms, sessions });
    }
    if (method === 'GET' && path === '/__stand-in/log') {
      return send(res, 200, { requests: state.log, rooms: state.rooms.length, distinctTokens: state.tokens.size });
    }
    return send(res, 404, { message: `no control endpoint ${method} ${path}` });
  }

  function takeFault(method, path) {
    const index = state.faults.findIndex((f) => (f.method ?? method) === method && path.startsWith(f.path ?? ''));
    if (index === -1) return undefined;
    const fault = state.faults[index];
    fault.times -= 1;
    if (fault.times <= 0) state.faults.splice(index, 1);
    return fault;
  }

  function applyFault(fault, req, res, entry) {
    entry.fault = fault.kind;
    switch (fault.kind) {
      case 'hang':
        // Never answers; the client's timeout or signal must end it. close() drops it.
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return undefined;
      case 'drop':
        // The answer is cut short: headers and part of the body, then the connection closes.
        // (Closing before any answer would not do: Deno's fetch then re-sends the request by itself.)
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '64', [STAND_IN_HEADER]: STAND_IN_NOTE });
        res.write('{"roomId": "abcd-');
        setTimeout(() => res.destroy(), 20);
        return undefined;
      case 'large': {
        // A valid JSON object of `bytes` bytes and more, sent as the reader takes it (backpressure),
        // with no Content-Length: only counting what arrives can stop it. `entry.sent` is what
        // had been handed to the socket when the connection closed.
        entry.status = 200;
        const total = fault.bytes ?? 4 * 1024 * 1024;
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        res.on('close', () => {
          entry.sent = sent;
        });
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', [STAND_IN_HEADER]: STAND_IN_NOTE });
        res.write('{"filler":"');
        const pump = () => {
          while (sent < total) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end('"}');
        };
        pump();
        return undefined;
      }
      case 'malformed':
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', [STAND_IN_HEADER]: STAND_IN_NOTE });
        res.end('{"roomId": "abcd-efgh-');
        return undefined;
      default: {
        const status = fault.status ?? 500;
        const headers = fault.headers ?? {};
        const retryAfter = headers['Retry-After'];
        if (fault.enforceRetryAfter && retryAfter !== undefined && /^\d+$/.test(String(retryAfter))) {
          state.notBefore.set(`${req.method} ${entry.rawPath}`, Date.now() + Number(retryAfter) * 1000 - RETRY_AFTER_SLACK_MS);
        }
        if (typeof fault.body === 'string') {
          entry.status = status;
          res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', [STAND_IN_HEADER]: STAND_IN_NOTE, ...headers });
          res.end(fault.body);
          return undefined;
        }
        return answer(res, entry, status, fault.body ?? { message: `injected ${status}` }, headers);
      }
    }
  }

  function tooEarly(method, path) {
    const key = `${method} ${path}`;
    const notBefore = state.notBefore.get(key);
    if (notBefore === undefined) return undefined;
    state.notBefore.delete(key);
    const early = notBefore - Date.now();
    return early > 0 ? early : undefined;
  }

  function answer(res, entry, status, body, headers = {}) {
    entry.status = status;
    send(res, status, body, headers);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${server.address().port}`;

  return {
    url: base,
    state,
    async close() {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// ---- Shapes of VideoSDK's documented answers ------------------------------------------------------

function freshState() {
  return { rooms: [], sessions: [], faults: [], log: [], tokens: new Map(), notBefore: new Map(), missingRoomStatus: 404 };
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const ok = (body) => ({ status: 200, body });
const iso = () => new Date().toISOString();
const hex = (n) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');

function roomIdText() {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const pick = () => Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => letters[b % letters.length]).join('');
  return `${pick()}-${pick()}-${pick()}`;
}

function newRoom(body) {
  const now = iso();
  const room = { id: hex(12), roomId: roomIdText(), userId: USER.id, disabled: false, createdAt: now, updatedAt: now };
  for (const key of ['customRoomId', 'webhook', 'autoCloseConfig', 'autoStartConfig', 'geoFence', 'allowedParticipantIds']) {
    if (body[key] !== undefined) room[key] = body[key];
  }
  return room;
}

function newSession(room, spec) {
  const start = iso();
  const ongoing = spec.status === 'ongoing';
  return {
    id: hex(12),
    roomId: room.roomId,
    customRoomId: room.customRoomId,
    userId: USER.id,
    start,
    end: ongoing ? null : iso(),
    status: ongoing ? 'ongoing' : 'ended',
    activeDuration: 0,
    participants: (spec.participants ?? []).map((participantId) => ({
      _id: hex(12), participantId, name: participantId, timelog: [{ start, end: ongoing ? null : iso() }],
    })),
  };
}

function closeSession(session) {
  const end = iso();
  session.status = 'ended';
  session.end = end;
  for (const p of session.participants) for (const t of p.timelog) if (t.end === null) t.end = end;
}

const links = (api, room) => ({ get_room: `${api}/v2/rooms/${room.roomId}`, get_session: `${api}/v2/sessions/?roomId=${room.roomId}` });
const optional = (room, keys) => Object.fromEntries(keys.filter((k) => room[k] !== undefined).map((k) => [k, room[k]]));

// "Create a Room" and "Validate a Room": userId, not user.
function createView(room, api) {
  return {
    roomId: room.roomId, ...optional(room, ['customRoomId']), userId: room.userId, disabled: room.disabled,
    createdAt: room.createdAt, updatedAt: room.updatedAt, id: room.id, links: links(api, room),
    ...optional(room, ['webhook', 'autoCloseConfig', 'autoStartConfig', 'geoFence', 'allowedParticipantIds']),
  };
}

// "Fetch a Room" and "Fetch Rooms": a user object.
function getView(room, api) {
  return {
    roomId: room.roomId, ...optional(room, ['customRoomId']), disabled: room.disabled, createdAt: room.createdAt,
    updatedAt: room.updatedAt, user: USER, id: room.id, links: links(api, room),
    ...optional(room, ['webhook', 'autoCloseConfig']),
  };
}

// "Deactivate a Room": VideoSDK's documented answer names the room meetingId / userMeetingId.
function deactivateView(room) {
  return {
    ...optional(room, ['webhook']), disabled: room.disabled, meetingId: room.roomId,
    ...(room.customRoomId === undefined ? {} : { userMeetingId: room.customRoomId }),
    userId: room.userId, createdAt: room.createdAt, updatedAt: room.updatedAt, user: USER, id: room.id,
  };
}

const sessionLinks = (api, s) => ({ get_room: `${api}/v2/rooms/${s.roomId}`, get_session: `${api}/v2/sessions/${s.id}` });

// "Fetch Sessions" items.
function sessionListView(s, api) {
  return {
    id: s.id, roomId: s.roomId, start: s.start, end: s.end,
    participants: s.participants.map(({ participantId, name, timelog }) => ({ participantId, name, timelog })),
    status: s.status, links: sessionLinks(api, s),
  };
}

// "Fetch a Session" (and the answer to ending one).
function sessionView(s, api) {
  return {
    id: s.id, userId: s.userId, roomId: s.roomId, ...(s.customRoomId === undefined ? {} : { customRoomId: s.customRoomId }),
    start: s.start, end: s.end, participants: s.participants, activeDuration: s.activeDuration,
    chatLink: `${api}/chats/${s.roomId}-${s.id}.csv`, status: s.status, links: sessionLinks(api, s),
  };
}

// "Remove Participant".
function removedView(s, api) {
  return { start: s.start, end: s.end, participants: s.participants, id: s.id, roomId: s.roomId, status: s.status, links: sessionLinks(api, s) };
}

function page(list, url, view) {
  const pageNo = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('perPage') ?? 20);
  const lastPage = Math.max(1, Math.ceil(list.length / perPage));
  return {
    pageInfo: { currentPage: pageNo, perPage, lastPage, total: list.length },
    data: list.slice((pageNo - 1) * perPage, pageNo * perPage).map(view),
  };
}

// ---- Request checks -------------------------------------------------------------------------------

function allowQuery(url, names) {
  for (const [key, value] of url.searchParams) {
    if (!names.includes(key)) throw new HttpError(400, `unknown query parameter ${key}`);
    if ((key === 'page' || key === 'perPage') && !/^[1-9]\d*$/.test(value)) throw new HttpError(400, `${key} must be a positive integer`);
  }
}

function jsonBody(text, contentType) {
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) throw new HttpError(400, 'send JSON with Content-Type: application/json');
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'the body must be a JSON object');
  return body;
}

function tryJson(text) {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function onlyFields(body, names) {
  for (const key of Object.keys(body)) if (!names.includes(key)) throw new HttpError(400, `unknown field ${key}`);
}

function checkCreate(body) {
  const { customRoomId, webhook, autoCloseConfig } = body;
  if (customRoomId !== undefined && (typeof customRoomId !== 'string' || customRoomId === '')) throw new HttpError(400, 'customRoomId must be a string');
  if (webhook !== undefined) {
    if (typeof webhook !== 'object' || webhook === null || typeof webhook.endPoint !== 'string' || !Array.isArray(webhook.events)) {
      throw new HttpError(400, 'webhook must be { endPoint, events }');
    }
  }
  if (autoCloseConfig !== undefined) {
    if (typeof autoCloseConfig !== 'object' || autoCloseConfig === null || !AUTO_CLOSE_TYPES.includes(autoCloseConfig.type)) {
      throw new HttpError(400, `autoCloseConfig.type must be one of ${AUTO_CLOSE_TYPES.join(', ')}`);
    }
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body, headers = {}) {
  const marked = body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body, _standIn: STAND_IN_NOTE } : body;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    [STAND_IN_HEADER]: STAND_IN_NOTE,
    ...headers,
  });
  res.end(JSON.stringify(marked));
}
