// The token debugger: decode, verify and generate VideoSDK tokens, all in this page.
// Every piece of a token is shown through textContent, never as HTML: a shared link's token is
// attacker-chosen text.

import { TIME_CLAIMS, explainClaims, relative, summary } from './token/explain.js';
import { showJoin } from './join.js';
import { PERMISSIONS, ROLES } from './shared/vocabulary.js';

const $ = (id) => document.getElementById(id);

/** Builds an element: h('li', { class: 'x' }, 'text', child). Strings become text nodes. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// ---- Words ------------------------------------------------------------------------------------

/** "1 h 52 min", "3 min 5 s", "2 d 3 h": a span as the core's messages say it. */
const span = (seconds) => api.humanSpan(Math.floor(Math.abs(seconds)));

// What VideoSDK makes of each claim, in the core's words (vocabulary.js is generated from it).
const words = { permissions: PERMISSIONS, roles: ROLES };

const nowSeconds = () => Math.floor(Date.now() / 1000);

const dateFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'long',
});

const code = (text) => h('code', {}, text);

/** Elements for explain.js's pieces: text, { code }, { bad }, { muted }. */
function pieces(meaning) {
  return meaning.map((p) => {
    if (typeof p === 'string') return p;
    if ('code' in p) return code(p.code);
    if ('bad' in p) return h('span', { class: 'bad-text' }, p.bad);
    return h('span', { class: 'muted' }, p.muted);
  });
}

/** A claim's meaning as the children of its <dd>. */
function meaningNodes({ meaning, list }) {
  const nodes = pieces(meaning);
  if (list) nodes.push(h('ul', { class: 'meanings' }, list.map((item) => {
    const bad = item.some((p) => typeof p === 'object' && 'bad' in p);
    return h('li', bad ? { class: 'bad-text' } : {}, ...pieces(item));
  })));
  return nodes;
}

// ---- JSON, coloured ---------------------------------------------------------------------------

/** Pretty JSON as spans for keys, strings, numbers and literals (text nodes only). */
function jsonNodes(value) {
  const text = JSON.stringify(value, null, 2);
  const nodes = [];
  const re = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) nodes.push(text.slice(last, m.index));
    if (m[1]) {
      nodes.push(h('span', { class: m[2] ? 'j-key' : 'j-str' }, m[1]));
      if (m[2]) nodes.push(m[2]);
    } else {
      nodes.push(h('span', { class: m[3] ? 'j-num' : 'j-lit' }, m[0]));
    }
    last = m.index + m[0].length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

// ---- The page ---------------------------------------------------------------------------------

let api; // the package's functions, once the wasm is loaded
let current = null; // { token, decoded } for the token on show

const tokenInput = $('token');

function setState(text, tone = '') {
  const el = $('token-state');
  el.textContent = text;
  el.className = `token-state ${tone}`;
}

/** Colours the text of the token field by part, in the layer under it (`raw` keeps it aligned). */
function showParts(raw, badPart) {
  const names = ['header', 'payload', 'signature'];
  const nodes = [];
  raw.split('.').forEach((part, i) => {
    if (i > 0) nodes.push(h('span', { class: 'dot' }, '.'));
    const name = names[i] ?? 'extra';
    nodes.push(h('span', { class: `part part-${name}${name === badPart ? ' part-bad' : ''}`, 'data-part': name }, part));
  });
  // A trailing newline in a textarea takes a line; in a div it needs something after it.
  if (raw.endsWith('\n')) nodes.push(' ');
  $('token-parts').replaceChildren(...(raw ? nodes : []));
  fitEditor();
}

/** Grows the token field with its text, so that it never scrolls apart from its coloured layer. */
function fitEditor() {
  tokenInput.style.height = 'auto';
  tokenInput.style.height = `${tokenInput.scrollHeight + 2}px`;
}

const EMPTY_TEXT = 'Paste a token on the left, or generate one below, to decode it here.';

function clearDecoded(emptyText = EMPTY_TEXT) {
  current = null;
  $('decoded').hidden = true;
  $('empty-state').textContent = emptyText;
  $('empty-state').hidden = false;
  $('malformed').hidden = true;
}

/** Decodes the text in the token field and shows it (or why it cannot be decoded). */
function decodeInput() {
  showDecoded();
  explainJoin();
}

function showDecoded() {
  const token = tokenInput.value.trim();
  $('verify-result').replaceChildren();
  $('share-state').textContent = '';
  if (!api) return;
  if (token === '') {
    showParts('');
    clearDecoded();
    setState('Paste a token to decode it.');
    return;
  }
  let decoded;
  try {
    decoded = api.decodeToken(token);
  } catch (error) {
    const reason = error?.reason ?? String(error?.message ?? error);
    // MALFORMED names the part at fault, when it is one part.
    const part = error?.code === 'MALFORMED' ? error.field : undefined;
    showParts(tokenInput.value, part);
    clearDecoded(`Nothing to show: ${part ? `the ${part}` : 'the token'} cannot be read. The message under the token says why.`);
    const box = $('malformed');
    box.replaceChildren(
      h('strong', {}, 'Not a readable token: '),
      reason,
      error?.code ? h('span', { class: 'code-tag' }, error.code) : null,
    );
    box.hidden = false;
    setState(part ? `The ${part} is malformed.` : 'The token is malformed.', 'bad');
    return;
  }
  showParts(tokenInput.value);
  current = { token, decoded };
  $('malformed').hidden = true;
  $('empty-state').hidden = true;
  $('decoded').hidden = false;
  setState('Decoded. The signature is not checked until you verify it.', 'ok');
  renderDecoded();
}

function renderDecoded() {
  const { decoded } = current;
  $('header-json').replaceChildren(...jsonNodes(decoded.header));
  $('payload-json').replaceChildren(...jsonNodes(decoded.payload));
  $('signature').replaceChildren(decoded.signature === '' ? h('span', { class: 'bad-text' }, '(empty: this token is unsigned)') : decoded.signature);

  $('claims').replaceChildren(
    ...explainClaims(decoded.payload, words, decoded.customClaims).flatMap((row) => [
      h('dt', {}, code(row.name)),
      h('dd', {}, ...meaningNodes(row)),
    ]),
  );

  const dates = { iat: decoded.issuedAt, nbf: decoded.notBefore, exp: decoded.expiresAt };
  const labels = { iat: 'Issued (iat)', nbf: 'Not before (nbf)', exp: 'Expires (exp)' };
  const rows = TIME_CLAIMS.filter((name) => Object.hasOwn(decoded.payload, name)).map((name) => {
    const date = dates[name];
    const raw = decoded.payload[name];
    return h(
      'tr',
      { 'data-claim': name },
      h('th', { scope: 'row' }, labels[name]),
      h('td', {}, date ? dateFormat.format(date) : h('span', { class: 'bad-text' }, 'not a plausible time'), h('br'), h('span', { class: 'muted small' }, code(JSON.stringify(raw)))),
      h('td', { class: 'rel', 'data-time': date ? String(date.getTime() / 1000) : '' }, date ? '' : '—'),
    );
  });
  if (!Object.hasOwn(decoded.payload, 'exp')) {
    rows.push(h('tr', {}, h('th', { scope: 'row' }, labels.exp), h('td', { colspan: '2', class: 'bad-text' }, 'missing: VideoSDK refuses a token without an expiry')));
  }
  if (decoded.issuedAt && decoded.expiresAt) {
    const life = (decoded.expiresAt - decoded.issuedAt) / 1000;
    rows.push(h('tr', {}, h('th', { scope: 'row' }, 'Lifetime'), h('td', { colspan: '2' }, life > 0 ? span(life) : h('span', { class: 'bad-text' }, 'exp is not after iat'))));
  }
  $('times').tBodies[0].replaceChildren(...rows);
  renderWarnings();
  tick();
}

function renderWarnings() {
  const list = $('warnings');
  const { warnings } = current.decoded;
  const items = warnings.length
    ? warnings.map((w) => h('li', { class: 'warning' }, w))
    : [h('li', { class: 'none' }, 'No warnings: VideoSDK would accept these claims, if the signature checks out.')];
  // Update in place when only the text changed (an expired token's "expired 3 min ago" ticks),
  // so that a selection in the list survives.
  if (list.children.length === items.length && [...list.children].every((li, i) => li.className === items[i].className)) {
    items.forEach((li, i) => {
      if (list.children[i].textContent !== li.textContent) list.children[i].textContent = li.textContent;
    });
  } else {
    list.replaceChildren(...items);
  }
  $('warnings-title').textContent = warnings.length ? `Warnings (${warnings.length})` : 'Warnings';
}

/** Refreshes everything that depends on the clock: relative times, the summary, the warnings. */
function tick() {
  explainJoin();
  if (!current) return;
  const now = nowSeconds();
  // Re-decode so that `expired` and the warnings follow the clock (it is cheap: microseconds).
  try {
    current.decoded = api.decodeToken(current.token);
  } catch {
    return;
  }
  for (const cell of document.querySelectorAll('#times td.rel')) {
    const t = Number(cell.dataset.time);
    if (!cell.dataset.time || !Number.isFinite(t)) continue;
    const { text, tone } = relative(cell.parentElement.dataset.claim, t, now, span);
    if (cell.textContent !== text) cell.textContent = text;
    cell.className = `rel ${tone}`;
  }
  renderWarnings();
  renderSummary(now);
}

function renderSummary(now) {
  const { text, tone } = summary(current.decoded, now, span);
  const el = $('summary');
  if (el.textContent !== text) el.textContent = text;
  el.className = `summary ${tone}`;
}

// ---- Verify -----------------------------------------------------------------------------------

function verify(event) {
  event.preventDefault();
  const out = $('verify-result');
  const secret = $('verify-secret').value;
  if (!api) return;
  if (!current) {
    out.replaceChildren(h('p', { class: 'result-bad' }, tokenInput.value.trim() ? 'Fix the token first: it cannot be decoded.' : 'Paste a token first.'));
    return;
  }
  if (secret === '') {
    out.replaceChildren(h('p', { class: 'result-bad' }, 'Enter the secret key that signed the token.'));
    return;
  }
  const at = new Date().toLocaleTimeString();
  try {
    const claims = api.verifyToken(current.token, secret);
    out.replaceChildren(
      h('p', { class: 'result-ok' }, h('strong', {}, '✓ Valid. '), 'The signature checks out and the claims are ones VideoSDK accepts', claims.exp ? `, until ${dateFormat.format(new Date(claims.exp * 1000))}.` : '.'),
      h('p', { class: 'small muted' }, `Checked at ${at}, with this page's clock.`),
    );
  } catch (error) {
    if (!error?.code) throw error;
    out.replaceChildren(
      h('p', { class: 'result-bad' }, h('strong', {}, '✗ Invalid: '), error.message, ' ', h('span', { class: 'code-tag' }, error.code)),
      h('p', {}, error.reason),
      ...(error.expiredAt ? [h('p', { class: 'small' }, `It expired at ${dateFormat.format(error.expiredAt)}.`)] : []),
      h('p', { class: 'small muted' }, `Checked at ${at}, with this page's clock.`),
    );
  }
}

// ---- Why did the join fail? -------------------------------------------------------------------

/** The join error's explanation (join.js), on every change of its fields, the token or the clock. */
function explainJoin() {
  if (!api) return;
  showJoin($('join-result'), h, api, {
    text: $('join-code').value,
    token: tokenInput.value.trim(),
    room: $('join-room').value.trim(),
    participant: $('join-participant').value.trim(),
    readable: current !== null,
    now: nowSeconds(),
  });
}

// ---- Generate ---------------------------------------------------------------------------------

function checked(prefix, values) {
  return values.filter((v) => $(`${prefix}${v}`).checked);
}

function generate(event) {
  event.preventDefault();
  if (!api) return;
  const errorBox = $('generate-error');
  const options = {
    apiKey: $('gen-apikey').value.trim(),
    secret: $('gen-secret').value,
    permissions: checked('gen-perm-', Object.keys(PERMISSIONS)),
  };
  const roles = checked('gen-role-', Object.keys(ROLES));
  if (roles.length) options.roles = roles;
  const roomId = $('gen-room').value.trim();
  if (roomId) options.roomId = roomId;
  const participantId = $('gen-participant').value.trim();
  if (participantId) options.participantId = participantId;
  const expiresIn = $('gen-expires').value.trim();
  if (expiresIn) options.expiresIn = /^\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn;
  let token;
  try {
    token = api.signToken(options);
  } catch (error) {
    if (!error?.code) throw error;
    errorBox.replaceChildren(
      h('strong', {}, 'Cannot sign: '),
      error.reason ?? error.message,
      ' ',
      h('span', { class: 'code-tag' }, error.field ? `${error.code} · ${error.field}` : error.code),
    );
    errorBox.hidden = false;
    const field = { apiKey: 'gen-apikey', secret: 'gen-secret', roomId: 'gen-room', participantId: 'gen-participant', expiresIn: 'gen-expires' }[error.field ?? (error.code === 'WEAK_SECRET' ? 'secret' : '')];
    if (field) $(field).focus();
    return;
  }
  errorBox.hidden = true;
  $('generated-token').value = token;
  $('generated').hidden = false;
  $('copy-state').textContent = '';
  // Decode it in place, and let Verify use the secret it was signed with (this page's memory only).
  tokenInput.value = token;
  decodeInput();
  $('verify-secret').value = options.secret;
  setState('Generated and decoded. The secret is in the Verify field, in this page only.', 'ok');
}

function randomSecret() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const b64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const input = $('gen-secret');
  input.value = b64;
  input.type = 'text'; // a dev secret made here is meant to be seen and copied
}

// ---- Copy and share ---------------------------------------------------------------------------

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

async function share() {
  const out = $('share-state');
  const token = tokenInput.value.trim();
  if (!token) {
    out.textContent = 'Paste a token first.';
    return;
  }
  // Only the token goes in the link, after '#', so that it never reaches a server's logs.
  history.replaceState(null, '', `#token=${encodeURIComponent(token)}`);
  const link = location.href;
  if (await copy(link)) {
    out.replaceChildren('Link copied (it holds the token, never the secret).');
  } else {
    out.replaceChildren('Copy this link: ', h('input', { type: 'text', readonly: true, value: link, class: 'link-out', 'aria-label': 'Share link' }));
    out.querySelector('input').select();
  }
}

function tokenFromFragment() {
  const fragment = location.hash.slice(1);
  if (!fragment) return undefined;
  return new URLSearchParams(fragment).get('token') ?? undefined;
}

function loadFragment() {
  const token = tokenFromFragment();
  if (token !== undefined && token !== tokenInput.value.trim()) {
    tokenInput.value = token;
    decodeInput();
  }
}

// ---- Start ------------------------------------------------------------------------------------

/**
 * The permission and role checkboxes, one per word the core knows (PERMISSIONS, ROLES), each with
 * the core's meaning as its hint; the first permission (allow_join) starts checked.
 */
function addChoices() {
  const groups = [['gen-permissions', 'gen-perm-', PERMISSIONS, Object.keys(PERMISSIONS)[0]], ['gen-roles', 'gen-role-', ROLES]];
  for (const [box, prefix, words, first] of groups) {
    for (const [name, meaning] of Object.entries(words)) {
      const input = h('input', { type: 'checkbox', id: `${prefix}${name}`, value: name, checked: name === first });
      $(box).append(h('label', { class: 'check' }, input, ' ', code(name), ' ', h('span', { class: 'hint' }, meaning)));
    }
  }
}

addChoices();
tokenInput.addEventListener('input', decodeInput);
$('clear').addEventListener('click', () => {
  tokenInput.value = '';
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  decodeInput();
  tokenInput.focus();
});
$('share').addEventListener('click', share);
$('verify-form').addEventListener('submit', verify);
for (const id of ['join-code', 'join-room', 'join-participant']) $(id).addEventListener('input', explainJoin);
$('join-form').addEventListener('submit', (event) => event.preventDefault());
$('generate-form').addEventListener('submit', generate);
$('gen-random').addEventListener('click', randomSecret);
$('copy-generated').addEventListener('click', async () => {
  const ok = await copy($('generated-token').value);
  if (!ok) $('generated-token').select();
  $('copy-state').textContent = ok ? 'Copied.' : 'Selected: press Ctrl+C (⌘C) to copy.';
});
window.addEventListener('hashchange', loadFragment);
window.addEventListener('resize', fitEditor);

try {
  api = await import('./wasm.js');
} catch (error) {
  const box = $('load-error');
  box.textContent = `The decoder could not load (${error?.message ?? error}). This page needs a browser with WebAssembly.`;
  box.hidden = false;
  setState('The decoder could not load.', 'bad');
}
if (api) {
  document.documentElement.dataset.ready = 'true';
  if (tokenFromFragment() !== undefined) loadFragment();
  else decodeInput();
  setInterval(tick, 1000);
}
