// The other two routes of VideoSDK's example API servers, on VideoSDKClient:
//   POST /api/rooms                 creates a room (optional JSON body: { "customRoomId": "…" })
//   GET  /api/rooms/:roomId/validate  answers { valid, roomId, room? }
// behind the same authorize() as /api/token. Callers choose at most a customRoomId: webhooks and
// other room settings stay on the server. The Cloudflare Worker and the Deno example both import
// this file: copy examples/shared/ along with either.
import { ApiError, TokenError } from 'videosdk-token';

const ANONYMOUS_HEADER = 'X-VideoSDK-Token-Anonymous';

/**
 * @param {Request} request
 * @param {{ videosdk: import('videosdk-token').VideoSDKClient, authorize: (request: Request) => unknown,
 *   allowAnonymous?: boolean }} options
 */
export async function handleRoomRequest(request, { videosdk, authorize, allowAnonymous = false }) {
  const { pathname } = new URL(request.url);
  const validate = /^\/api\/rooms\/([^/]+)\/validate$/.exec(pathname);
  if (pathname !== '/api/rooms' && !validate) return error(404, 'NOT_FOUND', 'use POST /api/rooms or GET /api/rooms/:roomId/validate');
  const method = validate ? 'GET' : 'POST';
  if (request.method !== method) return error(405, 'METHOD_NOT_ALLOWED', `use ${method}`, { Allow: method });

  const headers = {};
  if (!(await authorize(request))) {
    if (!allowAnonymous) return error(401, 'UNAUTHORIZED', 'this endpoint needs authorization', { 'WWW-Authenticate': 'Bearer' });
    headers[ANONYMOUS_HEADER] = 'development only: ALLOW_ANONYMOUS is on, never deploy this';
  }
  try {
    if (validate) {
      let roomId;
      try {
        roomId = decodeURIComponent(validate[1]);
      } catch {
        return error(400, 'INVALID_OPTIONS', 'the room id is not validly encoded', headers);
      }
      return json(200, await videosdk.rooms.validate(roomId), headers);
    }
    const body = await roomOptions(request);
    if (body instanceof Response) return body;
    return json(200, await videosdk.rooms.create(body), headers);
  } catch (e) {
    if (e instanceof TokenError && e.code === 'INVALID_OPTIONS') return error(400, e.code, e.message, headers, e.field);
    // VideoSDK refused or could not be reached: say so, with the client's stable code.
    if (e instanceof ApiError) return error(502, e.code, e.message, headers);
    throw e;
  }
}

async function roomOptions(request) {
  const text = await request.text();
  if (text === '') return {};
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('Content-Type') ?? '')) {
    return error(400, 'INVALID_OPTIONS', 'send a JSON body with Content-Type: application/json, or none');
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return error(400, 'INVALID_OPTIONS', 'the body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).some((k) => k !== 'customRoomId')) {
    return error(400, 'INVALID_OPTIONS', 'the body may only be {"customRoomId": "…"}');
  }
  return body;
}

function error(status, code, message, headers = {}, field) {
  return json(status, { error: field === undefined ? { code, message } : { code, message, field } }, headers);
}

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}
