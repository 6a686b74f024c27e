// The API client's recordings, HLS, livestreams, realtime transcriptions, agents, session
// participants and stats, and request(): options and results. Results follow the bodies of
// VideoSDK's API reference; every object keeps the fields VideoSDK adds later
// (`[key: string]: unknown`), since the client passes bodies through as sent.
import type { ApiLinks, CallOptions } from './client.js';

/** What VideoSDK answers with a bare JSON string (`"Recording started successfully"`), as an object. */
export interface ApiMessage {
  message: string;
  [key: string]: unknown;
}

export type LayoutType = 'GRID' | 'SPOTLIGHT' | 'SIDEBAR';
export type LayoutPriority = 'SPEAKER' | 'PIN';

/** The composition of a recording, HLS stream or livestream; sent as given once its enums are checked. */
export interface CompositionConfig {
  layout?: {
    type?: LayoutType;
    priority?: LayoutPriority;
    /** Tiles in a GRID layout, 1 to 25 (VideoSDK's pages say 4 for recordings, 25 for HLS). */
    gridSize?: number;
    [key: string]: unknown;
  };
  theme?: 'DARK' | 'LIGHT' | 'DEFAULT';
  mode?: 'video-and-audio' | 'audio';
  /** low = SD, med = HD, high = Full HD; `ultra` is in VideoSDK's server SDK only. */
  quality?: 'low' | 'med' | 'high' | 'ultra';
  orientation?: 'portrait' | 'landscape';
  /** HLS and livestreams: record the stream too. */
  recording?: { enabled: boolean; [key: string]: unknown };
  [key: string]: unknown;
}

/** Post-call transcription (and summary) of a recording or stream, sent as given. */
export interface TranscriptionConfig {
  enabled?: boolean;
  summary?: { enabled?: boolean; prompt?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface StartRecordingOptions {
  roomId: string;
  config?: CompositionConfig;
  transcription?: TranscriptionConfig;
  /** http(s) URL VideoSDK POSTs this recording's events to. */
  webhookUrl?: string;
  /** A folder in your own storage bucket. */
  awsDirPath?: string;
  /** A pre-signed upload URL of your cloud storage. */
  preSignedUrl?: string;
  /** A page of yours that lays the recording out (VideoSDK's sample and server SDK send it). */
  templateUrl?: string;
}

export interface RecordingFile {
  id?: string;
  meta?: { resolution?: { width: number; height: number }; format?: string; duration?: number; [key: string]: unknown };
  filePath?: string;
  size?: number;
  type?: string;
  userStorage?: unknown;
  /** Where the file can be downloaded. */
  fileUrl?: string;
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** A finished recording of a room's session. */
export interface Recording {
  id: string;
  roomId: string;
  sessionId?: string;
  userId?: string;
  fileId?: string;
  file?: RecordingFile;
  /** ISO-8601. */
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

export interface ParticipantRecordingOptions {
  roomId: string;
  participantId: string;
  fileFormat?: 'webm' | 'mp4' | 'm3u8';
  webhookUrl?: string;
  /** A folder in your own storage bucket (this route's name for it). */
  bucketDirPath?: string;
}

export type TrackKind = 'audio' | 'video' | 'screen_audio' | 'screen_video';

export interface TrackRecordingOptions {
  roomId: string;
  participantId: string;
  kind: TrackKind;
  fileFormat?: 'webm' | 'mp4' | 'm3u8' | 'mp3';
  webhookUrl?: string;
  bucketDirPath?: string;
}

/** Filters of the recording, HLS, livestream and transcription lists. */
export interface MediaListParams {
  roomId?: string;
  sessionId?: string;
  perPage?: number;
}

export interface RecordingsApi {
  /** POST /v2/recordings/start; the room needs a running session. Retried only after a 429. */
  start(options: StartRecordingOptions, call?: CallOptions): Promise<ApiMessage>;
  /** POST /v2/recordings/end. */
  stop(options: { roomId: string }, call?: CallOptions): Promise<ApiMessage>;
  /** Finished recordings: GET /v2/recordings?roomId=&sessionId=&page=&perPage=, page by page. */
  list(params?: MediaListParams, call?: CallOptions): AsyncIterableIterator<Recording>;
  /** GET /v2/recordings/{recordingId}. */
  get(recordingId: string, call?: CallOptions): Promise<Recording>;
  /** DELETE /v2/recordings/{recordingId}. */
  delete(recordingId: string, call?: CallOptions): Promise<ApiMessage>;
  readonly participant: {
    /** POST /v2/recordings/participant/start. Retried only after a 429. */
    start(options: ParticipantRecordingOptions, call?: CallOptions): Promise<ApiMessage>;
    /** POST /v2/recordings/participant/stop. */
    stop(options: { roomId: string; participantId: string }, call?: CallOptions): Promise<ApiMessage>;
  };
  readonly track: {
    /** POST /v2/recordings/participant/track/start. Retried only after a 429. */
    start(options: TrackRecordingOptions, call?: CallOptions): Promise<ApiMessage>;
    /** POST /v2/recordings/participant/track/stop: `kind` must be the one started. */
    stop(options: { roomId: string; participantId: string; kind: TrackKind }, call?: CallOptions): Promise<ApiMessage>;
  };
}

export interface StartHlsOptions {
  roomId: string;
  config?: CompositionConfig;
  transcription?: TranscriptionConfig;
  templateUrl?: string;
  webhookUrl?: string;
}

/** An HLS stream of a room's session. */
export interface HlsStream {
  id: string;
  roomId: string;
  sessionId?: string;
  /** ISO-8601. */
  start?: string;
  end?: string | null;
  /** `…/index.m3u8`: live HLS with playback (seek back). */
  playbackHlsUrl?: string;
  /** `…/live.m3u8`: live HLS without playback. */
  livestreamUrl?: string;
  /** Deprecated by VideoSDK; the only URL in its active-HLS example and webhooks. */
  downstreamUrl?: string;
  links?: ApiLinks;
  [key: string]: unknown;
}

export interface HlsApi {
  /** POST /v2/hls/start; the room needs a running session. Retried only after a 429. */
  start(options: StartHlsOptions, call?: CallOptions): Promise<HlsStream>;
  /** POST /v2/hls/end. */
  stop(options: { roomId: string }, call?: CallOptions): Promise<ApiMessage>;
  /** GET /v2/hls/{roomId}/active, unwrapped from `{ code, data }`; null when none runs (404). */
  active(roomId: string, call?: CallOptions): Promise<HlsStream | null>;
  /** GET /v2/hls/?roomId=&sessionId=&page=&perPage=, page by page. */
  list(params?: MediaListParams, call?: CallOptions): AsyncIterableIterator<HlsStream>;
  /** GET /v2/hls/{hlsId}. */
  get(hlsId: string, call?: CallOptions): Promise<HlsStream>;
}

/** Where a livestream goes: an rtmp:// or rtmps:// server and its stream key. */
export interface RtmpOutput {
  url: string;
  streamKey: string;
}

export interface StartLivestreamOptions {
  roomId: string;
  /** At least one. */
  outputs: RtmpOutput[];
  config?: CompositionConfig;
  templateUrl?: string;
  transcription?: TranscriptionConfig;
}

/** A livestream; its outputs carry the stream keys as sent: keep them out of logs. */
export interface Livestream {
  id: string;
  roomId: string;
  sessionId?: string;
  outputs?: Array<RtmpOutput & { [key: string]: unknown }>;
  start?: string;
  end?: string | null;
  [key: string]: unknown;
}

export interface LivestreamsApi {
  /** POST /v2/livestreams/start; the room needs a running session. Retried only after a 429. */
  start(options: StartLivestreamOptions, call?: CallOptions): Promise<ApiMessage>;
  /** POST /v2/livestreams/end. */
  stop(options: { roomId: string }, call?: CallOptions): Promise<ApiMessage>;
  /** GET /v2/livestreams/?roomId=&sessionId=&page=&perPage=, page by page. */
  list(params?: MediaListParams, call?: CallOptions): AsyncIterableIterator<Livestream>;
  /** GET /v2/livestreams/{livestreamId}. */
  get(livestreamId: string, call?: CallOptions): Promise<Livestream>;
}

export interface StartTranscriptionOptions {
  roomId: string;
  webhookUrl?: string;
  /** A BCP-47 language hint, such as `'en-US'`. */
  language?: string;
  modelId?: string;
  summary?: { enabled?: boolean; prompt?: string; [key: string]: unknown };
}

/** A realtime transcription. */
export interface RealtimeTranscription {
  id: string;
  /** `'running'`, `'completed'` (VideoSDK may add others). */
  status: string;
  extension?: {
    enabled?: boolean;
    provider?: string;
    extensionConfig?: { roomId?: string; sessionId?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
  webhookUrl?: string;
  start?: string;
  end?: string;
  transcriptionFilePaths?: { txt?: string; [key: string]: unknown };
  summarizedFilePaths?: { txt?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface TranscriptionsApi {
  /** POST /ai/v1/realtime-transcriptions/start; the room needs a running session. Retried only after a 429. */
  start(options: StartTranscriptionOptions, call?: CallOptions): Promise<RealtimeTranscription>;
  /** POST /ai/v1/realtime-transcriptions/end: the transcription (or `{ message }` if VideoSDK sends a string). */
  stop(options: { roomId: string }, call?: CallOptions): Promise<RealtimeTranscription | ApiMessage>;
  /** GET /ai/v1/realtime-transcriptions/?roomId=&sessionId=&page=&perPage= (items under `transcriptions`). */
  list(params?: MediaListParams, call?: CallOptions): AsyncIterableIterator<RealtimeTranscription>;
}

export interface DispatchAgentOptions {
  agentId: string;
  /** Sent as both `meetingId` (VideoSDK's REST page) and `roomId` (its server SDK). */
  roomId: string;
  /** A dashboard-managed agent's version; omitted: the latest deployed. */
  versionId?: string;
  versionTag?: string;
  /** Passed to the agent as given, such as `{ variables: [{ name, value }] }`. */
  metadata?: Record<string, unknown>;
}

/** VideoSDK's answer to a dispatch, as sent. */
export interface AgentDispatch {
  message: string;
  data: { success?: boolean; status?: string; roomId?: string; agentId?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface AgentsApi {
  /** POST /v2/agent/dispatch. Retried only after a 429: a second agent could join. */
  dispatch(options: DispatchAgentOptions, call?: CallOptions): Promise<AgentDispatch>;
}

/** One sample of a session's (or a participant's) quality stats. */
export interface QualitySample {
  time?: string;
  averageAudioRtt?: number;
  averageVideoRtt?: number;
  averageAudioJitter?: number;
  averageVideoJitter?: number;
  recvAudioPacketLost?: number;
  recvVideoPacketLost?: number;
  sendAudioPacketLost?: number;
  sendVideoPacketLost?: number;
  qualityScore?: { audio?: number; video?: number };
  [key: string]: unknown;
}

/** GET /v2/sessions/{sessionId}/stats; VideoSDK names the room `meetingId` here. */
export interface SessionStats {
  sessionId: string;
  meetingId?: string;
  stats: QualitySample[];
  [key: string]: unknown;
}

/** GET /v2/sessions/{sessionId}/participant/{participantId}/stats. */
export interface ParticipantStats extends SessionStats {
  participantId: string;
  participantName?: string;
  deviceInfo?: { deviceName?: string; deviceVersion?: string; [key: string]: unknown };
  sdkInfo?: { sdkName?: string; sdkVersion?: string; [key: string]: unknown };
  location?: { country?: string; city?: string; region?: string; [key: string]: unknown };
  network?: { asn?: string; org?: string; [key: string]: unknown };
  resolutionUsage?: Array<Record<string, unknown>>;
}

export interface ParticipantsParams {
  /** Only those in the session now (…/participants/active); none is an empty list. */
  active?: boolean;
  perPage?: number;
}

/** request()'s parameters. */
export interface RawRequestParams {
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON; not with GET or DELETE. */
  body?: object;
  /** Retry after a 5xx, a timeout or a lost answer, as for GET and DELETE. */
  idempotent?: boolean;
}

export type RawMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'get' | 'post' | 'put' | 'patch' | 'delete';

