// The token endpoint itself, shared by every Deno host: main.js (deno run, Deno Deploy), the
// Supabase Edge Function (examples/supabase) and the Netlify Edge Function (examples/netlify-edge)
// import it. Each host passes how it reads its environment and the path it serves.
import { handleTokenRequest } from 'videosdk-token';

/**
 * @param {{ env: (name: string) => string | undefined, path?: string }} host
 * @returns {(request: Request) => Promise<Response> | Response}
 */
export function createTokenHandler({ env, path = '/api/token' }) {
  const apiKey = env('VIDEOSDK_API_KEY');
  const secret = env('VIDEOSDK_SECRET');
  const bearer = env('TOKEN_ENDPOINT_BEARER');
  const cors = (env('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean);

  return (request) => {
    if (new URL(request.url).pathname !== path) {
      return new Response(`Not found: ask ${path} for a VideoSDK token\n`, { status: 404 });
    }
    return handleTokenRequest(request, {
      apiKey,
      secret,
      // Replace with your own check; return an object such as { roomId } to narrow a caller.
      authorize: (req) => bearerMatches(req, bearer),
      allowedPermissions: ['allow_join'],
      maxExpiresIn: '2h',
      cors,
    });
  };
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
