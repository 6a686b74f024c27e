// Realtime transcriptions (/ai/v1/realtime-transcriptions…, same base and token as /v2) and agent
// dispatch (/v2/agent/dispatch): objects, not bare strings; the transcription list keeps its
// items under `transcriptions`.
import {
  allowQuery, iso, ok, onlyFields, optionalObject, optionalString, optionalUrl, page, refuse, requiredString, uuid,
} from './http.js';
import { filterByQuery, findRoom, liveSession, roomIdOf } from './model.js';

const roomOf = (t) => t.extension.extensionConfig.roomId;
const sessionOf = (t) => t.extension.extensionConfig.sessionId;

export const routes = [
  ['POST', '/ai/v1/realtime-transcriptions/start', ({ state, body }) => {
    onlyFields(body, ['roomId', 'webhookUrl', 'language', 'modelId', 'summary']);
    const roomId = requiredString(body, 'roomId');
    optionalUrl(body, 'webhookUrl');
    optionalString(body, 'language');
    optionalString(body, 'modelId');
    optionalObject(body, 'summary');
    const { room, session } = liveSession(state, roomId);
    if (state.transcriptions.some((t) => roomOf(t) === room.roomId && t.status === 'running')) {
      refuse(409, 'A realtime transcription is already running for this room.');
    }
    const transcription = {
      id: uuid(), status: 'running',
      extension: { enabled: true, provider: 'videosdk', extensionConfig: { roomId: room.roomId, sessionId: session.id } },
      ...(body.webhookUrl === undefined ? {} : { webhookUrl: body.webhookUrl }), start: iso(),
    };
    state.transcriptions.push(transcription);
    return ok(transcription);
  }],
  ['POST', '/ai/v1/realtime-transcriptions/end', ({ state, body }) => {
    onlyFields(body, ['roomId']);
    const roomId = roomIdOf(state, requiredString(body, 'roomId'));
    const t = state.transcriptions.find((x) => roomOf(x) === roomId && x.status === 'running');
    if (!t) refuse(400, 'No active realtime transcription found for this room.');
    Object.assign(t, {
      status: 'completed', end: iso(),
      transcriptionFilePaths: { txt: `https://cdn.videosdk.live/transcriptions/${t.id}.txt` },
      summarizedFilePaths: { txt: `https://cdn.videosdk.live/transcriptions/${t.id}-summary.txt` },
    });
    return ok(t);
  }],
  ['GET', /^\/ai\/v1\/realtime-transcriptions\/?$/, ({ state, url }) => {
    allowQuery(url, ['roomId', 'sessionId', 'page', 'perPage']);
    return ok(page(filterByQuery(state.transcriptions, url, roomOf, sessionOf), url, (t) => t, 'transcriptions'));
  }],
  // The REST page documents `meetingId`; VideoSDK's server SDK sends `roomId` too: either names
  // the room. No running session is needed: an agent may be the first in the room.
  ['POST', '/v2/agent/dispatch', ({ state, body }) => {
    onlyFields(body, ['agentId', 'meetingId', 'roomId', 'metadata', 'versionId', 'versionTag']);
    const agentId = requiredString(body, 'agentId');
    if (body.meetingId === undefined && body.roomId === undefined) refuse(400, '`meetingId` is required in request body.');
    optionalString(body, 'meetingId');
    optionalString(body, 'roomId');
    if (body.meetingId !== undefined && body.roomId !== undefined && body.meetingId !== body.roomId) {
      refuse(400, 'meetingId and roomId name different rooms');
    }
    optionalObject(body, 'metadata');
    optionalString(body, 'versionId');
    optionalString(body, 'versionTag');
    const room = findRoom(state, body.meetingId ?? body.roomId);
    if (!room) refuse(404, 'Room not found.');
    const { roomId } = room;
    state.dispatches.push({ agentId, roomId, metadata: body.metadata, versionId: body.versionId, versionTag: body.versionTag, at: iso() });
    return ok({ message: 'Agent dispatch requested successfully.', data: { success: true, status: 'assigned', roomId, agentId } });
  }],
];
