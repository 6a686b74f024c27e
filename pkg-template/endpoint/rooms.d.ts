// handleRoomRequest (rooms.js) and its config, the details authorize gets, and its answers.
import type { Secret, Span } from '../token/api.js';
import type { CreateRoomOptions, VideoSDKClient } from '../rest/client.js';
import type { RoomEndpointErrorCode } from '../shared/errors.js';
import type { DenyEvent, EndpointHook, RateLimit } from './limits.js';

export type { RoomEndpointErrorCode } from '../shared/errors.js';

/**
 * What a page may ask the room endpoint to do, each off unless `actions` lists it:
 * - `room.create`: `POST {basePath}` with an optional body `{ customRoomId }` → 201 {@link CreatedRoom};
 * - `room.validate`: `GET {basePath}/{roomId}/validate` → 200 {@link RoomValidity};
 * - `hls.playback`: `GET {basePath}/{roomId}/hls` → 200 {@link HlsPlayback} (404 when none is live);
 * - `agent.dispatch`: `POST {basePath}/{roomId}/agents` with `{ agentId }` → 202 {@link DispatchedAgent};
 * - `recording.start`: `POST {basePath}/{roomId}/recording` → 202 {@link RoomActionAccepted};
 * - `recording.stop`: `DELETE {basePath}/{roomId}/recording` → 202 {@link RoomActionAccepted}.
 */
export type RoomAction = 'room.create' | 'room.validate' | 'hls.playback' | 'agent.dispatch' | 'recording.start' | 'recording.stop';

/** What the request would do, checked before `authorize` sees it (well-formed ids only). */
export interface RoomRequestDetails {
  readonly action: RoomAction;
  /** The room in the path: every action but `room.create`. */
  readonly roomId?: string;
  /** `agent.dispatch`: the agent asked for (not yet checked against `agents`). */
  readonly agentId?: string;
  /** `room.create`: the caller's own name for the room, when it sent one. VideoSDK answers with the existing room of that name if there is one. */
  readonly customRoomId?: string;
}

/**
 * What `rateLimit.key` is told of a request `authorize` let in (a frozen object): the action, the
 * room in the path, and for `agent.dispatch` the agent (by then one of `agents`).
 */
export interface RoomLimitSubject {
  readonly action: RoomAction;
  readonly roomId?: string;
  readonly agentId?: string;
}

/** What `onIssue` sees of an action VideoSDK accepted: never a token, never VideoSDK's answer. */
export interface RoomIssueEvent {
  /** The request (its body has been read). */
  request: Request;
  action: RoomAction;
  /** The room acted on: for `room.create`, the room VideoSDK made. */
  roomId: string;
}

/**
 * Decides who may do what: only `true` allows; anything else is a 403 `FORBIDDEN`. Throwing (or
 * rejecting) answers 500 `SERVER_ERROR`, with no detail. It runs before any VideoSDK call, with
 * the request (its body already read, at most 16 KiB, which it may read again) and the details.
 */
export type RoomAuthorizer = (request: Request, details: RoomRequestDetails) => boolean | null | undefined | Promise<boolean | null | undefined>;

/** The room settings the server decides for every room created (a page sends customRoomId only). */
export type RoomSettings = Omit<CreateRoomOptions, 'customRoomId'>;

/** What every room endpoint configures, whichever way its client is given. */
export interface RoomEndpointSettings {
  /** The actions this endpoint serves: a non-empty list; an action not listed answers 404. */
  actions: readonly [RoomAction, ...RoomAction[]];
  /** Who may do what ({@link RoomAuthorizer}); required, and there is no anonymous mode. */
  authorize: RoomAuthorizer;
  /** The agent ids `agent.dispatch` may use (required with it); any other is a 403 with `field: 'agentId'`. */
  agents?: readonly string[];
  /** Settings every created room gets: `webhook`, `autoCloseConfig`, `autoStartConfig`, `geoFence`, `allowedParticipantIds`. */
  createRoom?: RoomSettings;
  /** Origins allowed to call from a browser (`['https://app.example.com']`), or `'*'`. Default none. */
  cors?: readonly string[] | '*';
  /** Where the routes live. Default `'/api/rooms'`. */
  basePath?: string;
  /**
   * A limit per caller, counted after `authorize` (and the `agents` check) let it in and before
   * any VideoSDK call; over it, 429 `RATE_LIMITED` with `Retry-After`. `key(request, subject)`
   * gets `{ action, roomId, agentId }` ({@link RoomLimitSubject}).
   * @example
   * rateLimit: { key: (req, { action }) => `${action}:${req.headers.get('CF-Connecting-IP') ?? 'unknown'}`, limiter: env.ROOM_LIMITER }
   */
  rateLimit?: RateLimit<RoomLimitSubject>;
  /** Called after each action VideoSDK accepted (every 2xx but a preflight). See {@link EndpointHook}. */
  onIssue?: EndpointHook<RoomIssueEvent>;
  /** Called for every answer of 400 or more. See {@link EndpointHook}. */
  onDeny?: EndpointHook<DenyEvent<RoomEndpointErrorCode>>;
}

/** A room endpoint that makes its own client: one per config object, reused across requests. */
export interface RoomEndpointKeyConfig extends RoomEndpointSettings {
  /** The API key from the VideoSDK dashboard, e.g. `env.VIDEOSDK_API_KEY`. */
  apiKey: string;
  /** The secret: it signs the client's management tokens and is never sent anywhere. */
  secret: Secret;
  /** Default `'https://api.videosdk.live'`. */
  apiBase?: string | URL;
  /** Default `globalThis.fetch`; e.g. a service binding's fetch. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Bound on each attempt at VideoSDK: `'10s'` (default), 1 s to 1 h. */
  timeout?: Span;
  client?: undefined;
}

/** A room endpoint over a client you made (its options are the client's, not the endpoint's). */
export interface RoomEndpointClientConfig extends RoomEndpointSettings {
  client: VideoSDKClient;
  apiKey?: undefined;
  secret?: undefined;
  apiBase?: undefined;
  fetch?: undefined;
  timeout?: undefined;
}

/**
 * The endpoint's config: `actions`, `authorize`, and either `apiKey` and `secret` or a `client`.
 * It is read at the first request that passes this object and kept with it (with the client
 * made from it): build it once, not per request, and make a new object to change it.
 */
export type RoomEndpointConfig = RoomEndpointKeyConfig | RoomEndpointClientConfig;

/** 201, `room.create`. `customRoomId` is null when the room has none. */
export interface CreatedRoom {
  roomId: string;
  customRoomId: string | null;
}

/** 200, `room.validate`: `valid: false` when VideoSDK has no such room, or it is deactivated. */
export interface RoomValidity {
  roomId: string;
  valid: boolean;
}

/** 200, `hls.playback`: the live stream's URLs (`livestreamUrl` null when VideoSDK gives none). */
export interface HlsPlayback {
  roomId: string;
  playbackHlsUrl: string;
  livestreamUrl: string | null;
}

/** 202, `agent.dispatch`. */
export interface DispatchedAgent {
  roomId: string;
  agentId: string;
}

/** 202, `recording.start` and `recording.stop`. */
export interface RoomActionAccepted {
  roomId: string;
}

/** The JSON body of every error answer. */
export interface RoomEndpointError {
  error: {
    code: RoomEndpointErrorCode;
    /** For people. Caller input and VideoSDK's words in it are cut to 40 characters and escaped. */
    message: string;
    /** The input at fault (`roomId`, `customRoomId`, `agentId`, `body`, `query`, a field's name). */
    field?: string;
  };
}

/**
 * Serves a fixed menu of VideoSDK REST actions to your own front end, so that no REST token is
 * ever in a browser: each action off unless `actions` lists it, each request let through by
 * `authorize`, answers carrying only the fields above. VideoSDK's answers are mapped: 404
 * `NOT_FOUND`, 409 `UPSTREAM_REFUSED`, 429 `RATE_LIMITED` with `Retry-After`, 502
 * `UPSTREAM_ERROR`, 500 for a refused key ({@link RoomEndpointError}); over `rateLimit`, 429
 * `RATE_LIMITED` with `Retry-After` too. Rejects only for a bad
 * `config` or `request` (a {@link TokenError} `INVALID_OPTIONS` with `field`, or `WEAK_SECRET`).
 * @example
 * const rooms = { apiKey, secret, actions: ['room.create', 'room.validate'], authorize: (req) => isSignedIn(req) };
 * export default { fetch: (request) => handleRoomRequest(request, rooms) };
 */
export function handleRoomRequest(request: Request, config: RoomEndpointConfig): Promise<Response>;
