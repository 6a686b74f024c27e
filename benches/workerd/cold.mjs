// Cold start in workerd, timed from outside (the clock inside a Worker stands still): from
// starting a fresh workerd (Miniflare) with a Worker to the answer of its first request, which
// makes one token. workerd evaluates the Worker's modules at start-up, so this is import → first
// token plus the runtime's own start, which an empty Worker (cold/empty.mjs) measures: the
// figures reported are the medians of each run less the empty Worker's run of the same round.
// Runs alternate ours, jose and empty. Tens of ms of noise per start: take it as a rough figure.
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { median } from '../lib.mjs';
import { wrangler } from '../size/upload.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LIBS = ['ours', 'jose', 'empty'];

function bundle(lib) {
  const outdir = `${root}target/bench/cold-workerd-${lib}`;
  rmSync(outdir, { recursive: true, force: true }); // a stale .wasm from an earlier build would be picked
  wrangler(['deploy', '--dry-run', '--outdir', outdir, '--config', `${root}benches/workerd/cold/wrangler-${lib}.toml`]);
  return readdirSync(outdir).filter((f) => /\.(m?js|wasm)$/.test(f)).sort((a, b) => Number(b.endsWith('js')) - Number(a.endsWith('js')))
    .map((f) => ({ type: f.endsWith('.wasm') ? 'CompiledWasm' : 'ESModule', path: `${outdir}/${f}` }));
}

async function once(modules) {
  const t0 = performance.now();
  const mf = new Miniflare({ modules, compatibilityDate: '2025-09-01' });
  try {
    const res = await mf.dispatchFetch('http://cold.local/');
    const text = await res.text();
    const ms = performance.now() - t0;
    if (text.split('.').length !== 3) throw new Error(`workerd cold start: not a token: ${text.slice(0, 200)}`);
    return ms;
  } finally {
    await mf.dispose();
  }
}

/** { oursMs, joseMs, emptyMs, runs }: `runs` fresh starts each; ours and jose less empty, round by round. */
export async function coldWorkerd({ runs }) {
  const modules = Object.fromEntries(LIBS.map((lib) => [lib, bundle(lib)]));
  await once(modules.empty); // the first start of a process warms what is not the Worker's (disk cache, Node's side)
  const ms = Object.fromEntries(LIBS.map((lib) => [lib, []]));
  for (let i = 0; i < runs; i++) {
    for (const lib of i % 2 ? [...LIBS].reverse() : LIBS) ms[lib].push(await once(modules[lib]));
  }
  // Each run's start less the empty Worker's of the same round, then the median: a process start
  // varies by tens of ms on a shared machine, and the rounds pair what ran at the same moment.
  const less = (lib) => median(ms[lib].map((t, i) => t - ms.empty[i]));
  return { oursMs: less('ours'), joseMs: less('jose'), emptyMs: median(ms.empty), runs: ms };
}
