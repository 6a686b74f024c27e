// A Deno server (Deno Deploy or `deno run`) serving VideoSDK tokens at /api/token for your own
// front end, and receiving VideoSDK's webhooks at /webhooks/videosdk. Secrets come from the
// environment: Deno.env.get, set in Deno Deploy's settings.
import { handleTokenRequest, handleWebhookRequest } from 'videosdk-token';

const apiKey = Deno.env.get('VIDEOSDK_API_KEY');
const secret = Deno.env.get('VIDEOSDK_SECRET');
const bearer = Deno.env.get('TOKEN_ENDPOINT_BEARER');
const cors = (Deno.env.get('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean);
// VideoSDK's webhook key, pinned (its PEM) or, when unset, fetched from VideoSDK's API and cached.
const webhookKey = Deno.env.get('VIDEOSDK_WEBHOOK_PUBLIC_KEY');
const webhooks = {
  ...(webhookKey ? { publicKey: webhookKey } : { fetchPublicKey: true }),
  // Replace with your own handling; `digest` (SHA-256 of the body) drops a webhook delivered twice.
  onEvent: (event, { digest }) => console.log(`webhook ${event.webhookType} (${digest.slice(0, 12)})`),
};

Deno.serve({ port: Number(Deno.env.get('PORT') ?? 8000) }, (request) => {
  const { pathname } = new URL(request.url);
  if (pathname === '/webhooks/videosdk') return handleWebhookRequest(request, webhooks);
  if (pathname !== '/api/token') {
    return new Response('Not found: ask /api/token for a VideoSDK token\n', { status: 404 });
  }
  return handleTokenRequest(request, {
    apiKey,
    secret,
    // Replace with your own check; return an object such as { roomId } to narrow a caller.
    authorize: (req) => bearerMatches(req, bearer),
    allowedPermissions: ['allow_join'],
    // Tokens for meetings only (the default). Add 'crawler', VideoSDK's server-side API role,
    // only if the callers are servers that call VideoSDK's REST API.
    allowedRoles: ['rtc'],
    maxExpiresIn: '2h',
    cors,
  });
});

/** Compares `Authorization: Bearer <value>` with the expected value without an early exit. */
function bearerMatches(request, expected) {
  const header = request.headers.get('Authorization') ?? '';
  if (!expected || !header.startsWith('Bearer ')) return false;
  const a = new TextEncoder().encode(header.slice(7));
  const b = new TextEncoder().encode(expected);
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a[i] ^ b[i];
  return diff === 0;
}
