// The API client's suites on Node against the stand-in handler itself, in this process: its
// `fetch` is the client's `fetch` option, with no socket between them (the way users' tests will
// use it). A fault that cuts the answer errors the body stream; a hang ends when the request's
// signal aborts. The handler has no node: import; this runner imports videosdk-token/testing.
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import { createStandIn } from 'videosdk-token/testing';
import { load, REST_SUITES } from '../suites/index.mjs';
import { API_KEY, SECRET } from '../support/assert.mjs';

const standIn = createStandIn({ apiKey: API_KEY, secret: SECRET, control: true });
const env = { baseUrl: standIn.apiBase, fetch: standIn.fetch };

for (const [name, fn] of await load(REST_SUITES, { lib, rest: env })) {
  test(`in-process stand-in: ${name}`, fn);
}

test('in-process stand-in: the request log and the account are plain data', async () => {
  const c = new lib.VideoSDKClient({ apiKey: API_KEY, secret: SECRET, apiBase: env.baseUrl, fetch: standIn.fetch });
  standIn.reset();
  const roomId = 'abcd-efgh-ijkl';
  standIn.startSession(roomId, ['ana', { participantId: 'ben', name: 'Ben' }]);
  await c.recordings.start({ roomId });
  const copy = JSON.parse(JSON.stringify(standIn.state));
  if (copy.recordings.length !== 1 || copy.sessions[0].participants[1].name !== 'Ben') throw new Error(JSON.stringify(copy));
  if (JSON.stringify(standIn.requests).includes('eyJ')) throw new Error('the log holds a token');
  c.close();
});

test('in-process stand-in: `now` fixes the time tokens are checked at (an hour later, the client\'s token has expired)', async () => {
  const later = createStandIn({ apiKey: API_KEY, secret: SECRET, now: Math.floor(Date.now() / 1000) + 3600 });
  const c = new lib.VideoSDKClient({ apiKey: API_KEY, secret: SECRET, apiBase: later.apiBase, fetch: later.fetch, retries: 0 });
  const error = await c.rooms.create().then(() => undefined, (e) => e);
  if (error?.status !== 401 || error.apiMessage !== 'Token is invalid or expired') throw new Error(`expected 401, got ${error?.status} ${error?.apiMessage}`);
  if (!/EXPIRED/.test(later.requests[0].auth.refused)) throw new Error(later.requests[0].auth.refused);
  c.close();
});
