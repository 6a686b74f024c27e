// What the room endpoint's suites share (not a suite): configs on the stand-in of VideoSDK's API,
// a call that keeps every answer (to check at the end that none carries the secret or a token),
// and the assertions on error answers. Runtime-agnostic, like the suites.
import { API_KEY, deepEq, eq, fail, ok, SECRET } from './assert.mjs';
import { restKit } from './rest-kit.mjs';

export const ORIGIN = 'https://app.example';
export const ALL_ACTIONS = ['room.create', 'room.validate', 'hls.playback', 'agent.dispatch', 'recording.start', 'recording.stop'];
export const AGENT = 'agent-support-1';
// What must never reach a line-oriented log raw: C0/C1 controls, DEL, U+2028/9, bidi controls.
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const TOKEN = /eyJ[\w-]+\.eyJ[\w-]+\./;

/** The helpers for `lib` against the stand-in at `env.baseUrl` (reached through `env.fetch` when given). */
export function roomKit(lib, env) {
  const kit = restKit(lib, env);
  const { handleRoomRequest } = lib;
  const seen = [];

  /** A config that makes its own client on the stand-in: every action, everyone allowed. */
  function config(extra = {}) {
    return {
      apiKey: API_KEY, secret: SECRET, apiBase: env.baseUrl, ...(env.fetch ? { fetch: env.fetch } : {}),
      actions: ALL_ACTIONS, agents: [AGENT], authorize: () => true, ...extra,
    };
  }

  /** A config over a client of the kit: no retries, waits recorded and not slept. */
  function overClient(extra = {}, clientOptions = {}) {
    const { apiKey, secret, apiBase, fetch, ...rest } = config(extra);
    return { ...rest, client: kit.client({ retries: 0, ...clientOptions }) };
  }

  /**
   * `method path` answered by handleRoomRequest under `cfg`: { status, headers, body, text }.
   * `json` is sent as a JSON body; `body` as given (a stream needs `duplex`).
   */
  async function call(cfg, method, path, { json, body, headers = {} } = {}) {
    const init = { method, headers: { ...headers } };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['Content-Type'] ??= 'application/json';
    } else if (body !== undefined) {
      init.body = body;
      if (body instanceof ReadableStream) init.duplex = 'half';
    }
    const url = path.startsWith('http') ? path : `${ORIGIN}${path}`;
    const response = await handleRoomRequest(new Request(url, init), cfg);
    const text = response.status === 204 ? '' : await response.text();
    seen.push(`${response.status} ${JSON.stringify([...response.headers])} ${text}`);
    let parsed;
    if (text !== '') {
      ok(response.headers.get('Content-Type')?.startsWith('application/json'), `a JSON answer: ${text.slice(0, 100)}`);
      parsed = JSON.parse(text);
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  /** An error answer: this status and code (and field), a message, nothing but `error`. */
  function expectError(result, status, code, field) {
    eq(result.status, status, `status (body: ${result.text.slice(0, 300)})`);
    eq(result.body?.error?.code, code, `error.code (body: ${result.text.slice(0, 300)})`);
    if (field !== undefined) eq(result.body.error.field, field, 'error.field');
    ok(typeof result.body.error.message === 'string' && result.body.error.message.length > 0, 'error.message is set');
    deepEq(Object.keys(result.body), ['error'], 'an error answer holds only `error`');
    ok(!UNSAFE.test(result.text) && !UNSAFE.test(result.body.error.message), `no unescaped control character in the message: ${JSON.stringify(result.body.error.message)}`);
    return result.body.error;
  }

  /** A success: this status, exactly these fields (least privilege: nothing more). */
  function expectAnswer(result, status, fields) {
    eq(result.status, status, `status (body: ${result.text.slice(0, 300)})`);
    deepEq(Object.keys(result.body).sort(), [...fields].sort(), 'the answer holds only the table\'s fields');
    return result.body;
  }

  /** How many requests reached the stand-in since the last reset. */
  const upstream = async () => (await kit.requests()).length;

  /** That no answer so far carried the secret or a token. */
  function noLeaks() {
    ok(seen.length > 0, 'answers were seen');
    for (const text of seen) {
      ok(!text.includes(SECRET), `an answer holds the secret: ${text.slice(0, 200)}`);
      ok(!TOKEN.test(text), `an answer holds a token: ${text.slice(0, 200)}`);
    }
  }

  async function rejects(promise, code, field) {
    let error;
    try {
      await promise;
    } catch (e) {
      error = e;
    }
    if (error === undefined) fail(`expected a rejection ${code} (${field})`);
    eq(error.code, code, `error.code (message: ${error.message})`);
    if (field !== undefined) eq(error.field, field, `error.field (message: ${error.message})`);
    ok(!String(error.message).includes(SECRET), 'the rejection does not hold the secret');
    return error;
  }

  return { ...kit, config, overClient, call, expectError, expectAnswer, upstream, noLeaks, rejects };
}
