// Interop both ways with the two most used JS JWT libraries: our tokens verify with jsonwebtoken
// and jose; theirs — including the token from VideoSDK's own Node snippet — verify with ours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jose from 'jose';
import jwt from 'jsonwebtoken';
import { decodeToken, signToken, verifyToken } from 'videosdk-token';

const SECRET = 'interop-secret-0123456789abcdef0123456789abcdef0123456789abcdef';
const API_KEY = 'interop-api-key';

test('our tokens verify with jsonwebtoken', () => {
  const token = signToken({
    apiKey: API_KEY, secret: SECRET, permissions: ['allow_join', 'allow_mod'],
    roomId: 'room-1', participantId: 'user-1', roles: ['rtc'], expiresIn: '10m', jwtId: true,
  });
  const claims = jwt.verify(token, SECRET, { algorithms: ['HS256'] });
  assert.equal(claims.apikey, API_KEY);
  assert.deepEqual(claims.permissions, ['allow_join', 'allow_mod']);
  assert.equal(claims.version, 2);
  assert.equal(claims.exp - claims.iat, 600);
  assert.match(claims.jti, /^[\w-]{22}$/);
});

test('our tokens verify with jose, secret as a string or bytes', async () => {
  const bytes = new TextEncoder().encode(SECRET);
  const token = signToken({ apiKey: API_KEY, secret: bytes, permissions: ['ask_join'], notBefore: 0 });
  const { payload, protectedHeader } = await jose.jwtVerify(token, bytes, { algorithms: ['HS256'] });
  assert.deepEqual(protectedHeader, { alg: 'HS256', typ: 'JWT' });
  assert.deepEqual(payload.permissions, ['ask_join']);
  assert.equal(payload.nbf, payload.iat);
});

test("the token from VideoSDK's Node snippet decodes and verifies with ours", () => {
  // As in VideoSDK's docs: jwt.sign(payload, SECRET, { expiresIn: '120m', algorithm: 'HS256' }).
  const payload = {
    apikey: API_KEY,
    permissions: ['allow_join'],
    version: 2,
    roomId: 'abcd-efgh-ijkl',
    participantId: 'participant-1',
    roles: ['crawler', 'rtc'],
  };
  const token = jwt.sign(payload, SECRET, { expiresIn: '120m', algorithm: 'HS256' });
  const decoded = decodeToken(token);
  assert.deepEqual(decoded.warnings, []);
  assert.equal(decoded.expired, false);
  assert.equal(decoded.expiresAt.getTime() - decoded.issuedAt.getTime(), 120 * 60 * 1000);
  const claims = verifyToken(token, SECRET, { apiKey: API_KEY, roomId: 'abcd-efgh-ijkl' });
  assert.deepEqual(claims.roles, ['crawler', 'rtc']);
});

test('jose-signed tokens verify with ours; a tampered one does not', async () => {
  const key = new TextEncoder().encode(SECRET);
  const token = await new jose.SignJWT({ apikey: API_KEY, permissions: ['allow_join'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
  assert.equal(verifyToken(token, SECRET).apikey, API_KEY);
  const [h, p, s] = token.split('.');
  const flipped = `${h}.${p}.${s.slice(0, -2)}${s.at(-2) === 'A' ? 'B' : 'A'}${s.at(-1)}`;
  assert.throws(() => verifyToken(flipped, SECRET), { code: 'INVALID_SIGNATURE' });
});

test('jsonwebtoken with a HS384 or none token is refused by alg', () => {
  const hs384 = jwt.sign({ apikey: API_KEY, permissions: ['allow_join'] }, SECRET, { algorithm: 'HS384', expiresIn: 60 });
  assert.throws(() => verifyToken(hs384, SECRET), { code: 'ALG_NOT_ALLOWED', message: 'Token is invalid or expired' });
  const none = jwt.sign({ apikey: API_KEY, permissions: ['allow_join'] }, null, { algorithm: 'none', expiresIn: 60 });
  assert.throws(() => verifyToken(none, SECRET), { code: 'ALG_NOT_ALLOWED' });
});

test('jsonwebtoken signs what VideoSDK refuses at join; this package refuses to sign it and to verify it', () => {
  // VideoSDK's error table: 4008 INVALID_PERMISSIONS, "don't use allow_join or allow_mod with ask_join";
  // 4004 INVALID_PARTICIPANT_ID, a participantId "shouldn't contain any whitespaces".
  for (const [claims, field, error] of [
    [{ permissions: ['allow_mod', 'ask_join'] }, 'permissions', '4008 INVALID_PERMISSIONS'],
    [{ permissions: ['allow_join', 'ask_join'] }, 'permissions', '4008 INVALID_PERMISSIONS'],
    [{ permissions: ['allow_join'], version: 2, participantId: 'has space' }, 'participantId', '4004 INVALID_PARTICIPANT_ID'],
    [{ permissions: ['allow_join'], version: 2, participantId: 'no\u00a0break' }, 'participantId', '4004 INVALID_PARTICIPANT_ID'],
  ]) {
    const theirs = jwt.sign({ apikey: API_KEY, ...claims }, SECRET, { algorithm: 'HS256', expiresIn: '120m' });
    assert.deepEqual(jwt.verify(theirs, SECRET, { algorithms: ['HS256'] }).permissions, claims.permissions, 'jsonwebtoken is happy');
    const { version, ...options } = claims;
    assert.throws(() => signToken({ apiKey: API_KEY, secret: SECRET, ...options }), (e) => {
      assert.equal(e.code, 'INVALID_OPTIONS');
      assert.equal(e.field, field);
      assert.match(e.message, new RegExp(`VideoSDK refuses this at join with error ${error}`));
      return true;
    });
    assert.throws(() => verifyToken(theirs, SECRET), (e) => {
      assert.equal(e.code, 'CLAIMS_INVALID');
      assert.equal(e.message, 'Token is invalid or expired');
      assert.match(e.reason, new RegExp(`error ${error}`));
      return true;
    });
    assert.ok(decodeToken(theirs).warnings.some((w) => w.includes(`error ${error}`)), 'decodeToken warns');
  }
});

test('custom claims: ours verify with jsonwebtoken and jose as signed; theirs verify with ours', async () => {
  const claims = { name: 'Ada', profile: { joined: '2024-01-01', tags: ['a', 1.5, null, true] } };
  const token = signToken({ apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], claims });
  const viaJwt = jwt.verify(token, SECRET, { algorithms: ['HS256'] });
  assert.deepEqual({ name: viaJwt.name, profile: viaJwt.profile }, claims);
  const { payload } = await jose.jwtVerify(token, new TextEncoder().encode(SECRET));
  assert.deepEqual(payload.profile, claims.profile);
  const theirs = jwt.sign({ apikey: API_KEY, permissions: ['allow_join'], version: 2, roles: ['rtc'], ...claims }, SECRET, { expiresIn: '10m' });
  assert.deepEqual(verifyToken(theirs, SECRET).profile, claims.profile);
  assert.deepEqual(decodeToken(theirs).customClaims, claims);
  assert.deepEqual(decodeToken(theirs).warnings, []);
});
