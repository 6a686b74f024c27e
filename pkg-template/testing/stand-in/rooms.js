// Rooms (/v2/rooms…), answered in the shapes of VideoSDK's documented examples.
import { allowQuery, iso, ok, onlyFields, page, refuse } from './http.js';
import { findRoom, links, newRoom, ROOM_FIELDS, USER } from './model.js';

const CREATE_FIELDS = [...ROOM_FIELDS, 'region'];
const AUTO_CLOSE_TYPES = ['session-ends', 'session-end-and-deactivate'];
const optional = (room, keys) => Object.fromEntries(keys.filter((k) => room[k] !== undefined).map((k) => [k, room[k]]));

// "Create a Room" and "Validate a Room": userId, not user.
function createView(room, api) {
  return {
    roomId: room.roomId, ...optional(room, ['customRoomId']), userId: room.userId, disabled: room.disabled,
    createdAt: room.createdAt, updatedAt: room.updatedAt, id: room.id, links: links(api, room.roomId),
    ...optional(room, ['webhook', 'autoCloseConfig', 'autoStartConfig', 'geoFence', 'allowedParticipantIds']),
  };
}

// "Fetch a Room" and "Fetch Rooms": a user object.
function getView(room, api) {
  return {
    roomId: room.roomId, ...optional(room, ['customRoomId']), disabled: room.disabled, createdAt: room.createdAt,
    updatedAt: room.updatedAt, user: USER, id: room.id, links: links(api, room.roomId),
    ...optional(room, ['webhook', 'autoCloseConfig']),
  };
}

// "Deactivate a Room": VideoSDK's documented answer names the room meetingId / userMeetingId.
function deactivateView(room) {
  return {
    ...optional(room, ['webhook']), disabled: room.disabled, meetingId: room.roomId,
    ...(room.customRoomId === undefined ? {} : { userMeetingId: room.customRoomId }),
    userId: room.userId, createdAt: room.createdAt, updatedAt: room.updatedAt, user: USER, id: room.id,
  };
}

function checkCreate(body) {
  onlyFields(body, CREATE_FIELDS);
  const { customRoomId, webhook, autoCloseConfig } = body;
  if (customRoomId !== undefined && (typeof customRoomId !== 'string' || customRoomId === '')) refuse(400, 'customRoomId must be a string');
  if (webhook !== undefined) {
    if (typeof webhook !== 'object' || webhook === null || typeof webhook.endPoint !== 'string' || !Array.isArray(webhook.events)) {
      refuse(400, 'webhook must be { endPoint, events }');
    }
  }
  if (autoCloseConfig !== undefined) {
    if (typeof autoCloseConfig !== 'object' || autoCloseConfig === null || !AUTO_CLOSE_TYPES.includes(autoCloseConfig.type)) {
      refuse(400, `autoCloseConfig.type must be one of ${AUTO_CLOSE_TYPES.join(', ')}`);
    }
  }
}

export const routes = [
  ['POST', '/v2/rooms', ({ state, url, body, api }) => {
    checkCreate(body);
    allowQuery(url, []);
    if (body.customRoomId !== undefined) {
      const existing = state.rooms.find((r) => r.customRoomId === body.customRoomId);
      if (existing) return ok(createView(existing, api));
    }
    const room = newRoom(body);
    state.rooms.push(room);
    return ok(createView(room, api));
  }],
  ['GET', '/v2/rooms', ({ state, url, api }) => {
    allowQuery(url, ['page', 'perPage']);
    return ok(page(state.rooms, url, (r) => getView(r, api)));
  }],
  ['GET', /^\/v2\/rooms\/validate\/([^/]+)$/, ({ state, url, api, options }, id) => {
    allowQuery(url, []);
    const room = findRoom(state, id);
    if (!room) {
      if (options.missingRoomStatus === 400) refuse(400, 'Invalid roomId');
      refuse(404, 'Room not found');
    }
    return ok(createView(room, api));
  }],
  ['POST', '/v2/rooms/deactivate', ({ state, url, body }) => {
    allowQuery(url, []);
    onlyFields(body, ['roomId']);
    const { roomId } = body;
    if (typeof roomId !== 'string' || roomId === '') refuse(400, 'roomId is required');
    const room = state.rooms.find((r) => r.roomId === roomId);
    if (!room) refuse(404, 'Room not found');
    room.disabled = true;
    room.updatedAt = iso();
    return ok(deactivateView(room));
  }],
  ['GET', /^\/v2\/rooms\/([^/]+)$/, ({ state, url, api }, id) => {
    allowQuery(url, []);
    const room = findRoom(state, id);
    if (!room) refuse(404, 'Room not found');
    return ok(getView(room, api));
  }],
];
