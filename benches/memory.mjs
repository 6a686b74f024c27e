// Memory: wasm linear memory and process RSS after a warm-up, then after `count` signToken +
// verifyToken calls (default 1,000,000). Node only. Prints one JSON object.
import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const count = Number(process.argv[2]) || 1_000_000;
const { signToken, verifyToken } = await import('videosdk-token');
// initSync returns the already-initialised instance's exports: the same memory the package uses.
const pkgDir = realpathSync(fileURLToPath(new URL('../node_modules/videosdk-token/', import.meta.url)));
const glue = await import(pathToFileURL(`${pkgDir}/videosdk_token.js`).href);
const wasmMemory = () => glue.initSync({ module: new Uint8Array(0) }).memory.buffer.byteLength;

const SECRET = 'b3b0b4a5c5d2e8f1a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5';
const now = Math.floor(Date.now() / 1000);
const options = { apiKey: 'k', secret: SECRET, permissions: ['allow_join'], roomId: 'r', participantId: 'p', roles: ['rtc'], now };
const loop = (k) => {
  for (let i = 0; i < k; i++) verifyToken(signToken(options), SECRET, { now });
};
const snapshot = () => {
  globalThis.gc?.();
  return { wasmMemory: wasmMemory(), rss: process.memoryUsage().rss };
};
loop(Math.min(10_000, count));
const afterWarmUp = snapshot();
const t0 = performance.now();
loop(count);
const secs = (performance.now() - t0) / 1000;
const after = snapshot();
console.log(JSON.stringify({ count, secs, afterWarmUp, after }));
