// The code under test: a token endpoint, a webhook handler and a call to VideoSDK's REST API,
// as one fetch handler (a Worker's, Deno.serve's, Bun.serve's or a Node adapter's). Tests hand it
// the stand-in's fetch and apiBase; production passes neither.
import { handleTokenRequest, handleWebhookRequest, VideoSDKClient } from 'videosdk-token';

export function createApp(env, { fetch = globalThis.fetch, onEvent = () => {} } = {}) {
  const apiBase = env.VIDEOSDK_API_BASE ?? 'https://api.videosdk.live';
  const videosdk = new VideoSDKClient({ apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET, apiBase, fetch });
  return {
    async fetch(request) {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/token') {
        return handleTokenRequest(request, {
          apiKey: env.VIDEOSDK_API_KEY,
          secret: env.VIDEOSDK_SECRET,
          authorize: (req) => req.headers.get('authorization') === `Bearer ${env.APP_BEARER}`,
        });
      }
      if (pathname === '/webhooks/videosdk') {
        return handleWebhookRequest(request, { fetchPublicKey: true, apiBase, fetch, onEvent });
      }
      if (pathname === '/api/recordings' && request.method === 'POST') {
        const { roomId } = await request.json();
        return Response.json(await videosdk.recordings.start({ roomId }));
      }
      return new Response('not found', { status: 404 });
    },
  };
}
