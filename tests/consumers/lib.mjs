// What the consumer runners share beyond tests/support/processes.mjs (running commands and
// servers): the checks run in order and the closing `<name>: N passed, N failed`.

/**
 * Runs named checks in order, prints a line for each and the closing `<name>: N passed, N failed`
 * line, and sets the exit code. With `steps`, each check needs the ones before it: the first
 * failure stops the run and the rest count as failed, not run.
 */
export async function report(name, checks, { steps = false } = {}) {
  let passed = 0;
  let failed = 0;
  for (const [i, [label, fn]] of checks.entries()) {
    try {
      await fn();
      passed += 1;
      console.log(`ok ${name}: ${label}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}: ${label}\n    ${error?.stack ?? error}`);
      if (steps) {
        for (const [rest] of checks.slice(i + 1)) console.log(`FAIL ${name}: ${rest} (not run)`);
        failed += checks.length - i - 1;
        break;
      }
    }
  }
  console.log(`${name}: ${passed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
  return failed;
}
