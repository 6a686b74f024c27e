// A webhook signer standing in for VideoSDK's: an RSA-2048 key pair made with WebCrypto, the
// public half as SPKI PEM (what verifyWebhook's `publicKey` takes, and what the stand-in's
// GET /v2/public/rsa-public-key serves), and RSASSA-PKCS1-v1_5 SHA-256 signatures, base64, over
// the exact bytes of a body, as VideoSDK signs its webhooks in the `videosdk-signature` header.
import { invalidOptions } from '../shared/errors.js';
import { readOptions } from '../shared/options.js';
import { WEBHOOK_SAMPLES } from './webhook-events.js';

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
const DEFAULT_URL = 'https://app.example/webhooks/videosdk';
const encoder = new TextEncoder();

function base64(bytes) {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

const pem = (der) => `-----BEGIN PUBLIC KEY-----\n${base64(der).match(/.{1,64}/g).join('\n')}\n-----END PUBLIC KEY-----\n`;

/**
 * The body's bytes: a string as UTF-8, bytes as they are.
 * @returns {Uint8Array<ArrayBuffer>}
 */
function bytesOf(body, call) {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return /** @type {Uint8Array<ArrayBuffer>} */ (new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  throw invalidOptions('body', `${call} takes the body as a string or bytes (Uint8Array, ArrayBuffer), exactly as it will be sent`);
}

/**
 * A new signer: `{ publicKey, sign(body), request(body, { url }), event(type, data) }`.
 * @returns {Promise<import('./index.js').WebhookSigner>}
 */
export async function createWebhookSigner() {
  const { privateKey, publicKey } = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const spki = pem(await crypto.subtle.exportKey('spki', publicKey));

  async function sign(body) {
    const signature = await crypto.subtle.sign(ALGORITHM.name, privateKey, bytesOf(body, 'sign'));
    return base64(signature);
  }

  return Object.freeze({
    publicKey: spki,
    sign,
    /** A signed POST carrying `body` as given, ready for handleWebhookRequest or a served app. */
    async request(body, options = {}) {
      const bytes = bytesOf(body, 'request');
      if (options === null || typeof options !== 'object') throw invalidOptions('options', 'request takes { url } as its second argument');
      const { url = DEFAULT_URL } = readOptions(options, 'request', ['url']);
      if (typeof url !== 'string' || !/^https?:\/\/[^\s/]/.test(url)) {
        throw invalidOptions('url', 'request\'s url must be an absolute http(s) URL, such as https://app.example/webhooks/videosdk');
      }
      return new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'videosdk-signature': await sign(bytes) },
        body: bytes,
      });
    },
    /** A body (a JSON string) for `type` in VideoSDK's envelope; `data` overrides the sample's values. */
    event(type, data = {}) {
      if (typeof type !== 'string' || !Object.hasOwn(WEBHOOK_SAMPLES, type)) {
        throw invalidOptions('type', `event takes one of the webhook types: ${Object.keys(WEBHOOK_SAMPLES).join(', ')}`);
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalidOptions('data', 'event\'s data must be an object of values to override');
      return JSON.stringify({ webhookType: type, data: { ...WEBHOOK_SAMPLES[type], ...data } });
    },
  });
}
