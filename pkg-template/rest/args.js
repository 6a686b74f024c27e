// The API client's argument checks: every id and option is checked here, before any request,
// so a mistake costs no round trip and comes back as a TokenError INVALID_OPTIONS naming the
// argument at fault (the same code a bad client config gets).
import { invalidOptions as invalid } from '../shared/errors.js';
import { readOptions } from '../shared/options.js';
import { echo as shown } from '../shared/text.js';

// Longest id sent; VideoSDK's own ids are 14 characters, custom ones are short names.
const MAX_ID_LEN = 1024;

export { shown };

/**
 * A room, session, participant, recording or stream id: a non-empty string without whitespace, not made only of
 * dots. encodeURIComponent leaves `.` and `..` as they are, and the URL parser then removes them
 * as dot segments: `rooms.validate('..')` would ask GET /v2/rooms/ and take the list for a room.
 * Ids in a body are held to the same rule, so an id refused in one method is refused in all.
 */
export function checkId(value, field) {
  if (typeof value !== 'string' || value === '' || /\s/.test(value) || /^\.+$/.test(value) || value.length > MAX_ID_LEN) {
    throw invalid(field, `${field} must be a non-empty string without whitespace, not made only of dots (such as 'abcd-efgh-ijkl'); got ${shown(value)}`);
  }
  return value;
}

export function checkObject(value, field, example) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(field, `${field} must be an object such as ${example}; got ${shown(value)}`);
  }
  return value;
}

/**
 * The object's own options (shared/options.js): keys outside `known` are refused with a hint (a
 * typo must not pass silently), and nothing is read through a polluted Object.prototype.
 */
export function ownOptions(object, known, call) {
  return readOptions(object, call, known);
}

export function checkPerPage(value) {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw invalid('perPage', `perPage must be a whole number of at least 1, such as 20; got ${shown(value)}`);
  }
  return value;
}

/** The per-call options every method takes last: `{ signal }`. */
export function callOptions(options) {
  // { signal: undefined }, not {}: reading `signal` from {} would reach Object.prototype.
  if (options === undefined) return { signal: undefined };
  checkObject(options, 'options', '{ signal }');
  const { signal } = ownOptions(options, ['signal'], 'options');
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && typeof signal.aborted === 'boolean'
    && typeof signal.addEventListener === 'function')) {
    throw invalid('signal', `signal must be an AbortSignal, such as AbortSignal.timeout(5000); got ${shown(signal)}`);
  }
  return { signal };
}

export const segment = (id) => encodeURIComponent(id);
