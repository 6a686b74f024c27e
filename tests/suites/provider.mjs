// The browser token provider's suite (videosdk-token/client): runtime-agnostic like every suite here
// (no node: imports, no timers of its own), with a scripted fake fetch and an injected clock, so
// every refresh rule is checked to the millisecond without waiting. The provider's own short
// retry pause is real time (≈ 0.25–0.5 s), taken by the few cases that retry.
//
// cases({ client, lib }) returns [name, fn] pairs; `client` is videosdk-token/client,
// `lib` (optional) the main entry, to check both hand out the same error class.
import { deepEq, eq, fail, ok } from '../support/assert.mjs';

const ENDPOINT = 'https://app.example/api/token';
const T0 = 1_700_000_000_000; // the injected clock's start, in milliseconds
const BOUND = 16; // the documented cache bound

/** A promise with its resolve exposed: holds a fake answer until the case lets it go. */
function gate() {
  let open;
  const promise = new Promise((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const json = (status, body, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A token as the endpoint sends one: three base64url parts, opaque to the provider. */
const tokenNo = (n) => `h.opaque-token-${n}.s`;

/**
 * A fake endpoint: `answer(call)` returns a Response (or throws, as fetch does with no network);
 * the default answers 200 with a fresh opaque token living `life` seconds from the server's clock
 * (`clock.t + skew`: the device's clock is `clock.t`), with `expiresIn`, or with `expiresAt` only
 * when `legacy` (an endpoint from before expiresIn). `latency` ms pass on the device's clock
 * between the request and its answer.
 */
function fakeEndpoint(clock, { life = 3600, answer, legacy = false, skew = 0, latency = 0 } = {}) {
  const calls = [];
  let issued = 0;
  const fetch = async (input, init) => {
    const call = { url: new URL(input), init, n: calls.length + 1 };
    calls.push(call);
    if (answer) return answer(call);
    issued += 1;
    const minted = clock.t + skew;
    clock.t += latency;
    // Opaque on purpose: the provider must not need to decode a token.
    const expiresAt = new Date(minted + life * 1000).toISOString();
    return json(200, legacy ? { token: tokenNo(issued), expiresAt } : { token: tokenNo(issued), expiresAt, expiresIn: life });
  };
  return { fetch, calls };
}

// What must never reach a message raw: C0/C1 controls, DEL, U+2028/9, bidi controls.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// Untrusted text in a message is cut to this many characters (the core's ECHO_MAX).
const ECHO_MAX = 40;

/**
 * `promise`, or a failure when it is still pending after `ms`: a guard against hanging for ever,
 * far beyond any timeout a case sets, not a timing check.
 */
async function settles(promise, what, ms = 10_000) {
  let timer;
  const guard = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

async function rejects(promise, code, what = 'getToken') {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  if (error === undefined) fail(`${what}: expected a TokenProviderError ${code}, it resolved`);
  if (error?.name !== 'TokenProviderError') fail(`${what}: expected a TokenProviderError ${code}, got ${error?.name}: ${error?.message}`);
  eq(error.code, code, `${what}: error.code (message: ${error.message})`);
  ok(typeof error.message === 'string' && error.message.length > 0, 'error.message is set');
  ok(typeof error.reason === 'string' && error.reason.length > 0, 'error.reason is set');
  return error;
}

export function cases({ client, lib }) {
  const { createTokenProvider, TokenProviderError, VideoSDKError } = client;

  /** A provider over a fake endpoint with a clock the case moves by hand. */
  function setup(options = {}, endpoint = {}) {
    const clock = { t: T0 };
    const fake = fakeEndpoint(clock, endpoint);
    const provider = createTokenProvider({ url: ENDPOINT, fetch: fake.fetch, now: () => clock.t, ...options });
    return { clock, provider, calls: fake.calls };
  }

  /**
   * The provider's first token (fetched at T0) is kept a millisecond before `refreshAt` (on the
   * injected clock) and replaced at it: one fetch, then two.
   */
  async function refreshedAt({ clock, provider, calls }, refreshAt, keptWhat, replacedWhat) {
    await provider.getToken();
    clock.t = refreshAt - 1;
    await provider.getToken();
    eq(calls.length, 1, keptWhat);
    clock.t += 1;
    await provider.getToken();
    eq(calls.length, 2, replacedWhat);
  }

  return [
    ['provider: exports createTokenProvider and TokenProviderError, a VideoSDKError', () => {
      eq(typeof createTokenProvider, 'function', 'createTokenProvider');
      const e = new TokenProviderError('NETWORK', 'm', { status: 503, field: 'f' });
      ok(e instanceof VideoSDKError && e instanceof Error, 'TokenProviderError extends VideoSDKError');
      eq(e.name, 'TokenProviderError', 'name');
      eq(e.status, 503, 'status');
      eq(e.field, 'f', 'field');
      if (lib) {
        eq(lib.TokenProviderError, TokenProviderError, 'the main entry exports the same class');
        eq(lib.VideoSDKError, VideoSDKError, 'one VideoSDKError for both entries');
      }
    }],

    ['provider: GET to the endpoint with the query parameters; the token is returned as sent', async () => {
      const { provider, calls } = setup();
      const token = await provider.getToken({ roomId: 'room-1', participantId: 'user 1', permissions: ['allow_join'], roles: ['rtc'] });
      eq(token, tokenNo(1), 'token');
      eq(calls.length, 1, 'fetches');
      const { url, init } = calls[0];
      eq(init.method, 'GET', 'method');
      eq(`${url.origin}${url.pathname}`, ENDPOINT, 'endpoint');
      deepEq([...url.searchParams], [['roomId', 'room-1'], ['participantId', 'user 1'], ['permissions', 'allow_join'], ['roles', 'rtc']], 'query');
      eq(new Headers(init.headers).get('Accept'), 'application/json', 'Accept');
      ok(init.signal && typeof init.signal.aborted === 'boolean', 'every request carries a signal (timeout, abort)');
    }],

    ['provider: one request for 50 parallel getToken calls; all get the same token', async () => {
      const hold = gate();
      const clock = { t: T0 };
      const fake = fakeEndpoint(clock);
      const provider = createTokenProvider({
        url: ENDPOINT, now: () => clock.t,
        fetch: async (input, init) => {
          await hold.promise;
          return fake.fetch(input, init);
        },
      });
      let started = 0;
      const all = Array.from({ length: 50 }, () => {
        started += 1;
        return provider.getToken({ roomId: 'r' });
      });
      eq(started, 50, 'calls started before the answer');
      hold.open();
      const tokens = await Promise.all(all);
      eq(fake.calls.length, 1, 'fetches');
      eq(new Set(tokens).size, 1, 'distinct tokens');
      eq(tokens[0], tokenNo(1), 'token');
    }],

    ['provider: equal requests share a token (list order does not matter); distinct ones do not', async () => {
      const { provider, calls } = setup();
      const a = await provider.getToken({ roomId: 'r', permissions: ['allow_mod', 'allow_join'] });
      const b = await provider.getToken({ permissions: ['allow_join', 'allow_mod', 'allow_join'], roomId: 'r' });
      eq(b, a, 'same request, same token');
      eq(calls[0].url.searchParams.get('permissions'), 'allow_join,allow_mod', 'lists are sorted and deduplicated');
      const c = await provider.getToken({ roomId: 'other' });
      const d = await provider.getToken();
      ok(c !== a && d !== a && d !== c, 'distinct requests get their own tokens');
      eq(calls.length, 3, 'fetches');
      eq(calls[2].url.search, '', 'getToken() sends no parameters');
    }],

    ['provider: refreshes refreshBefore (default 60 s) ahead of expiresAt, not a millisecond sooner', async () => {
      const { clock, provider, calls } = setup({}, { life: 3600 });
      const first = await provider.getToken();
      clock.t = T0 + (3600 - 60) * 1000 - 1;
      eq(await provider.getToken(), first, 'cached until the margin');
      eq(calls.length, 1, 'fetches before the margin');
      clock.t += 1;
      const second = await provider.getToken();
      ok(second !== first, 'a new token at the margin');
      eq(calls.length, 2, 'fetches at the margin');
      // The new token's margin counts from its own expiresAt.
      clock.t += (3600 - 60) * 1000 - 1;
      eq(await provider.getToken(), second, 'the new token is cached in turn');
      eq(calls.length, 2, 'fetches');
    }],

    ['provider: refreshBefore is in seconds and configurable', async () => {
      await refreshedAt(setup({ refreshBefore: 300 }, { life: 3600 }), T0 + 3300 * 1000, 'cached until 300 s ahead', 'refreshed 300 s ahead');
    }],

    ['provider: a token living less than twice refreshBefore is kept for half its life', async () => {
      const { clock, provider, calls } = setup({ refreshBefore: 60 }, { life: 100 });
      await refreshedAt({ clock, provider, calls }, T0 + 50_000, 'cached until half of 100 s', 'refreshed at half its life, not at every call');
      clock.t += 49_999;
      await provider.getToken();
      eq(calls.length, 2, 'the next one is kept for half its life too');
    }],

    ['provider: a token already expired when it arrives is handed out but not kept', async () => {
      // An older endpoint's expiresAt already past by this clock; expiresIn 0.
      for (const endpoint of [{ life: -30, legacy: true }, { life: 0 }]) {
        const { provider, calls } = setup({}, endpoint);
        eq(await provider.getToken(), tokenNo(1), 'token');
        eq(await provider.getToken(), tokenNo(2), 'fetched again');
        eq(calls.length, 2, 'fetches');
      }
    }],

    ['provider: expiresIn times the token from the moment its answer arrived; a device clock 3 h off changes nothing', async () => {
      const HOUR = 3600_000;
      for (const skew of [-3 * HOUR, 0, 3 * HOUR]) {
        // The server's clock is the device's plus skew (its expiresAt is hours off by the device's
        // clock); the answer arrives 2 s after the request.
        const ctx = setup({}, { life: 7200, skew, latency: 2000 });
        await refreshedAt(ctx, T0 + 2000 + (7200 - 60) * 1000, `skew ${skew / HOUR} h: kept until 60 s before expiresIn runs out`, `skew ${skew / HOUR} h: refreshed then`);
      }
    }],

    ['provider: an older endpoint (expiresAt, no expiresIn) is still timed by expiresAt', async () => {
      await refreshedAt(setup({}, { life: 3600, legacy: true }), T0 + (3600 - 60) * 1000, 'kept until 60 s before expiresAt', 'refreshed then');
    }],

    ['provider: a 4xx rejects with the endpoint\'s error code, status and field, never retried', async () => {
      for (const [status, code, field] of [[401, 'UNAUTHORIZED', undefined], [403, 'FORBIDDEN', 'permissions'], [400, 'INVALID_OPTIONS', 'roomId'], [429, 'RATE_LIMITED', undefined]]) {
        const { provider, calls } = setup({}, {
          answer: () => json(status, { error: { code, message: `said ${code}`, ...(field ? { field } : {}) } }),
        });
        const e = await rejects(provider.getToken({ roomId: 'r' }), code, `${status}`);
        eq(calls.length, 1, `${status}: fetches`);
        eq(e.status, status, 'status');
        eq(e.field, field, 'field');
        ok(e.message.includes(`said ${code}`), `the endpoint's message is kept: ${e.message}`);
        ok(e instanceof TokenProviderError && e instanceof VideoSDKError, 'a TokenProviderError, a VideoSDKError');
      }
    }],

    ['provider: a 4xx without an error code, or a 200 without {token, expiresIn or expiresAt}, is BAD_RESPONSE', async () => {
      const answers = [
        () => new Response('<h1>Not found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }),
        () => json(200, { token: 'x' }),
        () => json(200, { token: '', expiresAt: new Date(T0).toISOString() }),
        () => json(200, { token: 'x', expiresAt: 'tomorrow' }),
        // expiresIn, when sent, is what times the token: a bad one is not passed over for expiresAt.
        ...['3600', -1, null, true].map((expiresIn) => () => json(200, { token: tokenNo(1), expiresAt: new Date(T0 + 3600_000).toISOString(), expiresIn })),
        () => new Response('not json', { status: 200 }),
        () => json(400, { error: { code: 'lower case\nnot a code' } }),
      ];
      for (const [i, answer] of answers.entries()) {
        const { provider, calls } = setup({}, { answer });
        await rejects(provider.getToken(), 'BAD_RESPONSE', `answer ${i}`);
        eq(calls.length, 1, `answer ${i}: not retried`);
      }
    }],

    ['provider: the endpoint\'s error text and field are escaped and cut as every echo', async () => {
      const hostile = '\u001b[2J\u001b]0;owned\u0007\u202egnp.exe\u2028\u009b31m<img src=x onerror=alert(1)>' + 'A'.repeat(5000);
      const { provider } = setup({}, {
        answer: () => json(403, { error: { code: 'FORBIDDEN', message: hostile, field: `\u009b2J${'f'.repeat(500)}` } }),
      });
      const e = await rejects(provider.getToken(), 'FORBIDDEN');
      for (const [name, text] of [['message', e.message], ['reason', e.reason], ['field', e.field]]) {
        ok(!UNSAFE.test(text), `no raw control, separator or bidi character in ${name}: ${JSON.stringify(text)}`);
      }
      ok(e.message.includes('\\u{1b}[2J'), `escaped, not dropped: ${e.message}`);
      ok(e.reason.length <= ECHO_MAX + 2, `the endpoint's text is cut to ${ECHO_MAX} characters: ${e.reason.length}`);
      ok(e.message.length <= 100 + ECHO_MAX, `the message is bounded: ${e.message.length}`);
      ok(e.field.length <= ECHO_MAX, `the field is cut: ${e.field.length}`);
    }],

    ['provider: a failed fetch\'s own text is escaped and cut too', async () => {
      const { provider } = setup({}, {
        answer: () => { throw new TypeError(`\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\u2066${'x'.repeat(5000)}`); },
      });
      const e = await rejects(provider.getToken(), 'NETWORK');
      ok(!UNSAFE.test(e.message) && !UNSAFE.test(e.reason), `no raw control in ${JSON.stringify(e.message)}`);
      ok(e.message.length <= ENDPOINT.length + 40 + ECHO_MAX, `bounded: ${e.message.length}`);
    }],

    ['provider: a token that is not three base64url parts is BAD_RESPONSE', async () => {
      const expiresAt = new Date(T0 + 3600_000).toISOString();
      const tokens = ['opaque', 'a.b', 'a.b.c.d', 'a..c', '.b.c', 'a.b.c\n', ' a.b.c', 'a.b.c<script>', 'a+b.c.d', 'a.b.c=', 'a.b.\u202ec', 7, null];
      for (const token of tokens) {
        const { provider, calls } = setup({}, { answer: () => json(200, { token, expiresAt, expiresIn: 3600 }) });
        await rejects(provider.getToken(), 'BAD_RESPONSE', JSON.stringify(token));
        eq(calls.length, 1, `${JSON.stringify(token)}: not retried`);
      }
    }],

    ['provider: a 5xx is retried once: SERVER_ERROR after two, a token if the second works', async () => {
      let { provider, calls } = setup({}, { answer: () => json(503, { error: { code: 'SERVER_ERROR' } }) });
      const e = await rejects(provider.getToken(), 'SERVER_ERROR');
      eq(e.status, 503, 'status');
      eq(calls.length, 2, 'fetches');

      ({ provider, calls } = setup({}, {
        answer: (call) => (call.n === 1 ? json(500, {}) : json(200, { token: 'h.second-try.s', expiresAt: new Date(T0 + 3600_000).toISOString() })),
      }));
      eq(await provider.getToken(), 'h.second-try.s', 'token after one retry');
      eq(calls.length, 2, 'fetches');
    }],

    ['provider: a 5xx asking (Retry-After) for more than 5 s is not retried', async () => {
      const { provider, calls } = setup({}, { answer: () => json(503, {}, { 'Retry-After': '120' }) });
      await rejects(provider.getToken(), 'SERVER_ERROR');
      eq(calls.length, 1, 'fetches');
    }],

    ['provider: a network failure is retried once: NETWORK after two, with the cause', async () => {
      let { provider, calls } = setup({}, { answer: () => { throw new TypeError('Failed to fetch'); } });
      const e = await rejects(provider.getToken(), 'NETWORK');
      eq(calls.length, 2, 'fetches');
      ok(e.cause instanceof TypeError, 'cause is the fetch error');
      eq(e.status, undefined, 'no status without an answer');
      ok(e.message.includes('Failed to fetch') && e.message.includes(ENDPOINT), `message says what and where: ${e.message}`);

      ({ provider, calls } = setup({}, {
        answer: (call) => {
          if (call.n === 1) throw new TypeError('Failed to fetch');
          return json(200, { token: 'h.after-network.s', expiresAt: new Date(T0 + 3600_000).toISOString() });
        },
      }));
      eq(await provider.getToken(), 'h.after-network.s', 'token after one retry');
    }],

    ['provider: a request with no answer within timeout is a NETWORK failure', async () => {
      const { provider, calls } = setup({ timeout: 0.02 }, {
        answer: (call) => new Promise((_, reject) => {
          call.init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      });
      const e = await rejects(provider.getToken(), 'NETWORK');
      ok(e.message.includes('no answer in 0.02 s'), `message: ${e.message}`);
      eq(calls.length, 1, 'timeout bounds the whole call: no second try after it');

      // Headers in time, then a body that stalls: the timeout covers reading the answer too.
      const stalled = setup({ timeout: 0.02 }, {
        answer: (call) => new Response(new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"token": "partial'));
            call.init.signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
      });
      await rejects(stalled.provider.getToken(), 'NETWORK', 'a stalled body');
      eq(stalled.calls.length, 1, 'tried once');
    }],

    ['provider: timeout bounds the whole getToken(), whatever ignores the signal', async () => {
      const never = () => new Promise(() => {});
      const cases = [
        ['a fetch that ignores its signal', {}, { answer: never }],
        ['a body that never ends and ignores the signal', {}, {
          answer: () => new Response(new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"token": "'));
            },
          }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
        }],
        ['an init() that never settles', { init: never }, {}],
      ];
      for (const [what, options, endpoint] of cases) {
        const { provider } = setup({ timeout: 0.05, ...options }, endpoint);
        const e = await rejects(settles(provider.getToken(), what), 'NETWORK', what);
        ok(e.message.includes('no answer in 0.05 s'), `${what}: ${e.message}`);
      }
      // A retry whose pause would pass the deadline: the call ends at the deadline with the failure.
      const { provider, calls } = setup({ timeout: 0.05 }, { answer: () => json(503, {}, { 'Retry-After': '5' }) });
      const e = await rejects(settles(provider.getToken(), 'a 503 asking for 5 s'), 'SERVER_ERROR', 'a 503 asking for 5 s');
      eq(e.status, 503, 'status');
      eq(calls.length, 1, 'no try after the deadline');
    }],

    ['provider: an answer over 64 KiB is BAD_RESPONSE, read no further', async () => {
      // A valid answer, then 1 MiB of white space (JSON allows it): it ends, so that a provider
      // reading whole answers costs this case a megabyte, not the machine's memory.
      const CHUNKS = 64;
      let pulled = 0;
      const { provider, calls } = setup({}, {
        answer: () => new Response(new ReadableStream({
          pull(controller) {
            pulled += 1;
            if (pulled === 1) controller.enqueue(new TextEncoder().encode(JSON.stringify({ token: tokenNo(1), expiresIn: 3600 })));
            else if (pulled <= CHUNKS) controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
            else controller.close();
          },
        }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
      });
      await rejects(settles(provider.getToken(), 'an endless body'), 'BAD_RESPONSE');
      eq(calls.length, 1, 'not retried');
      ok(pulled <= 8, `pulled ${pulled} chunks of 16 KiB`);
    }],

    ['provider: a failure is not cached: the next call asks again', async () => {
      const { provider, calls } = setup({}, {
        answer: (call) => (call.n === 1 ? json(401, { error: { code: 'UNAUTHORIZED', message: 'log in' } }) : json(200, { token: 'h.now-ok.s', expiresAt: new Date(T0 + 3600_000).toISOString() })),
      });
      await rejects(provider.getToken(), 'UNAUTHORIZED');
      eq(await provider.getToken(), 'h.now-ok.s', 'token');
      eq(calls.length, 2, 'fetches');
    }],

    ['provider: concurrent callers share a failure too', async () => {
      const { provider, calls } = setup({}, { answer: () => json(403, { error: { code: 'FORBIDDEN', message: 'no' } }) });
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => provider.getToken()));
      ok(results.every((r) => r.status === 'rejected' && r.reason.code === 'FORBIDDEN'), 'all rejected with FORBIDDEN');
      eq(calls.length, 1, 'fetches');
    }],

    ['provider: invalidate() forgets every token; invalidate(request) just that one', async () => {
      const { provider, calls } = setup();
      const a = await provider.getToken({ roomId: 'a' });
      const b = await provider.getToken({ roomId: 'b' });
      provider.invalidate({ roomId: 'a' });
      ok((await provider.getToken({ roomId: 'a' })) !== a, 'a fetched again');
      eq(await provider.getToken({ roomId: 'b' }), b, 'b still cached');
      eq(calls.length, 3, 'fetches');
      provider.invalidate();
      ok((await provider.getToken({ roomId: 'b' })) !== b, 'b fetched again after invalidate()');
      eq(calls.length, 4, 'fetches');
    }],

    ['provider: an answer to a request sent before invalidate() is handed out but not kept', async () => {
      const hold = gate();
      const clock = { t: T0 };
      const fake = fakeEndpoint(clock);
      let first = true;
      const provider = createTokenProvider({
        url: ENDPOINT, now: () => clock.t,
        fetch: async (input, init) => {
          if (first) {
            first = false;
            await hold.promise;
          }
          return fake.fetch(input, init);
        },
      });
      const waiting = provider.getToken();
      provider.invalidate();
      hold.open();
      eq(await waiting, tokenNo(1), 'the waiting caller gets its answer');
      eq(await provider.getToken(), tokenNo(2), 'but it was not cached');
    }],

    [`provider: the cache holds ${BOUND} distinct requests, dropping the least recently used`, async () => {
      const { provider, calls } = setup();
      for (let i = 0; i < BOUND; i += 1) await provider.getToken({ roomId: `room-${i}` });
      eq(calls.length, BOUND, 'one fetch each');
      await provider.getToken({ roomId: 'room-0' }); // now the most recently used
      eq(calls.length, BOUND, `all ${BOUND} cached`);
      await provider.getToken({ roomId: `room-${BOUND}` }); // one more: room-1 goes
      eq(calls.length, BOUND + 1, 'fetches');
      await provider.getToken({ roomId: 'room-0' });
      await provider.getToken({ roomId: `room-${BOUND}` });
      for (let i = 2; i < BOUND; i += 1) await provider.getToken({ roomId: `room-${i}` });
      eq(calls.length, BOUND + 1, 'the others are still cached');
      await provider.getToken({ roomId: 'room-1' });
      eq(calls.length, BOUND + 2, 'the least recently used was dropped');
    }],

    ['provider: init adds headers and credentials; a function is called per token fetched', async () => {
      let { provider, calls } = setup({ init: { headers: { Authorization: 'Bearer abc' }, credentials: 'include', method: 'POST' } });
      await provider.getToken();
      const headers = new Headers(calls[0].init.headers);
      eq(headers.get('Authorization'), 'Bearer abc', 'Authorization');
      eq(headers.get('Accept'), 'application/json', 'Accept');
      eq(calls[0].init.credentials, 'include', 'credentials');
      eq(calls[0].init.method, 'GET', 'the method is always GET');

      let n = 0;
      ({ provider, calls } = setup({ init: async () => ({ headers: [['Authorization', `Bearer session-${++n}`]] }) }));
      await provider.getToken({ roomId: 'a' });
      await provider.getToken({ roomId: 'a' });
      await provider.getToken({ roomId: 'b' });
      deepEq(calls.map((c) => new Headers(c.init.headers).get('Authorization')), ['Bearer session-1', 'Bearer session-2'], 'fresh init per fetch');
    }],

    ['provider: signal stops it: the request on its way and every later call reject with ABORTED', async () => {
      const controller = new AbortController();
      const seen = [];
      const clock = { t: T0 };
      const provider = createTokenProvider({
        url: ENDPOINT, now: () => clock.t, signal: controller.signal,
        fetch: (input, init) => {
          seen.push(init.signal);
          return new Promise((_, reject) => {
            init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          });
        },
      });
      const waiting = provider.getToken();
      eq(seen.length, 1, 'the request was sent');
      controller.abort(new Error('page closed'));
      ok(seen[0].aborted, 'the fetch is cancelled at once, not at its timeout');
      const e = await rejects(waiting, 'ABORTED');
      eq(e.cause?.message, 'page closed', 'cause is the abort reason');
      await rejects(provider.getToken(), 'ABORTED', 'a later call');
      eq(seen.length, 1, 'no request after the abort');
    }],

    ['provider: a signal aborted during the retry pause rejects at once with ABORTED', async () => {
      const controller = new AbortController();
      const clock = { t: T0 };
      let calls = 0;
      const provider = createTokenProvider({
        url: ENDPOINT, now: () => clock.t, signal: controller.signal,
        fetch: async () => {
          calls += 1;
          queueMicrotask(() => controller.abort());
          return json(503, {});
        },
      });
      await rejects(provider.getToken(), 'ABORTED');
      eq(calls, 1, 'no retry after the abort');
    }],

    ['provider: bad options are INVALID_OPTIONS naming the option', async () => {
      const bad = [
        [{ refreshBefore: '60' }, 'refreshBefore'],
        [{ refreshBefore: -1 }, 'refreshBefore'],
        [{ refreshBefore: Infinity }, 'refreshBefore'],
        [{ timeout: 0 }, 'timeout'],
        [{ fetch: 'no' }, 'fetch'],
        [{ init: null }, 'init'],
        [{ signal: {} }, 'signal'],
        [{ now: 5 }, 'now'],
        [{ url: 'http://[bad' }, 'url'],
        [{ url: null }, 'url'],
        [{ signal: null }, 'signal'],
      ];
      for (const [options, field] of bad) {
        let error;
        try {
          createTokenProvider({ url: ENDPOINT, ...options });
        } catch (e) {
          error = e;
        }
        ok(error instanceof TokenProviderError, `${JSON.stringify(options)}: a TokenProviderError, got ${error}`);
        eq(error.code, 'INVALID_OPTIONS', 'code');
        eq(error.field, field, 'field');
      }
    }],

    ['provider: a path is resolved against the page at the first getToken, not at construction', async () => {
      // Where there is no page (a server rendering a module that makes its provider at the top),
      // construction must not throw; a stand-in page is put up for the call, as the browser has one.
      const clock = { t: T0 };
      const fake = fakeEndpoint(clock);
      const noPage = globalThis.location === undefined;
      const provider = createTokenProvider({ url: '/api/token', fetch: fake.fetch, now: () => clock.t });
      createTokenProvider({ fetch: fake.fetch }); // the default url is a path too
      if (noPage) {
        const e = await rejects(provider.getToken(), 'INVALID_OPTIONS', 'getToken with no page');
        eq(e.field, 'url', 'field');
        eq(fake.calls.length, 0, 'nothing sent without a page');
        Object.defineProperty(globalThis, 'location', { value: { href: 'https://page.example/room/1?x=1' }, configurable: true });
      }
      let page;
      try {
        page = globalThis.location.href;
        await provider.getToken({ roomId: 'r' });
      } finally {
        if (noPage) delete globalThis.location;
      }
      const sent = fake.calls[0].url;
      eq(`${sent.origin}${sent.pathname}`, new URL('/api/token', page).href, 'resolved against the page');
      eq(sent.searchParams.get('roomId'), 'r', 'query');
      if (noPage) {
        clock.t += 3600_000; // expired: fetched again, at the same endpoint although the page is gone
        await provider.getToken({ roomId: 'r' });
        eq(fake.calls[1].url.href, sent.href, 'the first resolution is kept');
      }
    }],

    ['provider: bad getToken requests reject with INVALID_OPTIONS and send nothing', async () => {
      const { provider, calls } = setup();
      const bad = [
        [{ room: 'r' }, 'room'],
        [{ roomId: '' }, 'roomId'],
        [{ roomId: 7 }, 'roomId'],
        [{ permissions: 'allow_join' }, 'permissions'],
        [{ permissions: [] }, 'permissions'],
        [{ roles: ['rtc,crawler'] }, 'roles'],
        ['room', 'request'],
      ];
      for (const [request, field] of bad) {
        const e = await rejects(provider.getToken(request), 'INVALID_OPTIONS', JSON.stringify(request));
        eq(e.field, field, 'field');
      }
      eq(calls.length, 0, 'fetches');
      const { provider: p2 } = setup({ init: { signal: new AbortController().signal } });
      const e = await rejects(p2.getToken(), 'INVALID_OPTIONS', 'init.signal');
      eq(e.field, 'init', 'field');
    }],

    ['provider: a polluted Object.prototype adds nothing to a request', async () => {
      const { provider, calls } = setup();
      Object.prototype.roomId = 'polluted';
      try {
        await provider.getToken();
      } finally {
        delete Object.prototype.roomId;
      }
      eq(calls[0].url.search, '', 'query');
    }],

    ['provider: a clock that is not a number fails as INVALID_OPTIONS', async () => {
      const provider = createTokenProvider({ url: ENDPOINT, fetch: fakeEndpoint({ t: T0 }).fetch, now: () => NaN });
      const e = await rejects(provider.getToken(), 'INVALID_OPTIONS');
      eq(e.field, 'now', 'field');
    }],

  ];
}
