// The endpoint the client component's token provider asks (its default url, '/api/token'):
// handleTokenRequest in a Node route.
import { handleTokenRequest } from 'videosdk-token';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request) {
  return handleTokenRequest(request, {
    apiKey: process.env.VIDEOSDK_API_KEY,
    secret: process.env.VIDEOSDK_SECRET,
    // A test app: every caller is the same user. A real app checks its session here.
    authorize: () => ({ participantId: 'next-user' }),
  });
}
