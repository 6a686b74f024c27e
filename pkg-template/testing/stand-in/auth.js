// The token check VideoSDK's v2 API makes: `Authorization` holds the token itself (no `Bearer`),
// signed with the account's secret, for its API key, with version 2, roles ['crawler'], not
// expired, and (VideoSDK's rule for management tokens) living at most 10 minutes. Verified with
// this package's own verifyToken. What failed is kept for the request log; the answer says only
// what VideoSDK says.
import { MANAGEMENT_CLAIMS, VERIFY_MESSAGE } from '../../shared/vocabulary.js';
import { verifyToken } from '../../token/api.js';

const MAX_LIFETIME = 600;
export const REFUSED = VERIFY_MESSAGE;

/**
 * `{ ok: true, claims }` (claims with an ordinal per distinct token, never the token) or
 * `{ ok: false, reason }`. `tokens` maps each token seen to its ordinal.
 */
export function checkAuthorization(header, { apiKey, secret, tokens, now }) {
  if (header === null || header === '') return { ok: false, reason: 'Authorization header is missing: send the token' };
  if (/^(Bearer|Basic)\s/i.test(header)) {
    return { ok: false, reason: 'Authorization must be the token itself, without a "Bearer " or "Basic " prefix' };
  }
  let claims;
  try {
    claims = verifyToken(header, secret, now === undefined ? { apiKey } : { apiKey, now });
  } catch (error) {
    return { ok: false, reason: `the token does not verify (${error.code})` };
  }
  // What VideoSDK's v2 API asks of a token, from the core (the words the client signs with).
  const { version, roles } = MANAGEMENT_CLAIMS;
  if (claims.version !== version) return { ok: false, reason: `the v2 API needs a token with version: ${version}` };
  if (JSON.stringify(claims.roles) !== JSON.stringify(roles)) return { ok: false, reason: `the v2 API needs roles ${JSON.stringify(roles)}; got ${JSON.stringify(claims.roles)}` };
  if (typeof claims.iat !== 'number' || claims.exp - claims.iat > MAX_LIFETIME) {
    return { ok: false, reason: `a management token may live at most ${MAX_LIFETIME} s (iat to exp)` };
  }
  let ordinal = tokens.get(header);
  if (ordinal === undefined) {
    ordinal = tokens.size + 1;
    tokens.set(header, ordinal);
  }
  return { ok: true, claims: { token: ordinal, iat: claims.iat, exp: claims.exp, permissions: claims.permissions, roles: claims.roles, version: claims.version } };
}
