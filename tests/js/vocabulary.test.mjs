// index.d.ts keeps its literal unions for editors; the words themselves live in the core. This
// test holds the two together: each union equals the core's list (vocabulary.js, generated from
// the core by tests/vocabulary.rs), in the packed package.
import assert from 'node:assert/strict';
import { readFileSync, realpathSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as lib from 'videosdk-token';

const pkg = realpathSync(fileURLToPath(new URL('../../node_modules/videosdk-token/', import.meta.url)));
const types = readFileSync(`${pkg}/index.d.ts`, 'utf8');
const vocabulary = await import(pathToFileURL(`${pkg}/vocabulary.js`).href);

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

test('the package exports the core\'s words, not copies', () => {
  assert.equal(lib.PERMISSIONS, vocabulary.PERMISSIONS);
  assert.equal(lib.ROLES, vocabulary.ROLES);
  assert.equal(lib.MAX_TOKEN_LEN, vocabulary.MAX_TOKEN_LEN);
});
