// The webhooks suite on Node, importing the packed package as an ES module, and the
// `videosdk-token/webhooks` entry (no wasm): the same functions and error classes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import * as webhooksEntry from 'videosdk-token/webhooks';
import { webhookCases } from './webhook-suite.mjs';
import { webhookTrustCases } from './webhook-trust-suite.mjs';

for (const [name, fn] of webhookCases(lib)) test(`node-esm: ${name}`, fn);
for (const [name, fn] of webhookTrustCases(lib)) test(`node-esm: ${name}`, fn);

test('node-esm: videosdk-token/webhooks exports the same functions and classes as the main entry', () => {
  for (const name of ['verifyWebhook', 'handleWebhookRequest', 'WebhookError', 'VideoSDKError']) {
    assert.equal(typeof webhooksEntry[name], 'function', name);
    assert.equal(webhooksEntry[name], lib[name], name);
  }
  assert.deepEqual(Object.keys(webhooksEntry).sort(), ['VideoSDKError', 'WebhookError', 'handleWebhookRequest', 'verifyWebhook']);
});
