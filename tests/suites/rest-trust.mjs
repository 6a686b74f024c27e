// The API client where what it is given or answered may be hostile: ids the URL parser would
// rewrite, redirects, answers of any size, servers echoing the token, options read through a
// polluted Object.prototype. Runtime-agnostic like rest-client.mjs, run by the same runners
// against the same stand-in (the package's testing/stand-in/), steered through /__stand-in/.
//
// cases({ lib, rest: { baseUrl, fetch } }) returns [name, fn] pairs; fn throws on failure.
import { API_KEY, eq, fail, ok, SECRET } from '../support/assert.mjs';
import { restKit } from '../support/rest-kit.mjs';

export function cases({ lib, rest: { baseUrl, fetch: boundFetch } }) {
  const { VideoSDKClient, ApiError, TokenError } = lib;
  const { control, inject, requests, client, rejection } = restKit(lib, { baseUrl, fetch: boundFetch });
  const reset = () => control('reset', {});

  function isInvalid(error, field) {
    if (!(error instanceof TokenError)) fail(`expected a TokenError INVALID_OPTIONS (${field}), got ${error?.name}: ${error?.message}`);
    eq(error.code, 'INVALID_OPTIONS', `error.code (message: ${error.message})`);
    eq(error.field, field, 'error.field');
    return error;
  }

  function isApiError(error, code) {
    if (!(error instanceof ApiError)) fail(`expected an ApiError ${code}, got ${error?.name}: ${error?.message}`);
    eq(error.code, code, `error.code (message: ${error.message})`);
    return error;
  }

  return [
    ['rest trust: an id made only of dots is refused in every method, path or body, before any request', async () => {
      await reset();
      const c = client();
      for (const id of ['.', '..', '...']) {
        isInvalid(await rejection(c.rooms.get(id)), 'roomId');
        isInvalid(await rejection(c.rooms.validate(id)), 'roomId');
        isInvalid(await rejection(c.rooms.deactivate(id)), 'roomId');
        isInvalid(await rejection(c.rooms.create({ customRoomId: id })), 'customRoomId');
        isInvalid(await rejection(c.rooms.create({ allowedParticipantIds: ['ana', id] })), 'allowedParticipantIds');
        isInvalid(await rejection(c.sessions.get(id)), 'sessionId');
        isInvalid(await rejection(c.sessions.end({ roomId: id })), 'roomId');
        isInvalid(await rejection(c.sessions.end({ roomId: 'abcd-efgh-ijkl', sessionId: id })), 'sessionId');
        isInvalid(await rejection(c.sessions.removeParticipant({ roomId: 'abcd-efgh-ijkl', participantId: id })), 'participantId');
        isInvalid(await rejection(c.sessions.removeParticipant({ roomId: id, participantId: 'ana' })), 'roomId');
        let error;
        try {
          c.sessions.list({ roomId: id });
        } catch (e) {
          error = e;
        }
        isInvalid(error, 'roomId');
      }
      eq((await requests()).length, 0, 'no request was made');
      // Dots inside an id are an ordinary name: one encoded segment.
      isApiError(await rejection(c.rooms.get('a..b')), 'NOT_FOUND');
      eq((await requests())[0].path, '/v2/rooms/a..b', 'path');
      c.close();
    }],
    ['rest trust: the management token is redacted when the answer wraps it across lines or echoes its signature alone', async () => {
      const seen = {};
      const shapes = [
        (t) => `bad token ${t.slice(0, 30)}\n   ${t.slice(30)}`,
        (t) => `signature ${t.slice(t.lastIndexOf('.') + 1)} does not match`,
        (t) => `header ${t.slice(0, t.lastIndexOf('.'))}\r\n\tsignature ${t.slice(t.lastIndexOf('.') + 1)}`,
        (t) => `sig ${t.slice(t.lastIndexOf('.') + 1, -10)}\n${t.slice(-10)}`,
      ];
      for (const [i, shape] of shapes.entries()) {
        const echoing = client({ fetch: async (url, init) => {
          seen.token = init.headers.Authorization;
          return new Response(JSON.stringify({ message: shape(init.headers.Authorization) }), { status: 400 });
        } });
        const error = isApiError(await rejection(echoing.rooms.get('abcd-efgh-ijkl')), 'BAD_REQUEST');
        const signature = seen.token.slice(seen.token.lastIndexOf('.') + 1);
        const shown = `${error.message} ${error.apiMessage}`;
        ok(!shown.replace(/\s+/g, '').includes(signature), `shape ${i}: no signature, even with whitespace removed: ${error.apiMessage}`);
        ok(error.apiMessage.includes('[management token]'), `shape ${i}: a marker: ${error.apiMessage}`);
        const failing = client({ retries: 0, fetch: async (url, init) => {
          throw new TypeError(shape(init.headers.Authorization));
        } });
        const network = isApiError(await rejection(failing.rooms.get('abcd-efgh-ijkl')), 'NETWORK');
        ok(!`${network.message}`.replace(/\s+/g, '').includes(signature), `shape ${i}: not in a network failure either: ${network.message}`);
        echoing.close();
        failing.close();
      }
    }],
    ['rest trust: a redirect is never followed: BAD_RESPONSE, not retried, the target never asked', async () => {
      await reset();
      const c = client({ retries: 2 });
      const other = baseUrl.replace('127.0.0.1', 'localhost');
      // A POST answered 303 would be followed as a GET of the list: another answer taken for the room.
      await inject({ method: 'POST', path: '/v2/rooms', status: 303, location: `${baseUrl}/v2/rooms` });
      let error = isApiError(await rejection(c.rooms.create()), 'BAD_RESPONSE');
      eq(error.status, 303, 'status');
      ok(/redirect/.test(error.message), `the message says redirect: ${error.message}`);
      // Another origin would get the management token (workerd 2025-05-05 to 2025-08-31 kept it).
      for (const status of [301, 302, 307, 308]) {
        await inject({ method: 'GET', path: '/v2/rooms/', status, location: `${other}/v2/rooms/validate/abcd-efgh-ijkl` });
        error = isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), 'BAD_RESPONSE');
        eq(error.status, status, 'status');
        eq(error.attempts, 1, 'attempts');
      }
      const log = await requests();
      eq(log.map((r) => `${r.method} ${r.path}`).join(', '), ['POST /v2/rooms', ...Array(4).fill('GET /v2/rooms/abcd-efgh-ijkl')].join(', '), 'only the redirected requests reached the stand-in');
      eq(c.waits.length, 0, 'no retry was scheduled');
      c.close();
    }],

    ['rest trust: fetch is asked not to follow; a browser\'s opaque redirect (status 0) is BAD_RESPONSE', async () => {
      const modes = [];
      const c = client({ fetch: async (url, init) => {
        modes.push(init.redirect);
        return { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null };
      } });
      const error = isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), 'BAD_RESPONSE');
      eq(error.attempts, 1, 'not retried');
      eq(modes.length, 1, 'one request');
      eq(modes[0], 'manual', 'redirect');
      c.close();
    }],

    ['rest trust: an answer over 1 MiB is BAD_RESPONSE, not retried, read no further than the limit', async () => {
      await reset();
      const c = client({ retries: 2 });
      await inject({ method: 'GET', path: '/v2/rooms/', bytes: 4 * 1024 * 1024 });
      const error = isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), 'BAD_RESPONSE');
      ok(/1 MiB|1048576/.test(error.message), `the message names the limit: ${error.message}`);
      eq(error.attempts, 1, 'attempts');
      eq((await requests()).length, 1, 'one request');
      eq(c.waits.length, 0, 'no retry was scheduled');
      // A body that never ends: read chunk by chunk, and cancelled at the limit.
      const state = { pulled: 0, cancelled: false };
      const endless = client({ fetch: async () => new Response(new ReadableStream({
        pull(controller) {
          state.pulled += 65536;
          controller.enqueue(new Uint8Array(65536).fill(0x20));
        },
        cancel() {
          state.cancelled = true;
        },
      }, { highWaterMark: 0 }), { status: 200, headers: { 'Content-Type': 'application/json' } }) });
      isApiError(await rejection(endless.rooms.get('abcd-efgh-ijkl')), 'BAD_RESPONSE');
      ok(state.cancelled, 'the body was cancelled');
      ok(state.pulled <= 1024 * 1024 + 2 * 65536, `read ${state.pulled} bytes`);
      // A declared length over the limit is refused before reading.
      const declared = client({ fetch: async () => new Response(new ReadableStream({
        pull() {
          state.declaredPulled = true;
        },
      }, { highWaterMark: 0 }), { status: 200, headers: { 'Content-Length': String(2 ** 30) } }) });
      isApiError(await rejection(declared.rooms.get('abcd-efgh-ijkl')), 'BAD_RESPONSE');
      c.close();
      endless.close();
      declared.close();
    }],
    ['rest trust: apiBase is https, or http on a loopback host only; anything else throws at construction', () => {
      const base = { apiKey: API_KEY, secret: SECRET };
      for (const apiBase of ['http://api.videosdk.live', 'http://10.0.0.1:8080', 'http://localhost.evil.example',
        'http://127.0.0.1.evil.example', 'http://[::2]', 'ftp://127.0.0.1', 'https://u:p@api.example', 'https://api.example/?a=1']) {
        let error;
        try {
          new VideoSDKClient({ ...base, apiBase });
        } catch (e) {
          error = e;
        }
        isInvalid(error, 'apiBase');
      }
      for (const apiBase of ['https://api.example/prefix/', 'http://localhost:1', 'http://127.8.9.10', 'http://[::1]:9', new URL('http://127.0.0.1:2')]) {
        new VideoSDKClient({ ...base, apiBase }).close();
      }
    }],
    ['rest trust: options are own properties only: a polluted Object.prototype chooses no base, fetch, body or signal', async () => {
      const evil = [];
      const good = [];
      const polluted = {
        apiBase: 'https://evil.example', fetch: async (url) => evil.push(String(url)), retries: 'x', timeout: 'x',
        customRoomId: 'evil-room', signal: AbortSignal.abort(), webhook: { endPoint: 'https://evil.example/hook', events: ['x'] },
        query: { evil: '1' }, body: { evil: true },
      };
      const savedFetch = globalThis.fetch;
      const saved = Object.keys(polluted).map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)]);
      try {
        for (const [k, v] of Object.entries(polluted)) Object.prototype[k] = v; // eslint-disable-line no-extend-native
        // The global fetch, as a client without its own `fetch` uses it (nothing leaves this process).
        globalThis.fetch = async (url, init) => {
          good.push({ url: String(url), body: init.body });
          return new Response(JSON.stringify({ roomId: 'abcd-efgh-ijkl' }), { headers: { 'Content-Type': 'application/json' } });
        };
        const c = new VideoSDKClient({ apiKey: API_KEY, secret: SECRET });
        const room = await c.rooms.create({});
        eq(room.roomId, 'abcd-efgh-ijkl', 'the answer');
        await c.rooms.get('abcd-efgh-ijkl', {});
        c.close();
      } finally {
        globalThis.fetch = savedFetch;
        for (const [k, d] of saved) {
          if (d === undefined) delete Object.prototype[k];
          else Object.defineProperty(Object.prototype, k, d);
        }
      }
      eq(evil.length, 0, 'the inherited fetch was never called');
      eq(good.map((r) => r.url).join(' '), 'https://api.videosdk.live/v2/rooms https://api.videosdk.live/v2/rooms/abcd-efgh-ijkl', 'the default base');
      eq(good[0].body, '{}', 'no inherited field in the body');
      eq(good[1].body, undefined, 'no inherited body on a GET');
      eq({}.apiBase, undefined, 'the prototype is restored');
    }],
    ['rest trust: VideoSDK\'s error text reaches apiMessage on one line, with C1, bidi and other unsafe characters escaped', async () => {
      const c = client({ fetch: async () => new Response(JSON.stringify({ message: 'bad\u009b31m room\u202e\u2066x\u0085y\u2028z\u0000' }), { status: 400 }) });
      const error = isApiError(await rejection(c.rooms.get('abcd-efgh-ijkl')), 'BAD_REQUEST');
      ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(`${error.message}${error.apiMessage}`), `escaped: ${JSON.stringify(error.apiMessage)}`);
      ok(error.apiMessage.includes('\\u{202e}'), `as shared/text.js writes them: ${error.apiMessage}`);
      c.close();
    }],
  ];
}
