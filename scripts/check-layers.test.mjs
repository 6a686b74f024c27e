// The layer checker on small made-up crates: it must pass a well-layered one and fail each kind
// of breach, so that `make layers` passing means something.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { checkJsLayers, checkLayers } from './check-layers.mjs';

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

// ---- The package's JS ------------------------------------------------------------------------

const JS_GOOD = {
  'shared/errors.js': "// import { x } from '../token/api.js' in a comment is not an import.\nexport class E extends Error {}\n",
  'shared/text.js': "import { E } from './errors.js';\nexport const t = (s) => `${s} from '../token/api.js'`;\n",
  'token/api.js': "import * as wasm from '../videosdk_token.js';\nimport { E } from '../shared/errors.js';\nexport const sign = () => wasm;\n",
  'webhooks/index.js': "import { E } from '../shared/errors.js';\nexport { t } from '../shared/text.js';\n",
  'rest/client.js': "import { sign } from '../token/api.js';\nexport { E } from '../shared/errors.js';\n",
  'exports.js': "export * from './token/api.js';\nexport * from './rest/client.js';\n",
  'workerd.js': "import wasm from './videosdk_token_bg.wasm';\nimport { initSync } from './videosdk_token.js';\nexport * from './exports.js';\n",
  'edge-light.js': "import wasm from './videosdk_token_bg.wasm?module';\nexport * from './exports.js';\n",
  'cli/main.js': "import { sign } from '../workerd.js';\nconst later = () => import('./help.js');\n",
  'cli/help.js': 'export const TEXT = 1;\n',
  'bin/cli.js': "import '../cli/main.js';\n",
};

function checkJs(files) {
  const dir = crate(files);
  try {
    return checkJsLayers(dir);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

test('JS: a well-layered package passes and is counted per folder', () => {
  const { errors, report } = checkJs(JS_GOOD);
  assert.deepEqual(errors, []);
  assert.match(report, /\| 0 \| shared\/ \|[^\n]*\| 2 \| 4 \| shared\/errors\.js \(2\) \|/);
  assert.match(report, /\| 4 \| the root \|[^\n]*\| 3 \|/);
});

test('JS: an upward import fails, naming file and line', () => {
  const { errors } = checkJs({ ...JS_GOOD, 'token/api.js': "import { E } from '../shared/errors.js';\nimport { c } from '../rest/client.js';\n" });
  // rest/client.js imports token/api.js, so the upward import also closes a cycle.
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.equal(errors[0], 'token/api.js:2: imports rest/client.js (rest/), not below token/: imports must point down');
  assert.equal(errors[1], 'import cycle: token/api.js → rest/client.js → token/api.js');
});

test('JS: a sibling capability of the same rank is not below', () => {
  const { errors } = checkJs({ ...JS_GOOD, 'node/index.js': "import { c } from '../rest/client.js';\n" });
  assert.deepEqual(errors, ['node/index.js:1: imports rest/client.js (rest/), not below node/: imports must point down']);
});

test('JS: endpoint/ sits above rest/ (a room endpoint over the client), never the reverse', () => {
  const up = checkJs({ ...JS_GOOD, 'endpoint/rooms.js': "import { c } from '../rest/client.js';\n" });
  assert.deepEqual(up.errors, []);
  const down = checkJs({ ...JS_GOOD, 'rest/rooms.js': "import { h } from '../endpoint/handler.js';\n", 'endpoint/handler.js': 'export const h = 1;\n' });
  assert.deepEqual(down.errors, ['rest/rooms.js:1: imports endpoint/handler.js (endpoint/), not below rest/: imports must point down']);
});

test('JS: a cycle within one folder fails', () => {
  const { errors } = checkJs({ ...JS_GOOD, 'cli/help.js': "export { later } from './main.js';\n" });
  assert.deepEqual(errors, ['import cycle: cli/main.js → cli/help.js → cli/main.js']);
});

test('JS: webhooks/, client/, stores/ and shared/ never reach token/ or the wasm glue', () => {
  const { errors } = checkJs({
    ...JS_GOOD,
    'webhooks/index.js': "import { sign } from '../token/api.js';\n",
    'stores/memory.js': "import { sign } from '../token/api.js';\n",
    'client/provider.js': "import { initSync } from '../videosdk_token.js';\n",
    'shared/errors.js': "const api = await import('../token/api.js');\n",
    'rest/client.js': "import init from '../videosdk_token.js';\n",
  });
  assert.deepEqual(errors, [
    "client/provider.js:1: imports the wasm glue (videosdk_token.js); only token/ and the runtime entries may",
    'rest/client.js:1: imports the wasm glue (videosdk_token.js); only token/ and the runtime entries may',
    'shared/errors.js:1: imports token/api.js; shared/ must never reach token/ or the wasm glue (its bundles load no wasm)',
    'stores/memory.js:1: imports token/api.js; stores/ must never reach token/ or the wasm glue (its bundles load no wasm)',
    'webhooks/index.js:1: imports token/api.js; webhooks/ must never reach token/ or the wasm glue (its bundles load no wasm)',
    // token/api.js imports shared/errors.js: the breach closes a cycle as well.
    'import cycle: token/api.js → shared/errors.js → token/api.js',
  ]);
});

test('JS: a file over 400 lines fails, and so does a file outside the layout', () => {
  const { errors } = checkJs({ ...JS_GOOD, 'token/read.js': 'export const a = 1;\n'.repeat(401), 'misc/util.js': 'export {};\n' });
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0], /^misc\/util\.js: not in any folder of the layout/);
  assert.equal(errors[1], 'token/read.js: 401 lines; at most 400 (split the file)');
});
