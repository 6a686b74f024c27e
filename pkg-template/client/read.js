// readToken: what a token says, read in a web page without the wasm core. It checks NO signature
// and reviews nothing (no warnings, no VideoSDK rules): it is for showing when a session ends or
// whose token it is, never for deciding access; the server verifies (verifyToken).
// decodeToken, in the main entry, says the same and more, for the price of the core.
import { invalidOptions, TokenError } from '../shared/errors.js';
import { MAX_TOKEN_LEN } from '../shared/vocabulary.js';

const PARTS = ['header', 'payload', 'signature'];
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const malformed = (message, field) => new TokenError('MALFORMED', message, field === undefined ? {} : { field });

/**
 * The header and payload of a JWT, with `issuedAt`, `expiresAt` (Dates, when the payload has
 * `iat`, `exp`) and `expired` (`exp <= now`). Signature NOT checked. `options.now`: seconds since
 * 1970 or a Date (default: the clock). Throws a TokenError MALFORMED (`field`: the part at fault)
 * for anything but three base64url parts whose first two are JSON objects.
 */
export function readToken(token, options) {
  if (typeof token !== 'string') throw malformed(`the token must be a string; got ${token === null ? 'null' : typeof token}`);
  if (token.length > MAX_TOKEN_LEN) throw malformed(`the token is ${token.length} characters long; a token has at most ${MAX_TOKEN_LEN}`);
  const parts = token.split('.');
  if (parts.length !== 3) throw malformed(`a token is three base64url parts joined by dots; this has ${parts.length} part${parts.length === 1 ? '' : 's'}`);
  parts.forEach((part, i) => {
    if (!BASE64URL.test(part) || part.length % 4 === 1) throw malformed(`the ${PARTS[i]} is not base64url`, PARTS[i]);
  });
  const header = json(parts[0], 'header');
  const payload = json(parts[1], 'payload');
  const now = options?.now instanceof Date ? options.now.getTime() / 1000 : options?.now ?? Date.now() / 1000;
  if (typeof now !== 'number' || !Number.isFinite(now)) throw invalidOptions('now', 'readToken: options.now must be seconds since 1970 or a Date');
  const date = (seconds) => (typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined);
  return {
    header,
    payload,
    issuedAt: date(payload.iat),
    expiresAt: date(payload.exp),
    expired: date(payload.exp) !== undefined && payload.exp <= now,
  };
}

/** One part as the JSON object it must hold. */
function json(part, field) {
  let value;
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw malformed(`the ${field} is not JSON in UTF-8`, field);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw malformed(`the ${field} is not a JSON object`, field);
  return value;
}
