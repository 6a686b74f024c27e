// Mints a token with the dev key and secret from .dev.vars, then decodes and verifies it:
// the whole package in a dozen lines. Run by `make demo`.
import { readFileSync } from 'node:fs';
import { decodeToken, signToken, verifyToken } from 'videosdk-token';

const vars = Object.fromEntries(
  readFileSync(new URL('../.dev.vars', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => line.split(/=(.*)/s, 2)),
);
const apiKey = vars.VIDEOSDK_API_KEY;
const secret = vars.VIDEOSDK_SECRET;

const token = signToken({
  apiKey,
  secret,
  permissions: ['allow_join'],
  roomId: 'demo-room',
  participantId: 'demo-user',
  expiresIn: '2h',
});
const { header, payload, expiresAt, warnings } = decodeToken(token);
const claims = verifyToken(token, secret, { apiKey, roomId: 'demo-room' });

console.log('\nA VideoSDK token signed with the DEV-ONLY key in .dev.vars:\n');
console.log(token);
console.log('\nheader: ', JSON.stringify(header));
console.log('payload:', JSON.stringify(payload, null, 2).replace(/\n/g, '\n         '));
console.log(`expires: ${expiresAt.toISOString()} (in ${Math.round((expiresAt - Date.now()) / 60000)} min)`);
console.log(`warnings: ${warnings.length ? warnings.join('; ') : 'none'}`);
console.log(`verifyToken: valid for room ${claims.roomId}, participant ${claims.participantId}\n`);
