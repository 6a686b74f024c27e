var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// ../../target/installed/package/shared/errors.js
var VideoSDKError = class extends Error {
  static {
    __name(this, "VideoSDKError");
  }
  constructor(code, message, details = {}) {
    super(message);
    this.name = "VideoSDKError";
    this.code = code;
    this.reason = details.reason ?? message;
    if (details.field !== void 0) this.field = details.field;
  }
};
var WebhookError = class extends VideoSDKError {
  static {
    __name(this, "WebhookError");
  }
  constructor(code, message, details = {}) {
    super(code, message, details);
    this.name = "WebhookError";
    if (details.status !== void 0) this.status = details.status;
  }
};

// ../../target/installed/package/shared/http.js
var NO_REDIRECT = "manual";
function apiBaseUrl(value) {
  let url;
  try {
    url = typeof value === "string" || value instanceof URL ? new URL(value) : null;
  } catch {
    return null;
  }
  const host = url?.hostname;
  const loopback = host === "localhost" || host === "[::1]" || /^127(\.\d+){3}$/.test(host);
  if (!url || !(url.protocol === "https:" || url.protocol === "http:" && loopback) || url.search || url.hash || url.username || url.password) return null;
  return url.href.replace(/\/+$/, "");
}
__name(apiBaseUrl, "apiBaseUrl");
function isRedirect(response) {
  return response.type === "opaqueredirect" || response.status === 0 || response.status >= 300 && response.status < 400;
}
__name(isRedirect, "isRedirect");
async function readLimited(stream, limit) {
  if (stream === null || stream === void 0) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (; ; ) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!ArrayBuffer.isView(value)) throw new TypeError("a body chunk is not bytes");
      size += value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {
        });
        return null;
      }
      chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (e) {
    reader.cancel().catch(() => {
    });
    throw e;
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
__name(readLimited, "readLimited");
function jsonResponse(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers
    }
  });
}
__name(jsonResponse, "jsonResponse");

// ../../target/installed/package/shared/vocabulary.js
var ECHO_MAX = 40;
var ESCAPED = "\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{61c}\\u{200b}-\\u{200f}\\u{2028}-\\u{202e}\\u{2060}-\\u{2064}\\u{2066}-\\u{2069}\\u{feff}";
var API_BASE = "https://api.videosdk.live";

// ../../target/installed/package/shared/text.js
var MAX_ECHO = ECHO_MAX;
var UNSAFE = /* @__PURE__ */ new RegExp(`[${ESCAPED}\\ud800-\\udfff]`, "gu");
var ANY_UNSAFE = /* @__PURE__ */ new RegExp(UNSAFE.source, "u");
var SHORT = { "\n": "\\n", "\r": "\\r", "	": "\\t", "\0": "\\0" };
function escapeChar(c) {
  return SHORT[c] ?? `\\u{${c.codePointAt(0).toString(16)}}`;
}
__name(escapeChar, "escapeChar");
function clip(text, quotes) {
  const pieces = [];
  let length = 0;
  for (const c of text) {
    const shown = quotes && (c === '"' || c === "\\") ? `\\${c}` : c.replace(UNSAFE, escapeChar);
    pieces.push(shown);
    length += shown.length;
    if (length > MAX_ECHO) {
      while (length > MAX_ECHO - 1) length -= pieces.pop().length;
      return `${pieces.join("")}\u2026`;
    }
  }
  return pieces.join("");
}
__name(clip, "clip");
function cut(text) {
  return clip(String(text), true);
}
__name(cut, "cut");
function quote(text) {
  return `"${cut(text)}"`;
}
__name(quote, "quote");

// ../../target/installed/package/shared/options.js
function ownOptions(given, call, allowed, refuse) {
  const values = /* @__PURE__ */ Object.create(null);
  for (const key of Object.keys(given)) {
    if (!allowed.includes(key)) throw refuse("options", `${call} options hold a name it does not take; it takes ${allowed.join(", ")}`);
    values[key] = given[key];
  }
  return values;
}
__name(ownOptions, "ownOptions");

// ../../target/installed/package/webhooks/keys.js
var MIN_RSA_BITS = 2048;
var MAX_RSA_BITS = 16384;
var MAX_KEY_TEXT = 64 * 1024;
var MAX_KEYS = 8;
var RSA_ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
var OID_RSA_ENCRYPTION = [42, 134, 72, 134, 247, 13, 1, 1, 1];
var OID_RSA_PSS = [42, 134, 72, 134, 247, 13, 1, 1, 10];
var OID_EC = [42, 134, 72, 206, 61, 2, 1];
var OID_ED25519 = [43, 101, 112];
var EXPECTED = "expected a PEM (-----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----) or the base64 of its DER";
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) SEXTET[ALPHABET.charCodeAt(i)] = i;
function sextet(text, i) {
  const c = text.charCodeAt(i);
  return c < 128 ? SEXTET[c] : -1;
}
__name(sextet, "sextet");
function decodeBase64(text) {
  const n = text.length;
  if (n === 0 || n % 4 !== 0) return null;
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array(n / 4 * 3 - pad);
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    const tail = i + 4 === n ? pad : 0;
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = tail === 2 ? 0 : sextet(text, i + 2);
    const d = tail >= 1 ? 0 : sextet(text, i + 3);
    if ((a | b | c | d) < 0) return null;
    if (tail === 2 && (b & 15) !== 0 || tail === 1 && (c & 3) !== 0) return null;
    const bits = a << 18 | b << 12 | c << 6 | d;
    out[o++] = bits >>> 16;
    if (tail < 2) out[o++] = bits >>> 8 & 255;
    if (tail < 1) out[o++] = bits & 255;
  }
  return out;
}
__name(decodeBase64, "decodeBase64");
function encodeBase64(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const bits = bytes[i] << 16 | (rest > 1 ? bytes[i + 1] : 0) << 8 | (rest > 2 ? bytes[i + 2] : 0);
    out += ALPHABET[bits >>> 18] + ALPHABET[bits >>> 12 & 63];
    out += rest > 1 ? ALPHABET[bits >>> 6 & 63] : "=";
    out += rest > 2 ? ALPHABET[bits & 63] : "=";
  }
  return out;
}
__name(encodeBase64, "encodeBase64");
var DerError = class extends Error {
  static {
    __name(this, "DerError");
  }
};
function readTlv(bytes, pos, end) {
  if (pos + 2 > end) throw new DerError("it ends in the middle of a DER element");
  const tag = bytes[pos];
  let length = bytes[pos + 1];
  let start = pos + 2;
  if (length & 128) {
    const count = length & 127;
    if (count === 0) throw new DerError("it uses an indefinite length, which DER forbids");
    if (count > 3 || start + count > end) throw new DerError("a DER length is out of range");
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + bytes[start + i];
    if (bytes[start] === 0 || length < 128) throw new DerError("a DER length is not in its shortest form");
    start += count;
  }
  if (start + length > end) throw new DerError("a DER element is longer than the data");
  return { tag, start, end: start + length };
}
__name(readTlv, "readTlv");
function expectTag(element, tag, what) {
  if (element.tag !== tag) throw new DerError(`expected ${what}`);
  return element;
}
__name(expectTag, "expectTag");
function sameBytes(bytes, start, end, expected) {
  if (end - start !== expected.length) return false;
  for (let i = 0; i < expected.length; i += 1) if (bytes[start + i] !== expected[i]) return false;
  return true;
}
__name(sameBytes, "sameBytes");
function positiveInteger(bytes, element, what) {
  const { start, end } = expectTag(element, 2, `the ${what} as an INTEGER`);
  if (end === start) throw new DerError(`the ${what} is empty`);
  if (bytes[start] & 128) throw new DerError(`the ${what} is negative`);
  if (bytes[start] === 0 && (end - start === 1 || !(bytes[start + 1] & 128))) {
    throw new DerError(end - start === 1 ? `the ${what} is zero` : `the ${what} is not in its shortest form`);
  }
  return bytes[start] === 0 ? start + 1 : start;
}
__name(positiveInteger, "positiveInteger");
function bitLength(bytes, first, end) {
  return (end - first - 1) * 8 + (32 - Math.clz32(bytes[first]));
}
__name(bitLength, "bitLength");
function readRsaPublicKey(bytes) {
  const seq = expectTag(readTlv(bytes, 0, bytes.length), 48, "an RSAPublicKey SEQUENCE");
  if (seq.end !== bytes.length) throw new DerError("there are bytes after the key");
  const n = readTlv(bytes, seq.start, seq.end);
  const e = readTlv(bytes, n.end, seq.end);
  if (e.end !== seq.end) throw new DerError("the RSAPublicKey holds more than a modulus and an exponent (a private key?)");
  const nFirst = positiveInteger(bytes, n, "modulus");
  const eFirst = positiveInteger(bytes, e, "public exponent");
  const bits = bitLength(bytes, nFirst, n.end);
  if ((bytes[n.end - 1] & 1) === 0) throw new DerError("the modulus is even");
  const eBits = bitLength(bytes, eFirst, e.end);
  if (eBits > 33 || (bytes[e.end - 1] & 1) === 0 || eBits < 2) {
    throw new DerError("the public exponent is not an odd number from 3 to 2^33 (usually 65537)");
  }
  return { bits };
}
__name(readRsaPublicKey, "readRsaPublicKey");
function readPublicKeyDer(der) {
  const outer = expectTag(readTlv(der, 0, der.length), 48, "a DER SEQUENCE");
  if (outer.end !== der.length) throw new DerError("there are bytes after the key");
  const first = readTlv(der, outer.start, outer.end);
  if (first.tag === 2) return { pkcs1: der, ...readRsaPublicKey(der), flavour: "pkcs1" };
  expectTag(first, 48, "an SPKI or PKCS#1 public key");
  const oid = expectTag(readTlv(der, first.start, first.end), 6, "an algorithm OID");
  if (!sameBytes(der, oid.start, oid.end, OID_RSA_ENCRYPTION)) {
    if (sameBytes(der, oid.start, oid.end, OID_RSA_PSS)) {
      throw new DerError("it is an RSA-PSS key; VideoSDK signs with RSASSA-PKCS1-v1_5 (rsaEncryption keys)");
    }
    if (sameBytes(der, oid.start, oid.end, OID_EC)) throw new DerError("it is an elliptic-curve key, not RSA");
    if (sameBytes(der, oid.start, oid.end, OID_ED25519)) throw new DerError("it is an Ed25519 key, not RSA");
    throw new DerError("its algorithm is not rsaEncryption");
  }
  if (oid.end !== first.end) {
    const params = readTlv(der, oid.end, first.end);
    if (params.tag !== 5 || params.start !== params.end || params.end !== first.end) {
      throw new DerError("the rsaEncryption parameters are not NULL");
    }
  }
  const bitString = expectTag(readTlv(der, first.end, outer.end), 3, "the key as a BIT STRING");
  if (bitString.end !== outer.end) throw new DerError("the SPKI holds more than an algorithm and a key");
  if (bitString.end === bitString.start || der[bitString.start] !== 0) throw new DerError("the key BIT STRING is not whole bytes");
  const pkcs1 = der.subarray(bitString.start + 1, bitString.end);
  return { pkcs1, ...readRsaPublicKey(pkcs1), flavour: "spki" };
}
__name(readPublicKeyDer, "readPublicKeyDer");
function derLength(n) {
  if (n < 128) return [n];
  if (n < 256) return [129, n];
  if (n < 65536) return [130, n >>> 8, n & 255];
  return [131, n >>> 16, n >>> 8 & 255, n & 255];
}
__name(derLength, "derLength");
function tlv(tag, ...parts) {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const head = [tag, ...derLength(length)];
  const out = new Uint8Array(head.length + length);
  out.set(head, 0);
  let o = head.length;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
__name(tlv, "tlv");
function spkiFromPkcs1(pkcs1) {
  const algorithm = tlv(48, tlv(6, OID_RSA_ENCRYPTION), [5, 0]);
  return tlv(48, algorithm, tlv(3, [0], pkcs1));
}
__name(spkiFromPkcs1, "spkiFromPkcs1");
function keyError(where, reason, field) {
  return new WebhookError("KEY_INVALID", `${where} is not a usable RSA public key: ${reason}`, { reason, field });
}
__name(keyError, "keyError");
function parseKey(text, where = "publicKey", field = "publicKey") {
  if (typeof text !== "string") {
    throw keyError(where, `${EXPECTED}, not ${text === null ? "null" : typeof text}`, field);
  }
  if (text.length > MAX_KEY_TEXT) throw keyError(where, `it is over ${MAX_KEY_TEXT} characters; ${EXPECTED}`, field);
  let body = text.trim();
  if (body === "") throw keyError(where, `it is empty; ${EXPECTED}`, field);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(body)) {
    const instead = where.startsWith("publicKey") ? `, or set fetchPublicKey: true to have VideoSDK's key fetched` : "";
    throw keyError(where, `it is a URL, not a key; pass the key itself (${EXPECTED.replace(/^expected /, "")})${instead}`, field);
  }
  let label;
  if (body.includes("-----")) {
    body = body.replace(/\\r\\n|\\n/g, "\n").trim();
    const begins = body.match(/-----BEGIN /g)?.length ?? 0;
    if (begins > 1) throw keyError(where, "it holds more than one PEM block; pass several keys as a list", field);
    const pem = /^-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END ([A-Z0-9 ]+)-----$/.exec(body);
    if (!pem) throw keyError(where, `it is not one PEM block (-----BEGIN <label>----- \u2026 -----END <label>-----); ${EXPECTED}`, field);
    label = pem[1];
    if (pem[3] !== label) throw keyError(where, "its PEM BEGIN and END labels differ", field);
    if (label.includes("PRIVATE KEY")) {
      throw keyError(where, "it is a PRIVATE key; pass VideoSDK's public key (and keep private keys out of configuration)", field);
    }
    if (label === "CERTIFICATE") throw keyError(where, `it is a certificate; ${EXPECTED}`, field);
    if (label !== "PUBLIC KEY" && label !== "RSA PUBLIC KEY") throw keyError(where, `its PEM label is ${label}; ${EXPECTED}`, field);
    body = pem[2];
  }
  const der = decodeBase64(body.replace(/[ \t\r\n]/g, ""));
  if (!der) throw keyError(where, `${label ? "its PEM body" : "it"} is not base64; ${EXPECTED}`, field);
  let key;
  try {
    key = readPublicKeyDer(der);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    throw keyError(where, `${e.message}; ${EXPECTED}`, field);
  }
  if (label === "PUBLIC KEY" && key.flavour !== "spki") {
    throw keyError(where, "its label says PUBLIC KEY (SPKI) but it holds a PKCS#1 key; label it RSA PUBLIC KEY", field);
  }
  if (label === "RSA PUBLIC KEY" && key.flavour !== "pkcs1") {
    throw keyError(where, "its label says RSA PUBLIC KEY (PKCS#1) but it holds an SPKI key; label it PUBLIC KEY", field);
  }
  if (key.bits < MIN_RSA_BITS) {
    throw keyError(where, `it is a ${key.bits}-bit RSA key; VideoSDK's webhook key has at least ${MIN_RSA_BITS} bits`, field);
  }
  if (key.bits > MAX_RSA_BITS) throw keyError(where, `it is a ${key.bits}-bit RSA key; at most ${MAX_RSA_BITS} bits are supported`, field);
  return { spki: spkiFromPkcs1(key.pkcs1), bits: key.bits, flavour: key.flavour };
}
__name(parseKey, "parseKey");
async function importKey(parsed, where = "publicKey", field = "publicKey") {
  let cryptoKey;
  try {
    cryptoKey = await crypto.subtle.importKey("spki", parsed.spki, RSA_ALGORITHM, false, ["verify"]);
  } catch (e) {
    throw keyError(where, `this runtime's WebCrypto refused it (${e?.name ?? "Error"})`, field);
  }
  return { cryptoKey, signatureLength: Math.ceil(parsed.bits / 8), bits: parsed.bits, id: encodeBase64(parsed.spki) };
}
__name(importKey, "importKey");
var PINNED_LIMIT = 32;
var pinned = /* @__PURE__ */ new Map();
var pinning = /* @__PURE__ */ new Map();
function pinnedKeys(texts) {
  const where = /* @__PURE__ */ __name((i) => texts.length > 1 ? `publicKey[${i}]` : "publicKey", "where");
  const parsed = texts.map((text, i) => pinned.has(text) || pinning.has(text) ? null : parseKey(text, where(i)));
  return () => Promise.all(texts.map((text, i) => pinned.get(text) ?? pinning.get(text) ?? startImport(text, parsed[i], where(i))));
}
__name(pinnedKeys, "pinnedKeys");
function startImport(text, parsed, where) {
  const pending = importKey(parsed, where).then(
    (key) => {
      pinning.delete(text);
      if (pinned.size >= PINNED_LIMIT) pinned.delete(pinned.keys().next().value);
      pinned.set(text, key);
      return key;
    },
    (error2) => {
      pinning.delete(text);
      throw error2;
    }
  );
  pinning.set(text, pending);
  return pending;
}
__name(startImport, "startImport");

// ../../target/installed/package/webhooks/key-cache.js
var KEY_PATH = "/v2/public/rsa-public-key";
var REFETCH_INTERVAL_MS = 6e4;
var FETCH_TIMEOUT_MS = 1e4;
var MAX_RESPONSE_BYTES = 64 * 1024;
function fetchFailed(reason, details = {}) {
  return new WebhookError("KEY_FETCH_FAILED", `VideoSDK's webhook key could not be fetched: ${reason}`, { reason, ...details });
}
__name(fetchFailed, "fetchFailed");
function keyTexts(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN ")) return [trimmed];
  let json;
  try {
    json = JSON.parse(trimmed);
  } catch {
    throw fetchFailed("the key endpoint answered neither JSON nor a PEM");
  }
  let value = json;
  if (json !== null && typeof json === "object" && !Array.isArray(json)) {
    value = json.publicKey ?? json.data?.publicKey;
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.length > 0 && value.length <= MAX_KEYS && value.every((v) => typeof v === "string")) {
    return value;
  }
  throw fetchFailed(`the key endpoint's answer has no publicKey string; expected {"publicKey": "-----BEGIN PUBLIC KEY-----\u2026"}`);
}
__name(keyTexts, "keyTexts");
var KeySource = class {
  static {
    __name(this, "KeySource");
  }
  constructor(url) {
    this.url = url;
    this.keys = null;
    this.fetchedAt = -Infinity;
    this.attemptAt = -Infinity;
    this.failure = null;
    this.inflight = null;
  }
  /** Whether the base may be asked at `now`: a minute after the last request (or a clock set back). */
  mayAsk(now) {
    return Math.abs(now - this.attemptAt) >= REFETCH_INTERVAL_MS;
  }
  /** The keys to verify with at `now` (ms). Throws KEY_FETCH_FAILED only when there is no key at all. */
  async current(fetchFn, now, maxAgeMs) {
    if (this.keys && now - this.fetchedAt < maxAgeMs) return this.keys;
    if (this.inflight || this.mayAsk(now)) {
      try {
        return await this.refresh(fetchFn, now);
      } catch (error2) {
        if (!this.keys) throw error2;
        return this.keys;
      }
    }
    if (this.keys) return this.keys;
    const { reason, status } = this.failure;
    throw fetchFailed(`${reason}; ${this.url} is asked again at most once a minute`, { status });
  }
  /**
   * A signature failed against `used`: newer keys to try, or null when there are none (the base
   * was asked less than a minute ago and nobody else has newer ones). Throws KEY_FETCH_FAILED if
   * the refetch fails: the webhook may be genuine and signed with a key not yet seen.
   */
  async afterFailure(fetchFn, used, now) {
    let keys;
    if (this.keys && this.keys !== used) keys = this.keys;
    else if (this.inflight || this.mayAsk(now)) keys = await this.refresh(fetchFn, now);
    else return null;
    return sameKeys(keys, used) ? null : keys;
  }
  refresh(fetchFn, now) {
    if (!this.inflight) {
      this.attemptAt = now;
      this.inflight = this.load(fetchFn).then(
        (keys) => {
          this.inflight = null;
          this.failure = null;
          if (!sameKeys(keys, this.keys)) this.keys = keys;
          this.fetchedAt = now;
          return this.keys;
        },
        (error2) => {
          this.inflight = null;
          this.failure = error2;
          throw error2;
        }
      );
    }
    return this.inflight;
  }
  async load(fetchFn) {
    const init = { method: "GET", headers: { Accept: "application/json" }, redirect: NO_REDIRECT };
    if (typeof AbortSignal !== "undefined" && typeof AbortSignal.timeout === "function") {
      init.signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
    }
    let response;
    try {
      response = await fetchFn(this.url, init);
    } catch (e) {
      throw fetchFailed(`GET ${this.url} failed (${e?.name ?? "Error"}: ${e?.message ?? e})`);
    }
    if (!response || typeof response.status !== "number") throw fetchFailed("fetch did not return a Response");
    if (response.status < 200 || response.status > 299) {
      response.body?.cancel().catch(() => {
      });
      const redirect = isRedirect(response) ? ", a redirect, which is never followed" : "";
      throw fetchFailed(`GET ${this.url} answered ${response.status}${redirect}`, { status: response.status });
    }
    let bytes;
    try {
      bytes = await readLimited(response.body, MAX_RESPONSE_BYTES);
    } catch (e) {
      throw fetchFailed(`reading the answer of GET ${this.url} failed (${e?.name ?? "Error"})`);
    }
    if (bytes === null) throw fetchFailed(`the answer of GET ${this.url} is over ${MAX_RESPONSE_BYTES} bytes`);
    const texts = keyTexts(new TextDecoder().decode(bytes));
    const where = /* @__PURE__ */ __name((i) => texts.length > 1 ? `the fetched key ${i}` : "the fetched key", "where");
    try {
      const parsed = texts.map((text, i) => parseKey(text, where(i)));
      return await Promise.all(parsed.map((key, i) => importKey(key, where(i))));
    } catch (e) {
      if (e instanceof WebhookError) throw fetchFailed(e.message);
      throw e;
    }
  }
};
function sameKeys(a, b) {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((key, i) => key.id === b[i].id);
}
__name(sameKeys, "sameKeys");
var sources = /* @__PURE__ */ new Map();
var MAX_SOURCES = 64;
function keySource(apiBase) {
  const url = apiBase + KEY_PATH;
  let source = sources.get(url);
  if (!source) {
    if (sources.size >= MAX_SOURCES) sources.delete(sources.keys().next().value);
    source = new KeySource(url);
    sources.set(url, source);
  }
  return source;
}
__name(keySource, "keySource");

// ../../target/installed/package/webhooks/index.js
var SIGNATURE_HEADER = "videosdk-signature";
var VERIFY_OPTIONS = ["publicKey", "fetchPublicKey", "fetch", "apiBase", "keyCacheSeconds", "now"];
var HANDLER_OPTIONS = [...VERIFY_OPTIONS, "onEvent", "maxBodyBytes"];
var DEFAULT_KEY_CACHE_SECONDS = 3600;
var DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
var MAX_SIGNATURE_TEXT = 2732;
async function verified(data, signature, config) {
  const importPinned = config.publicKeys && pinnedKeys(config.publicKeys);
  const sig = signatureBytes(signature);
  if (importPinned) {
    const keys = await importPinned();
    checkLength(sig, keys);
    if (!await matches(keys, sig, data)) throw mismatch(keys.length);
  } else {
    const source = keySource(config.apiBase);
    let keys = await source.current(config.fetch, config.now, config.keyCacheSeconds * 1e3);
    if (!(keys.some((k) => k.signatureLength === sig.length) && await matches(keys, sig, data))) {
      const newer = await source.afterFailure(config.fetch, keys, config.now);
      if (newer === null) {
        checkLength(sig, keys);
        throw mismatch(keys.length);
      }
      keys = newer;
      checkLength(sig, keys);
      if (!await matches(keys, sig, data)) throw mismatch(keys.length);
    }
  }
  return parseEvent(data);
}
__name(verified, "verified");
async function handleWebhookRequest(request, options) {
  try {
    return await answerWebhook(request, options);
  } catch {
    return serverError();
  }
}
__name(handleWebhookRequest, "handleWebhookRequest");
async function answerWebhook(request, given) {
  if (given === null || typeof given !== "object") return serverError();
  let options;
  try {
    options = ownOptions(given, "handleWebhookRequest", HANDLER_OPTIONS, invalid);
  } catch {
    return serverError();
  }
  if (typeof options.onEvent !== "function") return serverError();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 1) return serverError();
  if (request.method !== "POST") {
    return jsonResponse(405, error("METHOD_NOT_ALLOWED", `send webhooks with POST, not ${quote(request.method)}`), { Allow: "POST" });
  }
  const tooLarge = /* @__PURE__ */ __name(() => jsonResponse(413, error("PAYLOAD_TOO_LARGE", `the body is over ${limit} bytes`)), "tooLarge");
  const declared = request.headers.get("Content-Length");
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > limit) return tooLarge();
  let body;
  try {
    body = await readLimited(request.body, limit);
  } catch {
    return jsonResponse(400, error("BODY_INVALID", "the body could not be read"));
  }
  if (body === null) return tooLarge();
  let event;
  try {
    event = await verified(body, request.headers.get(SIGNATURE_HEADER), checkOptions(options, "handleWebhookRequest", HANDLER_OPTIONS));
  } catch (e) {
    if (!(e instanceof WebhookError)) return serverError();
    switch (e.code) {
      case "SIGNATURE_MISSING":
      case "BODY_INVALID":
        return jsonResponse(400, error(e.code, e.message));
      case "SIGNATURE_INVALID":
        return jsonResponse(401, error(e.code, e.message));
      case "KEY_FETCH_FAILED":
        return jsonResponse(503, error(e.code, "the webhook key could not be fetched; retry later"));
      default:
        return serverError();
    }
  }
  const digest = await sha256Hex(body);
  try {
    await options.onEvent(event, { request, digest });
  } catch {
    return serverError();
  }
  return jsonResponse(200, { received: true });
}
__name(answerWebhook, "answerWebhook");
function invalid(field, message) {
  return new WebhookError("INVALID_OPTIONS", message, { field });
}
__name(invalid, "invalid");
function checkOptions(given, where, allowed) {
  if (given === null || typeof given !== "object") {
    throw invalid("options", `${where}: options must be an object: { publicKey } or { fetchPublicKey: true }`);
  }
  const options = ownOptions(given, where, allowed, invalid);
  const { publicKey, fetchPublicKey } = options;
  if (fetchPublicKey !== void 0 && typeof fetchPublicKey !== "boolean") {
    throw invalid("fetchPublicKey", `${where}: options.fetchPublicKey must be true or false`);
  }
  const keyError2 = /* @__PURE__ */ __name((reason) => new WebhookError("KEY_INVALID", `${where}: ${reason}`, { reason, field: "publicKey" }), "keyError");
  if (fetchPublicKey === true) {
    if (publicKey !== void 0) throw keyError2("give options.publicKey or options.fetchPublicKey: true, not both");
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== "function") throw invalid("fetch", `${where}: options.fetch must be a fetch function`);
    const apiBase = apiBaseUrl(options.apiBase ?? API_BASE);
    if (apiBase === null) {
      throw invalid("apiBase", `${where}: options.apiBase must be an https URL such as ${API_BASE} (http only on localhost, 127.0.0.0/8 or [::1])`);
    }
    const keyCacheSeconds = options.keyCacheSeconds ?? DEFAULT_KEY_CACHE_SECONDS;
    if (typeof keyCacheSeconds !== "number" || !Number.isFinite(keyCacheSeconds) || keyCacheSeconds < 0) {
      throw invalid("keyCacheSeconds", `${where}: options.keyCacheSeconds must be a number of seconds (default ${DEFAULT_KEY_CACHE_SECONDS})`);
    }
    return { publicKeys: void 0, fetch: fetchFn, apiBase, keyCacheSeconds, now: clock(options.now, where) };
  }
  if (publicKey === void 0 || publicKey === null) {
    throw keyError2("no key: pass options.publicKey (VideoSDK's RSA public key, PEM) or options.fetchPublicKey: true");
  }
  const publicKeys = Array.isArray(publicKey) ? publicKey : [publicKey];
  if (publicKeys.length === 0 || publicKeys.length > MAX_KEYS) {
    throw keyError2(`options.publicKey must be one key or a list of 1 to ${MAX_KEYS} keys`);
  }
  return { publicKeys };
}
__name(checkOptions, "checkOptions");
function clock(now, where) {
  if (now === void 0) return Date.now();
  if (now instanceof Date && Number.isFinite(now.getTime())) return now.getTime();
  if (typeof now === "number" && Number.isFinite(now)) return now * 1e3;
  throw invalid("now", `${where}: options.now must be seconds since 1970 or a Date`);
}
__name(clock, "clock");
function signatureBytes(signature) {
  if (signature === null || signature === void 0 || typeof signature === "string" && signature.trim() === "") {
    throw new WebhookError(
      "SIGNATURE_MISSING",
      `the ${SIGNATURE_HEADER} header is missing or empty; VideoSDK signs every webhook it sends`
    );
  }
  if (typeof signature !== "string") {
    throw invalid("signature", `verifyWebhook: signature must be the ${SIGNATURE_HEADER} header's value (a string), or null`);
  }
  const text = signature.trim();
  const bytes = text.length <= MAX_SIGNATURE_TEXT ? decodeBase64(text) : null;
  if (!bytes) {
    throw new WebhookError(
      "SIGNATURE_INVALID",
      `the ${SIGNATURE_HEADER} header is not a signature: expected standard base64 (A-Z a-z 0-9 + /, padded with =)`
    );
  }
  return bytes;
}
__name(signatureBytes, "signatureBytes");
function checkLength(sig, keys) {
  if (keys.some((k) => k.signatureLength === sig.length)) return;
  const sizes = [...new Set(keys.map((k) => `${k.signatureLength} bytes for a ${k.bits}-bit key`))].join(", ");
  throw new WebhookError(
    "SIGNATURE_INVALID",
    `the ${SIGNATURE_HEADER} header holds ${sig.length} bytes; an RSA signature is ${sizes}`
  );
}
__name(checkLength, "checkLength");
function mismatch(count) {
  return new WebhookError(
    "SIGNATURE_INVALID",
    `the ${SIGNATURE_HEADER} header does not match the body for ${count > 1 ? `any of the ${count} keys` : "the key"}: the body must be verified exactly as received, and signed with VideoSDK's key`
  );
}
__name(mismatch, "mismatch");
async function matches(keys, sig, data) {
  for (const key of keys) {
    if (key.signatureLength !== sig.length) continue;
    if (await crypto.subtle.verify(RSA_ALGORITHM, key.cryptoKey, sig, data)) return true;
  }
  return false;
}
__name(matches, "matches");
function parseEvent(data) {
  const invalid2 = /* @__PURE__ */ __name((reason) => new WebhookError("BODY_INVALID", `the webhook body is signed but ${reason}; expected {"webhookType": "\u2026", "data": {\u2026}}`, { reason }), "invalid");
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    throw invalid2("not UTF-8 text");
  }
  let event;
  try {
    event = JSON.parse(text);
  } catch {
    throw invalid2("not JSON");
  }
  if (event === null || typeof event !== "object" || Array.isArray(event)) throw invalid2("not a JSON object");
  const { webhookType, type } = event;
  if (webhookType !== void 0 && typeof webhookType !== "string") throw invalid2("its webhookType is not a string");
  const name = webhookType ?? type;
  if (typeof name !== "string" || name === "") throw invalid2("it has no webhookType (or type) string");
  if (webhookType === void 0) event.webhookType = name;
  return event;
}
__name(parseEvent, "parseEvent");
async function sha256Hex(bytes) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const b of hash) hex += b.toString(16).padStart(2, "0");
  return hex;
}
__name(sha256Hex, "sha256Hex");
function error(code, message) {
  return { error: { code, message } };
}
__name(error, "error");
function serverError() {
  return jsonResponse(500, error("SERVER_ERROR", "the webhook could not be processed; retry later"));
}
__name(serverError, "serverError");

// webhooks.mjs
var webhooks_default = {
  fetch: /* @__PURE__ */ __name((request, env) => handleWebhookRequest(request, {
    publicKey: env.VIDEOSDK_WEBHOOK_PUBLIC_KEY,
    onEvent: /* @__PURE__ */ __name((event) => console.log(event.webhookType), "onEvent")
  }), "fetch")
};
export {
  webhooks_default as default
};
//# sourceMappingURL=webhooks.js.map
