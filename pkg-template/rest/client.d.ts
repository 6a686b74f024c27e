// The API client: VideoSDKClient (client.js), its results and ApiError. Result types follow
// the bodies in VideoSDK's API reference; every object keeps the fields VideoSDK adds later
// (`[key: string]: unknown`), since the client passes bodies through as sent.
import type { Secret, Span } from '../token/api.js';
import type {
  AgentsApi, HlsApi, LivestreamsApi, ParticipantStats, ParticipantsParams, RawMethod, RawRequestParams, RecordingsApi,
  SessionStats, TranscriptionsApi,
} from './resources.js';

export { ApiError, type ApiErrorCode } from '../shared/errors.js';
export * from './resources.js';

export interface VideoSDKClientOptions {
  /** The API key from the VideoSDK dashboard. */
  apiKey: string;
  /** The secret from the VideoSDK dashboard. It signs management tokens here and is never sent. */
  secret: Secret;
  /**
   * Default `'https://api.videosdk.live'`. An https URL without query or credentials (http only on
   * localhost, 127.0.0.0/8 or [::1]); a path prefix is kept. Redirects are never followed.
   */
  apiBase?: string | URL;
  /** Default `globalThis.fetch`; e.g. a service binding's fetch. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Bound on each attempt, including reading the answer: `'10s'` (default), `30`; 1 s to 1 h. */
  timeout?: Span;
  /** Retries of a failed call that is safe to repeat: 0 to 10, default 2. */
  retries?: number;
}

/** What every method takes last. */
export interface CallOptions {
  /** Cancels the call (and its retries); the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface RoomWebhook {
  /** The URL VideoSDK POSTs the events to. */
  endPoint: string;
  /** Event names or patterns: `'session-started'`, `'recording-*'`, `'*'`. */
  events: string[];
  [key: string]: unknown;
}

export type AutoCloseType = 'session-ends' | 'session-end-and-deactivate';

export interface AutoCloseConfig {
  /** `session-ends`: close the session; `session-end-and-deactivate`: also deactivate the room. */
  type: AutoCloseType;
  /** Minutes after which a running session is closed. */
  duration?: number;
}

/** rooms.create's options: the documented body of POST /v2/rooms. */
export interface CreateRoomOptions {
  /** Your own id for the room; creating with one VideoSDK already knows returns that room. */
  customRoomId?: string;
  webhook?: { endPoint: string; events: string[] };
  autoCloseConfig?: AutoCloseConfig;
  /** Recording, HLS, … to start with the session; passed to VideoSDK as given. */
  autoStartConfig?: Record<string, unknown>;
  /** Region to pin the room to, such as `'us002'`. */
  geoFence?: string;
  /** Only these participant ids may join. */
  allowedParticipantIds?: string[];
}

export interface ApiLinks {
  get_room?: string;
  get_session?: string;
  [key: string]: unknown;
}

/** The account that owns a room, as GET /v2/rooms answers it. */
export interface RoomOwner {
  email?: string;
  name?: string;
  discontinuedReason?: string | null;
  id?: string;
  [key: string]: unknown;
}

/** A room as VideoSDK answers it: create and validate give `userId`, get and list give `user`. */
export interface Room {
  /** VideoSDK's id, `xxxx-xxxx-xxxx`: what clients join. */
  roomId: string;
  customRoomId?: string;
  userId?: string;
  user?: RoomOwner;
  disabled?: boolean;
  /** ISO-8601. */
  createdAt?: string;
  updatedAt?: string;
  /** VideoSDK's internal document id. */
  id?: string;
  links?: ApiLinks;
  webhook?: RoomWebhook;
  autoCloseConfig?: AutoCloseConfig;
  [key: string]: unknown;
}

/** rooms.deactivate's answer: VideoSDK documents it with `meetingId` and `userMeetingId`; the client adds `roomId`. */
export interface DeactivatedRoom extends Room {
  disabled: boolean;
  meetingId?: string;
  userMeetingId?: string;
}

/** rooms.validate's answer. A deactivated room is not valid (`room.disabled` is true). */
export type RoomValidation =
  | { valid: true; roomId: string; room: Room }
  | { valid: false; roomId: string; room?: Room };

export interface SessionParticipant {
  participantId: string;
  name?: string;
  _id?: string;
  /** Each stay in the session; `end` is null while the participant is in. */
  timelog?: Array<{ start: string; end: string | null }>;
  [key: string]: unknown;
}

/** A session: one live occurrence of a room. */
export interface Session {
  id: string;
  roomId: string;
  customRoomId?: string;
  userId?: string;
  /** ISO-8601. */
  start?: string;
  /** ISO-8601, or null while the session runs. */
  end?: string | null;
  participants?: SessionParticipant[];
  /** `'ongoing'` or `'ended'` (VideoSDK may add others). */
  status?: string;
  activeDuration?: number;
  chatLink?: string;
  links?: ApiLinks;
  [key: string]: unknown;
}

export interface RoomsApi {
  /** POST /v2/rooms. Retried after a 5xx or a lost answer only with `customRoomId`; after a 429 always. */
  create(options?: CreateRoomOptions, call?: CallOptions): Promise<Room>;
  /** GET /v2/rooms/validate/{roomId}: `{ valid: false }` rather than an error when VideoSDK has no such room. */
  validate(roomId: string, call?: CallOptions): Promise<RoomValidation>;
  /** GET /v2/rooms/{roomId}, by roomId or customRoomId. */
  get(roomId: string, call?: CallOptions): Promise<Room>;
  /** Every room: GET /v2/rooms?page=&perPage=, one page at a time as the iteration reaches it. */
  list(params?: { perPage?: number }, call?: CallOptions): AsyncIterableIterator<Room>;
  /** POST /v2/rooms/deactivate: the room can no longer be joined. */
  deactivate(roomId: string, call?: CallOptions): Promise<DeactivatedRoom>;
}

export interface SessionsApi {
  /** Every session of a room: GET /v2/sessions/?roomId=&page=&perPage=, page by page. */
  list(params: { roomId: string; perPage?: number }, call?: CallOptions): AsyncIterableIterator<Session>;
  /** GET /v2/sessions/{sessionId}. */
  get(sessionId: string, call?: CallOptions): Promise<Session>;
  /** POST /v2/sessions/end: ends the room's running session (or the one given). */
  end(params: { roomId: string; sessionId?: string }, call?: CallOptions): Promise<Session>;
  /** POST /v2/sessions/participants/remove. */
  removeParticipant(params: { roomId: string; participantId: string; sessionId?: string }, call?: CallOptions): Promise<Session>;
  /** GET /v2/sessions/{sessionId}/participants[/active], page by page, flattened from VideoSDK's two shapes. */
  participants(sessionId: string, params?: ParticipantsParams, call?: CallOptions): AsyncIterableIterator<SessionParticipant>;
  /** GET /v2/sessions/{sessionId}/stats. */
  stats(sessionId: string, params?: { participantId?: undefined }, call?: CallOptions): Promise<SessionStats>;
  /** GET /v2/sessions/{sessionId}/participant/{participantId}/stats. */
  stats(sessionId: string, params: { participantId: string }, call?: CallOptions): Promise<ParticipantStats>;
}

/**
 * VideoSDK's REST API from any runtime with fetch. Each request carries a management token the
 * client signs itself (crawler role, version 2, 10 minutes, reused until a minute before expiry).
 * @example
 * const videosdk = new VideoSDKClient({ apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET });
 * const { roomId } = await videosdk.rooms.create();
 * const { valid } = await videosdk.rooms.validate(roomId);
 * @throws {TokenError} INVALID_OPTIONS (with `field`) or WEAK_SECRET for a bad config.
 */
export class VideoSDKClient {
  constructor(options: VideoSDKClientOptions);
  readonly rooms: RoomsApi;
  readonly sessions: SessionsApi;
  readonly recordings: RecordingsApi;
  readonly hls: HlsApi;
  readonly livestreams: LivestreamsApi;
  readonly transcriptions: TranscriptionsApi;
  readonly agents: AgentsApi;
  /**
   * Any endpoint under the API base (it must start with `/`; no `.`/`..` segments), with the same
   * token, timeout and ApiError. Retried after a 5xx, a timeout or a lost answer only for GET,
   * DELETE or `idempotent: true`; otherwise only after a 429. Resolves with the parsed JSON
   * (null for an empty body).
   */
  request<T = unknown>(method: RawMethod, path: `/${string}`, params?: RawRequestParams, call?: CallOptions): Promise<T>;
  /** Zeroes and releases the signer's key state; later calls reject with a TokenError. Also `[Symbol.dispose]`. */
  close(): void;
}

