// Generated from the Rust core by tests/vocabulary.rs: VideoSDK's words and the limits,
// defined once in src/model/vocab.rs and its neighbours. Do not edit: `make vocabulary`
// rewrites this file, and `cargo test` fails while it differs from the core.

/** Every permission, with what it lets a token's bearer do. */
export const PERMISSIONS = /* @__PURE__ */ Object.freeze({
  allow_join: 'joins the meeting directly',
  ask_join: 'must ask a participant holding allow_join to be let in',
  allow_mod: 'may toggle other participants\' webcam and mic',
});

/** Every role, with where it lets a token be used. */
export const ROLES = /* @__PURE__ */ Object.freeze({
  crawler: 'server-side v2 API only; cannot join a meeting',
  rtc: 'meetings only; no server-side API',
});

/** The claims that need version 2. */
export const V2_CLAIMS = /* @__PURE__ */ Object.freeze(['roomId', 'participantId', 'roles']);

/** Every unit a span may have, in seconds. */
export const SPAN_UNITS = /* @__PURE__ */ Object.freeze({ s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, d: 86400, day: 86400, days: 86400, w: 604800, week: 604800, weeks: 604800 });

/** The longest span anywhere: 365 days. */
export const MAX_SPAN_SECONDS = 31536000;

/** The longest token accepted, in bytes. */
export const MAX_TOKEN_LEN = 8192;

/** The deepest custom claims may nest (the claims object itself is level 1). */
export const MAX_CLAIMS_DEPTH = 127;

/** The longest apiKey, roomId, participantId or jwtId, in bytes. */
export const MAX_OPTION_LEN = 1024;

/** The shortest secret, in bytes. */
export const MIN_SECRET_LEN = 32;

/** A token's lifetime when expiresIn is not given. */
export const DEFAULT_EXPIRES_IN_SECONDS = 7200;

/** Untrusted text echoed in a message is cut to this many characters. */
export const ECHO_MAX = 40;

/** The message of every verify failure. */
export const VERIFY_MESSAGE = 'Token is invalid or expired';

/** A list of permissions as messages show one. */
export const PERMISSIONS_EXAMPLE = '[\'allow_join\']';

/** A list of roles as messages show one. */
export const ROLES_EXAMPLE = '[\'rtc\']';

/** The one JWS header the core signs and accepts: HS256, fixed, never chosen by a token. */
export const JWT_HEADER = /* @__PURE__ */ Object.freeze({ alg: 'HS256', typ: 'JWT' });

/** The characters every echo of untrusted text escapes, as a regular expression's class (u flag). */
export const ESCAPED = '\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{61c}\\u{200b}-\\u{200f}\\u{2028}-\\u{202e}\\u{2060}-\\u{2064}\\u{2066}-\\u{2069}\\u{feff}';

/** VideoSDK's REST API: the server-side v2 API and the webhook public key live under it. */
export const API_BASE = 'https://api.videosdk.live';

/** What VideoSDK's server-side v2 API asks of a token: moderator rights, the crawler role (API only), version 2. */
export const MANAGEMENT_CLAIMS = /* @__PURE__ */ Object.freeze({ permissions: /* @__PURE__ */ Object.freeze(['allow_join', 'allow_mod']), version: 2, roles: /* @__PURE__ */ Object.freeze(['crawler']) });

/** The claims this package writes, each with the option that sets it: no custom claim takes one of these names. */
export const RESERVED_CLAIMS = /* @__PURE__ */ Object.freeze({ apikey: 'apiKey', permissions: 'permissions', version: 'version', roomId: 'roomId', participantId: 'participantId', roles: 'roles', jti: 'jwtId', iat: 'now', nbf: 'notBefore', exp: 'expiresIn' });

/** The upper-case role names of VideoSDK's older docs, each with the name to sign instead. */
export const LEGACY_ROLES = /* @__PURE__ */ Object.freeze({ CRAWLER: 'crawler', RTC: 'rtc' });

/** VideoSDK's join error codes (its client SDKs' error reference), by code: the name its SDKs give it, what it means, and whether a token alone can cause it. */
export const JOIN_ERRORS = /* @__PURE__ */ Object.freeze({
  4001: /* @__PURE__ */ Object.freeze({ name: 'INVALID_API_KEY', meaning: 'the token\'s apikey is missing, empty or not a key of this account', tokenCanCause: true }),
  4002: /* @__PURE__ */ Object.freeze({ name: 'INVALID_TOKEN', meaning: 'the token is empty, invalid (malformed or wrongly signed) or expired', tokenCanCause: true }),
  4003: /* @__PURE__ */ Object.freeze({ name: 'INVALID_ROOM_ID', meaning: 'the room ID joined is empty or invalid; create rooms through the API', tokenCanCause: false }),
  4004: /* @__PURE__ */ Object.freeze({ name: 'INVALID_PARTICIPANT_ID', meaning: 'the participant ID is empty or invalid: it must not contain whitespace', tokenCanCause: true }),
  4005: /* @__PURE__ */ Object.freeze({ name: 'DUPLICATE_PARTICIPANT', meaning: 'the same participant ID joined from another device, so this one left', tokenCanCause: false }),
  4006: /* @__PURE__ */ Object.freeze({ name: 'ACCOUNT_DEACTIVATED', meaning: 'the account has been deactivated by VideoSDK', tokenCanCause: false }),
  4007: /* @__PURE__ */ Object.freeze({ name: 'ACCOUNT_DISCONTINUED', meaning: 'the account has been discontinued', tokenCanCause: false }),
  4008: /* @__PURE__ */ Object.freeze({ name: 'INVALID_PERMISSIONS', meaning: 'the token\'s permissions are invalid: ask_join must not be combined with allow_join or allow_mod', tokenCanCause: true }),
  4009: /* @__PURE__ */ Object.freeze({ name: 'MAX_PARTICIPANT_REACHED', meaning: 'the meeting has reached its participant limit', tokenCanCause: false }),
  4010: /* @__PURE__ */ Object.freeze({ name: 'MAX_SPEAKER_REACHED', meaning: 'the meeting has reached its speaker limit', tokenCanCause: false }),
  4011: /* @__PURE__ */ Object.freeze({ name: 'START_RECORDING_FAILED', meaning: 'starting a recording failed', tokenCanCause: false }),
  4012: /* @__PURE__ */ Object.freeze({ name: 'STOP_RECORDING_FAILED', meaning: 'stopping a recording failed', tokenCanCause: false }),
  4013: /* @__PURE__ */ Object.freeze({ name: 'START_LIVESTREAM_FAILED', meaning: 'starting a livestream failed', tokenCanCause: false }),
  4014: /* @__PURE__ */ Object.freeze({ name: 'STOP_LIVESTREAM_FAILED', meaning: 'stopping a livestream failed', tokenCanCause: false }),
  4015: /* @__PURE__ */ Object.freeze({ name: 'INVALID_LIVESTREAM_CONFIG', meaning: 'the livestream\'s outputs configuration is invalid', tokenCanCause: false }),
  4016: /* @__PURE__ */ Object.freeze({ name: 'START_HLS_FAILED', meaning: 'starting HLS failed', tokenCanCause: false }),
  4017: /* @__PURE__ */ Object.freeze({ name: 'STOP_HLS_FAILED', meaning: 'stopping HLS failed', tokenCanCause: false }),
  4018: /* @__PURE__ */ Object.freeze({ name: 'PREV_RECORDING_PROCESSING', meaning: 'the previous recording is still being processed; try again in a few seconds', tokenCanCause: false }),
  4019: /* @__PURE__ */ Object.freeze({ name: 'PREV_RTMP_RECORDING_PROCESSING', meaning: 'the previous RTMP recording is still being processed; try again in a few seconds', tokenCanCause: false }),
  4020: /* @__PURE__ */ Object.freeze({ name: 'PREV_HLS_STREAMING_PROCESSING', meaning: 'the previous HLS stream is still being processed; try again in a few seconds', tokenCanCause: false }),
  4021: /* @__PURE__ */ Object.freeze({ name: 'ADD_ON_SERVICES_DISABLED', meaning: 'add-on services are disabled for the account', tokenCanCause: false }),
  4022: /* @__PURE__ */ Object.freeze({ name: 'UNAUTHORIZED_ROOM_ID', meaning: 'the token is not valid for the room joined (its roomId names another room)', tokenCanCause: true }),
  4023: /* @__PURE__ */ Object.freeze({ name: 'UNAUTHORIZED_PARTCIPANT_ID', meaning: 'the token is not valid for the participant ID joined with (its participantId names another)', tokenCanCause: true }),
  4024: /* @__PURE__ */ Object.freeze({ name: 'UNAUTHORIZED_ROLE', meaning: 'the token\'s roles do not allow joining a meeting (they lack rtc)', tokenCanCause: true }),
  4025: /* @__PURE__ */ Object.freeze({ name: 'UNAUTHORIZED_REQUEST', meaning: 'the request does not match the account\'s security configuration', tokenCanCause: false }),
  4026: /* @__PURE__ */ Object.freeze({ name: 'MAX_SPEAKER_LIMIT_REACHED_ON_ORGANIZATION', meaning: 'the organization has reached its speaker limit', tokenCanCause: false }),
  4027: /* @__PURE__ */ Object.freeze({ name: 'MAX_VIEWER_LIMIT_REACHED_ON_ORGANIZATION', meaning: 'the organization has reached its viewer limit', tokenCanCause: false }),
  4028: /* @__PURE__ */ Object.freeze({ name: 'MAX_RECORDING_LIMIT_REACHED_ON_ORGANIZATION', meaning: 'the organization has reached its recording limit', tokenCanCause: false }),
  4029: /* @__PURE__ */ Object.freeze({ name: 'MAX_HLS_LIMIT_REACHED_ON_ORGANIZATION', meaning: 'the organization has reached its HLS limit', tokenCanCause: false }),
  4030: /* @__PURE__ */ Object.freeze({ name: 'MAX_LIVESTREAM_LIMIT_REACHED_ON_ORGANIZATION', meaning: 'the organization has reached its livestream limit', tokenCanCause: false }),
});

/** Every TokenError code. */
export const ERROR_CODES = /* @__PURE__ */ Object.freeze(['INVALID_OPTIONS', 'WEAK_SECRET', 'MALFORMED', 'ALG_NOT_ALLOWED', 'INVALID_SIGNATURE', 'EXPIRED', 'NOT_YET_VALID', 'CLAIMS_INVALID', 'CLAIM_MISMATCH']);

/** The option names each call takes. */
export const OPTIONS = /* @__PURE__ */ Object.freeze({
  signer: /* @__PURE__ */ Object.freeze(['apiKey', 'secret']),
  claims: /* @__PURE__ */ Object.freeze(['permissions', 'version', 'roomId', 'participantId', 'roles', 'expiresIn', 'notBefore', 'jwtId', 'now', 'claims']),
  verify: /* @__PURE__ */ Object.freeze(['now', 'clockTolerance', 'apiKey', 'roomId', 'participantId']),
  decode: /* @__PURE__ */ Object.freeze(['now']),
});
