// The same minimal Worker written with jose, for the size comparison.
import { decodeJwt, jwtVerify, SignJWT } from 'jose';

export default {
  async fetch(request, env) {
    const key = new TextEncoder().encode(env.VIDEOSDK_SECRET);
    const token = await new SignJWT({ apikey: env.VIDEOSDK_API_KEY, permissions: ['allow_join'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('120m')
      .sign(key);
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    return Response.json({ token, claims: payload, decoded: decodeJwt(token) });
  },
};
