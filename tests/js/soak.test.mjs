// Hardening: SOAK_N sign+verify calls (signToken, TokenSigner.sign and verifyToken,
// plus a refused verify every tenth call) hold wasm memory and RSS flat. 1,000,000 by default
// (about 30 s); SOAK_N changes it. `make soak` runs it alone, with gc exposed, and keeps the
// figures in target/hardening/soak.log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { signToken, verifyToken, TokenSigner } from 'videosdk-token';
import { wasmExports } from '../support/wasm-memory.mjs';

const N = Number(process.env.SOAK_N ?? 1_000_000);
const SECRET = 'soak-secret-0123456789abcdef0123456789abcdef0123456789abcdef';
const NOW = 1_700_000_000;
const MiB = 1024 * 1024;

// A forced collection at each sample, so that what is measured is what is retained.
v8.setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? vm.runInNewContext('gc');

test(`${N} sign+verify calls hold wasm memory and RSS flat`, async () => {
  const wasm = await wasmExports();
  const signer = new TokenSigner({ apiKey: 'k', secret: SECRET });
  const warmup = Math.min(20_000, N / 10);
  const samples = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const now = NOW + (i % 1000);
    const token = i % 2 === 0
      ? signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], roomId: `room-${i % 97}`, now })
      : signer.sign({ permissions: ['allow_join'], jwtId: true, now });
    assert.equal(verifyToken(token, SECRET, { now }).apikey, 'k');
    if (i % 10 === 0) assert.throws(() => verifyToken(token, SECRET, { now: now + 7200 }), { code: 'EXPIRED' });
    if (i + 1 === warmup || (i + 1) % Math.max(1, Math.floor(N / 10)) === 0) {
      gc();
      const { rss, heapUsed } = process.memoryUsage();
      samples.push({ calls: i + 1, wasm: wasm.memory.buffer.byteLength, rss, heapUsed });
    }
  }
  const secs = (performance.now() - t0) / 1000;
  signer.free();
  const base = samples[0];
  const last = samples.at(-1);
  const rssGrowth = Math.max(...samples.map((s) => s.rss)) - base.rss;
  const mid = samples[Math.floor(samples.length / 2)];
  const secondHalf = last.rss - mid.rss;
  const heapGrowth = last.heapUsed - mid.heapUsed;
  console.log(`soak: ${N} sign+verify in ${secs.toFixed(1)} s (${((secs * 1e6) / N).toFixed(1)} µs per pair); `
    + `wasm memory ${base.wasm / MiB} MiB after ${base.calls} calls -> ${last.wasm / MiB} MiB at ${last.calls}; `
    + `RSS ${(base.rss / MiB).toFixed(1)} MiB -> ${(last.rss / MiB).toFixed(1)} MiB (max growth ${(rssGrowth / MiB).toFixed(1)} MiB; `
    + `${(secondHalf / MiB).toFixed(1)} MiB over the second half); `
    + `JS heap after gc ${(mid.heapUsed / MiB).toFixed(1)} -> ${(last.heapUsed / MiB).toFixed(1)} MiB over the second half`);
  assert.equal(last.wasm, base.wasm, 'wasm memory grew after warm-up');
  assert.ok(rssGrowth < 64 * MiB, `RSS grew by ${(rssGrowth / MiB).toFixed(1)} MiB`);
  // RSS moves with V8's own heap sizing and code caches; the JS heap after gc and the wasm
  // memory are the precise measures of what the calls retain.
  assert.ok(secondHalf < 32 * MiB, `RSS grew by ${(secondHalf / MiB).toFixed(1)} MiB over the second half`);
  // Under node:test the heap after gc still drifts a few MiB over 500,000 calls (the runner's own;
  // the same loop run alone by node stays at +0.0 MiB); a leak of 32 bytes a call would be 16.
  assert.ok(heapGrowth < 16 * MiB, `the JS heap grew by ${(heapGrowth / MiB).toFixed(1)} MiB over the second half`);
});
