// createTokenHandler's own cases: what a handler that lives across requests adds to the endpoint
// (the endpoint and limits suites run every other case against it and handleTokenRequest alike).
// Its config is read once, when it is made, and a bad one throws there, synchronously; one
// handler serves many requests, in turn or at once, as handleTokenRequest answers each; free()
// (and Symbol.dispose) ends it; the secret is in no message. Runtime-agnostic (web-standard
// Request/Response, no timers). cases({ lib }) returns [name, fn] pairs.
import { API_KEY, deepEq, eq, fail, ok, SECRET, throwsCode } from '../support/assert.mjs';

const URL_BASE = 'https://app.example/api/token';
const ORIGIN = 'https://app.example';

export function cases({ lib }) {
  const { createTokenHandler, handleTokenRequest, verifyToken, TokenError } = lib;
  const base = { apiKey: API_KEY, secret: SECRET, authorize: () => true };

  /** Status, headers and body of an answer; a token in the body as its claims but the clock's. */
  async function shape(response) {
    const text = response.status === 204 ? '' : await response.text();
    let body = text;
    if (response.status === 200) {
      const { token, ...rest } = JSON.parse(text);
      const { iat, exp, ...claims } = verifyToken(token, SECRET, { apiKey: API_KEY });
      body = { ...rest, expiresAt: typeof rest.expiresAt, claims, life: exp - iat };
    }
    return { status: response.status, headers: [...response.headers], body };
  }

  /** The rejection of `promise`, which must reject. */
  async function rejectionOf(promise, what) {
    try {
      await promise;
    } catch (e) {
      return e;
    }
    return fail(`${what}: expected a rejection`);
  }

  // What each case asks: the same requests, made fresh for each form (a body is read once).
  const requests = () => [
    new Request(`${URL_BASE}?roomId=room-1&participantId=p-1`, { headers: { Origin: ORIGIN } }),
    new Request(URL_BASE, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"roomId": "room-2", "expiresIn": "10m"}' }),
    new Request(`${URL_BASE}?expiresIn=7201s`),
    new Request(`${URL_BASE}?permissions=allow_mod`),
    new Request(`${URL_BASE}?permissions=allow_join,ask_join`, { headers: { Origin: 'https://other.example' } }),
    new Request(`${URL_BASE}?bogus=1`),
    new Request(URL_BASE, { method: 'DELETE' }),
    new Request(URL_BASE, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' } }),
    new Request(URL_BASE, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"roomId": "${'x'.repeat(20000)}"}` }),
    new Request(`${URL_BASE}?roomId=denied`),
  ];
  const config = () => ({
    ...base,
    authorize: (request) => new URL(request.url).searchParams.get('roomId') !== 'denied',
    allowedPermissions: ['allow_join', 'ask_join'],
    cors: [ORIGIN],
  });

  return [
    ['createTokenHandler: a function answering (request) → Promise<Response>, with free()', async () => {
      eq(typeof createTokenHandler, 'function', 'createTokenHandler');
      const handler = createTokenHandler(base);
      try {
        eq(typeof handler, 'function', 'the handler');
        eq(typeof handler.free, 'function', 'handler.free');
        if (typeof Symbol.dispose === 'symbol') eq(handler[Symbol.dispose], handler.free, 'handler[Symbol.dispose]');
        const answer = handler(new Request(`${URL_BASE}?roomId=r`));
        ok(answer instanceof Promise, 'a promise');
        eq((await answer).status, 200, 'status');
      } finally {
        handler.free();
      }
    }],

    ['createTokenHandler: one handler answers request after request as handleTokenRequest does', async () => {
      const handler = createTokenHandler(config());
      try {
        const ours = [];
        for (const request of requests()) ours.push(await shape(await handler(request)));
        const theirs = [];
        for (const request of requests()) theirs.push(await shape(await handleTokenRequest(request, config())));
        deepEq(ours.map((a) => a.status), [200, 200, 403, 403, 400, 400, 405, 204, 413, 401], 'statuses');
        for (let i = 0; i < ours.length; i += 1) deepEq(ours[i], theirs[i], `answer ${i + 1} (${theirs[i].status})`);
      } finally {
        handler.free();
      }
    }],

    ['createTokenHandler: concurrent requests to one handler each get their own token', async () => {
      const handler = createTokenHandler({ ...base, maxExpiresIn: '30m' });
      try {
        const ids = Array.from({ length: 16 }, (_, i) => `room-${i}`);
        const answers = await Promise.all(ids.map((id, i) => handler(new Request(`${URL_BASE}?roomId=${id}&expiresIn=${60 * (i + 1)}s`))));
        for (let i = 0; i < ids.length; i += 1) {
          eq(answers[i].status, 200, `request ${i + 1}`);
          const claims = verifyToken((await answers[i].json()).token, SECRET, { apiKey: API_KEY, roomId: ids[i] });
          eq(claims.exp - claims.iat, 60 * (i + 1), `request ${i + 1}: its own lifetime`);
        }
      } finally {
        handler.free();
      }
    }],

    ['createTokenHandler: each config property is read once, when the handler is made', async () => {
      const reads = {};
      const counted = (values) => {
        const config = {};
        for (const [name, value] of Object.entries(values)) {
          reads[name] = 0;
          Object.defineProperty(config, name, { enumerable: true, get: () => { reads[name] += 1; return value; } });
        }
        return config;
      };
      const events = [];
      const handler = createTokenHandler(counted({
        apiKey: API_KEY, secret: SECRET, authorize: () => ({ participantId: 'p-1' }), allowAnonymous: false,
        allowedPermissions: ['allow_join'], allowedRoles: ['rtc'], maxExpiresIn: '1h', cors: '*',
        rateLimit: { key: () => 'k', limiter: { limit: async () => ({ success: true }) } },
        onIssue: (e) => { events.push(e.claims.participantId); }, onDeny: () => {},
      }));
      try {
        const once = Object.fromEntries(Object.keys(reads).map((name) => [name, 1]));
        deepEq(reads, once, 'reads when made');
        for (let i = 0; i < 5; i += 1) {
          const r = await handler(new Request(`${URL_BASE}?roomId=r${i}`));
          eq(r.status, 200, `request ${i + 1}`);
          eq(r.headers.get('Access-Control-Allow-Origin'), '*', `request ${i + 1}: cors as read`);
        }
        eq((await handler(new Request(`${URL_BASE}?expiresIn=2h`))).status, 403, 'maxExpiresIn as read');
        deepEq(reads, once, 'reads after six requests');
        deepEq(events, Array(5).fill('p-1'), 'onIssue and authorize as read');
      } finally {
        handler.free();
      }
    }],

    ['createTokenHandler: later changes to the config object, or to the secret\'s bytes, change nothing', async () => {
      const secret = new TextEncoder().encode(SECRET);
      const allowedPermissions = ['allow_join'];
      const config = { apiKey: API_KEY, secret, authorize: () => true, allowedPermissions, maxExpiresIn: '1h' };
      const handler = createTokenHandler(config);
      try {
        config.authorize = () => false;
        config.maxExpiresIn = '30d';
        config.apiKey = 'another-key';
        allowedPermissions.push('allow_mod');
        secret.fill(0);
        const r = await handler(new Request(`${URL_BASE}?roomId=r`));
        eq(r.status, 200, 'authorize as it was');
        const claims = verifyToken((await r.json()).token, SECRET, { apiKey: API_KEY });
        eq(claims.exp - claims.iat, 3600, 'maxExpiresIn as it was');
        eq((await handler(new Request(`${URL_BASE}?permissions=allow_mod`))).status, 403, 'allowedPermissions as they were');
        eq((await handler(new Request(`${URL_BASE}?expiresIn=2h`))).status, 403, 'the cap as it was');
      } finally {
        handler.free();
      }
    }],

    ['createTokenHandler: a bad config throws synchronously, naming createTokenHandler and the option', () => {
      const bads = [
        ['config', null, 'INVALID_OPTIONS'],
        ['apiKey', { ...base, apiKey: '' }, 'INVALID_OPTIONS'],
        ['secret', { ...base, secret: 123456789012345 }, 'INVALID_OPTIONS'],
        ['secret', { ...base, secret: 'short' }, 'WEAK_SECRET'],
        ['authorize', { apiKey: API_KEY, secret: SECRET }, 'INVALID_OPTIONS'],
        ['allowedRoles', { ...base, allowedRoles: [] }, 'INVALID_OPTIONS'],
        ['maxExpiresIn', { ...base, maxExpiresIn: '120' }, 'INVALID_OPTIONS'],
        ['maxExpiresIn', { ...base, maxExpiresIn: '400d' }, 'INVALID_OPTIONS'],
        ['cors', { ...base, cors: 'https://app.example' }, 'INVALID_OPTIONS'],
        ['rateLimit', { ...base, rateLimit: { key: () => 'k' } }, 'INVALID_OPTIONS'],
        ['onIssue', { ...base, onIssue: 'log' }, 'INVALID_OPTIONS'],
        ['maxExpiresin', { ...base, maxExpiresin: '1h' }, 'INVALID_OPTIONS'],
        ['apiKey', Object.defineProperty({ ...base }, 'apiKey', { enumerable: true, get() { throw new Error(SECRET); } }), 'INVALID_OPTIONS'],
      ];
      for (const [field, config, code] of bads) {
        const e = throwsCode(lib, () => createTokenHandler(config), code, field);
        ok(e.message.startsWith('createTokenHandler'), `bad ${field}: the message names createTokenHandler: ${e.message}`);
        ok(!e.message.includes('handleTokenRequest'), `bad ${field}: and not handleTokenRequest: ${e.message}`);
        ok(!e.message.includes('123456789012345'), `bad ${field}: a secret is described by its type only`);
      }
    }],

    ['createTokenHandler: after free() a call rejects with INVALID_OPTIONS saying to make a new handler', async () => {
      const handler = createTokenHandler(base);
      eq((await handler(new Request(`${URL_BASE}?roomId=r`))).status, 200, 'before free()');
      handler.free();
      handler.free(); // a second free() is harmless
      const e = await rejectionOf(handler(new Request(`${URL_BASE}?roomId=r`)), 'after free()');
      ok(e instanceof TokenError, `a TokenError, not ${e?.name}: ${e?.message}`);
      eq(e.code, 'INVALID_OPTIONS', 'code');
      ok(/createTokenHandler/.test(e.message) && /new/.test(e.message), `the message says to make a new handler: ${e.message}`);
      ok(!`${e.message}\n${e.stack}`.includes(SECRET), 'no secret in the error');
      if (typeof Symbol.dispose === 'symbol') {
        const disposed = createTokenHandler(base);
        disposed[Symbol.dispose]();
        eq((await rejectionOf(disposed(new Request(URL_BASE)), 'after Symbol.dispose'))?.code, 'INVALID_OPTIONS', 'Symbol.dispose frees it');
      }
    }],

    ['createTokenHandler: a request in flight when the handler is freed answers 500, never a token', async () => {
      let handler;
      const denied = [];
      handler = createTokenHandler({ ...base, authorize: () => { handler.free(); return true; }, onDeny: (e) => { denied.push(e.code); } });
      const r = await handler(new Request(`${URL_BASE}?roomId=r`));
      eq(r.status, 500, 'status');
      const body = await r.json();
      eq(body.error.code, 'SERVER_ERROR', 'code');
      eq(body.token, undefined, 'no token');
      deepEq(denied, ['SERVER_ERROR'], 'onDeny saw it');
      eq((await rejectionOf(handler(new Request(URL_BASE)), 'the next call'))?.code, 'INVALID_OPTIONS', 'the next call rejects');
    }],

    ['createTokenHandler: a request that is not a Request rejects, naming the handler', async () => {
      const handler = createTokenHandler(base);
      try {
        for (const request of [undefined, 'https://app.example/api/token', {}]) {
          const e = await rejectionOf(handler(request), `request ${typeof request}`);
          ok(e instanceof TokenError, `a TokenError, not ${e?.name}`);
          eq(e.field, 'request', 'field');
          ok(e.message.startsWith("createTokenHandler's handler"), `names the handler: ${e.message}`);
        }
        eq((await handler(new Request(`${URL_BASE}?roomId=r`))).status, 200, 'the handler still serves');
      } finally {
        handler.free();
      }
    }],
  ];
}
