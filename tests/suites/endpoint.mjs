// The token endpoint's behaviour suite: runtime-agnostic like every suite here (web-standard Request and
// Response only, no timers), so it runs on Node, Deno, Bun, workerd and edge-runtime alike.
// cases({ lib }) returns [name, fn] pairs; fn throws on failure. Every case runs against both forms
// of the endpoint (tests/support/token-endpoints.mjs): handleTokenRequest(request, config), and
// the handler createTokenHandler(config) returns, which must answer the same.
import { API_KEY, deepEq, eq, fail, ok, SECRET } from '../support/assert.mjs';
import { forEachTokenEndpoint } from '../support/token-endpoints.mjs';

const URL_BASE = 'https://app.example/api/token';
const BEARER = 'caller-credential-7f3a';
const ORIGIN = 'https://app.example';

export function cases({ lib }) {
  return forEachTokenEndpoint(lib, (handle, form) => formCases(lib, handle, form));
}

/** The cases against `handle(request, config)`, the endpoint's form named `form`. */
function formCases(lib, handle, form) {
  const { verifyToken, decodeToken } = lib;
  // Every answer any case gets is kept, to check at the end that none carries the secret.
  const seen = [];

  const authorize = (request) => request.headers.get('Authorization') === `Bearer ${BEARER}`;
  const base = { apiKey: API_KEY, secret: SECRET, authorize };

  async function call(input, init = {}, config = {}) {
    const headers = { Authorization: `Bearer ${BEARER}`, ...init.headers };
    for (const [k, v] of Object.entries(headers)) if (v === undefined) delete headers[k];
    const request = new Request(input.startsWith('http') ? input : URL_BASE + input, { ...init, headers });
    const response = await handle(request, { ...base, ...config });
    const text = response.status === 204 ? '' : await response.text();
    seen.push({ status: response.status, headers: [...response.headers], text });
    const body = text && response.headers.get('Content-Type')?.startsWith('application/json') ? JSON.parse(text) : undefined;
    return { response, body, text };
  }
  const post = (body, config, headers = {}) =>
    call('', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }, config);

  function expectError(result, status, code, field) {
    eq(result.response.status, status, `status (body: ${result.text})`);
    eq(result.body?.error?.code, code, 'error.code');
    if (field !== undefined) eq(result.body.error.field, field, 'error.field');
    ok(typeof result.body.error.message === 'string' && result.body.error.message.length > 0, 'error.message is set');
  }

  function checkToken(body, expect = {}) {
    ok(typeof body?.token === 'string', `a token in ${JSON.stringify(body)}`);
    const claims = verifyToken(body.token, SECRET, { apiKey: API_KEY });
    for (const [k, v] of Object.entries(expect)) deepEq(claims[k], v, `claim ${k}`);
    eq(body.expiresAt, new Date(claims.exp * 1000).toISOString(), 'expiresAt is exp as ISO-8601');
    // The lifetime in seconds lets a client time the token by its own clock, whatever its offset.
    eq(body.expiresIn, claims.exp - claims.iat, 'expiresIn is the lifetime in seconds (exp - iat)');
    return claims;
  }

  // The endpoint's limits, as docs/endpoint.md states them.
  const MAX_BODY = 16 * 1024;
  const MAX_ECHO = 64;
  // What must never reach a line-oriented log raw: C0/C1 controls, DEL, U+2028/9, bidi controls.
  const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  /** A 500 that says nothing but SERVER_ERROR, and carries no token. */
  function expectServerError(result, what, hidden = []) {
    eq(result.response.status, 500, `${what}: status (body: ${result.text.slice(0, 200)})`);
    eq(result.body?.error?.code, 'SERVER_ERROR', `${what}: error.code`);
    eq(result.body.token, undefined, `${what}: no token`);
    deepEq(Object.keys(result.body), ['error'], `${what}: body keys`);
    for (const word of hidden) ok(!result.text.includes(word), `${what}: the answer must not mention ${word}`);
  }

  /** A body that streams `total` bytes in `size`-byte chunks, counting how many were pulled. */
  function countingStream(total, size = 1024, first = '{"roomId": "') {
    const counter = { pulled: 0, cancelled: false };
    const head = new TextEncoder().encode(first);
    const fill = new Uint8Array(size).fill(0x78); // 'x'
    counter.stream = new ReadableStream({
      pull(controller) {
        if (counter.pulled >= total) {
          controller.close();
          return;
        }
        const chunk = counter.pulled === 0 ? head : fill.slice();
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        counter.cancelled = true;
      },
    }, { highWaterMark: 0 });
    return counter;
  }

  function streamed(stream, headers = {}) {
    return new Request(URL_BASE, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { Authorization: `Bearer ${BEARER}`, 'Content-Type': 'application/json', ...headers },
    });
  }

  async function send(request, config = {}) {
    const response = await handle(request, { ...base, ...config });
    const text = await response.text();
    seen.push({ status: response.status, headers: [...response.headers], text });
    return { response, text, body: text ? JSON.parse(text) : undefined };
  }

  /** Runs fn with Object.prototype[key] = value for each entry, and always restores it. */
  async function polluted(entries, fn) {
    const saved = Object.keys(entries).map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)]);
    try {
      for (const [k, v] of Object.entries(entries)) Object.prototype[k] = v; // eslint-disable-line no-extend-native
      await fn();
    } finally {
      for (const [k, d] of saved) {
        if (d === undefined) delete Object.prototype[k];
        else Object.defineProperty(Object.prototype, k, d);
      }
    }
  }

  async function rejection(config, what) {
    let error;
    try {
      await handle(new Request(URL_BASE), config);
    } catch (e) {
      error = e;
    }
    if (error === undefined) fail(`${what}: expected a rejection`);
    ok(!`${error.message}\n${error.reason}\n${error.stack}`.includes(SECRET), `${what}: the error must not contain the secret`);
    return error;
  }

  return [
    [`endpoint: exports ${form}`, () => eq(typeof lib[form], 'function', form)],

    ['endpoint: 200 for GET with query parameters; the token verifies', async () => {
      const r = await call('?roomId=room-1&participantId=user-1&permissions=allow_join');
      eq(r.response.status, 200, `status (body: ${r.text})`);
      eq(r.response.headers.get('Content-Type'), 'application/json; charset=utf-8', 'content-type');
      eq(r.response.headers.get('Cache-Control'), 'no-store', 'cache-control');
      eq(r.response.headers.get('X-VideoSDK-Token-Anonymous'), null, 'no anonymous marker');
      deepEq(Object.keys(r.body), ['token', 'expiresAt', 'expiresIn'], 'body keys');
      const claims = checkToken(r.body, { roomId: 'room-1', participantId: 'user-1', permissions: ['allow_join'], version: 2 });
      eq(claims.exp - claims.iat, 7200, 'default lifetime is maxExpiresIn (2h)');
      eq(decodeToken(r.body.token).warnings.length, 0, 'no warnings');
    }],

    ['endpoint: 200 for POST with a JSON body', async () => {
      const r = await post({ roomId: 'room-2', permissions: ['allow_join'], roles: ['rtc'], expiresIn: '10m' });
      eq(r.response.status, 200, `status (body: ${r.text})`);
      const claims = checkToken(r.body, { roomId: 'room-2', roles: ['rtc'] });
      eq(claims.exp - claims.iat, 600, 'lifetime from expiresIn');
      const n = await post({ expiresIn: 90 });
      eq(n.response.status, 200, `a number of seconds (body: ${n.text})`);
      const c = checkToken(n.body, { permissions: ['allow_join'] });
      eq(c.exp - c.iat, 90, 'lifetime in seconds');
    }],

    ['endpoint: GET lists permissions and roles by commas or repetition', async () => {
      const config = { allowedPermissions: ['allow_join', 'allow_mod'] };
      const a = await call('?permissions=allow_join,allow_mod&roles=rtc', {}, config);
      checkToken(a.body, { permissions: ['allow_join', 'allow_mod'], roles: ['rtc'] });
      const b = await call('?permissions=allow_join&permissions=allow_mod', {}, config);
      checkToken(b.body, { permissions: ['allow_join', 'allow_mod'] });
    }],

    ['endpoint: 401 without authorization', async () => {
      const r = await call('?roomId=r', { headers: { Authorization: undefined } });
      expectError(r, 401, 'UNAUTHORIZED');
      eq(r.response.headers.get('WWW-Authenticate'), 'Bearer', 'www-authenticate');
      expectError(await call('', { headers: { Authorization: 'Bearer wrong' } }), 401, 'UNAUTHORIZED');
      expectError(await call('', {}, { authorize: async () => undefined }), 401, 'UNAUTHORIZED');
      // 401 comes before any check of the input: strangers learn nothing about it.
      expectError(await post('{not json', {}, { Authorization: undefined }), 401, 'UNAUTHORIZED');
    }],

    ['endpoint: 403 for a permission beyond allowedPermissions', async () => {
      expectError(await call('?permissions=allow_mod'), 403, 'FORBIDDEN', 'permissions');
      expectError(await post({ permissions: ['allow_join', 'allow_mod'] }), 403, 'FORBIDDEN', 'permissions');
      const ok2 = await post({ permissions: ['allow_mod'] }, { allowedPermissions: ['allow_join', 'allow_mod'] });
      eq(ok2.response.status, 200, `allowed when configured (body: ${ok2.text})`);
    }],

    ['endpoint: 403 for an expiresIn over maxExpiresIn', async () => {
      expectError(await post({ expiresIn: '3h' }), 403, 'FORBIDDEN', 'expiresIn');
      expectError(await call('?expiresIn=7201s'), 403, 'FORBIDDEN', 'expiresIn');
      expectError(await post({ expiresIn: '20m' }, { maxExpiresIn: '15m' }), 403, 'FORBIDDEN', 'expiresIn');
      const exact = await call('?expiresIn=2h');
      eq(exact.response.status, 200, 'exactly maxExpiresIn is fine');
      const d = await post({}, { maxExpiresIn: 300 });
      const c = checkToken(d.body);
      eq(c.exp - c.iat, 300, 'the default lifetime is maxExpiresIn');
    }],

    ['endpoint: 400 with TokenError codes for bad input', async () => {
      expectError(await post('{"roomId": "r",'), 400, 'INVALID_OPTIONS', 'body');
      expectError(await post('[1, 2]'), 400, 'INVALID_OPTIONS', 'body');
      expectError(await post('null'), 400, 'INVALID_OPTIONS', 'body');
      expectError(await post({ roomId: 'r' }, {}, { 'Content-Type': 'text/plain' }), 400, 'INVALID_OPTIONS', 'body');
      expectError(await post({ roomid: 'r' }), 400, 'INVALID_OPTIONS', 'roomid');
      expectError(await post({ secret: 'x' }), 400, 'INVALID_OPTIONS', 'secret');
      expectError(await call('?apiKey=other'), 400, 'INVALID_OPTIONS', 'apiKey');
      expectError(await post({ roomId: 5 }), 400, 'INVALID_OPTIONS', 'roomId');
      expectError(await post({ participantId: '' }), 400, 'INVALID_OPTIONS', 'participantId');
      expectError(await post({ permissions: 'allow_join' }), 400, 'INVALID_OPTIONS', 'permissions');
      expectError(await post({ permissions: ['allow_everything'] }), 400, 'INVALID_OPTIONS', 'permissions');
      expectError(await post({ permissions: [] }), 400, 'INVALID_OPTIONS', 'permissions');
      expectError(await post({ roles: ['admin'] }), 400, 'INVALID_OPTIONS', 'roles');
      expectError(await post({ expiresIn: '120' }), 400, 'INVALID_OPTIONS', 'expiresIn');
      expectError(await post({ expiresIn: -5 }), 400, 'INVALID_OPTIONS', 'expiresIn');
      expectError(await post({ expiresIn: true }), 400, 'INVALID_OPTIONS', 'expiresIn');
      expectError(await call('?roomId=a&roomId=b'), 400, 'INVALID_OPTIONS', 'roomId');
      const big = await post({ roomId: 'x'.repeat(20000) });
      expectError(big, 413, 'PAYLOAD_TOO_LARGE', 'body');
    }],

    ['endpoint: 405 for other methods', async () => {
      for (const method of ['PUT', 'DELETE', 'PATCH', 'HEAD']) {
        const r = await call('', { method });
        eq(r.response.status, 405, `${method} status`);
        eq(r.response.headers.get('Allow'), 'GET, POST, OPTIONS', `${method} Allow header`);
      }
    }],

    ['endpoint: authorize() restricts roomId, participantId and permissions per caller', async () => {
      const config = {
        allowedPermissions: ['allow_join', 'ask_join', 'allow_mod'],
        authorize: () => ({ roomId: 'team-room', participantId: 'alice', permissions: ['ask_join'] }),
      };
      const r = await call('', {}, config);
      eq(r.response.status, 200, `status (body: ${r.text})`);
      checkToken(r.body, { roomId: 'team-room', participantId: 'alice', permissions: ['ask_join'] });
      const same = await post({ roomId: 'team-room', participantId: 'alice', permissions: ['ask_join'] }, config);
      eq(same.response.status, 200, 'asking for what is granted');
      // The refusal names the join error a token for the granted room or participant would get
      // where the caller asked for another (the codes' names are explainJoinError's), and never
      // echoes the grant's value.
      const room = await call('?roomId=other-room', {}, config);
      expectError(room, 403, 'FORBIDDEN', 'roomId');
      ok(room.body.error.message.includes("VideoSDK's error 4022"), `names 4022: ${room.body.error.message}`);
      eq(lib.explainJoinError(4022).name, 'UNAUTHORIZED_ROOM_ID', '4022 is the room error');
      const participant = await post({ participantId: 'mallory' }, config);
      expectError(participant, 403, 'FORBIDDEN', 'participantId');
      ok(participant.body.error.message.includes("VideoSDK's error 4023"), `names 4023: ${participant.body.error.message}`);
      eq(lib.explainJoinError(4023).name, 'UNAUTHORIZED_PARTCIPANT_ID', '4023 is the participant error');
      for (const r of [room, participant]) ok(!/team-room|alice/.test(r.text), `the grant's value is not echoed: ${r.text}`);
      expectError(await post({ permissions: ['allow_join'] }, config), 403, 'FORBIDDEN', 'permissions');
      // A grant cannot widen config: allow_mod is not in the default allowedPermissions.
      const wide = { authorize: () => ({ permissions: ['allow_mod'] }) };
      expectError(await post({ permissions: ['allow_mod'] }, wide), 403, 'FORBIDDEN', 'permissions');
    }],

    ['endpoint: authorize() may read the POST body', async () => {
      const config = { authorize: async (request) => (await request.json()).roomId === 'room-9' };
      const r = await post({ roomId: 'room-9' }, config, { Authorization: undefined });
      eq(r.response.status, 200, `status (body: ${r.text})`);
      checkToken(r.body, { roomId: 'room-9' });
    }],

    ['endpoint: authorize() gets the POST as it came: method, URL, headers, the caller\'s signal, cf', async () => {
      const controller = new AbortController();
      const init = {
        method: 'POST',
        headers: { Authorization: `Bearer ${BEARER}`, 'Content-Type': 'application/json', 'X-Trace': 't-2' },
        body: JSON.stringify({ roomId: 'room-s' }),
        signal: controller.signal,
        cf: { country: 'NL' }, // workerd keeps it (the platform's request.cf); elsewhere ignored
      };
      const request = new Request(URL_BASE, init);
      let given;
      const response = await handle(request, { ...base, authorize: async (req) => {
        given = req;
        return authorize(req) && (await req.json()).roomId === 'room-s';
      } });
      eq(response.status, 200, `status (body: ${await response.text()})`);
      deepEq([given.method, given.url, given.headers.get('X-Trace')], ['POST', URL_BASE, 't-2'], 'method, URL, headers');
      deepEq(given.cf, request.cf, 'cf, where the platform has it');
      eq(given.signal.aborted, false, 'the signal, not aborted yet');
      controller.abort();
      eq(given.signal.aborted, true, 'the caller\'s abort reaches authorize()\'s request');
    }],

    ['endpoint: CORS preflight and answers follow config.cors', async () => {
      const config = { cors: [ORIGIN] };
      const preflight = (origin, cfg = config) => call('', {
        method: 'OPTIONS',
        headers: { Authorization: undefined, Origin: origin, 'Access-Control-Request-Method': 'POST' },
      }, cfg);
      // Browsers drop a scripted Origin header (a forbidden header name): there, only check
      // that a request without one gets no CORS grant. Every other runtime runs the full case.
      if (!new Request(URL_BASE, { headers: { Origin: ORIGIN } }).headers.has('Origin')) {
        const plain = await preflight(ORIGIN);
        eq(plain.response.status, 204, 'preflight status');
        eq(plain.response.headers.get('Access-Control-Allow-Origin'), null, 'no allow-origin without Origin');
        return;
      }
      const yes = await preflight(ORIGIN);
      eq(yes.response.status, 204, 'preflight status');
      eq(yes.response.headers.get('Access-Control-Allow-Origin'), ORIGIN, 'allow-origin');
      ok(/POST/.test(yes.response.headers.get('Access-Control-Allow-Methods')), 'allow-methods has POST');
      ok(/authorization/i.test(yes.response.headers.get('Access-Control-Allow-Headers')), 'allow-headers has Authorization');
      ok(/content-type/i.test(yes.response.headers.get('Access-Control-Allow-Headers')), 'allow-headers has Content-Type');
      ok(/Origin/.test(yes.response.headers.get('Vary')), 'vary: origin');
      const no = await preflight('https://evil.example');
      eq(no.response.status, 204, 'preflight status for another origin');
      eq(no.response.headers.get('Access-Control-Allow-Origin'), null, 'no allow-origin for another origin');
      eq(no.response.headers.get('Access-Control-Allow-Methods'), null, 'no allow-methods for another origin');
      const none = await preflight(ORIGIN, {});
      eq(none.response.headers.get('Access-Control-Allow-Origin'), null, 'no CORS without config.cors');
      const get = await call('', { headers: { Origin: ORIGIN } }, config);
      eq(get.response.headers.get('Access-Control-Allow-Origin'), ORIGIN, 'allow-origin on the answer');
      const err = await call('', { headers: { Origin: ORIGIN, Authorization: undefined } }, config);
      eq(err.response.headers.get('Access-Control-Allow-Origin'), ORIGIN, 'allow-origin on a 401 too');
      const star = await call('', { headers: { Origin: 'https://any.example' } }, { cors: '*' });
      eq(star.response.headers.get('Access-Control-Allow-Origin'), '*', "cors: '*'");
    }],

    ['endpoint: allowAnonymous marks its answers as development only', async () => {
      const config = { authorize: undefined, allowAnonymous: true };
      const r = await call('?roomId=dev', { headers: { Authorization: undefined } }, config);
      eq(r.response.status, 200, `status (body: ${r.text})`);
      ok(/development/i.test(r.response.headers.get('X-VideoSDK-Token-Anonymous') ?? ''), 'anonymous marker header');
      checkToken(r.body, { roomId: 'dev' });
      const e = await post({ permissions: ['allow_mod'] }, config, { Authorization: undefined });
      expectError(e, 403, 'FORBIDDEN', 'permissions');
      ok(e.response.headers.get('X-VideoSDK-Token-Anonymous') !== null, 'marker on errors too');
    }],

    ['endpoint: a bad config throws, and never with the secret', async () => {
      const request = () => new Request(URL_BASE);
      const rejects = async (config, what) => {
        let error;
        try {
          await handle(request(), config);
        } catch (e) {
          error = e;
        }
        if (error === undefined) fail(`${what}: expected a rejection`);
        ok(!`${error.message}\n${error.reason}\n${error.stack}`.includes(SECRET), `${what}: the error must not contain the secret`);
        return error;
      };
      await rejects({ ...base, authorize: undefined }, 'no authorize');
      await rejects({ ...base, apiKey: '' }, 'empty apiKey');
      await rejects({ ...base, maxExpiresIn: '120' }, 'bad maxExpiresIn');
      await rejects({ ...base, allowedPermissions: ['everything'] }, 'bad allowedPermissions');
      const weak = await rejects({ ...base, secret: 'short' }, 'weak secret');
      eq(weak.code, 'WEAK_SECRET', 'weak secret code');
    }],

    ['endpoint: tokens are for meetings only (roles: rtc) unless config and grant allow another role', async () => {
      const plain = await call('?roomId=room-1');
      checkToken(plain.body, { roles: ['rtc'], version: 2 });
      const noRoom = await post({});
      checkToken(noRoom.body, { roles: ['rtc'], version: 2 });
      // crawler (the server-side API role) is not for browsers unless config allows it.
      expectError(await post({ roles: ['crawler'] }), 403, 'FORBIDDEN', 'roles');
      expectError(await call('?roles=rtc,crawler'), 403, 'FORBIDDEN', 'roles');
      const both = { allowedRoles: ['rtc', 'crawler'] };
      checkToken((await post({ roles: ['crawler'] }, both)).body, { roles: ['crawler'] });
      checkToken((await call('', {}, both)).body, { roles: ['rtc'] });
      // A grant narrows roles within allowedRoles, never beyond.
      const narrowed = { ...both, authorize: () => ({ roles: ['rtc'] }) };
      expectError(await post({ roles: ['crawler'] }, narrowed), 403, 'FORBIDDEN', 'roles');
      checkToken((await post({}, narrowed)).body, { roles: ['rtc'] });
      const crawlerOnly = { ...both, authorize: () => ({ roles: ['crawler'] }) };
      checkToken((await post({}, crawlerOnly)).body, { roles: ['crawler'] });
      const wider = { authorize: () => ({ roles: ['crawler', 'rtc'] }) };
      expectError(await post({ roles: ['crawler'] }, wider), 403, 'FORBIDDEN', 'roles');
      checkToken((await post({}, wider)).body, { roles: ['rtc'] });
    }],

    ['endpoint: a malformed grant is a 500 SERVER_ERROR, never a wider token', async () => {
      const config = { allowedPermissions: ['allow_join', 'allow_mod'], allowedRoles: ['rtc', 'crawler'] };
      const grants = [
        ['permissions: null', { permissions: null }],
        ['permissions: a string', { permissions: 'allow_join' }],
        ['permissions: a Set', { permissions: new Set(['allow_join']) }],
        ['permissions: a number in the list', { permissions: ['allow_join', 1] }],
        ['permissions: an unknown name', { permissions: ['allow_join', 'allow_everything'] }],
        ['permissions: a list with a hole', { permissions: [, 'allow_join'] }], // eslint-disable-line no-sparse-arrays
        ['roles: null', { roles: null }],
        ['roles: a string', { roles: 'rtc' }],
        ['roles: an unknown name', { roles: ['admin'] }],
        ['roomId: null', { roomId: null }],
        ['roomId: a number', { roomId: 5 }],
        ['roomId: empty', { roomId: '' }],
        ['roomId: undefined', { roomId: undefined }],
        ['participantId: an object', { participantId: { id: 'alice' } }],
        ['an unknown field', { room: 'team-room' }],
        ['a symbol key', { [Symbol('roomId')]: 'team-room' }],
        ['a getter that throws', Object.defineProperty({}, 'roomId', { enumerable: true, get() { throw new Error('getter'); } })],
        ['a string', 'user-123'],
        ['a number', 1],
        ['an array', ['allow_join']],
        ['a Map', new Map([['roomId', 'team-room']])],
        ['a class instance', new (class Grant { get roomId() { return 'team-room'; } })()],
        ['a Date', new Date()],
        ['a function', () => ({})],
      ];
      for (const [what, grant] of grants) {
        expectServerError(await post({ permissions: ['allow_mod'] }, { ...config, authorize: () => grant }), what);
        expectServerError(await call('?roles=crawler', {}, { ...config, authorize: async () => grant }), `${what} (GET)`);
      }
      // A well-formed grant still works: the 500 is about the grant, not the config.
      const fine = await post({ permissions: ['allow_mod'] }, { ...config, authorize: () => ({ permissions: ['allow_mod'], roles: ['rtc'] }) });
      checkToken(fine.body, { permissions: ['allow_mod'], roles: ['rtc'] });
    }],

    ['endpoint: a POST with a query string is a 400 naming the parameter', async () => {
      const config = { authorize: (req) => new URL(req.url).searchParams.get('roomId') === 'approved' };
      const body = JSON.stringify({ roomId: 'other-room' });
      const r = await call('?roomId=approved', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, config);
      expectError(r, 400, 'INVALID_OPTIONS', 'roomId');
      const unknown = await call('?utm_source=mail', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expectError(unknown, 400, 'INVALID_OPTIONS', 'utm_source');
      const empty = await call('?', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      eq(empty.response.status, 200, `an empty query string is no parameter (body: ${empty.text})`);
      // authorize() still comes first: a stranger learns nothing but 401.
      expectError(await call('?roomId=x', { method: 'POST', headers: { Authorization: undefined }, body: '{}' }), 401, 'UNAUTHORIZED');
    }],

    ['endpoint: the body limit counts bytes, not characters', async () => {
      // 6,000 euro signs: 18,000 bytes of UTF-8 in 6,000 UTF-16 units.
      expectError(await post({ roomId: '€'.repeat(6000) }), 413, 'PAYLOAD_TOO_LARGE', 'body');
      const under = await post({ roomId: 'r', participantId: 'é'.repeat(500) });
      eq(under.response.status, 200, `1 KB of UTF-8 is fine (body: ${under.text.slice(0, 200)})`);
    }],

    ['endpoint: a URL over 16 KiB is a 414 before anything parses it', async () => {
      let called = false;
      const config = { authorize: () => { called = true; return true; } };
      expectError(await call(`?roomId=${'r'.repeat(MAX_BODY)}`, {}, config), 414, 'URI_TOO_LONG', 'query');
      expectError(await call(`?${'q'.repeat(1024 * 1024)}=1`, {}, config), 414, 'URI_TOO_LONG', 'query');
      const postQuery = await call(`?roomId=${'r'.repeat(MAX_BODY)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, config);
      expectError(postQuery, 414, 'URI_TOO_LONG', 'query');
      ok(!called, 'authorize() is not called for a URL over the limit');
      const fine = await call(`?roomId=${'r'.repeat(1000)}&participantId=${'p'.repeat(1000)}`, {}, config);
      eq(fine.response.status, 200, `a long but reasonable URL (body: ${fine.text.slice(0, 200)})`);
    }],

    ['endpoint: a streamed body is read once, and no further than the limit', async () => {
      // A streamed body without Content-Length that would go on for 4 MiB: reading stops near the limit.
      const big = countingStream(4 * 1024 * 1024);
      const r = await send(streamed(big.stream));
      eq(r.response.status, 413, `streamed status (body: ${r.text})`);
      eq(r.body.error.code, 'PAYLOAD_TOO_LARGE', 'streamed error.code');
      ok(big.pulled > MAX_BODY, `it read up to the limit (${big.pulled} bytes pulled)`);
      ok(big.pulled <= 2 * MAX_BODY, `it stopped near the limit: ${big.pulled} bytes pulled of 4 MiB`);
      // authorize() is never handed more than the limit: it is not called for an oversized body.
      let called = false;
      const huge = countingStream(4 * 1024 * 1024);
      const r2 = await send(streamed(huge.stream), { authorize: async (req) => { called = true; return (await req.text()).length > 0; } });
      eq(r2.response.status, 413, 'streamed status with a body-reading authorize');
      ok(!called && huge.pulled <= 2 * MAX_BODY, `authorize not called, ${huge.pulled} bytes pulled`);
      // A Content-Length over the limit is refused before anything is read (where a Request keeps it).
      const declared = countingStream(4 * 1024 * 1024);
      const withLength = streamed(declared.stream, { 'Content-Length': String(4 * 1024 * 1024) });
      if (withLength.headers.has('Content-Length')) {
        expectError(await send(withLength), 413, 'PAYLOAD_TOO_LARGE', 'body');
        eq(declared.pulled, 0, 'nothing read after a Content-Length over the limit');
      }
      // A small streamed body: read once, given to authorize(), which may read it, then parsed.
      const chunks = ['{"roomId"', ': "room-', '7"}'].map((t) => new TextEncoder().encode(t));
      const small = new ReadableStream({ pull(c) { if (chunks.length) c.enqueue(chunks.shift()); else c.close(); } });
      let given;
      const s = await send(streamed(small, { 'X-Trace': 't-1' }), {
        authorize: async (req) => {
          given = { method: req.method, url: req.url, trace: req.headers.get('X-Trace'), text: await req.text() };
          return true;
        },
      });
      eq(s.response.status, 200, `small streamed body (body: ${s.text})`);
      checkToken(s.body, { roomId: 'room-7' });
      deepEq(given, { method: 'POST', url: URL_BASE, trace: 't-1', text: '{"roomId": "room-7"}' }, 'what authorize() got');
    }],

    ['endpoint: authorize() that throws or rejects is a 500 with no detail; the promise resolves', async () => {
      const secretish = 'session store down at 10.0.0.7';
      const throwing = { authorize: () => { throw new Error(secretish); } };
      expectServerError(await call('?roomId=r', {}, throwing), 'throws', ['session store', '10.0.0.7']);
      const rejecting = { authorize: async () => { throw new TypeError(secretish); } };
      expectServerError(await post({ roomId: 'r' }, rejecting), 'rejects', ['session store', '10.0.0.7']);
      const notAnError = { authorize: () => Promise.reject(secretish) };
      expectServerError(await post({}, notAnError), 'rejects with a string', ['session store']);
      const anonymous = { authorize: () => { throw new Error(secretish); }, allowAnonymous: true };
      expectServerError(await call('', {}, anonymous), 'throws, with allowAnonymous');
      const cors = await call('', { headers: { Origin: ORIGIN } }, { ...throwing, cors: '*' });
      eq(cors.response.headers.get('Access-Control-Allow-Origin'), '*', 'CORS headers on a 500 too');
    }],

    ['endpoint: echoes of caller input are at most 64 characters, once per message', async () => {
      // A name as long as the URL and body limits let it be (a longer one is a 414 or 413).
      const name = 'Q'.repeat(MAX_BODY - 100);
      for (const r of [await call(`?${name}=1`), await post(`{"${name}": 1}`)]) {
        expectError(r, 400, 'INVALID_OPTIONS');
        ok(r.text.length < 600, `a 16 KB parameter name gives a short answer (${r.text.length} characters)`);
        ok(r.body.error.field.length <= MAX_ECHO, `field is cut (${r.body.error.field.length})`);
        const echoed = r.body.error.message.match(/Q+/g) ?? [];
        eq(echoed.length, 1, 'the name is echoed once in the message');
        ok(echoed[0].length < MAX_ECHO, 'and cut');
      }
      // A long method name, where the runtime lets a Request carry one (workerd refuses
      // methods it does not know; Bun turns them into GET).
      const long = 'X-INJECTED-'.padEnd(4000, 'M');
      let kept = false;
      try {
        kept = new Request(URL_BASE, { method: long }).method === long;
      } catch {
        // not on this runtime
      }
      if (kept) {
        const method = await call('', { method: long });
        eq(method.response.status, 405, 'a long method name');
        ok(method.body.error.message.length < 200, `the method is cut (${method.body.error.message.length} characters)`);
      }
    }],

    ['endpoint: echoes of caller input escape control, line-separator and bidi characters', async () => {
      const forged = 'x\r\nFAKE: admin logged in\u2028\u2029\u202e\u2066\u0085\u001b[31m\u007f';
      const answers = [
        await call(`?${encodeURIComponent(forged)}=1`),
        await post(`{${JSON.stringify(forged)}: 1}`),
        await call(`?${encodeURIComponent(forged)}=1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
        await call(`?expiresIn=${encodeURIComponent(`1${forged}`)}`),
        await post({ expiresIn: `1${forged}` }),
        await post({ roles: [forged] }),
        await post(`{"lone\\ud800": 1}`),
      ];
      for (const r of answers) {
        ok(r.response.status >= 400 && r.response.status < 500, `a 4xx (${r.response.status}: ${r.text.slice(0, 120)})`);
        const { message, field = '' } = r.body.error;
        ok(!UNSAFE.test(message) && !UNSAFE.test(field), `no raw control, separator or bidi character in ${JSON.stringify(message)} / ${JSON.stringify(field)}`);
        ok(!/[\ud800-\udfff]/u.test(message) && !/[\ud800-\udfff]/u.test(field), 'no lone surrogate');
        ok(field.length <= MAX_ECHO, `field at most ${MAX_ECHO} characters`);
        ok(message.length <= 400, `message bounded (${message.length})`);
      }
      ok(answers[0].body.error.message.includes('\\r\\n'), `CR LF shown escaped: ${answers[0].body.error.message}`);
      ok(answers[1].body.error.message.includes('\\u{2028}'), `U+2028 shown escaped: ${answers[1].body.error.message}`);
    }],

    ['endpoint: only own properties of config and grants count (a polluted Object.prototype opens nothing)', async () => {
      await polluted({
        allowAnonymous: true,
        allowedPermissions: ['allow_join', 'ask_join', 'allow_mod'],
        allowedRoles: ['crawler', 'rtc'],
        maxExpiresIn: '30d',
        roles: ['crawler'],
      }, async () => {
        const refuse = { authorize: () => false };
        expectError(await call('?roomId=r', {}, refuse), 401, 'UNAUTHORIZED');
        expectError(await post({ permissions: ['allow_mod'] }), 403, 'FORBIDDEN', 'permissions');
        expectError(await post({ roles: ['crawler'] }), 403, 'FORBIDDEN', 'roles');
        expectError(await post({ expiresIn: '20d' }), 403, 'FORBIDDEN', 'expiresIn');
        const plain = await call('?roomId=r');
        checkToken(plain.body, { roles: ['rtc'], permissions: ['allow_join'] });
        const c = checkToken((await call('', {}, { authorize: () => ({ roomId: 'team-room' }) })).body, { roomId: 'team-room', roles: ['rtc'] });
        eq(c.exp - c.iat, 7200, 'the default maxExpiresIn, not the inherited one');
        const noAuthorize = await rejection({ apiKey: API_KEY, secret: SECRET }, 'no authorize, allowAnonymous inherited');
        eq(noAuthorize.field, 'authorize', 'field');
      });
      eq(Object.prototype.allowAnonymous, undefined, 'the prototype is restored');
    }],

    ['endpoint: every config error is a TokenError INVALID_OPTIONS with its field', async () => {
      const bads = [
        ['config', null],
        ['config', 'apiKey=x'],
        ['apiKey', { ...base, apiKey: '' }],
        ['apiKey', { ...base, apiKey: 42 }],
        ['secret', { ...base, secret: 123456789012345 }],
        ['secret', { ...base, secret: null }],
        ['authorize', { ...base, authorize: 'yes' }],
        ['authorize', { ...base, authorize: undefined }],
        ['allowAnonymous', { ...base, allowAnonymous: 'true' }],
        ['allowedPermissions', { ...base, allowedPermissions: ['everything'] }],
        ['allowedPermissions', { ...base, allowedPermissions: 'allow_join' }],
        ['allowedPermissions', { ...base, allowedPermissions: [] }],
        ['allowedRoles', { ...base, allowedRoles: ['admin'] }],
        ['allowedRoles', { ...base, allowedRoles: 'rtc' }],
        ['allowedRoles', { ...base, allowedRoles: [] }],
        ['maxExpiresIn', { ...base, maxExpiresIn: '120' }],
        ['maxExpiresIn', { ...base, maxExpiresIn: {} }],
        ['cors', { ...base, cors: 'https://app.example' }],
        ['cors', { ...base, cors: [ORIGIN, 5] }],
      ];
      for (const [field, config] of bads) {
        const e = await rejection(config, `bad ${field}`);
        ok(e instanceof lib.TokenError, `bad ${field}: a TokenError, not ${e?.name}: ${e?.message}`);
        eq(e.code, 'INVALID_OPTIONS', `bad ${field}: code (${e.message})`);
        eq(e.field, field, `bad ${field}: field (${e.message})`);
        ok(!e.message.includes('123456789012345'), 'a secret is described by its type only');
        ok(e.message.startsWith(`${form}: `), `bad ${field}: the message names the call made: ${e.message}`);
      }
      const weak = await rejection({ ...base, secret: 'short' }, 'weak secret');
      ok(weak instanceof lib.TokenError, 'weak secret: a TokenError');
      eq(weak.code, 'WEAK_SECRET', 'weak secret: code');
      eq(weak.field, 'secret', 'weak secret: field');
      ok(weak.message.startsWith(`${form}: config.secret`), `weak secret: the message names the call and the option: ${weak.message}`);
    }],

    ['endpoint: VideoSDK\'s join-time rules are a 400 naming the field and the error they avoid', async () => {
      for (const id of ['has space', 'tab\there', 'no\u00a0break', 'ideo\u3000graphic']) {
        const get = await call(`?participantId=${encodeURIComponent(id)}`);
        expectError(get, 400, 'INVALID_OPTIONS', 'participantId');
        ok(get.body.error.message.includes('error 4004 INVALID_PARTICIPANT_ID'), get.body.error.message);
        expectError(await post({ participantId: id }), 400, 'INVALID_OPTIONS', 'participantId');
      }
      const all = { allowedPermissions: ['allow_join', 'ask_join', 'allow_mod'] };
      for (const permissions of [['allow_mod', 'ask_join'], ['ask_join', 'allow_join']]) {
        const r = await post({ permissions }, all);
        expectError(r, 400, 'INVALID_OPTIONS', 'permissions');
        ok(r.body.error.message.includes('error 4008 INVALID_PERMISSIONS'), r.body.error.message);
      }
      // The same rules hold for what a grant says: a grant VideoSDK would refuse is the deployment's bug.
      expectServerError(await post({}, { authorize: () => ({ participantId: 'has space' }) }), 'grant participantId with a space');
    }],

    ['endpoint: callers cannot pass custom claims; authorize may add them for a caller', async () => {
      expectError(await post({ claims: { admin: true } }), 400, 'INVALID_OPTIONS', 'claims');
      expectError(await call('?claims=%7B%7D'), 400, 'INVALID_OPTIONS', 'claims');
      const config = { authorize: () => ({ roomId: 'team-room', claims: { name: 'Ada', team: { id: 7 } } }) };
      const r = await post({}, config);
      eq(r.response.status, 200, `status (body: ${r.text})`);
      const claims = checkToken(r.body, { roomId: 'team-room', name: 'Ada', team: { id: 7 } });
      deepEq(decodeToken(r.body.token).customClaims, { name: 'Ada', team: { id: 7 } }, 'customClaims');
      eq(Object.keys(claims).indexOf('name'), Object.keys(claims).indexOf('roles') + 1, 'after the VideoSDK claims');
      expectError(await post({ claims: { admin: true } }, config), 400, 'INVALID_OPTIONS', 'claims');
      for (const [what, claims] of [
        ['a Date', { when: new Date() }], ['a reserved name', { exp: 1 }], ['null', null], ['a string', 'Ada'],
        ['NaN', { n: NaN }], ['too large', { pad: 'x'.repeat(9000) }],
      ]) {
        expectServerError(await post({}, { authorize: () => ({ claims }) }), `grant claims: ${what}`, ['Ada']);
      }
    }],

    ['endpoint: the secret is in no answer and no header', async () => {
      ok(seen.length >= 40, `the cases above recorded their answers (${seen.length})`);
      const hex = [...new TextEncoder().encode(SECRET)].map((b) => b.toString(16).padStart(2, '0')).join('');
      for (const { status, headers, text } of seen) {
        const all = `${text}\n${headers.map(([k, v]) => `${k}: ${v}`).join('\n')}`;
        if (all.includes(SECRET) || all.includes(hex) || all.includes(btoa(SECRET))) {
          fail(`a ${status} answer carries the secret`);
        }
      }
    }],
  ];
}
