// The token endpoint's behaviour suite: runtime-agnostic like suite.mjs (web-standard Request and
// Response only, no timers), so it runs on Node, Deno, Bun, workerd and edge-runtime alike.
// endpointCases(lib) returns [name, fn] pairs; fn throws on failure.
import { API_KEY, AssertionError, deepEq, eq, ok, SECRET } from './suite.mjs';

const URL_BASE = 'https://app.example/api/token';
const BEARER = 'caller-credential-7f3a';
const ORIGIN = 'https://app.example';

function fail(message) {
  throw new AssertionError(message);
}

export function endpointCases(lib) {
  const { handleTokenRequest, verifyToken, decodeToken } = lib;
  // Every answer any case gets is kept, to check at the end that none carries the secret.
  const seen = [];

  const authorize = (request) => request.headers.get('Authorization') === `Bearer ${BEARER}`;
  const base = { apiKey: API_KEY, secret: SECRET, authorize };

  async function call(input, init = {}, config = {}) {
    const headers = { Authorization: `Bearer ${BEARER}`, ...init.headers };
    for (const [k, v] of Object.entries(headers)) if (v === undefined) delete headers[k];
    const request = new Request(input.startsWith('http') ? input : URL_BASE + input, { ...init, headers });
    const response = await handleTokenRequest(request, { ...base, ...config });
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
    return claims;
  }

  return [
    ['endpoint: exports handleTokenRequest', () => eq(typeof handleTokenRequest, 'function', 'handleTokenRequest')],

    ['endpoint: 200 for GET with query parameters; the token verifies', async () => {
      const r = await call('?roomId=room-1&participantId=user-1&permissions=allow_join');
      eq(r.response.status, 200, `status (body: ${r.text})`);
      eq(r.response.headers.get('Content-Type'), 'application/json; charset=utf-8', 'content-type');
      eq(r.response.headers.get('Cache-Control'), 'no-store', 'cache-control');
      eq(r.response.headers.get('X-VideoSDK-Token-Anonymous'), null, 'no anonymous marker');
      deepEq(Object.keys(r.body), ['token', 'expiresAt'], 'body keys');
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
      expectError(await call('?roomId=other-room', {}, config), 403, 'FORBIDDEN', 'roomId');
      expectError(await post({ participantId: 'mallory' }, config), 403, 'FORBIDDEN', 'participantId');
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
          await handleTokenRequest(request(), config);
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
