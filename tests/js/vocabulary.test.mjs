// index.d.ts keeps its literal unions for editors; the words themselves live in the core. This
// test holds the two together: each union equals the core's list (vocabulary.js, generated from
// the core by tests/vocabulary.rs), in the packed package.
import assert from 'node:assert/strict';
import { readFileSync, realpathSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as lib from 'videosdk-token';

const pkg = realpathSync(fileURLToPath(new URL('../../node_modules/videosdk-token/', import.meta.url)));
// The declarations sit beside each folder's JS; index.d.ts gathers them.
const types = ['index.d.ts', 'token/api.d.ts', 'endpoint/handler.d.ts', 'shared/errors.d.ts']
  .map((file) => readFileSync(`${pkg}/${file}`, 'utf8')).join('\n');
const vocabulary = await import(pathToFileURL(`${pkg}/shared/vocabulary.js`).href);

/** The string literals of `export type <name> = 'a' | 'b' …;` in index.d.ts. */
function union(name) {
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(types);
  assert.ok(m, `index.d.ts declares no type ${name}`);
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
}

test('Permission, Role, SpanUnit and TokenErrorCode are the core\'s lists', () => {
  assert.deepEqual(union('Permission'), Object.keys(vocabulary.PERMISSIONS));
  assert.deepEqual(union('Role'), Object.keys(vocabulary.ROLES));
  assert.deepEqual(union('SpanUnit'), Object.keys(vocabulary.SPAN_UNITS));
  assert.deepEqual(union('TokenErrorCode'), [...vocabulary.ERROR_CODES]);
});

// On Node the entry's copy is vocabulary.js bundled into exports.bundled.js (scripts/bundle-exports.mjs):
// the same generated text, so equal to the core's words and frozen, not the same object.
test('the package exports the core\'s words, not copies', () => {
  assert.deepEqual(Object.entries(lib.PERMISSIONS), Object.entries(vocabulary.PERMISSIONS));
  assert.deepEqual(Object.entries(lib.ROLES), Object.entries(vocabulary.ROLES));
  assert.ok(Object.isFrozen(lib.PERMISSIONS) && Object.isFrozen(lib.ROLES), 'frozen');
  assert.equal(lib.MAX_TOKEN_LEN, vocabulary.MAX_TOKEN_LEN);
});

test('custom claims and join-time rules: the limits, names and errors are the vocabulary\'s', () => {
  const base = { apiKey: 'k', secret: 'vocabulary-test-secret-0123456789abcdef', permissions: ['allow_join'], now: 1_700_000_000 };
  const refused = (options, field, says) => assert.throws(() => lib.signToken({ ...base, ...options }),
    (e) => e.code === 'INVALID_OPTIONS' && e.field === field && e.message.includes(says), `${field}: ${says}`);
  for (const [claim, option] of Object.entries(vocabulary.RESERVED_CLAIMS)) {
    refused({ claims: { [claim]: 1 } }, `claims.${claim}`, `'${option}'`);
  }
  const nest = (levels) => {
    let v = {};
    for (let i = 1; i < levels; i++) v = { a: v };
    return v;
  };
  assert.ok(lib.signToken({ ...base, claims: nest(vocabulary.MAX_CLAIMS_DEPTH) }));
  refused({ claims: nest(vocabulary.MAX_CLAIMS_DEPTH + 1) }, `claims${'.a'.repeat(vocabulary.MAX_CLAIMS_DEPTH)}`, String(vocabulary.MAX_CLAIMS_DEPTH));
  for (const [legacy, name] of Object.entries(vocabulary.LEGACY_ROLES)) refused({ roles: [legacy] }, 'roles', `did you mean '${name}'?`);
  // The join errors the rules name, found in the table by name: the core words its messages from it.
  const code = (name) => Object.keys(vocabulary.JOIN_ERRORS).find((c) => vocabulary.JOIN_ERRORS[c].name === name);
  refused({ permissions: ['ask_join', 'allow_mod'] }, 'permissions', `error ${code('INVALID_PERMISSIONS')} INVALID_PERMISSIONS`);
  refused({ participantId: 'a b' }, 'participantId', `error ${code('INVALID_PARTICIPANT_ID')} INVALID_PARTICIPANT_ID`);
  const causes = Object.keys(vocabulary.JOIN_ERRORS).filter((c) => vocabulary.JOIN_ERRORS[c].tokenCanCause);
  assert.deepEqual(causes, ['4001', '4002', '4004', '4008', '4022', '4023', '4024']);
});

// The figures the types' comments and the debugger page state are typed there for people; these
// hold them to the core's limits, so that a new limit in the core cannot leave them saying the old one.
test('index.d.ts and the page state the core\'s limits, and the page has a box for every word', () => {
  const { DEFAULT_EXPIRES_IN_SECONDS, MAX_SPAN_SECONDS, MAX_TOKEN_LEN, MIN_SECRET_LEN, PERMISSIONS, ROLES } = vocabulary;
  const defaultSpan = `${DEFAULT_EXPIRES_IN_SECONDS / 60}m`;
  for (const figure of [`At least ${MIN_SECRET_LEN} bytes.`, `Default \`'${defaultSpan}'\``,
    `at most ${MAX_SPAN_SECONDS / 86400} days`, `${MAX_TOKEN_LEN} bytes`, `a token over ${MAX_TOKEN_LEN / 1024} KiB`]) {
    assert.ok(types.includes(figure), `index.d.ts says "${figure}"`);
  }
  const page = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');
  assert.ok(page.includes(`(at least ${MIN_SECRET_LEN} bytes)`), `the page's secret hint says ${MIN_SECRET_LEN} bytes`);
  assert.ok(page.includes(`id="gen-expires" value="${defaultSpan}"`), `the page's lifetime starts at the default, ${defaultSpan}`);
  // app.js makes one checkbox per permission and role from the core's words; the page types none.
  for (const name of [...Object.keys(PERMISSIONS), ...Object.keys(ROLES)]) {
    assert.ok(!page.includes(name), `the page does not retype ${name}`);
  }
});

// One home for untrusted text (shared/text.js), held to the core's: the characters it escapes are
// exactly the core's set (ESCAPED, written from src/leaf/text.rs's needs_escape) plus the lone
// surrogates only JS text can hold, written as the core writes them; the cut is the core's length.
test('shared/text.js escapes the core\'s characters, as the core writes them, and cuts at its length', async () => {
  const text = await import(pathToFileURL(`${pkg}/shared/text.js`).href);
  const core = new RegExp(`^[${vocabulary.ESCAPED}]$`, 'u');
  const short = { 0x0: '\\0', 0x9: '\\t', 0xa: '\\n', 0xd: '\\r' };
  const wrong = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const c = String.fromCodePoint(cp);
    const surrogate = cp >= 0xd800 && cp <= 0xdfff;
    const want = core.test(c) || surrogate ? short[cp] ?? `\\u{${cp.toString(16)}}` : c;
    if (text.escapeText(c) !== want || text.shown(c) !== want) wrong.push(`U+${cp.toString(16)}`);
    if (wrong.length > 5) break;
  }
  assert.deepEqual(wrong, []);
  assert.ok(core.test('\u2028') && core.test('\u202e') && core.test('\x1b') && !core.test('a'), 'the set holds separators, overrides, controls');
  assert.equal(text.MAX_ECHO, vocabulary.ECHO_MAX);
  const long = 'x'.repeat(vocabulary.ECHO_MAX * 2);
  assert.equal(text.cut(long), `${'x'.repeat(vocabulary.ECHO_MAX - 1)}…`);
  assert.equal(text.shown(long).length, vocabulary.ECHO_MAX);
  assert.equal(text.quote('a"b\\'), '"a\\"b\\\\"');
});
