// Runs the shared suites in the Vercel Edge Runtime's sandbox (the `edge-runtime` npm package,
// the VM that `next dev` and `vercel dev` use). The entry is bundled as Next.js bundles an edge
// function: conditions edge-light/worker/browser, and a `.wasm?module` import bound to a
// precompiled WebAssembly.Module (Next's next-middleware-wasm-loader turns it into a global the
// sandbox provides; Vercel binds it at deploy). Next.js's own builds: tests/consumers/next.mjs.
import { build } from 'esbuild';
import { EdgeRuntime } from 'edge-runtime';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const WASM_GLOBAL = '__wasm_videosdk_token';
const wasmPaths = [];
const result = await build({
  entryPoints: ['tests/runtimes/edge-runtime/entry.mjs'],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['edge-light', 'worker', 'browser'],
  logLevel: 'warning',
  // The glue's async init() reads import.meta.url; the edge-light entry never calls it.
  logOverride: { 'empty-import-meta': 'silent' },
  plugins: [{
    name: 'wasm-module',
    setup(b) {
      b.onResolve({ filter: /\.wasm\?module$/ }, (args) => {
        const path = createRequire(`${args.resolveDir}/`).resolve(args.path.replace(/\?module$/, ''));
        wasmPaths.push(path);
        return { path, namespace: 'wasm-module' };
      });
      b.onLoad({ filter: /.*/, namespace: 'wasm-module' }, () => ({
        contents: `export default globalThis.${WASM_GLOBAL};`,
        loader: 'js',
      }));
    },
  }],
});

// Two ways a platform hands over the precompiled module: compiled with the sandbox's own
// WebAssembly (same realm, as on Vercel), and compiled by the host outside the sandbox (another
// realm, as `next start` and `next dev` do), where `instanceof WebAssembly.Module` fails inside.
const wasmBytes = wasmPaths.length === 1 ? readFileSync(wasmPaths[0]) : undefined;
let failed = 0;
for (const [name, compile] of [
  ['edge-runtime', (sandboxWasm) => new sandboxWasm.Module(wasmBytes)],
  ['edge-runtime (module from another realm)', () => new WebAssembly.Module(wasmBytes)],
]) {
  try {
    if (!wasmBytes) throw new Error(`expected one .wasm?module import, saw ${wasmPaths.length}`);
    const lines = [];
    const runtime = new EdgeRuntime({
      extend: (context) => Object.assign(context, { __log: (line) => lines.push(line) }),
    });
    const module = compile(runtime.evaluate('WebAssembly'));
    runtime.context[WASM_GLOBAL] = module;
    runtime.evaluate(result.outputFiles[0].text);
    const outcome = await runtime.evaluate(`globalThis.__runSuite(${JSON.stringify(name)})`);
    for (const line of lines) console.log(line);
    failed += outcome.failed;
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: the suite could not run\n    ${error?.stack ?? error}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
