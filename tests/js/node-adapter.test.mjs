// videosdk-token/node's own behaviour, against real node:http and Express servers on 127.0.0.1:
// a body a parser already read, a 64 MiB body refused at the handler's limit (counted in bytes the
// server read from its socket), client disconnects, the URL (socket, Host, X-Forwarded-* only when
// trusted), HEAD, Set-Cookie, handler failures, streamed answers, the options.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import express from 'express';
import express4 from 'express4';
import * as lib from 'videosdk-token';
import vectors from '../vectors/webhooks.json' with { type: 'json' };
import { toNodeHandler, VideoSDKError } from 'videosdk-token/node';

const MiB = 1024 * 1024;

/** A server on 127.0.0.1 for `listener`; resolves to { base, server, close }. */
// Every server a test starts, closed after the file whatever the tests did: a socket a failed (or
// timed-out) test left open would keep this process, and so `node --test`, alive for ever.
const servers = new Set();
after(async () => {
  await Promise.all([...servers].map((server) => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  }));
});

async function serve(listener, { tls } = {}) {
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  servers.add(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
  const close = () => {
    servers.delete(server);
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  };
  return { base, server, port: server.address().port, close };
}

/** A raw request (node:http client, so Host and X-Forwarded-* can be set): resolves to { status, headers, text }. */
function request(port, { method = 'GET', path = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, raw: res.rawHeaders, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const echoUrl = (request) => Response.json({ url: request.url });

test('an Express app that parsed the body first: 500 naming express.raw, through next(err)', async () => {
  for (const make of [express, express4]) {
    const app = make();
    app.use(make.json());
    app.post('/webhook', toNodeHandler(() => assert.fail('the handler must not run')));
    const seen = [];
    const app2 = make();
    app2.use(make.json());
    app2.post('/webhook', toNodeHandler(() => assert.fail('the handler must not run')));
    app2.use((error, req, res, next) => { seen.push(error); next(error); });
    for (const a of [app, app2]) {
      const s = await serve(a);
      const r = await fetch(`${s.base}/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a": 1}' });
      assert.equal(r.status, 500);
      // Express's own final handler outside production shows the error: the message names the fix.
      assert.match(await r.text(), /express\.raw/);
      await s.close();
    }
    assert.equal(seen.length, 1);
    assert.ok(seen[0] instanceof VideoSDKError);
    assert.equal(seen[0].code, 'BODY_ALREADY_READ');
    assert.match(seen[0].message, /express\.raw\(\{ type: '\*\/\*' \}\)/);
  }
});

test('node:http with a body read before the adapter: 500 naming express.raw, told to onError', async () => {
  const errors = [];
  const inner = toNodeHandler(() => assert.fail('the handler must not run'), { onError: (e) => errors.push(e) });
  const s = await serve(async (req, res) => {
    for await (const chunk of req) void chunk; // a parser of some kind
    req.body = { parsed: true };
    inner(req, res);
  });
  const r = await fetch(`${s.base}/`, { method: 'POST', body: '{"a": 1}' });
  assert.equal(r.status, 500);
  const body = await r.json();
  assert.equal(body.error.code, 'BODY_ALREADY_READ');
  assert.match(body.error.message, /express\.raw/);
  assert.equal(errors.length, 1);
  await s.close();
});

test('express.raw() before the adapter: the handler gets the exact bytes; a body parser that skipped leaves the stream', async () => {
  const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
  const echo = async (request) => new Response(await request.arrayBuffer());
  const app = express();
  app.post('/raw', express.raw({ type: '*/*' }), toNodeHandler(echo));
  app.use(express.json()); // skips a body that is not JSON: the stream is left as it came
  app.post('/skipped', toNodeHandler(echo));
  const s = await serve(app);
  for (const path of ['/raw', '/skipped']) {
    const r = await fetch(`${s.base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes });
    assert.equal(r.status, 200, path);
    assert.deepEqual(new Uint8Array(await r.arrayBuffer()), bytes, path);
  }
  await s.close();
});

/**
 * Sends `total` bytes as fast as the socket takes them, and goes on after the answer (a client that
 * does not listen): only the server can stop it. Resolves, once the connection is closed, to the
 * status and the bytes written.
 */
function flood(port, total, headers) {
  return new Promise((resolve) => {
    let written = 0;
    let status;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent: false, headers }, (res) => {
      status = res.statusCode;
      res.resume();
    });
    req.on('error', () => {}); // EPIPE or ECONNRESET once the server closes: expected
    req.on('close', () => resolve({ status, written }));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (written < total && !req.destroyed) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (written >= total) req.end();
    };
    pump();
  });
}

test('a 64 MiB body is refused at the limit, not read to the end (bytes the server read from its socket)', async () => {
  const webhook = (request) => lib.handleWebhookRequest(request, { publicKey: vectors.keys.main.spkiPem, onEvent: () => {} });
  const token = (request) => lib.handleTokenRequest(request, { apiKey: 'k', secret: 'x'.repeat(32), authorize: () => true });
  // Freed when this test ends (it serves nothing after).
  const tokens = lib.createTokenHandler({ apiKey: 'k', secret: 'x'.repeat(32), authorize: () => true });
  for (const [name, handler, limit] of [['webhook', webhook, MiB], ['token endpoint', token, 16 * 1024], ['token handler', tokens, 16 * 1024]]) {
    for (const headers of [{ 'Content-Type': 'application/json' }, { 'Content-Type': 'application/json', 'Content-Length': String(64 * MiB) }]) {
      const sockets = [];
      const s = await serve(toNodeHandler(handler));
      s.server.on('connection', (socket) => sockets.push(socket));
      const { status, written } = await flood(s.port, 64 * MiB, headers);
      await new Promise((resolve) => (sockets[0].destroyed ? resolve() : sockets[0].once('close', resolve)));
      const read = sockets[0].bytesRead;
      const what = `${name}, ${headers['Content-Length'] ? 'declared' : 'chunked'}: ${read} bytes read by the server, ${written} written by the client`;
      assert.equal(status, 413, what);
      assert.ok(read < 16 * MiB, what);
      assert.ok(written < 64 * MiB, what);
      if (!headers['Content-Length']) assert.ok(read > limit, what);
      if (process.env.SHOW_FIGURES) console.log(what);
      await s.close();
    }
  }
  tokens.free();
});

test('a client that disconnects aborts request.signal; a streamed answer is cancelled', async () => {
  let aborted;
  const signalled = new Promise((resolve) => { aborted = resolve; });
  let cancelled;
  const cancel = new Promise((resolve) => { cancelled = resolve; });
  const started = Promise.withResolvers?.() ?? (() => { let r; const p = new Promise((x) => { r = x; }); return { promise: p, resolve: r }; })();
  const s = await serve(toNodeHandler(async (request) => {
    if (new URL(request.url).pathname === '/wait') {
      request.signal.addEventListener('abort', () => aborted(request.signal.reason));
      started.resolve();
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
      return new Response('late');
    }
    return new Response(new ReadableStream({
      pull(c) { c.enqueue(new Uint8Array(64 * 1024)); started.resolve(); },
      cancel() { cancelled(); },
    }));
  }));
  for (const path of ['/wait', '/stream']) {
    const req = http.request({ host: '127.0.0.1', port: s.port, path, agent: false });
    req.on('error', () => {});
    req.on('response', (res) => res.once('data', () => req.destroy()));
    req.end();
    if (path === '/wait') {
      await started.promise;
      req.destroy();
      const reason = await signalled;
      assert.equal(reason.name, 'AbortError');
    }
  }
  await cancel;
  await s.close();
});

test('the URL: socket and Host by default; X-Forwarded-* only with trustProxy; bad hosts and targets refused', async () => {
  const plain = await serve(toNodeHandler(echoUrl));
  const trusting = await serve(toNodeHandler(echoUrl, { trustProxy: true }));
  const forwarded = { Host: 'app.example:8080', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'proxy.example, evil.example' };
  let r = await request(plain.port, { path: '/a?b=1', headers: forwarded });
  assert.equal(JSON.parse(r.text).url, 'http://app.example:8080/a?b=1');
  r = await request(trusting.port, { path: '/a?b=1', headers: forwarded });
  assert.equal(JSON.parse(r.text).url, 'https://proxy.example/a?b=1');
  r = await request(trusting.port, { path: '/a', headers: { Host: 'app.example' } });
  assert.equal(JSON.parse(r.text).url, 'http://app.example/a', 'trustProxy without the headers: the socket and Host');
  r = await request(plain.port, { path: '//evil.example/x', headers: { Host: 'app.example' } });
  assert.equal(JSON.parse(r.text).url, 'http://app.example//evil.example/x', 'a path that starts with // stays a path');
  for (const [port, headers] of [[plain.port, { Host: 'evil.example/x?' }], [plain.port, { Host: 'user@evil.example' }],
    [trusting.port, { Host: 'a.example', 'X-Forwarded-Host': 'evil.example/#' }], [trusting.port, { Host: 'a.example', 'X-Forwarded-Proto': 'javascript' }]]) {
    r = await request(port, { path: '/', headers });
    assert.equal(r.status, 400, JSON.stringify(headers));
    assert.equal(JSON.parse(r.text).error.code, 'BAD_REQUEST');
  }
  r = await request(plain.port, { path: 'http://other.example/x', headers: { Host: 'app.example' } });
  assert.equal(r.status, 400, 'an absolute-form target');
  // Express below a mount path: the URL the client asked for (originalUrl), not the rewritten req.url.
  const app = express();
  app.use('/api', toNodeHandler(echoUrl));
  const mounted = await serve(app);
  r = await request(mounted.port, { path: '/api/token?x=1', headers: { Host: 'app.example' } });
  assert.equal(JSON.parse(r.text).url, 'http://app.example/api/token?x=1');
  await Promise.all([plain.close(), trusting.close(), mounted.close()]);
});

test('an encrypted socket makes an https URL (node:https, a certificate made for the test)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'videosdk-node-adapter-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    '-days', '1', '-subj', '/CN=app.example'], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  const s = await serve(toNodeHandler(echoUrl), { tls });
  const url = await new Promise((resolve, reject) => {
    https.get({ host: '127.0.0.1', port: s.port, path: '/t', headers: { Host: 'app.example' }, ca: tls.cert, servername: 'app.example', agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve(JSON.parse(text).url));
    }).on('error', reject);
  });
  assert.equal(url, 'https://app.example/t');
  await s.close();
});

test('HEAD: the status and headers, no body (the handler\'s body is cancelled)', async () => {
  let cancelled = false;
  const s = await serve(toNodeHandler((request) => new Response(request.method === 'HEAD'
    ? new ReadableStream({ pull(c) { c.enqueue(new Uint8Array(10)); }, cancel() { cancelled = true; } }) : 'x',
  { status: 200, headers: { 'X-Kind': 'head', 'Content-Type': 'text/plain' } })));
  const r = await request(s.port, { method: 'HEAD' });
  assert.equal(r.status, 200);
  assert.equal(r.headers['x-kind'], 'head');
  assert.equal(r.text, '');
  assert.ok(cancelled, 'the Response body was cancelled');
  const endpoint = await serve(toNodeHandler((request) => lib.handleTokenRequest(request, { apiKey: 'k', secret: 'x'.repeat(32), authorize: () => true })));
  const e = await request(endpoint.port, { method: 'HEAD' });
  assert.equal(e.status, 405);
  assert.equal(e.headers.allow, 'GET, POST, OPTIONS');
  assert.equal(e.text, '');
  await Promise.all([s.close(), endpoint.close()]);
});

test("createTokenHandler's handler mounted as it is: tokens from node:http and Express; after free() the rejection reaches onError or next(err)", async () => {
  const secret = 'x'.repeat(32);
  const config = { apiKey: 'k', secret, authorize: (req) => req.headers.get('Authorization') === 'Bearer t' };
  const handler = lib.createTokenHandler(config);
  const errors = [];
  const app = express();
  app.use('/api/token', toNodeHandler(handler));
  app.use((error, req, res, next) => { // eslint-disable-line no-unused-vars
    errors.push(error);
    res.status(500).json({ error: { code: 'SERVER_ERROR' } });
  });
  const servers = [await serve(toNodeHandler(handler, { onError: (e) => errors.push(e) })), await serve(app)];
  for (const s of servers) {
    const path = s === servers[0] ? '/' : '/api/token';
    const r = await request(s.port, { path: `${path}?roomId=r1`, headers: { Authorization: 'Bearer t' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(lib.verifyToken(JSON.parse(r.text).token, secret, { apiKey: 'k', roomId: 'r1' }).roomId, 'r1');
    assert.equal((await request(s.port, { path })).status, 401);
    const post = await request(s.port, { method: 'POST', path, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' }, body: '{"roomId": "r2"}' });
    assert.equal(post.status, 200, post.text);
    assert.equal(lib.verifyToken(JSON.parse(post.text).token, secret, { apiKey: 'k' }).roomId, 'r2');
  }
  handler.free();
  for (const s of servers) {
    const r = await request(s.port, { path: s === servers[0] ? '/' : '/api/token', headers: { Authorization: 'Bearer t' } });
    assert.equal(r.status, 500);
    assert.equal(JSON.parse(r.text).token, undefined, r.text);
  }
  assert.equal(errors.length, 2);
  for (const e of errors) {
    assert.ok(e instanceof lib.TokenError, String(e));
    assert.equal(e.code, 'INVALID_OPTIONS');
    assert.match(e.message, /createTokenHandler/);
    assert.ok(!e.message.includes(secret));
  }
  await Promise.all(servers.map((s) => s.close()));
});

test('Set-Cookie: every one on its own line, after those a middleware set', async () => {
  const headers = new Headers();
  headers.append('Set-Cookie', 'a=1; Path=/; HttpOnly');
  headers.append('Set-Cookie', 'b=2, with a comma; Expires=Wed, 21 Oct 2026 07:28:00 GMT');
  headers.append('X-Many', 'one');
  headers.append('X-Many', 'two');
  const app = express();
  app.use((req, res, next) => { res.append('Set-Cookie', 'pre=0'); next(); });
  app.use(toNodeHandler(() => new Response('ok', { status: 202, statusText: 'Taken', headers })));
  const s = await serve(app);
  const r = await request(s.port);
  assert.equal(r.status, 202);
  assert.deepEqual(r.headers['set-cookie'], ['pre=0', 'a=1; Path=/; HttpOnly', 'b=2, with a comma; Expires=Wed, 21 Oct 2026 07:28:00 GMT']);
  assert.equal(r.headers['x-many'], 'one, two');
  assert.equal(r.text, 'ok');
  await s.close();
});

test('a handler that throws or returns no Response: 500 with no detail, or next(err) in Express', async () => {
  const secret = 'db at 10.0.0.7 refused user admin';
  const errors = [];
  for (const handler of [() => { throw new Error(secret); }, async () => { throw new TypeError(secret); }, () => ({ body: secret })]) {
    const s = await serve(toNodeHandler(handler, { onError: (e) => errors.push(e) }));
    const r = await request(s.port);
    assert.equal(r.status, 500);
    assert.equal(JSON.parse(r.text).error.code, 'SERVER_ERROR');
    assert.ok(!r.text.includes('10.0.0.7'), r.text);
    await s.close();
  }
  assert.equal(errors.length, 3);
  assert.equal(errors[2].code, 'INVALID_OPTIONS');
  const thrown = new Error(secret);
  const app = express();
  const seen = [];
  app.use(toNodeHandler(() => { throw thrown; }));
  app.use((error, req, res, next) => { seen.push(error); res.status(503).end('handled'); }); // eslint-disable-line no-unused-vars
  const s = await serve(app);
  const r = await request(s.port);
  assert.equal(r.status, 503);
  assert.equal(seen[0], thrown, 'next() got the handler\'s own error');
  await s.close();
});

test('a streamed answer arrives whole, written as the client takes it', async () => {
  const size = 8 * MiB;
  let sent = 0;
  const s = await serve(toNodeHandler(() => new Response(new ReadableStream({
    pull(c) {
      if (sent >= size) return c.close();
      const chunk = new Uint8Array(64 * 1024).fill(sent / (64 * 1024) % 256);
      sent += chunk.length;
      c.enqueue(chunk);
    },
  }, { highWaterMark: 0 }))));
  const r = await fetch(s.base);
  const bytes = new Uint8Array(await r.arrayBuffer());
  assert.equal(bytes.length, size);
  assert.equal(bytes[size - 1], (size / (64 * 1024) - 1) % 256);
  assert.equal(r.headers.get('content-length'), null, 'sent as it came (chunked), not gathered first');
  await s.close();
});

test('toNodeHandler checks its arguments with VideoSDKError codes and fields', () => {
  const cases = [[[undefined], 'handler'], [['x'], 'handler'], [[echoUrl, 5], 'options'], [[echoUrl, { trustProxy: 'yes' }], 'trustProxy'],
    [[echoUrl, { trustproxy: true }], 'trustproxy'], [[echoUrl, { onError: 1 }], 'onError']];
  for (const [args, field] of cases) {
    assert.throws(() => toNodeHandler(...args), (e) => e instanceof VideoSDKError && e.code === 'INVALID_OPTIONS' && e.field === field, field);
  }
  assert.throws(() => toNodeHandler(echoUrl, { trustproxy: true }), /did you mean 'trustProxy'/);
  assert.equal(typeof toNodeHandler(echoUrl, { trustProxy: false, onError: () => {} }), 'function');
});

test('require("videosdk-token/node") gives the CommonJS build, which loads no wasm', () => {
  const require = createRequire(import.meta.url);
  const cjs = require('videosdk-token/node');
  assert.equal(typeof cjs.toNodeHandler, 'function');
  assert.match(require.resolve('videosdk-token/node'), /node[\\/]index\.cjs$/);
  const text = readFileSync(require.resolve('videosdk-token/node'), 'utf8');
  assert.ok(!/videosdk_token|\.wasm/.test(text), 'no reference to the glue or the wasm');
});

// A timeout, not a timing: without the 100 the client would wait for ever.
test('Expect: 100-continue with checkContinue routed to the listener: the 100 only when the handler reads', { timeout: 60_000 }, async () => {
  const listener = toNodeHandler(async (request) => {
    if (Number(request.headers.get('Content-Length')) > 1024) return new Response('too large', { status: 413 });
    return new Response(await request.arrayBuffer());
  });
  const s = await serve(listener);
  s.server.on('checkContinue', listener);
  const ask = (length, body) => new Promise((resolve, reject) => {
    let continued = false;
    const req = http.request({ host: '127.0.0.1', port: s.port, method: 'POST', agent: false,
      headers: { Expect: '100-continue', 'Content-Length': String(length) } }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => { req.destroy(); resolve({ status: res.statusCode, text, continued }); });
    });
    req.on('error', reject);
    req.on('continue', () => { continued = true; req.end(body); });
  });
  const refused = await ask(64 * MiB);
  assert.deepEqual([refused.status, refused.continued], [413, false], 'refused by its length, the body never asked for');
  const fine = await ask(5, 'hello');
  assert.deepEqual([fine.status, fine.text, fine.continued], [200, 'hello', true]);
  await s.close();
});
