// A CommonJS TypeScript project: these imports compile to require(), which loads node.cjs; the
// types must be CommonJS too (index.d.cts), or TypeScript refuses them (TS1479).
import { signToken, verifyToken, TokenError, type TokenErrorCode, type VideoSDKClaims } from 'videosdk-token';
import web = require('videosdk-token/web');

const secret = 'x'.repeat(64);
const token: string = signToken({ apiKey: 'k', secret, permissions: ['allow_join'], roomId: 'r' });
const claims: VideoSDKClaims = verifyToken(token, secret);
try {
  verifyToken(`${token}x`, secret);
} catch (e) {
  if (e instanceof TokenError) {
    const code: TokenErrorCode = e.code;
    void code;
  }
}
const initialized: Promise<unknown> = web.init();
// @ts-expect-error: not a permission
signToken({ apiKey: 'k', secret, permissions: ['allow_everything'] });
void [claims, initialized];
