// client.recordings: a room's recording (start, stop, list, get, delete), a participant's and a
// participant's track (/v2/recordings…). Starts are retried only after a 429; VideoSDK answers
// starts, stops and deletes with a bare JSON string, resolved as `{ message }`.
import { callOptions, checkId, segment } from './args.js';
import { bodyOf, checkEnum, config, listFilters, post, text, transcription, url } from './media.js';
import { pages } from './pages.js';

// VideoSDK's server SDK's sets (its REST pages name only webm): see docs/api-client.md.
const PARTICIPANT_FORMATS = ['webm', 'mp4', 'm3u8'];
const TRACK_FORMATS = ['webm', 'mp4', 'm3u8', 'mp3'];
const KINDS = ['audio', 'video', 'screen_audio', 'screen_video'];

const dirPath = text('recordings/2026/standup');
const START = { config, transcription, webhookUrl: url, awsDirPath: dirPath, preSignedUrl: url, templateUrl: url };
const format = (allowed) => (value, name) => checkEnum(value, name, allowed);
const kind = (value, name) => checkEnum(value, name, KINDS);

class ParticipantRecordings {
  #request;

  constructor(request) {
    this.#request = request;
  }

  /** POST /v2/recordings/participant/start: one participant's audio and video, to its own file. */
  async start(options, call) {
    const body = bodyOf(options, 'recordings.participant.start(options)', { fileFormat: format(PARTICIPANT_FORMATS), webhookUrl: url, bucketDirPath: dirPath }, ['roomId', 'participantId']);
    return post(this.#request, '/v2/recordings/participant/start', body, call, 'rate-limited');
  }

  /** POST /v2/recordings/participant/stop. */
  async stop(options, call) {
    const body = bodyOf(options, 'recordings.participant.stop(options)', {}, ['roomId', 'participantId']);
    return post(this.#request, '/v2/recordings/participant/stop', body, call, 'all');
  }
}

class TrackRecordings {
  #request;

  constructor(request) {
    this.#request = request;
  }

  /** POST /v2/recordings/participant/track/start: one track (`kind`) of one participant. */
  async start(options, call) {
    const body = bodyOf(options, 'recordings.track.start(options)', { kind, fileFormat: format(TRACK_FORMATS), webhookUrl: url, bucketDirPath: dirPath }, ['roomId', 'participantId']);
    requireKind(body);
    return post(this.#request, '/v2/recordings/participant/track/start', body, call, 'rate-limited');
  }

  /** POST /v2/recordings/participant/track/stop: `kind` must be the one started. */
  async stop(options, call) {
    const body = bodyOf(options, 'recordings.track.stop(options)', { kind }, ['roomId', 'participantId']);
    requireKind(body);
    return post(this.#request, '/v2/recordings/participant/track/stop', body, call, 'all');
  }
}

function requireKind(body) {
  if (body.kind === undefined) checkEnum(undefined, 'kind', KINDS);
}

export class RecordingsApi {
  #request;

  constructor(request) {
    this.#request = request;
    this.participant = new ParticipantRecordings(request);
    this.track = new TrackRecordings(request);
  }

  /** POST /v2/recordings/start: records the room's running session (a 400 without one). */
  async start(options, call) {
    const body = bodyOf(options, 'recordings.start(options)', START);
    return post(this.#request, '/v2/recordings/start', body, call, 'rate-limited');
  }

  /** POST /v2/recordings/end (the path VideoSDK's page calls; its overview says /stop). */
  async stop(options, call) {
    const body = bodyOf(options, 'recordings.stop(options)', {});
    return post(this.#request, '/v2/recordings/end', body, call, 'all');
  }

  /** Every finished recording, page by page: GET /v2/recordings?roomId=&sessionId=&page=&perPage=. */
  list(params = {}, call) {
    const [query, perPage] = listFilters(params, 'recordings.list(params)');
    const { signal } = callOptions(call);
    return pages(this.#request, '/v2/recordings', query, perPage, signal);
  }

  /** GET /v2/recordings/{recordingId}. */
  async get(recordingId, call) {
    checkId(recordingId, 'recordingId');
    const { signal } = callOptions(call);
    return this.#request('GET', `/v2/recordings/${segment(recordingId)}`, { signal, retry: 'all', expect: 'object' });
  }

  /** DELETE /v2/recordings/{recordingId}. */
  async delete(recordingId, call) {
    checkId(recordingId, 'recordingId');
    const { signal } = callOptions(call);
    return this.#request('DELETE', `/v2/recordings/${segment(recordingId)}`, { signal, retry: 'all', expect: 'message' });
  }
}
