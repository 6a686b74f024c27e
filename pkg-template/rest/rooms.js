// client.rooms: create, validate, get, list and deactivate VideoSDK rooms (/v2/rooms…).
// Results are VideoSDK's JSON bodies as sent, unknown fields included.
import { ApiError, invalidOptions as invalid } from '../shared/errors.js';
import { callOptions, checkId, ownOptions, checkObject, checkPerPage, segment, shown } from './args.js';
import { pages } from './pages.js';

export const CREATE_OPTIONS = ['customRoomId', 'webhook', 'autoCloseConfig', 'autoStartConfig', 'geoFence', 'allowedParticipantIds'];
const AUTO_CLOSE_TYPES = ['session-ends', 'session-end-and-deactivate'];

// How VideoSDK may say that a room does not exist when it answers 400 rather than 404.
const SAYS_ROOM = /\b(room|meeting)/i;
const SAYS_MISSING = /invalid|not\s+valid|not\s+found|does\s*n[o']t\s+exist|not\s+exist|no\s+such/i;

export class RoomsApi {
  #request;

  constructor(request) {
    this.#request = request;
  }

  /**
   * POST /v2/rooms. Retried after a 5xx or a lost answer only with customRoomId (VideoSDK then
   * returns the existing room rather than a second one); after a 429 always (nothing was done).
   */
  async create(options = {}, call) {
    const body = createBody(options);
    const { signal } = callOptions(call);
    const retry = body.customRoomId === undefined ? 'rate-limited' : 'all';
    return this.#request('POST', '/v2/rooms', { body, signal, retry, expect: 'object' });
  }

  /**
   * GET /v2/rooms/validate/{roomId}: `{ valid: true, roomId, room }` for a room that can be
   * joined; `{ valid: false, roomId }` when VideoSDK says there is no such room (404, or a 400
   * saying the room id is invalid), and `{ valid: false, roomId, room }` for a deactivated room.
   */
  async validate(roomId, call) {
    checkId(roomId, 'roomId');
    const { signal } = callOptions(call);
    let room;
    try {
      room = await this.#request('GET', `/v2/rooms/validate/${segment(roomId)}`, { signal, retry: 'all', expect: 'object' });
    } catch (error) {
      if (error instanceof ApiError && saysNoSuchRoom(error)) return { valid: false, roomId };
      throw error;
    }
    return { valid: room.disabled !== true, roomId, room };
  }

  /** GET /v2/rooms/{roomId}: a room by its roomId or customRoomId. */
  async get(roomId, call) {
    checkId(roomId, 'roomId');
    const { signal } = callOptions(call);
    return this.#request('GET', `/v2/rooms/${segment(roomId)}`, { signal, retry: 'all', expect: 'object' });
  }

  /** Every room, page by page (GET /v2/rooms?page=&perPage=), fetched as the iteration needs them. */
  list(params = {}, call) {
    checkObject(params, 'params', '{ perPage: 20 }');
    params = ownOptions(params, ['perPage'], 'rooms.list(params)');
    const perPage = checkPerPage(params.perPage);
    const { signal } = callOptions(call);
    return pages(this.#request, '/v2/rooms', {}, perPage, signal);
  }

  /** POST /v2/rooms/deactivate: the room can no longer be joined. Resolves with the room. */
  async deactivate(roomId, call) {
    checkId(roomId, 'roomId');
    const { signal } = callOptions(call);
    const room = await this.#request('POST', '/v2/rooms/deactivate', { body: { roomId }, signal, retry: 'all', expect: 'object' });
    // VideoSDK's documented answer names the room `meetingId`; give it the name every other call uses.
    if (room.roomId === undefined && typeof room.meetingId === 'string') room.roomId = room.meetingId;
    return room;
  }
}

function saysNoSuchRoom(error) {
  if (error.status === 404) return true;
  return error.status === 400 && typeof error.apiMessage === 'string'
    && SAYS_ROOM.test(error.apiMessage) && SAYS_MISSING.test(error.apiMessage);
}

/**
 * The create body: known options checked, in VideoSDK's field names (the options' own names).
 * The room endpoint checks its server-side room settings with it once, when it reads its config.
 */
export function createBody(options) {
  checkObject(options, 'options', "{ customRoomId: 'team-standup' }");
  options = ownOptions(options, CREATE_OPTIONS, 'rooms.create(options)');
  const { customRoomId, webhook, autoCloseConfig, autoStartConfig, geoFence, allowedParticipantIds } = options;
  const body = {};
  if (customRoomId !== undefined) body.customRoomId = checkId(customRoomId, 'customRoomId');
  if (webhook !== undefined) body.webhook = checkWebhook(webhook);
  if (autoCloseConfig !== undefined) body.autoCloseConfig = checkAutoClose(autoCloseConfig);
  if (autoStartConfig !== undefined) body.autoStartConfig = checkObject(autoStartConfig, 'autoStartConfig', '{ recording: { … } }');
  if (geoFence !== undefined) {
    if (typeof geoFence !== 'string' || geoFence === '') {
      throw invalid('geoFence', `geoFence must be a region name such as 'us002'; got ${shown(geoFence)}`);
    }
    body.geoFence = geoFence;
  }
  if (allowedParticipantIds !== undefined) {
    if (!Array.isArray(allowedParticipantIds)) {
      throw invalid('allowedParticipantIds', `allowedParticipantIds must be a list of participant ids; got ${shown(allowedParticipantIds)}`);
    }
    body.allowedParticipantIds = allowedParticipantIds.map((id) => checkId(id, 'allowedParticipantIds'));
  }
  return body;
}

function checkWebhook(webhook) {
  const example = "{ endPoint: 'https://app.example/webhooks/videosdk', events: ['session-started'] }";
  checkObject(webhook, 'webhook', example);
  webhook = ownOptions(webhook, ['endPoint', 'events'], 'webhook');
  const { endPoint, events } = webhook;
  let url;
  try {
    url = typeof endPoint === 'string' ? new URL(endPoint) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw invalid('webhook.endPoint', `webhook.endPoint must be the http(s) URL VideoSDK will POST events to; got ${shown(endPoint)}`);
  }
  if (!Array.isArray(events) || events.length === 0 || events.some((e) => typeof e !== 'string' || e === '' || /\s/.test(e))) {
    throw invalid('webhook.events', `webhook.events must be a non-empty list of event names or patterns such as ['session-started', 'recording-*']; got ${shown(events)}`);
  }
  return { endPoint, events: [...events] };
}

function checkAutoClose(config) {
  checkObject(config, 'autoCloseConfig', "{ type: 'session-ends', duration: 60 }");
  config = ownOptions(config, ['type', 'duration'], 'autoCloseConfig');
  const { type, duration } = config;
  if (!AUTO_CLOSE_TYPES.includes(type)) {
    throw invalid('autoCloseConfig.type', `autoCloseConfig.type must be one of ${AUTO_CLOSE_TYPES.join(', ')}; got ${shown(type)}`);
  }
  if (duration !== undefined && (!Number.isSafeInteger(duration) || duration < 1)) {
    throw invalid('autoCloseConfig.duration', `autoCloseConfig.duration must be a whole number of minutes, at least 1; got ${shown(duration)}`);
  }
  return duration === undefined ? { type } : { type, duration };
}
