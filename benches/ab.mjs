// Two builds of the package in one process, their four calls in interleaved rounds: the way to
// tell whether a change made a call faster or slower on a shared, noisy machine (single ops/s
// figures move 10-30 % between runs here; same-process ratios a few %). Each argument is a folder
// holding a built package (a copy of pkg/ after `make pkg`); the first is the baseline.
//   R=9 N=20000 node benches/ab.mjs /tmp/ab/old /tmp/ab/new
// Prints the best round's ops/s per call and build, its ratio to the baseline, and its ratio to
// fast-jwt doing the same job in the same rounds (the peer the speed rule names; jose's
// calls are async and ten times slower, so `make bench` is where its ratios come from).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCases, makeCases } from './lib.mjs';

const dirs = process.argv.slice(2);
if (dirs.length < 2) throw new Error('usage: node benches/ab.mjs <baseline pkg dir> <other pkg dir> …');
const N = Number(process.env.N) || 20000;
const ROUNDS = Number(process.env.R) || 9;
const libs = [];
for (const dir of dirs) libs.push(await import(pathToFileURL(resolve(dir, 'node.js')).href));

// The calls and the payload, key and clock are `make bench`'s (lib.mjs), each checked once.
const now = Math.floor(Date.now() / 1000);
const pick = (group, id) => group.find(([caseId]) => caseId === id)[2];
const cases = [];
for (const ours of libs) {
  const groups = makeCases({ ours }, now);
  await checkCases(groups, ours, now);
  cases.push({
    signToken: pick(groups.sign, 'ours.signToken'),
    'TokenSigner.sign': pick(groups.sign, 'ours.TokenSigner.sign'),
    verifyToken: pick(groups.verify, 'ours.verifyToken'),
    decodeToken: pick(groups.decode, 'ours.decodeToken'),
  });
}
// fast-jwt, the fastest peer, in the same rounds: its one signer stands for both sign calls.
const withPeer = makeCases({ ours: libs[0], fastJwt: await import('fast-jwt') }, now);
await checkCases(withPeer, libs[0], now);
const fastSign = pick(withPeer.sign, 'fast-jwt');
cases.push({
  signToken: fastSign,
  'TokenSigner.sign': fastSign,
  verifyToken: pick(withPeer.verify, 'fast-jwt'),
  decodeToken: pick(withPeer.decode, 'fast-jwt'),
});
const peer = cases.length - 1;
const names = Object.keys(cases[0]);
const best = cases.map(() => Object.fromEntries(names.map((n) => [n, 0])));
// Round 0 warms up; each round rotates which build goes first.
for (let round = 0; round <= ROUNDS; round++) {
  for (const name of names) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + round) % cases.length;
      const call = cases[i][name];
      const t0 = performance.now();
      for (let j = 0; j < N; j++) call();
      const opsPerSec = N / ((performance.now() - t0) / 1000);
      if (round > 0) best[i][name] = Math.max(best[i][name], opsPerSec);
    }
  }
}
console.log(`node ${process.version}, best of ${ROUNDS} interleaved rounds of ${N} calls`);
for (const name of names) {
  const cells = dirs.map((dir, i) => `${dir}: ${(best[i][name] / 1000).toFixed(0)}k (${(best[i][name] / best[0][name]).toFixed(2)}; ÷ fast-jwt ${(best[i][name] / best[peer][name]).toFixed(2)})`);
  console.log(`${name.padEnd(18)} ${cells.join('  ')}  fast-jwt: ${(best[peer][name] / 1000).toFixed(0)}k`);
}
