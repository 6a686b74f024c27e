// handleTokenRequest, and a handler from createTokenHandler, behind Deno.serve, as a Deno
// deployment runs them. The requests Deno.serve
// hands over are not the ones the shared suites build: Deno watches whether their `signal` is
// read (and then prints a legacy-behaviour notice once the answer is sent). The driver,
// tests/runtimes/deno-serve.mjs, runs this with network to 127.0.0.1 only and fails on any
// output to standard error: the endpoint itself logs nothing.
import { createTokenHandler, handleTokenRequest, verifyToken } from 'videosdk-token';

// Test values only: never a real key or secret.
const API_KEY = 'deno-serve-test-key';
const SECRET = 'deno-serve-test-secret-0123456789abcdef0123456789';
const BEARER = 'Bearer deno-serve-caller';

// authorize() reads the POST body, as a deployment checking a signed form would.
const config = {
  apiKey: API_KEY,
  secret: SECRET,
  authorize: async (request) => {
    if (request.headers.get('Authorization') !== BEARER) return false;
    if (request.method === 'POST') await request.json();
    return true;
  },
};

// /api/token: handleTokenRequest per request; /api/handler: one handler for every request.
const handler = createTokenHandler(config);
const controller = new AbortController();
const server = Deno.serve(
  { hostname: '127.0.0.1', port: 0, signal: controller.signal, onListen() {} },
  (request) => (new URL(request.url).pathname === '/api/handler' ? handler(request) : handleTokenRequest(request, config)),
);

const cases = [];
for (const [form, path] of [['handleTokenRequest', '/api/token'], ['createTokenHandler', '/api/handler']]) {
  const url = `http://127.0.0.1:${server.addr.port}${path}`;

  const post = (body, headers = { Authorization: BEARER }) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  cases.push(...[
    ['a POST, its body read by authorize()', async () => {
      const response = await post({ roomId: 'room-1' });
      const { token } = await response.json();
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      if (verifyToken(token, SECRET).roomId !== 'room-1') throw new Error('not a token for room-1');
    }],
    ['a second POST', async () => {
      const response = await post({ roomId: 'room-2' });
      await response.body?.cancel();
      if (response.status !== 200) throw new Error(`status ${response.status}`);
    }],
    ['a GET', async () => {
      const response = await fetch(`${url}?roomId=room-3`, { headers: { Authorization: BEARER } });
      const { token } = await response.json();
      if (response.status !== 200 || verifyToken(token, SECRET).roomId !== 'room-3') throw new Error(`status ${response.status}`);
    }],
    ['a POST authorize() refuses: 401', async () => {
      const response = await post({ roomId: 'room-4' }, {});
      await response.body?.cancel();
      if (response.status !== 401) throw new Error(`status ${response.status}`);
    }],
  ].map(([name, fn]) => [`${form}: ${name}`, fn]));
}

let passed = 0;
let failed = 0;
for (const [name, fn] of cases) {
  try {
    await fn();
    passed += 1;
  } catch (error) {
    failed += 1;
    console.log(`FAIL deno (Deno.serve): ${name}\n    ${error?.stack ?? error}`);
  }
}
// Deno prints its notice when an answer has been sent: the server is stopped and drained first.
controller.abort();
await server.finished;
handler.free();
console.log(`deno (Deno.serve): ${passed} passed, ${failed} failed`);
Deno.exit(failed > 0 ? 1 : 0);
