// readToken (videosdk-token/client, no wasm): runtime-agnostic, run wherever the provider suite runs.
// cases({ client, lib? }) returns [name, fn] pairs; with `lib` (the
// main entry) readToken is held to decodeToken on the tokens both read.
import { deepEq, eq, fail, ok, SECRET } from '../support/assert.mjs';

const NOW = 1_700_000_000;

/** base64url of UTF-8 text, or of raw bytes. */
function b64url(input) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const HEADER = b64url('{"alg":"HS256","typ":"JWT"}');
const SIGNATURE = 'A'.repeat(43); // shaped like HS256's; never checked
const tokenOf = (payload, header = HEADER) => `${header}.${b64url(JSON.stringify(payload))}.${SIGNATURE}`;

export function cases({ client, lib }) {
  const { readToken, TokenError, VideoSDKError } = client;

  function refused(token, field, what) {
    try {
      readToken(token);
    } catch (error) {
      ok(error instanceof TokenError && error instanceof VideoSDKError, `${what}: a TokenError (got ${error})`);
      eq(error.code, 'MALFORMED', `${what}: code`);
      eq(error.field, field, `${what}: field`);
      ok(typeof error.message === 'string' && error.message.length > 0, `${what}: a message`);
      return;
    }
    fail(`${what}: read, not refused`);
  }

  return [
    ['readToken: header, payload, issuedAt, expiresAt, expired as of now', () => {
      const payload = { apikey: 'k', permissions: ['allow_join'], version: 2, roomId: 'r', participantId: 'Zoë 🎥', iat: NOW, exp: NOW + 7200 };
      const read = readToken(tokenOf(payload), { now: NOW + 60 });
      deepEq(read.header, { alg: 'HS256', typ: 'JWT' }, 'header');
      deepEq(read.payload, payload, 'payload, UTF-8 included');
      eq(read.issuedAt?.getTime(), NOW * 1000, 'issuedAt');
      eq(read.expiresAt?.getTime(), (NOW + 7200) * 1000, 'expiresAt');
      eq(read.expired, false, 'not expired before exp');
      eq(readToken(tokenOf(payload), { now: NOW + 7200 }).expired, true, 'expired at exp (exp <= now)');
      eq(readToken(tokenOf(payload), { now: new Date((NOW + 7201) * 1000) }).expired, true, 'now as a Date');
      eq(readToken(tokenOf({ exp: 1 })).expired, true, 'the clock by default');
      const bare = readToken(tokenOf({ roomId: 'r' }));
      deepEq([bare.issuedAt, bare.expiresAt, bare.expired], [undefined, undefined, false], 'no iat, no exp');
      eq(readToken(tokenOf({ exp: '2h' })).expiresAt, undefined, 'an exp that is not a number gives no date');
    }],

    ['readToken: no signature check, no review (a forged or odd token reads as it says)', () => {
      // Nothing VideoSDK would accept: alg none, an unknown permission, ms times. readToken says
      // what is there; decodeToken and verifyToken are the ones that judge.
      const odd = tokenOf({ permissions: ['superpower'], exp: (NOW + 60) * 1000 }, b64url('{"alg":"none"}'));
      const read = readToken(odd, { now: NOW });
      deepEq(read.header, { alg: 'none' }, 'header as it says');
      deepEq(read.payload.permissions, ['superpower'], 'payload as it says');
      eq('warnings' in read, false, 'no warnings');
    }],

    ['readToken: what signToken writes reads as decodeToken reads it', () => {
      if (!lib) return;
      const token = lib.signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], roomId: 'room-ü', now: NOW, claims: { name: 'Ada 🎥' } });
      const read = readToken(token, { now: NOW + 1 });
      const decoded = lib.decodeToken(token, { now: NOW + 1 });
      deepEq(read.header, decoded.header, 'header');
      deepEq(read.payload, decoded.payload, 'payload');
      deepEq([read.issuedAt?.getTime(), read.expiresAt?.getTime(), read.expired], [decoded.issuedAt?.getTime(), decoded.expiresAt?.getTime(), decoded.expired], 'times');
      eq(lib.TokenError, TokenError, 'the main entry\'s TokenError is the same class');
    }],

    ['readToken: anything but three base64url parts with JSON objects is MALFORMED, naming the part', () => {
      const payload = b64url('{"roomId":"r"}');
      refused(undefined, undefined, 'not a string');
      refused(42, undefined, 'a number');
      refused('', undefined, 'empty');
      refused(`${HEADER}.${payload}`, undefined, 'two parts');
      refused(`${HEADER}.${payload}.${SIGNATURE}.x`, undefined, 'four parts');
      refused(`${HEADER}.${payload}.${SIGNATURE}`.padEnd(9000, 'A'), undefined, 'over the longest token');
      refused(`${HEADER}+.${payload}.${SIGNATURE}`, 'header', 'base64, not base64url, in the header');
      refused(`${HEADER}.${payload}=.${SIGNATURE}`, 'payload', 'padding in the payload');
      refused(`${HEADER}.${payload}.`, 'signature', 'no signature');
      refused(`${HEADER}.${payload}.${SIGNATURE} `, 'signature', 'a space');
      refused(`${HEADER}.${payload}.\ud800`, 'signature', 'a lone surrogate');
      refused(`${HEADER}.e30AB.${SIGNATURE}`, 'payload', 'a length no base64 has (4n + 1)');
      refused(`${HEADER}.${b64url('not json')}.${SIGNATURE}`, 'payload', 'not JSON');
      refused(`${HEADER}.${b64url('[1,2]')}.${SIGNATURE}`, 'payload', 'a JSON array');
      refused(`${b64url('"HS256"')}.${payload}.${SIGNATURE}`, 'header', 'a JSON string header');
      refused(`${HEADER}.${b64url(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))}.${SIGNATURE}`, 'payload', 'not UTF-8');
    }],

    ['readToken: a now that is not a time is INVALID_OPTIONS', () => {
      for (const now of [Number.NaN, '1700000000', new Date(Number.NaN)]) {
        try {
          readToken(tokenOf({ exp: NOW }), { now });
          fail(`now ${String(now)} accepted`);
        } catch (error) {
          ok(error instanceof TokenError, 'a TokenError');
          deepEq([error.code, error.field], ['INVALID_OPTIONS', 'now'], 'code and field');
        }
      }
    }],
  ];
}
