// Deno 2: the package from node_modules (package.json next to the code) and as npm:videosdk-token,
// which Deno resolves from the same node_modules. Run with read permission for the package only.
import * as lib from 'videosdk-token';
import * as viaNpm from 'npm:videosdk-token';
import * as client from 'videosdk-token/client';
import { run } from './harness.mjs';

if (lib !== viaNpm) {
  console.log('FAIL deno: npm:videosdk-token is not the node_modules copy');
  Deno.exit(1);
}
const a = await run('deno', lib, undefined, client);
const b = await run('deno (npm:videosdk-token)', viaNpm);
Deno.exit(a.failed + b.failed > 0 ? 1 : 0);
