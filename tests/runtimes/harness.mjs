// The thin part each runtime shares: run the shared suites against the package `lib` the
// runner imported its own way, print one line per failure naming the runtime, and a closing
// `<runtime>: N passed, N failed` line. Runtime-agnostic (no node: imports, no timers).
import { endpointCases } from '../js/endpoint-suite.mjs';
import { cases, prepare } from '../js/suite.mjs';
import { webhookCases } from '../js/webhook-suite.mjs';

export async function run(runtime, lib, log = (line) => console.log(line)) {
  let passed = 0;
  let failed = 0;
  try {
    await prepare();
    for (const [name, fn] of [...cases(lib), ...endpointCases(lib), ...webhookCases(lib)]) {
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
