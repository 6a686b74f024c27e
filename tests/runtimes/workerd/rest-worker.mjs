// The API client suite inside workerd: bundled by wrangler as a user's Worker would be, run by
// miniflare (tests/runtimes/workerd-rest.mjs). The client reaches the stand-in of VideoSDK's API
// through the API service binding, passed as its `fetch` option.
import * as lib from 'videosdk-token';
import { runRest } from '../rest-harness.mjs';

export default {
  async fetch(request, env) {
    const lines = [];
    const viaBinding = (url, init) => env.API.fetch(url, init);
    const { passed, failed } = await runRest('workerd (API client)', lib, { baseUrl: env.API_BASE, fetch: viaBinding },
      (line) => lines.push(line));
    return Response.json({ passed, failed, lines });
  },
};
