// The room endpoint's rate limit and hooks (handleRoomRequest's rateLimit, onIssue, onDeny): the
// limit counted after authorize and before any VideoSDK call, failing closed; onIssue after each
// action VideoSDK accepted, onDeny for every answer of 400 or more; hooks that never change an
// answer and never see a token or the secret. Runtime-agnostic, run with the REST suites against
// the stand-in (whose request log shows what reached VideoSDK). cases({ lib, rest }).
// The limiters here are small objects with the binding's interface, `limit({ key }) → { success }`:
// the limiters of videosdk-token/stores have their own suites (limits.mjs, stores.mjs).
import { deepEq, eq, ok, SECRET } from '../support/assert.mjs';
import { AGENT, ALL_ACTIONS, roomKit } from '../support/rooms-kit.mjs';

const TOKEN = /eyJ[\w-]+\.eyJ[\w-]+\./;

/** A limiter allowing `limit` calls per key, forever; `keys` lists every key it was asked about. */
function countingLimiter(limit) {
  const counts = new Map();
  const keys = [];
  return {
    keys,
    async limit({ key }) {
      keys.push(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return { success: counts.get(key) <= limit };
    },
  };
}

const refusing = (extra = {}) => ({ limit: async () => ({ success: false, ...extra }) });

/** A hook event as text: the request's method, URL and headers stand for it. */
function eventText(event) {
  const { request, ...rest } = event;
  return JSON.stringify({ request: [request.method, request.url, [...request.headers]], ...rest });
}

export function cases({ lib, rest: env }) {
  const { handleRoomRequest } = lib;
  const { call, client, config, expectAnswer, expectError, inject, overClient, rejects, requests, setUp, upstream } = roomKit(lib, env);

  // Each action with a request that does it on the room of setUp(['ana']) (a live session), and
  // the details that action's key is told.
  const each = (roomId) => [
    ['room.create', 'POST', '/api/rooms', undefined, { action: 'room.create' }],
    ['room.validate', 'GET', `/api/rooms/${roomId}/validate`, undefined, { action: 'room.validate', roomId }],
    ['hls.playback', 'GET', `/api/rooms/${roomId}/hls`, undefined, { action: 'hls.playback', roomId }],
    ['agent.dispatch', 'POST', `/api/rooms/${roomId}/agents`, { json: { agentId: AGENT } }, { action: 'agent.dispatch', roomId, agentId: AGENT }],
    ['recording.start', 'POST', `/api/rooms/${roomId}/recording`, undefined, { action: 'recording.start', roomId }],
    ['recording.stop', 'DELETE', `/api/rooms/${roomId}/recording`, undefined, { action: 'recording.stop', roomId }],
  ];
  /** A live HLS stream in `roomId`, so that hls.playback answers 200. */
  async function startHls(roomId) {
    const c = client();
    await c.hls.start({ roomId });
    c.close();
  }
  const expect429 = (result, retryAfter) => {
    expectError(result, 429, 'RATE_LIMITED');
    eq(result.headers.get('Retry-After'), String(retryAfter), 'Retry-After');
  };

  return [
    ['rooms hooks: over rateLimit a 429 with Retry-After, after authorize and before any VideoSDK call', async () => {
      const { roomId } = await setUp(['ana']);
      let authorized = 0;
      const authorize = () => { authorized += 1; return true; };
      for (const [action, method, path, init] of each(roomId)) {
        const before = await upstream();
        const result = await call(config({ authorize, rateLimit: { key: () => 'k', limiter: refusing(), retryAfter: 7 }, cors: '*' }), method, path, init);
        expect429(result, 7);
        eq(result.headers.get('Access-Control-Allow-Origin'), '*', `${action}: CORS`);
        ok(/\bRetry-After\b/.test(result.headers.get('Access-Control-Expose-Headers') ?? ''), `${action}: Retry-After exposed to the page`);
        eq(await upstream(), before, `${action}: no request reached VideoSDK`);
      }
      eq(authorized, ALL_ACTIONS.length, 'authorize ran first, every time');
      // The limiter's own wait, rounded up.
      expect429(await call(config({ rateLimit: { key: () => 'k', limiter: refusing({ retryAfter: 2.2 }) } }), 'GET', `/api/rooms/${roomId}/validate`), 3);
      expect429(await call(config({ rateLimit: { key: () => 'k', limiter: refusing() } }), 'GET', `/api/rooms/${roomId}/validate`), 60);
      eq(await upstream(), 0, 'no request reached VideoSDK at all');
    }],

    ['rooms hooks: rateLimit counts per key, and only callers let in: not a 403 from authorize or agents, nor a 400 before it', async () => {
      const { roomId } = await setUp(['ana']);
      const limiter = countingLimiter(2);
      const cfg = config({ rateLimit: { key: (request) => request.headers.get('X-User') ?? 'nobody', limiter } });
      const as = (user) => ({ headers: { 'X-User': user } });
      expectAnswer(await call(cfg, 'GET', `/api/rooms/${roomId}/validate`, as('ana')), 200, ['roomId', 'valid']);
      expectAnswer(await call(cfg, 'GET', `/api/rooms/${roomId}/validate`, as('ana')), 200, ['roomId', 'valid']);
      const served = await upstream();
      expect429(await call(cfg, 'GET', `/api/rooms/${roomId}/validate`, as('ana')), 60);
      eq(await upstream(), served, 'the refused request did not reach VideoSDK');
      expectAnswer(await call(cfg, 'GET', `/api/rooms/${roomId}/validate`, as('bo')), 200, ['roomId', 'valid']);
      // Refused before the limit: not counted.
      const counted = limiter.keys.length;
      const closed = config({ authorize: () => false, rateLimit: cfg.rateLimit });
      expectError(await call(closed, 'GET', `/api/rooms/${roomId}/validate`, as('cy')), 403, 'FORBIDDEN');
      expectError(await call(cfg, 'POST', `/api/rooms/${roomId}/agents`, { json: { agentId: 'agent-other' }, ...as('cy') }), 403, 'FORBIDDEN', 'agentId');
      expectError(await call(cfg, 'GET', `/api/rooms/${roomId}/validate?x=1`, as('cy')), 400, 'INVALID_OPTIONS');
      expectError(await call(cfg, 'GET', '/api/nowhere', as('cy')), 404, 'NOT_FOUND');
      eq(limiter.keys.length, counted, 'the limiter was not asked');
    }],

    ['rooms hooks: key(request, subject) gets the request and a frozen { action, roomId, agentId }', async () => {
      const { roomId } = await setUp(['ana']);
      await startHls(roomId);
      const seen = [];
      const key = (request, subject) => {
        seen.push([request instanceof Request, new URL(request.url).pathname, { ...subject }, Object.isFrozen(subject)]);
        return subject.action;
      };
      const cfg = config({ rateLimit: { key, limiter: countingLimiter(100) } });
      for (const [action, method, path, init, subject] of each(roomId)) {
        const before = seen.length;
        const result = await call(cfg, method, path, init);
        ok(result.status >= 200 && result.status < 300, `${action}: ${result.status} ${result.text}`);
        deepEq(seen.slice(before), [[true, path, subject, true]], `${action}: what key() got`);
      }
      // A customRoomId is not the key's: it names no room that exists yet.
      await call(cfg, 'POST', '/api/rooms', { json: { customRoomId: 'named' } });
      deepEq(seen.at(-1)[2], { action: 'room.create' }, 'room.create with a customRoomId');
    }],

    ['rooms hooks: a key() or limiter that throws or answers wrongly is a 500 SERVER_ERROR with no detail, before VideoSDK', async () => {
      const { roomId } = await setUp();
      const limiter = countingLimiter(100);
      for (const rateLimit of [
        { key: () => { throw new Error('session store down'); }, limiter },
        { key: async () => '', limiter },
        { key: () => 42, limiter },
        { key: () => 'k', limiter: { limit: async () => { throw new Error('binding down'); } } },
        { key: () => 'k', limiter: { limit: () => Promise.reject(new Error('binding down')) } },
        { key: () => 'k', limiter: { limit: async () => ({}) } },
        { key: () => 'k', limiter: { limit: async () => ({ success: 'yes' }) } },
      ]) {
        const result = await call(config({ rateLimit }), 'GET', `/api/rooms/${roomId}/validate`);
        expectError(result, 500, 'SERVER_ERROR');
        ok(!/down|key|limit/i.test(result.body.error.message), `nothing of the failure is in the answer: ${result.text}`);
      }
      eq(await upstream(), 0, 'no request reached VideoSDK');
    }],

    ['rooms hooks: onIssue after each action VideoSDK accepted, with { request, action, roomId }; never for a refusal', async () => {
      const { roomId } = await setUp(['ana']);
      await startHls(roomId);
      const events = [];
      const onIssue = (event) => { events.push(event); };
      const cfg = config({ onIssue });
      for (const [action, method, path, init] of each(roomId)) {
        const before = events.length;
        const result = await call(cfg, method, path, init);
        ok(result.status >= 200 && result.status < 300, `${action}: ${result.status} ${result.text}`);
        eq(events.length, before + 1, `${action}: one event`);
        const event = events.at(-1);
        deepEq(Object.keys(event).sort(), ['action', 'request', 'roomId'], `${action}: the event's fields`);
        ok(event.request instanceof Request && new URL(event.request.url).pathname === path, `${action}: the request`);
        eq(event.action, action, 'action');
        eq(event.roomId, result.body.roomId, `${action}: the room acted on`);
      }
      ok(events[0].roomId !== roomId, 'room.create: the room VideoSDK made');
      // Refusals: by authorize, by the limit, by VideoSDK (409, 404 when no HLS is live, 502), and a preflight.
      const count = events.length;
      expectError(await call(config({ onIssue, authorize: () => false }), 'POST', '/api/rooms'), 403, 'FORBIDDEN');
      expectError(await call(config({ onIssue, rateLimit: { key: () => 'k', limiter: refusing() } }), 'POST', '/api/rooms'), 429, 'RATE_LIMITED');
      const { roomId: quiet } = await setUp();
      expectError(await call(cfg, 'POST', `/api/rooms/${quiet}/recording`), 409, 'UPSTREAM_REFUSED');
      expectError(await call(cfg, 'GET', `/api/rooms/${quiet}/hls`), 404, 'NOT_FOUND');
      const once = overClient({ onIssue });
      await inject({ path: '/v2/rooms', status: 500 });
      expectError(await call(once, 'POST', '/api/rooms'), 502, 'UPSTREAM_ERROR');
      eq((await call(config({ onIssue, cors: '*' }), 'OPTIONS', '/api/rooms')).status, 204, 'preflight');
      eq(events.length, count, 'no event for a refusal or a preflight');
    }],

    ['rooms hooks: onDeny for every answer of 400 or more, with its status and code; not for 2xx or 204', async () => {
      const { roomId } = await setUp();
      const events = [];
      const onDeny = (event) => { events.push([event.status, event.code, event.request instanceof Request, Object.keys(event).sort().join()]); };
      const cfg = config({ onDeny });
      expectAnswer(await call(cfg, 'GET', `/api/rooms/${roomId}/validate`), 200, ['roomId', 'valid']);
      eq((await call(cfg, 'OPTIONS', '/api/rooms')).status, 204, 'preflight');
      eq(events.length, 0, 'no event for a success or a preflight');
      const expected = [];
      const expect = async (status, code, result) => {
        expectError(await result, status, code);
        expected.push([status, code, true, 'code,request,status']);
      };
      await expect(400, 'INVALID_OPTIONS', call(cfg, 'GET', `/api/rooms/${roomId}/validate?x=1`));
      await expect(403, 'FORBIDDEN', call(config({ onDeny, authorize: () => false }), 'GET', `/api/rooms/${roomId}/validate`));
      await expect(403, 'FORBIDDEN', call(cfg, 'POST', `/api/rooms/${roomId}/agents`, { json: { agentId: 'agent-other' } }));
      await expect(404, 'NOT_FOUND', call(config({ onDeny, actions: ['room.create'] }), 'GET', `/api/rooms/${roomId}/validate`));
      await expect(404, 'NOT_FOUND', call(cfg, 'GET', '/api/nowhere'));
      await expect(404, 'NOT_FOUND', call(cfg, 'GET', `/api/rooms/${roomId}/hls`));
      await expect(405, 'METHOD_NOT_ALLOWED', call(cfg, 'PUT', `/api/rooms/${roomId}/recording`));
      await expect(409, 'UPSTREAM_REFUSED', call(cfg, 'POST', `/api/rooms/${roomId}/recording`));
      await expect(429, 'RATE_LIMITED', call(config({ onDeny, rateLimit: { key: () => 'k', limiter: refusing() } }), 'POST', '/api/rooms'));
      await expect(500, 'SERVER_ERROR', call(config({ onDeny, authorize: () => { throw new Error('down'); } }), 'POST', '/api/rooms'));
      const upstreamCfg = overClient({ onDeny });
      await inject({ path: '/v2/rooms/validate/', status: 429, retryAfter: 5, body: { message: 'Too many requests' } });
      await expect(429, 'RATE_LIMITED', call(upstreamCfg, 'GET', `/api/rooms/${roomId}/validate`));
      await inject({ path: '/v2/rooms/validate/', status: 401, body: { message: 'Invalid token' } });
      await expect(500, 'SERVER_ERROR', call(upstreamCfg, 'GET', `/api/rooms/${roomId}/validate`));
      await inject({ path: '/v2/rooms/validate/', status: 503 });
      await expect(502, 'UPSTREAM_ERROR', call(upstreamCfg, 'GET', `/api/rooms/${roomId}/validate`));
      deepEq(events, expected, 'onDeny events');
    }],

    ['rooms hooks: a hook that throws or rejects changes no answer; the answer waits for its promise', async () => {
      const { roomId } = await setUp(['ana']);
      const throwing = () => { throw new Error('hook bug'); };
      const rejecting = async () => { throw new Error('hook bug'); };
      for (const hook of [throwing, rejecting]) {
        const cfg = config({ onIssue: hook, onDeny: hook });
        expectAnswer(await call(cfg, 'GET', `/api/rooms/${roomId}/validate`), 200, ['roomId', 'valid']);
        expectAnswer(await call(cfg, 'POST', `/api/rooms/${roomId}/recording`), 202, ['roomId']);
        expectError(await call(cfg, 'POST', `/api/rooms/${roomId}/agents`, { json: { agentId: 'agent-other' } }), 403, 'FORBIDDEN', 'agentId');
        expectError(await call(cfg, 'GET', '/api/nowhere'), 404, 'NOT_FOUND');
        expect429(await call(config({ onDeny: hook, rateLimit: { key: () => 'k', limiter: refusing({ retryAfter: 4 }) } }), 'POST', '/api/rooms'), 4);
        const stopped = await call(cfg, 'DELETE', `/api/rooms/${roomId}/recording`);
        eq(stopped.status, 202, `recording.stop: ${stopped.text}`);
      }
      let issued = false;
      let denied = false;
      const slow = (set) => async () => { for (let i = 0; i < 10; i += 1) await null; set(); };
      const cfg = config({ onIssue: slow(() => { issued = true; }), onDeny: slow(() => { denied = true; }) });
      await call(cfg, 'GET', `/api/rooms/${roomId}/validate`);
      ok(issued, 'onIssue had finished before the answer');
      await call(cfg, 'GET', '/api/nowhere');
      ok(denied, 'onDeny had finished before the answer');
    }],

    ['rooms hooks: no hook event holds a token or the secret', async () => {
      const { roomId } = await setUp(['ana']);
      await startHls(roomId);
      const events = [];
      const record = (event) => { events.push(eventText(event)); };
      const subjects = [];
      const rateLimit = { key: (request, subject) => { subjects.push(JSON.stringify(subject)); return 'k'; }, limiter: countingLimiter(100) };
      const cfg = config({ onIssue: record, onDeny: record, rateLimit });
      for (const [, method, path, init] of each(roomId)) await call(cfg, method, path, init);
      await call(cfg, 'POST', `/api/rooms/${roomId}/recording`, { json: { nope: 1 } });
      await inject({ path: '/v2/rooms/validate/', status: 401, body: { message: `Invalid token ${'eyJhbGciOiJIUzI1NiJ9.eyJhcGlrZXkiOiJrIn0.sig'}` } });
      await call(cfg, 'GET', `/api/rooms/${roomId}/validate`);
      // VideoSDK was called with management tokens, and one of its refusals quoted a token.
      ok((await requests()).length > 0, 'VideoSDK was called');
      ok(events.length >= ALL_ACTIONS.length + 2, `events were seen: ${events.length}`);
      for (const text of [...events, ...subjects]) {
        ok(!text.includes(SECRET), `an event holds the secret: ${text.slice(0, 200)}`);
        ok(!TOKEN.test(text), `an event holds a token: ${text.slice(0, 200)}`);
      }
    }],

    ['rooms hooks: a bad rateLimit, onIssue or onDeny rejects with INVALID_OPTIONS naming it; the config is read once', async () => {
      const limiter = countingLimiter(1);
      const request = () => new Request('https://app.example/api/rooms', { method: 'POST' });
      for (const [extra, field] of [
        [{ rateLimit: 5 }, 'rateLimit'],
        [{ rateLimit: { limiter } }, 'rateLimit'],
        [{ rateLimit: { key: () => 'k' } }, 'rateLimit'],
        [{ rateLimit: { key: () => 'k', limiter: {} } }, 'rateLimit'],
        [{ rateLimit: { key: () => 'k', limiter, retryAfter: 0 } }, 'rateLimit'],
        [{ rateLimit: { key: () => 'k', limiter, period: 60 } }, 'rateLimit'],
        [{ onIssue: 'log' }, 'onIssue'],
        [{ onDeny: {} }, 'onDeny'],
        [{ onDenied: () => {} }, 'onDenied'],
      ]) {
        await rejects(handleRoomRequest(request(), config(extra)), 'INVALID_OPTIONS', field);
      }
      // Read at the first request with this object and kept with it, as the client is.
      await setUp();
      let reads = 0;
      const cfg = config();
      Object.defineProperty(cfg, 'onDeny', { enumerable: true, get: () => { reads += 1; return () => {}; } });
      for (let i = 0; i < 3; i += 1) expectError(await call(cfg, 'GET', '/api/nowhere'), 404, 'NOT_FOUND');
      eq(reads, 1, 'config.onDeny was read once');
    }],
  ];
}
