// client.hls: HLS streams of a room (/v2/hls…). start answers the stream (its playback URLs);
// stop a bare string, resolved as `{ message }`; active() unwraps VideoSDK's `{ code, data }`
// and resolves null when no stream runs (404).
import { ApiError } from '../shared/errors.js';
import { callOptions } from './args.js';
import { bodyOf, config, getOne, listFilters, post, transcription, url } from './media.js';
import { pages } from './pages.js';

const START = { config, transcription, templateUrl: url, webhookUrl: url };

export class HlsApi {
  #request;

  constructor(request) {
    this.#request = request;
  }

  /** POST /v2/hls/start: streams the room's running session; resolves with the stream. */
  async start(options, call) {
    const body = bodyOf(options, 'hls.start(options)', START);
    return post(this.#request, '/v2/hls/start', body, call, 'rate-limited', 'object');
  }

  /** POST /v2/hls/end. */
  async stop(options, call) {
    const body = bodyOf(options, 'hls.stop(options)', {});
    return post(this.#request, '/v2/hls/end', body, call, 'all');
  }

  /** GET /v2/hls/{roomId}/active: the running stream, or null when there is none. */
  async active(roomId, call) {
    try {
      return await getOne(this.#request, (id) => `/v2/hls/${id}/active`, roomId, 'roomId', call, 'wrapped');
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  /** Every HLS stream, page by page: GET /v2/hls/?roomId=&sessionId=&page=&perPage=. */
  list(params = {}, call) {
    const [query, perPage] = listFilters(params, 'hls.list(params)');
    const { signal } = callOptions(call);
    return pages(this.#request, '/v2/hls/', query, perPage, signal);
  }

  /** GET /v2/hls/{hlsId}. */
  async get(hlsId, call) {
    return getOne(this.#request, (id) => `/v2/hls/${id}`, hlsId, 'hlsId', call);
  }
}
