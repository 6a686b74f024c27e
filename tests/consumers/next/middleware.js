// Edge middleware that verifies the caller's VideoSDK token before anything under /api/verified
// runs: 401 with the error's code when it does not verify, the claims when it does.
import { verifyToken, VideoSDKError } from 'videosdk-token';

export const config = { matcher: '/api/verified/:path*' };

export function middleware(request) {
  const header = request.headers.get('authorization') ?? '';
  try {
    const claims = verifyToken(header.replace(/^Bearer /, ''), process.env.VIDEOSDK_SECRET, {
      apiKey: process.env.VIDEOSDK_API_KEY,
    });
    return Response.json({ claims, runtime: 'middleware' });
  } catch (error) {
    if (!(error instanceof VideoSDKError)) throw error;
    return Response.json({ error: { code: error.code } }, { status: 401 });
  }
}
