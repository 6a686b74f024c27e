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
// What a key of another algorithm is, by its OID's bytes as Array.prototype.join writes them.
const NOT_RSA = {
  __proto__: null,
  // 1.2.840.113549.1.1.10
  '42,134,72,134,247,13,1,1,10': 'it is an RSA-PSS key; VideoSDK signs with RSASSA-PKCS1-v1_5 (rsaEncryption keys)',
  '42,134,72,206,61,2,1': 'it is an elliptic-curve key, not RSA', // 1.2.840.10045.2.1
  '43,101,112': 'it is an Ed25519 key, not RSA', // 1.3.101.112
};
const EXPECTED = 'expected a PEM (-----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----) or the base64 of its DER';

// ---------------------------------------------------------------------------------------------
// Base64 (RFC 4648 section 4), strict: standard alphabet, padded, canonical (the bits a padded
// quantum leaves over are zero: before == the last character is one of AQgw, before = one of
// AEIMQUYcgkosw048). atob() alone is lenient about whitespace, padding and stray bits, so only
// text that matches this is given to it. Fixed-width groups: linear time on any input.
// ---------------------------------------------------------------------------------------------

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;

/** The bytes of strict standard base64, or null if `text` is anything else. */
export function decodeBase64(text) {
  return text !== '' && BASE64.test(text) ? Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) : null;
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
  const algorithm = der.subarray(oid.start, oid.end).join();
  if (algorithm !== OID_RSA_ENCRYPTION.join()) throw new DerError(NOT_RSA[algorithm] ?? 'its algorithm is not rsaEncryption');
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

/** One DER element: `tag`, the length of `parts` together (shortest form), their bytes; as numbers. */
function tlv(tag, ...parts) {
  const content = parts.flatMap((p) => [...p]);
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n]
    : n < 0x10000 ? [0x82, n >>> 8, n & 0xff] : [0x83, n >>> 16, (n >>> 8) & 0xff, n & 0xff];
  return [tag, ...length, ...content];
}

/** SPKI DER around an RSAPublicKey: what crypto.subtle.importKey('spki', …) takes everywhere. */
export function spkiFromPkcs1(pkcs1) {
  const algorithm = tlv(0x30, tlv(0x06, OID_RSA_ENCRYPTION), [0x05, 0x00]);
  return new Uint8Array(tlv(0x30, algorithm, tlv(0x03, [0x00], pkcs1)));
}

// ---------------------------------------------------------------------------------------------
// Key text → checked key
// ---------------------------------------------------------------------------------------------

// The field is publicKey: a key that fails here came from options.publicKey, or was fetched
// (and then its error becomes a KEY_FETCH_FAILED, which names no field).
function keyError(where, reason) {
  return new WebhookError('KEY_INVALID', `${where} is not a usable RSA public key: ${reason}`, { reason, field: 'publicKey' });
}

/**
 * Reads one key: a PEM of either flavour or bare base64 DER of either. Returns
 * { spki (canonical DER), bits, flavour }. Throws KEY_INVALID naming `where` (e.g. "publicKey[1]").
 */
export function parseKey(text, where = 'publicKey') {
  if (typeof text !== 'string') {
    throw keyError(where, `${EXPECTED}, not ${text === null ? 'null' : typeof text}`);
  }
  if (text.length > MAX_KEY_TEXT) throw keyError(where, `it is over ${MAX_KEY_TEXT} characters; ${EXPECTED}`);
  let body = text.trim();
  if (body === '') throw keyError(where, `it is empty; ${EXPECTED}`);
  // VideoSDK's docs give the key as a URL to GET, so the URL itself lands in configuration. The
  // URL is not quoted (it is the caller's text); the hint to fetch suits keys from options only.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(body)) {
    const instead = where.startsWith('publicKey') ? `, or set fetchPublicKey: true to have VideoSDK's key fetched` : '';
    throw keyError(where, `it is a URL, not a key; pass the key itself (${EXPECTED.replace(/^expected /, '')})${instead}`);
  }
  let label;
  if (body.includes('-----')) {
    // Environment variables often hold a PEM with its line breaks written as the two characters \n.
    body = body.replace(/\\r\\n|\\n/g, '\n').trim();
    const begins = body.match(/-----BEGIN /g)?.length ?? 0;
    if (begins > 1) throw keyError(where, 'it holds more than one PEM block; pass several keys as a list');
    const pem = /^-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END ([A-Z0-9 ]+)-----$/.exec(body);
    if (!pem) throw keyError(where, `it is not one PEM block (-----BEGIN <label>----- … -----END <label>-----); ${EXPECTED}`);
    label = pem[1];
    if (pem[3] !== label) throw keyError(where, 'its PEM BEGIN and END labels differ');
    if (label.includes('PRIVATE KEY')) {
      throw keyError(where, 'it is a PRIVATE key; pass VideoSDK\'s public key (and keep private keys out of configuration)');
    }
    if (label === 'CERTIFICATE') throw keyError(where, `it is a certificate; ${EXPECTED}`);
    if (label !== 'PUBLIC KEY' && label !== 'RSA PUBLIC KEY') throw keyError(where, `its PEM label is ${label}; ${EXPECTED}`);
    body = pem[2];
  }
  const der = decodeBase64(body.replace(/[ \t\r\n]/g, ''));
  if (!der) throw keyError(where, `${label ? 'its PEM body' : 'it'} is not base64; ${EXPECTED}`);
  let key;
  try {
    key = readPublicKeyDer(der);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    throw keyError(where, `${e.message}; ${EXPECTED}`);
  }
  if (label === 'PUBLIC KEY' && key.flavour !== 'spki') {
    throw keyError(where, 'its label says PUBLIC KEY (SPKI) but it holds a PKCS#1 key; label it RSA PUBLIC KEY');
  }
  if (label === 'RSA PUBLIC KEY' && key.flavour !== 'pkcs1') {
    throw keyError(where, 'its label says RSA PUBLIC KEY (PKCS#1) but it holds an SPKI key; label it PUBLIC KEY');
  }
  if (key.bits < MIN_RSA_BITS) {
    throw keyError(where, `it is a ${key.bits}-bit RSA key; VideoSDK's webhook key has at least ${MIN_RSA_BITS} bits`);
  }
  if (key.bits > MAX_RSA_BITS) throw keyError(where, `it is a ${key.bits}-bit RSA key; at most ${MAX_RSA_BITS} bits are supported`);
  return { spki: spkiFromPkcs1(key.pkcs1), bits: key.bits, flavour: key.flavour };
}

/**
 * Imports a parsed key: { cryptoKey, signatureLength (bytes), id (its canonical SPKI, base64) }.
 */
export async function importKey(parsed, where = 'publicKey') {
  let cryptoKey;
  try {
    cryptoKey = await crypto.subtle.importKey('spki', parsed.spki, RSA_ALGORITHM, false, ['verify']);
  } catch (e) {
    throw keyError(where, `this runtime's WebCrypto refused it (${e?.name ?? 'Error'})`);
  }
  return { cryptoKey, signatureLength: Math.ceil(parsed.bits / 8), bits: parsed.bits, id: btoa(String.fromCharCode(...parsed.spki)) };
}

// Keys given in options are imported once per isolate: a Worker reading its key from env on
// every request pays for the import on the first request only. One promise per key text, shared
// by concurrent first callers and kept once settled; the oldest goes past PINNED_LIMIT.
const PINNED_LIMIT = 32;
const pinned = new Map(); // key text → promise of its imported key

/**
 * Keys given in options, parsed now (throwing KEY_INVALID synchronously, before any promise
 * exists that nobody would await) and returned as a function that imports them, or takes them
 * from the cache when they were seen before.
 */
export function pinnedKeys(texts) {
  const where = (i) => (texts.length > 1 ? `publicKey[${i}]` : 'publicKey');
  const parsed = texts.map((text, i) => (pinned.has(text) ? null : parseKey(text, where(i))));
  return () => Promise.all(texts.map((text, i) => pinned.get(text) ?? startImport(text, parsed[i], where(i))));
}

function startImport(text, parsed, where) {
  const pending = importKey(parsed, where);
  // A failed import is forgotten (unless already replaced), so a later call tries it again.
  pending.catch(() => pinned.get(text) === pending && pinned.delete(text));
  if (pinned.size >= PINNED_LIMIT) pinned.delete(pinned.keys().next().value);
  pinned.set(text, pending);
  return pending;
}
