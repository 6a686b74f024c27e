// The API client's suite on Node (the packed package as an ES module), against the stand-in of
// VideoSDK's API started here on 127.0.0.1; plus what only Node can set up: a runtime without
// AbortSignal.timeout and AbortSignal.any (Node 20 before 20.3 has no AbortSignal.any), which
// the client must not need.
import { after, test } from 'node:test';
import * as lib from 'videosdk-token';
import { startStandIn } from '../stand-in/videosdk-api.mjs';
import { restClientCases } from './rest-client-suite.mjs';
import { restTrustCases } from './rest-trust-suite.mjs';
import { API_KEY, SECRET } from './suite.mjs';

const standIn = await startStandIn({ apiKey: API_KEY, secret: SECRET, control: true });
after(() => standIn.close());

for (const [name, fn] of restClientCases(lib, { baseUrl: standIn.url })) test(`node-esm: ${name}`, fn);
for (const [name, fn] of restTrustCases(lib, { baseUrl: standIn.url })) test(`node-esm: ${name}`, fn);

// The same timeout and cancellation cases with AbortSignal.timeout and AbortSignal.any removed.
const fallback = restClientCases(lib, { baseUrl: standIn.url })
  .filter(([name]) => /hang past|AbortSignal cancels/.test(name));
const saved = { timeout: AbortSignal.timeout, any: AbortSignal.any };
test('node-esm (no AbortSignal.timeout/any): both fallback cases are selected', () => {
  if (fallback.length !== 2) throw new Error(`expected 2 cases, found ${fallback.length}`);
});
for (const [name, fn] of fallback) {
  test(`node-esm (no AbortSignal.timeout/any): ${name}`, async () => {
    delete AbortSignal.timeout;
    delete AbortSignal.any;
    try {
      if (typeof AbortSignal.timeout === 'function' || typeof AbortSignal.any === 'function') throw new Error('could not remove them');
      await fn();
    } finally {
      AbortSignal.timeout = saved.timeout;
      AbortSignal.any = saved.any;
    }
  });
}
