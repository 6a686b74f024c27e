// The dedupe, rate-limit and store suites on Deno 2 against Deno KV itself (SQLite, in memory:
// `--unstable-kv`, Deno.openKv(':memory:'), no permission flag), beside the in-memory engines:
// denoKvStore's atomic putIfAbsent and denoKvLimiter's check-and-commit under real concurrency.
import * as lib from 'videosdk-token';
import * as stores from 'videosdk-token/stores';
import { runCases } from './harness.mjs';
import { load, STORE_SUITES } from '../suites/index.mjs';

const kv = await Deno.openKv(':memory:');
let n = 0;
// Each store or limiter on a prefix of its own, so that no case sees another's keys.
const prefix = () => ['test', (n += 1)];
const context = {
  lib,
  stores,
  engines: [
    { name: 'Deno KV', store: () => stores.denoKvStore(kv, { prefix: prefix() }), atomic: true,
      limiter: (limit) => stores.denoKvLimiter(kv, { limit, period: 60, prefix: prefix() }), exact: true, retryAfter: true },
  ],
  adapters: [
    { name: 'Deno KV', store: (o) => stores.denoKvStore(kv, { ...o, prefix: prefix() }),
      limiter: (o) => stores.denoKvLimiter(kv, { ...o, prefix: prefix() }) },
  ],
};
const { failed } = await runCases('deno (Deno KV)', () => load(STORE_SUITES, context));
kv.close();
Deno.exit(failed > 0 ? 1 : 0);
