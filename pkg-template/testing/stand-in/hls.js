// HLS (/v2/hls…): start answers the stream object, stop a bare string, the active stream comes
// wrapped as `{ code, data }` (none is a 404 "HLS not found."), the list and one stream bare.
import {
  allowQuery, checkConfig, hex, iso, ok, onlyFields, optionalObject, optionalUrl, page, refuse, requiredString,
} from './http.js';
import { filterByQuery, links, liveSession, roomIdOf } from './model.js';

const START_FIELDS = ['roomId', 'config', 'transcription', 'templateUrl', 'webhookUrl'];

// "Start HLS Stream"'s answer; downstreamUrl is deprecated there but the only URL the active-HLS
// example and the webhooks carry, so all three are given.
function streamView(h, api) {
  const base = `https://cdn.videosdk.live/meetings-hls/${h.id}`;
  return {
    id: h.id, sessionId: h.sessionId, start: h.start, end: h.end, roomId: h.roomId, links: links(api, h.roomId, h.sessionId),
    playbackHlsUrl: `${base}/index.m3u8`, livestreamUrl: `${base}/live.m3u8`, downstreamUrl: `${base}/index.m3u8`,
  };
}

export const routes = [
  ['POST', '/v2/hls/start', ({ state, body, api }) => {
    onlyFields(body, START_FIELDS);
    const roomId = requiredString(body, 'roomId');
    checkConfig(body.config);
    optionalObject(body, 'transcription');
    optionalUrl(body, 'templateUrl');
    optionalUrl(body, 'webhookUrl');
    const { room, session } = liveSession(state, roomId);
    if (state.hls.some((h) => h.roomId === room.roomId && h.end === null)) refuse(409, 'HLS is already running for this room.');
    const stream = { id: hex(12), roomId: room.roomId, sessionId: session.id, start: iso(), end: null, request: body };
    state.hls.push(stream);
    const { end, ...started } = streamView(stream, api);
    return ok(started);
  }],
  ['POST', '/v2/hls/end', ({ state, body }) => {
    onlyFields(body, ['roomId', 'id']);
    const roomId = roomIdOf(state, requiredString(body, 'roomId'));
    const stream = state.hls.find((h) => h.roomId === roomId && h.end === null);
    if (!stream) refuse(400, 'No active HLS found for this room.');
    stream.end = iso();
    return ok('HLS ended successfully');
  }],
  ['GET', /^\/v2\/hls\/?$/, ({ state, url, api }) => {
    allowQuery(url, ['roomId', 'sessionId', 'page', 'perPage']);
    return ok(page(filterByQuery(state.hls, url), url, (h) => streamView(h, api)));
  }],
  ['GET', /^\/v2\/hls\/([^/]+)\/active$/, ({ state, url, api }, id) => {
    allowQuery(url, []);
    const roomId = roomIdOf(state, id);
    const stream = state.hls.find((h) => h.roomId === roomId && h.end === null);
    if (!stream) refuse(404, 'HLS not found.');
    return ok({ code: 200, data: { ...streamView(stream, api), duration: 0 } });
  }],
  ['GET', /^\/v2\/hls\/([^/]+)$/, ({ state, url, api }, id) => {
    allowQuery(url, []);
    const stream = state.hls.find((h) => h.id === id);
    if (!stream) refuse(404, 'HLS not found.');
    return ok(streamView(stream, api));
  }],
];
