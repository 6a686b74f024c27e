// Run: make pack && node benches/adversarial/provider-fuzz.mjs (N=10000 by default; SECURITY.md, round 3).
// Random hostile endpoint answers against createTokenProvider (the installed package).
import { createTokenProvider } from 'videosdk-token/client';
const N = Number(process.env.N ?? 10000);
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const HOSTILE = ['\u001b[2J', '\u009b31m', '\u202e', '\u2066', '\u2028', '\u200b', '\ufeff', '\u007f', '<img src=x onerror=alert(1)>', '\r\nX-Forged: 1', '\ud800', 'é', '🎉', 'a', 'Z', '.', '-', '_', '='];
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const str = (max) => Array.from({ length: Math.floor(rnd() * max) }, () => pick(HOSTILE)).join('');
const jwtish = () => [0, 1, 2].map(() => 'eyJ' + 'abcXYZ09-_'.repeat(1 + Math.floor(rnd() * 3))).join('.');
const value = () => pick([() => jwtish(), () => str(20), () => 7, () => null, () => [], () => ({}), () => '', () => `${jwtish()}${pick(HOSTILE)}`, () => jwtish().replace('.', '..')])();
function answer(call) {
  const kind = rnd();
  if (kind < 0.01) return new Promise(() => {}); // ignores the signal
  if (kind < 0.02) return new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"token":"')); } }), { status: 200 });
  if (kind < 0.03) return new Response(new ReadableStream({ pull(c) { c.enqueue(new Uint8Array(16384).fill(32)); } }), { status: 200 });
  if (kind < 0.08) throw new TypeError(str(200));
  if (kind < 0.12) return new Response(str(300), { status: pick([200, 400, 404, 500]) });
  const status = pick([200, 200, 200, 200, 400, 401, 403, 404, 429, 500, 503]);
  const body = {};
  if (rnd() < 0.9) body.token = value();
  if (rnd() < 0.7) body.expiresIn = pick([3600, 0, -1, '3600', null, 1e308, 0.5, true, 7200]);
  if (rnd() < 0.7) body.expiresAt = pick([new Date(Date.now() + 3600e3).toISOString(), 'tomorrow', 5, str(10)]);
  if (status >= 400 || rnd() < 0.1) body.error = { code: pick(['FORBIDDEN', 'UNAUTHORIZED', 'lower', str(5), 'A'.repeat(80), 7]), message: rnd() < 0.8 ? str(2000) : 5, field: pick([str(400), 'roomId', 9]) };
  return new Response(JSON.stringify(body), { status, headers: { 'Retry-After': pick(['0', '1', '10', str(3)]) } });
}
const counts = {};
let violations = 0;
const bad = (why, e) => { violations += 1; if (violations < 10) console.log('VIOLATION', why, e?.code, JSON.stringify(e?.message ?? e).slice(0, 200)); };
for (let i = 0; i < N; i += 1) {
  const p = createTokenProvider({ url: 'https://app.example/api/token', fetch: async (u, init) => answer(init), timeout: 0.05 });
  let timer;
  const guard = new Promise((_, r) => { timer = setTimeout(() => r(new Error('HANG')), 5000); });
  try {
    const token = await Promise.race([p.getToken(), guard]);
    counts.resolved = (counts.resolved ?? 0) + 1;
    if (!JWT.test(token)) bad('token shape', token);
  } catch (e) {
    if (e.message === 'HANG') { bad('hang', e); continue; }
    counts[e.code] = (counts[e.code] ?? 0) + 1;
    if (e.name !== 'TokenProviderError') bad('not a TokenProviderError', e);
    for (const t of [e.message, e.reason, e.field ?? '']) if (UNSAFE.test(t)) bad('raw unsafe', e);
    if (e.message.length > 200) bad(`message length ${e.message.length}`, e);
    if (e.field !== undefined && e.field.length > 40) bad('field length', e);
  } finally { clearTimeout(timer); }
}
console.log(JSON.stringify({ N, counts, violations }));
