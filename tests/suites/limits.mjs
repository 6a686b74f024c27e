// The token endpoint's rateLimit, onIssue and onDeny: runtime-agnostic (web-standard
// Request/Response, no timers). cases({ lib, stores, engines }) returns [name, fn] pairs.
// `stores` is videosdk-token/stores; `engines` are the runner's real limiters beside
// memoryLimiter, each { name, limiter(limit) → a RateLimiter allowing `limit` calls a minute,
// exact (counts exactly under concurrency), retryAfter (its refusals say when) }; engines
// without a limiter are left out. Cloudflare's binding has its limit in the Worker's
// configuration: its engine gives `fixed: { limiter, limit }` instead.
// Every case uses keys of its own, so a limiter shared by every case is never confused. Every
// case runs against both forms of the endpoint (tests/support/token-endpoints.mjs).
import { API_KEY, deepEq, eq, fail, ok, SECRET } from '../support/assert.mjs';
import { forEachTokenEndpoint } from '../support/token-endpoints.mjs';

const URL_BASE = 'https://app.example/api/token';
let serial = 0;

export function cases({ lib, stores, engines = [] }) {
  // Made here: workerd allows no random values in a module's global scope.
  const run = crypto.randomUUID();
  return forEachTokenEndpoint(lib, (handle) => formCases({ lib, stores, engines }, handle, run));
}

/** The cases against `handle(request, config)`, one form of the endpoint. */
function formCases({ lib, stores, engines }, handle, run) {
  const uniqueKey = () => `${run}-${(serial += 1)}`;
  const { verifyToken } = lib;
  const base = { apiKey: API_KEY, secret: SECRET, authorize: () => true };

  async function call(config, query = '?roomId=r1', init = {}) {
    const request = new Request(URL_BASE + query, init);
    const response = await handle(request, { ...base, ...config });
    const text = await response.text();
    return { request, response, status: response.status, body: text ? JSON.parse(text) : undefined, text };
  }
  /** A rateLimit whose key is fixed for this case. */
  const limitBy = (limiter, extra = {}) => {
    const key = uniqueKey();
    return { key: () => key, limiter, ...extra };
  };
  async function rejects(config, field) {
    let error;
    try {
      await handle(new Request(URL_BASE), { ...base, ...config });
    } catch (e) {
      error = e;
    }
    ok(error instanceof lib.TokenError, `${JSON.stringify(Object.keys(config))}: a TokenError, got ${error}`);
    eq(error.code, 'INVALID_OPTIONS', 'code');
    eq(error.field, field, `field (${error.message})`);
  }
  const expect429 = (r, retryAfter) => {
    eq(r.status, 429, `status (${r.text})`);
    eq(r.body.error.code, 'RATE_LIMITED', 'code');
    eq(r.body.token, undefined, 'no token');
    eq(r.response.headers.get('Retry-After'), String(retryAfter), 'Retry-After');
  };

  const all = [
    { name: 'memoryLimiter', limiter: (limit) => stores.memoryLimiter({ limit, period: 60 }), exact: true, retryAfter: true },
    ...engines.filter((e) => e.limiter || e.fixed),
  ];
  const out = [];
  for (const engine of all) {
    const tag = `rateLimit (${engine.name})`;
    const { limiter, limit } = engine.fixed ?? { limiter: engine.limiter(3), limit: 3 };
    out.push([`${tag}: past the limit a 429 with Retry-After, no token; other keys still served`, async () => {
      const rateLimit = limitBy(limiter, { retryAfter: 7 });
      for (let i = 0; i < limit; i += 1) eq((await call({ rateLimit })).status, 200, `request ${i + 1}`);
      const r = await call({ rateLimit });
      eq(r.status, 429, 'over the limit');
      const wait = Number(r.response.headers.get('Retry-After'));
      if (engine.retryAfter) ok(wait >= 1 && wait <= 60, `the limiter's own Retry-After, got ${wait}`);
      else eq(wait, 7, "rateLimit.retryAfter when the limiter gives none");
      expect429(r, wait);
      eq((await call({ rateLimit: limitBy(limiter) })).status, 200, 'another key');
    }]);
    if (engine.exact) {
      out.push([`${tag}: concurrent requests of one key: exactly the limit served`, async () => {
        const rateLimit = limitBy(engine.limiter(5));
        const answers = await Promise.all(Array.from({ length: 12 }, () => call({ rateLimit })));
        eq(answers.filter((a) => a.status === 200).length, 5, 'served');
        eq(answers.filter((a) => a.status === 429).length, 7, 'refused');
      }]);
    }
  }

  out.push(
    ['rateLimit: key(request, grant) gets a copy of the grant, null for an anonymous caller', async () => {
      const seen = [];
      const limiter = stores.memoryLimiter({ limit: 100, period: 60 });
      const key = (request, grant) => {
        seen.push({ url: request.url, grant });
        if (grant?.participantId) grant.roomId = 'changed-by-key';
        return uniqueKey();
      };
      const r = await call({ authorize: () => ({ participantId: 'p1', roomId: 'r1' }), rateLimit: { key, limiter } });
      eq(r.status, 200, 'status');
      eq(seen[0].url, `${URL_BASE}?roomId=r1`, 'the request');
      eq(seen[0].grant.participantId, 'p1', 'grant.participantId');
      eq(verifyToken(r.body.token, SECRET).roomId, 'r1', 'a change to the copy is not signed');
      await call({ authorize: () => false, allowAnonymous: true, rateLimit: { key, limiter } });
      eq(seen[1].grant, null, 'anonymous: null');
      await call({ rateLimit: { key, limiter } });
      deepEq(seen[2].grant, {}, 'authorize answered true: {}');
    }],
    ['rateLimit: counted after authorize (a 401 is not), before parsing (a 400 is)', async () => {
      let keys = 0;
      const rateLimit = { key: () => { keys += 1; return 'k'; }, limiter: stores.memoryLimiter({ limit: 1, period: 60 }) };
      eq((await call({ authorize: () => false, rateLimit })).status, 401, 'unauthorized');
      eq(keys, 0, 'key() not called for a 401');
      const bad = await call({ rateLimit }, '?roomId=r1&bogus=1');
      eq(bad.status, 400, 'a bad request');
      const next = await call({ rateLimit });
      eq(next.status, 429, 'the 400 used the one request allowed');
      eq(keys, 2, 'key() calls');
    }],
    ['rateLimit: Retry-After from the limiter (rounded up), else rateLimit.retryAfter, else 60', async () => {
      const refusing = (extra) => ({ limit: async () => ({ success: false, ...extra }) });
      expect429(await call({ rateLimit: limitBy(refusing({ retryAfter: 2.2 })) }), 3);
      expect429(await call({ rateLimit: limitBy(refusing({})) }), 60);
      expect429(await call({ rateLimit: limitBy(refusing({ retryAfter: -1 }), { retryAfter: 5 }) }), 5);
      expect429(await call({ rateLimit: limitBy(refusing({ retryAfter: 'soon' }), { retryAfter: 5 }) }), 5);
    }],
    ['rateLimit: fails closed: a key() or limiter that throws or answers wrongly is a 500', async () => {
      const limiter = stores.memoryLimiter({ limit: 100, period: 60 });
      const broken = [
        { key: () => { throw new Error('session store down'); }, limiter },
        { key: async () => '', limiter },
        { key: () => 42, limiter },
        { key: () => 'k', limiter: { limit: async () => { throw new Error('binding down'); } } },
        { key: () => 'k', limiter: { limit: async () => ({}) } },
        { key: () => 'k', limiter: { limit: async () => ({ success: 'yes' }) } },
      ];
      for (const rateLimit of broken) {
        const r = await call({ rateLimit });
        eq(r.status, 500, 'status');
        eq(r.body.error.code, 'SERVER_ERROR', 'code');
        ok(!r.text.includes('down'), 'nothing of the exception is in the answer');
      }
    }],
    ['rateLimit: a 429 to an allowed origin exposes Retry-After to the page', async () => {
      const rateLimit = limitBy({ limit: async () => ({ success: false }) });
      // cors: '*' needs no Origin header, which browsers drop from a scripted request.
      const r = await call({ rateLimit, cors: '*' });
      expect429(r, 60);
      eq(r.response.headers.get('Access-Control-Allow-Origin'), '*', 'CORS');
      ok(/\bRetry-After\b/.test(r.response.headers.get('Access-Control-Expose-Headers') ?? ''), 'Retry-After exposed');
    }],
    ['rateLimit, onIssue, onDeny: a bad config rejects with INVALID_OPTIONS naming the option', async () => {
      const limiter = stores.memoryLimiter({ limit: 1, period: 60 });
      await rejects({ rateLimit: 5 }, 'rateLimit');
      await rejects({ rateLimit: { limiter } }, 'rateLimit');
      await rejects({ rateLimit: { key: () => 'k' } }, 'rateLimit');
      await rejects({ rateLimit: { key: () => 'k', limiter: {} } }, 'rateLimit');
      await rejects({ rateLimit: { key: () => 'k', limiter, retryAfter: 0 } }, 'rateLimit');
      await rejects({ rateLimit: { key: () => 'k', limiter, retryAfter: 1.5 } }, 'rateLimit');
      await rejects({ rateLimit: { key: () => 'k', limiter, limit: 5 } }, 'rateLimit');
      await rejects({ onIssue: 'log' }, 'onIssue');
      await rejects({ onDeny: {} }, 'onDeny');
      await rejects({ onDenied: () => {} }, 'onDenied');
    }],
    ['onIssue: once per token, with the request and the claims; never the token or the secret', async () => {
      const events = [];
      const r = await call({ onIssue: (e) => { events.push(e); } }, '?roomId=r1&participantId=p1');
      eq(events.length, 1, 'calls');
      deepEq(Object.keys(events[0]).sort(), ['claims', 'request'], 'event fields');
      eq(events[0].request, r.request, 'the request');
      deepEq(events[0].claims, verifyToken(r.body.token, SECRET), 'the claims of the token issued');
      const text = JSON.stringify(events[0].claims);
      ok(!text.includes(r.body.token.split('.')[2]) && !text.includes(SECRET), 'no token, no secret');
      await call({ onIssue: (e) => { events.push(e); }, authorize: () => false });
      eq(events.length, 1, 'not called for a refusal');
    }],
    ['onDeny: every answer of 400 or more, with its status and code; not for 200 or 204', async () => {
      const events = [];
      const onDeny = (e) => { events.push([e.status, e.code, e.request instanceof Request]); };
      await call({ onDeny });
      await call({ onDeny }, '', { method: 'OPTIONS' });
      await call({ onDeny }, '?bogus=1');
      await call({ onDeny, authorize: () => false });
      await call({ onDeny, allowedPermissions: ['allow_join'] }, '?permissions=allow_mod');
      await call({ onDeny }, '', { method: 'DELETE' });
      await call({ onDeny, rateLimit: limitBy({ limit: async () => ({ success: false }) }) });
      await call({ onDeny, authorize: () => { throw new Error('down'); } });
      deepEq(events, [
        [400, 'INVALID_OPTIONS', true], [401, 'UNAUTHORIZED', true], [403, 'FORBIDDEN', true],
        [405, 'METHOD_NOT_ALLOWED', true], [429, 'RATE_LIMITED', true], [500, 'SERVER_ERROR', true],
      ], 'onDeny events');
    }],
    ['hooks: one that throws or rejects changes no answer; the answer waits for its promise', async () => {
      const throwing = () => { throw new Error('hook bug'); };
      const rejecting = async () => { throw new Error('hook bug'); };
      for (const hook of [throwing, rejecting]) {
        const r = await call({ onIssue: hook, onDeny: hook });
        eq(r.status, 200, 'a token all the same');
        ok(typeof r.body.token === 'string', 'token');
        const d = await call({ onIssue: hook, onDeny: hook, authorize: () => false });
        eq(d.status, 401, 'a 401 all the same');
      }
      let done = false;
      await call({ onIssue: async () => { for (let i = 0; i < 10; i += 1) await null; done = true; } });
      ok(done, 'onIssue had finished before the answer');
    }],
  );
  if (!out.length) fail('no cases');
  return out;
}
