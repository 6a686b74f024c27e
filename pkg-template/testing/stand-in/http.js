// What every route of the stand-in shares: the refusal VideoSDK would send, the answers in
// VideoSDK's shapes (objects marked as the stand-in's, bare JSON strings, paged lists), and the
// checks of a body and a query as VideoSDK's API reference describes them.

export const STAND_IN_HEADER = 'X-VideoSDK-Stand-In';
export const STAND_IN_NOTE = 'local stand-in of api.videosdk.live for tests and demos; not VideoSDK';

/** A refusal: VideoSDK answers `{ message }` with the status. */
export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const refuse = (status, message) => {
  throw new HttpError(status, message);
};

/** A route's result: the status and the JSON body (an object, or a bare string). */
export const ok = (body) => ({ status: 200, body });

/** A JSON answer: objects carry `_standIn`, and every answer the stand-in header. */
export function jsonAnswer(status, body, headers = {}) {
  const marked = body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body, _standIn: STAND_IN_NOTE } : body;
  return new Response(JSON.stringify(marked), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', [STAND_IN_HEADER]: STAND_IN_NOTE, ...headers },
  });
}

export const iso = () => new Date().toISOString();
export const hex = (n) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');
export const uuid = () => crypto.randomUUID();

/** VideoSDK's paged answer: `{ pageInfo, [key]: items of this page }`. */
export function page(list, url, view, key = 'data') {
  const pageNo = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('perPage') ?? 20);
  const lastPage = Math.max(1, Math.ceil(list.length / perPage));
  return {
    pageInfo: { currentPage: pageNo, perPage, lastPage, total: list.length },
    [key]: list.slice((pageNo - 1) * perPage, pageNo * perPage).map(view),
  };
}

/** Only these query parameters; page and perPage positive integers. */
export function allowQuery(url, names) {
  for (const [key, value] of url.searchParams) {
    if (!names.includes(key)) refuse(400, `unknown query parameter ${key}`);
    if ((key === 'page' || key === 'perPage') && !/^[1-9]\d*$/.test(value)) refuse(400, `${key} must be a positive integer`);
  }
}

export function onlyFields(body, names) {
  for (const key of Object.keys(body)) if (!names.includes(key)) refuse(400, `unknown field ${key}`);
}

/** A required string field of the body, with VideoSDK's wording for roomId. */
export function requiredString(body, name) {
  const value = body[name];
  if (typeof value !== 'string' || value === '') {
    refuse(400, name === 'roomId' ? 'Please provide a valid `roomId` in body params.' : `\`${name}\` is required in request body.`);
  }
  return value;
}

export function optionalString(body, name) {
  if (body[name] !== undefined && (typeof body[name] !== 'string' || body[name] === '')) refuse(400, `${name} must be a non-empty string`);
}

export function optionalUrl(body, name) {
  optionalString(body, name);
  if (body[name] !== undefined && !/^(https?|rtmps?):\/\/[^\s]+$/.test(body[name])) refuse(400, `${name} must be a URL`);
}

export function optionalObject(body, name) {
  const value = body[name];
  if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) refuse(400, `${name} must be an object`);
}

export function oneOf(value, allowed, status, message) {
  if (value !== undefined && !allowed.includes(value)) refuse(status, message);
}

/** The composition config of recordings, HLS and livestreams, with VideoSDK's 422 texts. */
export function checkConfig(config) {
  if (config === undefined) return;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) refuse(422, 'config must be an object');
  const { layout } = config;
  if (layout !== undefined) {
    if (layout === null || typeof layout !== 'object') refuse(422, 'Please provide layout under config object.');
    oneOf(layout.type, ['GRID', 'SPOTLIGHT', 'SIDEBAR'], 422, 'layout.type must be SPOTLIGHT, SIDEBAR or GRID.');
    oneOf(layout.priority, ['SPEAKER', 'PIN'], 422, 'layout.priority must be SPEAKER or PIN.');
    if (layout.gridSize !== undefined) {
      if (!Number.isInteger(layout.gridSize) || layout.gridSize < 1) refuse(422, 'grid Size must be a positive number.');
      if (layout.gridSize > 25) refuse(422, 'grid Size must be ≤ 25.');
    }
  }
  oneOf(config.theme, ['DARK', 'LIGHT', 'DEFAULT'], 422, 'theme must be DARK, LIGHT or DEFAULT.');
  oneOf(config.mode, ['video-and-audio', 'audio'], 422, 'mode must be video-and-audio or audio.');
  oneOf(config.quality, ['low', 'med', 'high', 'ultra'], 422, 'quality must be low, med, high or ultra.');
  oneOf(config.orientation, ['portrait', 'landscape'], 422, 'orientation must be portrait or landscape.');
}

/** A JSON object body sent as application/json. */
export function jsonBody(text, contentType) {
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) refuse(400, 'send JSON with Content-Type: application/json');
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    refuse(400, 'the body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) refuse(400, 'the body must be a JSON object');
  return body;
}

export function tryJson(text) {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
