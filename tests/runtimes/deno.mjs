// Deno 2: the package from node_modules (package.json next to the code) and as npm:videosdk-token,
// which Deno resolves from the same node_modules. Run with no permission flag at all: the `deno`
// entry imports the .wasm as a module, so loading the package must need no --allow-read.
import * as lib from 'videosdk-token';
import * as viaNpm from 'npm:videosdk-token';
import * as client from 'videosdk-token/client';
import * as testing from 'videosdk-token/testing';
import * as stores from 'videosdk-token/stores';
import { run } from './harness.mjs';

let failed = 0;
const granted = ['read', 'write', 'net', 'env', 'run', 'ffi', 'sys', 'import']
  .filter((name) => Deno.permissions.querySync({ name }).state === 'granted');
if (granted.length) {
  console.log(`FAIL deno: run with permissions (${granted.join(', ')}); this runner must have none`);
  failed += 1;
}
if (lib !== viaNpm) {
  console.log('FAIL deno: npm:videosdk-token is not the node_modules copy');
  failed += 1;
}
const a = await run('deno', lib, undefined, client, testing, stores);
const b = await run('deno (npm:videosdk-token)', viaNpm);
Deno.exit(failed + a.failed + b.failed > 0 ? 1 : 0);
