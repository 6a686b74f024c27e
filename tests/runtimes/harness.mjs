// The thin part each runtime shares: run the shared suites against the package `lib` the
// runner imported its own way (the token provider's against `client`, videosdk-token/client,
// videosdk-token/testing's against `testing`, and the dedupe, rate-limit and store suites on the
// in-memory engines against `stores`, videosdk-token/stores, when the runner passes them), print
// one line per failure naming the runtime, and a closing `<runtime>: N passed, N failed` line.
// Runtime-agnostic (no node: imports, no timers).
import { CLIENT_SUITES, CORE_SUITES, load, STORE_SUITES, TESTING_SUITES } from '../suites/index.mjs';

export async function run(runtime, lib, log = (line) => console.log(line), client = undefined, testing = undefined, stores = undefined) {
  const names = [...CORE_SUITES, ...(client ? CLIENT_SUITES : []), ...(testing ? TESTING_SUITES : []), ...(stores ? STORE_SUITES : [])];
  return runCases(runtime, () => load(names, { lib, client, testing, stores }), log);
}

/**
 * Runs the cases `load` resolves to, one line per failure naming the runtime, then the closing
 * `<runtime>: N passed, N failed` line; a suite that cannot even load counts as one failure.
 */
export async function runCases(runtime, load, log = (line) => console.log(line)) {
  let passed = 0;
  let failed = 0;
  try {
    for (const [name, fn] of await load()) {
      try {
        await fn();
        passed += 1;
      } catch (error) {
        failed += 1;
        log(`FAIL ${runtime}: ${name}\n    ${error?.stack ?? error}`);
      }
    }
  } catch (error) {
    failed += 1;
    log(`FAIL ${runtime}: the suite could not run\n    ${error?.stack ?? error}`);
  }
  log(`${runtime}: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}
