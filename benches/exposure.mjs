// The figures SECURITY.md quotes about what a caller can make the package do (Node only):
// 1. a streamed POST body without Content-Length: how much handleTokenRequest reads, and RSS;
// 2. time per call against the size of caller-controlled inputs, and where a call passes 50 ms;
// 3. key rotation: the time verifyToken takes by which secret of the list matched.
// Run after `make pack`:  node --expose-gc benches/exposure.mjs
// Figures, not tests: timings move 10-30 % between runs on a shared machine.
import { decodeToken, handleTokenRequest, signToken, verifyToken } from 'videosdk-token';

const SECRET = 'exposure-figures-secret-0123456789abcdef0123456789abcdef';
const OLD_SECRET = 'exposure-figures-old-secret-0123456789abcdef0123456789';
const config = { apiKey: 'k', secret: SECRET, authorize: () => true };
const MiB = 2 ** 20;

// 1. A 256 MiB streamed body, 64 KiB chunks, no Content-Length.
{
  const total = 256 * MiB;
  const chunk = 64 * 1024;
  let pulled = 0;
  const stream = new ReadableStream({
    pull(c) {
      if (pulled >= total) return c.close();
      pulled += chunk;
      c.enqueue(new Uint8Array(chunk).fill(0x78));
    },
  }, { highWaterMark: 0 });
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const request = new Request('https://app.example/api/token', {
    method: 'POST', body: stream, duplex: 'half', headers: { 'Content-Type': 'application/json' },
  });
  const response = await handleTokenRequest(request, config);
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`streamed 256 MiB body: ${response.status}, read ${(pulled / 1024).toFixed(0)} KiB, peak RSS +${((peak - before) / MiB).toFixed(1)} MiB`);
}

/** Median milliseconds of fn over enough runs (at least 5, about 200 ms in all). */
function ms(fn) {
  fn();
  const times = [];
  const start = performance.now();
  while (times.length < 5 || (performance.now() - start < 200 && times.length < 1000)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}
const swallow = (fn) => () => {
  try {
    fn();
  } catch {
    // refusals are what is measured
  }
};

// 2. Time against input size.
const token = signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], roomId: 'r' });
const sizes = [1024, 16 * 1024, 256 * 1024, MiB, 4 * MiB, 16 * MiB];
const inputs = {
  'verifyToken(token of N bytes)': (n) => swallow(() => verifyToken(`${token}${'A'.repeat(n)}`, SECRET)),
  'decodeToken(token of N bytes)': (n) => swallow(() => decodeToken(`${token}${'A'.repeat(n)}`)),
  'signToken({ roomId of N bytes })': (n) => swallow(() => signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], roomId: 'r'.repeat(n) })),
  'verifyToken(token, secret of N bytes)': (n) => swallow(() => verifyToken(token, 's'.repeat(n))),
  'verifyToken(forged token, N/1024 secrets)': (n) => swallow(() => verifyToken(`${token.slice(0, -2)}AA`, Array.from({ length: n / 1024 }, (_, i) => `${SECRET}-${i}`))),
};
const endpoint = {
  'handleTokenRequest(GET, query of N bytes)': (n) => new Request(`https://app.example/api/token?roomId=${'r'.repeat(n)}`),
  'handleTokenRequest(POST, body of N bytes)': (n) => new Request('https://app.example/api/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"roomId": "${'r'.repeat(n)}"}`,
  }),
};
console.log(`\nmedian ms per call by input size N: ${sizes.map((n) => (n >= MiB ? `${n / MiB} MiB` : `${n / 1024} KiB`)).join(' | ')}`);
for (const [name, make] of Object.entries(inputs)) {
  const row = sizes.map((n) => ms(make(n)).toFixed(3));
  console.log(`${name.padEnd(44)} ${row.join(' | ')}`);
}
for (const [name, make] of Object.entries(endpoint)) {
  const row = [];
  for (const n of sizes) {
    const times = [];
    for (let i = 0; i < 7; i += 1) {
      const request = make(n); // built outside the timing: the platform's work, not ours
      const t = performance.now();
      await (await handleTokenRequest(request, config)).text();
      times.push(performance.now() - t);
    }
    row.push(times.sort((a, b) => a - b)[3].toFixed(3));
  }
  console.log(`${name.padEnd(44)} ${row.join(' | ')}`);
}

// 3. Rotation: [new, old]; a token signed with the old secret costs one more HMAC.
{
  const signedNew = signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'] });
  const signedOld = signToken({ apiKey: 'k', secret: OLD_SECRET, permissions: ['allow_join'] });
  const list = [SECRET, OLD_SECRET];
  const rounds = 20_000;
  const each = (t) => {
    const start = performance.now();
    for (let i = 0; i < rounds; i += 1) {
      try {
        verifyToken(t, list);
      } catch {
        // the forged token: every secret tried
      }
    }
    return ((performance.now() - start) / rounds) * 1000;
  };
  each(signedNew);
  each(signedOld);
  const a = [each(signedNew), each(signedNew), each(signedNew)].sort((x, y) => x - y)[1];
  const b = [each(signedOld), each(signedOld), each(signedOld)].sort((x, y) => x - y)[1];
  const forged = `${signedNew.slice(0, -2)}AA`;
  const bad = [each(forged), each(forged), each(forged)].sort((x, y) => x - y)[1];
  console.log(`\nverifyToken with [new, old]: matched new ${a.toFixed(2)} µs, matched old ${b.toFixed(2)} µs, no match ${bad.toFixed(2)} µs (median of 3 × ${rounds})`);
}
