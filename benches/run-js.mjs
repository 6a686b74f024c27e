// Throughput in one JS runtime (Node, Deno or Bun run this same file): every case of lib.mjs,
// alternated over rounds after a warm-up, plus the bare HMAC-SHA-256 floor from the bench build.
// Usage: <runtime> benches/run-js.mjs [n] [rounds]   — prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { checkCases, makeCases, runGroup, SECRET } from './lib.mjs';

const args = (globalThis.Deno?.args ?? globalThis.process?.argv.slice(2) ?? []).map(Number);
const n = args[0] || 20000;
const rounds = args[1] || 5;

const runtime = globalThis.Bun
  ? `bun ${globalThis.Bun.version}`
  : globalThis.Deno
    ? `deno ${globalThis.Deno.version.deno}`
    : `node ${globalThis.process.version}`;

// Peers that need Node's crypto module are loaded where they load; absence is reported, not fatal.
async function load(spec, pick = (m) => m) {
  try {
    return pick(await import(spec));
  } catch (e) {
    console.error(`${runtime}: ${spec} does not load here: ${e.message.split('\n')[0]}`);
    return undefined;
  }
}

const libs = {
  ours: await import('videosdk-token'),
  jose: await load('jose'),
  tsndr: await load('@tsndr/cloudflare-worker-jwt', (m) => m.default ?? m),
  fastJwt: await load('fast-jwt'),
  jsonwebtoken: await load('jsonwebtoken', (m) => m.default ?? m),
};

const now = Math.floor(Date.now() / 1000);
const groups = makeCases(libs, now);
await checkCases(groups, libs.ours, now);

// The floor: a bare HMAC-SHA-256 over the same signing input, inside the same wasm build with
// only the bench export added (make bench builds it into target/wasm-pack/bench).
const floorCases = [];
try {
  const glue = await import('../target/wasm-pack/bench/videosdk_token.js');
  glue.initSync({ module: readFileSync(new URL('../target/wasm-pack/bench/videosdk_token_bg.wasm', import.meta.url)) });
  const input = groups.token.slice(0, groups.token.lastIndexOf('.'));
  const key = new TextEncoder().encode(SECRET);
  floorCases.push(['floor.hmac', 'HMAC-SHA-256 from the raw key (bench build)', (k) => glue.benchHmacFloor(key, input, k, false)]);
  floorCases.push(['floor.hmacKeyed', 'HMAC-SHA-256 from keyed state (bench build)', (k) => glue.benchHmacFloor(key, input, k, true)]);
} catch (e) {
  console.error(`${runtime}: no bench build, no floor (${e.message.split('\n')[0]})`);
}

const opts = { n, rounds };
const result = {
  runtime,
  n,
  rounds,
  sign: await runGroup(groups.sign, opts),
  verify: await runGroup(groups.verify, opts),
  decode: await runGroup(groups.decode, opts),
};
if (floorCases.length) {
  // One call runs the whole loop in wasm: no per-operation crossing is counted in the floor.
  const timer = async (fn, k) => {
    const t0 = performance.now();
    fn(k);
    return (performance.now() - t0) / 1000;
  };
  result.floor = await runGroup(floorCases.map(([id, label, fn]) => [id, label, () => fn(1)]), {
    ...opts,
    timer: (f, k, id) => timer(floorCases.find((c) => c[0] === id)[2], k),
  });
}
console.log(JSON.stringify(result));
