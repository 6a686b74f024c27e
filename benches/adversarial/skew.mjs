// Run: make pack && node benches/adversarial/skew.mjs (N=2000 by default; SECURITY.md, round 3).
// Random device clock skews, latencies, lifetimes and refreshBefore: the refresh point must be
// arrival + life - min(refreshBefore, life / 2) on the device's clock, whatever the skew.
import { createTokenProvider } from 'videosdk-token/client';
const N = Number(process.env.N ?? 2000);
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
let violations = 0;
for (let i = 0; i < N; i += 1) {
  const skew = Math.round((rnd() * 2 - 1) * 48 * 3600e3);
  const latency = Math.round(rnd() * 5000);
  const life = 1 + Math.floor(rnd() * 86400);
  const refreshBefore = Math.floor(rnd() * 600);
  const clock = { t: 1_700_000_000_000 };
  let calls = 0;
  const p = createTokenProvider({ url: 'https://a.example/t', now: () => clock.t, refreshBefore, fetch: async () => {
    calls += 1;
    const minted = clock.t + skew;
    clock.t += latency;
    return new Response(JSON.stringify({ token: `a.b${calls}.c`, expiresAt: new Date(minted + life * 1000).toISOString(), expiresIn: life }));
  } });
  const start = clock.t;
  await p.getToken();
  const expected = start + latency + life * 1000 - Math.min(refreshBefore * 1000, life * 500);
  clock.t = expected - 1; await p.getToken();
  const kept = calls === 1;
  clock.t = expected; await p.getToken();
  if (!kept || calls !== 2) { violations += 1; if (violations < 5) console.log({ skew, latency, life, refreshBefore, kept, calls }); }
}
console.log(JSON.stringify({ N, violations }));
