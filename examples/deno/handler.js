// The token endpoint itself, shared by every Deno host: main.js (deno run, Deno Deploy), the
// Supabase Edge Function (examples/supabase) and the Netlify Edge Function (examples/netlify-edge)
// import it. Each host passes how it reads its environment and the path it serves.
import { createTokenHandler } from 'videosdk-token';

/**
 * The token route: `path` answered by a handler from createTokenHandler, which checks its config
 * and keys its signer once, here (a missing or weak secret throws now, naming the option), then
 * answers every request as handleTokenRequest would.
 * @param {{ env: (name: string) => string | undefined, path?: string }} host
 * @returns {(request: Request) => Promise<Response> | Response}
 */
export function tokenRoute({ env, path = '/api/token' }) {
  const tokens = createTokenHandler({
    apiKey: env('VIDEOSDK_API_KEY'),
    secret: env('VIDEOSDK_SECRET'),
    // Replace with your own check; it may return an object such as { roomId } to narrow a caller.
    authorize: bearerAuthorizer(env),
    allowedPermissions: ['allow_join'],
    // Tokens for meetings only (the default). Add 'crawler', VideoSDK's server-side API role,
    // only if the callers are servers that call VideoSDK's REST API.
    allowedRoles: ['rtc'],
    maxExpiresIn: '2h',
    cors: (env('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  });

  return (request) => {
    if (new URL(request.url).pathname !== path) {
      return new Response(`Not found: ask ${path} for a VideoSDK token\n`, { status: 404 });
    }
    return tokens(request);
  };
}

/** An authorize() that accepts `Authorization: Bearer <TOKEN_ENDPOINT_BEARER>`. */
export function bearerAuthorizer(env) {
  const bearer = env('TOKEN_ENDPOINT_BEARER');
  return (request) => bearerMatches(request, bearer);
}

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
