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

const dirs = process.argv.slice(2);
if (dirs.length < 2) throw new Error('usage: node benches/ab.mjs <baseline pkg dir> <other pkg dir> …');
const N = Number(process.env.N) || 20000;
const ROUNDS = Number(process.env.R) || 9;
const libs = [];
for (const dir of dirs) libs.push(await import(pathToFileURL(resolve(dir, 'node.js')).href));

const now = Math.floor(Date.now() / 1000);
const API_KEY = 'b0b2ac5f-3c8e-4a1d-9f5e-6d7a8b9c0d1e';
const SECRET = 'a'.repeat(64);
// Fresh option objects per call, as callers pass them.
const signOptions = () => ({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], version: 2, roomId: 'room-1234', participantId: 'p-42', roles: ['rtc'], now });
const claimOptions = () => ({ permissions: ['allow_join'], version: 2, roomId: 'room-1234', participantId: 'p-42', roles: ['rtc'], now });

const cases = libs.map((lib) => {
  const signer = new lib.TokenSigner({ apiKey: API_KEY, secret: SECRET });
  const token = lib.signToken(signOptions());
  const at = { now: now + 1 };
  return {
    signToken: () => lib.signToken(signOptions()),
    'TokenSigner.sign': () => signer.sign(claimOptions()),
    verifyToken: () => lib.verifyToken(token, SECRET, at),
    decodeToken: () => lib.decodeToken(token, at),
  };
});
// fast-jwt, the fastest peer, in the same rounds: the same payload, key and clock.
const { createSigner, createVerifier, createDecoder } = await import('fast-jwt');
const payload = { apikey: API_KEY, permissions: ['allow_join'], version: 2, roomId: 'room-1234', participantId: 'p-42', roles: ['rtc'], iat: now, exp: now + 7200 };
const fastSign = createSigner({ key: SECRET, algorithm: 'HS256', clockTimestamp: now * 1000 });
const fastVerify = createVerifier({ key: SECRET, algorithms: ['HS256'], cache: false, clockTimestamp: (now + 1) * 1000 });
const fastDecode = createDecoder();
const peerToken = fastSign({ ...payload });
cases.push({
  signToken: () => fastSign({ ...payload }),
  'TokenSigner.sign': () => fastSign({ ...payload }),
  verifyToken: () => fastVerify(peerToken),
  decodeToken: () => fastDecode(peerToken),
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
