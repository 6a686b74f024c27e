// The ids a room request carries (a room id in the path, a customRoomId or an agentId in the body),
// checked before authorize() sees them: as the API client checks every id (rest/args.js: no
// whitespace, not dots only, which a URL would resolve to another resource), plus no slash (a
// path segment holds one id) and at most the core's 1024 bytes, as a token's roomId.
import { checkId } from '../rest/args.js';
import { MAX_OPTION_LEN } from '../shared/vocabulary.js';
import { quote } from '../shared/text.js';
import { bad } from './http.js';

const encoder = /* @__PURE__ */ new TextEncoder();

/** `value` if it is a well-formed id; else a 400 INVALID_OPTIONS naming `field`. */
export function checkRoomId(value, field) {
  if (typeof value === 'string' && encoder.encode(value).byteLength > MAX_OPTION_LEN) {
    throw bad(`${field} must be at most ${MAX_OPTION_LEN} bytes in UTF-8; got ${quote(value)}`, field);
  }
  try {
    checkId(value, field);
  } catch (e) {
    // The client's message, which shows the value escaped and cut.
    throw bad(e.message, field);
  }
  if (value.includes('/')) throw bad(`${field} must not contain a slash; got ${quote(value)}`, field);
  return value;
}

/** The room id in a path segment (percent-encoded, as the URL parser leaves it), checked. */
export function pathRoomId(segment) {
  let id;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw bad(`the room id in the path is not valid percent-encoding; got ${quote(segment)}`, 'roomId');
  }
  return checkRoomId(id, 'roomId');
}
