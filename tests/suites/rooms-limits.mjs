// The room endpoint's limits (handleRoomRequest): the token endpoint's HTTP discipline (16 KiB
// body read incrementally, JSON only, no query string on a POST, 405 with Allow, 414, the OPTIONS
// preflight and CORS, escaped and cut echoes) and the room ids of the path. Runtime-agnostic, run
// with the REST suites against the stand-in. cases({ lib, rest: { baseUrl, fetch } }).
import { deepEq, eq, ok } from '../support/assert.mjs';
import { ORIGIN, roomKit, UNSAFE } from '../support/rooms-kit.mjs';

const MAX_BODY = 16 * 1024;
// The core's ECHO_MAX: characters of caller input kept in any one echo.
const MAX_ECHO = 40;

/** A body that streams `total` bytes in 1 KiB chunks, counting how many were pulled. */
function countingStream(total) {
  const counter = { pulled: 0, cancelled: false };
  const fill = new Uint8Array(1024).fill(0x20); // JSON whitespace
  counter.stream = new ReadableStream({
    pull(controller) {
      if (counter.pulled >= total) {
        controller.close();
        return;
      }
      counter.pulled += fill.byteLength;
      controller.enqueue(fill.slice());
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return counter;
}

/** Whether this runtime's Request takes `method` (workerd takes the standard methods only). */
function takesMethod(method) {
  try {
    return new Request(ORIGIN, { method }).method === method;
  } catch {
    return false;
  }
}

export function cases({ lib, rest: env }) {
  const { call, config, expectError, noLeaks, setUp, upstream } = roomKit(lib, env);

  return [
    ['rooms limits: room ids in the path are checked before anything: dots only, slashes, whitespace, over 1024 bytes are a 400', async () => {
      await setUp();
      const cfg = config();
      const bad = ['...', '%2E%2E%2E', '.%2e.', 'a%2Fb', '%2F', 'a%20b', 'a%0Ab', 'x'.repeat(1025), '%C3%A9'.repeat(513), '%E0%A4%A', '%FF'];
      for (const id of bad) {
        for (const [method, path, init] of [
          ['GET', `/api/rooms/${id}/validate`], ['GET', `/api/rooms/${id}/hls`], ['POST', `/api/rooms/${id}/recording`],
          ['DELETE', `/api/rooms/${id}/recording`], ['POST', `/api/rooms/${id}/agents`, { json: { agentId: 'agent-support-1' } }],
        ]) {
          const error = expectError(await call(cfg, method, path, init), 400, 'INVALID_OPTIONS', 'roomId');
          ok(error.message.length < 300, `a short message: ${error.message.length}`);
        }
      }
      // An empty id, and an id the URL itself resolves away ('.' and '..' name another path).
      expectError(await call(cfg, 'GET', '/api/rooms//validate'), 400, 'INVALID_OPTIONS', 'roomId');
      expectError(await call(cfg, 'GET', '/api/rooms/../validate'), 404, 'NOT_FOUND');
      expectError(await call(cfg, 'GET', '/api/rooms/%2e/validate'), 404, 'NOT_FOUND');
      // A slash itself splits the path: no route.
      expectError(await call(cfg, 'GET', '/api/rooms/a/b/validate'), 404, 'NOT_FOUND');
      eq(await upstream(), 0, 'no request reached VideoSDK');
      // 1024 bytes exactly is an id (no such room: valid false); percent-encoding is decoded.
      deepEq((await call(cfg, 'GET', `/api/rooms/${'%C3%A9'.repeat(512)}/validate`)).body, { roomId: 'é'.repeat(512), valid: false }, '1024 bytes');
      deepEq((await call(cfg, 'GET', '/api/rooms/a.b%40c/validate')).body, { roomId: 'a.b@c', valid: false }, 'decoded');
    }],

    ['rooms limits: a body over 16 KiB is a 413, read no further than the limit', async () => {
      await setUp();
      const cfg = config();
      const big = JSON.stringify({ customRoomId: 'x'.repeat(MAX_BODY) });
      expectError(await call(cfg, 'POST', '/api/rooms', { body: big, headers: { 'Content-Type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE', 'body');
      const streamed = countingStream(4 * 1024 * 1024);
      expectError(await call(cfg, 'POST', '/api/rooms', { body: streamed.stream, headers: { 'Content-Type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE', 'body');
      ok(streamed.pulled <= MAX_BODY + 4 * 1024, `read no further than the limit: ${streamed.pulled} bytes pulled`);
      const declared = countingStream(1024);
      const early = await call(cfg, 'POST', '/api/rooms/r1/agents', {
        body: declared.stream, headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY + 1) },
      });
      expectError(early, 413, 'PAYLOAD_TOO_LARGE', 'body');
      // Exactly the limit is read (and here refused as JSON that is no object, not for its size).
      const full = `"${'x'.repeat(MAX_BODY - 2)}"`;
      expectError(await call(cfg, 'POST', '/api/rooms', { body: full, headers: { 'Content-Type': 'application/json' } }), 400, 'INVALID_OPTIONS', 'body');
      eq(await upstream(), 0, 'no request reached VideoSDK');
    }],

    ['rooms limits: a query string is refused: on a POST (fields come from the body), on a GET and a DELETE (they take none)', async () => {
      const { roomId } = await setUp(['ana']);
      const cfg = config();
      let seen = 0;
      const counting = config({ authorize: () => { seen += 1; return true; } });
      expectError(await call(cfg, 'POST', '/api/rooms?customRoomId=x', { json: { customRoomId: 'y' } }), 400, 'INVALID_OPTIONS', 'customRoomId');
      expectError(await call(cfg, 'POST', `/api/rooms/${roomId}/agents?agentId=agent-support-1`), 400, 'INVALID_OPTIONS', 'agentId');
      expectError(await call(cfg, 'POST', `/api/rooms/${roomId}/recording?x=1`), 400, 'INVALID_OPTIONS', 'x');
      expectError(await call(cfg, 'DELETE', `/api/rooms/${roomId}/recording?roomId=other`), 400, 'INVALID_OPTIONS', 'roomId');
      expectError(await call(counting, 'GET', `/api/rooms/${roomId}/validate?roomId=other`), 400, 'INVALID_OPTIONS', 'roomId');
      expectError(await call(counting, 'GET', `/api/rooms/${roomId}/hls?${'k'.repeat(200)}=1`), 400, 'INVALID_OPTIONS', `${'k'.repeat(MAX_ECHO - 1)}…`);
      eq(seen, 0, 'authorize never saw them');
      eq(await upstream(), 0, 'no request reached VideoSDK');
    }],

    ['rooms limits: a URL over 16 KiB is a 414; another method a 405 with Allow', async () => {
      const { roomId } = await setUp();
      const cfg = config();
      expectError(await call(cfg, 'GET', `/api/rooms/${'r'.repeat(16 * 1024)}/validate`), 414, 'URI_TOO_LONG');
      for (const [method, path, allow] of [
        ['GET', '/api/rooms', 'POST, OPTIONS'], ['PUT', '/api/rooms', 'POST, OPTIONS'], ['DELETE', '/api/rooms', 'POST, OPTIONS'],
        ['POST', `/api/rooms/${roomId}/validate`, 'GET, OPTIONS'], ['HEAD', `/api/rooms/${roomId}/validate`, 'GET, OPTIONS'],
        ['PATCH', `/api/rooms/${roomId}/hls`, 'GET, OPTIONS'], ['GET', `/api/rooms/${roomId}/agents`, 'POST, OPTIONS'],
        ['GET', `/api/rooms/${roomId}/recording`, 'POST, DELETE, OPTIONS'], ['constructor', `/api/rooms/${roomId}/recording`, 'POST, DELETE, OPTIONS'],
      ]) {
        if (!takesMethod(method)) continue;
        const result = await call(cfg, method, path);
        eq(result.status, 405, `${method} ${path}: status`);
        if (method !== 'HEAD') expectError(result, 405, 'METHOD_NOT_ALLOWED');
        eq(result.headers.get('Allow'), allow, `${method} ${path}: Allow`);
      }
      eq(await upstream(), 0, 'no request reached VideoSDK');
    }],

    ['rooms limits: OPTIONS answers the preflight with config.cors; answers carry the CORS headers', async () => {
      const { roomId } = await setUp();
      const cfg = config({ cors: [ORIGIN] });
      const pre = await call(cfg, 'OPTIONS', `/api/rooms/${roomId}/recording`, { headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'DELETE' } });
      eq(pre.status, 204, 'preflight status');
      eq(pre.text, '', 'no body');
      for (const [name, value] of [['Allow', 'POST, DELETE, OPTIONS'], ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Methods', 'POST, DELETE, OPTIONS'], ['Access-Control-Allow-Headers', 'Authorization, Content-Type'],
        ['Access-Control-Max-Age', '600']]) eq(pre.headers.get(name), value, name);
      ok(/Origin/.test(pre.headers.get('Vary')), 'Vary: Origin');
      const other = await call(cfg, 'OPTIONS', '/api/rooms', { headers: { Origin: 'https://evil.example' } });
      eq(other.status, 204, 'a preflight from another origin');
      eq(other.headers.get('Access-Control-Allow-Origin'), null, 'no CORS for another origin');
      eq(other.headers.get('Allow'), 'POST, OPTIONS', 'Allow');
      const answer = await call(cfg, 'GET', `/api/rooms/${roomId}/validate`, { headers: { Origin: ORIGIN } });
      eq(answer.headers.get('Access-Control-Allow-Origin'), ORIGIN, 'CORS on the answer');
      ok(/Retry-After/.test(answer.headers.get('Access-Control-Expose-Headers')), 'Retry-After exposed');
      const refused = await call(cfg, 'GET', '/api/rooms/.../validate', { headers: { Origin: ORIGIN } });
      eq(refused.headers.get('Access-Control-Allow-Origin'), ORIGIN, 'CORS on an error answer');
      const star = await call(config({ cors: '*' }), 'OPTIONS', '/api/rooms', { headers: { Origin: 'https://any.example' } });
      eq(star.headers.get('Access-Control-Allow-Origin'), '*', "cors: '*'");
      const none = await call(config(), 'OPTIONS', '/api/rooms', { headers: { Origin: ORIGIN } });
      eq(none.headers.get('Access-Control-Allow-Origin'), null, 'no CORS without config.cors');
      expectError(await call(config({ actions: ['room.create'] }), 'OPTIONS', `/api/rooms/${roomId}/validate`), 404, 'NOT_FOUND');
      const plain = await call(config(), 'POST', '/api/rooms');
      for (const [name, value] of [['Cache-Control', 'no-store'], ['X-Content-Type-Options', 'nosniff']]) eq(plain.headers.get(name), value, name);
    }],

    ['rooms limits: every echo of caller input is escaped and cut', async () => {
      await setUp();
      const cfg = config();
      const nasty = `evil\n\r\u2028\u202e\u0000${'x'.repeat(500)}`;
      for (const json of [{ [nasty]: 1 }, { customRoomId: nasty }, { customRoomId: `a/${nasty}` }]) {
        const error = expectError(await call(cfg, 'POST', '/api/rooms', { json }), 400, 'INVALID_OPTIONS');
        ok(!UNSAFE.test(error.message) && !UNSAFE.test(error.field), `escaped: ${JSON.stringify(error)}`);
        ok(error.message.length < 300 && error.field.length <= MAX_ECHO, `cut: ${error.message.length}, ${error.field.length}`);
        ok(/\\n/.test(error.message) || /\\n/.test(error.field), 'a line break shown as \\n');
      }
      const long = `X${'Y'.repeat(300)}`;
      if (takesMethod(long)) {
        const error = expectError(await call(cfg, long, '/api/rooms'), 405, 'METHOD_NOT_ALLOWED');
        ok(error.message.length < 150, `the method is cut: ${error.message}`);
      }
      const route = expectError(await call(cfg, 'GET', `/api/${'z'.repeat(400)}`), 404, 'NOT_FOUND');
      ok(route.message.length < 150, `the path is cut: ${route.message}`);
    }],

    ['rooms limits: no answer carried the secret or a token', () => noLeaks()],
  ];
}
