// Recordings (/v2/recordings…): the room's composite recording, a participant's, a track's. The
// starts need a running session; the answers are VideoSDK's bare JSON strings, the list and the
// recording its documented objects.
import {
  allowQuery, checkConfig, hex, iso, ok, oneOf, onlyFields, optionalObject, optionalString, optionalUrl, page, refuse,
  requiredString,
} from './http.js';
import { filterByQuery, liveParticipant, liveSession, roomIdOf } from './model.js';

const START_FIELDS = ['roomId', 'config', 'transcription', 'webhookUrl', 'awsDirPath', 'preSignedUrl', 'templateUrl'];
const KINDS = ['audio', 'video', 'screen_audio', 'screen_video'];
const FILE_FORMATS = ['webm', 'mp4', 'm3u8', 'mp3'];

// "Fetch a Recording": the file lands on VideoSDK's CDN when the recording stops.
function recordingView(r, api) {
  const fileId = r.fileId;
  return {
    id: r.id, userId: r.userId, roomId: r.roomId, sessionId: r.sessionId, createdAt: r.createdAt, updatedAt: r.updatedAt, fileId,
    file: {
      id: fileId, meta: { resolution: { width: 1280, height: 720 }, format: 'mp4', duration: 60 },
      filePath: `encoded/videos/${fileId}.mp4`, size: 1048576, type: 'video', userStorage: null,
      createdAt: r.updatedAt, updatedAt: r.updatedAt, ratio: { 1080: 1 }, fileUrl: `${api}/encoded/videos/${fileId}.mp4`,
    },
  };
}

function stored(state, id) {
  const r = state.recordings.find((x) => x.id === id && !x.deleted && x.end !== null);
  if (!r) refuse(404, 'Room Recording not found.');
  return r;
}

function checkStorageFields(body) {
  optionalString(body, 'bucketDirPath');
  optionalUrl(body, 'webhookUrl');
  oneOf(body.fileFormat, FILE_FORMATS, 400, `fileFormat must be one of ${FILE_FORMATS.join(', ')}`);
}

/** The running recording of this kind, or a 409: VideoSDK refuses a second one. */
function noneRunning(list, match, what) {
  if (list.some((x) => x.end === null && match(x))) refuse(409, `${what} is already running for this room.`);
}

function running(list, match, what) {
  const found = list.find((x) => x.end === null && match(x));
  if (!found) refuse(400, `No active ${what} found for this room.`);
  found.end = iso();
  found.updatedAt = found.end;
  return found;
}

export const routes = [
  ['POST', '/v2/recordings/start', ({ state, body }) => {
    onlyFields(body, START_FIELDS);
    const roomId = requiredString(body, 'roomId');
    checkConfig(body.config);
    optionalObject(body, 'transcription');
    for (const name of ['webhookUrl', 'preSignedUrl', 'templateUrl']) optionalUrl(body, name);
    optionalString(body, 'awsDirPath');
    const { room, session } = liveSession(state, roomId);
    noneRunning(state.recordings, (r) => r.roomId === room.roomId, 'A recording');
    const now = iso();
    state.recordings.push({
      id: hex(12), userId: room.userId, roomId: room.roomId, sessionId: session.id, createdAt: now, updatedAt: now,
      fileId: hex(12), start: now, end: null, request: body,
    });
    return ok('Recording started successfully');
  }],
  // VideoSDK's own server SDK also sends an `id`: accepted, and the room's recording stopped.
  ['POST', '/v2/recordings/end', ({ state, body }) => {
    onlyFields(body, ['roomId', 'id']);
    const roomId = roomIdOf(state, requiredString(body, 'roomId'));
    running(state.recordings, (r) => r.roomId === roomId, 'recording');
    return ok('Recording ended successfully');
  }],
  ['GET', /^\/v2\/recordings\/?$/, ({ state, url, api }) => {
    allowQuery(url, ['roomId', 'sessionId', 'page', 'perPage']);
    const done = state.recordings.filter((r) => !r.deleted && r.end !== null);
    return ok(page(filterByQuery(done, url), url, (r) => recordingView(r, api)));
  }],
  ['POST', '/v2/recordings/participant/start', ({ state, body }) => {
    onlyFields(body, ['roomId', 'participantId', 'fileFormat', 'webhookUrl', 'bucketDirPath']);
    const roomId = requiredString(body, 'roomId');
    const participantId = requiredString(body, 'participantId');
    checkStorageFields(body);
    const { room, session } = liveParticipant(state, roomId, participantId);
    noneRunning(state.participantRecordings, (r) => r.roomId === room.roomId && r.participantId === participantId, 'A participant recording');
    state.participantRecordings.push({ id: hex(12), roomId: room.roomId, sessionId: session.id, participantId, start: iso(), end: null, request: body });
    return ok('Participant recording started successfully.');
  }],
  ['POST', '/v2/recordings/participant/stop', ({ state, body }) => {
    onlyFields(body, ['roomId', 'participantId']);
    const roomId = requiredString(body, 'roomId');
    const participantId = requiredString(body, 'participantId');
    running(state.participantRecordings, (r) => r.roomId === roomId && r.participantId === participantId, 'participant recording');
    return ok('Participant recording stopped successfully.');
  }],
  ['POST', '/v2/recordings/participant/track/start', ({ state, body }) => {
    onlyFields(body, ['roomId', 'participantId', 'kind', 'fileFormat', 'webhookUrl', 'bucketDirPath']);
    const roomId = requiredString(body, 'roomId');
    const participantId = requiredString(body, 'participantId');
    const kind = requiredString(body, 'kind');
    oneOf(kind, KINDS, 400, `kind must be one of ${KINDS.join(', ')}`);
    checkStorageFields(body);
    const { room, session } = liveParticipant(state, roomId, participantId);
    const same = (r) => r.roomId === room.roomId && r.participantId === participantId && r.kind === kind;
    noneRunning(state.trackRecordings, same, 'A track recording');
    state.trackRecordings.push({ id: hex(12), roomId: room.roomId, sessionId: session.id, participantId, kind, start: iso(), end: null, request: body });
    return ok('track recording started successfully.');
  }],
  ['POST', '/v2/recordings/participant/track/stop', ({ state, body }) => {
    onlyFields(body, ['roomId', 'participantId', 'kind']);
    const roomId = requiredString(body, 'roomId');
    const participantId = requiredString(body, 'participantId');
    const kind = requiredString(body, 'kind');
    oneOf(kind, KINDS, 400, `kind must be one of ${KINDS.join(', ')}`);
    running(state.trackRecordings, (r) => r.roomId === roomId && r.participantId === participantId && r.kind === kind, 'track recording');
    return ok('track recording ended successfully.');
  }],
  ['GET', /^\/v2\/recordings\/([^/]+)$/, ({ state, url, api }, id) => {
    allowQuery(url, []);
    return ok(recordingView(stored(state, id), api));
  }],
  ['DELETE', /^\/v2\/recordings\/([^/]+)$/, ({ state, url }, id) => {
    allowQuery(url, []);
    stored(state, id).deleted = true;
    return ok('Room recording deleted successfully');
  }],
];
