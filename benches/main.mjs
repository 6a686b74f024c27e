// `make bench`: throughput in Node, Deno, Bun and workerd against the peers, the bare HMAC floor,
// cold start, upload size and memory; prints one table, writes target/bench/results.json and
// docs/benchmarks.md's results section (between its bench markers). `--smoke` runs every part once with a
// tiny N and writes nothing but the JSON: it proves the harness works and asserts no timing.
// Runs on Node 22 (wrangler and miniflare need it); each JS runtime runs benches/run-js.mjs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { BIN } from './bins.mjs';
import { median } from './lib.mjs';
import { uploadSize } from './size/upload.mjs';
import { coldWorkerd } from './workerd/cold.mjs';
import { runWorkerd } from './workerd/driver.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const smoke = process.argv.includes('--smoke');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (part) => !only || only.includes(part);
const N = smoke ? 100 : Number(process.env.BENCH_N) || 20000;
const ROUNDS = smoke ? 1 : Number(process.env.BENCH_ROUNDS) || 5;
const COLD_RUNS = smoke ? 1 : Number(process.env.COLD_RUNS) || 15;
const MEMORY_CALLS = smoke ? 2000 : 1_000_000;

// Node 22 drives (wrangler and miniflare need it); the throughput part also runs on Node 24 and 26,
// whose binaries are dev dependencies (node24, node26), so a change is seen on every current V8.
const bin = { node: process.execPath, ...BIN };
const runArgs = {
  node: (file, ...a) => [file, ...a],
  node24: (file, ...a) => [file, ...a],
  node26: (file, ...a) => [file, ...a],
  deno: (file, ...a) => ['run', '-A', file, ...a],
  bun: (file, ...a) => [file, ...a],
};

function run(runtime, file, ...args) {
  return runWith(runArgs, runtime, file, ...args);
}

// Cold start runs Deno as users do, with no permission flag (the `deno` entry reads no file).
const coldArgs = { ...runArgs, deno: (file, ...a) => ['run', file, ...a] };

function runWith(argsOf, runtime, file, ...args) {
  return execFileSync(bin[runtime], argsOf[runtime](`${root}benches/${file}`, ...args.map(String)), {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
  }).trim();
}

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

// `--render`: re-render docs/benchmarks.md's section from the last target/bench/results.json, no run.
if (process.argv.includes('--render')) {
  const last = JSON.parse(readFileSync(`${root}target/bench/results.json`, 'utf8'));
  writeResults(render(last));
  console.log(render(last));
  process.exit(0);
}
const results = {
  date: new Date().toISOString(),
  machine: machine(),
  n: N,
  rounds: ROUNDS,
  throughput: {},
};

for (const runtime of ['node', 'node24', 'node26', 'deno', 'bun']) {
  if (!want(runtime)) continue;
  log(`${runtime}: throughput (n=${N}, ${ROUNDS} rounds)`);
  results.throughput[runtime] = JSON.parse(run(runtime, 'run-js.mjs', N, ROUNDS));
}
if (want('workerd')) {
  log(`workerd: throughput (n=${N}, ${ROUNDS} rounds, timed from outside)`);
  results.throughput.workerd = await runWorkerd({ n: N, rounds: ROUNDS });
}

if (want('cold')) {
  results.coldStart = {};
  results.coldLoad = [];
  results.coldNode = process.version;
  for (const runtime of ['node', 'node24', 'node26', 'deno', 'bun']) {
    log(`${runtime}: cold start (${COLD_RUNS} fresh processes each, alternated)`);
    const ms = { ours: [], jose: [] };
    for (let i = 0; i < COLD_RUNS; i++) {
      for (const lib of i % 2 ? ['jose', 'ours'] : ['ours', 'jose']) ms[lib].push(Number(runWith(coldArgs, runtime, 'cold.mjs', lib)));
    }
    results.coldStart[runtime] = { oursMs: median(ms.ours), joseMs: median(ms.jose), runs: ms };
    results.coldLoad.push(os.loadavg()[0]);
  }
  log(`workerd: cold start (${smoke ? 1 : 2 * COLD_RUNS} fresh workerd each, alternated, less an empty Worker's)`);
  results.coldStart.workerd = await coldWorkerd({ runs: smoke ? 1 : 2 * COLD_RUNS }); // twice: its noise is a process start's
  results.coldLoad.push(os.loadavg()[0]);
}

if (want('size')) {
  log('size: wrangler deploy --dry-run of the minimal Worker, ours and jose');
  results.size = { wasmRaw: 0, wasmGzip: 0, upload: {} };
  const wasm = readFileSync(`${root}node_modules/videosdk-token/videosdk_token_bg.wasm`);
  results.size.wasmRaw = wasm.length;
  results.size.wasmGzip = (await import('node:zlib')).gzipSync(wasm, { level: 9 }).length;
  for (const lib of ['ours', 'jose']) {
    for (const minify of [false, true]) {
      results.size.upload[`${lib}${minify ? '.minify' : ''}`] = uploadSize(
        `${root}benches/size/wrangler-${lib}.toml`, `${root}target/bench/size-${lib}`, { minify });
    }
  }
}

if (want('memory')) {
  log(`memory: ${MEMORY_CALLS} signToken + verifyToken calls in Node`);
  results.memory = JSON.parse(execFileSync(process.execPath, ['--expose-gc', `${root}benches/memory.mjs`, MEMORY_CALLS], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  }));
}

mkdirSync(`${root}target/bench`, { recursive: true });
// A partial run (--only) must not replace the full results that --render and docs/benchmarks.md use.
const jsonPath = `${root}target/bench/${smoke ? 'smoke' : only ? 'partial' : 'results'}.json`;
writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
const report = render(results);
console.log(report);
if (!smoke && !only) writeResults(report);
log(`wrote ${jsonPath}${smoke || only ? '' : ' and docs/benchmarks.md'}`);

// ---------------------------------------------------------------------------------------------

/** Replaces docs/benchmarks.md's results section, kept between two markers, with the new report. */
function writeResults(report) {
  const path = `${root}docs/benchmarks.md`;
  const start = '<!-- bench:start (written by make bench) -->';
  const end = '<!-- bench:end -->';
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/benchmarks.md has no ${start} … ${end} section`);
  // The file has its own heading above the markers.
  const body = report.trim().replace(/^## .*\n+/, '');
  writeFileSync(path, `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`);
}

function machine() {
  const cpus = os.cpus();
  const version = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0];
    } catch {
      return '?';
    }
  };
  return {
    cpu: `${cpus[0]?.model ?? '?'} × ${cpus.length}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    rustc: version('rustc', ['--version']),
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/** The benchmark targets against this run: each with its figure and whether it is met. */
function targets(r) {
  const t = r.throughput;
  const ops = (rt, group, id) => t[rt]?.[group]?.[id]?.opsPerSec;
  const rows = [];
  const add = (what, value, goal, atLeast = true, unit = '×', goalText = `${goal}${unit}`) => {
    if (value === undefined || Number.isNaN(value)) return;
    const met = atLeast ? value >= goal : value <= goal;
    rows.push(`| ${what} | ${atLeast ? '≥' : '≤'} ${goalText} | ${value.toFixed(2)}${unit} | ${met ? 'met' : '**not met**'} |`);
  };
  const vs = (rt, group, peer) => ratio(ops(rt, group, `ours.${group}Token`), ops(rt, group, peer));
  add('Node signToken ÷ fast-jwt', vs('node', 'sign', 'fast-jwt'), 2);
  add('Node signToken ÷ jose', vs('node', 'sign', 'jose'), 20);
  add('Node verifyToken ÷ fast-jwt', vs('node', 'verify', 'fast-jwt'), 1.2);
  add('Node verifyToken ÷ jose', vs('node', 'verify', 'jose'), 15);
  add('Node decodeToken ÷ jose.decodeJwt', vs('node', 'decode', 'jose'), 1);
  for (const rt of ['node24', 'node26']) {
    const name = t[rt]?.runtime ?? rt;
    add(`${name} signToken ÷ fast-jwt`, vs(rt, 'sign', 'fast-jwt'), 2);
    add(`${name} verifyToken ÷ fast-jwt`, vs(rt, 'verify', 'fast-jwt'), 1.2);
  }
  for (const rt of ['workerd', 'deno', 'bun']) {
    const goal = rt === 'workerd' ? 2.5 : 10;
    add(`${rt} signToken ÷ jose`, vs(rt, 'sign', 'jose'), goal);
    add(`${rt} verifyToken ÷ jose`, vs(rt, 'verify', 'jose'), goal);
  }
  const floor = ops('node', 'floor', 'floor.hmac');
  const keyedFloor = ops('node', 'floor', 'floor.hmacKeyed');
  add('Node TokenSigner.sign ÷ HMAC floor (raw key)', ratio(floor, ops('node', 'sign', 'ours.TokenSigner.sign')), 1.25, false);
  add('Node TokenSigner.sign ÷ HMAC floor (keyed state, stricter)', ratio(keyedFloor, ops('node', 'sign', 'ours.TokenSigner.sign')), 1.25, false);
  add('Node signToken ÷ HMAC floor (raw key)', ratio(floor, ops('node', 'sign', 'ours.signToken')), 1.5, false);
  if (r.coldStart?.node) add('Node cold start ÷ jose', r.coldStart.node.oursMs / r.coldStart.node.joseMs, 1 / 3, false, '', '1/3 (0.33)');
  // The `deno` entry imports the wasm as a module: no file read at start, so at most jose's.
  if (r.coldStart?.deno) add('Deno cold start ÷ jose', r.coldStart.deno.oursMs / r.coldStart.deno.joseMs, 1, false, '', '1');
  for (const rt of ['node24', 'node26', 'bun', 'workerd']) {
    if (r.coldStart?.[rt]) add(`${rt} cold start ÷ jose`, r.coldStart[rt].oursMs / r.coldStart[rt].joseMs, 1, false, '', '1');
  }
  if (r.size) add('minimal Worker upload, gzip', r.size.upload.ours.gzipKib, 40, false, ' KiB');
  return ['Targets (set when the benchmarks were first written), from this run:', '', '| target | goal | measured | |', '|---|---:|---:|---|', ...rows];
}

function fmtOps(x) {
  if (x === undefined) return '–';
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(x >= 1e5 ? 0 : 1)} k`;
  return x.toFixed(0);
}

function ratio(a, b) {
  return a && b ? a / b : undefined;
}

function fmtRatio(r) {
  return r === undefined ? '' : `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

function render(r) {
  const runtimes = Object.keys(r.throughput);
  const lines = [];
  lines.push('## Benchmarks', '');
  lines.push(`Operations per second (median of ${r.rounds} alternated rounds of ${r.n} calls after a warm-up; ` +
    'async peers run n/10 calls). In parentheses: ours ÷ that peer (signToken for signing, verifyToken, decodeToken), ' +
    'so above 1× means we are faster. Same VideoSDK v2 payload (apikey, permissions, version 2, roomId, participantId, roles, iat, exp), same secret and clock. ' +
    'In workerd a request doing n calls is timed from outside, less an empty request.', '');
  lines.push(`| operation | library | ${runtimes.map((rt) => r.throughput[rt].runtime).join(' | ')} |`);
  lines.push(`|---|---|${runtimes.map(() => '---:').join('|')}|`);
  const oursId = { sign: 'ours.signToken', verify: 'ours.verifyToken', decode: 'ours.decodeToken' };
  for (const group of ['sign', 'verify', 'decode']) {
    const ids = [];
    for (const rt of runtimes) for (const id of Object.keys(r.throughput[rt][group])) if (!ids.includes(id)) ids.push(id);
    for (const id of ids) {
      const label = runtimes.map((rt) => r.throughput[rt][group][id]?.label).find(Boolean);
      const cells = runtimes.map((rt) => {
        const t = r.throughput[rt][group];
        if (!t[id]) return '–';
        const mine = id.startsWith('ours.');
        return `${fmtOps(t[id].opsPerSec)}${mine ? '' : ` (${fmtRatio(ratio(t[oursId[group]].opsPerSec, t[id].opsPerSec))})`}`;
      });
      lines.push(`| ${group} | ${label} | ${cells.join(' | ')} |`);
    }
  }
  const floors = runtimes.filter((rt) => r.throughput[rt].floor);
  if (floors.length) {
    for (const [id, what] of [['floor.hmac', 'raw key'], ['floor.hmacKeyed', 'keyed state']]) {
      const cells = runtimes.map((rt) => {
        const f = r.throughput[rt].floor?.[id];
        return f ? fmtOps(f.opsPerSec) : '–';
      });
      lines.push(`| floor | bare HMAC-SHA-256, ${what} (bench build) | ${cells.join(' | ')} |`);
    }
  }
  lines.push('');
  if (floors.length) {
    lines.push('Cost relative to the bare HMAC-SHA-256 floor over the same signing input, inside the same wasm build ' +
      '(time per call ÷ time per MAC; the raw-key floor includes the key schedule, the keyed one starts from a precomputed key state):', '');
    lines.push('| call | floor | ' + floors.map((rt) => r.throughput[rt].runtime).join(' | ') + ' |');
    lines.push('|---|---|' + floors.map(() => '---:').join('|') + '|');
    for (const [group, id, label] of [['sign', 'ours.signToken', 'signToken'], ['sign', 'ours.TokenSigner.sign', 'TokenSigner.sign'], ['verify', 'ours.verifyToken', 'verifyToken']]) {
      for (const [fid, what] of [['floor.hmac', 'raw key'], ['floor.hmacKeyed', 'keyed state']]) {
        lines.push(`| ${label} | ${what} | ${floors.map((rt) => fmtRatio(ratio(r.throughput[rt].floor[fid].opsPerSec, r.throughput[rt][group][id].opsPerSec))).join(' | ')} |`);
      }
    }
    lines.push('');
  }
  if (r.coldStart) {
    const runs = Object.values(r.coldStart)[0]?.runs.ours.length;
    const load = r.coldLoad?.length ? ` (load average ${Math.min(...r.coldLoad).toFixed(1)}–${Math.max(...r.coldLoad).toFixed(1)} while measured)` : '';
    lines.push(`Cold start, import to first token (\`signToken\`): median of ${runs} fresh processes each, ours and jose alternated${load}. ` +
      'Deno with no permission flag. workerd: a fresh workerd (Miniflare) to its first answer, timed from outside, less an empty Worker\'s in the same round, twice the runs' +
      (r.coldStart.workerd ? ` (${r.coldStart.workerd.emptyMs.toFixed(0)} ms)` : '') + ':', '');
    lines.push('| runtime | videosdk-token | jose | ratio |', '|---|---:|---:|---:|');
    for (const [rt, c] of Object.entries(r.coldStart)) {
      const name = rt === 'node' && r.coldNode ? `node (${r.coldNode.split('.')[0]})` : rt;
      lines.push(`| ${name} | ${c.oursMs.toFixed(1)} ms | ${c.joseMs.toFixed(1)} ms | ${(c.oursMs / c.joseMs).toFixed(2)} |`);
    }
    lines.push('');
  }
  if (r.size) {
    const u = r.size.upload;
    lines.push(`Size: the wasm is ${(r.size.wasmRaw / 1024).toFixed(1)} KiB raw, ${(r.size.wasmGzip / 1024).toFixed(1)} KiB gzip. ` +
      'A minimal Worker that signs, verifies and decodes, as wrangler reports it ("Total Upload … gzip"):', '');
    lines.push('| Worker | upload | gzip | minified upload | minified gzip |', '|---|---:|---:|---:|---:|');
    for (const lib of ['ours', 'jose']) {
      lines.push(`| ${lib === 'ours' ? 'videosdk-token' : 'jose'} | ${u[lib].kib} KiB | ${u[lib].gzipKib} KiB | ${u[`${lib}.minify`].kib} KiB | ${u[`${lib}.minify`].gzipKib} KiB |`);
    }
    lines.push('');
  }
  if (r.memory) {
    const m = r.memory;
    const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
    lines.push(`Memory (Node): after ${m.count.toLocaleString('en')} signToken + verifyToken calls (${m.secs.toFixed(1)} s), ` +
      `wasm memory ${mib(m.after.wasmMemory)} (after warm-up: ${mib(m.afterWarmUp.wasmMemory)}), ` +
      `RSS ${mib(m.after.rss)} (after warm-up: ${mib(m.afterWarmUp.rss)}).`, '');
  }
  lines.push(...targets(r), '');
  const mc = r.machine;
  lines.push(`Machine: ${mc.cpu}, ${mc.memoryGiB} GiB, ${mc.os}; ${mc.rustc}; load average at the end ${mc.load}. ` +
    `Run with \`make bench\` on ${r.date.slice(0, 10)}. The machine was shared with other builds, so single figures are noisy; ` +
    'the ratios, measured alternately in one process, are what to compare.', '');
  return lines.join('\n');
}
