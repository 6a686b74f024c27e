// The webhook types, compiled by `make types-test` against the packed package: the main entry and
// the wasm-free `videosdk-token/webhooks` entry. Each @ts-expect-error fails the build if its line compiles.
import {
  handleWebhookRequest, verifyWebhook, VideoSDKError, WebhookError,
  type WebhookEndpointError, type WebhookErrorCode, type WebhookEvent, type WebhookType,
} from 'videosdk-token';
import * as entry from 'videosdk-token/webhooks';

declare const env: { VIDEOSDK_WEBHOOK_PUBLIC_KEY: string; OLD_KEY: string };
declare const request: Request;
declare const raw: ArrayBuffer;

const signature = request.headers.get('videosdk-signature');
const pending: Promise<WebhookEvent> = verifyWebhook(raw, signature, { publicKey: env.VIDEOSDK_WEBHOOK_PUBLIC_KEY });
verifyWebhook('{}', undefined, { publicKey: [env.VIDEOSDK_WEBHOOK_PUBLIC_KEY, env.OLD_KEY] });
verifyWebhook(new Uint8Array(0), 'sig', { fetchPublicKey: true });
verifyWebhook(new Uint8Array(0), 'sig', {
  fetchPublicKey: true, apiBase: 'https://api.videosdk.live', keyCacheSeconds: 600, now: new Date(), fetch: globalThis.fetch,
});
// @ts-expect-error: a key or fetchPublicKey is required
verifyWebhook(raw, signature, {});
// @ts-expect-error: a pinned key and fetching exclude each other
verifyWebhook(raw, signature, { publicKey: 'k', fetchPublicKey: true });
// @ts-expect-error: the raw body, not a parsed object
verifyWebhook({ webhookType: 'session-started' }, signature, { publicKey: 'k' });
// @ts-expect-error: the header's value, not the Headers
verifyWebhook(raw, request.headers, { publicKey: 'k' });
// @ts-expect-error: apiBase and friends belong to fetched keys
verifyWebhook(raw, signature, { publicKey: 'k', apiBase: 'https://x' });

async function narrowing(event: WebhookEvent): Promise<string | undefined> {
  switch (event.webhookType) {
    case 'participant-joined':
      return event.data.participantName;
    case 'session-ended': {
      const end: string = event.data.end;
      return end;
    }
    case 'recording-stopped':
      return event.data.fileUrl;
    case 'participant-recording-stopped':
      return event.data.fileDetails[0]?.fileUrl;
    case 'hls-playable':
      return event.data.playbackHlsUrl ?? event.data.livestreamUrl;
    case 'transcription-started':
      return event.data.type;
    case 'session-started':
      // @ts-expect-error: session-started has no end
      return event.data.end;
    default: {
      // Unknown types pass through: the name is a string; their data is read through a cast.
      const name: string = event.webhookType;
      const data = (event as { data: Record<string, unknown> }).data;
      return `${name} ${Object.keys(data).length}`;
    }
  }
}
void narrowing;

// A literal name narrows the event and its data in an `if` as in a `switch`; unknown names pass.
function narrowsByName(event: WebhookEvent): string {
  if (event.webhookType === 'recording-stopped') {
    const url: string | undefined = event.data.fileUrl;
    // @ts-expect-error: a recording-stopped event has no participantId
    void event.data.participantId;
    return url ?? '';
  }
  if (event.webhookType === 'participant-joined') return event.data.participantId;
  return event.webhookType === 'something-newer' ? 'newer' : event.webhookType;
}
void narrowsByName;

const known: WebhookType = 'hls-failed';
// @ts-expect-error: not a documented event type
const unknownType: WebhookType = 'hls-exploded';
void known; void unknownType; void pending;

try {
  await verifyWebhook(raw, signature, { publicKey: 'k' });
} catch (e) {
  if (e instanceof WebhookError) {
    const code: WebhookErrorCode = e.code;
    const status: number | undefined = e.status;
    const base: VideoSDKError = e;
    // @ts-expect-error: not a webhook code
    const bad: WebhookErrorCode = 'EXPIRED';
    void code; void status; void base; void bad;
  }
}

const answer: Promise<Response> = handleWebhookRequest(request, {
  publicKey: env.VIDEOSDK_WEBHOOK_PUBLIC_KEY,
  maxBodyBytes: 64 * 1024,
  onEvent: async (event, { digest, request: req }) => {
    const key: string = digest;
    const url: string = req.url;
    if (event.webhookType === 'participant-left') void event.data.participantId;
    void key; void url;
  },
});
handleWebhookRequest(request, { fetchPublicKey: true, onEvent: () => undefined });
// @ts-expect-error: onEvent is required
handleWebhookRequest(request, { publicKey: 'k' });
const failure = {} as WebhookEndpointError;
const failureCode: 'SIGNATURE_INVALID' | string = failure.error.code;
void answer; void failureCode;

// The wasm-free entry: the same functions and types.
const fromEntry: typeof verifyWebhook = entry.verifyWebhook;
const entryHandler: typeof handleWebhookRequest = entry.handleWebhookRequest;
const entryError: WebhookError = new entry.WebhookError('BODY_INVALID', 'm');
const entryBase: entry.VideoSDKError = entryError;
const entryEvent: entry.WebhookEvent = {} as WebhookEvent;
void fromEntry; void entryHandler; void entryBase; void entryEvent;
