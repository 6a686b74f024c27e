// What the API client's REST suites share (not a suite): the stand-in's control endpoints, a
// client on the stand-in whose retry waits are recorded and not slept, and the assertions on
// ApiError and INVALID_OPTIONS. Runtime-agnostic.
import { API_KEY, eq, fail, ok, SECRET } from './assert.mjs';

const TESTING = Symbol.for('videosdk-token.testing');

/** The helpers for `lib` against the stand-in at `baseUrl` (reached through `fetch` when given). */
export function restKit(lib, { baseUrl, fetch: boundFetch }) {
  const { VideoSDKClient, ApiError, TokenError } = lib;
  const doFetch = boundFetch ?? ((url, init) => fetch(url, init));

  async function control(path, body) {
    const init = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const response = await doFetch(`${baseUrl}/__stand-in/${path}`, init);
    const text = await response.text();
    if (response.status !== 200) fail(`stand-in control ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  }
  const inject = (...faults) => control('faults', faults);
  const requests = async () => (await control('log')).requests;
  const account = () => control('state');

  /** A fresh stand-in with one room; `live` participants make its running session. */
  async function setUp(live) {
    await control('reset', {});
    const { rooms: [roomId] } = await control('seed', { rooms: 1 });
    let sessionId;
    if (live !== undefined) [sessionId] = (await control('seed', { sessions: [{ roomId, status: 'ongoing', participants: live }] })).sessions;
    return { roomId, sessionId };
  }

  /** A client on the stand-in; backoff waits are recorded in `waits` and not slept; `hooks` add test-only hooks. */
  function client(options = {}, hooks = {}) {
    const waits = [];
    const sleep = async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) throw signal.reason;
    };
    const c = new VideoSDKClient({
      apiKey: API_KEY, secret: SECRET, apiBase: baseUrl, ...(boundFetch ? { fetch: boundFetch } : {}), ...options, [TESTING]: { sleep, ...hooks },
    });
    c.waits = waits;
    return c;
  }

  async function rejection(promise) {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    return fail('expected a rejection, got a result');
  }

  function isApiError(error, code, status) {
    if (!(error instanceof ApiError)) fail(`expected an ApiError ${code}, got ${error?.name}: ${error?.message}`);
    eq(error.code, code, `error.code (message: ${error.message})`);
    eq(error.status, status, 'error.status');
    ok(!error.message.includes(SECRET) && !/eyJ[\w-]+\.eyJ/.test(error.message), 'no secret or token in the message');
    return error;
  }

  function isInvalid(error, field) {
    if (!(error instanceof TokenError)) fail(`expected a TokenError INVALID_OPTIONS for ${field}, got ${error?.name}: ${error?.message}`);
    eq(error.code, 'INVALID_OPTIONS', `error.code (message: ${error.message})`);
    eq(error.field, field, `error.field (message: ${error.message})`);
    return error;
  }

  /** The call's refusal, sync (lists) or async. */
  async function refusal(fn) {
    try {
      await fn();
    } catch (error) {
      return error;
    }
    return fail('expected a refusal');
  }

  async function collect(iterable) {
    const out = [];
    for await (const item of iterable) out.push(item);
    return out;
  }

  const lines = (log) => log.map((r) => `${r.method} ${r.path} ${r.fault ?? r.status}`);
  const mayHaveActed = (error) => ok(/may have taken effect/.test(error.message), `the message says the call may have taken effect: ${error.message}`);

  return {
    doFetch, control, inject, requests, account, setUp, client, rejection, isApiError, isInvalid, refusal, collect, lines, mayHaveActed,
  };
}
