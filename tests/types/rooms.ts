// Compiled by `make types-test` against the packed package: handleRoomRequest's config types need
// `authorize` and a non-empty list of the six action names, and take either a key or a client, and
// the rate limit and hooks of the token endpoint (each @ts-expect-error fails the build if the
// line compiles).
import {
  handleRoomRequest, VideoSDKClient,
  type CreatedRoom, type DenyEvent, type HlsPlayback, type RoomAction, type RoomEndpointConfig, type RoomEndpointError,
  type RoomEndpointErrorCode, type RoomIssueEvent, type RoomLimitSubject, type RoomRequestDetails, type RoomValidity,
} from 'videosdk-token';
import { memoryLimiter } from 'videosdk-token/stores';

const secret = 'x'.repeat(64);
const request = new Request('https://app.example/api/rooms', { method: 'POST' });

const config: RoomEndpointConfig = {
  apiKey: 'k', secret, actions: ['room.create', 'room.validate'],
  authorize: async (req: Request, { action, roomId, agentId, customRoomId }: RoomRequestDetails) =>
    req.headers.has('Authorization') && action !== 'agent.dispatch' && roomId !== '' && agentId === undefined && customRoomId !== 'x',
  agents: ['agent-1'],
  createRoom: { autoCloseConfig: { type: 'session-ends', duration: 30 }, webhook: { endPoint: 'https://hooks.example', events: ['*'] }, geoFence: 'us002' },
  cors: ['https://app.example'], basePath: '/api/rooms', apiBase: 'https://api.videosdk.live', timeout: '5s',
  fetch: (input, init) => fetch(input, init),
};
const answer: Promise<Response> = handleRoomRequest(request, config);
void answer;
const client = new VideoSDKClient({ apiKey: 'k', secret });
handleRoomRequest(request, { client, actions: ['hls.playback'], authorize: () => true });
const all: RoomAction[] = ['room.create', 'room.validate', 'hls.playback', 'agent.dispatch', 'recording.start', 'recording.stop'];
void all;

// @ts-expect-error: authorize is required
handleRoomRequest(request, { apiKey: 'k', secret, actions: ['room.create'] });
// @ts-expect-error: actions is required
handleRoomRequest(request, { apiKey: 'k', secret, authorize: () => true });
// @ts-expect-error: actions must not be empty
handleRoomRequest(request, { apiKey: 'k', secret, actions: [], authorize: () => true });
// @ts-expect-error: not an action
handleRoomRequest(request, { apiKey: 'k', secret, actions: ['room.delete'], authorize: () => true });
// @ts-expect-error: a list of strings is not a list of actions
handleRoomRequest(request, { apiKey: 'k', secret, actions: ['room.create'] as string[], authorize: () => true });
// @ts-expect-error: there is no anonymous mode
handleRoomRequest(request, { apiKey: 'k', secret, actions: ['room.create'], allowAnonymous: true });
// @ts-expect-error: a grant is not an answer: only true allows
handleRoomRequest(request, { apiKey: 'k', secret, actions: ['room.create'], authorize: () => ({ roomId: 'r' }) });
// @ts-expect-error: a client, or a key and secret, not both
handleRoomRequest(request, { client, apiKey: 'k', secret, actions: ['room.create'], authorize: () => true });
// @ts-expect-error: the page names a room; the server's settings cannot
handleRoomRequest(request, { apiKey: 'k', secret, actions: ['room.create'], authorize: () => true, createRoom: { customRoomId: 'x' } });
// @ts-expect-error: a key needs its secret
handleRoomRequest(request, { apiKey: 'k', actions: ['room.create'], authorize: () => true });

// The answers.
const created: CreatedRoom = { roomId: 'abcd-efgh-ijkl', customRoomId: null };
const validity: RoomValidity = { roomId: created.roomId, valid: false };
const playback: HlsPlayback = { roomId: validity.roomId, playbackHlsUrl: 'https://cdn.example/i.m3u8', livestreamUrl: null };
const code: RoomEndpointErrorCode = 'UPSTREAM_REFUSED';
const refused: RoomEndpointError = { error: { code, message: 'VideoSDK refused', field: 'roomId' } };
// @ts-expect-error: not a room endpoint code
const unknownCode: RoomEndpointErrorCode = 'UNAUTHORIZED';
void [playback, refused, unknownCode];

// The rate limit and hooks.
const limited: RoomEndpointErrorCode = 'RATE_LIMITED';
void limited;
handleRoomRequest(request, {
  client, actions: ['agent.dispatch'], agents: ['agent-1'], authorize: () => true,
  rateLimit: {
    key: (req: Request, { action, roomId, agentId }: RoomLimitSubject) => `${action}:${roomId ?? ''}:${agentId ?? ''}:${req.headers.get('CF-Connecting-IP')}`,
    limiter: memoryLimiter({ limit: 10, period: 60 }),
    retryAfter: 30,
  },
  onIssue: (event: RoomIssueEvent) => {
    const room: string = event.roomId;
    const what: RoomAction = event.action;
    void [event.request.url, room, what];
    // @ts-expect-error: hooks never get a token
    void event.token;
  },
  onDeny: ({ status, code }: DenyEvent<RoomEndpointErrorCode>) => {
    const known: boolean = code === 'RATE_LIMITED' || code === 'UPSTREAM_ERROR';
    void [status, known];
  },
});
// Any object with the binding's limit({ key }) is a limiter; the key may be async.
handleRoomRequest(request, {
  client, actions: ['room.create'], authorize: () => true,
  rateLimit: { key: async () => 'all', limiter: { limit: async ({ key }: { key: string }) => ({ success: key !== '' }) } },
});
// @ts-expect-error: key answers a string
handleRoomRequest(request, { client, actions: ['room.create'], authorize: () => true, rateLimit: { key: () => 42, limiter: memoryLimiter({ limit: 1, period: 60 }) } });
// @ts-expect-error: a limiter has limit({ key })
handleRoomRequest(request, { client, actions: ['room.create'], authorize: () => true, rateLimit: { key: () => 'k', limiter: {} } });
// @ts-expect-error: the subject has no customRoomId (a room that does not exist yet is not a key)
handleRoomRequest(request, { client, actions: ['room.create'], authorize: () => true, rateLimit: { key: (_: Request, s: RoomLimitSubject) => s.customRoomId ?? 'k', limiter: memoryLimiter({ limit: 1, period: 60 }) } });
// @ts-expect-error: the room endpoint's events name room actions, not claims
handleRoomRequest(request, { client, actions: ['room.create'], authorize: () => true, onIssue: ({ claims }: RoomIssueEvent) => claims });
// @ts-expect-error: not a room endpoint code
handleRoomRequest(request, { client, actions: ['room.create'], authorize: () => true, onDeny: ({ code }: DenyEvent<RoomEndpointErrorCode>) => code === 'UNAUTHORIZED' });
