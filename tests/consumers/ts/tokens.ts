// The main entry's API and types, checked under every module setting here: tests/consumers/types.mjs
// copies this file into each project, whose own package.json then decides its format. Under
// CommonJS these imports compile to require(), which loads node.cjs, and the types must be
// CommonJS too (index.d.cts), or TypeScript refuses them (TS1479); under ESM, index.d.ts.
import { signToken, verifyToken, TokenError, type TokenErrorCode, type VideoSDKClaims } from 'videosdk-token';

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
// @ts-expect-error: not a permission
signToken({ apiKey: 'k', secret, permissions: ['allow_everything'] });
void claims;
