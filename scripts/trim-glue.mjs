// Trims wasm-bindgen's web-target glue of code this package never needs, so that bundlers (the
// minimal Worker's esbuild first) carry less of it. Each cut is a pattern over the kind of code
// wasm-bindgen writes, not over one export's text: the exports may change (their names, their
// arguments) and every cut still applies. A cut that finds nothing is reported, not fatal (the
// glue is still correct, only larger, and `make size-check` notices); a result that does not
// parse is fatal.
// Usage: node scripts/trim-glue.mjs <glue file>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CUTS = [
  {
    // wasm-bindgen gives each exported class `[Symbol.dispose]` by a module-level assignment, a
    // side effect that keeps the class in every bundle of the module, used or not. The glue's
    // classes are never handed to callers: token/api.js holds each in a private field and gives its
    // own class the `Symbol.dispose` method, so the glue's is never called.
    name: 'Symbol.dispose assignments',
    pattern: /^if \(Symbol\.dispose\) (\w+)\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm,
    replace: () => '',
  },
  {
    // A stand-in registry for engines without FinalizationRegistry. Every runtime the package
    // supports has one (Node >= 20, Deno, Bun, workerd, and the browsers with wasm SIMD).
    name: 'FinalizationRegistry fallback',
    pattern: /\(typeof FinalizationRegistry === 'undefined'\)\s*\?\s*\{ register: \(\) => \{\}, unregister: \(\) => \{\} \}\s*:\s*(?=new FinalizationRegistry\()/g,
    replace: () => '',
  },
  {
    // The registry that frees a class's wasm memory when its instance is collected: creating one
    // has no effect a bundler could see, but it cannot know that without the annotation, and
    // would keep the registry (and the class) in bundles that never construct the class.
    name: 'FinalizationRegistry marked pure',
    pattern: /(?<!\/\* @__PURE__ \*\/ )\bnew FinalizationRegistry\(/g,
    replace: () => '/* @__PURE__ */ new FinalizationRegistry(',
  },
  {
    // A fallback for engines without TextEncoder.encodeInto. Every runtime the package supports
    // has it (Node >= 20, Deno, Bun, workerd, and the browsers with wasm SIMD it needs anyway).
    name: 'encodeInto fallback',
    pattern: /^if \(!\('encodeInto' in (\w+)\)\) \{\n[\s\S]*?\n\}\n/gm,
    replace: () => '',
  },
  {
    // Around the copying of an export's arguments into wasm memory, wasm-bindgen frees the ones
    // already copied when copying a later one throws. token/read.js hands the exports only strings,
    // byte arrays and numbers it has checked, so no copy throws; the one way left is a trap in
    // the allocator when memory cannot grow, and after a trap the instance is lost anyway. The
    // copies stay, without the try/catch: the largest part of the glue the Worker carries.
    name: 'argument cleanup on a throw while copying',
    pattern: /^( *)try \{\n([^{}]*?)\n\1\} catch \((\w+)\) \{(?:\s*if \(ptr\d+\) \{\s*wasm\.__wbindgen_free\([^;{}]*\);\s*\})+\s*throw \3;\n\1\}/gm,
    replace: (_, indent, body) => body.replace(/^ {4}/gm, ''),
  },
  {
    // passStringToWasm0's branch for a caller that passes no `realloc`: taken only when the
    // glue calls it with two arguments, which the cut checks below before it applies.
    name: 'passStringToWasm0 without realloc',
    pattern: /(function passStringToWasm0\((\w+), (\w+), (\w+)\) \{\n)\s*if \(\4 === undefined\) \{\n[\s\S]*?\n {4}\}\n/g,
    replace: (_, head) => head,
    applies: (text) => (text.match(/(?<!function )passStringToWasm0\([^\n]*/g) ?? [])
      .every((call) => /^passStringToWasm0\([^\n]*?, wasm\.__wbindgen_malloc, wasm\.__wbindgen_realloc\)/.test(call)),
  },
  {
    // wasm-bindgen copies each export's Rust doc comment into the glue as JSDoc, with a @param
    // line per argument (seventeen for a sign). Nobody reads them there: callers see
    // token/api.js and the package's own .d.ts files, and the Rust docs stay in src/. A bundler
    // keeps JSDoc blocks (wrangler's esbuild does), so the minimal Worker carried 0.3 KiB gzip
    // of them.
    name: "wasm-bindgen's JSDoc blocks",
    pattern: /^( *)\/\*\*\n(?:\1 \*.*\n)*?\1 \*\/\n/gm,
    replace: () => '',
  },
];

/** The glue without the cuts, and how many places each cut found. */
export function trimGlue(glue) {
  let text = glue;
  const report = [];
  for (const cut of CUTS) {
    if (cut.applies && !cut.applies(text)) {
      report.push(`${cut.name}: not applicable`);
      continue;
    }
    let n = 0;
    text = text.replace(cut.pattern, (...match) => {
      n += 1;
      return cut.replace(...match);
    });
    report.push(`${cut.name}: ${n}`);
  }
  return { text, report };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  const glue = readFileSync(file, 'utf8');
  const { text, report } = trimGlue(glue);
  try {
    execFileSync(process.execPath, ['--input-type=module', '--check'], { input: text, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (e) {
    console.error(`${file}: the trimmed glue does not parse (has wasm-bindgen's output changed?):\n${e.stderr}`);
    process.exit(1);
  }
  writeFileSync(file, text);
  console.log(`trim-glue: ${glue.length} → ${text.length} bytes (${report.join('; ')})`);
}
