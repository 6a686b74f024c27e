// Runs tests/runtimes/deno/serve.mjs (handleTokenRequest behind Deno.serve) with network to
// 127.0.0.1 only, and fails when it fails or writes anything to standard error: the endpoint
// logs nothing, so whatever appears there is Deno objecting to something the package did.
import { spawnSync } from 'node:child_process';

const result = spawnSync('node_modules/.bin/deno', ['run', '--no-prompt', '--allow-net=127.0.0.1', 'tests/runtimes/deno/serve.mjs'], { encoding: 'utf8' });
if (result.error) throw result.error;
process.stdout.write(result.stdout);
let failed = result.status !== 0;
if (result.stderr !== '') {
  console.log(`FAIL deno (Deno.serve): standard error is not empty:\n${result.stderr.replace(/^/gm, '    ')}`);
  failed = true;
}
process.exitCode = failed ? 1 : 0;
