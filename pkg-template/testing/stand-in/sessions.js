// Sessions (/v2/sessions…): list, get, end, remove a participant, the participants (all, or those
// in) and the quality stats, each in the shape of VideoSDK's documented example.
import { allowQuery, iso, ok, onlyFields, page, refuse } from './http.js';
import { closeSession, findRoom, isIn, links } from './model.js';

const sessionLinks = (api, s) => links(api, s.roomId, s.id);

// "Fetch Sessions" items.
function sessionListView(s, api) {
  return {
    id: s.id, roomId: s.roomId, start: s.start, end: s.end,
    participants: s.participants.map(({ participantId, name, timelog }) => ({ participantId, name, timelog })),
    status: s.status, links: sessionLinks(api, s),
  };
}

// "Fetch a Session" (and the answer to ending one).
function sessionView(s, api) {
  return {
    id: s.id, userId: s.userId, roomId: s.roomId, ...(s.customRoomId === undefined ? {} : { customRoomId: s.customRoomId }),
    start: s.start, end: s.end, participants: s.participants, activeDuration: s.activeDuration,
    chatLink: `${api}/chats/${s.roomId}-${s.id}.csv`, status: s.status, links: sessionLinks(api, s),
  };
}

// "Remove Participant".
function removedView(s, api) {
  return { start: s.start, end: s.end, participants: s.participants, id: s.id, roomId: s.roomId, status: s.status, links: sessionLinks(api, s) };
}

function ongoingSession(state, body) {
  const { roomId, sessionId } = body;
  if (typeof roomId !== 'string' || roomId === '') refuse(400, 'roomId is required');
  if (sessionId !== undefined && (typeof sessionId !== 'string' || sessionId === '')) refuse(400, 'sessionId must be a string');
  const room = findRoom(state, roomId);
  if (!room) refuse(404, 'Room not found');
  const session = state.sessions.find((s) => s.roomId === room.roomId && s.status === 'ongoing'
    && (sessionId === undefined || s.id === sessionId));
  if (!session) refuse(400, 'No ongoing session found for this room');
  return session;
}

function sessionById(state, id) {
  const session = state.sessions.find((s) => s.id === id);
  if (!session) refuse(404, 'Session not found.');
  return session;
}

// One sample of "Fetch Session Quality Stats"; the figures are the documented example's.
const statsSample = (time) => ({
  time, recvAudioPacketLost: 0, recvVideoPacketLost: 0, sendAudioPacketLost: 0, sendVideoPacketLost: 0,
  averageAudioRtt: 43, averageVideoRtt: 45, averageAudioJitter: 2, averageVideoJitter: 5,
  averageSendAudioBitrate: 32, averageSendVideoBitrate: 512, averageRecvAudioBitrate: 30, averageRecvVideoBitrate: 498,
  qualityScore: { audio: 4.4, video: 4.3 },
});

export const routes = [
  ['GET', '/v2/sessions/', ({ state, url, api }) => {
    allowQuery(url, ['roomId', 'customRoomId', 'page', 'perPage']);
    const roomId = url.searchParams.get('roomId');
    if (!roomId) refuse(400, 'roomId is required');
    const room = findRoom(state, roomId);
    const list = room ? state.sessions.filter((s) => s.roomId === room.roomId) : [];
    return ok(page(list, url, (s) => sessionListView(s, api)));
  }],
  ['POST', '/v2/sessions/end', ({ state, url, body, api }) => {
    allowQuery(url, []);
    onlyFields(body, ['roomId', 'sessionId']);
    const session = ongoingSession(state, body);
    closeSession(session);
    return ok(sessionView(session, api));
  }],
  ['POST', '/v2/sessions/participants/remove', ({ state, url, body, api }) => {
    allowQuery(url, []);
    onlyFields(body, ['participantId', 'roomId', 'sessionId']);
    const { participantId } = body;
    if (typeof participantId !== 'string' || participantId === '') refuse(400, 'participantId is required');
    const session = ongoingSession(state, body);
    const participant = session.participants.find((p) => p.participantId === participantId && isIn(p));
    if (!participant) refuse(404, 'Participant not found in the running session');
    for (const t of participant.timelog) if (t.end === null) t.end = iso();
    return ok(removedView(session, api));
  }],
  // "Fetch Participants": `data` is the session, its page of participants in `data.participants`.
  ['GET', /^\/v2\/sessions\/([^/]+)\/participants$/, ({ state, url, api }, id) => {
    allowQuery(url, ['page', 'perPage']);
    const s = sessionById(state, id);
    const { pageInfo, data } = page(s.participants, url, ({ participantId, name, timelog }) => ({ participantId, name, timelog }));
    return ok({ pageInfo, data: { id: s.id, roomId: s.roomId, customRoomId: s.customRoomId, participants: data, links: sessionLinks(api, s) } });
  }],
  // "Fetch Active Participants": `data` is a list of sessions, each with its participants in;
  // nobody in is a 404.
  ['GET', /^\/v2\/sessions\/([^/]+)\/participants\/active$/, ({ state, url, api }, id) => {
    allowQuery(url, ['page', 'perPage']);
    const s = sessionById(state, id);
    const active = s.status === 'ongoing' ? s.participants.filter(isIn) : [];
    if (active.length === 0) refuse(404, 'No active participants found.');
    const { pageInfo, data } = page(active, url, (p) => ({ ...p, mode: 'CONFERENCE' }));
    return ok({ pageInfo, data: [{ _id: s.id, start: s.start, end: s.end, participants: data, roomId: s.roomId, status: s.status, links: sessionLinks(api, s) }] });
  }],
  ['GET', /^\/v2\/sessions\/([^/]+)\/stats$/, ({ state, url }, id) => {
    allowQuery(url, []);
    const s = sessionById(state, id);
    return ok({ sessionId: s.id, meetingId: s.roomId, stats: [statsSample(s.start)] });
  }],
  ['GET', /^\/v2\/sessions\/([^/]+)\/participant\/([^/]+)\/stats$/, ({ state, url }, id, participantId) => {
    allowQuery(url, []);
    const s = sessionById(state, id);
    const p = s.participants.find((x) => x.participantId === participantId);
    if (!p) refuse(404, 'Participant not found.');
    return ok({
      sessionId: s.id, meetingId: s.roomId, participantId, participantName: p.name,
      deviceInfo: { deviceName: 'Chrome', deviceVersion: '120' }, sdkInfo: { sdkName: 'js', sdkVersion: '0.1.0' },
      location: { country: 'IN', city: 'Surat', region: 'GJ' }, network: { asn: 'AS0', org: 'stand-in' },
      stats: [statsSample(s.start)], resolutionUsage: [{ 180: 0, 360: 0, 720: 60, 1080: 0, 1440: 0, 2160: 0, time: s.start }],
    });
  }],
  ['GET', /^\/v2\/sessions\/([^/]+)$/, ({ state, url, api }, id) => {
    allowQuery(url, []);
    const session = state.sessions.find((s) => s.id === id);
    if (!session) refuse(404, 'Session not found');
    return ok(sessionView(session, api));
  }],
];
