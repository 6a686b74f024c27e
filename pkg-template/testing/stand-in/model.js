// The stand-in's account: rooms and sessions as plain JSON data, and the lookups every resource
// shares (a room by roomId or customRoomId, the live session a start needs).
import { hex, iso, refuse } from './http.js';

export const USER = { email: 'stand-in@example.invalid', name: 'Stand-in User', discontinuedReason: null, id: '5f7edbb14c938bcd42944527' };

/** Everything the stand-in holds, as plain data (JSON.stringify shows it). */
export function freshState() {
  return {
    rooms: [], sessions: [], recordings: [], participantRecordings: [], trackRecordings: [],
    hls: [], livestreams: [], transcriptions: [], dispatches: [],
  };
}

function roomIdText() {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const pick = () => Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => letters[b % letters.length]).join('');
  return `${pick()}-${pick()}-${pick()}`;
}

export const ROOM_FIELDS = ['customRoomId', 'webhook', 'autoCloseConfig', 'autoStartConfig', 'geoFence', 'allowedParticipantIds'];

export function newRoom(body) {
  const now = iso();
  const room = { id: hex(12), roomId: roomIdText(), userId: USER.id, disabled: false, createdAt: now, updatedAt: now };
  for (const key of ROOM_FIELDS) if (body[key] !== undefined) room[key] = body[key];
  return room;
}

/**
 * A session of `room`; `participants` are ids or `{ participantId, name? }`.
 * @param {{ roomId: string, customRoomId?: string }} room
 * @param {{ status?: string, participants?: Array<string | { participantId: string, name?: string }> }} [spec]
 */
export function newSession(room, { status, participants = [] } = {}) {
  const start = iso();
  const ongoing = status === 'ongoing';
  return {
    id: hex(12),
    roomId: room.roomId,
    ...(room.customRoomId === undefined ? {} : { customRoomId: room.customRoomId }),
    userId: USER.id,
    start,
    end: ongoing ? null : iso(),
    status: ongoing ? 'ongoing' : 'ended',
    activeDuration: 0,
    participants: participants.map((p) => {
      const { participantId, name = participantId } = typeof p === 'string' ? { participantId: p } : p;
      return { _id: hex(12), participantId, name, timelog: [{ start, end: ongoing ? null : iso() }] };
    }),
  };
}

export function closeSession(session) {
  const end = iso();
  session.status = 'ended';
  session.end = end;
  for (const p of session.participants) for (const t of p.timelog) if (t.end === null) t.end = end;
}

export function findRoom(state, id) {
  return state.rooms.find((r) => r.roomId === id) ?? state.rooms.find((r) => r.customRoomId === id);
}

/** VideoSDK's roomId for a roomId or customRoomId (the id itself when no room has it). */
export const roomIdOf = (state, id) => findRoom(state, id)?.roomId ?? id;

export const isIn = (participant) => participant.timelog.some((t) => t.end === null);

/**
 * The room's running session, which every start needs (VideoSDK records, streams and transcribes
 * a live session). The refusal texts are the stand-in's: VideoSDK does not document its own.
 */
export function liveSession(state, roomId) {
  const room = findRoom(state, roomId);
  if (!room) refuse(404, 'Room not found.');
  const session = state.sessions.find((s) => s.roomId === room.roomId && s.status === 'ongoing');
  if (!session) refuse(400, `No active session found for roomId ${roomId}: a session must be running (someone in the room).`);
  return { room, session };
}

/** The running session of a start, with `participantId` in it. */
export function liveParticipant(state, roomId, participantId) {
  const { room, session } = liveSession(state, roomId);
  const participant = session.participants.find((p) => p.participantId === participantId && isIn(p));
  if (!participant) refuse(400, `Participant ${participantId} is not in the running session of room ${roomId}.`);
  return { room, session, participant };
}

export const links = (api, roomId, sessionId) => ({
  get_room: `${api}/v2/rooms/${roomId}`,
  get_session: sessionId === undefined ? `${api}/v2/sessions/?roomId=${roomId}` : `${api}/v2/sessions/${sessionId}`,
});

/** Keeps the entries of `list` whose roomId and sessionId match the query's, when given. */
export function filterByQuery(list, url, roomOf = (x) => x.roomId, sessionOf = (x) => x.sessionId) {
  const roomId = url.searchParams.get('roomId');
  const sessionId = url.searchParams.get('sessionId');
  return list.filter((x) => (roomId === null || roomOf(x) === roomId) && (sessionId === null || sessionOf(x) === sessionId));
}
