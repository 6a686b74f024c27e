/**
 * VideoSDK webhooks: verifyWebhook and handleWebhookRequest (also the `videosdk-token/webhooks`
 * entry, which loads no wasm). Signatures are RSASSA-PKCS1-v1_5 / SHA-256 over the raw body,
 * checked with WebCrypto.
 */
export { VideoSDKError, WebhookError, type WebhookErrorCode } from '../shared/errors.js';

// ---------------------------------------------------------------------------------------------
// Events (VideoSDK's "Webhooks List"; fields as documented, not checked beyond webhookType)
// ---------------------------------------------------------------------------------------------

/** Every event of a meeting session carries these. */
export interface WebhookSessionData {
  /** The room (meeting) id, e.g. `jvsg-8rjn-j304`. */
  meetingId: string;
  sessionId: string;
}

export interface WebhookParticipantData extends WebhookSessionData {
  participantId: string;
  participantName?: string;
}

export interface WebhookFileDetail {
  filePath: string;
  fileUrl: string;
}

/** One event type and its data. */
export interface WebhookEventOf<T extends string, D> {
  /** The event type. VideoSDK's server SDK docs call it `type`; either is accepted, `webhookType` is always set. */
  webhookType: T;
  data: D;
}

export type ParticipantJoinedEvent = WebhookEventOf<'participant-joined', WebhookParticipantData>;
export type ParticipantLeftEvent = WebhookEventOf<'participant-left', WebhookParticipantData>;
/** `start`: ISO-8601. */
export type SessionStartedEvent = WebhookEventOf<'session-started', WebhookSessionData & { start: string }>;
/** `start`, `end`: ISO-8601. */
export type SessionEndedEvent = WebhookEventOf<'session-ended', WebhookSessionData & { start: string; end: string }>;

export type RecordingStartingEvent = WebhookEventOf<'recording-starting', WebhookSessionData>;
export type RecordingStartedEvent = WebhookEventOf<'recording-started', WebhookSessionData>;
export type RecordingStoppingEvent = WebhookEventOf<'recording-stopping', WebhookSessionData>;
/** The recording's file: `filePath` and `fileUrl` (older docs show `fileId`). */
export type RecordingStoppedEvent = WebhookEventOf<
  'recording-stopped',
  WebhookSessionData & { filePath?: string; fileUrl?: string; fileId?: string }
>;
export type RecordingFailedEvent = WebhookEventOf<'recording-failed', WebhookSessionData>;

/** `kind`: the track, e.g. `audio` or `video`. */
export type WebhookTrackData = WebhookSessionData & { participantId: string; kind: string };
export type ParticipantTrackRecordingStartingEvent = WebhookEventOf<'participant-track-recording-starting', WebhookTrackData>;
export type ParticipantTrackRecordingStartedEvent = WebhookEventOf<'participant-track-recording-started', WebhookTrackData>;
export type ParticipantTrackRecordingStoppingEvent = WebhookEventOf<'participant-track-recording-stopping', WebhookTrackData>;
export type ParticipantTrackRecordingStoppedEvent = WebhookEventOf<
  'participant-track-recording-stopped',
  WebhookTrackData & { fileDetails: WebhookFileDetail[] }
>;
export type ParticipantTrackRecordingFailedEvent = WebhookEventOf<'participant-track-recording-failed', WebhookTrackData>;

/** `fileFormat`: e.g. `webm`. */
export type WebhookParticipantRecordingData = WebhookSessionData & { participantId: string; fileFormat?: string };
export type ParticipantRecordingStartingEvent = WebhookEventOf<'participant-recording-starting', WebhookParticipantRecordingData>;
export type ParticipantRecordingStartedEvent = WebhookEventOf<'participant-recording-started', WebhookParticipantRecordingData>;
export type ParticipantRecordingStoppingEvent = WebhookEventOf<'participant-recording-stopping', WebhookParticipantRecordingData>;
export type ParticipantRecordingStoppedEvent = WebhookEventOf<
  'participant-recording-stopped',
  WebhookParticipantRecordingData & { fileDetails: WebhookFileDetail[] }
>;
export type ParticipantRecordingFailedEvent = WebhookEventOf<'participant-recording-failed', WebhookParticipantRecordingData>;

export type MergeRecordingCompletedEvent = WebhookEventOf<'merge-recording-completed', WebhookSessionData & { id: string }>;
export type MergeRecordingFailedEvent = WebhookEventOf<'merge-recording-failed', WebhookSessionData & { id: string; message?: string }>;

/** `type`: `realtime` or `post` transcription. */
export type WebhookTranscriptionData = WebhookSessionData & { id: string; type: 'realtime' | 'post' | (string & {}) };
export type TranscriptionStartedEvent = WebhookEventOf<'transcription-started', WebhookTranscriptionData>;
export type TranscriptionStoppedEvent = WebhookEventOf<'transcription-stopped', WebhookTranscriptionData>;
export type TranscriptionFailedEvent = WebhookEventOf<'transcription-failed', WebhookTranscriptionData>;

export type LivestreamStartingEvent = WebhookEventOf<'livestream-starting', WebhookSessionData>;
export type LivestreamStartedEvent = WebhookEventOf<'livestream-started', WebhookSessionData>;
export type LivestreamStoppingEvent = WebhookEventOf<'livestream-stopping', WebhookSessionData>;
export type LivestreamStoppedEvent = WebhookEventOf<'livestream-stopped', WebhookSessionData>;
export type LivestreamFailedEvent = WebhookEventOf<'livestream-failed', WebhookSessionData>;

/** `playbackHlsUrl`: live HLS with playback; `livestreamUrl`: live only; `downstreamUrl`: deprecated. */
export type WebhookHlsData = WebhookSessionData & { playbackHlsUrl?: string; livestreamUrl?: string; downstreamUrl?: string };
export type HlsStartingEvent = WebhookEventOf<'hls-starting', WebhookSessionData>;
export type HlsStartedEvent = WebhookEventOf<'hls-started', WebhookHlsData>;
export type HlsPlayableEvent = WebhookEventOf<'hls-playable', WebhookHlsData>;
export type HlsStoppingEvent = WebhookEventOf<'hls-stopping', WebhookSessionData>;
export type HlsStoppedEvent = WebhookEventOf<'hls-stopped', WebhookSessionData>;
export type HlsFailedEvent = WebhookEventOf<'hls-failed', WebhookSessionData>;

/** `type`: what the resource is for, e.g. `recording`. */
export type ResourceAcquiredEvent = WebhookEventOf<'resource-acquired', { id: string; type: string }>;

export type WebhookAiDeploymentData = { sessionId: string };
export type AiDeploymentSessionStartingEvent = WebhookEventOf<'ai-deployment-session-starting', WebhookAiDeploymentData>;
export type AiDeploymentSessionStartedEvent = WebhookEventOf<'ai-deployment-session-started', WebhookAiDeploymentData>;
export type AiDeploymentSessionStoppingEvent = WebhookEventOf<'ai-deployment-session-stopping', WebhookAiDeploymentData>;
export type AiDeploymentSessionStoppedEvent = WebhookEventOf<'ai-deployment-session-stopped', WebhookAiDeploymentData>;
export type AiDeploymentSessionFailedEvent = WebhookEventOf<'ai-deployment-session-failed', WebhookAiDeploymentData>;

/** Named by VideoSDK's server SDK; their payload is not documented. */
export type WebhookAgentSessionData = { readonly [key: string]: unknown };
export type AgentSessionStartingEvent = WebhookEventOf<'agent-session-starting', WebhookAgentSessionData>;
export type AgentSessionStartedEvent = WebhookEventOf<'agent-session-started', WebhookAgentSessionData>;
export type AgentSessionStoppingEvent = WebhookEventOf<'agent-session-stopping', WebhookAgentSessionData>;
export type AgentSessionStoppedEvent = WebhookEventOf<'agent-session-stopped', WebhookAgentSessionData>;
export type AgentSessionFailedEvent = WebhookEventOf<'agent-session-failed', WebhookAgentSessionData>;

export type KnownWebhookEvent =
  | ParticipantJoinedEvent | ParticipantLeftEvent | SessionStartedEvent | SessionEndedEvent
  | RecordingStartingEvent | RecordingStartedEvent | RecordingStoppingEvent | RecordingStoppedEvent | RecordingFailedEvent
  | ParticipantTrackRecordingStartingEvent | ParticipantTrackRecordingStartedEvent | ParticipantTrackRecordingStoppingEvent
  | ParticipantTrackRecordingStoppedEvent | ParticipantTrackRecordingFailedEvent
  | ParticipantRecordingStartingEvent | ParticipantRecordingStartedEvent | ParticipantRecordingStoppingEvent
  | ParticipantRecordingStoppedEvent | ParticipantRecordingFailedEvent
  | MergeRecordingCompletedEvent | MergeRecordingFailedEvent
  | TranscriptionStartedEvent | TranscriptionStoppedEvent | TranscriptionFailedEvent
  | LivestreamStartingEvent | LivestreamStartedEvent | LivestreamStoppingEvent | LivestreamStoppedEvent | LivestreamFailedEvent
  | HlsStartingEvent | HlsStartedEvent | HlsPlayableEvent | HlsStoppingEvent | HlsStoppedEvent | HlsFailedEvent
  | ResourceAcquiredEvent
  | AiDeploymentSessionStartingEvent | AiDeploymentSessionStartedEvent | AiDeploymentSessionStoppingEvent
  | AiDeploymentSessionStoppedEvent | AiDeploymentSessionFailedEvent
  | AgentSessionStartingEvent | AgentSessionStartedEvent | AgentSessionStoppingEvent | AgentSessionStoppedEvent
  | AgentSessionFailedEvent;

/** Every event type this version knows. */
export type WebhookType = KnownWebhookEvent['webhookType'];

/**
 * An event of a type this version does not know: passed through as VideoSDK sent it.
 * Its `data` is typed `never` so that comparing `webhookType` with a known type still narrows
 * `data` precisely; read an unknown event's data through a cast, e.g.
 * `(event as { data: Record<string, unknown> }).data`.
 * `webhookType` is a plain `string` here on purpose: TypeScript narrows a union on a literal
 * only when its catch-all member is `string` itself; `string & {}` (which would keep the known
 * names in editor completion) or a branded string leaves `data` un-narrowed in every branch.
 */
export interface UnknownWebhookEvent {
  webhookType: string;
  data: never;
  readonly [key: string]: unknown;
}

/** What {@link verifyWebhook} returns: switch on `webhookType` to narrow `data`. */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------


/**
 * A key: PEM of either flavour (`-----BEGIN PUBLIC KEY-----` SPKI or `-----BEGIN RSA PUBLIC KEY-----`
 * PKCS#1; line breaks may be written `\n`, as environment variables often hold them) or the
 * bare base64 of its DER. RSA, at least 2048 bits.
 */
export type WebhookPublicKey = string;

/** Verify with keys you hold (pinned): no network. */
export interface PinnedKeyOptions {
  /** VideoSDK's key, or several during a rotation (any one may match). */
  publicKey: WebhookPublicKey | readonly WebhookPublicKey[];
  fetchPublicKey?: false;
}

/** Verify with VideoSDK's key fetched from `GET {apiBase}/v2/public/rsa-public-key`, cached. */
export interface FetchedKeyOptions {
  fetchPublicKey: true;
  publicKey?: undefined;
  /**
   * Default `https://api.videosdk.live`. https only (http on localhost, 127.0.0.0/8 or [::1]);
   * anything else is INVALID_OPTIONS. The key is never fetched through a redirect.
   */
  apiBase?: string;
  /**
   * The fetch to use (default: the global fetch). Keys are cached per `apiBase`, whatever fetch
   * function asks; a base is asked at most once a minute, failed requests included.
   */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /**
   * How long a fetched key is used before it is fetched again. Default 3600; under 60 acts as 60.
   * A signature that fails against the cached key fetches it again at once (rotation), at most
   * once a minute.
   */
  keyCacheSeconds?: number;
  /** Clock override for the cache: seconds since 1970, or a Date. */
  now?: number | Date;
}

export type VerifyWebhookOptions = PinnedKeyOptions | FetchedKeyOptions;

/**
 * Verifies a webhook's `videosdk-signature` over its raw body and returns the event.
 * @param body The raw body exactly as received: `await request.text()` or `await request.arrayBuffer()`, never a parsed object.
 * @param signature The `videosdk-signature` header's value; null, undefined or '' count as missing.
 * @example
 * const event = await verifyWebhook(await request.arrayBuffer(), request.headers.get('videosdk-signature'), {
 *   publicKey: env.VIDEOSDK_WEBHOOK_PUBLIC_KEY,
 * });
 * if (event.webhookType === 'recording-stopped') console.log(event.data.fileUrl);
 * @throws {WebhookError} SIGNATURE_MISSING, SIGNATURE_INVALID, KEY_INVALID, KEY_FETCH_FAILED or BODY_INVALID.
 * @throws {WebhookError} INVALID_OPTIONS (with `field`) for a body that is not raw bytes or text, or malformed options.
 */
export function verifyWebhook(
  body: string | Uint8Array | ArrayBuffer,
  signature: string | null | undefined,
  options: VerifyWebhookOptions,
): Promise<WebhookEvent>;

// ---------------------------------------------------------------------------------------------
// The endpoint
// ---------------------------------------------------------------------------------------------

export interface WebhookContext {
  /** The request (its body has been read). */
  request: Request;
  /**
   * Hex SHA-256 of the raw body: a stable key to drop duplicates with. VideoSDK sends no event id
   * or timestamp, so a replayed webhook cannot be told from the first by time.
   */
  digest: string;
}

/**
 * Where `dedupe` keeps the digests it has seen: Workers KV's interface, so a KV namespace binding
 * (`env.WEBHOOKS_SEEN`) is a store as it is. `denoKvStore` and `memoryStore`
 * (videosdk-token/stores) add the atomic `putIfAbsent`.
 */
export interface DedupeStore {
  /** The value under `key`, or null when there is none (or it has expired). */
  get(key: string): Promise<string | null>;
  /** Writes `value` under `key`, to expire after `expirationTtl` seconds (at least 60). */
  put(key: string, value: string, options: { expirationTtl: number }): Promise<unknown>;
  delete(key: string): Promise<unknown>;
  /**
   * Writes `value` under `key` only if no live value is there, in one atomic step; true when it
   * wrote. A store that has it is exactly-once: of two deliveries at once, one runs `onEvent`.
   * Without it (Workers KV), a duplicate that arrives while the first is processed, or before
   * its mark has reached the duplicate's location, is processed again.
   */
  putIfAbsent?(key: string, value: string, options: { expirationTtl: number }): Promise<boolean>;
}

/** `handleWebhookRequest`'s `dedupe`: drop redeliveries of a body already handled. */
export interface WebhookDedupe {
  store: DedupeStore;
  /**
   * How long a handled body is remembered, in whole seconds: default 86400 (a day), at least 60
   * (Workers KV's shortest `expirationTtl`). Passed to the store as `expirationTtl`.
   */
  ttl?: number;
}

export type WebhookEndpointOptions = VerifyWebhookOptions & {
  /** Called once per verified webhook; the answer is 200 after its promise resolves, 500 if it throws. */
  onEvent: (event: WebhookEvent, context: WebhookContext) => unknown;
  /** Largest body accepted, in bytes. Default 1 MiB (1048576); more is a 413. */
  maxBodyBytes?: number;
  /**
   * Skip bodies already handled: a digest in `store` (within `ttl`) answers 200
   * `{"received":true,"duplicate":true}` without calling `onEvent`. A body is marked once `onEvent`
   * resolved; one whose `onEvent` threw is not, so VideoSDK's retry is processed. A store that
   * fails before `onEvent` answers 500 (the sender may retry).
   */
  dedupe?: WebhookDedupe;
};

/** The 200 answer's JSON body: `duplicate` when `dedupe` had seen the body. */
export interface WebhookEndpointReceived {
  received: true;
  duplicate?: true;
}

/** The JSON body of every answer but the 200 (`{ "received": true }`). */
export interface WebhookEndpointError {
  error: {
    code:
      | 'SIGNATURE_MISSING' | 'BODY_INVALID' // 400
      | 'SIGNATURE_INVALID' // 401
      | 'METHOD_NOT_ALLOWED' // 405
      | 'PAYLOAD_TOO_LARGE' // 413
      | 'SERVER_ERROR' // 500: configuration, onEvent threw or the dedupe store failed (the sender may retry)
      | 'KEY_FETCH_FAILED'; // 503: the sender may retry
    message: string;
  };
}

/**
 * Receives VideoSDK webhooks on web-standard Request/Response: POST only; the body is read up to
 * `maxBodyBytes`, verified, parsed, and handed to `onEvent`. Answers 200 `{"received":true}`,
 * or a {@link WebhookEndpointError}: 400, 401, 405, 413, 500, 503. Never rejects; logs nothing.
 * @example
 * export default {
 *   fetch: (request, env) => handleWebhookRequest(request, {
 *     publicKey: env.VIDEOSDK_WEBHOOK_PUBLIC_KEY,
 *     onEvent: async (event, { digest }) => {
 *       if (event.webhookType === 'recording-stopped') await saveRecording(event.data.fileUrl, digest);
 *     },
 *   }),
 * };
 */
export function handleWebhookRequest(request: Request, options: WebhookEndpointOptions): Promise<Response>;
