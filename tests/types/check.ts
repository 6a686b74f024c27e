// Compiled by `make types-test` against the packed package: the public types accept what the API
// accepts and refuse the rest (each @ts-expect-error fails the build if the line compiles).
import {
  decodeToken, humanSpan, MAX_TOKEN_LEN, PERMISSIONS, ROLES, signToken, spanSeconds, TokenError,
  TokenSigner, verifyToken, VideoSDKError,
  type DecodedToken, type Permission, type TokenErrorCode, type VideoSDKClaims,
} from 'videosdk-token';

const secret = 'x'.repeat(64);
const token: string = signToken({
  apiKey: 'k', secret, permissions: ['allow_join', 'allow_mod'], roomId: 'r', roles: ['rtc'],
  expiresIn: '2h', notBefore: 0, jwtId: true, now: new Date(), version: 2,
});
signToken({ apiKey: 'k', secret: new Uint8Array(32), permissions: ['ask_join'], expiresIn: 90 });
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], expiresIn: '2 hours' });
// @ts-expect-error: not a permission
signToken({ apiKey: 'k', secret, permissions: ['allow_everything'] });
// @ts-expect-error: not a role
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], roles: ['admin'] });
// @ts-expect-error: the claim is apikey, the option apiKey
signToken({ apikey: 'k', secret, permissions: ['allow_join'] });
// @ts-expect-error: version is 2 or absent
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], version: 1 });
// @ts-expect-error: a string span needs a unit
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], expiresIn: '120' });
// @ts-expect-error: jwtId is a string or true
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], jwtId: false });

const signer = new TokenSigner({ apiKey: 'k', secret });
signer.sign({ permissions: ['allow_join'] });
// @ts-expect-error: the signer holds the secret
signer.sign({ permissions: ['allow_join'], secret });
signer.free();

const decoded: DecodedToken = decodeToken(token, { now: 1_700_000_000 });
const expired: boolean = decoded.expired;
const warnings: string[] = decoded.warnings;
const expiresAt: Date | undefined = decoded.expiresAt;
const alg: string = decoded.header.alg;

const claims: VideoSDKClaims = verifyToken(token, [secret, new Uint8Array(32)], {
  now: new Date(), clockTolerance: '30s', apiKey: 'k', roomId: 'r', participantId: 'p',
});
const perms: Permission[] = claims.permissions;
const exp: number = claims.exp;

try {
  verifyToken(token, secret);
} catch (e) {
  if (e instanceof TokenError) {
    const code: TokenErrorCode = e.code;
    switch (e.code) {
      case 'EXPIRED': { const at: Date | undefined = e.expiredAt; void at; break; }
      case 'INVALID_OPTIONS': { const field: string | undefined = e.field; void field; break; }
      // @ts-expect-error: not a code
      case 'NOPE': break;
      default: break;
    }
    void code;
  }
}
void [expired, warnings, expiresAt, alg, perms, exp];

// TokenError is a VideoSDKError: one catch handles the package.
function handles(e: unknown): string | undefined {
  if (e instanceof VideoSDKError) return e.code;
  return undefined;
}
const asBase: VideoSDKError = new TokenError('MALFORMED', 'bad');
void handles(asBase);

// The core's words and span measure.
const lifetime: number = spanSeconds('2h');
spanSeconds(90, 'notBefore');
// @ts-expect-error: a string span needs a unit
spanSeconds('120');
const words: string = humanSpan(6720);
const meaning: string = PERMISSIONS.allow_join;
const where: string = ROLES.rtc;
// @ts-expect-error: not a permission
void PERMISSIONS.allow_everything;
const longest: number = MAX_TOKEN_LEN;
void [lifetime, words, meaning, where, longest];
