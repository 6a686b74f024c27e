// The API client suites' thin runner part, shared by the Deno, Bun and workerd runners: every case
// against the stand-in at `baseUrl` (or through `fetch`), reported as harness.mjs reports.
// Runtime-agnostic.
import { restClientCases } from '../js/rest-client-suite.mjs';
import { restTrustCases } from '../js/rest-trust-suite.mjs';
import { runCases } from './harness.mjs';

export function runRest(runtime, lib, env, log = (line) => console.log(line)) {
  return runCases(runtime, () => [...restClientCases(lib, env), ...restTrustCases(lib, env)], log);
}
