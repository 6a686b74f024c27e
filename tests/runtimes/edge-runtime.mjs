// Runs the shared suites in the Vercel Edge Runtime's sandbox (the `edge-runtime` npm package,
// the VM that `next dev` and `vercel dev` use). The entry is bundled as Next.js bundles an edge
// function: conditions edge-light/worker/browser, and a `.wasm?module` import bound to a
// precompiled WebAssembly.Module (Next's next-middleware-wasm-loader turns it into a global the
// sandbox provides; Vercel binds it at deploy). Not exercised here: Next's own webpack build.
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

let failed = 1;
try {
  if (wasmPaths.length !== 1) throw new Error(`expected one .wasm?module import, saw ${wasmPaths.length}`);
  const lines = [];
  const runtime = new EdgeRuntime({
    extend: (context) => Object.assign(context, { __log: (line) => lines.push(line) }),
  });
  // Compiled by the host with the sandbox's own WebAssembly (so instanceof holds inside), as the
  // platform hands a precompiled module to the function.
  const SandboxWasm = runtime.evaluate('WebAssembly');
  runtime.context[WASM_GLOBAL] = new SandboxWasm.Module(readFileSync(wasmPaths[0]));
  runtime.evaluate(result.outputFiles[0].text);
  const outcome = await runtime.evaluate('globalThis.__runSuite()');
  for (const line of lines) console.log(line);
  failed = outcome.failed;
} catch (error) {
  console.log(`FAIL edge-runtime: the suite could not run\n    ${error?.stack ?? error}`);
}
process.exitCode = failed > 0 ? 1 : 0;
