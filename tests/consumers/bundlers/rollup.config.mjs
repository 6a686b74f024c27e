// Rollup for browsers: node-resolve finds the package (its `browser` entry), and
// @web/rollup-plugin-import-meta-assets emits the .wasm that `new URL(…, import.meta.url)` names.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

export default {
  input: 'app.js',
  output: { dir: 'out/rollup', format: 'es' },
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
