// videosdk-token/testing's types, compiled by `make types-test` against the packed package. Each
// expected error below fails the build if its line compiles.
import { handleWebhookRequest, VideoSDKClient, verifyWebhook } from 'videosdk-token';
import {
  createStandIn, createWebhookSigner,
  type StandIn, type StandInFault, type StandInRequest, type StandInState, type WebhookSigner,
} from 'videosdk-token/testing';

const signer: WebhookSigner = await createWebhookSigner();
const s: StandIn = createStandIn({ apiKey: 'k', secret: 's', now: new Date(), webhookSigner: signer });
createStandIn({ apiKey: 'k', secret: 's', now: 1_700_000_000, control: true });
// @ts-expect-error: the secret is required
createStandIn({ apiKey: 'k' });
// @ts-expect-error: no such option
createStandIn({ apiKey: 'k', secret: 's', apikey: 'k' });

const client = new VideoSDKClient({ apiKey: 'k', secret: 's', apiBase: s.apiBase, fetch: s.fetch });
void client;
await verifyWebhook('{}', 'sig', { fetchPublicKey: true, apiBase: s.apiBase, fetch: s.fetch });
const served: Promise<Response> = s.handle(new Request('http://127.0.0.1/v2/rooms'));
void served;

const faults: StandInFault[] = [
  { retryAfter: 7 }, { status: 503, times: 2, path: '/v2/rooms', method: 'GET' }, { delayMs: Infinity },
  { cut: true, after: true }, { status: 502, body: '<html>' }, { retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT', enforceRetryAfter: true },
];
const pending: number = s.fail(...faults);
void pending;
// @ts-expect-error: a misspelt fault option
s.fail({ stauts: 500 });
// @ts-expect-error: retryAfter is seconds or the header's text
s.fail({ retryAfter: true });

const sessionId: string = s.startSession('room-1', [{ participantId: 'ana', name: 'Ana' }, { participantId: 'ben' }]);
void sessionId;
// @ts-expect-error: participants need a participantId
s.startSession('room-1', [{ name: 'Ana' }]);
s.reset();

const state: StandInState = JSON.parse(JSON.stringify(s.state));
const rooms: string[] = state.rooms.map((room) => room.roomId);
void rooms;
const log: readonly StandInRequest[] = s.requests;
const first = log[0];
if (first && first.auth && 'refused' in first.auth) {
  const why: string = first.auth.refused;
  void why;
}

const body: string = signer.event('recording-stopped', { meetingId: 'room-1' });
// @ts-expect-error: only the event types the package names
signer.event('no-such-event');
const signature: Promise<string> = signer.sign(new TextEncoder().encode(body));
void signature;
const request: Request = await signer.request(body, { url: 'https://app.example/hook' });
await handleWebhookRequest(request, { publicKey: signer.publicKey, onEvent: () => {} });
// @ts-expect-error: the body is text or bytes, not an object
await signer.request({ webhookType: 'session-started' });
