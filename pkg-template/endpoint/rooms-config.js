// handleRoomRequest's config, read once per config object: the settings, and the one
// VideoSDKClient made from them, are kept in a WeakMap keyed by that object, so every request
// that passes the same object shares one client and its management token (one made per request
// would sign a new token each time). Own properties only (shared/options.js: a polluted
// Object.prototype is not config, an unknown name is refused with a hint); every fault a
// TokenError INVALID_OPTIONS naming the option in `field`; a bad value described by its type only
// (it may be the secret).
import { VideoSDKClient } from '../rest/client.js';
import { createBody, CREATE_OPTIONS } from '../rest/rooms.js';
import { invalidOptions as invalid, TokenError } from '../shared/errors.js';
import { closest, readOptions } from '../shared/options.js';
import { quote } from '../shared/text.js';
import { checkRoomId } from './ids.js';
import { corsOrigins, kind, strings } from './config.js';
import { LIMIT_OPTIONS, readLimits } from './limits.js';

/** Every action, in the order of the docs' table. */
export const ACTIONS = ['room.create', 'room.validate', 'hls.playback', 'agent.dispatch', 'recording.start', 'recording.stop'];

const CALL = 'handleRoomRequest';
const CONFIG_OPTIONS = [
  'apiKey', 'secret', 'client', 'actions', 'authorize', 'agents', 'createRoom', 'cors', 'basePath', 'apiBase', 'fetch', 'timeout', ...LIMIT_OPTIONS,
];
// What the client is built from: given with a `client`, they would be silently ignored.
const CLIENT_OPTIONS = ['apiKey', 'secret', 'apiBase', 'fetch', 'timeout'];
// What the server decides for every room created: everything VideoSDK takes but the caller's
// customRoomId.
const ROOM_SETTINGS = CREATE_OPTIONS.filter((name) => name !== 'customRoomId');
// What the endpoint calls on a client: a client that lacks one is not a VideoSDKClient.
const CLIENT_METHODS = [['rooms', 'create'], ['rooms', 'validate'], ['hls', 'active'], ['agents', 'dispatch'], ['recordings', 'start'], ['recordings', 'stop']];
const DEFAULT_BASE_PATH = '/api/rooms';

const read = /* @__PURE__ */ new WeakMap();

/**
 * The endpoint's settings for `config`: { client, actions (a Set), authorize, agents, createRoom,
 * cors, base, rateLimit, onIssue, onDeny }. Read at the first request with this object and kept
 * with it; a config that fails is read (and refused) again at every call.
 */
export function roomSettings(config) {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw invalid('config', `${CALL}: config must be an object; got ${kind(config)}`);
  }
  let settings = read.get(config);
  if (settings === undefined) {
    settings = readConfig(config);
    read.set(config, settings);
  }
  return settings;
}

function readConfig(config) {
  let given;
  try {
    given = readOptions(config, `${CALL} config`, CONFIG_OPTIONS);
  } catch (e) {
    if (e instanceof TokenError) throw e;
    throw invalid('config', `${CALL}: reading config threw an exception (a getter, or a Proxy)`);
  }

  const actions = strings(given.actions);
  if (actions === undefined || actions.length === 0) {
    throw invalid('actions', `${CALL}: config.actions must be a non-empty list of ${ACTIONS.join(', ')}; every action is off unless listed`);
  }
  for (const action of actions) {
    if (!ACTIONS.includes(action)) {
      const near = closest(action, ACTIONS);
      throw invalid('actions', `${CALL}: config.actions names no action ${quote(action)}; ${near ? `did you mean '${near}'?` : `the actions are ${ACTIONS.join(', ')}`}`);
    }
  }

  const { authorize } = given;
  if (typeof authorize !== 'function') {
    throw invalid('authorize', `${CALL}: config.authorize(request, { action, roomId, agentId }) is required and must be a function (true allows; there is no anonymous mode); got ${kind(authorize)}`);
  }

  const agents = given.agents === undefined ? [] : strings(given.agents);
  if (agents === undefined) {
    throw invalid('agents', `${CALL}: config.agents must be a list of agent ids (strings); got ${kind(given.agents)}`);
  }
  for (const agentId of agents) {
    try {
      checkRoomId(agentId, 'agentId');
    } catch {
      throw invalid('agents', `${CALL}: config.agents holds ${quote(agentId)}, which is not an agent id (no whitespace, no slashes, not dots only)`);
    }
  }
  if (actions.includes('agent.dispatch') && agents.length === 0) {
    throw invalid('agents', `${CALL}: agent.dispatch needs config.agents, the agent ids callers may dispatch (any other is a 403)`);
  }

  // Read before the client is made: a bad hook is refused without keying a client first.
  const limits = readLimits((name) => given[name], CALL);

  return {
    client: clientOf(given),
    actions: new Set(actions),
    authorize,
    agents,
    createRoom: roomDefaults(given.createRoom),
    cors: corsOrigins(given.cors, CALL),
    base: basePath(given.basePath),
    ...limits,
  };
}

/** The given client, or one made from apiKey, secret, apiBase, fetch and timeout. */
function clientOf(given) {
  const { client } = given;
  if (client !== undefined) {
    const isClient = client !== null && typeof client === 'object'
      && CLIENT_METHODS.every(([api, method]) => typeof client[api]?.[method] === 'function');
    if (!isClient) throw invalid('client', `${CALL}: config.client must be a VideoSDKClient; got ${kind(client)}`);
    const also = CLIENT_OPTIONS.find((name) => given[name] !== undefined);
    if (also !== undefined) {
      throw invalid(also, `${CALL}: config.${also} is an option of the client: give it to new VideoSDKClient(…), or give no client`);
    }
    return client;
  }
  const options = {};
  for (const name of CLIENT_OPTIONS) if (given[name] !== undefined) options[name] = given[name];
  try {
    // The client checks what is given, and refuses what is missing (apiKey, secret).
    return new VideoSDKClient(/** @type {import('../rest/client.js').VideoSDKClientOptions} */ (options));
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    // The client's own refusal (the core's for apiKey and the secret), naming the config option;
    // none of its messages holds the secret.
    const field = e.code === 'WEAK_SECRET' ? 'secret' : e.field ?? 'config';
    const message = e.message.startsWith(`${field} `)
      ? `${CALL}: config.${field}${e.message.slice(field.length)}`
      : `${CALL}: config.${field}: ${e.message}`;
    throw new TokenError(e.code, message, { field });
  }
}

/** createRoom: the room settings every created room gets, checked now as rooms.create checks them. */
function roomDefaults(createRoom) {
  if (createRoom === undefined) return {};
  if (createRoom === null || typeof createRoom !== 'object' || Array.isArray(createRoom)) {
    throw invalid('createRoom', `${CALL}: config.createRoom must be an object such as { autoCloseConfig: { type: 'session-ends' } }; got ${kind(createRoom)}`);
  }
  if (Object.hasOwn(createRoom, 'customRoomId')) {
    throw invalid('createRoom.customRoomId', `${CALL}: config.createRoom cannot set customRoomId: every room would get the same one; callers send it in the body when they name a room`);
  }
  const settings = readOptions(createRoom, `${CALL} config.createRoom`, ROOM_SETTINGS, {
    refuse: (field, message) => invalid(`createRoom.${field}`, message),
  });
  try {
    return createBody(settings);
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    throw invalid(`createRoom.${e.field}`, `${CALL}: config.createRoom.${e.message}`);
  }
}

/** basePath: a path such as '/api/rooms', as the URL parser writes it, without a trailing slash. */
function basePath(given) {
  if (given === undefined) return DEFAULT_BASE_PATH;
  const base = typeof given === 'string' ? given.replace(/\/+$/, '') : undefined;
  let path;
  try {
    path = base !== undefined && given.startsWith('/') && !given.startsWith('//') && !/[?#\\]/.test(given)
      ? new URL(given, 'http://h').pathname.replace(/\/+$/, '') : undefined;
  } catch {
    path = undefined;
  }
  if (path === undefined || path !== base) {
    const shown = typeof given === 'string' ? quote(given) : kind(given);
    throw invalid('basePath', `${CALL}: config.basePath must be a path such as '${DEFAULT_BASE_PATH}' (no query, no dot segments, percent-encoded as in a URL); got ${shown}`);
  }
  return base;
}
