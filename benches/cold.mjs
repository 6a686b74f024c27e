// Cold start: one fresh process imports a library and makes its first token; prints the ms taken.
// Usage: <runtime> benches/cold.mjs ours|jose
const lib = (globalThis.Deno?.args ?? globalThis.process.argv.slice(2))[0];
const SECRET = 'b3b0b4a5c5d2e8f1a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5';
const t0 = performance.now();
let token;
if (lib === 'ours') {
  const { signToken } = await import('videosdk-token');
  token = signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'] });
} else {
  const { SignJWT } = await import('jose');
  token = await new SignJWT({ apikey: 'k', permissions: ['allow_join'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('120m')
    .sign(new TextEncoder().encode(SECRET));
}
const ms = performance.now() - t0;
if (token.split('.').length !== 3) throw new Error('no token');
console.log(ms.toFixed(3));
