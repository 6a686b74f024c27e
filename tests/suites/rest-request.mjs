// The API client's suite for request() (the escape hatch), answers VideoSDK sends as bare JSON
// strings, ids made of dots, and the stand-in's own checks of the new routes: runtime-agnostic,
// run beside rest-client.mjs on every runtime. cases({ lib, rest: { baseUrl, fetch } })
// returns [name, fn] pairs; fn throws on failure.
import { API_KEY, deepEq, eq, ok, SECRET } from '../support/assert.mjs';
import { restKit } from '../support/rest-kit.mjs';

export function cases({ lib, rest: env }) {
  const {
    doFetch, control, inject, requests, account, setUp, client, rejection, isApiError, isInvalid, refusal, collect, lines, mayHaveActed,
  } = restKit(lib, env);
  const { baseUrl } = env;

  return [
    ['rest request: ids made only of dots are refused by every method that takes an id', async () => {
      await setUp();
      const c = client();
      for (const dots of ['.', '..', '...']) {
        const calls = [
          [() => c.rooms.get(dots), 'roomId'], [() => c.rooms.validate(dots), 'roomId'], [() => c.rooms.deactivate(dots), 'roomId'],
          [() => c.sessions.get(dots), 'sessionId'], [() => c.sessions.end({ roomId: dots }), 'roomId'],
          [() => c.sessions.participants(dots), 'sessionId'], [() => c.sessions.stats(dots), 'sessionId'],
          [() => c.sessions.stats('s1', { participantId: dots }), 'participantId'],
          [() => c.recordings.get(dots), 'recordingId'], [() => c.recordings.delete(dots), 'recordingId'],
          [() => c.recordings.start({ roomId: dots }), 'roomId'], [() => c.recordings.stop({ roomId: dots }), 'roomId'],
          [() => c.recordings.track.stop({ roomId: 'r', participantId: dots, kind: 'audio' }), 'participantId'],
          [() => c.hls.get(dots), 'hlsId'], [() => c.hls.active(dots), 'roomId'], [() => c.livestreams.get(dots), 'livestreamId'],
          [() => c.recordings.list({ sessionId: dots }), 'sessionId'], [() => c.agents.dispatch({ agentId: dots, roomId: 'r' }), 'agentId'],
        ];
        for (const [call, field] of calls) isInvalid(await refusal(call), field);
      }
      eq((await requests()).length, 0, 'no request was made');
      c.close();
    }],

    ['rest request: a bare string resolves { message } only where VideoSDK sends one; elsewhere it is BAD_RESPONSE', async () => {
      const { roomId } = await setUp(['ana']);
      const c = client();
      await inject({ path: '/v2/recordings/end', status: 200, body: { message: 'ended', id: 'r1' } });
      const object = await c.recordings.stop({ roomId });
      deepEq([object.message, object.id], ['ended', 'r1'], 'an object answer passes as sent');
      await inject({ path: '/v2/rooms/', status: 200, body: '"Room fetched"' });
      isApiError(await rejection(c.rooms.get(roomId)), 'BAD_RESPONSE', 200);
      await inject({ path: '/v2/hls/start', status: 200, body: '"HLS started"' });
      isApiError(await rejection(c.hls.start({ roomId })), 'BAD_RESPONSE', 200);
      for (const body of ['42', 'null', '[]', '', 'Recording ended']) {
        await inject({ path: '/v2/recordings/end', status: 200, body });
        isApiError(await rejection(c.recordings.stop({ roomId })), 'BAD_RESPONSE', 200);
      }
      await inject({ path: '/v2/recordings/start', status: 400, body: '"Recording is already running"' });
      eq(isApiError(await rejection(c.recordings.start({ roomId })), 'BAD_REQUEST', 400).apiMessage, 'Recording is already running', 'a bare-string error is apiMessage');
      c.close();
    }],

    ['rest request: request() calls any path under the API base with the same token; parsed JSON back', async () => {
      const { roomId } = await setUp();
      const c = client();
      eq((await c.request('GET', `/v2/rooms/${roomId}`)).roomId, roomId, 'GET');
      const made = await c.request('post', '/v2/rooms', { body: { customRoomId: 'via-request' } });
      eq(made.customRoomId, 'via-request', 'POST with a body');
      const page = await c.request('GET', '/v2/rooms', { query: { page: 1, perPage: 1 } });
      deepEq([page.pageInfo.perPage, page.data.length], [1, 1], 'query');
      await inject({ path: '/v2/recordings/', method: 'DELETE', status: 200, body: '"Room recording deleted successfully"' });
      eq(await c.request('DELETE', '/v2/recordings/abc'), 'Room recording deleted successfully', 'a bare string as is');
      await inject({ path: '/v2/sip/', status: 200, body: '' });
      eq(await c.request('PUT', '/v2/sip/config', { body: {} }), null, 'an empty body is null');
      const log = await requests();
      deepEq(lines(log), [`GET /v2/rooms/${roomId} 200`, 'POST /v2/rooms 200', 'GET /v2/rooms 200', 'DELETE /v2/recordings/abc 200', 'PUT /v2/sip/config 200'], 'requests');
      deepEq([log[2].query, log[1].contentType, log[0].auth.version], [{ page: '1', perPage: '1' }, 'application/json', 2], 'query, JSON, token');
      isApiError(await rejection(c.request('GET', '/v2/nothing-here')), 'NOT_FOUND', 404);
      c.close();
    }],

    ['rest request: request() keeps the path under the API base and checks its arguments before any request', async () => {
      await setUp();
      const c = client();
      for (const path of ['v2/rooms', '//evil.example/v2', '/v2/../admin', '/v2/%2e%2E/admin', '/v2/./rooms', '/..', '/v2/rooms?x=1', '/v2/rooms#x', '/v2\\rooms', 'https://evil.example/v2', 42]) {
        isInvalid(await rejection(c.request('GET', path)), 'path');
      }
      isInvalid(await rejection(c.request('TRACE', '/v2/rooms')), 'method');
      isInvalid(await rejection(c.request('GET', '/v2/rooms', { body: {} })), 'body');
      isInvalid(await rejection(c.request('POST', '/v2/rooms', { body: 'text' })), 'body');
      isInvalid(await rejection(c.request('POST', '/v2/rooms', { idempotent: 'yes' })), 'idempotent');
      isInvalid(await rejection(c.request('GET', '/v2/rooms', { qurey: {} })), 'qurey');
      isInvalid(await rejection(c.request('GET', '/v2/rooms', { query: { roomId: {} } })), 'query.roomId');
      isInvalid(await rejection(c.request('GET', '/v2/rooms', {}, { signal: 1 })), 'signal');
      eq((await requests()).length, 0, 'no request was made');
      c.close();
    }],

    ['rest request: request() retries GET, DELETE and idempotent calls after a 5xx; other methods only after a 429', async () => {
      await setUp();
      const c = client();
      await inject({ path: '/v2/rooms', method: 'POST', status: 503 });
      mayHaveActed(isApiError(await rejection(c.request('POST', '/v2/rooms', { body: {} })), 'SERVER_ERROR', 503));
      await inject({ path: '/v2/rooms', method: 'POST', status: 503 });
      await c.request('POST', '/v2/rooms', { body: { customRoomId: 'same' }, idempotent: true });
      await inject({ path: '/v2/rooms', method: 'POST', status: 429, retryAfter: 0 });
      await c.request('POST', '/v2/rooms', { body: {} });
      await inject({ path: '/v2/rooms', method: 'GET', status: 502 });
      await c.request('GET', '/v2/rooms');
      deepEq(lines(await requests()), ['POST /v2/rooms 503', 'POST /v2/rooms 503', 'POST /v2/rooms 200', 'POST /v2/rooms 429', 'POST /v2/rooms 200', 'GET /v2/rooms 502', 'GET /v2/rooms 200'], 'attempts');
      c.close();
    }],

    ['rest request: the stand-in checks the new routes as VideoSDK would (token, fields, types, 422 texts)', async () => {
      const { roomId } = await setUp(['ana']);
      const token = lib.signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join', 'allow_mod'], version: 2, roles: ['crawler'], expiresIn: '10m' });
      const post = async (path, body, auth = token) => {
        const response = await doFetch(`${baseUrl}${path}`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        return [response.status, (await response.json()).message];
      };
      deepEq(await post('/v2/recordings/start', { roomId }, `Bearer ${token}`), [401, 'Token is invalid or expired'], 'a Bearer prefix');
      deepEq(await post('/v2/recordings/start', {}), [400, 'Please provide a valid `roomId` in body params.'], 'no roomId');
      deepEq(await post('/v2/recordings/start', { roomId, config: { layout: { type: 'ROW' } } }), [422, 'layout.type must be SPOTLIGHT, SIDEBAR or GRID.'], 'layout.type');
      deepEq(await post('/v2/hls/start', { roomId, config: { layout: { gridSize: 30 } } }), [422, 'grid Size must be ≤ 25.'], 'gridSize');
      deepEq(await post('/v2/livestreams/start', { roomId, outputs: [{ url: 'rtmp://a.example/x' }] }), [422, 'Please provide streamKey.'], 'streamKey');
      deepEq(await post('/v2/recordings/participant/track/start', { roomId, participantId: 'ana', kind: 'all' }), [400, 'kind must be one of audio, video, screen_audio, screen_video'], 'kind');
      deepEq((await post('/v2/recordings/start', { roomId, extra: 1 }))[0], 400, 'an unknown field');
      deepEq(await post('/v2/agent/dispatch', { agentId: 'a' }), [400, '`meetingId` is required in request body.'], 'dispatch without meetingId');
      const [status, message] = await post('/v2/recordings/start', { roomId });
      deepEq([status, typeof message], [200, 'undefined'], 'a bare string (no message field)');
    }],
  ];
}
