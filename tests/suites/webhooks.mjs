// The webhooks suite: runtime-agnostic like every suite here (web-standard Request/Response, WebCrypto,
// no node: imports, no timers), so it runs on Node, Deno, Bun, workerd, edge-runtime and
// Chromium alike. cases({ lib }) returns [name, fn] pairs; fn throws on failure.
//
// Two implementations make the signatures: node:crypto (OpenSSL) made the committed vectors
// (scripts/gen-webhook-vectors.mjs), and the runtime's own WebCrypto signs below. VideoSDK's key
// endpoint is a stand-in `fetch` that answers as the endpoint does and counts its calls.
import vectors from '../vectors/webhooks.json' with { type: 'json' };
import { deepEq, eq, fail, ok } from '../support/assert.mjs';

const KEY_URL = 'https://api.videosdk.live/v2/public/rsa-public-key';
const T0 = 1_700_000_000; // seconds: the cache's clock in the key-fetch cases

const fromB64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
function toB64(bytes) {
  let bin = '';
  for (const b of new Uint8Array(bytes)) bin += String.fromCharCode(b);
  return btoa(bin);
}
const pem = (label, der) => `-----BEGIN ${label}-----\n${toB64(der).match(/.{1,64}/g).join('\n')}\n-----END ${label}-----\n`;
const keyOf = ([name, form]) => vectors.keys[name][form];
const utf8 = (text) => new TextEncoder().encode(text);

const MAIN = vectors.keys.main;
const LARGE = vectors.keys.large;
const VALID = vectors.cases.find((c) => c.name === 'valid, key as spkiPem');
const EVENT_BODY = fromB64(VALID.body);
const EVENT_SIG = VALID.signature;
// Signed by the 3072-bit key over the same body: the "rotated" key in the cache cases.
const LARGE_SIG = vectors.cases.find((c) => c.name === 'valid, a list of keys of different sizes').signature;
// A well-formed 256-byte signature that matches nothing: what a forger sends.
const FORGED_SIG = vectors.cases.find((c) => c.name === 'one flipped body byte').signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));

/** Awaits fn(); expects a WebhookError with `code`; checks the error family and that no `secret` text leaks. */
async function rejectsWith(lib, fn, code, secrets = []) {
  let error;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  if (error === undefined) fail(`expected a WebhookError ${code}, got no error`);
  if (!(error instanceof lib.WebhookError)) fail(`expected a WebhookError ${code}, got ${error?.name}: ${error?.message}`);
  ok(error instanceof lib.VideoSDKError && error instanceof Error, 'a WebhookError is a VideoSDKError and an Error');
  eq(error.name, 'WebhookError', 'error.name');
  eq(error.code, code, `error.code (message: ${error.message})`);
  ok(typeof error.message === 'string' && error.message.length > 20, 'the message says what was wrong');
  ok(typeof error.reason === 'string' && error.reason.length > 0, 'error.reason is set');
  const text = `${error.message}\n${error.reason}\n${error.stack}\n${JSON.stringify(error)}`;
  for (const secret of secrets) ok(!text.includes(secret), 'the error must not quote the key material');
  return error;
}

/** A mistake in the calling code: a WebhookError INVALID_OPTIONS naming the field, never a bare TypeError. */
async function throwsInvalid(lib, fn, field, what) {
  let error;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  ok(error instanceof lib.WebhookError, `${what}: expected a WebhookError, got ${error?.name}: ${error?.message}`);
  eq(error.code, 'INVALID_OPTIONS', `${what}: code`);
  eq(error.field, field, `${what}: field`);
}

/**
 * A stand-in for VideoSDK's key endpoint: GET {apiBase}/v2/public/rsa-public-key → {"publicKey":
 * "<PEM>"}. Keys are cached per API base, so each stand-in has a base of its own (`apiBase`, to
 * pass in the options) unless `apiBase` is given.
 */
function keyServer(key, { apiBase = freshBase() } = {}) {
  const url = `${apiBase}/v2/public/rsa-public-key`;
  const server = { key, apiBase, status: 200, body: undefined, calls: 0, requests: [] };
  server.fetch = async (input, init = {}) => {
    server.calls += 1;
    const method = init.method ?? 'GET';
    server.requests.push({ url: String(input), method, init });
    if (String(input) !== url) return new Response('{"error":"not found"}', { status: 404 });
    if (method !== 'GET') return new Response('{"error":"method not allowed"}', { status: 405 });
    if (server.status !== 200) return new Response('{"error":"unavailable"}', { status: server.status });
    return new Response(server.body ?? JSON.stringify({ publicKey: server.key }), {
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return server;
}

/** An https API base no other stand-in has. */
function freshBase() {
  const id = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `https://keys-${id}.stand-in.invalid`;
}

// Keys made by this runtime's WebCrypto, once: RSASSA-PKCS1-v1_5 2048-bit, and the same private
// key imported for RSA-PSS (a PSS signature must not verify).
let generated;
function webCryptoKeys() {
  generated ??= (async () => {
    const pair = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    const pssKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
    return { pair, spki, pkcs8, pssKey };
  })();
  return generated;
}

/** The RSAPublicKey inside an SPKI, by the fixed layout of a 2048-bit key: an independent unwrapping. */
function pkcs1Of(spki) {
  // 30 82 01 22 | 30 0d 06 09 <rsaEncryption> 05 00 | 03 82 01 0f 00 | 30 82 01 0a …
  eq(spki.length, 294, 'a 2048-bit SPKI is 294 bytes');
  eq(spki[23], 0x00, 'no unused bits');
  return spki.subarray(24);
}

// How many times this module has made its cases: a runner may run the suite twice on one module
// instance (Deno: the package by path and as npm:), sharing the default API base's cache entry.
let runs = 0;

export function cases({ lib }) {
  // The default base's case runs at a time of its own in each run, a day after the last one:
  // the key cached by an earlier run is stale by then, so this run's request is made.
  const defaultBaseNow = T0 + 86_400 * runs;
  runs += 1;
  const { verifyWebhook, handleWebhookRequest, WebhookError, VideoSDKError } = lib;
  const mainKey = MAIN.spkiPem;

  async function post(body, signature, options, init = {}) {
    const headers = new Headers(init.headers);
    if (signature !== undefined) headers.set('videosdk-signature', signature);
    const request = new Request('https://app.example/webhooks/videosdk', { method: 'POST', body, headers, ...init.request });
    const response = await handleWebhookRequest(request, options);
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      fail(`the answer is not JSON: ${response.status} ${text}`);
    }
    return { response, json, text };
  }

  function expectAnswer(result, status, code) {
    eq(result.response.status, status, `status (body: ${result.text})`);
    eq(result.response.headers.get('Content-Type'), 'application/json; charset=utf-8', 'content-type');
    eq(result.response.headers.get('Cache-Control'), 'no-store', 'cache-control');
    if (code === undefined) return;
    eq(result.json?.error?.code, code, 'error.code');
    ok(typeof result.json.error.message === 'string' && result.json.error.message.length > 0, 'error.message');
  }

  const recorder = () => {
    const calls = [];
    const onEvent = (event, context) => {
      calls.push({ event, context });
    };
    return { calls, onEvent };
  };

  const cases = [
    ['webhooks: exports verifyWebhook, handleWebhookRequest and WebhookError (a VideoSDKError)', () => {
      eq(typeof verifyWebhook, 'function', 'verifyWebhook');
      eq(typeof handleWebhookRequest, 'function', 'handleWebhookRequest');
      eq(typeof WebhookError, 'function', 'WebhookError');
      const e = new WebhookError('SIGNATURE_INVALID', 'm');
      ok(e instanceof VideoSDKError && e instanceof Error, 'WebhookError extends VideoSDKError');
      eq(e.name, 'WebhookError', 'name');
      eq(e.code, 'SIGNATURE_INVALID', 'code');
      eq(e.reason, 'm', 'reason defaults to the message');
    }],
  ];

  // ------------------------------------------------------------------------------------------
  // The committed vectors (node:crypto signatures)
  // ------------------------------------------------------------------------------------------
  for (const v of vectors.cases) {
    cases.push([`webhooks vector: ${v.name}`, async () => {
      const bytes = fromB64(v.body);
      const options = { publicKey: v.keys.length === 1 ? keyOf(v.keys[0]) : v.keys.map(keyOf) };
      if (v.expect.error) {
        await rejectsWith(lib, () => verifyWebhook(bytes, v.signature, options), v.expect.error);
        return;
      }
      // The same bytes as a Uint8Array, a view into a larger buffer, an ArrayBuffer and a string.
      const padded = new Uint8Array(bytes.length + 7);
      padded.set(bytes, 3);
      const forms = [bytes, padded.subarray(3, 3 + bytes.length), bytes.slice().buffer, new TextDecoder().decode(bytes)];
      for (const body of forms) deepEq(await verifyWebhook(body, v.signature, options), v.expect.event, 'the event');
    }]);
  }
  for (const bad of vectors.badKeys) {
    cases.push([`webhooks bad key: ${bad.name}`, async () => {
      // A piece of the key's body, to check the message never quotes the key.
      const piece = bad.key.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '').slice(20, 60);
      const e = await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { publicKey: bad.key }), 'KEY_INVALID', piece ? [piece] : []);
      eq(e.field, 'publicKey', 'error.field');
    }]);
  }

  cases.push(
    ['webhooks: a key given with \\n escapes, CRLF line ends, on one line, or padded with blank lines', async () => {
      const forms = [
        MAIN.spkiPem.replace(/\n/g, '\\n'),
        MAIN.pkcs1Pem.trim().replace(/\n/g, '\\n'),
        MAIN.spkiPem.replace(/\n/g, '\r\n'),
        MAIN.pkcs1Pem.trim().replace(/\n/g, ' '),
        `\n\n  ${MAIN.spkiPem}\n\n`,
        MAIN.spkiDer.match(/.{1,64}/g).join('\n'),
      ];
      for (const publicKey of forms) deepEq(await verifyWebhook(EVENT_BODY, EVENT_SIG, { publicKey }), VALID.expect.event, JSON.stringify(publicKey.slice(0, 40)));
    }],

    ['webhooks: a private key is refused, and never quoted', async () => {
      const { pkcs8 } = await webCryptoKeys();
      const secretPart = toB64(pkcs8).slice(100, 160);
      for (const label of ['PRIVATE KEY', 'RSA PRIVATE KEY', 'ENCRYPTED PRIVATE KEY']) {
        const e = await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { publicKey: pem(label, pkcs8) }), 'KEY_INVALID', [secretPart]);
        ok(/private key/i.test(e.message), `the message names the mistake: ${e.message}`);
      }
      // The same DER as bare base64 is not an RSA public key either.
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { publicKey: toB64(pkcs8) }), 'KEY_INVALID', [secretPart]);
    }],

    ['webhooks: key options that are no key are KEY_INVALID', async () => {
      for (const options of [{}, { publicKey: '' }, { publicKey: '   ' }, { publicKey: [] }, { publicKey: null }, { publicKey: 42 },
        { publicKey: [mainKey, 7] }, { publicKey: Array(9).fill(mainKey) }, { publicKey: mainKey, fetchPublicKey: true },
        { publicKey: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }, { fetchPublicKey: false }]) {
        const e = await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, options), 'KEY_INVALID');
        eq(e.field, 'publicKey', `field for ${JSON.stringify(options).slice(0, 60)}`);
      }
    }],

    ['webhooks: the key endpoint URL given as the key is KEY_INVALID saying so, and where the key comes from', async () => {
      for (const [publicKey, where] of [[KEY_URL, 'publicKey'], [` ${KEY_URL}\n`, 'publicKey'],
        ['http://127.0.0.1:8788/v2/public/rsa-public-key', 'publicKey'], [[mainKey, KEY_URL], 'publicKey[1]']]) {
        const e = await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { publicKey }), 'KEY_INVALID', ['rsa-public-key']);
        eq(e.field, 'publicKey', 'error.field');
        ok(e.message.startsWith(`${where} is not`), `the message names ${where}: ${e.message}`);
        ok(/\bURL\b/.test(e.message) && /fetchPublicKey: true/.test(e.message), `the message says it is a URL and how to fetch the key: ${e.message}`);
      }
    }],

    ['webhooks: a bad pinned key shows even when the signature is missing', async () => {
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, null, { publicKey: vectors.keys.weak.spkiPem }), 'KEY_INVALID');
    }],

    ['webhooks: misuse is a WebhookError INVALID_OPTIONS with its field (a parsed body, a wrong signature type, bad options)', async () => {
      const publicKey = mainKey;
      await throwsInvalid(lib, () => verifyWebhook(JSON.parse(new TextDecoder().decode(EVENT_BODY)), EVENT_SIG, { publicKey }), 'body', 'a parsed body');
      await throwsInvalid(lib, () => verifyWebhook(null, EVENT_SIG, { publicKey }), 'body', 'a null body');
      await throwsInvalid(lib, () => verifyWebhook(EVENT_BODY, ['a', 'b'], { publicKey }), 'signature', 'a list of signatures');
      await throwsInvalid(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG), 'options', 'no options');
      await throwsInvalid(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: 'yes' }), 'fetchPublicKey', 'fetchPublicKey not a boolean');
      await throwsInvalid(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: 'fetch' }), 'fetch', 'fetch not a function');
      await throwsInvalid(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: keyServer(mainKey).fetch, apiBase: 'ftp://x' }), 'apiBase', 'apiBase not http(s)');
      await throwsInvalid(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: keyServer(mainKey).fetch, keyCacheSeconds: -1 }), 'keyCacheSeconds', 'negative keyCacheSeconds');
      await throwsInvalid(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: keyServer(mainKey).fetch, now: 'now' }), 'now', 'now not a number');
    }],

    // ----------------------------------------------------------------------------------------
    // Signatures made by this runtime's WebCrypto
    // ----------------------------------------------------------------------------------------
    ['webhooks: WebCrypto-signed webhooks verify with the key as SPKI and PKCS#1, PEM and DER', async () => {
      const { pair, spki } = await webCryptoKeys();
      const body = utf8('{"webhookType":"session-ended","data":{"meetingId":"m-1","sessionId":"s-1","start":"2025-01-01T10:00:00.000Z","end":"2025-01-01T11:00:00.000Z"}}');
      const sig = toB64(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, body));
      const pkcs1 = pkcs1Of(spki);
      for (const publicKey of [pem('PUBLIC KEY', spki), pem('RSA PUBLIC KEY', pkcs1), toB64(spki), toB64(pkcs1)]) {
        const event = await verifyWebhook(body, sig, { publicKey });
        eq(event.webhookType, 'session-ended', 'webhookType');
        eq(event.data.end, '2025-01-01T11:00:00.000Z', 'data.end');
      }
      const tampered = body.slice();
      tampered[tampered.length - 3] ^= 0x20;
      await rejectsWith(lib, () => verifyWebhook(tampered, sig, { publicKey: pem('PUBLIC KEY', spki) }), 'SIGNATURE_INVALID');
      // node:crypto's key does not verify WebCrypto's signature, and the reverse.
      await rejectsWith(lib, () => verifyWebhook(body, sig, { publicKey: mainKey }), 'SIGNATURE_INVALID');
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { publicKey: pem('PUBLIC KEY', spki) }), 'SIGNATURE_INVALID');
    }],

    ['webhooks: a WebCrypto RSA-PSS signature by the right key does not verify', async () => {
      const { spki, pssKey } = await webCryptoKeys();
      const sig = toB64(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, pssKey, EVENT_BODY));
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, sig, { publicKey: pem('PUBLIC KEY', spki) }), 'SIGNATURE_INVALID');
    }],

    // ----------------------------------------------------------------------------------------
    // handleWebhookRequest
    // ----------------------------------------------------------------------------------------
    ['webhooks endpoint: 200 after onEvent, called once with the event, the request and the digest', async () => {
      const { calls, onEvent } = recorder();
      const r = await post(EVENT_BODY, EVENT_SIG, { publicKey: mainKey, onEvent });
      expectAnswer(r, 200);
      deepEq(r.json, { received: true }, 'body');
      eq(calls.length, 1, 'onEvent calls');
      deepEq(calls[0].event, VALID.expect.event, 'event');
      eq(calls[0].context.digest, vectors.digest, 'digest: hex SHA-256 of the raw body (as OpenSSL computes it)');
      ok(calls[0].context.request instanceof Request, 'context.request');
      eq(calls[0].context.request.url, 'https://app.example/webhooks/videosdk', 'context.request.url');
    }],

    ['webhooks endpoint: the answer waits for onEvent\'s promise', async () => {
      let finished = false;
      const r = await post(EVENT_BODY, EVENT_SIG, {
        publicKey: mainKey,
        onEvent: async () => {
          for (let i = 0; i < 10; i += 1) await null;
          finished = true;
        },
      });
      expectAnswer(r, 200);
      ok(finished, 'onEvent had finished before the answer');
    }],

    ['webhooks endpoint: 405 for anything but POST; onEvent not called', async () => {
      const { calls, onEvent } = recorder();
      for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
        const request = new Request('https://app.example/webhooks/videosdk', {
          method, headers: { 'videosdk-signature': EVENT_SIG }, body: method === 'PUT' ? EVENT_BODY : undefined,
        });
        const response = await handleWebhookRequest(request, { publicKey: mainKey, onEvent });
        eq(response.status, 405, `${method} status`);
        eq(response.headers.get('Allow'), 'POST', 'Allow');
        eq((await response.json()).error.code, 'METHOD_NOT_ALLOWED', 'code');
      }
      eq(calls.length, 0, 'onEvent calls');
    }],

    ['webhooks endpoint: 400 SIGNATURE_MISSING, 401 SIGNATURE_INVALID, 400 BODY_INVALID; onEvent not called', async () => {
      const { calls, onEvent } = recorder();
      expectAnswer(await post(EVENT_BODY, undefined, { publicKey: mainKey, onEvent }), 400, 'SIGNATURE_MISSING');
      expectAnswer(await post(EVENT_BODY, '', { publicKey: mainKey, onEvent }), 400, 'SIGNATURE_MISSING');
      expectAnswer(await post(EVENT_BODY, FORGED_SIG, { publicKey: mainKey, onEvent }), 401, 'SIGNATURE_INVALID');
      expectAnswer(await post(EVENT_BODY, 'not base64!', { publicKey: mainKey, onEvent }), 401, 'SIGNATURE_INVALID');
      const compact = vectors.cases.find((c) => c.name === 'the same JSON re-serialised with other whitespace');
      expectAnswer(await post(fromB64(compact.body), compact.signature, { publicKey: mainKey, onEvent }), 401, 'SIGNATURE_INVALID');
      const notJson = vectors.cases.find((c) => c.name === 'signed body that is not JSON');
      expectAnswer(await post(fromB64(notJson.body), notJson.signature, { publicKey: mainKey, onEvent }), 400, 'BODY_INVALID');
      eq(calls.length, 0, 'onEvent calls');
    }],

    ['webhooks endpoint: 413 over maxBodyBytes, counted as read (no Content-Length, a lying one, a stream)', async () => {
      const { calls, onEvent } = recorder();
      const options = { publicKey: mainKey, onEvent, maxBodyBytes: EVENT_BODY.length - 1 };
      expectAnswer(await post(EVENT_BODY, EVENT_SIG, options), 413, 'PAYLOAD_TOO_LARGE');
      // A Content-Length that understates the body (where the runtime keeps the header at all).
      expectAnswer(await post(EVENT_BODY, EVENT_SIG, options, { headers: { 'Content-Length': '10' } }), 413, 'PAYLOAD_TOO_LARGE');
      // A body streamed in small chunks.
      let offset = 0;
      const stream = new ReadableStream({
        pull(controller) {
          if (offset >= EVENT_BODY.length) return controller.close();
          controller.enqueue(EVENT_BODY.slice(offset, offset + 16));
          offset += 16;
        },
      });
      expectAnswer(await post(stream, EVENT_SIG, options, { request: { duplex: 'half' } }), 413, 'PAYLOAD_TOO_LARGE');
      eq(calls.length, 0, 'onEvent calls');
      // Exactly at the limit is accepted.
      expectAnswer(await post(EVENT_BODY, EVENT_SIG, { ...options, maxBodyBytes: EVENT_BODY.length }), 200);
      eq(calls.length, 1, 'onEvent calls at the limit');
    }],

    ['webhooks endpoint: the default limit is 1 MiB; a declared larger length is refused unread', async () => {
      const { calls, onEvent } = recorder();
      const big = new Uint8Array(1024 * 1024 + 1).fill(0x20);
      expectAnswer(await post(big, EVENT_SIG, { publicKey: mainKey, onEvent }), 413, 'PAYLOAD_TOO_LARGE');
      // 3000 KiB in 1 KiB chunks: reading stops once past the limit (where the runtime drops the
      // declared length) or before the first chunk.
      let pulled = 0;
      const stream = new ReadableStream({
        pull(controller) {
          pulled += 1;
          if (pulled > 3000) return controller.close();
          controller.enqueue(new Uint8Array(1024));
        },
      });
      const r = await post(stream, EVENT_SIG, { publicKey: mainKey, onEvent }, {
        headers: { 'Content-Length': String(2 * 1024 * 1024) }, request: { duplex: 'half' },
      });
      expectAnswer(r, 413, 'PAYLOAD_TOO_LARGE');
      eq(calls.length, 0, 'onEvent calls');
      ok(pulled < 1100, `the stream was not read to the end (${pulled} chunks)`);
    }],

    ['webhooks endpoint: 500 SERVER_ERROR for a bad configuration', async () => {
      const onEvent = () => fail('onEvent must not be called');
      for (const options of [undefined, {}, { publicKey: mainKey }, { publicKey: mainKey, onEvent: 'x' },
        { publicKey: vectors.keys.weak.spkiPem, onEvent }, { publicKey: 'https://api.videosdk.live/v2/public/rsa-public-key', onEvent },
        { onEvent }, { publicKey: mainKey, onEvent, maxBodyBytes: 0 }, { fetchPublicKey: true, fetch: 5, onEvent }]) {
        const r = await post(EVENT_BODY, EVENT_SIG, options);
        expectAnswer(r, 500, 'SERVER_ERROR');
      }
    }],

    ['webhooks endpoint: 500 SERVER_ERROR when onEvent throws or rejects, with no error text echoed', async () => {
      const secret = 'db-password-hunter2-must-not-leak';
      for (const onEvent of [() => {
        throw new Error(`connect failed: ${secret}`);
      }, async () => {
        throw new TypeError(secret);
      }, () => Promise.reject(secret)]) {
        const r = await post(EVENT_BODY, EVENT_SIG, { publicKey: mainKey, onEvent });
        expectAnswer(r, 500, 'SERVER_ERROR');
        ok(!r.text.includes(secret) && !r.text.includes('connect failed'), 'no error text in the answer');
      }
    }],

    ['webhooks endpoint: logs nothing', async () => {
      const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
      const saved = methods.map((m) => console[m]);
      const lines = [];
      methods.forEach((m) => {
        console[m] = (...args) => lines.push([m, ...args]);
      });
      try {
        const server = keyServer(mainKey);
        server.status = 500;
        await post(EVENT_BODY, EVENT_SIG, { publicKey: mainKey, onEvent: () => {} });
        await post(EVENT_BODY, FORGED_SIG, { publicKey: mainKey, onEvent: () => {} });
        await post(EVENT_BODY, EVENT_SIG, { publicKey: mainKey, onEvent: () => { throw new Error('x'); } });
        await post(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, onEvent: () => {} });
        await post(EVENT_BODY, EVENT_SIG, { publicKey: vectors.keys.weak.spkiPem, onEvent: () => {} });
      } finally {
        methods.forEach((m, i) => {
          console[m] = saved[i];
        });
      }
      eq(lines.length, 0, `console calls: ${JSON.stringify(lines).slice(0, 200)}`);
    }],

    ['webhooks endpoint: 503 KEY_FETCH_FAILED when the key cannot be fetched', async () => {
      const server = keyServer(mainKey);
      server.status = 500;
      const r = await post(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, onEvent: () => fail('no onEvent') });
      expectAnswer(r, 503, 'KEY_FETCH_FAILED');
      eq(server.calls, 1, 'key fetches');
    }],

    // ----------------------------------------------------------------------------------------
    // Fetching VideoSDK's key (a stand-in fetch that counts its calls)
    // ----------------------------------------------------------------------------------------
    ['webhooks key fetch: GET https://api.videosdk.live/v2/public/rsa-public-key once, then from the cache', async () => {
      // The default API base: the one case that uses it (at a time of its own in each run).
      const server = keyServer(MAIN.pkcs1Pem, { apiBase: 'https://api.videosdk.live' });
      const options = { fetchPublicKey: true, fetch: server.fetch, now: defaultBaseNow };
      for (let i = 0; i < 3; i += 1) deepEq(await verifyWebhook(EVENT_BODY, EVENT_SIG, options), VALID.expect.event, 'event');
      eq(server.calls, 1, 'fetches');
      eq(server.requests[0].url, KEY_URL, 'url');
      eq(server.requests[0].init.redirect, 'manual', 'redirects are not followed');
      eq(server.requests[0].method, 'GET', 'method');
      eq(server.requests[0].init.body, undefined, 'no request body');
      if (typeof AbortSignal.timeout === 'function') ok(server.requests[0].init.signal instanceof AbortSignal, 'a timeout signal');
    }],

    ['webhooks key fetch: one fetch for 50 concurrent webhooks', async () => {
      const server = keyServer(MAIN.spkiPem);
      const options = { fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, now: T0 };
      const events = await Promise.all(Array.from({ length: 50 }, () => verifyWebhook(EVENT_BODY, EVENT_SIG, options)));
      eq(events.length, 50, 'events');
      eq(server.calls, 1, 'fetches');
    }],

    ['webhooks key fetch: a rotated key is fetched again once the cached one is a minute old', async () => {
      const server = keyServer(MAIN.spkiPem);
      const at = (s) => ({ fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, now: T0 + s });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(0));
      server.key = LARGE.pkcs1Pem; // VideoSDK rotates
      // Fetched 30 s ago: no refetch yet, the new signature is refused (the sender retries later).
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, LARGE_SIG, at(30)), 'SIGNATURE_INVALID');
      eq(server.calls, 1, 'no refetch within a minute of the fetch');
      deepEq(await verifyWebhook(EVENT_BODY, LARGE_SIG, at(61)), VALID.expect.event, 'verified with the new key');
      eq(server.calls, 2, 'one refetch');
      await verifyWebhook(EVENT_BODY, LARGE_SIG, at(62));
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, at(63)), 'SIGNATURE_INVALID');
      eq(server.calls, 2, 'the new key is cached; the old one is gone');
    }],

    ['webhooks key fetch: forged webhooks refetch at most once a minute, one request for 50 at once', async () => {
      const server = keyServer(MAIN.spkiPem);
      const at = (s) => ({ fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, now: T0 + s });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(0));
      for (let i = 0; i < 20; i += 1) await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, FORGED_SIG, at(10 + i)), 'SIGNATURE_INVALID');
      eq(server.calls, 1, 'no refetch in the first minute');
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => verifyWebhook(EVENT_BODY, FORGED_SIG, at(61))));
      ok(results.every((r) => r.status === 'rejected' && r.reason.code === 'SIGNATURE_INVALID'), 'all 50 refused');
      eq(server.calls, 2, 'one refetch for 50 forged webhooks');
      for (let i = 0; i < 20; i += 1) await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, FORGED_SIG, at(62 + i)), 'SIGNATURE_INVALID');
      eq(server.calls, 2, 'none in the minute after');
      // Malformed signatures never reach the key endpoint.
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, 'bad!', at(500)), 'SIGNATURE_INVALID');
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, null, at(500)), 'SIGNATURE_MISSING');
      eq(server.calls, 2, 'no fetch for a malformed or missing signature');
    }],

    ['webhooks key fetch: the key is fetched again after keyCacheSeconds (default 3600)', async () => {
      const server = keyServer(MAIN.spkiPem);
      const at = (s, extra = {}) => ({ fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, now: T0 + s, ...extra });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(0));
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(3599));
      eq(server.calls, 1, 'fresh for an hour');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(3600));
      eq(server.calls, 2, 'refreshed after an hour');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(3900, { keyCacheSeconds: 400 }));
      eq(server.calls, 2, 'fresh for 400 s');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(4000, { keyCacheSeconds: 400 }));
      eq(server.calls, 3, 'refreshed after 400 s');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(4010, { keyCacheSeconds: 10 }));
      eq(server.calls, 3, 'under a minute, keyCacheSeconds acts as a minute: a base is asked at most once a minute');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(4060, { keyCacheSeconds: 10 }));
      eq(server.calls, 4, 'refreshed a minute after the last request');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, { ...at(0), now: new Date((T0 + 4061) * 1000) });
      eq(server.calls, 4, 'now as a Date');
    }],

    ['webhooks key fetch: while the endpoint fails, an expired key stays in use; retried once a minute', async () => {
      const server = keyServer(MAIN.spkiPem);
      const at = (s) => ({ fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, now: T0 + s });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(0));
      server.status = 503;
      deepEq(await verifyWebhook(EVENT_BODY, EVENT_SIG, at(3600)), VALID.expect.event, 'verified with the expired key');
      eq(server.calls, 2, 'one refresh attempt');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(3630));
      eq(server.calls, 2, 'no second attempt within the minute');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(3661));
      eq(server.calls, 3, 'retried after a minute');
      server.status = 200;
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(3722));
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(3723));
      eq(server.calls, 4, 'fresh again');
    }],

    ['webhooks key fetch: KEY_FETCH_FAILED for a failing endpoint, with its status', async () => {
      const server = keyServer(MAIN.spkiPem);
      server.status = 500;
      const at = (s) => ({ fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, now: T0 + s });
      const e = await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, at(0)), 'KEY_FETCH_FAILED');
      eq(e.status, 500, 'error.status');
      ok(e.message.includes('500'), 'the message names the status');
      // No key yet, and the base failed less than a minute ago: refused without a request.
      server.status = 200;
      const again = await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, at(30)), 'KEY_FETCH_FAILED');
      eq(again.status, 500, 'the last failure\'s status');
      ok(again.message.includes('once a minute'), `the message says when: ${again.message}`);
      eq(server.calls, 1, 'fetches within the minute');
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(60));
      eq(server.calls, 2, 'asked again a minute after the failure');
    }],

    ['webhooks key fetch: KEY_FETCH_FAILED when the refetch after a failed signature fails', async () => {
      const server = keyServer(MAIN.spkiPem);
      const at = (s) => ({ fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase, now: T0 + s });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, at(0));
      server.status = 502;
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, LARGE_SIG, at(61)), 'KEY_FETCH_FAILED');
      deepEq(await verifyWebhook(EVENT_BODY, EVENT_SIG, at(62)), VALID.expect.event, 'the cached key still works');
      eq(server.calls, 2, 'fetches');
    }],

    ['webhooks key fetch: KEY_FETCH_FAILED for a network error and for answers without a usable key', async () => {
      const networkDown = async () => {
        throw new TypeError('fetch failed: connection refused');
      };
      await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: networkDown, apiBase: freshBase() }), 'KEY_FETCH_FAILED');
      for (const body of ['{}', '{"publicKey":42}', '[]', 'not json', '<html>502</html>', JSON.stringify({ publicKey: vectors.keys.weak.spkiPem }),
        JSON.stringify({ publicKey: 'https://api.videosdk.live/v2/public/rsa-public-key' }), `{"publicKey":"${'A'.repeat(70000)}"}`]) {
        const server = keyServer(MAIN.spkiPem);
        server.body = body;
        await rejectsWith(lib, () => verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase }), 'KEY_FETCH_FAILED');
      }
    }],

    ['webhooks key fetch: answer shapes: {publicKey}, {data: {publicKey}}, a JSON string, a list, a bare PEM', async () => {
      for (const body of [JSON.stringify({ publicKey: MAIN.pkcs1Pem }), JSON.stringify({ data: { publicKey: MAIN.spkiPem } }),
        JSON.stringify(MAIN.spkiDer), JSON.stringify({ publicKey: [LARGE.spkiPem, MAIN.pkcs1Der] }), MAIN.pkcs1Pem]) {
        const server = keyServer(undefined);
        server.body = body;
        deepEq(await verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: server.fetch, apiBase: server.apiBase }), VALID.expect.event, body.slice(0, 40));
      }
    }],

    ['webhooks key fetch: apiBase (a trailing slash dropped), and one cache per API base', async () => {
      const prefix = freshBase().replace('https://', '');
      const local = keyServer(MAIN.spkiPem, { apiBase: `http://127.0.0.1:8788/${prefix}` });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: local.fetch, apiBase: `http://127.0.0.1:8788/${prefix}/` });
      eq(local.requests[0].url, `http://127.0.0.1:8788/${prefix}/v2/public/rsa-public-key`, 'url');
      const a = keyServer(MAIN.spkiPem);
      const b = keyServer(MAIN.spkiPem);
      await verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: a.fetch, apiBase: a.apiBase });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: b.fetch, apiBase: b.apiBase });
      await verifyWebhook(EVENT_BODY, EVENT_SIG, { fetchPublicKey: true, fetch: a.fetch, apiBase: a.apiBase });
      eq(a.calls + b.calls, 2, 'one fetch each');
    }],
  );
  return cases;
}
