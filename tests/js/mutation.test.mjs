// Hardening: 100,000 mutated tokens through verifyToken and decodeToken. Every changed
// token is refused with a TokenError (never accepted, never a trap), and the module still works
// afterwards, its memory no bigger than a few pages over the start.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signToken, verifyToken, decodeToken, TokenSigner, TokenError } from 'videosdk-token';
import { wasmExports } from '../support/wasm-memory.mjs';

const SECRET = 'mutation-secret-0123456789abcdef0123456789abcdef0123456789abcdef';
const NOW = 1_700_000_000;
const N = Number(process.env.MUTATION_N ?? 100_000);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n\0é\uD800';

// A small deterministic PRNG (xorshift32), so a failure can be replayed from its index.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
}

function mutate(token, pick, others) {
  const i = pick(token.length + 1);
  const c = ALPHABET[pick(ALPHABET.length)];
  const parts = token.split('.');
  switch (pick(10)) {
    case 0: return token.slice(0, i) + c + token.slice(i + 1); // replace
    case 1: return token.slice(0, i) + token.slice(i + 1); // delete
    case 2: return token.slice(0, i) + c + token.slice(i); // insert
    case 3: return token.slice(0, i); // truncate
    case 4: return token + token.slice(0, pick(20) + 1); // extend
    case 5: { // swap a part with another token's
      const o = others[pick(others.length)].split('.');
      const k = pick(3);
      parts[k] = o[k];
      return parts.join('.');
    }
    case 6: return parts.slice(0, pick(3) + 1).join('.') + '.'.repeat(pick(3)); // parts dropped
    case 7: { // flip one bit of one character
      const code = token.charCodeAt(Math.min(i, token.length - 1)) ^ (1 << pick(7));
      const at = Math.min(i, token.length - 1);
      return token.slice(0, at) + String.fromCharCode(code) + token.slice(at + 1);
    }
    case 8: { // several replacements
      let t = token;
      for (let k = 0, n = pick(8) + 2; k < n; k++) {
        const j = pick(t.length);
        t = t.slice(0, j) + ALPHABET[pick(ALPHABET.length)] + t.slice(j + 1);
      }
      return t;
    }
    default: return `${parts[0]}.${parts[1]}.${parts[2].split('').reverse().join('')}`; // signature reversed
  }
}

test(`${N} mutated tokens are refused, and the module still works`, async () => {
  const wasm = await wasmExports();
  const tokens = [
    signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], now: NOW }),
    signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_mod'], roomId: 'room', participantId: 'p', roles: ['rtc'], jwtId: true, now: NOW }),
    signToken({ apiKey: 'key-2', secret: SECRET, permissions: ['ask_join'], expiresIn: '1h', now: NOW }),
  ];
  const pagesBefore = wasm.memory.buffer.byteLength;
  const pick = rng(0x5eed);
  const codes = {};
  let unchanged = 0;
  const t0 = performance.now();
  let refused = 0;
  for (let n = 0; refused < N; n++) {
    const original = tokens[n % tokens.length];
    const changed = mutate(original, pick, tokens);
    if (changed === original || tokens.includes(changed)) {
      unchanged++;
      continue;
    }
    try {
      const claims = verifyToken(changed, SECRET, { now: NOW + 1 });
      assert.fail(`mutation ${n} accepted: ${JSON.stringify(changed)} -> ${JSON.stringify(claims)}`);
    } catch (e) {
      if (e?.code === 'ERR_ASSERTION') throw e;
      assert.ok(e instanceof TokenError, `mutation ${n}: ${e?.name}: ${e?.message}`);
      codes[e.code] = (codes[e.code] ?? 0) + 1;
      refused++;
    }
    try {
      decodeToken(changed, { now: NOW });
    } catch (e) {
      assert.ok(e instanceof TokenError && e.code === 'MALFORMED', `decode of mutation ${n}: ${e?.name} ${e?.code}`);
    }
  }
  const ms = performance.now() - t0;
  console.log(`mutation: ${refused} mutated tokens refused (${unchanged} mutations that changed nothing skipped) in ${(ms / 1000).toFixed(1)} s; codes ${JSON.stringify(codes)}`);
  // Still works, and did not grow.
  for (const token of tokens) assert.equal(typeof verifyToken(token, SECRET, { now: NOW + 1 }).apikey, 'string');
  const signer = new TokenSigner({ apiKey: 'k', secret: SECRET });
  assert.equal(signer.sign({ permissions: ['allow_join'], now: NOW }), tokens[0]);
  signer.free();
  const grown = wasm.memory.buffer.byteLength - pagesBefore;
  assert.ok(grown <= 4 * 65536, `wasm memory grew by ${grown} bytes`);
});
