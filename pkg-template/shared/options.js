// The one reader of options objects: every options object, config, grant and argument the
// package takes is read here or by the token calls' fast path (token/read.js), which follows the
// same rules with the same words. Only own enumerable properties count, so a polluted
// Object.prototype adds no option; a name the call does not take is refused with a hint.
import { invalidOptions } from './errors.js';
import { shown } from './text.js';

/** The allowed name within two edits (ignoring case) of a misspelt one, such as `apikey`. */
export function closest(key, allowed) {
  const k = key.toLowerCase();
  let best;
  let bestDistance = 3;
  for (const name of allowed) {
    const d = editDistance(k, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const next = [i + 1];
    for (let j = 0; j < b.length; j++) {
      next.push(Math.min(row[j] + (a[i] === b[j] ? 0 : 1), row[j + 1] + 1, next[j] + 1));
    }
    row = next;
  }
  return row[b.length];
}

/**
 * The INVALID_OPTIONS error for a name `call` does not take: `field` is the name (shown), the
 * message offers the closest allowed name, else `otherwise` when given, else the allowed names.
 * `refuse(field, message)` makes the error: the capability's own class (TokenError by default).
 */
/**
 * @param {string} key
 * @param {string} call
 * @param {readonly string[]} allowed
 * @param {{ otherwise?: string, refuse?: (field: string, message: string) => Error }} [how]
 */
export function unknownOption(key, call, allowed, { otherwise, refuse = invalidOptions } = {}) {
  const near = closest(key, allowed);
  const hint = near !== undefined ? `did you mean '${near}'?` : otherwise ?? `${call} takes ${allowed.join(', ')}`;
  return refuse(shown(key), `${call} has no option '${shown(key)}'; ${hint}`);
}

/**
 * The lean form of readOptions, for the webhook entry, whose whole Worker must stay under 9 KiB
 * gzip: the same own-properties copy and refusal of unknown names, without the did-you-mean hint
 * and without echoing the name (`field` is 'options'), so it carries neither the edit distance
 * nor the untrusted-text module.
 * @param {object} given
 * @param {string} call
 * @param {readonly string[]} allowed
 * @param {(field: string, message: string) => Error} refuse
 * @returns {Record<string, any>}
 */
export function ownOptions(given, call, allowed, refuse) {
  const values = Object.create(null);
  for (const key of Object.keys(given)) {
    if (!allowed.includes(key)) throw refuse('options', `${call} options hold a name it does not take; it takes ${allowed.join(', ')}`);
    values[key] = given[key];
  }
  return values;
}

/** Whether `value` is an object whose options can be read (not null, not an array). */
export function isOptionsObject(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false; // a revoked Proxy
  }
}

/**
 * The own enumerable values of `options` whose names `allowed` lists, in an object with no
 * prototype (so an absent option reads as undefined whatever Object.prototype holds). A name not
 * in `allowed` is refused (see unknownOption) before any value is read. `options` must already be
 * known to be an object: each caller words its own "must be an object" message. `how` is
 * unknownOption's last argument.
 */
/**
 * @param {object} options
 * @param {string} call
 * @param {readonly string[]} allowed
 * @param {{ otherwise?: string, refuse?: (field: string, message: string) => Error }} [how]
 * @returns {Record<string, any>}
 */
export function readOptions(options, call, allowed, how) {
  const keys = Object.keys(options);
  for (const key of keys) {
    if (!allowed.includes(key)) throw unknownOption(key, call, allowed, how);
  }
  const values = Object.create(null);
  for (const key of keys) values[key] = options[key];
  return values;
}
