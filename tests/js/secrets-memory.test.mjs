// Hardening: after signToken / verifyToken return, the wasm linear memory holds no
// copy of the key, key⊕ipad, key⊕opad, or the HMAC inner and outer SHA-256 states (each is
// enough to forge tokens). A TokenSigner holds two states until free(), which clears them.
// The scan covers the whole memory, each byte string in each form it can take (wasm-memory.mjs).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { signToken, verifyToken, decodeToken, TokenSigner } from 'videosdk-token';
import { checkCompress, scanKeyMaterial, wasmExports } from '../support/wasm-memory.mjs';

const NOW = 1_700_000_000;
let wasm;

before(async () => {
  wasm = await wasmExports();
});

/** A fresh random secret for each test, so nothing left by another test can be confused. */
function freshSecret(kind, length = 64) {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  if (kind === 'bytes') return { secret: bytes, key: Buffer.from(bytes) };
  const text = Buffer.from(bytes).toString('hex').slice(0, length); // like a dashboard secret
  return { secret: text, key: Buffer.from(text, 'utf8') };
}

/**
 * The first 64 bytes of the signing input of every token for the API key 'k' (the header and the
 * payload's start, whatever the secret): a TokenSigner holds the inner state after them.
 */
const FIRST_BLOCK = () => Buffer.from(
  signToken({ apiKey: 'k', secret: 'x'.repeat(32), permissions: ['allow_join'], now: NOW }).slice(0, 64),
);

function assertClean(key, when) {
  const found = scanKeyMaterial(wasm, key, FIRST_BLOCK());
  assert.deepEqual(found, {}, `${when}: key material left in wasm memory at ${JSON.stringify(found)}`);
}

test('the JS SHA-256 compression used to derive the states agrees with node:crypto', () => {
  assert.ok(checkCompress());
});

test('this is the instance the package runs on (a held TokenSigner is found: the scan works)', () => {
  const { secret, key } = freshSecret('text');
  const signer = new TokenSigner({ apiKey: 'k', secret });
  const found = scanKeyMaterial(wasm, key, FIRST_BLOCK());
  assert.ok(found['inner state after the first block (u32 words)'] && found['outer state (u32 words)'],
    `the held HMAC states must be visible to the scan; found ${JSON.stringify(found)}`);
  signer.free();
  assertClean(key, 'after free()');
});

for (const [kind, length] of [['text', 64], ['text', 32], ['bytes', 32], ['bytes', 48], ['bytes', 100]]) {
  test(`signToken and verifyToken leave no key material (${kind} secret, ${length} bytes)`, () => {
    const { secret, key } = freshSecret(kind, length);
    const token = signToken({ apiKey: 'k', secret, permissions: ['allow_join'], roomId: 'r', now: NOW });
    assertClean(key, 'after signToken');
    assert.equal(verifyToken(token, secret, { now: NOW + 1 }).roomId, 'r');
    assertClean(key, 'after verifyToken (accepted)');
    for (const [t, opts] of [
      [token, { now: NOW + 7200 }], // EXPIRED: MAC checked first
      // INVALID_SIGNATURE: the last two characters changed (a random secret's own signature ends
      // in 'AA' once in 1024, which made this case pass through unrefused).
      [`${token.slice(0, -2)}${token.endsWith('AA') ? 'AE' : 'AA'}`, { now: NOW }],
      [token, { now: NOW, apiKey: 'other' }], // CLAIM_MISMATCH
    ]) {
      assert.throws(() => verifyToken(t, secret, opts));
      assertClean(key, `after verifyToken (refused, ${JSON.stringify(opts)})`);
    }
    assert.throws(() => verifyToken(token, [freshSecret(kind).secret, 'x'.repeat(40)], { now: NOW }));
    assert.equal(verifyToken(token, [freshSecret(kind).secret, secret], { now: NOW }).apikey, 'k');
    assertClean(key, 'after verifyToken with a list of secrets');
    decodeToken(token);
    assertClean(key, 'after decodeToken');
  });
}

test('a TokenSigner holds its key state until free(), which clears it', () => {
  const { secret, key } = freshSecret('text');
  const signer = new TokenSigner({ apiKey: 'k', secret });
  for (let i = 0; i < 10; i++) signer.sign({ permissions: ['allow_join'], now: NOW + i });
  const held = scanKeyMaterial(wasm, key, FIRST_BLOCK());
  // Only the held states, once each: no raw key, no ipad/opad block, no stray copies (and the
  // inner state only as it is after the first block of what every token starts with).
  assert.deepEqual(Object.keys(held).sort(), ['inner state after the first block (u32 words)', 'outer state (u32 words)']);
  assert.equal(held['inner state after the first block (u32 words)'].length, 1);
  assert.equal(held['outer state (u32 words)'].length, 1);
  signer.free();
  assertClean(key, 'after free()');
  assert.throws(() => signer.sign({ permissions: ['allow_join'] }), { code: 'INVALID_OPTIONS' });
});

test('a weak or refused secret leaves nothing either', () => {
  const { secret, key } = freshSecret('text', 31);
  assert.throws(() => signToken({ apiKey: 'k', secret, permissions: ['allow_join'] }), { code: 'WEAK_SECRET' });
  assert.throws(() => signToken({ apiKey: 'k', secret: `${secret}0`, permissions: ['nope'] }), { code: 'INVALID_OPTIONS' });
  assertClean(key, 'after refused calls');
});
