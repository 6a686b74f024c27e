// The API client suite's thin runner part, shared by the Deno, Bun and workerd runners: run
// every case against the stand-in at `baseUrl` (or through `fetch`), print one line per failure
// naming the runtime, and a closing `<runtime>: N passed, N failed` line. Runtime-agnostic.
import { restClientCases } from '../js/rest-client-suite.mjs';

export async function runRest(runtime, lib, env, log = (line) => console.log(line)) {
  let passed = 0;
  let failed = 0;
  try {
    for (const [name, fn] of restClientCases(lib, env)) {
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
    log(`FAIL ${runtime}: the API client suite could not run\n    ${error?.stack ?? error}`);
  }
  log(`${runtime}: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}
