// Throughput inside workerd: bundles worker.mjs with wrangler (as a user's Worker is bundled),
// runs it in Miniflare (workerd) and times requests from outside, a request doing n operations
// minus one doing none, since the clock inside a request stands still.
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { median } from '../lib.mjs';
import { wrangler } from '../size/upload.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function runWorkerd({ n, rounds, asyncDivisor = 10 }) {
  const outdir = `${root}target/bench/workerd-bundle`;
  rmSync(outdir, { recursive: true, force: true }); // a stale .wasm from an earlier build would be picked
  wrangler(['deploy', '--dry-run', '--outdir', outdir, '--config', `${root}benches/workerd/wrangler.toml`]);
  const wasm = readdirSync(outdir).find((f) => f.endsWith('.wasm'));
  const mf = new Miniflare({
    modules: [
      { type: 'ESModule', path: `${outdir}/worker.js` },
      { type: 'CompiledWasm', path: `${outdir}/${wasm}` },
    ],
    compatibilityDate: '2025-09-01',
  });
  try {
    const get = async (path) => {
      const res = await mf.dispatchFetch(`http://bench.local${path}`);
      const text = await res.text();
      if (!res.ok) throw new Error(`workerd ${path}: ${res.status} ${text.slice(0, 300)}`);
      return text;
    };
    const list = JSON.parse(await get('/setup'));
    const version = (await import('workerd/package.json', { with: { type: 'json' } })).default.version;
    const result = { runtime: `workerd ${version} (miniflare)`, n, rounds };
    const timed = async (group, id, k) => {
      const t0 = performance.now();
      await get(`/?group=${group}&id=${encodeURIComponent(id)}&n=${k}`);
      return (performance.now() - t0) / 1000;
    };
    for (const group of ['sign', 'verify', 'decode']) {
      const cases = list[group];
      const count = (c) => (c.async ? Math.max(1, Math.floor(n / asyncDivisor)) : n);
      for (const c of cases) await timed(group, c.id, Math.max(1, count(c) >> 1)); // warm-up
      const samples = new Map(cases.map((c) => [c.id, []]));
      for (let r = 0; r < rounds; r++) {
        for (const c of r % 2 === 0 ? cases : [...cases].reverse()) {
          const empty = Math.min(await timed(group, c.id, 0), await timed(group, c.id, 0));
          const full = await timed(group, c.id, count(c));
          samples.get(c.id).push(count(c) / Math.max(full - empty, 1e-6));
        }
      }
      result[group] = {};
      for (const c of cases) {
        const s = samples.get(c.id);
        result[group][c.id] = { label: c.label, opsPerSec: median(s), best: Math.max(...s), rounds: s.map(Math.round) };
      }
    }
    return result;
  } finally {
    await mf.dispose();
  }
}
