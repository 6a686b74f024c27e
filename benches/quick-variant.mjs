// Scratch: ops/s of one package directory (argv[2]) against fast-jwt, alternated rounds.
import { createSigner, createVerifier } from 'fast-jwt';
const lib = await import(`${process.argv[2]}/node.js`);
const SECRET = 'b3b0b4a5c5d2e8f1a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5';
const now = Math.floor(Date.now() / 1000);
const opts = () => ({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], version: 2, roomId: 'abcd-efgh-ijkl', participantId: 'p-42', roles: ['rtc'], now });
const token = lib.signToken(opts());
const signer = new lib.TokenSigner({ apiKey: 'k', secret: SECRET });
const fs = createSigner({ key: SECRET, algorithm: 'HS256', clockTimestamp: now * 1000 });
const fv = createVerifier({ key: SECRET, algorithms: ['HS256'], cache: false, clockTimestamp: (now + 1) * 1000 });
const cases = {
  signToken: () => lib.signToken(opts()),
  'TokenSigner.sign': () => signer.sign({ permissions: ['allow_join'], version: 2, roomId: 'abcd-efgh-ijkl', participantId: 'p-42', roles: ['rtc'], now }),
  verifyToken: () => lib.verifyToken(token, SECRET, { now: now + 1 }),
  decodeToken: () => lib.decodeToken(token, { now: now + 1 }),
  'fast-jwt sign': () => fs({ apikey: 'k', permissions: ['allow_join'], version: 2, roomId: 'abcd-efgh-ijkl', participantId: 'p-42', roles: ['rtc'], iat: now, exp: now + 7200 }),
  'fast-jwt verify': () => fv(token),
};
const N = 20000;
const best = {};
for (let r = 0; r < 5; r++) for (const [k, f] of Object.entries(cases)) {
  for (let i = 0; i < 2000; i++) f();
  const t0 = performance.now(); for (let i = 0; i < N; i++) f(); const ops = N / ((performance.now() - t0) / 1000);
  (best[k] ??= []).push(ops);
}
const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
const m = Object.fromEntries(Object.entries(best).map(([k, v]) => [k, med(v)]));
console.log(Object.entries(m).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}k`).join(', '),
  `| sign/fast ${(m.signToken / m['fast-jwt sign']).toFixed(2)}, signer/fast ${(m['TokenSigner.sign'] / m['fast-jwt sign']).toFixed(2)}, verify/fast ${(m.verifyToken / m['fast-jwt verify']).toFixed(2)}`);
