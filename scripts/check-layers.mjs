// `make layers`: checks that every `crate::` import in src/ points down the core's layers, that no
// modules import each other in a cycle, that only the binding and the host seam name wasm, and
// that no source file outgrows one screenful of files (400 lines; tests in a sibling `*_tests.rs`
// do not count, tests inside a file do). Prints files and lines per layer; exits 1 on a finding.
//
// The same for the package's JS (pkg-template/): every import points down the folders (shared/
// below the capabilities, the runtime entries above them, cli/ and bin/ on top), no cycles, no
// way from shared/, webhooks/, client/ or stores/ to token/ or the wasm glue, no file over 400 lines.
//
// Usage: node scripts/check-layers.mjs [srcDir] [jsDir]   (default: src/ and pkg-template/)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The layers, bottom up: a module may import its own layer's modules and those below. */
export const LAYERS = [
  ['leaf', 'message text, decimals, base64url, JSON, the error type, the host seam'],
  ['model', "VideoSDK's words, time and spans, sign options and claims, the review"],
  ['jws', 'the fixed header, strict parsing, the MAC'],
  ['ops', 'sign, verify, decode'],
  ['wasm', 'the JS binding'],
];
const ROOT_LAYER = LAYERS.length; // lib.rs: the crate's table of contents, above everything
const MAX_LINES = 400;
// Besides the binding, the one file allowed to name the JS engine's crates.
const HOST_SEAM = 'leaf::host';
const WASM_CRATES = /\b(wasm_bindgen|js_sys|web_sys)\b/;

function rustFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...rustFiles(path));
    else if (name.endsWith('.rs')) out.push(path);
  }
  return out;
}

/** `leaf/json_tests.rs` → { module: 'leaf::json', test: true }; `lib.rs` → 'crate'. */
function moduleOf(rel) {
  const parts = rel.split(sep).join('/').replace(/\.rs$/, '').split('/');
  let test = false;
  const last = parts.length - 1;
  if (parts[last].endsWith('_tests')) {
    parts[last] = parts[last].slice(0, -'_tests'.length);
    test = true;
  }
  if (parts[last] === 'mod' || parts[last] === 'lib') parts.pop();
  return { module: parts.length ? parts.join('::') : 'crate', test };
}

function layerOf(module) {
  if (module === 'crate') return ROOT_LAYER;
  const i = LAYERS.findIndex(([name]) => name === module.split('::')[0]);
  return i === -1 ? undefined : i;
}

// Comments, raw strings, strings and char literals (b'"' is one, a lifetime 'a is not), in one
// left-to-right pass: whichever starts first wins, so a quote inside a comment or a char literal
// does not open a string that would blank the code after it.
const NOT_CODE = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|\br(#*)"[\s\S]*?"\1|"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\\n]|\\[^'\n]{1,10})'/g;

/** The text with comments, strings and char literals blanked out, line breaks kept. */
function code(text) {
  return text.replace(NOT_CODE, (m) => m.replace(/[^\n]/g, ' '));
}

/** Expands a use tree such as `a::{b::{c, d}, e}` into paths `a::b::c`, `a::b::d`, `a::e`. */
function expand(tree) {
  tree = tree.replace(/\s+/g, '');
  const brace = tree.indexOf('{');
  if (brace === -1) return [tree.replace(/::(self|\*)$/, '').replace(/\bas\w+$/, '')];
  const prefix = tree.slice(0, brace);
  const inner = tree.slice(brace + 1, tree.lastIndexOf('}'));
  const items = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if ((c === ',' && depth === 0) || i === inner.length) {
      const item = inner.slice(start, i);
      if (item) items.push(item);
      start = i + 1;
    }
  }
  return items.flatMap((item) => expand(`${prefix}${item}`)).map((p) => p.replace(/::$/, ''));
}

/** Every module path a file names: `use crate::…;`, `use super::…;` and inline `crate::a::b`. */
function imports(text, self, test) {
  const src = code(text);
  const found = [];
  const lineAt = (index) => src.slice(0, index).split('\n').length;
  const parent = self.split('::').slice(0, -1).join('::');
  // `super` inside a nested module (`mod tests { use super::*; }`, or a *_tests.rs file, which
  // is one) is the file's own module; at the top of a file it is the parent.
  const nested = test ? 0 : src.search(/\bmod\s+\w+\s*\{/);
  for (const m of src.matchAll(/\buse\s+((?:crate|super)::[^;]*);/g)) {
    const base = nested !== -1 && m.index > nested ? self : parent;
    for (const path of expand(m[1])) {
      const [head, ...rest] = path.split('::');
      const abs = head === 'super' ? [base, ...rest].filter(Boolean).join('::') : rest.join('::');
      found.push({ path: abs, line: lineAt(m.index) });
    }
  }
  const uses = src.replace(/\buse\s+[^;]*;/g, (m) => m.replace(/[^\n]/g, ' '));
  for (const m of uses.matchAll(/\bcrate((?:::\w+)+)/g)) {
    found.push({ path: m[1].slice(2), line: lineAt(m.index) });
  }
  return found;
}

/** The module a path lands in: its longest prefix that is a module of the crate. */
function target(path, modules) {
  const parts = path.split('::');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('::');
    if (modules.has(candidate)) return candidate;
  }
  return 'crate';
}

/** Checks `srcDir`; returns { errors: string[], report: string }. */
export function checkLayers(srcDir) {
  const files = rustFiles(srcDir).map((path) => {
    const rel = relative(srcDir, path);
    const text = readFileSync(path, 'utf8');
    return { rel, text, ...moduleOf(rel), lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) };
  });
  const modules = new Set(files.filter((f) => !f.test).map((f) => f.module));
  const errors = [];
  const edges = new Map(); // module → Set of modules it imports (other than itself)
  for (const f of files) {
    const layer = layerOf(f.module);
    if (layer === undefined) {
      errors.push(`${f.rel}: not in any layer (put it under ${LAYERS.map(([n]) => `src/${n}/`).join(', ')})`);
      continue;
    }
    if (!f.test && f.lines > MAX_LINES) {
      errors.push(`${f.rel}: ${f.lines} lines; at most ${MAX_LINES} (move tests to a sibling *_tests.rs, or split the file)`);
    }
    const wasmLine = code(f.text).split('\n').findIndex((l) => WASM_CRATES.test(l));
    if (wasmLine !== -1 && layer !== layerOf('wasm') && f.module !== HOST_SEAM) {
      errors.push(`${f.rel}:${wasmLine + 1}: names a wasm crate; only src/wasm/ and the host seam (src/leaf/host.rs) may`);
    }
    for (const { path, line } of imports(f.text, f.module, f.test)) {
      const to = target(path, modules);
      if (to === f.module || f.module.startsWith(`${to}::`)) continue; // itself, or its own parent's mod.rs items
      const toLayer = layerOf(to);
      if (toLayer > layer) {
        errors.push(`${f.rel}:${line}: imports ${to} (${to === 'crate' ? 'lib.rs' : LAYERS[toLayer][0]}), a layer above ${LAYERS[layer]?.[0] ?? 'lib.rs'}: imports must point down`);
      }
      if (!edges.has(f.module)) edges.set(f.module, new Set());
      edges.get(f.module).add(to);
    }
  }
  errors.push(...cycles(edges).map((c) => `import cycle: ${c.join(' → ')}`));

  const rows = [...LAYERS.map(([name, what]) => ({ name, what })), { name: 'lib.rs', what: 'the public API' }]
    .map((row, i) => {
      const mine = files.filter((f) => layerOf(f.module) === i);
      const src = mine.filter((f) => !f.test);
      return `| ${i + 1} | ${row.name} | ${row.what} | ${src.length} | ${src.reduce((n, f) => n + f.lines, 0)} | ${mine.filter((f) => f.test).reduce((n, f) => n + f.lines, 0)} | ${src.length ? Math.max(...src.map((f) => f.lines)) : 0} |`;
    });
  const report = [
    '| # | layer | holds | files | lines | lines in *_tests.rs | longest file |',
    '|---|---|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  return { errors, report };
}

/** Every cycle in the import graph, each once (Tarjan's strongly connected components). */
function cycles(edges) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const out = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) {
        info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
      }
    }
    if (info.get(v).low === info.get(v).index) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push([...scc.reverse(), scc[0]]);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!info.has(v)) visit(v);
  return out;
}

// ---- The package's JS (pkg-template/) ------------------------------------------------------

/**
 * The JS folders, bottom up by rank: a file may import its own folder's files and those of a
 * lower rank, never a sibling capability of the same rank. The root holds the runtime entries.
 */
export const JS_FOLDERS = [
  ['shared', 0, 'errors, HTTP helpers, untrusted text, the options reader, the vocabulary'],
  ['token', 1, 'sign, verify, decode, TokenSigner, custom claims, explain: the only wasm users'],
  ['webhooks', 1, 'webhook verification over WebCrypto (no wasm)'],
  ['client', 1, 'the browser token provider (no wasm)'],
  ['stores', 1, 'dedupe stores and rate limiters on Deno KV and in memory (no wasm)'],
  ['rest', 2, 'VideoSDKClient: one transport, one resource per file'],
  ['node', 2, 'toNodeHandler: any Request → Response handler as a node:http / Express listener (no wasm)'],
  ['endpoint', 3, 'handleTokenRequest, and handleRoomRequest over rest/'],
  ['', 4, 'the runtime entries and exports.js'],
  ['testing', 5, 'videosdk-token/testing: the stand-in of VideoSDK\'s API and the webhook signer (its entries load the runtime entries)'],
  ['cli', 5, 'the command line'],
  ['bin', 6, 'the executable'],
];
// Folders whose bundles must never load wasm: no path from them to token/ or the glue.
const NO_WASM = new Set(['shared', 'webhooks', 'client', 'stores', 'node']);
const GLUE = /^videosdk_token(\.js|_bg\.wasm)$/;

function jsFiles(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') out.push(...jsFiles(path, base));
    } else if (/\.(m?js|cjs)$/.test(name)) out.push(relative(base, path).split(sep).join('/'));
  }
  return out;
}

// Comments, strings and template literals, whichever starts first (a regex literal holding a
// quote is rare in this code; the JS files keep such patterns simple).
const JS_NOT_CODE = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\[\s\S])*`/g;

/** Every relative module specifier in a JS file, with its line: static imports, re-exports, import(). */
function jsImports(text) {
  const blanked = text.replace(JS_NOT_CODE, (m) => (m[0] === '/' ? m.replace(/[^\n]/g, ' ') : m));
  const lineAt = (index) => blanked.slice(0, index).split('\n').length;
  const found = [];
  const pattern = /(?:\bimport\s*(?:[\w*{}\s,$]+from\s*)?|\bexport\s*[\w*{}\s,$]*from\s*|\bimport\s*\(\s*)(['"])([^'"\n]+)\1/g;
  for (const m of blanked.matchAll(pattern)) {
    if (m[2].startsWith('.')) found.push({ spec: m[2].split('?')[0], line: lineAt(m.index) });
  }
  return found;
}

const folderOf = (rel) => (rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '');
const nameOf = (folder) => (folder === '' ? 'the root' : `${folder}/`);

/** Checks the JS under `dir` (pkg-template/); returns { errors, report } as checkLayers does. */
export function checkJsLayers(dir) {
  const rank = new Map(JS_FOLDERS.map(([name, r]) => [name, r]));
  const files = jsFiles(dir).map((rel) => {
    const text = readFileSync(join(dir, rel), 'utf8');
    return { rel, text, folder: folderOf(rel), lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) };
  });
  const errors = [];
  const edges = new Map();
  for (const f of files) {
    if (!rank.has(f.folder)) {
      errors.push(`${f.rel}: not in any folder of the layout (${JS_FOLDERS.map(([n]) => nameOf(n)).join(', ')})`);
      continue;
    }
    if (f.lines > MAX_LINES) errors.push(`${f.rel}: ${f.lines} lines; at most ${MAX_LINES} (split the file)`);
    for (const { spec, line } of jsImports(f.text)) {
      const to = join(dirname(f.rel), spec).split(sep).join('/');
      const toFolder = folderOf(to);
      if (to.startsWith('..')) {
        errors.push(`${f.rel}:${line}: imports ${spec}, outside the package`);
        continue;
      }
      if (GLUE.test(to)) {
        if (f.folder !== 'token' && f.folder !== '') {
          errors.push(`${f.rel}:${line}: imports the wasm glue (${to}); only token/ and the runtime entries may`);
        }
        continue;
      }
      if (!edges.has(f.rel)) edges.set(f.rel, new Set());
      edges.get(f.rel).add(to);
      if (toFolder === f.folder) continue;
      if (NO_WASM.has(f.folder) && toFolder === 'token') {
        errors.push(`${f.rel}:${line}: imports ${to}; ${f.folder}/ must never reach token/ or the wasm glue (its bundles load no wasm)`);
      } else if (!(rank.get(toFolder) < rank.get(f.folder))) {
        errors.push(`${f.rel}:${line}: imports ${to} (${nameOf(toFolder)}), not below ${nameOf(f.folder)}: imports must point down`);
      }
    }
  }
  errors.push(...cycles(edges).map((c) => `import cycle: ${c.join(' → ')}`));
  const rows = JS_FOLDERS.map(([name, r, what]) => {
    const mine = files.filter((f) => f.folder === name);
    const longest = mine.reduce((a, f) => (a === undefined || f.lines > a.lines ? f : a), undefined);
    return `| ${r} | ${nameOf(name)} | ${what} | ${mine.length} | ${mine.reduce((n, f) => n + f.lines, 0)} | ${longest ? `${longest.rel} (${longest.lines})` : '-'} |`;
  });
  const report = ['| rank | folder | holds | JS files | lines | longest file |', '|---:|---|---|---:|---:|---|', ...rows].join('\n');
  return { errors, report };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const srcDir = process.argv[2] ?? fileURLToPath(new URL('../src/', import.meta.url));
  const jsDir = process.argv[3] ?? fileURLToPath(new URL('../pkg-template/', import.meta.url));
  const rust = checkLayers(srcDir);
  const js = checkJsLayers(jsDir);
  console.log(`${rust.report}\n\n${js.report}`);
  const errors = [...rust.errors, ...js.errors];
  if (errors.length) {
    console.error(`\nlayers: ${errors.length} finding(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nlayers: every import points down (Rust and JS), no cycles, wasm named only in the binding, the host seam, token/ and the entries');
}
