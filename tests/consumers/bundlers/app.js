// The app each bundler builds (tests/consumers/bundlers.mjs): signs and decodes a token with the
// package as imported by name, and leaves the result where the runner reads it.
import { decodeToken, signToken } from 'videosdk-token';

// A test-only secret, shared with the runner, which verifies the token.
const secret = 'bundler-consumer-test-secret-'.padEnd(64, '0');
const token = signToken({ apiKey: 'bundled', secret, permissions: ['allow_join'], roomId: 'bundled-room' });
const result = { token, roomId: decodeToken(token).payload.roomId };
globalThis.__result = result;
if (globalThis.process?.versions?.node) console.log(JSON.stringify(result));
