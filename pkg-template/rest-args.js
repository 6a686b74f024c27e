// The API client's argument checks: every id and option is checked here, before any request,
// so a mistake costs no round trip and comes back as a TokenError INVALID_OPTIONS naming the
// argument at fault (the same code a bad client config gets).
import { invalidOptions as invalid } from './errors.js';
import { ECHO_MAX } from './vocabulary.js';

// Longest id sent; VideoSDK's own ids are 14 characters, custom ones are short names.
const MAX_ID_LEN = 1024;

/** A short, printable rendering of a value the caller passed, for messages. */
export function shown(value) {
  if (typeof value === 'string') {
    const text = value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX)}…` : value;
    return JSON.stringify(text);
  }
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** A room, session or participant id: a non-empty string without whitespace. */
export function checkId(value, field) {
  if (typeof value !== 'string' || value === '' || /\s/.test(value) || value.length > MAX_ID_LEN) {
    throw invalid(field, `${field} must be a non-empty string without whitespace (such as 'abcd-efgh-ijkl'); got ${shown(value)}`);
  }
  return value;
}

export function checkObject(value, field, example) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(field, `${field} must be an object such as ${example}; got ${shown(value)}`);
  }
  return value;
}

/** Keys outside `known` are refused: a typo must not pass silently. */
export function checkKeys(object, known, field) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      throw invalid(key, `${field} has no option ${JSON.stringify(key)}; expected ${known.join(', ')}`);
    }
  }
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
  if (options === undefined) return {};
  checkObject(options, 'options', '{ signal }');
  checkKeys(options, ['signal'], 'options');
  const { signal } = options;
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && typeof signal.aborted === 'boolean'
    && typeof signal.addEventListener === 'function')) {
    throw invalid('signal', `signal must be an AbortSignal, such as AbortSignal.timeout(5000); got ${shown(signal)}`);
  }
  return { signal };
}

export const segment = (id) => encodeURIComponent(id);
