// The floor under the goals' case (docs/speed-goals.md): a bare HMAC-SHA-256 over the signing
// input of the goals' token, looped inside wasm (the `bench`-feature build's benchHmacFloor,
// `make bench-wasm`), with a keyed state (as TokenSigner) and from the raw key (as signToken and
// verifyToken), beside fast-jwt's sign and TokenSigner.sign, in the same process, three rounds.
//   node benches/floor.mjs [pkg dir, default pkg/]   — one JSON line per round
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_KEY, PARTICIPANT_ID, ROOM_ID, SECRET } from './lib.mjs';

const root = new URL('../', import.meta.url);
const bench = new URL('target/wasm-pack/bench/', root);
if (!existsSync(new URL('videosdk_token_bg.wasm', bench))) {
  console.error('benches/floor.mjs: no bench build in target/wasm-pack/bench: run `make bench-wasm` first');
  process.exit(1);
}
const glue = await import(new URL('videosdk_token.js', bench).href);
glue.initSync({ module: readFileSync(new URL('videosdk_token_bg.wasm', bench)) });
const ours = await import(pathToFileURL(resolve(process.argv[2] ?? new URL('pkg', root).pathname, 'node.js')).href);
const fastJwt = await import('fast-jwt');

const [apiKey, secret] = [API_KEY, SECRET];
// The goals' claims (benches/ratios.mjs); each timed call below writes its own object, as callers do.
const claims = { permissions: ['allow_join'], roomId: ROOM_ID, participantId: PARTICIPANT_ID, roles: ['crawler', 'rtc'], expiresIn: '120m' };
const key = new TextEncoder().encode(secret);
const token = ours.signToken({ apiKey, secret, ...claims });
const input = token.slice(0, token.lastIndexOf('.'));
const fastSigner = fastJwt.createSigner({ key: secret, expiresIn: 7200000 });
const signer = new ours.TokenSigner({ apiKey, secret });

/** ops/s of `run(n)`, which does n operations, after one warm-up call. */
function rate(run, n) {
  run(1000);
  const t = performance.now();
  run(n);
  return n / ((performance.now() - t) / 1000);
}
const loop = (fn) => (n) => { for (let i = 0; i < n; i++) fn(); };
for (let round = 0; round < 3; round++) {
  const keyed = rate((n) => glue.benchHmacFloor(key, input, n, true), 200000);
  const raw = rate((n) => glue.benchHmacFloor(key, input, n, false), 200000);
  const fast = rate(loop(() => fastSigner({ apikey: apiKey, permissions: ['allow_join'], version: 2, roomId: claims.roomId, participantId: claims.participantId, roles: ['crawler', 'rtc'] })), 100000);
  const ts = rate(loop(() => signer.sign({ permissions: ['allow_join'], roomId: ROOM_ID, participantId: PARTICIPANT_ID, roles: ['crawler', 'rtc'], expiresIn: '120m' })), 100000);
  const r = (x) => Math.round(x);
  console.log(JSON.stringify({ node: process.version, inputBytes: input.length, keyedFloor: r(keyed), rawFloor: r(raw), fastJwtSign: r(fast), tokenSignerSign: r(ts),
    'keyedFloor ÷ fast-jwt': +(keyed / fast).toFixed(2), 'rawFloor ÷ fast-jwt': +(raw / fast).toFixed(2), 'TokenSigner.sign ÷ fast-jwt': +(ts / fast).toFixed(2) }));
}
