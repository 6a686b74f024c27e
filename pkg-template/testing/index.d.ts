// videosdk-token/testing: an offline VideoSDK for tests (the stand-in of its REST API and a webhook signer).
import type { WebhookType } from '../webhooks/index.js';

export type { WebhookType };

/** What the stand-in logged of one request: never the token itself. */
export interface StandInRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The body as JSON when it parses, else its text; undefined when empty. */
  body: unknown;
  contentType?: string;
  /** The token's claims (`token` is an ordinal per distinct token), or why it was refused. Absent on the key route. */
  auth?: { token: number; iat: number; exp: number; permissions?: string[]; roles?: string[]; version?: number } | { refused: string };
  /** The status answered (a fault's when one answered). */
  status?: number;
  /** `'stall'`: the request was aborted during a `delayMs` stall; `'cut'`: the answer was cut. */
  fault?: 'stall' | 'cut';
  /** The answer was injected by fail(). */
  injected?: true;
  /** A retry came before an enforced Retry-After and was refused. */
  tooEarly?: true;
}

/** The in-memory account as plain JSON data. */
export interface StandInState {
  rooms: Array<Record<string, unknown> & { roomId: string; customRoomId?: string; disabled: boolean }>;
  sessions: Array<Record<string, unknown> & {
    id: string; roomId: string; status: 'ongoing' | 'ended';
    participants: Array<{ participantId: string; name: string; timelog: Array<{ start: string; end: string | null }> }>;
  }>;
  recordings: Array<Record<string, unknown>>;
  participantRecordings: Array<Record<string, unknown>>;
  trackRecordings: Array<Record<string, unknown>>;
  hls: Array<Record<string, unknown>>;
  livestreams: Array<Record<string, unknown>>;
  transcriptions: Array<Record<string, unknown>>;
  dispatches: Array<Record<string, unknown>>;
}

/** A fault for the next `times` matching requests. */
export interface StandInFault {
  /** How many matching requests it applies to. Default 1. */
  times?: number;
  /** The status answered. Default 429 with `retryAfter`, 200 with `cut`, else 500. */
  status?: number;
  /** The Retry-After header: seconds, or its text (an HTTP date). */
  retryAfter?: number | string;
  /** Only requests whose path starts with this. */
  path?: string;
  /** Only requests with this method. */
  method?: string;
  /** A stall before the answer, in ms (`Infinity`: until the request is aborted). Alone, the stand-in's own answer comes late. */
  delayMs?: number;
  /** The answer's headers and part of its body, then the connection fails. */
  cut?: boolean;
  /** The answer's body: a string as is (any text, not JSON), anything else as JSON. Default `{ message }`. */
  body?: unknown;
  /** The request takes effect first, then the injected answer replaces the stand-in's (a lost answer). */
  after?: boolean;
  /** With a numeric `retryAfter`: a retry that comes sooner is refused with another 429. */
  enforceRetryAfter?: boolean;
}

export interface StandInParticipant {
  participantId: string;
  name?: string;
}

export interface StandIn {
  /** A `fetch` for VideoSDKClient's (and handleRoomRequest's) `fetch` option: answers `apiBase` and https://api.videosdk.live. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** The handler itself, for a stand-in served on a port (Deno.serve, Bun.serve, a Worker's fetch). */
  handle(request: Request): Promise<Response>;
  /** This stand-in's own origin, e.g. `https://stand-in-1.videosdk.invalid`: pass it as `apiBase`. */
  readonly apiBase: string;
  readonly state: StandInState;
  readonly requests: readonly StandInRequest[];
  /** Injects faults for the next matching requests; returns how many are pending. */
  fail(...faults: Array<StandInFault | StandInFault[]>): number;
  /** A running session in `roomId` (the room made when unknown) with these participants in: its id. */
  startSession(roomId: string, participants?: ReadonlyArray<StandInParticipant | string>): string;
  /** An empty account, no requests, no faults. */
  reset(): void;
  /** Rooms (`customPrefix`-1, -2, …) and sessions, made at once: their ids. */
  seed(spec?: {
    rooms?: number; customPrefix?: string;
    sessions?: Array<{ roomId: string; status?: 'ongoing' | 'ended'; participants?: ReadonlyArray<StandInParticipant | string> }>;
  }): { rooms: string[]; sessions: string[] };
}

export interface StandInOptions {
  apiKey: string;
  secret: string;
  /** The time tokens are checked at: seconds since 1970 or a Date. Default: the clock. */
  now?: number | Date;
  /** Its public key is served at GET /v2/public/rsa-public-key. */
  webhookSigner?: WebhookSigner;
  /** Serve /__stand-in/{reset,faults,seed,log,state} on its origin, for tests that reach it over HTTP. */
  control?: boolean;
}

/** A stand-in of VideoSDK's REST API that checks every request as VideoSDK would. */
export function createStandIn(options: StandInOptions): StandIn;

export interface WebhookSigner {
  /** The public key, SPKI PEM: verifyWebhook's `publicKey`. */
  readonly publicKey: string;
  /** The base64 `videosdk-signature` over the exact bytes (a string is signed as UTF-8). */
  sign(body: string | Uint8Array | ArrayBuffer | ArrayBufferView): Promise<string>;
  /** A signed POST carrying `body`, ready for handleWebhookRequest. Default url https://app.example/webhooks/videosdk. */
  request(body: string | Uint8Array | ArrayBuffer | ArrayBufferView, options?: { url?: string }): Promise<Request>;
  /** A body (a JSON string) `{ webhookType, data }` in VideoSDK's shape, sample values overridden by `data`. */
  event(type: WebhookType, data?: Record<string, unknown>): string;
}

/** A signer with a fresh RSA-2048 key pair (WebCrypto). */
export function createWebhookSigner(): Promise<WebhookSigner>;
