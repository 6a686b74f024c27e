// The room endpoint's mapping of VideoSDK's answers (handleRoomRequest), with the stand-in's
// fault injection: a missing room 404, a rate limit 429 with Retry-After, VideoSDK refusing the
// request 409 UPSTREAM_REFUSED (its message escaped and cut), the deployment's key refused 500
// with no detail, and timeouts, lost connections, 5xx and unreadable answers 502 UPSTREAM_ERROR.
// Runtime-agnostic, run with the REST suites against the stand-in. cases({ lib, rest }).
import { eq, ok, OTHER_SECRET } from '../support/assert.mjs';
import { AGENT, roomKit } from '../support/rooms-kit.mjs';

// A stall longer than any case: it ends when the endpoint's client gives up (JSON has no Infinity).
const STALL_MS = 1e9;

export function cases({ lib, rest: env }) {
  const { call, config, expectError, inject, noLeaks, overClient, requests, setUp } = roomKit(lib, env);

  // Each action: its request on `roomId`, and the path prefix of its VideoSDK call.
  const actions = (roomId) => [
    ['room.create', 'POST', '/api/rooms', undefined, '/v2/rooms'],
    ['room.validate', 'GET', `/api/rooms/${roomId}/validate`, undefined, '/v2/rooms/validate/'],
    ['hls.playback', 'GET', `/api/rooms/${roomId}/hls`, undefined, '/v2/hls/'],
    ['agent.dispatch', 'POST', `/api/rooms/${roomId}/agents`, { json: { agentId: AGENT } }, '/v2/agent/dispatch'],
    ['recording.start', 'POST', `/api/rooms/${roomId}/recording`, undefined, '/v2/recordings/start'],
    ['recording.stop', 'DELETE', `/api/rooms/${roomId}/recording`, undefined, '/v2/recordings/end'],
  ];

  return [
    ['rooms upstream: VideoSDK\'s 404 is a 404 NOT_FOUND (validate: a 200 with valid false)', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = overClient();
      for (const [action, method, path, init, upstreamPath] of actions(roomId)) {
        await inject({ path: upstreamPath, status: 404, body: { message: 'Room not found.' } });
        const result = await call(cfg, method, path, init);
        if (action === 'room.validate') {
          eq(result.status, 200, 'validate: 200');
          eq(result.body.valid, false, 'validate: valid false');
        } else if (action === 'room.create') {
          // Not about the caller's input: VideoSDK's own route failed.
          expectError(result, 502, 'UPSTREAM_ERROR');
        } else {
          expectError(result, 404, 'NOT_FOUND');
        }
      }
    }],

    ['rooms upstream: a rate limit is a 429 with Retry-After, VideoSDK\'s wait or 10 s', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = overClient({ cors: '*' });
      for (const [action, method, path, init, upstreamPath] of actions(roomId)) {
        await inject({ path: upstreamPath, status: 429, retryAfter: 45, body: { message: 'Too many requests' } });
        const limited = await call(cfg, method, path, { ...init, headers: { Origin: 'https://any.example' } });
        expectError(limited, 429, 'RATE_LIMITED');
        eq(limited.headers.get('Retry-After'), '45', `${action}: VideoSDK's Retry-After`);
        ok(/Retry-After/.test(limited.headers.get('Access-Control-Expose-Headers')), 'a page may read it');
        await inject({ path: upstreamPath, status: 429, body: { message: 'Too many requests' } });
        const unsaid = await call(cfg, method, path, init);
        expectError(unsaid, 429, 'RATE_LIMITED');
        eq(unsaid.headers.get('Retry-After'), '10', `${action}: the default wait`);
      }
    }],

    ['rooms upstream: VideoSDK refusing the request itself is a 409 UPSTREAM_REFUSED with its message, escaped and cut', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = overClient();
      for (const [action, method, path, init, upstreamPath] of actions(roomId)) {
        for (const status of [400, 402, 409, 422]) {
          await inject({ path: upstreamPath, status, body: { message: `quota reached\n\u2028\u202eforged line ${'q'.repeat(400)}` } });
          const error = expectError(await call(cfg, method, path, init), 409, 'UPSTREAM_REFUSED');
          ok(error.message.includes('quota reached'), `${action} ${status}: VideoSDK's words: ${error.message}`);
          ok(!/q{100}/.test(error.message) && error.message.length < 200, `${action} ${status}: cut: ${error.message}`);
        }
      }
      // The stand-in's own refusal: no live session to record.
      const { roomId: quiet } = await setUp();
      const error = expectError(await call(config(), 'POST', `/api/rooms/${quiet}/recording`), 409, 'UPSTREAM_REFUSED');
      ok(/No active session/.test(error.message), `the stand-in's message: ${error.message}`);
    }],

    ['rooms upstream: the deployment\'s key refused (401, 403) is a 500 SERVER_ERROR with no detail', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = overClient();
      for (const [action, method, path, init, upstreamPath] of actions(roomId)) {
        for (const status of [401, 403]) {
          await inject({ path: upstreamPath, status, body: { message: 'Invalid token: apikey mismatch' } });
          const result = await call(cfg, method, path, init);
          expectError(result, 500, 'SERVER_ERROR');
          ok(!/token|apikey|VideoSDK/i.test(result.body.error.message), `${action} ${status}: no detail: ${result.text}`);
        }
      }
      // A real wrong secret: the stand-in refuses the management token.
      const wrong = config({ secret: OTHER_SECRET });
      expectError(await call(wrong, 'GET', `/api/rooms/${roomId}/validate`), 500, 'SERVER_ERROR');
      eq((await requests()).at(-1).status, 401, 'VideoSDK answered 401');
    }],

    ['rooms upstream: 5xx, a lost connection and an unreadable answer are a 502 UPSTREAM_ERROR', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = overClient();
      for (const [action, method, path, init, upstreamPath] of actions(roomId)) {
        for (const fault of [{ status: 500 }, { status: 503, body: 'Service Unavailable' }, { cut: true }, { status: 200, body: '{"roomId": "abcd-efgh-' }, { status: 200, body: 'null' }]) {
          await inject({ path: upstreamPath, ...fault });
          const error = expectError(await call(cfg, method, path, init), 502, 'UPSTREAM_ERROR');
          const once = ['room.create', 'agent.dispatch', 'recording.start'].includes(action);
          eq(/may have taken effect/.test(error.message), once, `${action} ${JSON.stringify(fault)}: says whether it may have acted: ${error.message}`);
        }
      }
      // A create with a customRoomId can be repeated: VideoSDK returns the room it made.
      await inject({ path: '/v2/rooms', status: 500 });
      const named = expectError(await call(cfg, 'POST', '/api/rooms', { json: { customRoomId: 'named' } }), 502, 'UPSTREAM_ERROR');
      ok(!/may have taken effect/.test(named.message), named.message);
      // Answers without the fields the endpoint returns.
      await inject({ path: '/v2/rooms', status: 200, body: { id: 'x' } });
      expectError(await call(cfg, 'POST', '/api/rooms'), 502, 'UPSTREAM_ERROR');
      for (const data of [{ livestreamUrl: 'https://cdn.example/l.m3u8' }, { playbackHlsUrl: 'javascript:alert(1)' }]) {
        await inject({ path: '/v2/hls/', status: 200, body: { code: 200, data } });
        expectError(await call(cfg, 'GET', `/api/rooms/${roomId}/hls`), 502, 'UPSTREAM_ERROR');
      }
    }],

    ['rooms upstream: a VideoSDK that does not answer in time is a 502 UPSTREAM_ERROR', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = overClient({}, { timeout: '1s' });
      await inject({ path: '/v2/rooms/validate/', delayMs: STALL_MS });
      const error = expectError(await call(cfg, 'GET', `/api/rooms/${roomId}/validate`), 502, 'UPSTREAM_ERROR');
      ok(/in time/.test(error.message), error.message);
      // The endpoint's own timeout option, on the client it makes.
      await inject({ path: '/v2/agent/dispatch', delayMs: STALL_MS });
      const own = config({ timeout: '1s' });
      const dispatch = expectError(await call(own, 'POST', `/api/rooms/${roomId}/agents`, { json: { agentId: AGENT } }), 502, 'UPSTREAM_ERROR');
      ok(/may have taken effect/.test(dispatch.message), dispatch.message);
    }],

    ['rooms upstream: no answer carried the secret or a token', () => noLeaks()],
  ];
}
