// The words for people (pkg-template/token/explain.js, shared by the page and the CLI), outside the browser: claims in words, relative
// times and the verdict line, for fixed payloads and a fixed clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeToken, signToken } from 'videosdk-token';
import { explainClaims, joinErrorCode, relative, summary } from '../../pkg-template/token/explain.js';

const NOW = 1_700_000_000;
const words = {
  permissions: { allow_join: 'joins', ask_join: 'asks', allow_mod: 'moderates' },
  roles: { crawler: 'API only', rtc: 'meetings only' },
};
// A stand-in span wording, so that these tests check explain.js and not the wording itself.
const span = (s) => `${s}s`;

/** A row's meaning as plain text, as the page shows it. */
const textOf = (pieces) => pieces.map((p) => (typeof p === 'string' ? p : p.code ?? p.bad ?? p.muted)).join('');
const rowsByName = (payload) => Object.fromEntries(explainClaims(payload, words).map((r) => [r.name, r]));

test('page: every claim explained, VideoSDK claims first, custom claims last and marked as ignored', () => {
  const payload = { custom: 1, apikey: 'k', permissions: ['allow_join'], version: 2, roomId: 'r', exp: NOW, profile: { a: [1] } };
  const rows = explainClaims(payload, words, { custom: 1, profile: { a: [1] } });
  assert.deepEqual(rows.map((r) => r.name), ['apikey', 'permissions', 'version', 'roomId', 'exp', 'custom', 'profile']);
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
  assert.deepEqual(byName.permissions.list.map(textOf), ['allow_join: joins']);
  assert.equal(textOf(byName.custom.meaning), '1: custom claim: VideoSDK ignores it.');
  assert.deepEqual(byName.profile.meaning, [{ code: '{"a":[1]}' }, { muted: ': custom claim: VideoSDK ignores it.' }]);
});

test('page: custom claims come from decodeToken, which signs and reads them apart from the warnings', () => {
  const secret = 'page-explain-test-secret-0123456789abcdef';
  const token = signToken({ apiKey: 'k', secret, permissions: ['allow_join'], now: NOW, claims: { name: 'Ada', jti_note: 'x' } });
  const decoded = decodeToken(token, { now: NOW });
  // The one warning is about the absent roles: the custom claims are none.
  assert.deepEqual(decoded.warnings.map((w) => w.slice(0, 22)), ['the token has no roles']);
  const rows = explainClaims(decoded.payload, words, decoded.customClaims);
  assert.deepEqual(rows.map((r) => r.name), ['apikey', 'permissions', 'version', 'iat', 'exp', 'name', 'jti_note']);
  assert.equal(textOf(rows.at(-2).meaning), 'Ada: custom claim: VideoSDK ignores it.');
});

test('page: unknown permissions and roles, and lists that are not lists, are marked bad', () => {
  const rows = rowsByName({ apikey: 'k', permissions: ['allow_everything'], version: 2, roles: 'rtc' });
  assert.deepEqual(rows.permissions.list[0], [{ code: 'allow_everything' }, { bad: ': unknown permission; VideoSDK does not know it' }]);
  assert.deepEqual(rows.roles.meaning, [{ bad: 'role must be a list.' }]);
  assert.equal('list' in rows.roles, false);
});

test('page: version explained by what else the token holds', () => {
  assert.match(textOf(rowsByName({ roomId: 'r', roles: ['rtc'] }).version.meaning), /^not set, but roomId, roles are present: VideoSDK honours them only with version 2\.$/);
  assert.match(textOf(rowsByName({ roomId: 'r' }).version.meaning), /roomId is present: VideoSDK honours it/);
  assert.deepEqual(rowsByName({}).version.meaning.map((p) => Object.keys(p)[0]), ['muted']);
  assert.deepEqual(rowsByName({ version: '2' }).version.meaning, [{ code: '2' }, { bad: ': must be the number 2.' }]);
  assert.match(textOf(rowsByName({}).apikey.meaning), /missing/);
  assert.match(textOf(rowsByName({}).permissions.meaning), /allow_join, ask_join, allow_mod/);
});

test('page: relative times and their tones', () => {
  assert.deepEqual(relative('exp', NOW + 600, NOW, span), { text: 'expires in 600s', tone: 'ok' });
  assert.deepEqual(relative('exp', NOW + 60, NOW, span), { text: 'expires in 60s', tone: 'warn' });
  assert.deepEqual(relative('exp', NOW - 180, NOW, span), { text: 'expired 180s ago', tone: 'bad' });
  assert.deepEqual(relative('exp', NOW, NOW, span), { text: 'expired 0s ago', tone: 'bad' });
  assert.deepEqual(relative('nbf', NOW + 5, NOW, span), { text: 'not valid for another 5s', tone: 'warn' });
  assert.deepEqual(relative('nbf', NOW - 5, NOW, span), { text: 'valid since 5s ago', tone: '' });
  assert.deepEqual(relative('iat', NOW + 5, NOW, span), { text: "issued 5s in the future: the signer's clock may be wrong", tone: 'warn' });
  assert.deepEqual(relative('iat', NOW - 5, NOW, span), { text: 'issued 5s ago', tone: '' });
});

test('page: the verdict follows the decoded token and the clock', () => {
  const secret = 'page-explain-test-secret-0123456789abcdef';
  // A participant's token: without roles, decode warns (it can call the REST API too).
  const sign = (extra) => signToken({ apiKey: 'k', secret, permissions: ['allow_join'], roles: ['rtc'], now: NOW, ...extra });
  const at = (token, now) => summary(decodeToken(token, { now }), now, span);
  assert.deepEqual(at(sign({ expiresIn: 600 }), NOW + 100), { tone: 'ok', text: 'Well-formed VideoSDK token, valid for 500s.' });
  assert.deepEqual(at(sign({ expiresIn: 600 }), NOW + 700), { tone: 'bad', text: 'Expired 100s ago: VideoSDK refuses it.' });
  assert.deepEqual(at(sign({ expiresIn: 600, notBefore: 60 }), NOW + 10), { tone: 'warn', text: 'Not valid yet: usable in 50s.' });
  assert.deepEqual(at(sign({ expiresIn: 600 }), NOW - 100), { tone: 'warn', text: '1 warning: see below.' });
});

test('page: the error code in what was pasted, the number alone or VideoSDK\'s whole error text', () => {
  const cases = [
    ['4022', 4022],
    [' 4002\n', 4002],
    ['{"code":4022,"message":"\'token\' is not valid for the provided roomId"}', 4022],
    ['Error 4024: UNAUTHORIZED_ROLE Role provided in \'token\' is not valid for joining the room', 4024],
    // A year or a port beside the code: the join code wins.
    ['2025-01-01 12:00:00 meeting-error 4001 on port 8080', 4001],
    // The name alone.
    ['UNAUTHORIZED_PARTCIPANT_ID', 4023],
    ['MAX_SPEAKER_LIMIT_REACHED_ON_ORGANIZATION', 4026],
    // A number VideoSDK does not document: taken, for explainJoinError to say so.
    ['error 5001', 5001],
    // Not a four-digit number: part of a longer one, a decimal, nothing.
    ['40222', undefined],
    ['1.4022', undefined],
    ['4022.5 ms', undefined],
    ['the join failed', undefined],
    ['', undefined],
  ];
  for (const [text, code] of cases) assert.equal(joinErrorCode(text), code, JSON.stringify(text));
});
