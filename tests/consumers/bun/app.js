// A Bun program that signs a token and checks it: built by tests/consumers/bun.mjs with
// `bun build --target=bun` and `bun build --compile`, then run away from node_modules.
import { signToken, verifyToken } from 'videosdk-token';

const secret = process.env.VIDEOSDK_SECRET;
const token = signToken({ apiKey: 'bun-consumer', secret, permissions: ['allow_join'], roomId: 'bun-room' });
verifyToken(token, secret, { apiKey: 'bun-consumer', roomId: 'bun-room' });
console.log(token);
