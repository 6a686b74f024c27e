#!/usr/bin/env node
// videosdk-token sign|verify|decode: see `videosdk-token --help`.
import { main } from '../cli/main.js';

const deno = globalThis.Deno;

/** Whether the runtime lets this program read an environment variable (Deno may not). */
function readable(name) {
  return !deno?.permissions?.querySync || deno.permissions.querySync({ name: 'env', variable: name }).state === 'granted';
}

// One function reads the environment, so Deno without --allow-env for a variable reads it as
// unset instead of stopping at a permission prompt. Deno tells NO_COLOR without a permission.
function env(name) {
  if (name === 'NO_COLOR' && deno) return deno.noColor ? '1' : undefined;
  return readable(name) ? process.env[name] : undefined;
}

const io = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env,
  // Added to "no secret" and "no API key" errors where the runtime hid the variable.
  envHint: (name) => (readable(name) ? '' : ` (Deno hides ${name} without --allow-env=${name})`),
};
try {
  process.exitCode = await main(process.argv.slice(2), io);
} catch (error) {
  // A bug of ours, not the user's: say so plainly (no message of this package holds a secret).
  process.stderr.write(`videosdk-token: unexpected error: ${error?.stack ?? error}\n`);
  process.exitCode = 2;
}
