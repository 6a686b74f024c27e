// The shared suites inside workerd: this worker is bundled by wrangler as a user's would be
// (the `workerd` export condition, the .wasm import as a WebAssembly.Module, no nodejs_compat),
// then run by miniflare (tests/runtimes/workerd.mjs). Each request runs the suites once.
import * as lib from 'videosdk-token';
import * as client from 'videosdk-token/client';
import * as testing from 'videosdk-token/testing';
import * as stores from 'videosdk-token/stores';
import { run } from '../harness.mjs';

export default {
  async fetch() {
    const lines = [];
    const { passed, failed } = await run('workerd', lib, (line) => lines.push(line), client, testing, stores);
    return Response.json({ passed, failed, lines });
  },
};
