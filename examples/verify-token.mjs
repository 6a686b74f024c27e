// Verifies a token from stdin (a raw token or the endpoint's JSON answer) with the DEV-ONLY
// secret in .dev.vars:  curl -s 'http://127.0.0.1:8787/api/token?roomId=demo-room' | node examples/verify-token.mjs
import { readFileSync } from 'node:fs';
import { verifyToken } from 'videosdk-token';
import { readDevVars } from './dev-vars-read.mjs';

const input = readFileSync(0, 'utf8').trim();
const token = input.startsWith('{') ? JSON.parse(input).token : input;
const { VIDEOSDK_API_KEY: apiKey, VIDEOSDK_SECRET: secret } = readDevVars();
try {
  const claims = verifyToken(token, secret, { apiKey });
  console.log(`verifyToken: valid until ${new Date(claims.exp * 1000).toISOString()}`);
  console.log(JSON.stringify(claims, null, 2));
} catch (error) {
  console.log(`verifyToken refused it: ${error.code}: ${error.reason}`);
  process.exitCode = 1;
}
