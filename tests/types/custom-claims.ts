// Custom claims in the types: JSON values only, typed the same on sign, grant and decode.
import {
  decodeToken, handleTokenRequest, signToken, TokenSigner,
  type JsonValue, type TokenGrant,
} from 'videosdk-token';

const secret = 'x'.repeat(64);
const token: string = signToken({
  apiKey: 'k', secret, permissions: ['allow_join'],
  claims: { name: 'Ada', age: 36, admin: false, note: null, tags: ['a', 1], profile: { joined: '2024-01-01' } },
});
new TokenSigner({ apiKey: 'k', secret }).sign({ permissions: ['allow_join'], claims: { email: 'a@example.com' } });
// @ts-expect-error: a Date is not a JSON value (pass date.toISOString())
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], claims: { joined: new Date() } });
// @ts-expect-error: a BigInt is not a JSON value
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], claims: { id: 1n } });
// @ts-expect-error: undefined is not a JSON value
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], claims: { gone: undefined } });
// @ts-expect-error: a function is not a JSON value
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], claims: { f: () => 1 } });
// @ts-expect-error: a Map is not a JSON value
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], claims: { m: new Map<string, number>() } });
// @ts-expect-error: claims is an object of claims, not an array
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], claims: ['a'] });
// @ts-expect-error: legacy upper-case role names are not roles
signToken({ apiKey: 'k', secret, permissions: ['allow_join'], roles: ['CRAWLER'] });

const custom: Record<string, JsonValue> = decodeToken(token).customClaims;
const grant: TokenGrant = { roomId: 'r', claims: { name: 'Ada' } };
// @ts-expect-error: grant claims are JSON values too
const badGrant: TokenGrant = { claims: { at: new Date() } };
void handleTokenRequest(new Request('https://example.com/api/token'), {
  apiKey: 'k', secret, authorize: () => grant,
});
void [custom, badGrant];
