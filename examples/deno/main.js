// A Deno server (Deno Deploy or `deno run`) serving VideoSDK tokens at /api/token for your own
// front end (handler.js, which the Supabase and Netlify examples share), creating and validating
// rooms at /api/rooms (handleRoomRequest: the page never holds a REST token), and receiving
// VideoSDK's webhooks at /webhooks/videosdk. Secrets come from the environment: Deno.env.get,
// set in Deno Deploy's settings. VIDEOSDK_API_BASE, if set, replaces https://api.videosdk.live.
import { handleRoomRequest, handleWebhookRequest } from 'videosdk-token';
import { bearerAuthorizer, tokenRoute } from './handler.js';

const env = (name) => Deno.env.get(name);
const tokens = tokenRoute({ env });
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
// The room endpoint's config, made once: its API client (and the client's management token)
// serves every request. Every action but these two is off until listed (hls.playback,
// agent.dispatch with `agents`, recording.start, recording.stop).
const rooms = {
  apiKey: env('VIDEOSDK_API_KEY'),
  secret: env('VIDEOSDK_SECRET'),
  apiBase: env('VIDEOSDK_API_BASE') || undefined,
  actions: ['room.create', 'room.validate'],
  authorize, // only `true` allows
  // What the server decides for every room; a page may only name it (customRoomId).
  createRoom: { autoCloseConfig: { type: 'session-ends' } },
  cors: (env('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean),
};

Deno.serve({ port: Number(env('PORT') ?? 8000) }, (request) => {
  const { pathname } = new URL(request.url);
  if (pathname === '/webhooks/videosdk') return handleWebhookRequest(request, webhooks);
  if (pathname === '/api/rooms' || pathname.startsWith('/api/rooms/')) return handleRoomRequest(request, rooms);
  return tokens(request);
});
