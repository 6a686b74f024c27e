// Cold start, A/B: import → first token (benches/cold.mjs) for several builds of the package and
// jose, one fresh process each, alternated (the order reversed every other run), on Node 24, Node
// 26, Deno (no permission flag) and Bun; prints the median and the quartiles per build.
// Each build is installed as users get it: target/bench/cold-ab/<n>/node_modules/videosdk-token is
// a link to the build's pkg/ folder, resolved through its exports map and conditions.
// Usage: node benches/cold-ab.mjs [--runs=21] [--runtimes=node24,node26,deno,bun] <pkg dir>…
//   e.g. node benches/cold-ab.mjs /tmp/cold-old/pkg pkg   (docs/benchmarks.md: A/B builds)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from './bins.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(option('runs', 21));
const runtimes = option('runtimes', 'node24,node26,deno,bun').split(',');
const builds = process.argv.slice(2).filter((a) => !a.startsWith('--')).map((d) => resolve(d));
if (builds.length === 0) throw new Error('usage: node benches/cold-ab.mjs [--runs=21] [--runtimes=…] <pkg dir>…');

// One folder per build, and jose's beside them (it runs from the first).
const base = `${root}target/bench/cold-ab`;
rmSync(base, { recursive: true, force: true });
const dirs = builds.map((pkg, i) => {
  const dir = `${base}/${i}`;
  mkdirSync(`${dir}/node_modules`, { recursive: true });
  writeFileSync(`${dir}/package.json`, '{ "type": "module", "private": true }\n');
  symlinkSync(pkg, `${dir}/node_modules/videosdk-token`);
  symlinkSync(`${root}node_modules/jose`, `${dir}/node_modules/jose`);
  copyFileSync(`${root}benches/cold.mjs`, `${dir}/cold.mjs`);
  return dir;
});
const cases = [...builds.map((pkg, i) => ({ name: pkg, dir: dirs[i], lib: 'ours' })), { name: 'jose', dir: dirs[0], lib: 'jose' }];

const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.round(q * (s.length - 1))];
};

for (const runtime of runtimes) {
  const ms = cases.map(() => []);
  const load = [os.loadavg()[0]];
  for (let i = 0; i < runs; i++) {
    const order = cases.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) {
      const { dir, lib } = cases[k];
      const args = runtime === 'deno' ? ['run', 'cold.mjs', lib] : ['cold.mjs', lib];
      ms[k].push(Number(execFileSync(BIN[runtime], args, {
        cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
      }).trim()));
    }
  }
  load.push(os.loadavg()[0]);
  console.log(`${runtime} (${runs} runs each, load average ${load.map((l) => l.toFixed(1)).join('→')}): median [quartiles] ms`);
  cases.forEach((c, k) => console.log(`  ${quantile(ms[k], 0.5).toFixed(1).padStart(6)} [${quantile(ms[k], 0.25).toFixed(1)}–${quantile(ms[k], 0.75).toFixed(1)}]  ${c.name}`));
}
