// The webhooks suite on Node, importing the packed package as an ES module, and the
// `videosdk-token/webhooks` entry (no wasm): the same functions and error classes.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import * as webhooksEntry from 'videosdk-token/webhooks';
import { load } from '../suites/index.mjs';

for (const [name, fn] of await load(['webhooks'], { lib })) test(`node-esm: ${name}`, fn);

test('node-esm: videosdk-token/webhooks exports the same functions and classes as the main entry', () => {
  for (const name of ['verifyWebhook', 'handleWebhookRequest', 'WebhookError', 'VideoSDKError']) {
    assert.equal(typeof webhooksEntry[name], 'function', name);
    assert.equal(webhooksEntry[name], lib[name], name);
  }
  assert.deepEqual(Object.keys(webhooksEntry).sort(), ['VideoSDKError', 'WebhookError', 'handleWebhookRequest', 'verifyWebhook']);
});

// Node only: the runtime's WebCrypto is made to refuse one import. Pinned keys are cached per
// isolate; a failed import must not stay cached, or the key would fail until the isolate ends.
test('node-esm: a pinned key whose import failed is imported again on the next call', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' });
  const body = '{"webhookType":"recording-started"}';
  const signature = sign('sha256', Buffer.from(body), privateKey).toString('base64');
  const { subtle } = globalThis.crypto;
  subtle.importKey = async () => {
    throw new DOMException('refused for the test', 'NotSupportedError');
  };
  try {
    await assert.rejects(lib.verifyWebhook(body, signature, { publicKey: pem }), { code: 'KEY_INVALID', field: 'publicKey' });
  } finally {
    delete subtle.importKey;
  }
  assert.equal((await lib.verifyWebhook(body, signature, { publicKey: pem })).webhookType, 'recording-started');
});
