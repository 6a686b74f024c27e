// The speed goals' harness: our calls against the fastest pure-JS peers on the case people run,
// in one process, alternating rounds. Not lib.mjs's case (that one pins `now` and a one-role
// v2 payload for every library); this is the call as written in an application: no `now`, a
// text lifetime, two roles, verify and decode with no options.
//   node benches/ratios.mjs [pkg dir …, default pkg/]   — prints one JSON line
// Given two or more built packages (copies of pkg/), their calls run in the same rounds: the
// ratios per build, and each call's ratio to the first build (a same-process A/B on this case).
// Each round runs every case for ROUND_MS (250) in turn, the order reversed every other round,
// after one warm-up round; reported: the best and the median round per case, and the ratios.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_KEY, median, PARTICIPANT_ID, ROOM_ID, SECRET } from './lib.mjs';

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [new URL('../pkg', import.meta.url).pathname];
const ROUNDS = Number(process.env.R) || 5;
const ROUND_MS = Number(process.env.ROUND_MS) || 250;
const fastJwt = await import('fast-jwt');
const jose = await import('jose');

const [apiKey, secret, roomId, participantId] = [API_KEY, SECRET, ROOM_ID, PARTICIPANT_ID];

const fastSigner = fastJwt.createSigner({ key: secret, expiresIn: 7200000 });
const fastVerifier = fastJwt.createVerifier({ key: secret, cache: false, algorithms: ['HS256'] });
const cases = {
  'fast-jwt sign': () => fastSigner({ apikey: apiKey, permissions: ['allow_join'], version: 2, roomId, participantId, roles: ['crawler', 'rtc'] }),
};
const OURS = ['signToken', 'TokenSigner.sign', 'verifyToken', 'decodeToken'];
for (let k = 0; k < dirs.length; k++) {
  const ours = await import(pathToFileURL(resolve(dirs[k], 'node.js')).href);
  const at = k === 0 ? '' : `@${k}`;
  const signer = new ours.TokenSigner({ apiKey, secret });
  const token = ours.signToken({ apiKey, secret, permissions: ['allow_join'], roomId, participantId, roles: ['crawler', 'rtc'], expiresIn: '120m' });
  cases[`signToken${at}`] = () => ours.signToken({ apiKey, secret, permissions: ['allow_join'], roomId, participantId, roles: ['crawler', 'rtc'], expiresIn: '120m' });
  cases[`TokenSigner.sign${at}`] = () => signer.sign({ permissions: ['allow_join'], roomId, participantId, roles: ['crawler', 'rtc'], expiresIn: '120m' });
  cases[`verifyToken${at}`] = () => ours.verifyToken(token, secret);
  cases[`decodeToken${at}`] = () => ours.decodeToken(token);
  // Each case does its job once before it is timed.
  for (const t of [cases[`signToken${at}`](), cases[`TokenSigner.sign${at}`](), cases['fast-jwt sign']()]) {
    if (ours.verifyToken(t, secret).roomId !== roomId) throw new Error('a signer wrote no roomId');
  }
  if (cases[`verifyToken${at}`]().roomId !== roomId || cases[`decodeToken${at}`]().payload.roomId !== roomId) {
    throw new Error('a reader did not read the token');
  }
  if (k === 0) {
    cases['fast-jwt verify'] = () => fastVerifier(token);
    cases['jose decodeJwt'] = () => jose.decodeJwt(token);
    if (fastVerifier(token).roomId !== roomId || jose.decodeJwt(token).roomId !== roomId) throw new Error('a peer did not read the token');
  }
}

/** ops/s of `fn` over `ms` milliseconds, the clock read every 500 calls. */
function timed(fn, ms) {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
    t = performance.now();
  }
  return n / ((t - t0) / 1000);
}

const names = Object.keys(cases);
const samples = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r <= ROUNDS; r++) {
  const order = r % 2 ? [...names].reverse() : names;
  for (const name of order) {
    const ops = timed(cases[name], ROUND_MS);
    if (r > 0) samples[name].push(ops);
  }
}
const best = Object.fromEntries(names.map((n) => [n, Math.max(...samples[n])]));
const mid = Object.fromEntries(names.map((n) => [n, median(samples[n])]));
const ratios = (v, at = '') => ({
  'TokenSigner.sign ÷ fast-jwt sign': v[`TokenSigner.sign${at}`] / v['fast-jwt sign'],
  'signToken ÷ fast-jwt sign': v[`signToken${at}`] / v['fast-jwt sign'],
  'verifyToken ÷ fast-jwt verify': v[`verifyToken${at}`] / v['fast-jwt verify'],
  'decodeToken ÷ jose decodeJwt': v[`decodeToken${at}`] / v['jose decodeJwt'],
});
const round = (o, k = 1) => Object.fromEntries(Object.entries(o).map(([n, v]) => [n, Math.round(v * k) / k]));
const builds = dirs.map((dir, k) => {
  const at = k === 0 ? '' : `@${k}`;
  return {
    dir,
    ratioBest: round(ratios(best, at), 100),
    ratioMedian: round(ratios(mid, at), 100),
    // This build's calls ÷ the first build's, median rounds.
    vsFirst: round(Object.fromEntries(OURS.map((c) => [c, mid[`${c}${at}`] / mid[c]])), 1000),
  };
});
console.log(JSON.stringify({
  node: process.version,
  rounds: ROUNDS,
  roundMs: ROUND_MS,
  best: round(best),
  median: round(mid),
  ratioBest: builds[0].ratioBest,
  ratioMedian: builds[0].ratioMedian,
  builds,
}));
