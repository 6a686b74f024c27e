// The debugger page (www/dist, built by `make www`) in Debian's Chromium through playwright-core.
// The page's clock is frozen with Playwright's clock API, so relative times are exact; tokens are
// signed here with the packed package, with a fixed `now`.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { signToken, decodeToken, verifyToken, explainJoinError } from 'videosdk-token';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = join(ROOT, 'www/dist');
const OUT = join(ROOT, 'test-output');

const T0 = 1_700_000_000; // 2023-11-14 22:13:20 UTC: when the test tokens were issued
const NOW = T0 + 8 * 60; // the page's frozen clock: 8 min later
const SECRET = 'test-secret-0123456789-abcdefghijklmnop'; // 39 bytes, test only
const WRONG = 'another-secret-0123456789-abcdefghijklmn';

// ---- A tiny static server for www/dist --------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};
const served = [];
let server;
let origin;
let browser;

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(SITE, path === '/' ? 'index.html' : decodeURIComponent(path)));
    served.push(path);
    if (!file.startsWith(SITE) || !TYPES[extname(file)]) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)], 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  await mkdir(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// ---- Each test gets a fresh page that records what it requests and logs ------------------------

let open = []; // { page, context, requests, problems } of the current test

async function openPage({ hash = '', width = 1280, height = 900, colorScheme = 'light', clock = NOW } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  // A paused clock: time moves only when a test moves it (runFor, fastForward).
  await page.clock.install({ time: (clock - 60) * 1000 });
  await page.clock.pauseAt(clock * 1000);
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector('html[data-ready="true"]');
  const entry = { page, context, requests, problems };
  open.push(entry);
  return entry;
}

// Every test, whatever it did: no console error or warning, no request beyond the page's origin.
afterEach(async () => {
  const pages = open;
  open = [];
  for (const { context, requests, problems } of pages) {
    await context.close();
    assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
    const foreign = requests.filter((url) => new URL(url).origin !== origin);
    assert.deepEqual(foreign, [], 'no request leaves the page origin');
    assert.ok(requests.some((url) => url.endsWith('/videosdk_token_bg.wasm')), 'the wasm came from the page origin');
  }
});

const text = (page, selector) => page.locator(selector).innerText();

/** The text of `selector` once it matches `pattern` (for results of async work such as copying). */
async function textSoon(page, selector, pattern) {
  await page
    .waitForFunction(([sel, source, flags]) => new RegExp(source, flags).test(document.querySelector(sel)?.textContent ?? ''),
      [selector, pattern.source, pattern.flags], { timeout: 5000 })
    .catch(() => {});
  return text(page, selector);
}

async function paste(page, token) {
  await page.fill('#token', token);
}

/** An HS256 token with any payload, for claims signToken would refuse to sign. */
function rawToken(payload, header = { alg: 'HS256', typ: 'JWT' }) {
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

const v2Token = () =>
  signToken({
    apiKey: 'test-api-key',
    secret: SECRET,
    permissions: ['allow_join', 'allow_mod'],
    roomId: 'room-42',
    participantId: 'alice',
    roles: ['rtc'],
    expiresIn: '2h',
    now: T0,
  });

// ---- The tests --------------------------------------------------------------------------------

test('the page loads the wasm and says everything stays local', async () => {
  const { page } = await openPage();
  assert.equal(await page.title(), 'VideoSDK token debugger');
  assert.equal(await text(page, 'h1'), 'VideoSDK token debugger');
  assert.match(await text(page, '#local-note'), /no network request beyond its own files/);
  assert.equal(await text(page, '#token-state'), 'Paste a token to decode it.');
  assert.equal(await page.isVisible('#empty-state'), true);
  // Every control has a label a screen reader can announce.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, button')]
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim())))
      .map((el) => el.id || el.outerHTML),
  );
  assert.deepEqual(unlabelled, []);
});

test('a pasted token shows its parts, claims in words, times and a live countdown', async () => {
  const { page } = await openPage();
  const token = v2Token();
  await paste(page, token);
  const [h, p, s] = token.split('.');
  assert.equal(await text(page, '#token-parts [data-part="header"]'), h);
  assert.equal(await text(page, '#token-parts [data-part="payload"]'), p);
  assert.equal(await text(page, '#token-parts [data-part="signature"]'), s);
  assert.equal(await text(page, '#signature'), s);
  assert.match(await text(page, '#token-state'), /Decoded/);

  assert.deepEqual(JSON.parse(await text(page, '#header-json')), { alg: 'HS256', typ: 'JWT' });
  const payload = JSON.parse(await text(page, '#payload-json'));
  assert.deepEqual(payload, decodeToken(token).payload);
  assert.equal(payload.roomId, 'room-42');

  const claims = await text(page, '#claims');
  assert.match(claims, /test-api-key/);
  assert.match(claims, /allow_join: joins the meeting directly/);
  assert.match(claims, /allow_mod: may toggle other participants' webcam and mic/);
  assert.match(claims, /rtc: meetings only; no server-side API/);
  assert.match(claims, /room-42.*restricts the token to this one room/);
  assert.match(claims, /alice.*restricts the token to this one participant/);
  assert.match(claims, /needed for the v2 server-side API and whenever roomId, participantId or roles is present/);

  const exp = page.locator('#times tr[data-claim="exp"]');
  const iat = page.locator('#times tr[data-claim="iat"]');
  assert.match(await exp.innerText(), /Nov 15, 2023.*12:13:20\s?AM UTC/);
  assert.match(await iat.innerText(), /Nov 14, 2023.*10:13:20\s?PM UTC/);
  assert.equal(await exp.locator('td.rel').innerText(), 'expires in 1 h 52 min');
  assert.equal(await iat.locator('td.rel').innerText(), 'issued 8 min ago');
  assert.match(await text(page, '#times'), /Lifetime\s+2 h/);
  assert.equal(await text(page, '#warnings'), 'No warnings: VideoSDK would accept these claims, if the signature checks out.');
  assert.match(await text(page, '#summary'), /valid for 1 h 52 min/);

  // The countdown follows the clock, and turns red at exp.
  await page.clock.runFor(61_000);
  assert.equal(await exp.locator('td.rel').innerText(), 'expires in 1 h 50 min');
  await page.clock.fastForward((6720 - 61 + 180 - 1) * 1000);
  await page.clock.runFor(1000);
  assert.equal(await exp.locator('td.rel').innerText(), 'expired 3 min ago');
  assert.match(await exp.locator('td.rel').getAttribute('class'), /\bbad\b/);
  assert.match(await text(page, '#summary'), /^Expired 3 min ago/);
  assert.match(await text(page, '#warnings'), /expired 3 min ago/);
});

test('every warning decodeToken gives is listed', async () => {
  const { page } = await openPage();
  const token = rawToken({
    apikey: 'k',
    permissions: ['allow_join', 'ask_join', 'allow_everything'],
    roomId: 'r',
    iat: NOW + 600,
    exp: NOW + 3600,
  });
  const expected = decodeToken(token, { now: NOW }).warnings;
  assert.ok(expected.length >= 4, `the token has warnings: ${expected}`);
  await paste(page, token);
  const listed = await page.locator('#warnings li').allInnerTexts();
  assert.deepEqual(listed, expected);
  const all = listed.join('\n');
  assert.match(all, /"allow_everything"/);
  assert.match(all, /both ask_join and allow_join/);
  assert.match(all, /roomId given without version/);
  assert.match(all, /iat is 10 min in the future/);
  assert.equal(await page.textContent('#warnings-title'), `Warnings (${expected.length})`);
  assert.match(await text(page, '#claims'), /allow_everything.*unknown permission/);
  assert.match(await text(page, '#claims'), /version\s+not set, but roomId is present/);
});

test('an expired token shows expired, in red', async () => {
  const { page } = await openPage();
  // A participant's token (roles rtc): the expiry is then its one warning.
  const token = signToken({ apiKey: 'k', secret: SECRET, permissions: ['ask_join'], roles: ['rtc'], expiresIn: '2h', now: NOW - 7200 - 180 });
  await paste(page, token);
  const rel = page.locator('#times tr[data-claim="exp"] td.rel');
  assert.equal(await rel.innerText(), 'expired 3 min ago');
  assert.match(await rel.getAttribute('class'), /\bbad\b/);
  assert.equal(await rel.evaluate((el) => getComputedStyle(el).color), 'rgb(192, 28, 40)');
  assert.match(await text(page, '#summary'), /^Expired 3 min ago: VideoSDK refuses it/);
  assert.deepEqual(await page.locator('#warnings li').allInnerTexts(), ['expired 3 min ago']);
  assert.match(await text(page, '#claims'), /ask_join: must ask a participant holding allow_join to be let in/);
});

test('malformed input names the bad part, without a blank page or a console error', async () => {
  const { page } = await openPage();
  const cases = [
    ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ab+c.c2ln', /the payload is not valid base64url: it has '\+' at character 3/, 'payload'],
    ['not a token', /the token has 1 part; a JWT has three/, undefined],
    ['e30.e30.', /the header's 'typ'|alg|header/, undefined],
    [`${Buffer.from('{"alg":"HS256"').toString('base64url')}.e30.c2ln`, /the header/, 'header'],
    ['Bearer a.b.c', /starts with 'Bearer '/, undefined],
  ];
  for (const [input, message, part] of cases) {
    await paste(page, input);
    let reason;
    try {
      decodeToken(input);
    } catch (error) {
      reason = error.reason;
    }
    if (reason === undefined) {
      // e30.e30. decodes (with warnings): the page must show it, not an error.
      assert.equal(await page.isVisible('#decoded'), true, input);
      assert.equal(await page.isVisible('#malformed'), false, input);
      continue;
    }
    assert.match(reason, message, input);
    const shown = await text(page, '#malformed');
    assert.ok(shown.includes(reason), `${input}: the page shows "${reason}", got "${shown}"`);
    assert.match(shown, /MALFORMED/);
    assert.equal(await page.isVisible('#decoded'), false);
    if (part) {
      assert.equal(await page.locator('#token-parts .part-bad').getAttribute('data-part'), part);
      assert.equal(await text(page, '#token-state'), `The ${part} is malformed.`);
    }
  }
  // Back to a good token: the error goes away.
  await paste(page, v2Token());
  assert.equal(await page.isVisible('#malformed'), false);
  assert.equal(await page.isVisible('#decoded'), true);
});

test('verify: the right secret is valid, a wrong one is invalid with code and reason', async () => {
  const { page } = await openPage();
  await paste(page, v2Token());
  await page.fill('#verify-secret', SECRET);
  assert.equal(await page.getAttribute('#verify-secret', 'type'), 'password');
  await page.click('#verify');
  assert.match(await text(page, '#verify-result'), /^✓ Valid\. The signature checks out/);
  assert.equal(verifyToken(v2Token(), SECRET, { now: NOW }).roomId, 'room-42'); // the oracle agrees

  await page.fill('#verify-secret', WRONG);
  await page.press('#verify-secret', 'Enter'); // keyboard: Enter submits
  const wrong = await text(page, '#verify-result');
  assert.match(wrong, /✗ Invalid: Token is invalid or expired/);
  assert.match(wrong, /INVALID_SIGNATURE/);

  await page.fill('#verify-secret', 'short');
  await page.click('#verify');
  assert.match(await text(page, '#verify-result'), /WEAK_SECRET/);

  const expired = signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], expiresIn: 60, now: NOW - 120 });
  await paste(page, expired);
  assert.equal(await text(page, '#verify-result'), '', 'a new token clears the old result');
  await page.fill('#verify-secret', SECRET);
  await page.click('#verify');
  assert.match(await text(page, '#verify-result'), /EXPIRED/);

  // The secret is never stored nor put in the URL.
  const leaks = await page.evaluate((secret) => [location.href, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie]
    .filter((s) => s.includes(secret)), SECRET);
  assert.deepEqual(leaks, []);
});

test('generate, then decode in place: a round trip the package verifies', async () => {
  const { page } = await openPage();
  await page.fill('#gen-apikey', 'dev-api-key');
  await page.click('#gen-random');
  const secret = await page.inputValue('#gen-secret');
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
  await page.check('#gen-perm-allow_mod');
  await page.check('#gen-role-rtc');
  await page.fill('#gen-room', 'standup');
  await page.fill('#gen-participant', 'bob');
  await page.fill('#gen-expires', '30m');
  await page.click('#generate');

  const token = await page.inputValue('#generated-token');
  const claims = verifyToken(token, secret, { now: NOW });
  assert.deepEqual(
    { ...claims, jti: undefined },
    { apikey: 'dev-api-key', permissions: ['allow_join', 'allow_mod'], version: 2, roomId: 'standup', participantId: 'bob', roles: ['rtc'], iat: NOW, exp: NOW + 1800, jti: undefined },
  );
  assert.equal(await page.inputValue('#token'), token);
  assert.equal(JSON.parse(await text(page, '#payload-json')).roomId, 'standup');
  assert.equal(await text(page, '#times tr[data-claim="exp"] td.rel'), 'expires in 30 min');
  await page.click('#verify');
  assert.match(await text(page, '#verify-result'), /^✓ Valid/);

  await page.click('#copy-generated');
  assert.equal(await textSoon(page, '#copy-state', /Copied/), 'Copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);

  // A refused option says which and why.
  await page.check('#gen-perm-ask_join');
  await page.click('#generate');
  const error = await text(page, '#generate-error');
  assert.match(error, /INVALID_OPTIONS · permissions/);
  assert.match(error, /allow_join/);
  await page.uncheck('#gen-perm-ask_join');
  await page.fill('#gen-secret', 'too-short');
  await page.click('#generate');
  assert.match(await text(page, '#generate-error'), /WEAK_SECRET/);
});

test('a #token= link opens decoded, and Share puts the token, never the secret, in the link', async () => {
  const token = v2Token();
  const { page } = await openPage({ hash: `#token=${token}` });
  assert.equal(await page.inputValue('#token'), token);
  assert.equal(JSON.parse(await text(page, '#payload-json')).participantId, 'alice');
  assert.equal(await text(page, '#times tr[data-claim="exp"] td.rel'), 'expires in 1 h 52 min');

  const other = signToken({ apiKey: 'k2', secret: SECRET, permissions: ['allow_join'], now: NOW });
  await paste(page, other);
  await page.fill('#verify-secret', SECRET);
  await page.click('#share');
  assert.match(await textSoon(page, '#share-state', /Link copied/), /Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${origin}/#token=${other}`);
  assert.equal(page.url(), link);
  assert.ok(!link.includes(SECRET));

  // Following a changed fragment decodes the new token.
  await page.evaluate((t) => { location.hash = `token=${t}`; }, token);
  await page.waitForFunction((t) => document.getElementById('token').value === t, token);
  assert.equal(JSON.parse(await text(page, '#payload-json')).roomId, 'room-42');
});

test('keyboard only: Tab reaches every control in reading order, and shows where focus is', async () => {
  const { page } = await openPage({ hash: `#token=${v2Token()}` });
  const order = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    if (id === 'BODY' || order.includes(id)) break;
    order.push(id);
  }
  assert.deepEqual(order, [
    'token', 'share', 'clear', 'header-json', 'payload-json', 'signature', 'verify-secret', 'verify',
    'join-code', 'join-room', 'join-participant',
    'gen-apikey', 'gen-secret', 'gen-random', 'gen-expires',
    'gen-perm-allow_join', 'gen-perm-ask_join', 'gen-perm-allow_mod', 'gen-role-crawler', 'gen-role-rtc',
    'gen-room', 'gen-participant', 'generate',
  ]);
  // A visible focus ring on a keyboard-focused button.
  await page.focus('#verify-secret');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'verify');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  // Generate with the keyboard alone: type, Space toggles a checkbox, Enter submits.
  await page.focus('#gen-apikey');
  await page.keyboard.type('kb-key');
  await page.keyboard.press('Tab');
  await page.keyboard.type(SECRET);
  await page.focus('#gen-perm-allow_mod');
  await page.keyboard.press('Space');
  await page.focus('#gen-expires');
  await page.keyboard.press('Enter');
  const token = await page.inputValue('#generated-token');
  assert.deepEqual(verifyToken(token, SECRET, { now: NOW }).permissions, ['allow_join', 'allow_mod']);
});

test('screenshots at 1280 and 375 px, light and dark, with no horizontal scroll', async () => {
  const warned = rawToken({ apikey: 'k', permissions: ['allow_join', 'ask_join'], roomId: 'a-very-long-room-identifier-that-must-wrap-on-a-narrow-phone-screen', iat: T0, exp: T0 + 7200 });
  for (const [name, width, colorScheme, token] of [
    ['desktop-1280', 1280, 'light', v2Token()],
    ['mobile-375', 375, 'light', warned],
    ['desktop-1280-dark', 1280, 'dark', warned],
    ['mobile-375-dark', 375, 'dark', v2Token()],
  ]) {
    const { page } = await openPage({ width, colorScheme, hash: `#token=${token}` });
    await page.fill('#verify-secret', SECRET);
    await page.click('#verify');
    await page.fill('#gen-apikey', 'dev-api-key');
    await page.click('#gen-random');
    await page.fill('#join-code', '{"code":4022,"message":"\'token\' is not valid for the provided roomId"}');
    await page.fill('#join-room', 'another-very-long-room-identifier-that-must-wrap-on-a-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${name}: no horizontal scroll`);
    await page.screenshot({ path: join(OUT, `www-${name}.png`), fullPage: true });
  }
  // The malformed state, on a phone.
  const { page } = await openPage({ width: 375 });
  await paste(page, 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ab+c.c2ln');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await page.screenshot({ path: join(OUT, 'www-mobile-375-malformed.png'), fullPage: true });
});

// ---- VideoSDK's join-time rules and custom claims on the page -----------------------------------

/** A signed token VideoSDK would refuse at join, with custom claims. */
const brokenToken = () => rawToken({
  apikey: 'k', permissions: ['allow_mod', 'ask_join'], version: 2, participantId: 'has space', roles: ['CRAWLER'],
  name: 'Ada', profile: { team: 7, admin: false }, iat: T0, exp: T0 + 7200,
});

test('the rules VideoSDK enforces at join show as warnings, custom claims as ignored', async () => {
  const { page } = await openPage();
  const token = brokenToken();
  await paste(page, token);
  const expected = decodeToken(token, { now: NOW }).warnings;
  assert.deepEqual(await page.locator('#warnings li').allInnerTexts(), expected);
  const all = expected.join('\n');
  assert.match(all, /both ask_join and allow_mod: VideoSDK refuses a participant joining with it \(error 4008 INVALID_PERMISSIONS/);
  assert.match(all, /participantId "has space" has a space \(U\+0020\) at character 4: .*error 4004 INVALID_PARTICIPANT_ID/);
  assert.match(all, /roles has "CRAWLER", a legacy upper-case name/);
  const claims = await text(page, '#claims');
  assert.match(claims, /name\s+Ada: custom claim: VideoSDK ignores it\./);
  assert.match(claims, /profile\s+\{"team":7,"admin":false\}: custom claim: VideoSDK ignores it\./);
  await page.screenshot({ path: join(OUT, 'www-rules-and-custom-claims.png'), fullPage: true });
  // Verify refuses it, naming the first rule it breaks.
  await page.fill('#verify-secret', SECRET);
  await page.click('#verify');
  const result = await text(page, '#verify-result');
  assert.match(result, /CLAIMS_INVALID/);
  assert.match(result, /roles has "CRAWLER", a legacy upper-case name/);
  // Generate refuses what VideoSDK would refuse, saying so.
  await page.fill('#gen-apikey', 'dev-api-key');
  await page.click('#gen-random');
  await page.check('#gen-perm-ask_join');
  await page.check('#gen-perm-allow_mod');
  await page.uncheck('#gen-perm-allow_join');
  await page.click('#generate');
  assert.match(await text(page, '#generate-error'), /INVALID_OPTIONS · permissions/);
  assert.match(await text(page, '#generate-error'), /error 4008 INVALID_PERMISSIONS/);
  await page.uncheck('#gen-perm-allow_mod');
  await page.fill('#gen-participant', 'two words');
  await page.click('#generate');
  assert.match(await text(page, '#generate-error'), /INVALID_OPTIONS · participantId/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'gen-participant');
});

// ---- Why did the join fail? -----------------------------------------------------------------------

test('a join error explained against the token, the room and participant tried: the number or the whole error text', async () => {
  const { page } = await openPage();
  const token = v2Token(); // room-42, alice, valid until T0 + 2 h
  await paste(page, token);
  assert.equal(await page.isVisible('#join-result'), false, 'nothing to show without a code');
  await page.fill('#join-code', '4022');
  await page.fill('#join-room', 'room-7');
  const result = await text(page, '#join-result');
  assert.match(result, /^4022 UNAUTHORIZED_ROOM_ID: the token is not valid for the room joined/);
  // The package says the same at the same now (the page's clock).
  const [finding] = explainJoinError(4022, { token, roomId: 'room-7', now: NOW }).findings;
  assert.match(finding, /the token's roomId "room-42" is not the room joined, "room-7"/);
  assert.deepEqual(await page.locator('#join-result .findings li').allInnerTexts(), [finding]);
  assert.match(result, /Fix: Sign the token for the room the client joins/);
  // The room the token names: nothing in the token causes it, and no word vouching for its signature.
  await page.fill('#join-room', 'room-42');
  assert.match(await text(page, '#join-result'), /Nothing in this token causes it \(its signature is not checked/);
  // VideoSDK's whole error text: the number is taken from it.
  await page.fill('#join-code', '{"code":4023,"message":"\'token\' is not valid for the provided participantId"}');
  await page.fill('#join-participant', 'bob');
  assert.match(await text(page, '#join-result .findings'), /the token's participantId "alice" is not the participant ID joined with, "bob"/);
  // 4002 follows the clock: expired once the page's clock passes exp.
  await page.fill('#join-code', 'INVALID_TOKEN');
  assert.match(await text(page, '#join-result'), /^4002 INVALID_TOKEN[\s\S]*Nothing in this token causes it/);
  await page.clock.fastForward((7200 - 8 * 60 + 120) * 1000);
  await page.clock.runFor(1000);
  assert.match(await textSoon(page, '#join-result .findings', /expired/), /the token expired 2 min \d+ s ago|the token expired 2 min ago/);
  // A malformed token is 4002's finding; a code a token cannot cause, an undocumented one, no code.
  await paste(page, 'not a token');
  assert.match(await text(page, '#join-result .findings'), /the token cannot be read: the token has 1 part/);
  await page.fill('#join-code', '4009');
  assert.match(await text(page, '#join-result'), /MAX_PARTICIPANT_REACHED[\s\S]*A token cannot cause this error/);
  await page.fill('#join-code', '4031');
  assert.match(await text(page, '#join-result'), /^4031 \(not a code VideoSDK documents\)/);
  await page.fill('#join-code', 'the join failed');
  assert.match(await text(page, '#join-result'), /No error code in this text/);
  await page.fill('#join-code', '');
  assert.equal(await page.isVisible('#join-result'), false);
  await page.screenshot({ path: join(OUT, 'www-join-error.png'), fullPage: true });
});

// ---- Accessibility: axe-core, WCAG 2.1 A and AA ---------------------------------------------------

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's violations on the page as it is, one line per failing element. */
async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') does not apply.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`) }))),
    WCAG21_AA,
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n}`));
}

test('axe-core finds no WCAG 2.1 AA violation, light and dark, without a token, with one, with a malformed one', async () => {
  const states = [
    ['no token', async () => {}],
    ['a clean token, verified', async (page) => {
      await paste(page, v2Token());
      await page.fill('#verify-secret', SECRET);
      await page.click('#verify');
    }],
    ['a token VideoSDK refuses, with custom claims; verify and generate errors', async (page) => {
      await paste(page, brokenToken());
      await page.fill('#verify-secret', SECRET);
      await page.click('#verify');
      await page.fill('#gen-secret', 'too-short');
      await page.click('#generate');
    }],
    ['an expired token', async (page) => {
      await paste(page, signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'], expiresIn: 60, now: NOW - 180 }));
    }],
    ['a malformed token', async (page) => {
      await paste(page, 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ab+c.c2ln');
    }],
    ['a join error explained, with findings against the token', async (page) => {
      await paste(page, v2Token());
      await page.fill('#join-code', 'Error 4022: UNAUTHORIZED_ROOM_ID');
      await page.fill('#join-room', 'room-7');
    }],
    ['a join error text without a code', async (page) => {
      await page.fill('#join-code', 'the join failed');
    }],
  ];
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    for (const [state, setUp] of states) {
      const { page } = await openPage({ colorScheme });
      await setUp(page);
      // axe-core waits on timers: let the page's paused clock run from here on.
      await page.clock.resume();
      found.push(...(await axeViolations(page)).map((v) => `${colorScheme}, ${state}: ${v}`));
    }
  }
  assert.deepEqual(found, []);
});

test('the server saw only the page and its own files', () => {
  // The page's own files, the glue and wasm, and modules of the package's token/ and shared/ folders.
  const own = ['/', '/app.js', '/join.js', '/style.css', '/wasm.js', '/videosdk_token.js', '/videosdk_token_bg.wasm', '/favicon.svg'];
  const unexpected = served.filter((p) => !own.includes(p) && !/^\/(token|shared)\/[a-z-]+\.js$/.test(p));
  assert.deepEqual(unexpected, []);
});
