// The benchmark's cases and timing loop, shared by every runtime (no node: imports, no globals
// beyond what Node, Deno, Bun and workerd all have). Every library does the same job on the same
// VideoSDK v2 payload, with the same secret and the same clock.

export const API_KEY = 'bench-api-key-9f2c7e1a';
export const SECRET = 'b3b0b4a5c5d2e8f1a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5'; // 64 chars, like a dashboard secret
export const ROOM_ID = 'abcd-efgh-ijkl';
export const PARTICIPANT_ID = 'participant-42';
export const LIFETIME = 7200;

/** The payload every library signs: apikey, permissions, version 2, roomId, participantId, roles, iat, exp. */
export function payloadAt(now) {
  return {
    apikey: API_KEY,
    permissions: ['allow_join'],
    version: 2,
    roomId: ROOM_ID,
    participantId: PARTICIPANT_ID,
    roles: ['rtc'],
    iat: now,
    exp: now + LIFETIME,
  };
}

/**
 * The cases, grouped by operation. `libs` holds whichever libraries load in this runtime:
 * { ours, jose, tsndr, fastJwt, jsonwebtoken } (ours is the `videosdk-token` module).
 * `now` is the shared clock (seconds); it is the real time at start so that the peers that
 * cannot be given a clock (@tsndr/cloudflare-worker-jwt) see valid tokens too.
 * Each case is [id, label, fn]; fn may return a promise (then it is awaited).
 */
export function makeCases(libs, now) {
  const { ours, jose, tsndr, fastJwt, jsonwebtoken } = libs;
  const key = new TextEncoder().encode(SECRET);
  const payload = payloadAt(now);
  const signOptions = () => ({
    apiKey: API_KEY,
    secret: SECRET,
    permissions: ['allow_join'],
    version: 2,
    roomId: ROOM_ID,
    participantId: PARTICIPANT_ID,
    roles: ['rtc'],
    now,
  });
  const claimOptions = () => ({
    permissions: ['allow_join'],
    version: 2,
    roomId: ROOM_ID,
    participantId: PARTICIPANT_ID,
    roles: ['rtc'],
    now,
  });
  const signer = new ours.TokenSigner({ apiKey: API_KEY, secret: SECRET });
  const token = ours.signToken(signOptions());
  const verifyOptions = { now: now + 1 };
  const nowDate = new Date((now + 1) * 1000);

  const sign = [
    ['ours.signToken', 'videosdk-token signToken', () => ours.signToken(signOptions())],
    ['ours.TokenSigner.sign', 'videosdk-token TokenSigner.sign', () => signer.sign(claimOptions())],
  ];
  const verify = [
    ['ours.verifyToken', 'videosdk-token verifyToken', () => ours.verifyToken(token, SECRET, verifyOptions)],
  ];
  const decode = [
    ['ours.decodeToken', 'videosdk-token decodeToken', () => ours.decodeToken(token, verifyOptions)],
  ];
  if (jose) {
    sign.push(['jose', 'jose SignJWT', () => new jose.SignJWT({ ...payload })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(key)]);
    verify.push(['jose', 'jose jwtVerify', () => jose.jwtVerify(token, key, {
      algorithms: ['HS256'],
      currentDate: nowDate,
    })]);
    decode.push(['jose', 'jose decodeJwt', () => jose.decodeJwt(token)]);
  }
  if (fastJwt) {
    const fastSigner = fastJwt.createSigner({ key: SECRET, algorithm: 'HS256', clockTimestamp: now * 1000 });
    const fastVerifier = fastJwt.createVerifier({
      key: SECRET,
      algorithms: ['HS256'],
      cache: false,
      clockTimestamp: (now + 1) * 1000,
    });
    const fastDecoder = fastJwt.createDecoder();
    sign.push(['fast-jwt', 'fast-jwt createSigner', () => fastSigner({ ...payload })]);
    verify.push(['fast-jwt', 'fast-jwt createVerifier (no cache)', () => fastVerifier(token)]);
    decode.push(['fast-jwt', 'fast-jwt createDecoder', () => fastDecoder(token)]);
  }
  if (jsonwebtoken) {
    sign.push(['jsonwebtoken', 'jsonwebtoken sign', () => jsonwebtoken.sign({ ...payload }, SECRET, { algorithm: 'HS256' })]);
    verify.push(['jsonwebtoken', 'jsonwebtoken verify', () => jsonwebtoken.verify(token, SECRET, {
      algorithms: ['HS256'],
      clockTimestamp: now + 1,
    })]);
    decode.push(['jsonwebtoken', 'jsonwebtoken decode', () => jsonwebtoken.decode(token)]);
  }
  if (tsndr) {
    sign.push(['tsndr', '@tsndr/cloudflare-worker-jwt sign', () => tsndr.sign({ ...payload }, SECRET)]);
    verify.push(['tsndr', '@tsndr/cloudflare-worker-jwt verify', () => tsndr.verify(token, SECRET, { throwError: true })]);
    decode.push(['tsndr', '@tsndr/cloudflare-worker-jwt decode', () => tsndr.decode(token)]);
  }
  return { sign, verify, decode, token };
}

/** Checks once that every case does its job (a benchmark of a failing call measures nothing). */
export async function checkCases(groups, ours, now) {
  for (const [, label, fn] of groups.sign) {
    const claims = ours.verifyToken(await fn(), SECRET, { now: now + 1 });
    if (claims.roomId !== ROOM_ID) throw new Error(`${label}: signed a token without roomId`);
  }
  for (const [, label, fn] of groups.verify) {
    const r = await fn();
    const claims = r.payload ?? r;
    if (r === false || (claims && claims.roomId !== ROOM_ID)) throw new Error(`${label}: did not verify`);
  }
  for (const [, label, fn] of groups.decode) {
    const r = await fn();
    const claims = r.payload ?? r;
    if (claims.roomId !== ROOM_ID) throw new Error(`${label}: did not decode`);
  }
}

/** Runs fn n times; returns seconds taken. Awaits only when fn returns a promise. */
export async function timeN(fn, n) {
  const first = fn();
  if (first && typeof first.then === 'function') {
    await first;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - t0) / 1000;
  }
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t0) / 1000;
}

/**
 * Alternates the cases over `rounds` rounds after one warm-up round; each case runs `n` times per
 * round (async cases `n / asyncDivisor`, as they are an order of magnitude slower).
 * Returns { id: { label, opsPerSec: median, best, rounds: [...] } }.
 */
export async function runGroup(cases, { n, rounds, asyncDivisor = 10, timer = timeN }) {
  const isAsync = new Map();
  for (const [id, , fn] of cases) {
    const r = fn();
    isAsync.set(id, Boolean(r && typeof r.then === 'function'));
    if (isAsync.get(id)) await r;
  }
  const count = (id) => (isAsync.get(id) ? Math.max(1, Math.floor(n / asyncDivisor)) : n);
  for (const [id, , fn] of cases) await timer(fn, Math.max(1, Math.floor(count(id) / 2)), id);
  const samples = new Map(cases.map(([id]) => [id, []]));
  for (let r = 0; r < rounds; r++) {
    // Alternate the order each round so that no case always runs right after the same neighbour.
    const order = r % 2 === 0 ? cases : [...cases].reverse();
    for (const [id, , fn] of order) {
      const k = count(id);
      const secs = await timer(fn, k, id);
      samples.get(id).push(k / secs);
    }
  }
  const out = {};
  for (const [id, label] of cases) {
    const s = samples.get(id);
    out[id] = { label, opsPerSec: median(s), best: Math.max(...s), rounds: s.map(Math.round) };
  }
  return out;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
