// The minimal Worker whose upload size `make bench` reports: sign, verify and decode.
import { decodeToken, signToken, verifyToken } from 'videosdk-token';

export default {
  async fetch(request, env) {
    const token = signToken({ apiKey: env.VIDEOSDK_API_KEY, secret: env.VIDEOSDK_SECRET, permissions: ['allow_join'] });
    const claims = verifyToken(token, env.VIDEOSDK_SECRET);
    return Response.json({ token, claims, decoded: decodeToken(token) });
  },
};
