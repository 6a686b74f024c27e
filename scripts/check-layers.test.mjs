// The layer checker on small made-up crates: it must pass a well-layered one and fail each kind
// of breach, so that `make layers` passing means something.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { checkLayers } from './check-layers.mjs';

const GOOD = {
  'lib.rs': 'mod leaf;\nmod model;\npub use model::claims::Claims;\n',
  'leaf/mod.rs': 'pub mod text;\npub mod host;\n',
  'leaf/text.rs': '//! Text. A doc comment naming crate::model::claims is not an import.\npub fn cat() {}\n',
  'leaf/host.rs': 'use wasm_bindgen::prelude::*;\n',
  'model/mod.rs': 'pub mod claims;\n',
  'model/claims.rs': 'use crate::leaf::text::{cat, self};\npub struct Claims;\n#[cfg(test)]\n#[path = "claims_tests.rs"]\nmod tests;\n',
  'model/claims_tests.rs': 'use super::*;\n',
};

function crate(files) {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function check(files) {
  const dir = crate(files);
  try {
    return checkLayers(dir);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

test('a well-layered crate passes and is counted per layer', () => {
  const { errors, report } = check(GOOD);
  assert.deepEqual(errors, []);
  assert.match(report, /\| 1 \| leaf \|[^\n]*\| 3 \| /);
  assert.match(report, /\| 2 \| model \|[^\n]*\| 2 \| \d+ \| 1 \|/);
});

test('an import that points up fails, naming file and line', () => {
  const { errors } = check({ ...GOOD, 'leaf/text.rs': 'pub fn cat() {}\n\nuse crate::model::claims::Claims;\n' });
  // model::claims imports leaf::text, so the upward import also closes a cycle.
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.equal(errors[1], 'import cycle: leaf::text → model::claims → leaf::text');
  assert.match(errors[0], /^leaf\/text\.rs:3: imports model::claims \(model\), a layer above leaf/);
});

test('an inline path that points up fails too, and so does one to lib.rs', () => {
  const { errors } = check({ ...GOOD, 'leaf/text.rs': 'pub fn cat() { crate::model::claims::f(); }\npub fn g() { crate::api(); }\n' });
  assert.equal(errors.length, 3, errors.join('\n'));
  assert.match(errors[0], /leaf\/text\.rs:1: imports model::claims/);
  assert.match(errors[1], /leaf\/text\.rs:2: imports crate \(lib\.rs\)/);
});

test('a cycle within one layer fails', () => {
  const { errors } = check({
    ...GOOD,
    'leaf/mod.rs': 'pub mod text;\npub mod host;\npub mod json;\n',
    'leaf/text.rs': 'use crate::leaf::json::Value;\n',
    'leaf/json.rs': 'use crate::leaf::{text::cat};\n',
  });
  assert.deepEqual(errors, ['import cycle: leaf::json → leaf::text → leaf::json']);
});

test('wasm crates outside the binding and the host seam fail', () => {
  const { errors } = check({ ...GOOD, 'model/claims.rs': 'use js_sys::Date;\n' });
  assert.equal(errors.length, 1);
  assert.match(errors[0], /model\/claims\.rs:1: names a wasm crate/);
});

test('a file over 400 lines fails unless it is a sibling test file', () => {
  const long = 'pub fn f() {}\n'.repeat(401);
  const { errors } = check({ ...GOOD, 'leaf/text.rs': long, 'model/claims_tests.rs': long });
  assert.deepEqual(errors, ['leaf/text.rs: 401 lines; at most 400 (move tests to a sibling *_tests.rs, or split the file)']);
});

test('a file outside every layer fails', () => {
  const { errors } = check({ ...GOOD, 'misc.rs': 'pub fn f() {}\n' });
  assert.match(errors[0], /^misc\.rs: not in any layer/);
});

test('a quote in a char literal or a comment hides no import after it', () => {
  const { errors } = check({
    ...GOOD,
    'leaf/text.rs': "pub fn q(b: u8) -> bool { b == b'\"' }\nuse crate::model::claims::Claims;\n" +
      "// it's \"quoted\npub fn r() -> &'static str { \"x\" }\nuse crate::model::claims::f;\n",
  });
  assert.match(errors[0], /^leaf\/text\.rs:2: imports model::claims \(model\), a layer above leaf/);
  assert.match(errors[1], /^leaf\/text\.rs:5: imports model::claims \(model\), a layer above leaf/);
});
