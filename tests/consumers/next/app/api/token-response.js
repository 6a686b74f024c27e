// What both token routes answer: a token for the requested room, signed with the `videosdk-token`
// entry that the importing route's runtime resolves (edge-light in the Edge route, node in the
// Node route), and the runtime the route declares. Not a route: Next.js routes only route.js files.
import { signToken } from 'videosdk-token';

export function tokenResponse(request, runtime) {
  const roomId = new URL(request.url).searchParams.get('roomId') ?? undefined;
  const token = signToken({
    apiKey: process.env.VIDEOSDK_API_KEY,
    secret: process.env.VIDEOSDK_SECRET,
    permissions: ['allow_join'],
    roomId,
    expiresIn: '10m',
  });
  return Response.json({ token, runtime });
}
