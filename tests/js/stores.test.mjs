// The dedupe, rate-limit and store suites on Node against the in-memory engines (Deno KV runs in
// `make stores-test` under Deno, Workers KV and the rate-limit binding under miniflare), and the
// `videosdk-token/stores` entry by require() as well.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import * as stores from 'videosdk-token/stores';
import { load, STORE_SUITES } from '../suites/index.mjs';

for (const [name, fn] of await load(STORE_SUITES, { lib, stores })) test(`node-esm: ${name}`, fn);

test('node: videosdk-token/stores exports the adapters, by import and by require', () => {
  const names = ['VideoSDKError', 'denoKvLimiter', 'denoKvStore', 'memoryLimiter', 'memoryStore'];
  assert.deepEqual(Object.keys(stores).sort(), names);
  const cjs = createRequire(import.meta.url)('videosdk-token/stores');
  assert.deepEqual(Object.keys(cjs).sort(), names);
  assert.equal(cjs.memoryStore().putIfAbsent.length, 3);
});
