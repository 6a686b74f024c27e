// Livestreams to RTMP (/v2/livestreams…): start and stop answer bare strings; the list and one
// livestream echo the outputs, stream keys included, as VideoSDK's examples do.
import {
  allowQuery, checkConfig, hex, iso, ok, onlyFields, optionalObject, optionalUrl, page, refuse, requiredString,
} from './http.js';
import { filterByQuery, liveSession, roomIdOf } from './model.js';

const START_FIELDS = ['roomId', 'outputs', 'config', 'templateUrl', 'transcription'];

const view = (l) => ({ id: l.id, sessionId: l.sessionId, roomId: l.roomId, outputs: l.outputs, start: l.start, end: l.end });

// VideoSDK's 422 texts for outputs ("streamUrl" is its word for an output's `url`).
function checkOutputs(outputs) {
  if (!Array.isArray(outputs) || outputs.length === 0) refuse(422, 'Please provide outputs.');
  for (const output of outputs) {
    if (output === null || typeof output !== 'object') refuse(422, 'Please provide outputs.');
    if (typeof output.url !== 'string' || !/^rtmps?:\/\/\S+$/.test(output.url)) refuse(422, 'Please provide streamUrl.');
    if (typeof output.streamKey !== 'string' || output.streamKey === '') refuse(422, 'Please provide streamKey.');
  }
}

export const routes = [
  ['POST', '/v2/livestreams/start', ({ state, body }) => {
    onlyFields(body, START_FIELDS);
    const roomId = requiredString(body, 'roomId');
    checkOutputs(body.outputs);
    checkConfig(body.config);
    optionalUrl(body, 'templateUrl');
    optionalObject(body, 'transcription');
    const { room, session } = liveSession(state, roomId);
    if (state.livestreams.some((l) => l.roomId === room.roomId && l.end === null)) refuse(409, 'A livestream is already running for this room.');
    state.livestreams.push({ id: hex(12), roomId: room.roomId, sessionId: session.id, outputs: body.outputs, start: iso(), end: null });
    return ok('Livestream started successfully');
  }],
  ['POST', '/v2/livestreams/end', ({ state, body }) => {
    onlyFields(body, ['roomId', 'id']);
    const roomId = roomIdOf(state, requiredString(body, 'roomId'));
    const live = state.livestreams.find((l) => l.roomId === roomId && l.end === null);
    if (!live) refuse(400, 'No active livestream found for this room.');
    live.end = iso();
    return ok('Livestream ended successfully');
  }],
  ['GET', /^\/v2\/livestreams\/?$/, ({ state, url }) => {
    allowQuery(url, ['roomId', 'sessionId', 'page', 'perPage']);
    return ok(page(filterByQuery(state.livestreams, url), url, view));
  }],
  ['GET', /^\/v2\/livestreams\/([^/]+)$/, ({ state, url }, id) => {
    allowQuery(url, []);
    const live = state.livestreams.find((l) => l.id === id);
    if (!live) refuse(404, 'Livestream not found.');
    return ok(view(live));
  }],
];
