// client.livestreams: a room pushed to RTMP servers (/v2/livestreams…). start and stop answer
// bare strings, resolved as `{ message }`. Lists and gets echo each output's stream key: keep
// them out of logs.
import { invalidOptions as invalid } from '../shared/errors.js';
import { callOptions, checkObject, ownOptions, shown } from './args.js';
import { bodyOf, checkUrl, config, getOne, listFilters, post, transcription, url } from './media.js';
import { pages } from './pages.js';

function outputs(value) {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid('outputs', `outputs must be a non-empty list such as [{ url: 'rtmp://live.example/app', streamKey: '…' }]; got ${shown(value)}`);
  }
  return value.map((output, i) => {
    checkObject(output, `outputs[${i}]`, "{ url: 'rtmp://live.example/app', streamKey: '…' }");
    const { url: to, streamKey } = ownOptions(output, ['url', 'streamKey'], `outputs[${i}]`);
    checkUrl(to, `outputs[${i}].url`, ['rtmp:', 'rtmps:'], 'rtmp://live.example/app');
    // The key is a secret of the RTMP server: never shown in a message.
    if (typeof streamKey !== 'string' || streamKey === '') throw invalid(`outputs[${i}].streamKey`, `outputs[${i}].streamKey must be the non-empty stream key the RTMP server gave`);
    return { url: to, streamKey };
  });
}

const START = { outputs, config, templateUrl: url, transcription };

export class LivestreamsApi {
  #request;

  constructor(request) {
    this.#request = request;
  }

  /** POST /v2/livestreams/start: the room's running session to each RTMP output. */
  async start(options, call) {
    const body = bodyOf(options, 'livestreams.start(options)', START);
    if (body.outputs === undefined) outputs(undefined);
    return post(this.#request, '/v2/livestreams/start', body, call, 'rate-limited');
  }

  /** POST /v2/livestreams/end. */
  async stop(options, call) {
    const body = bodyOf(options, 'livestreams.stop(options)', {});
    return post(this.#request, '/v2/livestreams/end', body, call, 'all');
  }

  /** Every livestream, page by page: GET /v2/livestreams/?roomId=&sessionId=&page=&perPage=. */
  list(params = {}, call) {
    const [query, perPage] = listFilters(params, 'livestreams.list(params)');
    const { signal } = callOptions(call);
    return pages(this.#request, '/v2/livestreams/', query, perPage, signal);
  }

  /** GET /v2/livestreams/{livestreamId}. */
  async get(livestreamId, call) {
    return getOne(this.#request, (id) => `/v2/livestreams/${id}`, livestreamId, 'livestreamId', call);
  }
}

