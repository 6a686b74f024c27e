// Run: make pack && node benches/adversarial/cli-fuzz.mjs (N=3000 by default; SECURITY.md, round 3).
// Forged tokens with hostile claim names and values through decode --json, verify --json and decode
// (text), in process: every output must hold no raw character of the escaped set, and the JSON
// must parse back to the same claims.
import { createHmac } from 'node:crypto';
import { main } from '../../target/installed/package/cli/main.js';
const N = Number(process.env.N ?? 3000);
const SECRET = 'adv-secret-0123456789abcdef0123456789abcdef';
const API_KEY = 'adv-key';
const NOW = 1_700_000_000;
const RAW = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const RAW_TEXT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
let seed = 11;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pool = [];
for (const [a, b] of [[0, 0x1f], [0x7f, 0x9f], [0x61c, 0x61c], [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff]]) for (let c = a; c <= b; c += 1) pool.push(String.fromCharCode(c));
pool.push('a', 'b', 'é', '🎉', '"', '\\', ' ');
const str = () => Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => pool[Math.floor(rnd() * pool.length)]).join('');
const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function forge(payload) {
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}
const sink = () => { const s = { text: '', isTTY: false, write(t) { s.text += t; return true; } }; return s; };
let violations = 0; let runs = 0; let refusedVerify = 0;
const bad = (...a) => { violations += 1; if (violations < 6) console.log('VIOLATION', ...a); };
for (let i = 0; i < N; i += 1) {
  const claims = { apikey: API_KEY, permissions: ['allow_join'], version: 2, exp: NOW + 60 };
  for (let k = 0; k < 3; k += 1) claims[`c${k}${str()}`] = rnd() < 0.5 ? str() : [str(), { [str()]: str() }];
  if (rnd() < 0.5) claims.participantId = str();
  const token = forge(claims);
  for (const argv of [['decode', token, '--now', String(NOW), '--json'], ['verify', token, '--now', String(NOW), '--json'], ['decode', token, '--now', String(NOW)]]) {
    const io = { stdin: null, stdout: sink(), stderr: sink(), env: (n) => ({ VIDEOSDK_SECRET: SECRET, TZ: 'UTC' })[n] };
    const status = await main(argv, io);
    runs += 1;
    const out = io.stdout.text + io.stderr.text;
    const json = argv.includes('--json');
    if ((json ? RAW : RAW_TEXT).test(out)) bad(argv[0], json, JSON.stringify(out).slice(0, 200));
    if (json && status === 0) {
      const parsed = JSON.parse(io.stdout.text);
      const got = argv[0] === 'decode' ? parsed.payload : parsed;
      if (JSON.stringify(got) !== JSON.stringify(claims)) bad('round trip', argv[0]);
    } else if (argv[0] === 'verify' && status !== 0) refusedVerify += 1;
  }
}
console.log(JSON.stringify({ tokens: N, runs, refusedVerify, violations }));
