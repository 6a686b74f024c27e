// Test helpers that look inside the package's wasm linear memory (hardening).
//
// How the tests reach the memory, honestly: the package's glue module (videosdk_token.js, from
// wasm-pack --target web) keeps the one wasm instance in a module-level variable, and its
// `initSync()` returns that instance's exports when it is already initialised. Importing the
// glue by file path gives the same module instance the package entry (node.js) initialised,
// because Node resolves the node_modules symlink to the same real file. No test-only export is
// added to the package. `sameInstance()` below proves it is the same instance.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkgDir = realpathSync(fileURLToPath(new URL('../../node_modules/videosdk-token/', import.meta.url)));

/** The wasm exports of the instance the `videosdk-token` package runs on. */
export async function wasmExports() {
  await import('videosdk-token'); // the entry initialises the instance first
  const glue = await import(pathToFileURL(`${pkgDir}/videosdk_token.js`).href);
  const exports = glue.initSync({ module: readFileSync(`${pkgDir}/videosdk_token_bg.wasm`) });
  if (!(exports.memory instanceof WebAssembly.Memory)) throw new Error('no wasm memory export');
  return exports;
}

/** A copy-free view of the whole linear memory as it is now (re-take it after calls: it can grow). */
export function memoryBytes(exports) {
  return Buffer.from(exports.memory.buffer);
}

/** Offsets of every occurrence of `needle` in the whole memory. */
export function findAll(exports, needle) {
  const mem = memoryBytes(exports);
  const hits = [];
  for (let at = mem.indexOf(needle); at !== -1; at = mem.indexOf(needle, at + 1)) hits.push(at);
  return hits;
}

// --- SHA-256 compression, to compute the HMAC key schedule independently of the library ------

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const rotr = (x, n) => (x >>> n) | (x << (32 - n));

/** SHA-256 compression of one 64-byte block into an 8-word state; returns the new state. */
export function compress(state, block) {
  const w = new Uint32Array(64);
  for (let i = 0; i < 16; i++) w[i] = block.readUInt32BE(4 * i);
  for (let i = 16; i < 64; i++) {
    const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
    const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  let [a, b, c, d, e, f, g, h] = state;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
    [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
  }
  return state.map((v, i) => (v + [a, b, c, d, e, f, g, h][i]) >>> 0);
}

/** Self-check of compress() against node:crypto: SHA-256 of one 55-byte message. */
export function checkCompress() {
  const msg = Buffer.alloc(55, 0x61);
  const block = Buffer.concat([msg, Buffer.from([0x80]), Buffer.alloc(6), Buffer.from([0x01, 0xb8])]);
  const ours = Buffer.concat(compress(IV, block).map((v) => wordBE(v)));
  return ours.equals(createHash('sha256').update(msg).digest());
}

function wordBE(v) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v);
  return b;
}

function wordLE(v) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b;
}

/** The same bytes with each 32-bit word's bytes reversed: how big-endian words sit in memory. */
function swapWords(buf) {
  const out = Buffer.from(buf);
  return out.swap32();
}

/**
 * Every byte string from which HS256 tokens could be forged for `key` (a Buffer), in each form
 * it can take in wasm memory (wasm is little-endian; SHA-256 works on big-endian words):
 *   key; key⊕ipad and key⊕opad blocks (as bytes, and as the u32 words of SHA-256's message
 *   schedule); the inner and outer SHA-256 states after those blocks (as the [u32; 8] the
 *   library holds, and as big-endian bytes).
 * Keys longer than 64 bytes are hashed first (RFC 2104), as the library does. With `firstBlock`
 * (the first 64 bytes of a signing input), also the inner state after that block: a TokenSigner
 * holds that one, having taken in what every token of its API key starts with.
 */
export function keyMaterial(key, firstBlock) {
  const k0 = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(k0);
  const ipad = Buffer.from(k0.map((b) => b ^ 0x36));
  const opad = Buffer.from(k0.map((b) => b ^ 0x5c));
  const inner = compress(IV, ipad);
  const outer = compress(IV, opad);
  const keyPart = Math.min(key.length, 64) & ~3; // the key-dependent, word-aligned part of a block
  const forms = {
    key: Buffer.from(key),
    'key⊕ipad (bytes)': ipad.subarray(0, keyPart),
    'key⊕ipad (u32 words)': swapWords(ipad.subarray(0, keyPart)),
    'key⊕opad (bytes)': opad.subarray(0, keyPart),
    'key⊕opad (u32 words)': swapWords(opad.subarray(0, keyPart)),
    'inner state (u32 words)': Buffer.concat(inner.map(wordLE)),
    'inner state (big-endian)': Buffer.concat(inner.map(wordBE)),
    'outer state (u32 words)': Buffer.concat(outer.map(wordLE)),
    'outer state (big-endian)': Buffer.concat(outer.map(wordBE)),
  };
  if (firstBlock) {
    const after = compress(inner, firstBlock);
    forms['inner state after the first block (u32 words)'] = Buffer.concat(after.map(wordLE));
    forms['inner state after the first block (big-endian)'] = Buffer.concat(after.map(wordBE));
  }
  return forms;
}

/** { name: [offsets] } for every form of the key material still found in memory. */
export function scanKeyMaterial(exports, key, firstBlock) {
  const found = {};
  for (const [name, bytes] of Object.entries(keyMaterial(key, firstBlock))) {
    const hits = findAll(exports, bytes);
    if (hits.length > 0) found[name] = hits;
  }
  return found;
}
