// videosdk-token/stores' adapters against their contract: runtime-agnostic, no timers (time is
// a `clock` option). cases({ stores, adapters }) returns [name, fn] pairs. `adapters` are the
// runner's engines beside memory: each { name, store({ clock }), limiter({ limit, period, clock }) }
// (Deno KV's on :memory:), each call on a fresh key prefix.
import { eq, ok } from '../support/assert.mjs';

const T0 = 1_700_000_000_000; // ms

async function rejectsInvalid(stores, fn, field, what) {
  let error;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  ok(error instanceof stores.VideoSDKError, `${what}: a VideoSDKError, got ${error}`);
  eq(error.code, 'INVALID_OPTIONS', `${what}: code`);
  eq(error.field, field, `${what}: field (${error.message})`);
}

export function cases({ lib, stores, adapters = [] }) {
  const all = [
    { name: 'memory', store: (o) => stores.memoryStore(o), limiter: (o) => stores.memoryLimiter(o) },
    ...adapters,
  ];
  const out = [];
  for (const a of all) {
    out.push(
      [`stores (${a.name}): get, put, delete, putIfAbsent, expiry by the value's own time`, async () => {
        let now = T0;
        const s = a.store({ clock: () => now });
        eq(await s.get('a'), null, 'absent');
        await s.put('a', 'one', { expirationTtl: 60 });
        eq(await s.get('a'), 'one', 'put, get');
        eq(await s.putIfAbsent('a', 'two', { expirationTtl: 60 }), false, 'putIfAbsent on a live key');
        eq(await s.get('a'), 'one', 'unchanged');
        now += 60_000;
        eq(await s.get('a'), null, 'expired after 60 s');
        eq(await s.putIfAbsent('a', 'three', { expirationTtl: 120 }), true, 'putIfAbsent on an expired key');
        eq(await s.get('a'), 'three', 'written');
        await s.delete('a');
        eq(await s.get('a'), null, 'deleted');
        await s.put('b', 'kept');
        now += 365 * 86400_000;
        eq(await s.get('b'), 'kept', 'no expirationTtl: kept');
      }],
      [`stores (${a.name}): 20 putIfAbsent at once on one key: exactly one writes`, async () => {
        const s = a.store({});
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => s.putIfAbsent('k', `v${i}`, { expirationTtl: 60 })));
        eq(results.filter((r) => r === true).length, 1, 'writers');
        ok(/^v\d+$/.test(await s.get('k')), 'one value');
      }],
      [`stores (${a.name}): arguments as Workers KV takes them, else INVALID_OPTIONS`, async () => {
        const s = a.store({});
        await rejectsInvalid(stores, () => s.put('k', 'v', { expirationTtl: 59 }), 'expirationTtl', 'expirationTtl under 60');
        await rejectsInvalid(stores, () => s.putIfAbsent('k', 'v', { expirationTtl: '60' }), 'expirationTtl', 'expirationTtl as text');
        await rejectsInvalid(stores, () => s.put('k', 'v', { ttl: 60 }), 'ttl', 'an unknown put option');
        await rejectsInvalid(stores, () => s.get(''), 'key', 'an empty key');
        await rejectsInvalid(stores, () => s.put(['k'], 'v'), 'key', 'a key that is not a string');
        await rejectsInvalid(stores, () => s.put('k', 5), 'value', 'a value that is not a string');
        await rejectsInvalid(stores, () => a.store({ clok: () => 0 }), 'clok', 'an unknown option');
      }],
      [`limiters (${a.name}): a fixed window of period seconds; refusals say when it ends`, async () => {
        let now = T0 + 4_000; // 4 s into a 10-second window
        const l = a.limiter({ limit: 3, period: 10, clock: () => now });
        for (let i = 0; i < 3; i += 1) eq((await l.limit({ key: 'u1' })).success, true, `call ${i + 1}`);
        const refused = await l.limit({ key: 'u1' });
        eq(refused.success, false, 'call 4');
        eq(refused.retryAfter, 6, 'retryAfter: seconds to the window end');
        eq((await l.limit({ key: 'u2' })).success, true, 'another key');
        now += 6_000;
        eq((await l.limit({ key: 'u1' })).success, true, 'the next window');
      }],
      [`limiters (${a.name}): 12 calls at once, limit 5: exactly 5 pass`, async () => {
        const l = a.limiter({ limit: 5, period: 60 });
        const results = await Promise.all(Array.from({ length: 12 }, () => l.limit({ key: 'same' })));
        eq(results.filter((r) => r.success).length, 5, 'passed');
      }],
      [`limiters (${a.name}): options and arguments checked`, async () => {
        await rejectsInvalid(stores, () => a.limiter({ limit: 0, period: 60 }), 'limit', 'limit 0');
        await rejectsInvalid(stores, () => a.limiter({ limit: 1.5, period: 60 }), 'limit', 'limit 1.5');
        await rejectsInvalid(stores, () => a.limiter({ limit: 1, period: 0 }), 'period', 'period 0');
        await rejectsInvalid(stores, () => a.limiter({ limit: 1 }), 'period', 'no period');
        const l = a.limiter({ limit: 1, period: 60 });
        await rejectsInvalid(stores, () => l.limit('user'), 'key', 'limit(key) without the object');
        await rejectsInvalid(stores, () => l.limit({ key: '' }), 'key', 'an empty key');
      }],
    );
  }
  out.push(['stores: memory options checked', async () => {
    await rejectsInvalid(stores, () => stores.memoryStore('fast'), 'options', 'options not an object');
    await rejectsInvalid(stores, () => stores.memoryStore({ clock: 5 }), 'clock', 'clock not a function');
    await rejectsInvalid(stores, () => stores.memoryLimiter(), 'limit', 'no options');
    await rejectsInvalid(stores, () => stores.denoKvStore({}), 'kv', 'denoKvStore without a Deno.Kv');
    await rejectsInvalid(stores, () => stores.denoKvLimiter(null, { limit: 1, period: 1 }), 'kv', 'denoKvLimiter without a Deno.Kv');
  }]);
  if (lib !== undefined) {
    out.push(['stores: its errors are the main entry\'s VideoSDKError, the same class', async () => {
      eq(stores.VideoSDKError, lib.VideoSDKError, 'VideoSDKError');
      await rejectsInvalid(lib, () => stores.memoryStore({ clock: 5 }), 'clock', 'by the main entry\'s class');
    }]);
  }
  return out;
}
