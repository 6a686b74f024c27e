// An Edge route handler that signs a token (the `edge-light` entry, in the Edge sandbox).
import { signToken } from 'videosdk-token';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

export function GET(request) {
  const roomId = new URL(request.url).searchParams.get('roomId') ?? undefined;
  const token = signToken({
    apiKey: process.env.VIDEOSDK_API_KEY,
    secret: process.env.VIDEOSDK_SECRET,
    permissions: ['allow_join'],
    roomId,
    expiresIn: '10m',
  });
  return Response.json({ token, runtime: 'edge' });
}
