// An ES module TypeScript project: the ESM types (index.d.ts), the same API.
import { signToken, verifyToken, TokenError, type TokenErrorCode, type VideoSDKClaims } from 'videosdk-token';
import init, { signToken as webSign } from 'videosdk-token/web';

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
const initialized: Promise<unknown> = init();
const other: string = webSign({ apiKey: 'k', secret, permissions: ['ask_join'] });
// @ts-expect-error: not a permission
signToken({ apiKey: 'k', secret, permissions: ['allow_everything'] });
void [claims, initialized, other];
