// handleWebhookRequest's `dedupe`: runtime-agnostic (web-standard Request/Response, WebCrypto, no
// timers). cases({ lib, stores, engines }) returns [name, fn] pairs; fn throws on failure.
// `stores` is videosdk-token/stores; `engines` are the runner's real stores beside memoryStore,
// each { name, store() → a DedupeStore, atomic }: Deno KV (denoKvStore on :memory:), Workers KV
// (miniflare's namespace binding, as it is); engines without a store are left out. Every case signs bodies of its own, so a store
// shared by every case (a KV binding) is never confused by another case's.
import { deepEq, eq, ok } from '../support/assert.mjs';

let keys; // one RSA key pair, made in prepare()
let spkiPem;

export async function prepare() {
  RUN = crypto.randomUUID();
  keys = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true, ['sign', 'verify'],
  );
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  let bin = '';
  for (const b of spki) bin += String.fromCharCode(b);
  spkiPem = `-----BEGIN PUBLIC KEY-----\n${btoa(bin)}\n-----END PUBLIC KEY-----\n`;
}

// Set in prepare(): workerd allows no random values in a module's global scope.
let RUN;
let serial = 0;

/** A body no other case (or earlier run) sends, and its signature. */
async function signed() {
  serial += 1;
  const body = new TextEncoder().encode(JSON.stringify({ webhookType: 'session-ended', data: { meetingId: `m-${serial}`, run: RUN } }));
  const sig = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, body));
  let bin = '';
  for (const b of sig) bin += String.fromCharCode(b);
  return { body, sig: btoa(bin) };
}

async function deliver(lib, { body, sig }, options) {
  const request = new Request('https://app.example/webhooks/videosdk', {
    method: 'POST', body, headers: { 'videosdk-signature': sig, 'Content-Type': 'application/json' },
  });
  const response = await lib.handleWebhookRequest(request, { publicKey: spkiPem, ...options });
  return { status: response.status, json: await response.json() };
}

/** onEvent counting its calls, optionally throwing the first `failures` times. */
function counter(failures = 0) {
  const c = { calls: 0 };
  c.onEvent = async () => {
    c.calls += 1;
    if (c.calls <= failures) throw new Error('downstream is down');
  };
  return c;
}

/** A store that records every call it gets, over `inner`; `atomic: false` hides putIfAbsent. */
function recording(inner, { atomic = true, fail = {} } = {}) {
  const calls = [];
  const store = {};
  for (const m of ['get', 'put', 'delete', ...(atomic ? ['putIfAbsent'] : [])]) {
    store[m] = async (...args) => {
      calls.push([m, ...args]);
      if (fail[m]) throw new Error(`${m} failed`);
      return inner[m](...args);
    };
  }
  return { store, calls };
}

export function cases({ lib, stores, engines = [] }) {
  const all = [{ name: 'memoryStore', store: () => stores.memoryStore(), atomic: true }, ...engines.filter((e) => e.store)];
  const out = [];
  for (const engine of all) {
    const tag = `dedupe (${engine.name})`;
    out.push(
      [`${tag}: a body seen answers 200 duplicate without onEvent; another body is processed`, async () => {
        const store = engine.store();
        const c = counter();
        const first = await signed();
        deepEq((await deliver(lib, first, { onEvent: c.onEvent, dedupe: { store } })).json, { received: true }, 'first delivery');
        const again = await deliver(lib, first, { onEvent: c.onEvent, dedupe: { store } });
        eq(again.status, 200, 'a duplicate is a 200');
        deepEq(again.json, { received: true, duplicate: true }, 'a duplicate says so');
        eq(c.calls, 1, 'onEvent ran once for two deliveries of one body');
        eq((await deliver(lib, await signed(), { onEvent: c.onEvent, dedupe: { store } })).status, 200, 'another body');
        eq(c.calls, 2, 'another body is processed');
      }],
      [`${tag}: a body whose onEvent threw is not marked: VideoSDK's retry is processed`, async () => {
        const store = engine.store();
        const c = counter(1);
        const one = await signed();
        eq((await deliver(lib, one, { onEvent: c.onEvent, dedupe: { store } })).status, 500, 'onEvent threw');
        eq((await deliver(lib, one, { onEvent: c.onEvent, dedupe: { store } })).status, 200, 'the retry');
        eq(c.calls, 2, 'the retry ran onEvent');
        deepEq((await deliver(lib, one, { onEvent: c.onEvent, dedupe: { store } })).json, { received: true, duplicate: true }, 'then it is marked');
        eq(c.calls, 2, 'no third run');
      }],
    );
    if (engine.atomic) {
      out.push([`${tag}: deliveries of one body at once call onEvent once (atomic putIfAbsent)`, async () => {
        const inner = engine.store();
        const one = await signed();
        const N = 8;
        // onEvent is held until every delivery has tried to claim the body: all are in flight at once.
        let release;
        const gate = new Promise((resolve) => { release = resolve; });
        let claims = 0;
        const store = {
          get: (k) => inner.get(k),
          put: (k, v, o) => inner.put(k, v, o),
          delete: (k) => inner.delete(k),
          async putIfAbsent(k, v, o) {
            const claimed = await inner.putIfAbsent(k, v, o);
            claims += 1;
            if (claims === N) release();
            return claimed;
          },
        };
        let calls = 0;
        const onEvent = async () => {
          calls += 1;
          await gate;
        };
        const answers = await Promise.all(Array.from({ length: N }, () => deliver(lib, one, { onEvent, dedupe: { store } })));
        eq(calls, 1, `onEvent calls for ${N} concurrent deliveries`);
        eq(answers.filter((a) => a.status === 200).length, N, 'every delivery answered 200');
        eq(answers.filter((a) => a.json.duplicate === true).length, N - 1, 'all but one were duplicates');
      }]);
    }
  }

  out.push(
    ['dedupe: an atomic store is claimed for 60 s while onEvent runs, then marked for ttl', async () => {
      const { store, calls } = recording(stores.memoryStore());
      const one = await signed();
      await deliver(lib, one, { onEvent: async () => {}, dedupe: { store, ttl: 3600 } });
      deepEq(calls.map(([m, , , o]) => [m, o?.expirationTtl]), [['putIfAbsent', 60], ['put', 3600]], 'store calls');
      eq(calls[0][1], calls[1][1], 'one key');
      ok(/^[0-9a-f]{64}$/.test(calls[0][1]), 'the key is the digest (hex SHA-256)');
      eq(calls[1][2], '1', 'value');
    }],
    ['dedupe: a store without putIfAbsent (Workers KV) is read, then written with expirationTtl = ttl (default 86400)', async () => {
      const { store, calls } = recording(stores.memoryStore(), { atomic: false });
      await deliver(lib, await signed(), { onEvent: async () => {}, dedupe: { store } });
      deepEq(calls.map(([m, , , o]) => [m, o?.expirationTtl]), [['get', undefined], ['put', 86400]], 'store calls');
    }],
    ['dedupe: onEvent throwing on an atomic store deletes the claim', async () => {
      const { store, calls } = recording(stores.memoryStore());
      const c = counter(1);
      eq((await deliver(lib, await signed(), { onEvent: c.onEvent, dedupe: { store } })).status, 500, 'status');
      deepEq(calls.map(([m]) => m), ['putIfAbsent', 'delete'], 'store calls');
    }],
    ['dedupe: a forged body touches no store', async () => {
      const { store, calls } = recording(stores.memoryStore());
      const one = await signed();
      const c = counter();
      const forged = { body: one.body, sig: (await signed()).sig };
      eq((await deliver(lib, forged, { onEvent: c.onEvent, dedupe: { store } })).status, 401, 'status');
      eq(calls.length, 0, 'store calls');
    }],
    ['dedupe: a body is processed again once ttl has passed', async () => {
      let now = 1_700_000_000_000;
      const store = stores.memoryStore({ clock: () => now });
      const c = counter();
      const one = await signed();
      await deliver(lib, one, { onEvent: c.onEvent, dedupe: { store, ttl: 60 } });
      now += 59_000;
      await deliver(lib, one, { onEvent: c.onEvent, dedupe: { store, ttl: 60 } });
      eq(c.calls, 1, 'within ttl: a duplicate');
      now += 2_000;
      await deliver(lib, one, { onEvent: c.onEvent, dedupe: { store, ttl: 60 } });
      eq(c.calls, 2, 'after ttl: processed');
    }],
    ['dedupe: a store that fails before onEvent is a 500 and onEvent does not run', async () => {
      for (const [atomic, fail] of [[true, { putIfAbsent: true }], [false, { get: true }]]) {
        const { store } = recording(stores.memoryStore(), { atomic, fail });
        const c = counter();
        const r = await deliver(lib, await signed(), { onEvent: c.onEvent, dedupe: { store } });
        eq(r.status, 500, `status (${Object.keys(fail)})`);
        eq(r.json.error.code, 'SERVER_ERROR', 'code');
        eq(c.calls, 0, 'onEvent calls');
      }
      const odd = { ...stores.memoryStore(), putIfAbsent: async () => 'yes' };
      eq((await deliver(lib, await signed(), { onEvent: async () => {}, dedupe: { store: odd } })).status, 500, 'putIfAbsent answering no boolean');
    }],
    ['dedupe: a store that fails to mark after onEvent still answers 200 (the event was handled)', async () => {
      const { store } = recording(stores.memoryStore(), { fail: { put: true } });
      const c = counter();
      deepEq((await deliver(lib, await signed(), { onEvent: c.onEvent, dedupe: { store } })).json, { received: true }, 'body');
      eq(c.calls, 1, 'onEvent calls');
    }],
    ['dedupe: a malformed dedupe is a bare 500 and onEvent does not run', async () => {
      const store = stores.memoryStore();
      const bad = [
        null, 'kv', {}, { store: null }, { store, ttl: 59 }, { store, ttl: 60.5 }, { store, ttl: '3600' },
        { store, tll: 3600 }, { store: { get: async () => null, put: async () => {} } },
      ];
      for (const dedupe of bad) {
        const c = counter();
        const r = await deliver(lib, await signed(), { onEvent: c.onEvent, dedupe });
        eq(r.status, 500, `status for ${JSON.stringify(dedupe)}`);
        eq(c.calls, 0, 'onEvent calls');
      }
      eq((await deliver(lib, await signed(), { onEvent: async () => {}, dedupe: { store, ttl: 60 } })).status, 200, 'ttl 60 is allowed');
    }],
  );
  return out;
}
