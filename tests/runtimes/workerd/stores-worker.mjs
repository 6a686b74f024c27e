// The dedupe and rate-limit suites inside workerd, against Cloudflare's own engines as miniflare
// runs them locally: a Workers KV namespace (env.SEEN) as the dedupe store and the Rate Limiting
// binding (env.LIMITER, 3 calls a minute: tests/runtimes/workerd-stores.mjs) as the limiter, both
// used as they are, with no adapter. Workers KV has no atomic putIfAbsent, so the concurrent
// duplicate case runs only on the atomic stores; the binding is not exact at the edge, so the
// concurrent limit case runs only on the exact limiters.
import * as lib from 'videosdk-token';
import * as stores from 'videosdk-token/stores';
import { runCases } from '../harness.mjs';
import { load } from '../../suites/index.mjs';

const LIMITER_LIMIT = 3; // as configured in workerd-stores.mjs

export default {
  async fetch(request, env) {
    const lines = [];
    const context = {
      lib,
      stores,
      engines: [
        { name: 'Workers KV', store: () => env.SEEN, atomic: false },
        { name: 'Rate Limiting binding', fixed: { limiter: env.LIMITER, limit: LIMITER_LIMIT }, exact: false, retryAfter: false },
      ],
    };
    const { passed, failed } = await runCases('workerd (KV, rate limiting)', () => load(['dedupe', 'limits', 'stores'], context), (line) => lines.push(line));
    return Response.json({ passed, failed, lines });
  },
};
