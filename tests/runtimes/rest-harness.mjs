// The API client suites' thin runner part, shared by the Deno, Bun and workerd runners: every case
// against the stand-in at `baseUrl` (or through `fetch`), reported as harness.mjs reports.
// Runtime-agnostic.
import { load, REST_SUITES } from '../suites/index.mjs';
import { runCases } from './harness.mjs';

export function runRest(runtime, lib, env, log = (line) => console.log(line)) {
  return runCases(runtime, () => load(REST_SUITES, { lib, rest: env }), log);
}
