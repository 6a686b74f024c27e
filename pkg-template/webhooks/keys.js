// VideoSDK's webhook key, read strictly from text and imported into WebCrypto for
// RSASSA-PKCS1-v1_5 with SHA-256 (what VideoSDK's docs call "RSA-SHA256").
//
// VideoSDK's own samples use both PEM flavours: its Java sample reads SPKI (`BEGIN PUBLIC KEY`,
// X509EncodedKeySpec) and its Python sample PKCS#1 (`BEGIN RSA PUBLIC KEY`, load_pkcs1); keys
// also travel as bare base64 DER of either. WebCrypto imports SPKI only, so the DER is parsed
// here (strict DER: definite, minimal lengths, nothing trailing), the RSAPublicKey inside is
// checked (at least 2048 bits) and wrapped into one canonical SPKI, so every runtime imports the
// same bytes. Messages never quote the input: a private key pasted by mistake stays out of logs.
import { WebhookError } from '../shared/errors.js';

export const MIN_RSA_BITS = 2048;
// The largest modulus WebCrypto implementations import.
const MAX_RSA_BITS = 16384;
const MAX_KEY_TEXT = 64 * 1024;
// A few keys at once is rotation; more is a configuration mistake.
export const MAX_KEYS = 8;

export const RSA_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
const OID_RSA_ENCRYPTION = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]; // 1.2.840.113549.1.1.1
const OID_RSA_PSS = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a]; // 1.2.840.113549.1.1.10
const OID_EC = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]; // 1.2.840.10045.2.1
const OID_ED25519 = [0x2b, 0x65, 0x70]; // 1.3.101.112
const EXPECTED = 'expected a PEM (-----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----) or the base64 of its DER';

// ---------------------------------------------------------------------------------------------
// Base64 (RFC 4648 section 4), strict: standard alphabet, padded, canonical. atob() is lenient
// about whitespace and stray bits, so it is not used.
// ---------------------------------------------------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) SEXTET[ALPHABET.charCodeAt(i)] = i;

function sextet(text, i) {
  const c = text.charCodeAt(i);
  return c < 128 ? SEXTET[c] : -1;
}

/** The bytes of strict standard base64, or null if `text` is anything else. */
export function decodeBase64(text) {
  const n = text.length;
  if (n === 0 || n % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((n / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    const tail = i + 4 === n ? pad : 0;
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = tail === 2 ? 0 : sextet(text, i + 2);
    const d = tail >= 1 ? 0 : sextet(text, i + 3);
    if ((a | b | c | d) < 0) return null;
    // Canonical: the bits a padded quantum leaves over must be zero.
    if ((tail === 2 && (b & 0x0f) !== 0) || (tail === 1 && (c & 0x03) !== 0)) return null;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = bits >>> 16;
    if (tail < 2) out[o++] = (bits >>> 8) & 0xff;
    if (tail < 1) out[o++] = bits & 0xff;
  }
  return out;
}

export function encodeBase64(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const bits = (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0);
    out += ALPHABET[bits >>> 18] + ALPHABET[(bits >>> 12) & 63];
    out += rest > 1 ? ALPHABET[(bits >>> 6) & 63] : '=';
    out += rest > 2 ? ALPHABET[bits & 63] : '=';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// DER, the little of it a public key needs.
// ---------------------------------------------------------------------------------------------

class DerError extends Error {}

/** One tag-length-value at `pos`, which must end by `end`: { tag, start, end } of its content. */
function readTlv(bytes, pos, end) {
  if (pos + 2 > end) throw new DerError('it ends in the middle of a DER element');
  const tag = bytes[pos];
  let length = bytes[pos + 1];
  let start = pos + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw new DerError('it uses an indefinite length, which DER forbids');
    if (count > 3 || start + count > end) throw new DerError('a DER length is out of range');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + bytes[start + i];
    if (bytes[start] === 0 || length < 0x80) throw new DerError('a DER length is not in its shortest form');
    start += count;
  }
  if (start + length > end) throw new DerError('a DER element is longer than the data');
  return { tag, start, end: start + length };
}

function expectTag(element, tag, what) {
  if (element.tag !== tag) throw new DerError(`expected ${what}`);
  return element;
}

function sameBytes(bytes, start, end, expected) {
  if (end - start !== expected.length) return false;
  for (let i = 0; i < expected.length; i += 1) if (bytes[start + i] !== expected[i]) return false;
  return true;
}

/** A positive DER INTEGER in minimal form: the offset of its first significant byte. */
function positiveInteger(bytes, element, what) {
  const { start, end } = expectTag(element, 0x02, `the ${what} as an INTEGER`);
  if (end === start) throw new DerError(`the ${what} is empty`);
  if (bytes[start] & 0x80) throw new DerError(`the ${what} is negative`);
  if (bytes[start] === 0 && (end - start === 1 || !(bytes[start + 1] & 0x80))) {
    throw new DerError(end - start === 1 ? `the ${what} is zero` : `the ${what} is not in its shortest form`);
  }
  return bytes[start] === 0 ? start + 1 : start;
}

function bitLength(bytes, first, end) {
  return (end - first - 1) * 8 + (32 - Math.clz32(bytes[first]));
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1). */
function readRsaPublicKey(bytes) {
  const seq = expectTag(readTlv(bytes, 0, bytes.length), 0x30, 'an RSAPublicKey SEQUENCE');
  if (seq.end !== bytes.length) throw new DerError('there are bytes after the key');
  const n = readTlv(bytes, seq.start, seq.end);
  const e = readTlv(bytes, n.end, seq.end);
  if (e.end !== seq.end) throw new DerError('the RSAPublicKey holds more than a modulus and an exponent (a private key?)');
  const nFirst = positiveInteger(bytes, n, 'modulus');
  const eFirst = positiveInteger(bytes, e, 'public exponent');
  const bits = bitLength(bytes, nFirst, n.end);
  if ((bytes[n.end - 1] & 1) === 0) throw new DerError('the modulus is even');
  const eBits = bitLength(bytes, eFirst, e.end);
  // WebCrypto implementations take exponents up to 33 bits; real keys use 65537.
  if (eBits > 33 || (bytes[e.end - 1] & 1) === 0 || (eBits < 2)) {
    throw new DerError('the public exponent is not an odd number from 3 to 2^33 (usually 65537)');
  }
  return { bits };
}

/** Reads SPKI or PKCS#1 DER: { pkcs1 (the RSAPublicKey bytes), bits, flavour }. */
function readPublicKeyDer(der) {
  const outer = expectTag(readTlv(der, 0, der.length), 0x30, 'a DER SEQUENCE');
  if (outer.end !== der.length) throw new DerError('there are bytes after the key');
  const first = readTlv(der, outer.start, outer.end);
  if (first.tag === 0x02) return { pkcs1: der, ...readRsaPublicKey(der), flavour: 'pkcs1' };
  // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
  expectTag(first, 0x30, 'an SPKI or PKCS#1 public key');
  const oid = expectTag(readTlv(der, first.start, first.end), 0x06, 'an algorithm OID');
  if (!sameBytes(der, oid.start, oid.end, OID_RSA_ENCRYPTION)) {
    if (sameBytes(der, oid.start, oid.end, OID_RSA_PSS)) {
      throw new DerError('it is an RSA-PSS key; VideoSDK signs with RSASSA-PKCS1-v1_5 (rsaEncryption keys)');
    }
    if (sameBytes(der, oid.start, oid.end, OID_EC)) throw new DerError('it is an elliptic-curve key, not RSA');
    if (sameBytes(der, oid.start, oid.end, OID_ED25519)) throw new DerError('it is an Ed25519 key, not RSA');
    throw new DerError('its algorithm is not rsaEncryption');
  }
  // The parameters are NULL (RFC 3279); some encoders leave them out.
  if (oid.end !== first.end) {
    const params = readTlv(der, oid.end, first.end);
    if (params.tag !== 0x05 || params.start !== params.end || params.end !== first.end) {
      throw new DerError('the rsaEncryption parameters are not NULL');
    }
  }
  const bitString = expectTag(readTlv(der, first.end, outer.end), 0x03, 'the key as a BIT STRING');
  if (bitString.end !== outer.end) throw new DerError('the SPKI holds more than an algorithm and a key');
  if (bitString.end === bitString.start || der[bitString.start] !== 0) throw new DerError('the key BIT STRING is not whole bytes');
  const pkcs1 = der.subarray(bitString.start + 1, bitString.end);
  return { pkcs1, ...readRsaPublicKey(pkcs1), flavour: 'spki' };
}

function derLength(n) {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  if (n < 0x10000) return [0x82, n >>> 8, n & 0xff];
  return [0x83, n >>> 16, (n >>> 8) & 0xff, n & 0xff];
}

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

/** SPKI DER around an RSAPublicKey: what crypto.subtle.importKey('spki', …) takes everywhere. */
export function spkiFromPkcs1(pkcs1) {
  const algorithm = tlv(0x30, tlv(0x06, OID_RSA_ENCRYPTION), [0x05, 0x00]);
  return tlv(0x30, algorithm, tlv(0x03, [0x00], pkcs1));
}

// ---------------------------------------------------------------------------------------------
// Key text → checked key
// ---------------------------------------------------------------------------------------------

function keyError(where, reason, field) {
  return new WebhookError('KEY_INVALID', `${where} is not a usable RSA public key: ${reason}`, { reason, field });
}

/**
 * Reads one key: a PEM of either flavour or bare base64 DER of either. Returns
 * { spki (canonical DER), bits, flavour }. Throws KEY_INVALID naming `where` (e.g. "publicKey[1]").
 */
export function parseKey(text, where = 'publicKey', field = 'publicKey') {
  if (typeof text !== 'string') {
    throw keyError(where, `${EXPECTED}, not ${text === null ? 'null' : typeof text}`, field);
  }
  if (text.length > MAX_KEY_TEXT) throw keyError(where, `it is over ${MAX_KEY_TEXT} characters; ${EXPECTED}`, field);
  let body = text.trim();
  if (body === '') throw keyError(where, `it is empty; ${EXPECTED}`, field);
  // VideoSDK's docs give the key as a URL to GET, so the URL itself lands in configuration. The
  // URL is not quoted (it is the caller's text); the hint to fetch suits keys from options only.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(body)) {
    const instead = where.startsWith('publicKey') ? `, or set fetchPublicKey: true to have VideoSDK's key fetched` : '';
    throw keyError(where, `it is a URL, not a key; pass the key itself (${EXPECTED.replace(/^expected /, '')})${instead}`, field);
  }
  let label;
  if (body.includes('-----')) {
    // Environment variables often hold a PEM with its line breaks written as the two characters \n.
    body = body.replace(/\\r\\n|\\n/g, '\n').trim();
    const begins = body.match(/-----BEGIN /g)?.length ?? 0;
    if (begins > 1) throw keyError(where, 'it holds more than one PEM block; pass several keys as a list', field);
    const pem = /^-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END ([A-Z0-9 ]+)-----$/.exec(body);
    if (!pem) throw keyError(where, `it is not one PEM block (-----BEGIN <label>----- … -----END <label>-----); ${EXPECTED}`, field);
    label = pem[1];
    if (pem[3] !== label) throw keyError(where, 'its PEM BEGIN and END labels differ', field);
    if (label.includes('PRIVATE KEY')) {
      throw keyError(where, 'it is a PRIVATE key; pass VideoSDK\'s public key (and keep private keys out of configuration)', field);
    }
    if (label === 'CERTIFICATE') throw keyError(where, `it is a certificate; ${EXPECTED}`, field);
    if (label !== 'PUBLIC KEY' && label !== 'RSA PUBLIC KEY') throw keyError(where, `its PEM label is ${label}; ${EXPECTED}`, field);
    body = pem[2];
  }
  const der = decodeBase64(body.replace(/[ \t\r\n]/g, ''));
  if (!der) throw keyError(where, `${label ? 'its PEM body' : 'it'} is not base64; ${EXPECTED}`, field);
  let key;
  try {
    key = readPublicKeyDer(der);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    throw keyError(where, `${e.message}; ${EXPECTED}`, field);
  }
  if (label === 'PUBLIC KEY' && key.flavour !== 'spki') {
    throw keyError(where, 'its label says PUBLIC KEY (SPKI) but it holds a PKCS#1 key; label it RSA PUBLIC KEY', field);
  }
  if (label === 'RSA PUBLIC KEY' && key.flavour !== 'pkcs1') {
    throw keyError(where, 'its label says RSA PUBLIC KEY (PKCS#1) but it holds an SPKI key; label it PUBLIC KEY', field);
  }
  if (key.bits < MIN_RSA_BITS) {
    throw keyError(where, `it is a ${key.bits}-bit RSA key; VideoSDK's webhook key has at least ${MIN_RSA_BITS} bits`, field);
  }
  if (key.bits > MAX_RSA_BITS) throw keyError(where, `it is a ${key.bits}-bit RSA key; at most ${MAX_RSA_BITS} bits are supported`, field);
  return { spki: spkiFromPkcs1(key.pkcs1), bits: key.bits, flavour: key.flavour };
}

/**
 * Imports a parsed key: { cryptoKey, signatureLength (bytes), id (its canonical SPKI, base64) }.
 */
export async function importKey(parsed, where = 'publicKey', field = 'publicKey') {
  let cryptoKey;
  try {
    cryptoKey = await crypto.subtle.importKey('spki', parsed.spki, RSA_ALGORITHM, false, ['verify']);
  } catch (e) {
    throw keyError(where, `this runtime's WebCrypto refused it (${e?.name ?? 'Error'})`, field);
  }
  return { cryptoKey, signatureLength: Math.ceil(parsed.bits / 8), bits: parsed.bits, id: encodeBase64(parsed.spki) };
}

// Keys given in options are imported once per isolate: a Worker reading its key from env on
// every request pays for the import on the first request only.
const PINNED_LIMIT = 32;
const pinned = new Map(); // key text → imported key
const pinning = new Map(); // key text → promise of it, shared by concurrent first callers

/**
 * Keys given in options, parsed now (throwing KEY_INVALID synchronously, before any promise
 * exists that nobody would await) and returned as a function that imports them, or takes them
 * from the cache when they were seen before.
 */
export function pinnedKeys(texts) {
  const where = (i) => (texts.length > 1 ? `publicKey[${i}]` : 'publicKey');
  const parsed = texts.map((text, i) => (pinned.has(text) || pinning.has(text) ? null : parseKey(text, where(i))));
  return () => Promise.all(texts.map((text, i) => pinned.get(text) ?? pinning.get(text) ?? startImport(text, parsed[i], where(i))));
}

function startImport(text, parsed, where) {
  const pending = importKey(parsed, where).then(
    (key) => {
      pinning.delete(text);
      if (pinned.size >= PINNED_LIMIT) pinned.delete(pinned.keys().next().value);
      pinned.set(text, key);
      return key;
    },
    (error) => {
      pinning.delete(text);
      throw error;
    },
  );
  pinning.set(text, pending);
  return pending;
}
