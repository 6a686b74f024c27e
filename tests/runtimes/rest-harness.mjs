// The API client suite's thin runner part, shared by the Deno, Bun and workerd runners: every case
// against the stand-in at `baseUrl` (or through `fetch`), reported as harness.mjs reports.
// Runtime-agnostic.
import { restClientCases } from '../js/rest-client-suite.mjs';
import { restMediaCases } from '../js/rest-media-suite.mjs';
import { restRequestCases } from '../js/rest-request-suite.mjs';
import { runCases } from './harness.mjs';

export function runRest(runtime, lib, env, log = (line) => console.log(line)) {
  return runCases(runtime, () => [...restClientCases(lib, env), ...restMediaCases(lib, env), ...restRequestCases(lib, env)], log);
}
