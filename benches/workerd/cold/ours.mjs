// Cold start in workerd: a Worker whose first request makes one token (benches/workerd/cold.mjs).
import { signToken } from 'videosdk-token';

const SECRET = 'b3b0b4a5c5d2e8f1a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5';

export default {
  async fetch() {
    return new Response(signToken({ apiKey: 'k', secret: SECRET, permissions: ['allow_join'] }));
  },
};
