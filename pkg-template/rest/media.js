// The arguments recordings, HLS, livestreams, transcriptions and agents share: the start body
// read from its own options (unknown keys refused), URL-shaped fields, the composition config
// (its enums checked, the object passed as given), the filters of a list.
import { invalidOptions as invalid } from '../shared/errors.js';
import { callOptions, checkId, checkObject, checkPerPage, ownOptions, shown } from './args.js';

const LAYOUT_TYPES = ['GRID', 'SPOTLIGHT', 'SIDEBAR'];
const PRIORITIES = ['SPEAKER', 'PIN'];
const THEMES = ['DARK', 'LIGHT', 'DEFAULT'];
const MODES = ['video-and-audio', 'audio'];
const QUALITIES = ['low', 'med', 'high', 'ultra'];
const ORIENTATIONS = ['portrait', 'landscape'];
const MAX_GRID = 25;

const own = (object, name) => (Object.hasOwn(object, name) ? object[name] : undefined);

/** An http(s) URL (or, with `schemes`, one of those), as a string. */
export function checkUrl(value, field, schemes = ['https:', 'http:'], example = 'https://app.example/hooks/videosdk') {
  let url;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || !schemes.includes(url.protocol)) {
    throw invalid(field, `${field} must be a ${schemes.map((s) => s.slice(0, -1)).join(' or ')} URL such as '${example}'; got ${shown(value)}`);
  }
  return value;
}

export function checkText(value, field, example) {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, `${field} must be a non-empty string such as '${example}'; got ${shown(value)}`);
  return value;
}

export function checkEnum(value, field, allowed) {
  if (!allowed.includes(value)) throw invalid(field, `${field} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}; got ${shown(value)}`);
  return value;
}

function optionalEnum(object, name, field, allowed) {
  const value = own(object, name);
  if (value !== undefined) checkEnum(value, field, allowed);
}

/**
 * The composition config of a recording, HLS stream or livestream: the enums VideoSDK documents
 * are checked, the object is sent as given (VideoSDK adds keys, such as `recording`).
 */
export function checkConfig(config) {
  checkObject(config, 'config', "{ layout: { type: 'GRID' }, quality: 'high' }");
  const layout = own(config, 'layout');
  if (layout !== undefined) {
    checkObject(layout, 'config.layout', "{ type: 'GRID', priority: 'SPEAKER', gridSize: 4 }");
    optionalEnum(layout, 'type', 'config.layout.type', LAYOUT_TYPES);
    optionalEnum(layout, 'priority', 'config.layout.priority', PRIORITIES);
    const grid = own(layout, 'gridSize');
    if (grid !== undefined && (!Number.isSafeInteger(grid) || grid < 1 || grid > MAX_GRID)) {
      throw invalid('config.layout.gridSize', `config.layout.gridSize must be a whole number from 1 to ${MAX_GRID}; got ${shown(grid)}`);
    }
  }
  optionalEnum(config, 'theme', 'config.theme', THEMES);
  optionalEnum(config, 'mode', 'config.mode', MODES);
  optionalEnum(config, 'quality', 'config.quality', QUALITIES);
  optionalEnum(config, 'orientation', 'config.orientation', ORIENTATIONS);
  return config;
}

/**
 * The body of a call from its options: `roomId` (and the ids in `ids`) checked, each other
 * option by its reader in `readers` ({ name: (value, name) => value }), absent ones left out.
 */
export function bodyOf(options, call, readers, ids = ['roomId']) {
  checkObject(options, 'options', "{ roomId: 'abcd-efgh-ijkl' }");
  options = ownOptions(options, [...ids, ...Object.keys(readers)], call);
  const body = {};
  for (const name of ids) body[name] = checkId(options[name], name);
  for (const [name, read] of Object.entries(readers)) {
    if (options[name] !== undefined) body[name] = read(options[name], name);
  }
  return body;
}

export const url = (value, name) => checkUrl(value, name);
export const object = (example) => (value, name) => checkObject(value, name, example);
export const text = (example) => (value, name) => checkText(value, name, example);
export const config = (value) => checkConfig(value);
export const transcription = object('{ enabled: true, summary: { enabled: true, prompt: "…" } }');

/** A list's filters: `{ roomId?, sessionId?, perPage? }` → [query, perPage]. */
export function listFilters(params, call) {
  checkObject(params, 'params', "{ roomId: 'abcd-efgh-ijkl', perPage: 20 }");
  params = ownOptions(params, ['roomId', 'sessionId', 'perPage'], call);
  const query = {};
  if (params.roomId !== undefined) query.roomId = checkId(params.roomId, 'roomId');
  if (params.sessionId !== undefined) query.sessionId = checkId(params.sessionId, 'sessionId');
  return [query, checkPerPage(params.perPage)];
}

/**
 * A POST: `retry` 'rate-limited' for a start or a dispatch, 'all' for a stop. `expect` 'message'
 * resolves a bare JSON string as `{ message }` and passes an object as sent.
 */
export function post(request, path, body, call, retry, expect = 'message') {
  const { signal } = callOptions(call);
  return request('POST', path, { body, signal, retry, expect });
}

/** GET of one resource by id, retried as every safe call. */
export function getOne(request, path, id, field, call, expect = 'object') {
  checkId(id, field);
  const { signal } = callOptions(call);
  return request('GET', path(encodeURIComponent(id)), { signal, retry: 'all', expect });
}
