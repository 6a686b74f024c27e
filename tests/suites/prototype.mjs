// A polluted Object.prototype changes nothing. Another library's prototype-pollution bug can set
// any name on Object.prototype; an options reader that follows the prototype chain would then
// take `apiBase` (where a webhook key or a management token goes), `publicKey`, `authorize`,
// `allowAnonymous`, `clockTolerance`, … from the attacker. Each case runs one public entry
// twice, as is and with a dozen such gadgets set, and the two outcomes (value or error: name,
// code, field, message; the requests made) must be the same. Runtime-agnostic.
import vectors from '../vectors/webhooks.json' with { type: 'json' };
import { API_KEY, NOW, SECRET, deepEq, payloadOf } from '../support/assert.mjs';

const TESTING = Symbol.for('videosdk-token.testing');
const ATTACKER = 'https://attacker.example';
const KEY_URL = 'https://api.videosdk.live/v2/public/rsa-public-key';
const TOKEN_URL = 'https://app.example/api/token';
const ROOMS_URL = 'https://app.example/api/rooms';
const fromB64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const VALID = vectors.cases.find((c) => c.name === 'valid, key as spkiPem');
const EVENT_BODY = fromB64(VALID.body);
// The body signed by another key (the 3072-bit one): what a forger holding that key sends.
const OTHER_SIG = vectors.cases.find((c) => c.name === 'valid, a list of keys of different sizes').signature;
const MAIN_KEY = vectors.keys.main.spkiPem;
const OTHER_KEY = vectors.keys.large.spkiPem;

// On Node an inherited `timeout` breaks node:http's own event emitter (the test runner's too),
// whatever this package does: it is set wherever no Node socket is in play.
const onNode = globalThis.process?.release?.name === 'node' && globalThis.Deno === undefined && globalThis.Bun === undefined;

/** The gadgets: names the package's options use, each set to what an attacker would want. */
function gadgets() {
  const forged = async () => new Response(JSON.stringify({ publicKey: OTHER_KEY, token: 'forged' }), { headers: { 'Content-Type': 'application/json' } });
  return {
    apiBase: ATTACKER,
    fetch: forged,
    publicKey: OTHER_KEY,
    fetchPublicKey: true,
    keyCacheSeconds: 1e9,
    webhook: { endPoint: `${ATTACKER}/hook`, events: ['*'] },
    sessionId: 'attacker-session',
    customRoomId: 'attacker-room',
    retries: 10,
    authorize: () => true,
    allowAnonymous: true,
    allowedPermissions: ['allow_join', 'allow_mod', 'ask_join'],
    maxExpiresIn: '52w',
    cors: '*',
    clockTolerance: 1e9,
    permissions: ['allow_mod'],
    roles: ['crawler'],
    participantId: 'attacker',
    expiresIn: '52w',
    claims: { admin: true },
    onEvent: () => {},
    maxBodyBytes: 1,
    // An inherited dedupe store would drop every webhook as seen; an inherited limiter refuse every token.
    dedupe: { store: { get: async () => '1', put: async () => {}, delete: async () => {}, putIfAbsent: async () => false } },
    rateLimit: { key: () => 'everyone', limiter: { limit: async () => ({ success: false }) } },
    onIssue: () => { throw new Error('inherited hook'); },
    url: `${ATTACKER}/token`,
    refreshBefore: 1e9,
    actions: ['room.create', 'room.validate', 'hls.playback', 'agent.dispatch', 'recording.start', 'recording.stop'],
    agents: ['attacker-agent'],
    createRoom: { webhook: { endPoint: `${ATTACKER}/hook`, events: ['*'] }, geoFence: 'attacker-region' },
    basePath: '/',
    // Deno's own Request reads `client` (a Deno.HttpClient) from its init, inherited or not.
    ...(globalThis.Deno === undefined ? {
      client: { rooms: { create: forged, validate: forged }, hls: { active: forged }, agents: { dispatch: forged }, recordings: { start: forged, stop: forged } },
    } : {}),
    agentId: 'attacker-agent',
    playbackHlsUrl: `${ATTACKER}/stream.m3u8`,
    ...(onNode ? {} : { timeout: '1s' }),
  };
}

/** Runs fn with the gadgets on Object.prototype (enumerable, as an assignment sets them), then removes them. */
async function polluted(fn) {
  const set = gadgets();
  const names = Object.keys(set);
  for (const name of names) {
    if (Object.hasOwn(Object.prototype, name)) throw new Error(`Object.prototype already has ${name}`);
  }
  try {
    for (const name of names) Object.prototype[name] = set[name];
    return await fn();
  } finally {
    for (const name of names) delete Object.prototype[name];
  }
}

/** What a call came to, as data: its value, or its error's name, code, field and message. */
async function outcome(fn) {
  try {
    return { value: await fn() };
  } catch (e) {
    return { error: { name: e?.name, code: e?.code, field: e?.field, message: e?.message, status: e?.status } };
  }
}

// How many times the key-fetching probe has run in this module instance (a runner may run the
// suite twice on one instance, and each case runs its probe twice).
let keyRuns = 0;

/** A case: `probe` run clean, then polluted, must come to the same outcome. */
const same = (name, probe) => [`polluted Object.prototype: ${name}`, async () => {
  const clean = await outcome(probe);
  const dirty = await polluted(() => outcome(probe));
  deepEq(dirty, clean, `${name}, with the gadgets set`);
}];

/** A fetch that records each request and answers with `answer(url, init)`. */
function recorder(answer) {
  const seen = [];
  const fetch = async (input, init = {}) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = init.method ?? (input instanceof Request ? input.method : 'GET');
    const body = typeof init.body === 'string' ? init.body : undefined;
    seen.push({ url, method, body });
    return answer(url, init);
  };
  return { seen, fetch };
}

const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A token's claims without the ones the clock sets. */
function stable(token) {
  const { iat, exp, nbf, jti, ...rest } = payloadOf(token);
  return { ...rest, life: exp - iat, nbf: nbf === undefined ? undefined : nbf - iat, jti: typeof jti };
}

export function cases({ lib, client }) {
  const {
    signToken, verifyToken, decodeToken, TokenSigner, spanSeconds, handleTokenRequest, createTokenHandler, handleRoomRequest, verifyWebhook, handleWebhookRequest,
    VideoSDKClient,
  } = lib;
  const base = { apiKey: API_KEY, secret: SECRET, permissions: ['allow_join'], now: NOW };
  const token = () => signToken(base);
  const answer = async (response) => {
    const text = await response.text();
    const body = text ? JSON.parse(text) : undefined;
    return {
      status: response.status,
      cors: response.headers.get('Access-Control-Allow-Origin'),
      error: body?.error,
      claims: typeof body?.token === 'string' ? stable(body.token) : undefined,
    };
  };
  const apiClient = (fetch, extra = {}) => new VideoSDKClient({ apiKey: API_KEY, secret: SECRET, fetch, [TESTING]: { sleep: async () => {} }, ...extra });
  const api = () => recorder((url) => (url.includes('fail') ? json({ message: 'down' }, 503) : json({ roomId: 'abcd-efgh-ijkl', id: 'x' })));

  const list = [
    same('signToken', () => token()),
    same('signToken without permissions', () => signToken({ apiKey: API_KEY, secret: SECRET, now: NOW })),
    same('signToken with every option absent', () => signToken({})),
    same('new TokenSigner().sign', () => new TokenSigner({ apiKey: API_KEY, secret: SECRET }).sign({ permissions: ['allow_join'], now: NOW })),
    same('verifyToken', () => verifyToken(token(), SECRET, { now: NOW + 1 })),
    same('verifyToken of an expired token (clockTolerance is the caller\'s only)', () => verifyToken(token(), SECRET, { now: NOW + 86_400 })),
    same('decodeToken', () => decodeToken(token(), { now: NOW })),
    same('spanSeconds', () => spanSeconds('2h')),

    same('handleTokenRequest with authorize', async () => answer(await handleTokenRequest(
      new Request(`${TOKEN_URL}?roomId=r1`, { headers: { Origin: 'https://elsewhere.example' } }),
      { apiKey: API_KEY, secret: SECRET, authorize: () => ({ roomId: 'r1' }) },
    ))),
    same('handleTokenRequest without authorize (no anonymous access by inheritance)', async () => answer(await handleTokenRequest(
      new Request(TOKEN_URL), { apiKey: API_KEY, secret: SECRET },
    ).catch((e) => ({ status: 'threw', text: async () => JSON.stringify({ error: { code: e.code, field: e.field } }), headers: new Headers() })))),
    same('handleTokenRequest with a grant of its own only', async () => answer(await handleTokenRequest(
      new Request(`${TOKEN_URL}?permissions=allow_mod`), { apiKey: API_KEY, secret: SECRET, authorize: () => ({}) },
    ))),
    same('createTokenHandler with authorize: config read once, each request by it', async () => {
      const handler = createTokenHandler({ apiKey: API_KEY, secret: SECRET, authorize: () => ({ roomId: 'r1' }) });
      try {
        return [
          await answer(await handler(new Request(`${TOKEN_URL}?roomId=r1`, { headers: { Origin: 'https://elsewhere.example' } }))),
          await answer(await handler(new Request(`${TOKEN_URL}?permissions=allow_mod`))),
        ];
      } finally {
        handler.free();
      }
    }),
    same('createTokenHandler without authorize (no anonymous access by inheritance)', () => {
      createTokenHandler({ apiKey: API_KEY, secret: SECRET }).free();
    }),

    same('verifyWebhook with a pinned key', () => verifyWebhook(EVENT_BODY, VALID.signature, { publicKey: MAIN_KEY })),
    same('verifyWebhook with no key given (no key by inheritance)', () => verifyWebhook(EVENT_BODY, OTHER_SIG, {})),
    same('verifyWebhook fetching the key (from VideoSDK, not an inherited apiBase)', async () => {
      const server = recorder((url) => (url === KEY_URL ? json({ publicKey: MAIN_KEY }) : json({ publicKey: OTHER_KEY })));
      // Keys are cached per API base, whatever the fetch function: each run of this probe is a day
      // after the last, so the default base's cached key is stale and this run asks again.
      // Ten years on from the other suites' clocks, so no suite meets another's cached key.
      const now = NOW + 10 * 365 * 86_400 + 86_400 * keyRuns;
      keyRuns += 1;
      const forged = await outcome(() => verifyWebhook(EVENT_BODY, OTHER_SIG, { fetchPublicKey: true, fetch: server.fetch, now }));
      const genuine = await outcome(() => verifyWebhook(EVENT_BODY, VALID.signature, { fetchPublicKey: true, fetch: server.fetch, now }));
      return { forged, genuine, requests: server.seen };
    }),
    same('verifyWebhook fetching from a key endpoint whose answer has no publicKey (no key by inheritance)', async () => {
      // An API base of its own, asked a day after the last run (keys are cached per base).
      const now = NOW + 86_400 * keyRuns;
      keyRuns += 1;
      const server = recorder(() => json({ data: {} }));
      const options = { fetchPublicKey: true, apiBase: 'https://keyless.videosdk.invalid', fetch: server.fetch, now };
      const forged = await outcome(() => verifyWebhook(EVENT_BODY, OTHER_SIG, options));
      return { forged, requests: server.seen.length };
    }),
    same('handleWebhookRequest', async () => {
      const events = [];
      const request = new Request('https://app.example/webhooks', { method: 'POST', body: EVENT_BODY, headers: { 'videosdk-signature': VALID.signature } });
      const response = await handleWebhookRequest(request, { publicKey: MAIN_KEY, onEvent: (event) => { events.push(event); } });
      return { status: response.status, events };
    }),

    same('new VideoSDKClient: rooms.get goes to VideoSDK', async () => {
      const { seen, fetch } = api();
      const room = await apiClient(fetch).rooms.get('abcd-efgh-ijkl');
      return { room, requests: seen };
    }),
    same('new VideoSDKClient: retries are the caller\'s', async () => {
      const { seen, fetch } = api();
      const result = await outcome(() => apiClient(fetch).rooms.get('fail-room'));
      return { result, requests: seen.length };
    }),
    same('rooms.create and sessions.end send only what was given', async () => {
      const { seen, fetch } = api();
      const c = apiClient(fetch);
      await c.rooms.create({});
      await c.sessions.end({ roomId: 'abcd-efgh-ijkl' });
      return seen;
    }),
    same('handleRoomRequest: a create sends only the server\'s settings and answers only its fields', async () => {
      const { seen, fetch } = api();
      const rooms = { apiKey: API_KEY, secret: SECRET, fetch, actions: ['room.create'], authorize: () => true };
      const response = await handleRoomRequest(new Request(ROOMS_URL, { method: 'POST' }), rooms);
      return { status: response.status, body: await response.json(), requests: seen };
    }),
    same('handleRoomRequest: no action, no agent, no room setting by inheritance', async () => {
      const { seen, fetch } = api();
      const rooms = { apiKey: API_KEY, secret: SECRET, fetch, actions: ['room.validate'], authorize: () => true };
      const dispatch = await handleRoomRequest(new Request(`${ROOMS_URL}/abcd-efgh-ijkl/agents`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"agentId": "attacker-agent"}',
      }), rooms);
      const hls = await handleRoomRequest(new Request(`${ROOMS_URL}/abcd-efgh-ijkl/hls`), rooms);
      const withoutAgents = await outcome(() => handleRoomRequest(new Request(ROOMS_URL), { ...rooms, actions: ['agent.dispatch'] }));
      const withoutAuthorize = await outcome(() => handleRoomRequest(new Request(ROOMS_URL), { apiKey: API_KEY, secret: SECRET, actions: ['room.create'] }));
      return { dispatch: [dispatch.status, await dispatch.json()], hls: [hls.status, await hls.json()], withoutAgents, withoutAuthorize, requests: seen };
    }),
    same('new VideoSDKClient with no fetch of its own is refused alike', () => {
      new VideoSDKClient({ apiKey: API_KEY, secret: SECRET, fetch: 'not a function' });
    }),
  ];
  if (client) {
    list.push(same('createTokenProvider: getToken asks the given url only', async () => {
      const issued = signToken({ ...base, expiresIn: '1h' });
      const { seen, fetch } = recorder(() => json({ token: issued }));
      const provider = client.createTokenProvider({ url: TOKEN_URL, fetch, now: () => NOW * 1000 });
      const got = await provider.getToken({ roomId: 'r1' });
      return { same: got === issued, requests: seen };
    }));
  }
  return list;
}
