// client.request(): the arguments of the escape hatch, checked before any request. A path stays
// under the API base: it starts with `/`, holds no `.` or `..` segment (URLs resolve them, even
// percent-encoded), no `//`, no query or fragment (the query goes in `query`), no backslash.
import { invalidOptions as invalid } from '../shared/errors.js';
import { callOptions, checkObject, ownOptions, shown } from './args.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
// Safe to repeat whatever the endpoint: VideoSDK's GETs read, its DELETEs end in the same state.
const REPEATABLE = ['GET', 'DELETE'];

function checkPath(path) {
  const example = "'/v2/sip/call'";
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
    throw invalid('path', `path must start with a single '/', such as ${example}; got ${shown(path)}`);
  }
  if (/[?#\\\s]/.test(path)) {
    throw invalid('path', `path must hold no query, fragment, backslash or whitespace (pass the query as \`query\`); got ${shown(path)}`);
  }
  const segments = path.split('/').slice(1).map((s) => s.replace(/%2e/gi, '.'));
  if (segments.some((s) => s === '.' || s === '..')) {
    throw invalid('path', `path must not hold '.' or '..' segments: it stays under the API base; got ${shown(path)}`);
  }
  return path;
}

function checkQuery(query) {
  checkObject(query, 'query', "{ roomId: 'abcd-efgh-ijkl' }");
  const out = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw invalid(`query.${key}`, `query.${key} must be a string, a number or a boolean; got ${shown(value)}`);
    }
    out[key] = value;
  }
  return out;
}

/** The transport's arguments for request(method, path, params, call). */
export function rawCall(method, path, params = {}, call) {
  if (typeof method !== 'string' || !METHODS.includes(method.toUpperCase())) {
    throw invalid('method', `method must be one of ${METHODS.join(', ')}; got ${shown(method)}`);
  }
  method = method.toUpperCase();
  checkPath(path);
  checkObject(params, 'params', '{ query, body, idempotent }');
  params = ownOptions(params, ['query', 'body', 'idempotent'], 'request(method, path, params)');
  const { body, idempotent = false } = params;
  const query = params.query === undefined ? undefined : checkQuery(params.query);
  if (typeof idempotent !== 'boolean') throw invalid('idempotent', `idempotent must be true or false; got ${shown(idempotent)}`);
  if (body !== undefined && (method === 'GET' || method === 'DELETE')) {
    throw invalid('body', `a ${method} request takes no body; pass parameters as \`query\``);
  }
  if (body !== undefined && (body === null || typeof body !== 'object')) {
    throw invalid('body', `body must be a JSON object or array (it is sent as JSON); got ${shown(body)}`);
  }
  if (body !== undefined) {
    try {
      JSON.stringify(body);
    } catch {
      throw invalid('body', 'body must be JSON-serialisable (no BigInt, no cycle)');
    }
  }
  const { signal } = callOptions(call);
  const retry = idempotent || REPEATABLE.includes(method) ? 'all' : 'rate-limited';
  return [method, path, { query, body, signal, retry, expect: 'json' }];
}
