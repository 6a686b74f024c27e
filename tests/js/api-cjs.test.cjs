// Both shared suites on Node through CommonJS: require('videosdk-token') must load the package's
// CJS entry (node.cjs), not the ES module through require(esm), so that every Node >= 20 works.
'use strict';
const { test } = require('node:test');
const lib = require('videosdk-token');

test('node-cjs: require() resolves to the CommonJS entry', () => {
  const resolved = require.resolve('videosdk-token');
  if (!resolved.endsWith('node.cjs')) throw new Error(`require resolved to ${resolved}`);
});

test('node-cjs: the wasm-free subpaths resolve to CommonJS twins and work', async () => {
  for (const [name, file] of [['videosdk-token/webhooks', 'webhooks/index.cjs'], ['videosdk-token/client', 'index.cjs']]) {
    const resolved = require.resolve(name);
    if (!resolved.endsWith(file)) throw new Error(`require('${name}') resolved to ${resolved}`);
  }
  const webhooks = require('videosdk-token/webhooks');
  const rejected = await webhooks.verifyWebhook('{}', null, { publicKey: 'x' }).catch((e) => e);
  if (rejected.name !== 'WebhookError' || rejected.code !== 'KEY_INVALID') throw new Error(`${rejected.name} ${rejected.code}`);
  const { createTokenProvider, TokenProviderError } = require('videosdk-token/client');
  const provider = createTokenProvider({ url: 'http://127.0.0.1:9/api/token', fetch: async () => new Response('{}', { status: 403 }) });
  const refused = await provider.getToken().catch((e) => e);
  if (!(refused instanceof TokenProviderError) || refused.status !== 403) throw new Error(`${refused.name} ${refused.code}`);
});

test('node-cjs: videosdk-token/testing resolves to its CommonJS twin, which verifies with node.cjs', async () => {
  const resolved = require.resolve('videosdk-token/testing');
  if (!resolved.endsWith('testing/index.cjs')) throw new Error(`require resolved to ${resolved}`);
  const { createStandIn, createWebhookSigner } = require('videosdk-token/testing');
  const s = createStandIn({ apiKey: 'test-api-key', secret: 'videosdk-test-secret-0123456789abcdef0123456789abcdef', webhookSigner: await createWebhookSigner() });
  const c = new lib.VideoSDKClient({ apiKey: 'test-api-key', secret: 'videosdk-test-secret-0123456789abcdef0123456789abcdef', apiBase: s.apiBase, fetch: s.fetch });
  const room = await c.rooms.create({ customRoomId: 'cjs' });
  if (room.customRoomId !== 'cjs' || s.state.rooms.length !== 1) throw new Error(JSON.stringify(room));
  c.close();
});

test('node-cjs', async (t) => {
  const { load } = await import('../suites/index.mjs');
  for (const [name, fn] of await load(['tokens', 'rules', 'join-errors', 'endpoint', 'token-handler', 'prototype'], { lib })) await t.test(`node-cjs: ${name}`, fn);
});
