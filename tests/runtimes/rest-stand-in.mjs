// The outer part of the Deno, Bun and workerd API client runners: the stand-in of VideoSDK's API
// on 127.0.0.1 (in this process, node:http), with the suite's key and secret, for one run, and
// closed after it whatever happens. Not for inside a Worker: rest-harness.mjs is that part.
import { API_KEY, SECRET } from '../support/assert.mjs';
import { startStandIn } from '../support/stand-in/videosdk-api.mjs';

/** Starts the stand-in, resolves to what `run(standIn)` resolves to, then closes it. */
export async function withStandIn(run) {
  const standIn = await startStandIn({ apiKey: API_KEY, secret: SECRET, control: true });
  try {
    return await run(standIn);
  } finally {
    await standIn.close();
  }
}
