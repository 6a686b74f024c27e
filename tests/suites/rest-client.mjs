// The API client's behaviour suite (VideoSDKClient): runtime-agnostic (no node: imports, no
// timers of its own), run on Node, Deno, Bun and workerd against the stand-in of VideoSDK's API
// (tests/support/stand-in/videosdk-api.mjs), which checks every request as VideoSDK would and is steered
// through its /__stand-in/ control endpoints.
//
// cases({ lib, rest: { baseUrl, fetch } }) returns [name, fn] pairs; fn throws on failure.
// `fetch`, when given, is how this runtime reaches the stand-in (workerd: a service binding); the
// client gets it as its `fetch` option. Retry waits go through the client's test-only hooks
// (recorded, not slept) except where a case says it waits for real.
import { API_KEY, deepEq, eq, fail, ok, SECRET } from '../support/assert.mjs';
import { restKit } from '../support/rest-kit.mjs';

const ROOM_ID = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;
// A stall longer than any test (JSON has no Infinity): the client's timeout or signal ends it.
const STALL_MS = 1e9;

export function cases({ lib, rest: { baseUrl, fetch: boundFetch } }) {
  const { VideoSDKClient, ApiError, VideoSDKError, TokenError } = lib;
  const { doFetch, control, client, rejection } = restKit(lib, { baseUrl, fetch: boundFetch });
  const reset = (options = {}) => control('reset', options);
  const inject = (...faults) => control('faults', faults);
  const seed = (spec) => control('seed', spec);
  const requests = async () => (await control('log')).requests;
  const roomCount = async () => (await control('log')).rooms;

  function noLeak(error) {
    const text = `${error.message}\n${error.reason}\n${error.stack}\n${JSON.stringify(error)}\n${error.apiMessage ?? ''}`;
    ok(!text.includes(SECRET), 'the error must not contain the secret');
    ok(!/eyJ[\w-]+\.eyJ[\w-]+\./.test(text), 'the error must not contain a token');
  }

  function isApiError(error, code, status) {
    if (!(error instanceof ApiError)) fail(`expected an ApiError ${code}, got ${error?.name}: ${error?.message}`);
    ok(error instanceof VideoSDKError && error instanceof Error, 'an ApiError is a VideoSDKError');
    eq(error.name, 'ApiError', 'error.name');
    eq(error.code, code, `error.code (message: ${error.message})`);
    eq(error.status, status, 'error.status');
    ok(typeof error.method === 'string' && typeof error.path === 'string', 'error.method and error.path are set');
    ok(error.message.length > 0 && typeof error.reason === 'string', 'message and reason are set');
    noLeak(error);
    return error;
  }

  function isInvalid(error, field) {
    if (!(error instanceof TokenError)) fail(`expected a TokenError INVALID_OPTIONS, got ${error?.name}: ${error?.message}`);
    eq(error.code, 'INVALID_OPTIONS', `error.code (message: ${error.message})`);
    if (field !== undefined) eq(error.field, field, 'error.field');
    noLeak(error);
    return error;
  }

  function throwsInvalid(fn, field) {
    try {
      fn();
    } catch (error) {
      return isInvalid(error, field);
    }
    return fail(`expected a TokenError INVALID_OPTIONS for ${field}`);
  }

  const isAbort = (error) => ok(error?.name === 'AbortError', `expected the signal's AbortError, got ${error?.name}: ${error?.message}`);

  async function collect(iterable) {
    const out = [];
    for await (const item of iterable) out.push(item);
    return out;
  }

  const cases = [
    ['rest: exports VideoSDKClient and ApiError (a VideoSDKError)', () => {
      eq(typeof VideoSDKClient, 'function', 'VideoSDKClient');
      const e = new ApiError('NOT_FOUND', 'x', { status: 404, method: 'GET', path: '/v2/rooms/a' });
      ok(e instanceof VideoSDKError && e instanceof Error, 'ApiError extends VideoSDKError');
      deepEq([e.name, e.code, e.status, e.method, e.path], ['ApiError', 'NOT_FOUND', 404, 'GET', '/v2/rooms/a'], 'fields');
    }],

    ['rest: a bad config throws at construction, naming the option', () => {
      const base = { apiKey: API_KEY, secret: SECRET };
      throwsInvalid(() => new VideoSDKClient(), 'options');
      throwsInvalid(() => new VideoSDKClient({ ...base, timout: '5s' }), 'timout');
      throwsInvalid(() => new VideoSDKClient({ ...base, timeout: '10' }), 'timeout');
      throwsInvalid(() => new VideoSDKClient({ ...base, timeout: 0 }), 'timeout');
      throwsInvalid(() => new VideoSDKClient({ ...base, timeout: '2h' }), 'timeout');
      throwsInvalid(() => new VideoSDKClient({ ...base, retries: -1 }), 'retries');
      throwsInvalid(() => new VideoSDKClient({ ...base, retries: 1.5 }), 'retries');
      throwsInvalid(() => new VideoSDKClient({ ...base, retries: 11 }), 'retries');
      throwsInvalid(() => new VideoSDKClient({ ...base, fetch: 'fetch' }), 'fetch');
      throwsInvalid(() => new VideoSDKClient({ ...base, apiBase: 'ftp://127.0.0.1' }), 'apiBase');
      throwsInvalid(() => new VideoSDKClient({ ...base, apiBase: 'not a url' }), 'apiBase');
      throwsInvalid(() => new VideoSDKClient({ ...base, apiKey: '' }), 'apiKey');
      let weak;
      try {
        new VideoSDKClient({ apiKey: API_KEY, secret: 'short' });
      } catch (error) {
        weak = error;
      }
      ok(weak instanceof TokenError, 'a weak secret is a TokenError');
      eq(weak.code, 'WEAK_SECRET', 'code');
      const c = new VideoSDKClient({ ...base, timeout: 30, retries: 0, apiBase: `${baseUrl}/` });
      c.close();
    }],

    ['rest: rooms.create sends POST /v2/rooms with a raw crawler token; the answer passes through', async () => {
      await reset();
      const c = client();
      const room = await c.rooms.create();
      ok(ROOM_ID.test(room.roomId), `roomId ${room.roomId}`);
      eq(room.disabled, false, 'disabled');
      ok(typeof room._standIn === 'string', 'unknown fields (the stand-in marker) pass through');
      const [r] = await requests();
      deepEq([r.method, r.path, r.status, r.body], ['POST', '/v2/rooms', 200, {}], 'request');
      eq(r.contentType, 'application/json', 'Content-Type');
      deepEq(r.auth.permissions, ['allow_join', 'allow_mod'], 'token permissions');
      deepEq(r.auth.roles, ['crawler'], 'token roles');
      eq(r.auth.version, 2, 'token version');
      eq(r.auth.exp - r.auth.iat, 600, 'token lifetime');
      c.close();
    }],

    ['rest: the stand-in refuses "Bearer <token>", a foreign key and an rtc token (its checks are real)', async () => {
      await reset();
      const token = lib.signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join', 'allow_mod'], version: 2, roles: ['crawler'], expiresIn: '10m' });
      const call = async (auth) => (await doFetch(`${baseUrl}/v2/rooms`, { headers: { Authorization: auth } })).status;
      eq(await call(`Bearer ${token}`), 401, 'Bearer prefix');
      eq(await call(lib.signToken({ apiKey: 'other', secret: SECRET, permissions: ['allow_join'], version: 2, roles: ['crawler'], expiresIn: '10m' })), 401, 'another apikey');
      eq(await call(lib.signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], roles: ['rtc'], expiresIn: '10m' })), 401, 'rtc role');
      eq(await call(lib.signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], roles: ['crawler'], expiresIn: '11m' })), 401, 'lifetime over 10 min');
      eq(await call(token), 200, 'the raw crawler token');
    }],

    ['rest: rooms.create sends each documented option as given', async () => {
      await reset();
      const c = client();
      const options = {
        customRoomId: 'team-standup',
        webhook: { endPoint: 'https://app.example/webhooks/videosdk', events: ['session-started', 'recording-*'] },
        autoCloseConfig: { type: 'session-end-and-deactivate', duration: 60 },
        autoStartConfig: { recording: { config: { layout: { type: 'GRID' } } } },
        geoFence: 'us002',
      };
      const room = await c.rooms.create(options);
      eq(room.customRoomId, 'team-standup', 'customRoomId');
      deepEq(room.webhook, options.webhook, 'webhook');
      deepEq(room.autoCloseConfig, options.autoCloseConfig, 'autoCloseConfig');
      const [r] = await requests();
      deepEq(r.body, options, 'the body sent');
      const again = await c.rooms.create({ customRoomId: 'team-standup' });
      eq(again.roomId, room.roomId, 'the same customRoomId gives the same room');
      eq(await roomCount(), 1, 'one room');
      c.close();
    }],

    ['rest: rooms.create refuses bad options before any request', async () => {
      await reset();
      const c = client();
      isInvalid(await rejection(c.rooms.create({ customRoomid: 'x' })), 'customRoomid');
      isInvalid(await rejection(c.rooms.create({ customRoomId: 'has space' })), 'customRoomId');
      isInvalid(await rejection(c.rooms.create({ webhook: { endPoint: 'not a url', events: ['session-started'] } })), 'webhook.endPoint');
      isInvalid(await rejection(c.rooms.create({ webhook: { endPoint: 'https://a.example/h', events: [] } })), 'webhook.events');
      isInvalid(await rejection(c.rooms.create({ autoCloseConfig: { type: 'never' } })), 'autoCloseConfig.type');
      isInvalid(await rejection(c.rooms.create({ autoCloseConfig: { type: 'session-ends', duration: 0 } })), 'autoCloseConfig.duration');
      isInvalid(await rejection(c.rooms.create('room')), 'options');
      isInvalid(await rejection(c.rooms.create({}, { signal: 'x' })), 'signal');
      eq((await requests()).length, 0, 'no request was made');
      c.close();
    }],

    ['rest: rooms.validate uses GET; valid for a room and its customRoomId, not for an unknown id (404)', async () => {
      await reset();
      const c = client();
      const room = await c.rooms.create({ customRoomId: 'lobby' });
      const yes = await c.rooms.validate(room.roomId);
      eq(yes.valid, true, 'valid');
      eq(yes.room.roomId, room.roomId, 'room');
      eq((await c.rooms.validate('lobby')).valid, true, 'by customRoomId');
      const no = await c.rooms.validate('zzzz-zzzz-zzzz');
      deepEq(no, { valid: false, roomId: 'zzzz-zzzz-zzzz' }, 'unknown room');
      const log = await requests();
      deepEq(log.slice(1).map((r) => `${r.method} ${r.path} ${r.status}`), [
        `GET /v2/rooms/validate/${room.roomId} 200`, 'GET /v2/rooms/validate/lobby 200', 'GET /v2/rooms/validate/zzzz-zzzz-zzzz 404',
      ], 'requests');
      c.close();
    }],

    ['rest: rooms.validate reads a 400 saying the room id is invalid as not valid; another 400 throws', async () => {
      await reset({ missingRoomStatus: 400 });
      const c = client();
      deepEq(await c.rooms.validate('abcd-0000-wxyz'), { valid: false, roomId: 'abcd-0000-wxyz' }, '400 Invalid roomId');
      eq((await requests())[0].status, 400, 'the stand-in answered 400');
      await inject({ path: '/v2/rooms/validate/', status: 400, body: { message: 'Token expired for this workspace' } });
      const error = isApiError(await rejection(c.rooms.validate('abcd-0000-wxyz')), 'BAD_REQUEST', 400);
      eq(error.apiMessage, 'Token expired for this workspace', 'apiMessage');
      c.close();
    }],

    ['rest: rooms.get answers the documented room; an unknown room is NOT_FOUND with method, path and message', async () => {
      await reset();
      const c = client();
      const created = await c.rooms.create({ customRoomId: 'desk' });
      const room = await c.rooms.get('desk');
      eq(room.roomId, created.roomId, 'roomId');
      eq(typeof room.user, 'object', 'the documented user object');
      const error = isApiError(await rejection(c.rooms.get('nope-nope-nope')), 'NOT_FOUND', 404);
      deepEq([error.method, error.path, error.apiMessage, error.attempts], ['GET', '/v2/rooms/nope-nope-nope', 'Room not found', 1], 'details');
      c.close();
    }],

    ['rest: ids are checked before any request; path segments are URL-encoded', async () => {
      await reset();
      const c = client();
      for (const bad of ['', 'a b', ' lead', 'tab\there', 42, undefined, null]) {
        isInvalid(await rejection(c.rooms.get(bad)), 'roomId');
        isInvalid(await rejection(c.rooms.validate(bad)), 'roomId');
        isInvalid(await rejection(c.sessions.get(bad)), 'sessionId');
      }
      isInvalid(await rejection(c.sessions.end({ roomId: 'r', sessionId: 'a b' })), 'sessionId');
      isInvalid(await rejection(c.sessions.removeParticipant({ roomId: 'r' })), 'participantId');
      throwsInvalid(() => c.sessions.list({}), 'roomId');
      throwsInvalid(() => c.rooms.list({ perPage: 0 }), 'perPage');
      throwsInvalid(() => c.rooms.list({ per_page: 5 }), 'per_page');
      eq((await requests()).length, 0, 'no request was made');
      isApiError(await rejection(c.rooms.get('a/b?c#d')), 'NOT_FOUND', 404);
      const [r] = await requests();
      eq(r.path, '/v2/rooms/a%2Fb%3Fc%23d', 'the id stayed one encoded segment');
      c.close();
    }],

    ['rest: rooms.list walks three pages lazily (pageInfo), each page fetched only when reached', async () => {
      await reset();
      const { rooms } = await seed({ rooms: 9 });
      const c = client();
      const iterator = c.rooms.list({ perPage: 3 })[Symbol.asyncIterator]();
      eq((await requests()).length, 0, 'nothing fetched before iterating');
      const first = await iterator.next();
      eq(first.value.roomId, rooms[0], 'first room');
      eq((await requests()).length, 1, 'one page fetched for the first room');
      const rest = [];
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) rest.push(step.value.roomId);
      deepEq([first.value.roomId, ...rest], rooms, 'every room, in order');
      const log = await requests();
      deepEq(log.map((r) => r.query), [1, 2, 3].map((page) => ({ page: String(page), perPage: '3' })), 'page=1..3, perPage=3');
      await reset();
      await seed({ rooms: 5 });
      eq((await collect(c.rooms.list())).length, 5, 'default perPage: one page');
      deepEq((await requests())[0].query, { page: '1' }, 'perPage omitted when not given');
      await reset();
      await seed({ rooms: 6 });
      for await (const room of c.rooms.list({ perPage: 2 })) if (room) break;
      eq((await requests()).length, 1, 'breaking early fetches no further page');
      c.close();
    }],

    ['rest: a page without pageInfo is BAD_RESPONSE', async () => {
      await reset();
      const c = client();
      await inject({ method: 'GET', path: '/v2/rooms', status: 200, body: { data: [] } });
      isApiError(await rejection(collect(c.rooms.list())), 'BAD_RESPONSE', 200);
      c.close();
    }],

    ['rest: rooms.deactivate posts the roomId; the room (named roomId) comes back disabled and stops validating', async () => {
      await reset();
      const c = client();
      const room = await c.rooms.create({ customRoomId: 'once' });
      const done = await c.rooms.deactivate(room.roomId);
      eq(done.disabled, true, 'disabled');
      eq(done.roomId, room.roomId, 'roomId (VideoSDK names it meetingId here)');
      eq(done.meetingId, room.roomId, 'meetingId passes through');
      const check = await c.rooms.validate(room.roomId);
      deepEq([check.valid, check.room.disabled], [false, true], 'a deactivated room is not valid');
      const log = await requests();
      deepEq([log[1].method, log[1].path, log[1].body], ['POST', '/v2/rooms/deactivate', { roomId: room.roomId }], 'request');
      c.close();
    }],

    ['rest: sessions list, get, removeParticipant and end', async () => {
      await reset();
      const c = client();
      const room = await c.rooms.create({ customRoomId: 'class' });
      const { sessions: ids } = await seed({ sessions: [
        { roomId: room.roomId }, { roomId: room.roomId }, { roomId: room.roomId, status: 'ongoing', participants: ['ana', 'ben'] },
      ] });
      const listed = await collect(c.sessions.list({ roomId: room.roomId, perPage: 2 }));
      deepEq(listed.map((s) => s.id), ids, 'every session over two pages');
      const lists = (await requests()).filter((r) => r.path === '/v2/sessions/');
      deepEq(lists.map((r) => r.query), [
        { roomId: room.roomId, page: '1', perPage: '2' }, { roomId: room.roomId, page: '2', perPage: '2' },
      ], 'GET /v2/sessions/?roomId=&page=&perPage=');
      const one = await c.sessions.get(ids[2]);
      deepEq([one.id, one.status, one.participants.length], [ids[2], 'ongoing', 2], 'get');
      const after = await c.sessions.removeParticipant({ roomId: room.roomId, participantId: 'ben' });
      ok(after.participants.find((p) => p.participantId === 'ben').timelog.every((t) => t.end !== null), 'ben left');
      const ended = await c.sessions.end({ roomId: room.roomId, sessionId: ids[2] });
      eq(ended.status, 'ended', 'ended');
      const log = await requests();
      deepEq(log.slice(-2).map((r) => [r.method, r.path, r.body]), [
        ['POST', '/v2/sessions/participants/remove', { participantId: 'ben', roomId: room.roomId }],
        ['POST', '/v2/sessions/end', { roomId: room.roomId, sessionId: ids[2] }],
      ], 'bodies');
      isApiError(await rejection(c.sessions.end({ roomId: room.roomId })), 'BAD_REQUEST', 400);
      isApiError(await rejection(c.sessions.get('0000')), 'NOT_FOUND', 404);
      c.close();
    }],

    ['rest: one management token serves many calls and is renewed 60 s before it expires', async () => {
      await reset();
      let clock = Date.now();
      const c = client({}, { now: () => clock });
      await c.rooms.create({ customRoomId: 'tok' });
      await c.rooms.get('tok');
      clock += 539_000;
      await c.rooms.get('tok');
      clock += 2_000;
      await c.rooms.get('tok');
      await c.rooms.get('tok');
      const tokens = (await requests()).map((r) => r.auth.token);
      eq(tokens[0], tokens[1], 'reused');
      eq(tokens[1], tokens[2], 'still reused 539 s later');
      ok(tokens[3] !== tokens[2], 'renewed 541 s later (less than 60 s left)');
      eq(tokens[3], tokens[4], 'the new one is reused');
      c.close();
    }],

    ['rest: a token VideoSDK refused (401) is not used again', async () => {
      await reset();
      let clock = Date.now();
      const c = client({}, { now: () => clock });
      await inject({ path: '/v2/rooms/', status: 401 });
      isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), 'UNAUTHORIZED', 401);
      clock += 1000;
      isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), 'NOT_FOUND', 404);
      clock += 1000;
      isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), 'NOT_FOUND', 404);
      const tokens = (await requests()).map((r) => r.auth.token);
      ok(tokens[1] !== tokens[0], 'a new token after the 401 (a second later)');
      eq(tokens[2], tokens[1], 'which is then reused');
      c.close();
    }],

    ['rest: 503 then 200 on a GET: retried after a jittered backoff', async () => {
      await reset();
      const c = client({}, { random: () => 0.5, backoffMs: 100 });
      const room = await c.rooms.create({ customRoomId: 'r503' });
      await inject({ method: 'GET', path: '/v2/rooms/', status: 503, times: 2 });
      eq((await c.rooms.get('r503')).roomId, room.roomId, 'the third attempt succeeded');
      deepEq(c.waits, [50, 100], 'waits: random × 100 ms × 2^(attempt-1)');
      deepEq((await requests()).slice(1).map((r) => r.status), [503, 503, 200], 'statuses');
      c.close();
    }],

    ['rest: 5xx beyond `retries` is SERVER_ERROR with the attempts made', async () => {
      await reset();
      const c = client({ retries: 2 });
      await inject({ method: 'GET', path: '/v2/rooms/', status: 502, times: 5, body: { message: 'upstream down' } });
      const error = isApiError(await rejection(c.rooms.get('x-y-z')), 'SERVER_ERROR', 502);
      deepEq([error.attempts, error.apiMessage], [3, 'upstream down'], 'attempts, apiMessage');
      eq((await requests()).length, 3, 'three requests');
      const none = client({ retries: 0 });
      isApiError(await rejection(none.rooms.get('x-y-z')), 'SERVER_ERROR', 502);
      eq((await requests()).length, 4, 'retries: 0 makes one request');
      c.close();
      none.close();
    }],

    ['rest: 429 honours Retry-After (up to 30 s), else backs off; beyond retries it is RATE_LIMITED', async () => {
      await reset();
      const c = client({ retries: 1 });
      await inject({ path: '/v2/rooms', status: 429, retryAfter: 7 });
      await c.rooms.create();
      deepEq(c.waits, [7000], 'waited the 7 s VideoSDK asked for');
      await inject({ path: '/v2/rooms', status: 429, retryAfter: 30, times: 2 });
      const error = isApiError(await rejection(c.rooms.create()), 'RATE_LIMITED', 429);
      deepEq([error.retryAfter, error.attempts], [30, 2], 'retryAfter, attempts');
      await inject({ path: '/v2/rooms', status: 429 });
      await c.rooms.create();
      eq(c.waits.length, 3, 'a 429 without Retry-After backs off');
      ok(c.waits[2] < 500, 'with the backoff');
      c.close();
    }],

    ['rest: a Retry-After over 30 s fails at once with RATE_LIMITED and the wait (seconds or an HTTP date)', async () => {
      await reset();
      const c = client({ retries: 3 });
      await inject({ path: '/v2/rooms/', status: 429, retryAfter: 31 });
      let error = isApiError(await rejection(c.rooms.get('abc-def')), 'RATE_LIMITED', 429);
      deepEq([error.retryAfter, error.attempts], [31, 1], 'retryAfter, one attempt');
      const later = new Date(Date.now() + 3_600_000).toUTCString();
      await inject({ path: '/v2/rooms/', status: 429, retryAfter: later });
      error = isApiError(await rejection(c.rooms.get('abc-def')), 'RATE_LIMITED', 429);
      ok(error.retryAfter > 3500 && error.retryAfter <= 3600, `retryAfter from the date: ${error.retryAfter}`);
      ok(error.message.includes(String(error.retryAfter)), 'the message names the wait');
      eq(c.waits.length, 0, 'no wait was attempted');
      eq((await requests()).length, 2, 'one request each');
      c.close();
    }],

    ['rest: Retry-After is waited for real (the stand-in refuses an early retry)', async () => {
      await reset();
      const c = new VideoSDKClient({ apiKey: API_KEY, secret: SECRET, apiBase: baseUrl, ...(boundFetch ? { fetch: boundFetch } : {}) });
      await inject({ path: '/v2/rooms', status: 429, retryAfter: 1, enforceRetryAfter: true });
      const room = await c.rooms.create();
      ok(ROOM_ID.test(room.roomId), 'created after the wait');
      const log = await requests();
      deepEq(log.map((r) => [r.status, r.tooEarly ?? false]), [[429, false], [200, false]], 'not retried early');
      c.close();
    }],

    ['rest: a hang past `timeout` is TIMEOUT (no status); a GET is retried after it', async () => {
      await reset();
      const c = client({ timeout: 1, retries: 0 });
      await c.rooms.create({ customRoomId: 'slow' });
      await inject({ method: 'GET', path: '/v2/rooms/', delayMs: STALL_MS });
      const error = isApiError(await rejection(c.rooms.get('slow')), 'TIMEOUT', undefined);
      ok(error.message.includes('1 s'), 'the message names the timeout');
      const again = client({ timeout: 1, retries: 1 });
      await inject({ method: 'GET', path: '/v2/rooms/', delayMs: STALL_MS });
      eq((await again.rooms.get('slow')).customRoomId, 'slow', 'the retry answered');
      deepEq((await requests()).slice(1).map((r) => r.fault ?? r.status), ['stall', 'stall', 200], 'requests');
      c.close();
      again.close();
    }],

    ['rest: a dropped connection is NETWORK; safe calls retry it', async () => {
      await reset();
      const c = client({ retries: 1 });
      await c.rooms.create({ customRoomId: 'net' });
      await inject({ method: 'GET', path: '/v2/rooms/', cut: true });
      eq((await c.rooms.get('net')).customRoomId, 'net', 'the retry answered');
      await inject({ method: 'POST', path: '/v2/rooms/deactivate', cut: true, times: 2 });
      isApiError(await rejection(c.rooms.deactivate('abcd-efgh-ijkl')), 'NETWORK', undefined);
      eq((await requests()).filter((r) => r.path === '/v2/rooms/deactivate').length, 2, 'deactivate tried twice');
      c.close();
    }],

    ['rest: POSTs that are safe to repeat (deactivate, end, removeParticipant) retry a 503', async () => {
      await reset();
      const c = client();
      const room = await c.rooms.create();
      await seed({ sessions: [{ roomId: room.roomId, status: 'ongoing', participants: ['p1'] }] });
      await inject({ path: '/v2/sessions/participants/remove', status: 503 }, { path: '/v2/sessions/end', status: 503 }, { path: '/v2/rooms/deactivate', status: 503 });
      await c.sessions.removeParticipant({ roomId: room.roomId, participantId: 'p1' });
      await c.sessions.end({ roomId: room.roomId });
      await c.rooms.deactivate(room.roomId);
      deepEq((await requests()).slice(1).map((r) => `${r.path} ${r.status}`), [
        '/v2/sessions/participants/remove 503', '/v2/sessions/participants/remove 200',
        '/v2/sessions/end 503', '/v2/sessions/end 200', '/v2/rooms/deactivate 503', '/v2/rooms/deactivate 200',
      ], 'each retried once');
      c.close();
    }],

    ['rest: rooms.create without customRoomId is never repeated after a 5xx or a lost answer', async () => {
      await reset();
      const c = client({ retries: 3, timeout: 1 });
      await inject({ path: '/v2/rooms', status: 503 });
      isApiError(await rejection(c.rooms.create()), 'SERVER_ERROR', 503);
      await inject({ path: '/v2/rooms', cut: true, after: true });
      isApiError(await rejection(c.rooms.create()), 'NETWORK', undefined);
      eq(await roomCount(), 1, 'the lost create made one room, and only one');
      await inject({ path: '/v2/rooms', delayMs: STALL_MS });
      isApiError(await rejection(c.rooms.create()), 'TIMEOUT', undefined);
      eq((await requests()).length, 3, 'one request each');
      eq(c.waits.length, 0, 'no retry was scheduled');
      c.close();
    }],

    ['rest: rooms.create with customRoomId is retried after a lost answer and gets the same room', async () => {
      await reset();
      const c = client();
      await inject({ path: '/v2/rooms', cut: true, after: true }, { path: '/v2/rooms', status: 500, after: true });
      const room = await c.rooms.create({ customRoomId: 'idempotent' });
      eq(room.customRoomId, 'idempotent', 'customRoomId');
      eq(await roomCount(), 1, 'one room for three attempts');
      deepEq((await requests()).map((r) => r.fault ?? r.status), ['cut', 500, 200], 'attempts');
      c.close();
    }],

    ['rest: rooms.create without customRoomId is retried after a 429 (nothing was done)', async () => {
      await reset();
      const c = client();
      await inject({ path: '/v2/rooms', status: 429, retryAfter: 0 });
      ok(ROOM_ID.test((await c.rooms.create()).roomId), 'created');
      deepEq((await requests()).map((r) => r.status), [429, 200], 'statuses');
      eq(await roomCount(), 1, 'one room');
      c.close();
    }],

    ['rest: malformed JSON is BAD_RESPONSE and not retried', async () => {
      await reset();
      const c = client();
      await inject({ path: '/v2/rooms/validate/', status: 200, body: '{"roomId": "abcd-efgh-' });
      const error = isApiError(await rejection(c.rooms.validate('abcd-efgh-ijkl')), 'BAD_RESPONSE', 200);
      eq(error.attempts, 1, 'attempts');
      eq((await requests()).length, 1, 'one request');
      c.close();
    }],

    ['rest: 401, 403, 404, 409 are not retried and say what would be right', async () => {
      await reset();
      const c = client();
      const cases = [[401, 'UNAUTHORIZED', 'apiKey'], [403, 'FORBIDDEN', 'API key'], [404, 'NOT_FOUND', 'id'], [409, 'CONFLICT', 'state'], [422, 'BAD_REQUEST', 'arguments']];
      for (const [status, code, hint] of cases) {
        await inject({ path: '/v2/rooms/', status, body: { message: `stand-in ${status}` } });
        const error = isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), code, status);
        eq(error.apiMessage, `stand-in ${status}`, 'apiMessage');
        ok(error.message.includes(hint), `the message hints at ${hint}: ${error.message}`);
      }
      eq((await requests()).length, cases.length, 'one request each');
      await inject({ path: '/v2/rooms/', status: 400, body: '<html>bad gateway</html>' });
      eq(isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), 'BAD_REQUEST', 400).apiMessage, undefined, 'no HTML as apiMessage');
      c.close();
    }],

    ['rest: a token echoed back in an error body never reaches the error', async () => {
      await reset();
      const echo = {};
      // The stand-in cannot know the token; a fetch wrapper echoes it back as VideoSDK's message.
      const echoing = client({ fetch: async (url, init) => {
        echo.token = init.headers.Authorization;
        return new Response(JSON.stringify({ message: `bad token ${init.headers.Authorization}` }), { status: 400 });
      } });
      const error = isApiError(await rejection(echoing.rooms.get('abcd-efgh-ijkl')), 'BAD_REQUEST', 400);
      ok(echo.token.length > 20 && !error.apiMessage.includes(echo.token), 'the token is replaced');
      ok(error.apiMessage.includes('[management token]'), 'by a marker');
      echoing.close();
    }],

    ['rest: the `fetch` option carries every request', async () => {
      await reset();
      const seen = [];
      const c = client({ fetch: (url, init) => {
        seen.push(`${init.method} ${new URL(url).pathname}`);
        return doFetch(url, init);
      } });
      await c.rooms.create({ customRoomId: 'via-fetch' });
      await c.rooms.validate('via-fetch');
      deepEq(seen, ['POST /v2/rooms', 'GET /v2/rooms/validate/via-fetch'], 'requests');
      c.close();
    }],

    ['rest: a caller\'s AbortSignal cancels before, during and between attempts', async () => {
      await reset();
      const c = client({ timeout: 30 });
      const before = new AbortController();
      before.abort();
      isAbort(await rejection(c.rooms.get('abcd-efgh-ijkl', { signal: before.signal })));
      eq((await requests()).length, 0, 'an aborted signal sends nothing');

      const during = new AbortController();
      const aborting = client({ timeout: 30, retries: 0, fetch: async (url, init) => {
        const pending = doFetch(url, init);
        // Abort once the stand-in holds the request (it logs before it hangs).
        while ((await requests()).length === 0) { /* polling the log is this loop's only I/O */ }
        during.abort();
        return pending;
      } });
      await inject({ path: '/v2/rooms/', delayMs: STALL_MS });
      isAbort(await rejection(aborting.rooms.get('abcd-efgh-ijkl', { signal: during.signal })));

      const between = new AbortController();
      const afterAnswer = client({ fetch: async (url, init) => {
        const response = await doFetch(url, init);
        between.abort();
        return response;
      } });
      await inject({ path: '/v2/rooms/', status: 503 });
      isAbort(await rejection(afterAnswer.rooms.get('abcd-efgh-ijkl', { signal: between.signal })));
      eq((await requests()).length, 2, 'no retry after the abort');
      const iterate = new AbortController();
      iterate.abort();
      isAbort(await rejection(collect(c.rooms.list({}, { signal: iterate.signal }))));
      for (const x of [c, aborting, afterAnswer]) x.close();
    }],

    ['rest: close() frees the signer; later calls reject with a TokenError', async () => {
      await reset();
      const c = client();
      c.close();
      c.close();
      const error = isInvalid(await rejection(c.rooms.create()));
      ok(error.message.includes('closed'), error.message);
      if (typeof Symbol.dispose === 'symbol') eq(VideoSDKClient.prototype[Symbol.dispose], VideoSDKClient.prototype.close, 'Symbol.dispose');
      eq((await requests()).length, 0, 'no request');
    }],
  ];
  return cases;
}
