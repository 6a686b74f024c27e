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

/** Characters escaped wherever untrusted text is shown: the first and last code point of each range. */
export const ECHO_ESCAPED = /* @__PURE__ */ Object.freeze([[0x0, 0x1f], [0x7f, 0x9f], [0x61c, 0x61c], [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff]]);

/** The message of every verify failure. */
export const VERIFY_MESSAGE = 'Token is invalid or expired';

/** A list of permissions as messages show one. */
export const PERMISSIONS_EXAMPLE = '[\'allow_join\']';

/** A list of roles as messages show one. */
export const ROLES_EXAMPLE = '[\'rtc\']';

/** VideoSDK's REST API: the server-side v2 API and the webhook public key live under it. */
export const API_BASE = 'https://api.videosdk.live';

/** What VideoSDK's server-side v2 API asks of a token: moderator rights, the crawler role (API only), version 2. */
export const MANAGEMENT_CLAIMS = /* @__PURE__ */ Object.freeze({ permissions: /* @__PURE__ */ Object.freeze(['allow_join', 'allow_mod']), version: 2, roles: /* @__PURE__ */ Object.freeze(['crawler']) });

/** The claims this package writes, each with the option that sets it: no custom claim takes one of these names. */
export const RESERVED_CLAIMS = /* @__PURE__ */ Object.freeze({ apikey: 'apiKey', permissions: 'permissions', version: 'version', roomId: 'roomId', participantId: 'participantId', roles: 'roles', jti: 'jwtId', iat: 'now', nbf: 'notBefore', exp: 'expiresIn' });

/** The upper-case role names of VideoSDK's older docs, each with the name to sign instead. */
export const LEGACY_ROLES = /* @__PURE__ */ Object.freeze({ CRAWLER: 'crawler', RTC: 'rtc' });

/** The errors VideoSDK raises at join for a token it refuses, by name, with their codes. */
export const JOIN_ERRORS = /* @__PURE__ */ Object.freeze({ INVALID_PERMISSIONS: 4008, INVALID_PARTICIPANT_ID: 4004 });

/** Every TokenError code. */
export const ERROR_CODES = /* @__PURE__ */ Object.freeze(['INVALID_OPTIONS', 'WEAK_SECRET', 'MALFORMED', 'ALG_NOT_ALLOWED', 'INVALID_SIGNATURE', 'EXPIRED', 'NOT_YET_VALID', 'CLAIMS_INVALID', 'CLAIM_MISMATCH']);

/** The option names each call takes. */
export const OPTIONS = /* @__PURE__ */ Object.freeze({
  signer: /* @__PURE__ */ Object.freeze(['apiKey', 'secret']),
  claims: /* @__PURE__ */ Object.freeze(['permissions', 'version', 'roomId', 'participantId', 'roles', 'expiresIn', 'notBefore', 'jwtId', 'now', 'claims']),
  verify: /* @__PURE__ */ Object.freeze(['now', 'clockTolerance', 'apiKey', 'roomId', 'participantId']),
  decode: /* @__PURE__ */ Object.freeze(['now']),
});
