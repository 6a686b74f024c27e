// client.transcriptions: realtime transcription of a room's running session
// (/ai/v1/realtime-transcriptions…, off the same API base and with the same token as /v2).
// start and stop answer the transcription object; the list keeps its items under
// `transcriptions`, not `data`.
import { callOptions } from './args.js';
import { bodyOf, listFilters, object, post, text, url } from './media.js';
import { pages } from './pages.js';

const BASE = '/ai/v1/realtime-transcriptions';
const START = {
  webhookUrl: url,
  language: text('en-US'),
  modelId: text('…'),
  summary: object('{ enabled: true, prompt: "Write the action items" }'),
};
const inTranscriptions = (body) => body.transcriptions;

export class TranscriptionsApi {
  #request;

  constructor(request) {
    this.#request = request;
  }

  /** POST …/start: resolves with the transcription (`id`, `status: 'running'`). */
  async start(options, call) {
    const body = bodyOf(options, 'transcriptions.start(options)', START);
    return post(this.#request, `${BASE}/start`, body, call, 'rate-limited', 'object');
  }

  /** POST …/end: resolves with the transcription (`status: 'completed'`), or `{ message }`. */
  async stop(options, call) {
    const body = bodyOf(options, 'transcriptions.stop(options)', {});
    return post(this.#request, `${BASE}/end`, body, call, 'all');
  }

  /** Every transcription, page by page: GET …/?roomId=&sessionId=&page=&perPage=. */
  list(params = {}, call) {
    const [query, perPage] = listFilters(params, 'transcriptions.list(params)');
    const { signal } = callOptions(call);
    return pages(this.#request, `${BASE}/`, query, perPage, signal, inTranscriptions);
  }
}
