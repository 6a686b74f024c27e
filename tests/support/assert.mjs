// What the shared suites (tests/suites/) check with: a failure is a thrown AssertionError, so the
// suites run on any runtime without a test framework; the test account's constants; a TokenError
// check that also looks for the secret; a payload reader and an independent HS256 signer
// (WebCrypto). Runtime-agnostic, like the suites.

export const SECRET = 'videosdk-test-secret-0123456789abcdef0123456789abcdef';
export const OTHER_SECRET = 'another-secret-entirely-0123456789abcdef0123456789';
export const API_KEY = 'test-api-key';
export const NOW = 1_700_000_000;

export class AssertionError extends Error {}

export function fail(message) {
  throw new AssertionError(message);
}

export function eq(actual, expected, what = 'value') {
  if (!Object.is(actual, expected)) {
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function deepEq(actual, expected, what = 'value') {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
}

export function ok(condition, what) {
  if (!condition) fail(what);
}

const SECRETS = [SECRET, OTHER_SECRET];

/** Runs fn, expects a TokenError with this code (and field), and checks no secret leaks. */
export function throwsCode(lib, fn, code, field) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (error === undefined) fail(`expected a TokenError ${code}, got no error`);
  if (!(error instanceof lib.TokenError)) {
    fail(`expected a TokenError ${code}, got ${error?.name}: ${error?.message}`);
  }
  ok(error instanceof Error, 'a TokenError is an Error');
  ok(error instanceof lib.VideoSDKError, 'a TokenError is a VideoSDKError');
  eq(error.name, 'TokenError', 'error.name');
  eq(error.code, code, `error.code (reason: ${error.reason})`);
  if (field !== undefined) eq(error.field, field, 'error.field');
  ok(typeof error.reason === 'string' && error.reason.length > 0, 'error.reason is set');
  const text = `${error.message}\n${error.reason}\n${error.stack}\n${JSON.stringify(error)}`;
  for (const secret of SECRETS) ok(!text.includes(secret), 'the error must not contain the secret');
  return error;
}

export function b64url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function unb64url(part) {
  const bin = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function payloadOf(token) {
  return JSON.parse(unb64url(token.split('.')[1]));
}

/** Re-signs header/payload JSON text with HMAC-SHA-256 through WebCrypto: an independent signer. */
export async function forge(headerJson, payloadJson, secret = SECRET) {
  const input = `${b64url(headerJson)}.${b64url(payloadJson)}`;
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)));
  let bin = '';
  for (const b of sig) bin += String.fromCharCode(b);
  return `${input}.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}
