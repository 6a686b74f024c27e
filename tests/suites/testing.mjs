// The suite of videosdk-token/testing itself: the stand-in refuses what VideoSDK would refuse,
// each fault arrives as configured, state and requests are plain data without tokens, the key
// route feeds verifyWebhook, and the signer's events pass handleWebhookRequest. Runtime-agnostic
// (no node: imports); the only waits are a stall of a few ms and an abort.
//
// cases({ lib, testing }) returns [name, fn] pairs; fn throws on failure. `testing` is
// videosdk-token/testing as the runner imported it.
import { API_KEY, deepEq, eq, fail, NOW, ok, OTHER_SECRET, SECRET } from '../support/assert.mjs';

const REFUSED = { message: 'Token is invalid or expired' };

export function cases({ lib, testing }) {
  if (testing === undefined) return [['testing: the runner passes videosdk-token/testing', () => fail('no `testing` in the context')]];
  const { createStandIn, createWebhookSigner } = testing;
  const { signToken, VideoSDKClient, verifyWebhook, handleWebhookRequest } = lib;

  const MANAGE = ['allow_join', 'allow_mod'];
  const crawler = (extra = {}) => signToken({ apiKey: API_KEY, secret: SECRET, permissions: MANAGE, roles: ['crawler'], expiresIn: '5m', ...extra });
  const fresh = (options = {}) => createStandIn({ apiKey: API_KEY, secret: SECRET, ...options });

  /** A raw call: the status and the parsed answer. */
  async function call(s, method, path, { token = crawler(), body, headers = {}, signal } = {}) {
    const init = { method, headers: { ...(token === null ? {} : { Authorization: token }), ...headers }, signal };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers['Content-Type'] ??= 'application/json';
    }
    const response = await s.fetch(`${s.apiBase}${path}`, init);
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const { _standIn, ...rest } = json !== null && typeof json === 'object' ? json : {};
    return { status: response.status, json: json !== null && typeof json === 'object' ? rest : json, text, response };
  }

  async function refusedWith(s, token, reason) {
    const r = await call(s, 'GET', '/v2/rooms', { token });
    eq(r.status, 401, `status for ${reason}`);
    deepEq(r.json, REFUSED, `answer for ${reason}`);
    const logged = s.requests.at(-1).auth.refused;
    ok(reason.test(logged), `the log says why (${reason}): ${logged}`);
  }

  async function invalid(fn, field) {
    try {
      await fn();
    } catch (error) {
      eq(error?.code, 'INVALID_OPTIONS', `code (${error?.message})`);
      eq(error.field, field, 'field');
      return;
    }
    fail(`expected INVALID_OPTIONS for ${field}`);
  }

  return [
    ['testing: its errors are the main entry\'s classes', () => {
      let error;
      try {
        fresh({ unknownOption: 1 });
      } catch (e) {
        error = e;
      }
      ok(error instanceof lib.TokenError && error instanceof lib.VideoSDKError, `a TokenError, got ${error}`);
      eq(error.field, 'unknownOption', 'field');
    }],

    ['testing: a good crawler token passes; every other token is a 401 "Token is invalid or expired"', async () => {
      const s = fresh();
      eq((await call(s, 'GET', '/v2/rooms')).status, 200, 'a crawler token for the apikey');
      await refusedWith(s, signToken({ apiKey: API_KEY, secret: OTHER_SECRET, permissions: MANAGE, roles: ['crawler'], expiresIn: '5m' }), /SIGNATURE/);
      await refusedWith(s, signToken({ apiKey: 'another-key', secret: SECRET, permissions: MANAGE, roles: ['crawler'], expiresIn: '5m' }), /CLAIM_MISMATCH/);
      await refusedWith(s, signToken({ apiKey: API_KEY, secret: SECRET, permissions: MANAGE, expiresIn: '5m' }), /version: 2/);
      await refusedWith(s, signToken({ apiKey: API_KEY, secret: SECRET, permissions: MANAGE, roles: ['rtc'], expiresIn: '5m' }), /crawler/);
      await refusedWith(s, `Bearer ${crawler()}`, /Bearer/);
      await refusedWith(s, null, /missing/);
      await refusedWith(s, 'not-a-token', /does not verify/);
      await refusedWith(s, crawler({ expiresIn: '1h' }), /at most 600 s/);
    }],

    ['testing: `now` (seconds or a Date) is when tokens are checked: expired then is a 401', async () => {
      const token = crawler({ now: NOW, expiresIn: '5m' });
      eq((await call(fresh({ now: NOW + 60 }), 'GET', '/v2/rooms', { token })).status, 200, 'a minute in');
      await refusedWith(fresh({ now: NOW + 301 }), token, /EXPIRED/);
      await refusedWith(fresh({ now: new Date((NOW + 3600) * 1000) }), token, /EXPIRED/);
    }],

    ['testing: missing and ill-typed fields are 400s in VideoSDK\'s words; unknown routes 404', async () => {
      const s = fresh();
      s.startSession('room-a', ['ana']);
      deepEq(await call(s, 'POST', '/v2/recordings/start', { body: {} }).then((r) => [r.status, r.json]),
        [400, { message: 'Please provide a valid `roomId` in body params.' }], 'no roomId');
      eq((await call(s, 'POST', '/v2/recordings/start', { body: { roomId: 7 } })).status, 400, 'roomId a number');
      eq((await call(s, 'POST', '/v2/recordings/participant/start', { body: { roomId: 'room-a' } })).status, 400, 'no participantId');
      eq((await call(s, 'POST', '/v2/rooms', { body: { customRoomId: 5 } })).status, 400, 'customRoomId a number');
      eq((await call(s, 'POST', '/v2/rooms', { body: 'roomId=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status, 400, 'not JSON');
      eq((await call(s, 'POST', '/v2/livestreams/start', { body: { roomId: 'room-a', outputs: [] } })).status, 422, 'no outputs');
      eq((await call(s, 'GET', '/v2/rooms?page=0')).status, 400, 'page 0');
      eq((await call(s, 'POST', '/v2/rooms/validate/room-a')).status, 404, 'validate is a GET');
      eq(s.state.recordings.length, 0, 'nothing was recorded');
    }],

    ['testing: a start without a live session is a 400; startSession makes one', async () => {
      const s = fresh();
      const c = new VideoSDKClient({ apiKey: API_KEY, secret: SECRET, apiBase: s.apiBase, fetch: s.fetch, retries: 0 });
      const room = await c.rooms.create();
      const r = await call(s, 'POST', '/v2/recordings/start', { body: { roomId: room.roomId } });
      eq(r.status, 400, 'no session');
      ok(/No active session/.test(r.json.message), r.json.message);
      const sessionId = s.startSession(room.roomId, [{ participantId: 'ana', name: 'Ana' }, { participantId: 'ben' }]);
      deepEq(await c.recordings.start({ roomId: room.roomId }), { message: 'Recording started successfully' }, 'then it starts');
      eq(s.state.recordings[0].sessionId, sessionId, 'in that session');
      deepEq(s.state.sessions[0].participants.map((p) => [p.participantId, p.name]), [['ana', 'Ana'], ['ben', 'ben']], 'participants');
      c.close();
    }],

    ['testing: fail() gives a 429 with Retry-After, a 5xx, then the normal answer (times, path, method filters)', async () => {
      const s = fresh();
      s.fail({ path: '/v2/rooms', method: 'GET', retryAfter: 7 }, { path: '/v2/hls', status: 503, times: 2 });
      const limited = await call(s, 'GET', '/v2/rooms');
      deepEq([limited.status, limited.response.headers.get('Retry-After')], [429, '7'], '429 and Retry-After');
      eq((await call(s, 'POST', '/v2/rooms', { body: {} })).status, 200, 'another path is untouched');
      eq((await call(s, 'GET', '/v2/rooms')).status, 200, 'times: 1 is used up');
      eq((await call(s, 'GET', '/v2/hls/?roomId=x')).status, 503, 'first 503');
      eq((await call(s, 'GET', '/v2/hls/?roomId=x')).status, 503, 'second 503');
      eq((await call(s, 'GET', '/v2/hls/?roomId=x')).status, 200, 'then the answer');
      s.fail({ status: 502, body: { message: 'gateway' } });
      deepEq(await call(s, 'GET', '/v2/rooms').then((r) => [r.status, r.json]), [502, { message: 'gateway' }], 'any path; the body');
      deepEq(s.requests.map((r) => r.injected ?? false), [true, false, false, true, true, false, true], 'the log marks the injected answers');
    }],

    ['testing: a fault answers before the request takes effect, or after it with `after`', async () => {
      const s = fresh();
      s.fail({ path: '/v2/rooms', method: 'POST', status: 500 });
      eq((await call(s, 'POST', '/v2/rooms', { body: {} })).status, 500, 'refused');
      eq(s.state.rooms.length, 0, 'no room made');
      s.fail({ path: '/v2/rooms', method: 'POST', status: 500, after: true });
      eq((await call(s, 'POST', '/v2/rooms', { body: {} })).status, 500, 'a lost answer');
      eq(s.state.rooms.length, 1, 'the room was made');
    }],

    ['testing: a non-JSON body arrives as given; a cut answer fails mid-body', async () => {
      const s = fresh();
      s.fail({ path: '/v2/rooms', status: 200, body: '<html>oops</html>' });
      const r = await call(s, 'GET', '/v2/rooms');
      deepEq([r.status, r.text], [200, '<html>oops</html>'], 'the text');
      s.fail({ path: '/v2/rooms', cut: true });
      const response = await s.fetch(`${s.apiBase}/v2/rooms`, { headers: { Authorization: crawler() } });
      eq(response.status, 200, 'headers arrive');
      let error;
      try {
        await response.text();
      } catch (e) {
        error = e;
      }
      ok(error !== undefined, 'reading the body fails');
      eq(s.requests.at(-1).fault, 'cut', 'the log says cut');
    }],

    ['testing: delayMs stalls the answer; an abort ends a stall, as fetch does', async () => {
      const s = fresh();
      s.fail({ path: '/v2/rooms', delayMs: 5 });
      eq((await call(s, 'GET', '/v2/rooms')).status, 200, 'late but whole');
      s.fail({ path: '/v2/rooms', delayMs: Infinity });
      const controller = new AbortController();
      const pending = s.fetch(`${s.apiBase}/v2/rooms`, { headers: { Authorization: crawler() }, signal: controller.signal });
      controller.abort(new Error('gave up'));
      let error;
      try {
        await pending;
      } catch (e) {
        error = e;
      }
      eq(error?.message, 'gave up', 'the fetch rejects with the signal\'s reason');
      const c = new VideoSDKClient({ apiKey: API_KEY, secret: SECRET, apiBase: s.apiBase, fetch: s.fetch, retries: 0, timeout: 1 });
      s.fail({ path: '/v2/rooms', delayMs: 1e9 });
      eq(await c.rooms.list().next().then(() => 'answered', (e) => e.code), 'TIMEOUT', 'the client\'s timeout ends the stall');
      ok(s.requests.filter((r) => r.fault === 'stall').length >= 1, 'the log says stall');
      c.close();
    }],

    ['testing: bad options are INVALID_OPTIONS naming the field', async () => {
      await invalid(() => createStandIn({ apiKey: API_KEY }), 'secret');
      await invalid(() => createStandIn({ apiKey: API_KEY, secret: SECRET, apikey: 'x' }), 'apikey');
      await invalid(() => createStandIn({ apiKey: API_KEY, secret: SECRET, now: '2024' }), 'now');
      await invalid(() => createStandIn({ apiKey: API_KEY, secret: SECRET, webhookSigner: {} }), 'webhookSigner');
      const s = fresh();
      await invalid(() => s.fail({ status: 99 }), 'status');
      await invalid(() => s.fail({ times: 0 }), 'times');
      await invalid(() => s.fail({ path: 'v2/rooms' }), 'path');
      await invalid(() => s.fail({ delayMs: -1 }), 'delayMs');
      await invalid(() => s.fail({ retryAfter: -1 }), 'retryAfter');
      await invalid(() => s.fail({ stauts: 500 }), 'stauts');
      await invalid(() => s.startSession('r', [{ name: 'no id' }]), 'participants');
      eq((await call(s, 'GET', '/v2/rooms')).status, 200, 'no fault was queued by a refused call');
    }],

    ['testing: state is plain JSON; requests hold claims, never the token; reset empties both', async () => {
      const s = fresh();
      const c = new VideoSDKClient({ apiKey: API_KEY, secret: SECRET, apiBase: s.apiBase, fetch: s.fetch });
      const { roomId } = await c.rooms.create({ customRoomId: 'plain' });
      s.startSession(roomId, ['ana']);
      await c.recordings.start({ roomId });
      await c.hls.start({ roomId });
      await c.agents.dispatch({ roomId, agentId: 'helper' });
      const copy = JSON.parse(JSON.stringify(s.state));
      deepEq(copy, s.state, 'a JSON round trip changes nothing');
      deepEq([copy.rooms.length, copy.sessions.length, copy.recordings.length, copy.hls.length, copy.dispatches.length], [1, 1, 1, 1, 1], 'the account');
      const log = JSON.stringify(s.requests);
      ok(!/eyJ[\w-]+\./.test(log) && !log.includes(SECRET), 'no token, no secret in the log');
      deepEq(s.requests.map((r) => `${r.method} ${r.path}`), ['POST /v2/rooms', 'POST /v2/recordings/start', 'POST /v2/hls/start', 'POST /v2/agent/dispatch'], 'what reached it');
      eq(s.requests[0].body.customRoomId, 'plain', 'the body');
      eq(typeof s.requests[0].auth.exp, 'number', 'the claims');
      s.reset();
      deepEq([s.state.rooms.length, s.requests.length], [0, 0], 'reset');
      c.close();
    }],

    ['testing: fetch answers its own apiBase and VideoSDK\'s, and refuses any other origin', async () => {
      const a = fresh();
      const b = fresh();
      ok(/^https:\/\/[\w-]+\.videosdk\.invalid$/.test(a.apiBase) && a.apiBase !== b.apiBase, `an https origin each: ${a.apiBase}, ${b.apiBase}`);
      eq((await a.fetch('https://api.videosdk.live/v2/rooms', { headers: { Authorization: crawler() } })).status, 200, 'the default base');
      let error;
      try {
        await a.fetch(`${b.apiBase}/v2/rooms`);
      } catch (e) {
        error = e;
      }
      ok(error instanceof TypeError && error.message.includes(a.apiBase), `another origin is a network error: ${error?.message}`);
      eq((await a.handle(new Request('http://127.0.0.1:9/v2/rooms', { headers: { Authorization: crawler() } }))).status, 200, 'handle answers any origin');
    }],

    ['testing: the key route serves the signer\'s key to verifyWebhook({ fetchPublicKey, apiBase, fetch })', async () => {
      const signer = await createWebhookSigner();
      const s = fresh({ webhookSigner: signer });
      const body = signer.event('recording-stopped', { meetingId: 'room-k' });
      const event = await verifyWebhook(body, await signer.sign(body), { fetchPublicKey: true, apiBase: s.apiBase, fetch: s.fetch });
      deepEq([event.webhookType, event.data.meetingId], ['recording-stopped', 'room-k'], 'verified with the fetched key');
      deepEq(s.requests.map((r) => `${r.method} ${r.path} ${r.status}`), ['GET /v2/public/rsa-public-key 200'], 'one key fetch, no token needed');
      const keyless = fresh();
      const none = await call(keyless, 'GET', '/v2/public/rsa-public-key', { token: null });
      eq(none.status, 404, 'no signer, no key');
      ok(/webhookSigner/.test(none.json.message), none.json.message);
      let error;
      try {
        await verifyWebhook(body, await signer.sign(body), { fetchPublicKey: true, apiBase: keyless.apiBase, fetch: keyless.fetch });
      } catch (e) {
        error = e;
      }
      eq(error?.code, 'KEY_FETCH_FAILED', 'verifyWebhook says the key could not be fetched');
    }],

    ['testing: every event the signer makes passes handleWebhookRequest; a changed byte does not', async () => {
      const signer = await createWebhookSigner();
      ok(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/.test(signer.publicKey), 'SPKI PEM');
      const seen = [];
      const onEvent = (event) => { seen.push(event.webhookType); };
      const types = ['participant-joined', 'session-started', 'session-ended', 'recording-stopped', 'hls-started', 'hls-playable',
        'livestream-failed', 'participant-track-recording-stopped', 'transcription-started', 'agent-session-started', 'resource-acquired'];
      for (const type of types) {
        const response = await handleWebhookRequest(await signer.request(signer.event(type)), { publicKey: signer.publicKey, onEvent });
        eq(response.status, 200, `${type} accepted`);
      }
      deepEq(seen, types, 'each event handed over');
      const sample = JSON.parse(signer.event('hls-started', { sessionId: 's-1' }));
      eq(sample.data.sessionId, 's-1', 'data overrides the sample');
      ok(typeof sample.data.downstreamUrl === 'string' && typeof sample.data.meetingId === 'string', 'the documented fields');
      const body = signer.event('participant-left');
      const tampered = new Request('https://app.example/hook', { method: 'POST', body: body.replace('"ana"', '"eve"'), headers: { 'videosdk-signature': await signer.sign(body) } });
      eq((await handleWebhookRequest(tampered, { publicKey: signer.publicKey, onEvent })).status, 401, 'a changed body is refused');
      const bytes = new TextEncoder().encode(body);
      eq(await signer.sign(bytes), await signer.sign(body), 'bytes and their text sign alike');
      const at = await signer.request(bytes, { url: 'https://app.example/other' });
      deepEq([at.method, at.url, at.headers.get('content-type')], ['POST', 'https://app.example/other', 'application/json'], 'the request');
      await invalid(() => signer.event('no-such-event'), 'type');
      await invalid(() => signer.sign({ not: 'bytes' }), 'body');
    }],
  ];
}
