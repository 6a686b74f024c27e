// Cold start in workerd: jose making the same token (benches/workerd/cold.mjs).
import { SignJWT } from 'jose';

const SECRET = 'b3b0b4a5c5d2e8f1a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5';

export default {
  async fetch() {
    const token = await new SignJWT({ apikey: 'k', permissions: ['allow_join'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('120m')
      .sign(new TextEncoder().encode(SECRET));
    return new Response(token);
  },
};
