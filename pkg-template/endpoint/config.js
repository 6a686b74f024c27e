// The token endpoint's config, read by handleTokenRequest on every call and by createTokenHandler
// once: own properties only (a polluted Object.prototype is not config), every fault a TokenError
// with the option's name in `field`, a bad value described by its type only (it may be the secret).
import { spanSeconds, TokenError, TokenSigner } from '../token/api.js';
import { invalidOptions as invalid } from '../shared/errors.js';
import { unknownOption } from '../shared/options.js';
import { LIMIT_OPTIONS, readLimits } from './limits.js';
import { PERMISSIONS as PERMISSION_MEANINGS, ROLES as ROLE_MEANINGS } from '../shared/vocabulary.js';

/** Every permission and role name, from the core. */
export const PERMISSIONS = Object.keys(PERMISSION_MEANINGS);
export const ROLES = Object.keys(ROLE_MEANINGS);

const CONFIG_OPTIONS = ['apiKey', 'secret', 'authorize', 'allowAnonymous', 'allowedPermissions', 'allowedRoles', 'maxExpiresIn', 'cors', ...LIMIT_OPTIONS];

/** What kind of value `v` is, for messages that must not show the value (it may be a secret). */
export function kind(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * `config` read and checked, each own property once, and its signer keyed: what a request is
 * answered with. `call` names the function called in every message ('handleTokenRequest',
 * 'createTokenHandler'). Throws a TokenError (INVALID_OPTIONS with `field`, or WEAK_SECRET).
 * The caller frees `signer`.
 */
export function readConfig(config, call) {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw invalid('config', `${call}: config must be an object; got ${kind(config)}`);
  }
  let keys;
  try {
    keys = Object.keys(config);
  } catch {
    throw invalid('config', `${call}: listing config's keys threw an exception`);
  }
  for (const key of keys) {
    if (!CONFIG_OPTIONS.includes(key)) throw unknownOption(key, `${call} config`, CONFIG_OPTIONS);
  }
  const get = (name) => {
    try {
      return Object.hasOwn(config, name) ? config[name] : undefined;
    } catch {
      throw invalid(name, `${call}: config.${name} could not be read (its getter threw)`);
    }
  };
  const apiKey = get('apiKey');
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw invalid('apiKey', `${call}: config.apiKey must be a non-empty string; got ${apiKey === '' ? 'an empty string' : kind(apiKey)}`);
  }
  const secret = get('secret');
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    throw invalid('secret', `${call}: config.secret must be a string or a Uint8Array; got ${kind(secret)}`);
  }
  const authorize = get('authorize');
  if (authorize !== undefined && typeof authorize !== 'function') {
    throw invalid('authorize', `${call}: config.authorize must be a function; got ${kind(authorize)}`);
  }
  const allowAnonymous = get('allowAnonymous') ?? false;
  if (typeof allowAnonymous !== 'boolean') {
    throw invalid('allowAnonymous', `${call}: config.allowAnonymous must be true or false; got ${kind(allowAnonymous)}`);
  }
  if (authorize === undefined && !allowAnonymous) {
    throw invalid('authorize', `${call}: config.authorize(request) is required (allowAnonymous: true is for local development only)`);
  }
  const allowedPermissions = get('allowedPermissions') ?? ['allow_join'];
  const permissions = names(allowedPermissions, PERMISSIONS);
  if (permissions === undefined || permissions.length === 0) {
    throw invalid('allowedPermissions', `${call}: config.allowedPermissions must list one or more of ${PERMISSIONS.join(', ')}`);
  }
  const allowedRoles = get('allowedRoles') ?? ['rtc'];
  const roles = names(allowedRoles, ROLES);
  if (roles === undefined || roles.length === 0) {
    throw invalid('allowedRoles', `${call}: config.allowedRoles must list one or more of ${ROLES.join(', ')} (every token from this endpoint carries a role)`);
  }
  const maxExpiresIn = get('maxExpiresIn') ?? '2h';
  if (typeof maxExpiresIn !== 'string' && typeof maxExpiresIn !== 'number') {
    throw invalid('maxExpiresIn', `${call}: config.maxExpiresIn must be a span such as '2h' or a number of seconds; got ${kind(maxExpiresIn)}`);
  }
  const limits = readLimits(get, call);
  // maxExpiresIn by the core's span rules, then the signer, keyed here: the core checks apiKey
  // and the secret's strength before any request is looked at (handleTokenRequest: on every
  // call, before authorize runs; createTokenHandler: at creation), so a misconfiguration fails
  // loudly even where callers only get 401s. The caller frees it.
  let maxSeconds;
  let signer;
  try {
    maxSeconds = spanSeconds(/** @type {import('../token/api.js').Span} */ (maxExpiresIn), 'maxExpiresIn');
    signer = new TokenSigner({ apiKey, secret });
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    // WEAK_SECRET keeps its code; every other refusal is the option it names. No message of the
    // core contains the secret.
    const field = e.code === 'WEAK_SECRET' ? 'secret' : e.field ?? 'config';
    const message = e.field && e.message.startsWith(`${e.field} `)
      ? `${call}: config.${field}${e.message.slice(e.field.length)}`
      : `${call}: config.${field}: ${e.message}`;
    throw new TokenError(e.code, message, { field });
  }
  try {
    return { signer, authorize, allowAnonymous, allowedPermissions: permissions, allowedRoles: roles, maxExpiresIn, maxSeconds, cors: corsOrigins(get('cors'), call), ...limits };
  } catch (e) {
    signer.free();
    throw e;
  }
}

/** An endpoint's `cors` option (`given` as read, for the endpoint `call`): a list of origins or '*'. */
export function corsOrigins(given, call) {
  const cors = given ?? [];
  const origins = cors === '*' ? cors : strings(cors);
  if (origins === undefined) {
    const got = Array.isArray(cors) ? 'a list with something other than a string in it' : kind(cors);
    throw invalid('cors', `${call}: config.cors must be a list of origins (strings such as 'https://app.example.com') or '*'; got ${got}`);
  }
  return origins;
}

/** A copy of an array of strings, reading own elements only; undefined for anything else. */
export function strings(list) {
  if (!Array.isArray(list)) return undefined;
  const out = [];
  for (let i = 0; i < list.length; i += 1) {
    if (!Object.hasOwn(list, i) || typeof list[i] !== 'string') return undefined;
    out.push(list[i]);
  }
  return out;
}

/** A copy of an array of names from `known`; undefined for anything else. */
export function names(list, known) {
  const out = strings(list);
  return out !== undefined && out.every((name) => known.includes(name)) ? out : undefined;
}
