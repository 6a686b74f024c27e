// client.sessions: list, get and end VideoSDK sessions, remove a participant (/v2/sessions…).
// Results are VideoSDK's JSON bodies as sent, unknown fields included.
import { callOptions, checkId, ownOptions, checkObject, checkPerPage, segment } from './args.js';
import { pages } from './pages.js';

export class SessionsApi {
  #request;

  constructor(request) {
    this.#request = request;
  }

  /** Every session of a room, page by page (GET /v2/sessions/?roomId=&page=&perPage=). */
  list(params, call) {
    checkObject(params, 'params', "{ roomId: 'abcd-efgh-ijkl' }");
    params = ownOptions(params, ['roomId', 'perPage'], 'sessions.list(params)');
    const roomId = checkId(params.roomId, 'roomId');
    const perPage = checkPerPage(params.perPage);
    const { signal } = callOptions(call);
    // The trailing slash is the path as VideoSDK documents it.
    return pages(this.#request, '/v2/sessions/', { roomId }, perPage, signal);
  }

  /** GET /v2/sessions/{sessionId}. */
  async get(sessionId, call) {
    checkId(sessionId, 'sessionId');
    const { signal } = callOptions(call);
    return this.#request('GET', `/v2/sessions/${segment(sessionId)}`, { signal, retry: 'all', expect: 'object' });
  }

  /** POST /v2/sessions/end: ends the room's running session (or the one given). */
  async end(params, call) {
    checkObject(params, 'params', "{ roomId: 'abcd-efgh-ijkl' }");
    params = ownOptions(params, ['roomId', 'sessionId'], 'sessions.end(params)');
    const body = { roomId: checkId(params.roomId, 'roomId') };
    if (params.sessionId !== undefined) body.sessionId = checkId(params.sessionId, 'sessionId');
    const { signal } = callOptions(call);
    return this.#request('POST', '/v2/sessions/end', { body, signal, retry: 'all', expect: 'object' });
  }

  /** POST /v2/sessions/participants/remove: removes a participant from the running session. */
  async removeParticipant(params, call) {
    checkObject(params, 'params', "{ roomId: 'abcd-efgh-ijkl', participantId: 'user-1' }");
    params = ownOptions(params, ['roomId', 'participantId', 'sessionId'], 'sessions.removeParticipant(params)');
    const body = {
      participantId: checkId(params.participantId, 'participantId'),
      roomId: checkId(params.roomId, 'roomId'),
    };
    if (params.sessionId !== undefined) body.sessionId = checkId(params.sessionId, 'sessionId');
    const { signal } = callOptions(call);
    return this.#request('POST', '/v2/sessions/participants/remove', { body, signal, retry: 'all', expect: 'object' });
  }
}
