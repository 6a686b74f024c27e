// A Deno server (Deno Deploy or `deno run`) serving VideoSDK tokens at /api/token for your own
// front end (handler.js, which the Supabase and Netlify examples share), creating and validating
// rooms at /api/rooms (examples/shared/rooms.js), and receiving VideoSDK's webhooks at
// /webhooks/videosdk. Secrets come from the environment: Deno.env.get, set in Deno Deploy's
// settings. VIDEOSDK_API_BASE, if set, replaces https://api.videosdk.live.
import { handleWebhookRequest, VideoSDKClient } from 'videosdk-token';
import { handleRoomRequest } from '../shared/rooms.js';
import { bearerAuthorizer, createTokenHandler } from './handler.js';

const env = (name) => Deno.env.get(name);
const tokens = createTokenHandler({ env });
// The same check as the token route's; replace it with your own (handler.js).
const authorize = bearerAuthorizer(env);
// VideoSDK's webhook key, pinned (its PEM) or, when unset, fetched from VideoSDK's API and cached.
const webhookKey = env('VIDEOSDK_WEBHOOK_PUBLIC_KEY');
const webhooks = {
  ...(webhookKey ? { publicKey: webhookKey } : { fetchPublicKey: true }),
  // Replace with your own handling. To drop a webhook delivered twice, add
  // `dedupe: { store: denoKvStore(await Deno.openKv()) }` (videosdk-token/stores; --unstable-kv locally).
  onEvent: (event, { digest }) => console.log(`webhook ${event.webhookType} (${digest.slice(0, 12)})`),
};
// Made on the first room request, then reused: its management token serves many requests.
let videosdk;

Deno.serve({ port: Number(env('PORT') ?? 8000) }, (request) => {
  const { pathname } = new URL(request.url);
  if (pathname === '/webhooks/videosdk') return handleWebhookRequest(request, webhooks);
  if (pathname === '/api/rooms' || pathname.startsWith('/api/rooms/')) {
    videosdk ??= new VideoSDKClient({
      apiKey: env('VIDEOSDK_API_KEY'), secret: env('VIDEOSDK_SECRET'), apiBase: env('VIDEOSDK_API_BASE') || undefined,
    });
    return handleRoomRequest(request, { videosdk, authorize });
  }
  return tokens(request);
});
