// client.sessions: list, get and end VideoSDK sessions, remove a participant (/v2/sessions…).
// Results are VideoSDK's JSON bodies as sent, unknown fields included.
import { ApiError, invalidOptions as invalid } from '../shared/errors.js';
import { callOptions, checkId, ownOptions, checkObject, checkPerPage, segment, shown } from './args.js';
import { pages } from './pages.js';

/**
 * A participants page's list: VideoSDK's all-participants answer has one session in `data`, its
 * active-participants answer a list of sessions; either way the participants, flattened.
 */
function participantsOf(body) {
  const sessions = Array.isArray(body.data) ? body.data : [body.data];
  if (sessions.some((s) => s === null || typeof s !== 'object' || !Array.isArray(s.participants))) return undefined;
  return sessions.flatMap((s) => s.participants);
}

/** VideoSDK answers 404 "No active participants found." when nobody is in: an empty list. */
async function* noneIn(list) {
  try {
    yield* list;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404 && /no active participant/i.test(error.apiMessage ?? ''))) throw error;
  }
}

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

  /**
   * Every participant of a session, page by page (GET /v2/sessions/{sessionId}/participants), or
   * only those in it now with `active: true` (…/participants/active; none is an empty list).
   */
  participants(sessionId, params = {}, call) {
    checkId(sessionId, 'sessionId');
    checkObject(params, 'params', '{ active: true, perPage: 20 }');
    params = ownOptions(params, ['active', 'perPage'], 'sessions.participants(sessionId, params)');
    const { active = false } = params;
    if (typeof active !== 'boolean') throw invalid('active', `active must be true or false; got ${shown(active)}`);
    const perPage = checkPerPage(params.perPage);
    const { signal } = callOptions(call);
    const path = `/v2/sessions/${segment(sessionId)}/participants${active ? '/active' : ''}`;
    const list = pages(this.#request, path, {}, perPage, signal, participantsOf);
    return active ? noneIn(list) : list;
  }

  /** GET /v2/sessions/{sessionId}/stats, or …/participant/{participantId}/stats for one participant. */
  async stats(sessionId, params = {}, call) {
    checkId(sessionId, 'sessionId');
    checkObject(params, 'params', "{ participantId: 'user-1' }");
    params = ownOptions(params, ['participantId'], 'sessions.stats(sessionId, params)');
    const { signal } = callOptions(call);
    const one = params.participantId === undefined ? '' : `/participant/${segment(checkId(params.participantId, 'participantId'))}`;
    return this.#request('GET', `/v2/sessions/${segment(sessionId)}${one}/stats`, { signal, retry: 'all', expect: 'object' });
  }
}
