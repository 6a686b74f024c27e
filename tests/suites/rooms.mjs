// The room endpoint's suite (handleRoomRequest): every action allowed and refused, least
// privilege (answers carry only the table's fields), authorize, the config. Runtime-agnostic, run
// with the REST suites on every runtime against the stand-in of VideoSDK's API, which checks each
// request as VideoSDK would. cases({ lib, rest: { baseUrl, fetch } }) returns [name, fn] pairs.
// Its limits and VideoSDK's failures are in rooms-limits.mjs and rooms-upstream.mjs.
import { API_KEY, deepEq, eq, ok, SECRET } from '../support/assert.mjs';
import { AGENT, ALL_ACTIONS, roomKit } from '../support/rooms-kit.mjs';

const ROOM_ID = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;
const WEBHOOK = { endPoint: 'https://hooks.app.example/videosdk', events: ['session-started'] };

export function cases({ lib, rest: env }) {
  const { handleRoomRequest, VideoSDKClient } = lib;
  const {
    account, call, client, config, expectAnswer, expectError, noLeaks, overClient, rejects, requests, setUp, upstream,
  } = roomKit(lib, env);

  // Each action with a request that does it on the room of setUp(['ana']) (a live session).
  const requestsFor = (roomId) => ({
    'room.create': ['POST', '/api/rooms'],
    'room.validate': ['GET', `/api/rooms/${roomId}/validate`],
    'hls.playback': ['GET', `/api/rooms/${roomId}/hls`],
    'agent.dispatch': ['POST', `/api/rooms/${roomId}/agents`, { json: { agentId: AGENT } }],
    'recording.start': ['POST', `/api/rooms/${roomId}/recording`],
    'recording.stop': ['DELETE', `/api/rooms/${roomId}/recording`],
  });

  return [
    ['rooms: room.create answers 201 { roomId, customRoomId }; the room gets the server\'s settings', async () => {
      const { roomId: seeded } = await setUp();
      const details = [];
      const cfg = config({
        createRoom: { webhook: WEBHOOK, autoCloseConfig: { type: 'session-ends', duration: 30 }, geoFence: 'us002' },
        authorize: (request, d) => details.push(d) > 0,
      });
      const made = expectAnswer(await call(cfg, 'POST', '/api/rooms'), 201, ['roomId', 'customRoomId']);
      ok(ROOM_ID.test(made.roomId), `a VideoSDK room id: ${made.roomId}`);
      eq(made.customRoomId, null, 'customRoomId is null when none was asked for');
      const named = expectAnswer(await call(cfg, 'POST', '/api/rooms', { json: { customRoomId: 'standup-7' } }), 201, ['roomId', 'customRoomId']);
      eq(named.customRoomId, 'standup-7', 'customRoomId');
      // A JSON null counts as absent.
      eq((await call(cfg, 'POST', '/api/rooms', { json: { customRoomId: null } })).body.customRoomId, null, 'customRoomId: null');
      deepEq(details, [{ action: 'room.create' }, { action: 'room.create', customRoomId: 'standup-7' }, { action: 'room.create' }], 'authorize got the details');
      const rooms = (await account()).rooms.filter((room) => room.roomId !== seeded);
      eq(rooms.length, 3, 'three rooms made at VideoSDK');
      for (const room of rooms) {
        deepEq(room.webhook, WEBHOOK, 'the server\'s webhook');
        deepEq([room.autoCloseConfig, room.geoFence], [{ type: 'session-ends', duration: 30 }, 'us002'], 'the server\'s settings');
      }
    }],

    ['rooms: room.create takes only customRoomId from the page: any other room setting is a 400', async () => {
      await setUp();
      const cfg = config({ createRoom: { webhook: WEBHOOK } });
      for (const [json, field] of [
        [{ webhook: { endPoint: 'https://evil.example/hook', events: ['*'] } }, 'webhook'], [{ autoCloseConfig: { type: 'session-ends' } }, 'autoCloseConfig'],
        [{ geoFence: 'in002' }, 'geoFence'], [{ allowedParticipantIds: ['me'] }, 'allowedParticipantIds'], [{ roomId: 'abcd-efgh-ijkl' }, 'roomId'],
        [{ customRoomId: 'ok', autoStartConfig: {} }, 'autoStartConfig'],
      ]) {
        const error = expectError(await call(cfg, 'POST', '/api/rooms', { json }), 400, 'INVALID_OPTIONS', field);
        ok(/only customRoomId/.test(error.message), `the message says what a page may send: ${error.message}`);
      }
      for (const customRoomId of [5, '', '...', 'two words', 'a/b', true, ['x'], 'x'.repeat(1025)]) {
        expectError(await call(cfg, 'POST', '/api/rooms', { json: { customRoomId } }), 400, 'INVALID_OPTIONS', 'customRoomId');
      }
      expectError(await call(cfg, 'POST', '/api/rooms', { body: '{"customRoomId": "x"}', headers: { 'Content-Type': 'text/plain' } }), 400, 'INVALID_OPTIONS', 'body');
      expectError(await call(cfg, 'POST', '/api/rooms', { body: '{"customRoomId": ', headers: { 'Content-Type': 'application/json' } }), 400, 'INVALID_OPTIONS', 'body');
      expectError(await call(cfg, 'POST', '/api/rooms', { json: ['customRoomId'] }), 400, 'INVALID_OPTIONS', 'body');
      expectError(await call(cfg, 'POST', '/api/rooms', { body: new Uint8Array([0x7b, 0xff, 0x7d]), headers: { 'Content-Type': 'application/json' } }), 400, 'INVALID_OPTIONS', 'body');
      eq(await upstream(), 0, 'no request reached VideoSDK');
    }],

    ['rooms: room.validate answers 200 { roomId, valid }: valid false for no such room and for a deactivated one', async () => {
      const { roomId } = await setUp();
      const c = client();
      await c.rooms.create({ customRoomId: 'named-room', webhook: WEBHOOK });
      const cfg = config({ actions: ['room.validate'] });
      for (const [id, valid] of [[roomId, true], ['named-room', true], ['none-none-none', false]]) {
        const result = await call(cfg, 'GET', `/api/rooms/${id}/validate`);
        deepEq(expectAnswer(result, 200, ['roomId', 'valid']), { roomId: id, valid }, `validate ${id}`);
        ok(!/hooks\.app\.example|userId|_standIn/.test(result.text), `never VideoSDK's room object: ${result.text}`);
      }
      await c.rooms.deactivate(roomId);
      deepEq((await call(cfg, 'GET', `/api/rooms/${roomId}/validate`)).body, { roomId, valid: false }, 'deactivated');
      c.close();
    }],

    ['rooms: hls.playback answers 200 { roomId, playbackHlsUrl, livestreamUrl }, 404 NOT_FOUND when none is live', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = config({ actions: ['hls.playback'] });
      expectError(await call(cfg, 'GET', `/api/rooms/${roomId}/hls`), 404, 'NOT_FOUND');
      expectError(await call(cfg, 'GET', '/api/rooms/none-none-none/hls'), 404, 'NOT_FOUND');
      const c = client();
      const stream = await c.hls.start({ roomId });
      const result = await call(cfg, 'GET', `/api/rooms/${roomId}/hls`);
      const body = expectAnswer(result, 200, ['roomId', 'playbackHlsUrl', 'livestreamUrl']);
      deepEq(body, { roomId, playbackHlsUrl: stream.playbackHlsUrl, livestreamUrl: stream.livestreamUrl }, 'the live stream\'s URLs');
      ok(!/sessionId|downstreamUrl|links/.test(result.text), `nothing but the table's fields: ${result.text}`);
      c.close();
    }],

    ['rooms: agent.dispatch answers 202 { roomId, agentId } for an agent in config.agents; any other is a 403', async () => {
      const { roomId } = await setUp();
      const cfg = config({ actions: ['agent.dispatch'], agents: [AGENT, 'agent-sales'] });
      const path = `/api/rooms/${roomId}/agents`;
      deepEq(expectAnswer(await call(cfg, 'POST', path, { json: { agentId: AGENT } }), 202, ['roomId', 'agentId']), { roomId, agentId: AGENT }, 'dispatched');
      const { dispatches } = await account();
      deepEq(dispatches.map((d) => [d.agentId, d.roomId]), [[AGENT, roomId]], 'VideoSDK got the dispatch');
      const before = await upstream();
      for (const agentId of ['agent-other', AGENT.toUpperCase(), `${AGENT}x`]) {
        expectError(await call(cfg, 'POST', path, { json: { agentId } }), 403, 'FORBIDDEN', 'agentId');
      }
      expectError(await call(cfg, 'POST', path), 400, 'INVALID_OPTIONS', 'agentId');
      expectError(await call(cfg, 'POST', path, { json: {} }), 400, 'INVALID_OPTIONS', 'agentId');
      expectError(await call(cfg, 'POST', path, { json: { agentId: AGENT, metadata: {} } }), 400, 'INVALID_OPTIONS', 'metadata');
      eq(await upstream(), before, 'no refused dispatch reached VideoSDK');
      expectError(await call(cfg, 'POST', '/api/rooms/none-none-none/agents', { json: { agentId: AGENT } }), 404, 'NOT_FOUND');
    }],

    ['rooms: recording.start and recording.stop answer 202 { roomId }', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = config({ actions: ['recording.start', 'recording.stop'] });
      const path = `/api/rooms/${roomId}/recording`;
      deepEq(expectAnswer(await call(cfg, 'POST', path), 202, ['roomId']), { roomId }, 'started');
      deepEq(expectAnswer(await call(cfg, 'DELETE', path), 202, ['roomId']), { roomId }, 'stopped');
      // An empty JSON object is no field too.
      expectAnswer(await call(cfg, 'POST', path, { json: {} }), 202, ['roomId']);
      expectError(await call(cfg, 'POST', path, { json: { config: { layout: { type: 'GRID' } } } }), 400, 'INVALID_OPTIONS', 'config');
      const seen = (await requests()).map((r) => `${r.method} ${r.path} ${r.status}`);
      deepEq(seen, ['POST /v2/recordings/start 200', 'POST /v2/recordings/end 200', 'POST /v2/recordings/start 200'], 'VideoSDK got');
    }],

    ['rooms: every action is off unless listed, and then answers as an unknown route does', async () => {
      const { roomId } = await setUp(['ana']);
      const unknown = (await call(config({ actions: ['room.validate'] }), 'GET', `/api/rooms/${roomId}/nothing`)).body;
      for (const action of ALL_ACTIONS) {
        const others = ALL_ACTIONS.filter((a) => a !== action);
        const [method, path, init] = requestsFor(roomId)[action];
        const off = await call(config({ actions: others }), method, path, init);
        const error = expectError(off, 404, 'NOT_FOUND');
        eq(error.message.replace(/".*"/, '…'), unknown.error.message.replace(/".*"/, '…'), `${action} off: the unknown route's answer`);
        eq(off.headers.get('Allow'), null, `${action} off: no Allow`);
      }
      eq(await upstream(), 0, 'no request reached VideoSDK');
      // A route with one action on: the other method is a 404, an unknown one a 405.
      const startOnly = config({ actions: ['recording.start'] });
      expectError(await call(startOnly, 'DELETE', `/api/rooms/${roomId}/recording`), 404, 'NOT_FOUND');
      const put = await call(startOnly, 'PUT', `/api/rooms/${roomId}/recording`);
      expectError(put, 405, 'METHOD_NOT_ALLOWED');
      eq(put.headers.get('Allow'), 'POST, OPTIONS', 'Allow names the actions that are on');
      // Each action alone works.
      const c = client();
      await c.hls.start({ roomId });
      c.close();
      for (const action of ALL_ACTIONS) {
        const [method, path, init] = requestsFor(roomId)[action];
        const result = await call(config({ actions: [action] }), method, path, init);
        ok(result.status >= 200 && result.status < 300, `${action} alone: ${result.status} ${result.text}`);
      }
    }],

    ['rooms: authorize decides every action, before VideoSDK is called: only true allows, anything else is a 403', async () => {
      const { roomId } = await setUp(['ana']);
      const all = requestsFor(roomId);
      for (const verdict of [false, undefined, null, 1, 'yes', {}, { roomId }, [true]]) {
        const cfg = config({ authorize: () => verdict });
        for (const action of ALL_ACTIONS) {
          const [method, path, init] = all[action];
          expectError(await call(cfg, method, path, init), 403, 'FORBIDDEN');
        }
      }
      eq(await upstream(), 0, 'no request reached VideoSDK');
      // What authorize gets: the request (its body readable) and the details, frozen.
      const got = [];
      const cfg = config({
        authorize: async (request, details) => {
          const text = await request.text();
          got.push([request.method, new URL(request.url).pathname, text, details, Object.isFrozen(details)]);
          return Promise.resolve(true);
        },
      });
      await call(cfg, 'POST', `/api/rooms/${roomId}/agents`, { json: { agentId: AGENT } });
      await call(cfg, 'GET', `/api/rooms/${roomId}/validate`);
      await call(cfg, 'POST', '/api/rooms', { json: { customRoomId: 'named' } });
      deepEq(got, [
        ['POST', `/api/rooms/${roomId}/agents`, `{"agentId":"${AGENT}"}`, { action: 'agent.dispatch', roomId, agentId: AGENT }, true],
        ['GET', `/api/rooms/${roomId}/validate`, '', { action: 'room.validate', roomId }, true],
        ['POST', '/api/rooms', '{"customRoomId":"named"}', { action: 'room.create', customRoomId: 'named' }, true],
      ], 'authorize saw');
    }],

    ['rooms: authorize that throws or rejects is a 500 SERVER_ERROR with no detail, before VideoSDK is called', async () => {
      const { roomId } = await setUp();
      for (const authorize of [
        () => { throw new Error('session store down: secret-detail'); },
        async () => { throw new TypeError('secret-detail'); },
        () => Promise.reject(new Error('secret-detail')),
      ]) {
        const result = await call(config({ authorize, cors: '*' }), 'GET', `/api/rooms/${roomId}/validate`, { headers: { Origin: 'https://any.example' } });
        expectError(result, 500, 'SERVER_ERROR');
        ok(!result.text.includes('secret-detail') && !result.text.includes('store'), `no detail: ${result.text}`);
        eq(result.headers.get('Access-Control-Allow-Origin'), '*', 'CORS headers on a 500 too');
      }
      eq(await upstream(), 0, 'no request reached VideoSDK');
    }],

    ['rooms: a bad config rejects with INVALID_OPTIONS naming the option; so does a request that is not one', async () => {
      await setUp();
      const request = new Request('https://app.example/api/rooms', { method: 'POST' });
      const base = config();
      const without = (name) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== name));
      const bad = [
        [null, 'config'], ['config', 'config'], [{ ...base, action: ['room.create'] }, 'action'],
        [without('actions'), 'actions'], [{ ...base, actions: [] }, 'actions'], [{ ...base, actions: 'room.create' }, 'actions'],
        [{ ...base, actions: ['room.delete'] }, 'actions'], [{ ...base, actions: ['rooms.create'] }, 'actions'],
        [without('authorize'), 'authorize'], [{ ...base, authorize: true }, 'authorize'], [{ ...base, allowAnonymous: true }, 'allowAnonymous'],
        [{ ...base, agents: undefined }, 'agents'], [{ ...base, agents: [] }, 'agents'], [{ ...base, agents: ['a b'] }, 'agents'], [{ ...base, agents: 'x' }, 'agents'],
        [{ ...base, createRoom: { customRoomId: 'x' } }, 'createRoom.customRoomId'], [{ ...base, createRoom: { webhok: {} } }, 'createRoom.webhok'],
        [{ ...base, createRoom: { webhook: { endPoint: 'nope', events: ['x'] } } }, 'createRoom.webhook.endPoint'], [{ ...base, createRoom: [] }, 'createRoom'],
        [{ ...base, basePath: 'api/rooms' }, 'basePath'], [{ ...base, basePath: '/api/../rooms' }, 'basePath'], [{ ...base, basePath: '/api?x' }, 'basePath'],
        [{ ...base, basePath: 5 }, 'basePath'], [{ ...base, cors: 'https://app.example' }, 'cors'],
        [{ ...base, timeout: '0s' }, 'timeout'], [{ ...base, apiBase: 'ftp://x' }, 'apiBase'], [{ ...base, fetch: 'fetch' }, 'fetch'],
        [without('apiKey'), 'apiKey'], [{ ...base, client: {} }, 'client'], [{ ...overClient(), apiKey: API_KEY }, 'apiKey'],
      ];
      for (const [cfg, field] of bad) await rejects(handleRoomRequest(request, cfg), 'INVALID_OPTIONS', field);
      const hint = await rejects(handleRoomRequest(request, { ...base, actions: ['rooms.create'] }), 'INVALID_OPTIONS', 'actions');
      ok(/did you mean 'room\.create'/.test(hint.message), `a hint: ${hint.message}`);
      await rejects(handleRoomRequest(request, { ...base, secret: 'short' }), 'WEAK_SECRET', 'secret');
      await rejects(handleRoomRequest('https://app.example/api/rooms', base), 'INVALID_OPTIONS', 'request');
      eq(await upstream(), 0, 'no request reached VideoSDK');
    }],

    ['rooms: one client per config object: the config is read once, the client\'s token reused', async () => {
      const { roomId } = await setUp();
      let reads = 0;
      const cfg = config({ actions: undefined });
      Object.defineProperty(cfg, 'actions', { enumerable: true, get: () => { reads += 1; return ['room.validate']; } });
      for (let i = 0; i < 3; i += 1) eq((await call(cfg, 'GET', `/api/rooms/${roomId}/validate`)).status, 200, 'validate');
      // The client is made in that one reading: one client, its management token reused.
      eq(reads, 1, 'config.actions read once for three requests');
      // A client given is used as it is.
      const c = new VideoSDKClient({ apiKey: API_KEY, secret: SECRET, apiBase: env.baseUrl, ...(env.fetch ? { fetch: env.fetch } : {}) });
      const given = { actions: ['room.validate'], authorize: () => true, client: c };
      eq((await call(given, 'GET', `/api/rooms/${roomId}/validate`)).status, 200, 'with a client');
      c.close();
      // A closed client fails the deployment, not the caller: a 500.
      expectError(await call(given, 'GET', `/api/rooms/${roomId}/validate`), 500, 'SERVER_ERROR');
    }],

    ['rooms: basePath moves every route', async () => {
      const { roomId } = await setUp();
      const cfg = config({ basePath: '/v1/meeting-rooms/' });
      eq((await call(cfg, 'POST', '/v1/meeting-rooms')).status, 201, 'create under basePath');
      eq((await call(cfg, 'GET', `/v1/meeting-rooms/${roomId}/validate`)).status, 200, 'validate under basePath');
      expectError(await call(cfg, 'POST', '/api/rooms'), 404, 'NOT_FOUND');
      expectError(await call(cfg, 'POST', '/v1/meeting-rooms/'), 404, 'NOT_FOUND');
      expectError(await call(config({ basePath: '/' }), 'POST', '/api/rooms'), 404, 'NOT_FOUND');
      eq((await call(config({ basePath: '/' }), 'POST', '/')).status, 201, 'basePath "/"');
      eq((await call(config({ basePath: '/' }), 'GET', `/${roomId}/validate`)).status, 200, 'validate under "/"');
    }],

    ['rooms: no answer carried the secret or a token', () => noLeaks()],
  ];
}
