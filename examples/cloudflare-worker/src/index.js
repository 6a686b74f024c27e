// A Cloudflare Worker serving VideoSDK tokens at /api/token for your own front end, creating
// and validating rooms at /api/rooms (handleRoomRequest: the page never holds a REST token), and
// receiving VideoSDK's webhooks at /webhooks/videosdk. Secrets come from the environment:
// `wrangler secret put VIDEOSDK_SECRET` (and VIDEOSDK_API_KEY, TOKEN_ENDPOINT_BEARER) in
// production, .dev.vars locally. VIDEOSDK_API_BASE, if set, replaces https://api.videosdk.live.
import { createTokenHandler, handleRoomRequest, handleWebhookRequest } from 'videosdk-token';

// The room endpoint's config, made once per isolate: its API client (and the client's management
// token) then serves every request, where a config made per request would make a client each time.
let rooms;
// The token endpoint, likewise: createTokenHandler checks its config and keys its signer once, at
// the first request (env arrives with it), and the isolate keeps it. A change to the config takes
// a new isolate (a new deployment, or new secrets).
let tokens;

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === '/webhooks/videosdk') return handleWebhookRequest(request, webhookOptions(env));
    const cors = env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((o) => o.trim()) : [];
    // Replace with your own check (a session cookie, a JWT from your identity provider, …).
    // For /api/token it may return an object that narrows what this caller may ask for, such as
    // { roomId: 'team-room', participantId: user.id }.
    const authorize = (req) => bearerMatches(req, env.TOKEN_ENDPOINT_BEARER);
    if (pathname === '/api/rooms' || pathname.startsWith('/api/rooms/')) {
      rooms ??= {
        apiKey: env.VIDEOSDK_API_KEY,
        secret: env.VIDEOSDK_SECRET,
        apiBase: env.VIDEOSDK_API_BASE || undefined,
        // Every other action (hls.playback, agent.dispatch with `agents`, recording.start/stop)
        // is off until listed here.
        actions: ['room.create', 'room.validate'],
        // Only `true` allows. LOCAL DEVELOPMENT ONLY (`make demo` sets ALLOW_ANONYMOUS): everyone
        // may create and check rooms; never set ALLOW_ANONYMOUS in production.
        authorize: env.ALLOW_ANONYMOUS === 'true' ? () => true : authorize,
        // What the server decides for every room; a page may only name it (customRoomId).
        createRoom: { autoCloseConfig: { type: 'session-ends' } },
        cors,
      };
      return handleRoomRequest(request, rooms);
    }
    if (pathname !== '/api/token') {
      return new Response('Not found: ask /api/token for a VideoSDK token, /api/rooms for a room\n', { status: 404 });
    }
    tokens ??= createTokenHandler({
      apiKey: env.VIDEOSDK_API_KEY,
      secret: env.VIDEOSDK_SECRET,
      authorize,
      allowedPermissions: ['allow_join'],
      // Tokens for meetings only (the default). Add 'crawler', VideoSDK's server-side API role,
      // only if the callers are servers that call VideoSDK's REST API.
      allowedRoles: ['rtc'],
      maxExpiresIn: '2h',
      cors,
      // Local development only (`make demo` sets it with --var); answers are marked as such.
      allowAnonymous: env.ALLOW_ANONYMOUS === 'true',
    });
    return tokens(request);
  },
};

/** Compares `Authorization: Bearer <value>` with the expected value in constant time. */
function bearerMatches(request, expected) {
  const header = request.headers.get('Authorization') ?? '';
  if (!expected || !header.startsWith('Bearer ')) return false;
  const a = new TextEncoder().encode(header.slice(7));
  const b = new TextEncoder().encode(expected);
  // crypto.subtle.timingSafeEqual is a Workers extension; it wants equal lengths.
  return a.byteLength === b.byteLength && crypto.subtle.timingSafeEqual(a, b);
}

/**
 * VideoSDK's webhooks: the signature is checked over the raw body before onEvent runs. The key is
 * pinned in VIDEOSDK_WEBHOOK_PUBLIC_KEY (a var or secret: its PEM, `\n` escapes allowed) or,
 * when that is unset, fetched from VideoSDK's API and cached.
 */
function webhookOptions(env) {
  const key = env.VIDEOSDK_WEBHOOK_PUBLIC_KEY ? { publicKey: env.VIDEOSDK_WEBHOOK_PUBLIC_KEY } : { fetchPublicKey: true };
  return {
    ...key,
    // VideoSDK may deliver a webhook twice: with a KV namespace bound as WEBHOOKS_SEEN
    // (wrangler.toml's [[kv_namespaces]]), a body already handled answers 200 without onEvent.
    ...(env.WEBHOOKS_SEEN ? { dedupe: { store: env.WEBHOOKS_SEEN } } : {}),
    onEvent: async (event, { digest }) => {
      // Replace with your own handling.
      switch (event.webhookType) {
        case 'recording-stopped':
          console.log(`recording ready for meeting ${event.data.meetingId}: ${event.data.fileUrl}`);
          break;
        default:
          console.log(`webhook ${event.webhookType} (${digest.slice(0, 12)})`);
      }
    },
  };
}
