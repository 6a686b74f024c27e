// Writes tests/vectors/webhooks.json: webhook bodies, signatures and keys made with node:crypto
// (OpenSSL), an implementation independent of the WebCrypto code under test, so every runtime
// checks the same cases. Run by hand when the cases change (not by make test):
//   node scripts/gen-webhook-vectors.mjs
// The keys are generated afresh on each run; only public keys are written.
import { constants, createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const OUT = 'tests/vectors/webhooks.json';

function rsa(bits) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 });
  return {
    privateKey,
    public: {
      bits,
      spkiPem: publicKey.export({ type: 'spki', format: 'pem' }),
      pkcs1Pem: publicKey.export({ type: 'pkcs1', format: 'pem' }),
      spkiDer: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      pkcs1Der: publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64'),
    },
  };
}

const keys = { main: rsa(2048), other: rsa(2048), large: rsa(3072), weak: rsa(1024) };
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).publicKey;

/** RSASSA-PKCS1-v1_5 unless told otherwise, base64 as VideoSDK sends it. */
function signature(bytes, key = 'main', { hash = 'sha256', padding = constants.RSA_PKCS1_PADDING } = {}) {
  return sign(hash, bytes, { key: keys[key].privateKey, padding }).toString('base64');
}

const b64 = (bytes) => Buffer.from(bytes).toString('base64');

// A webhook as VideoSDK documents it, pretty-printed and with non-ASCII text, so that a
// re-serialisation or a decode/encode round trip changes the bytes.
const eventBody = Buffer.from(`{
  "webhookType": "participant-joined",
  "data": {
    "meetingId": "jvsg-8rjn-j304",
    "sessionId": "613731342f27f56e4fc4b6d0",
    "participantId": "fkd74h",
    "participantName": "Zoë Ångström 🎥"
  }
}`);
const event = JSON.parse(eventBody);
const sig = signature(eventBody);
const sigBytes = Buffer.from(sig, 'base64');

const flipped = Buffer.from(eventBody);
flipped[40] ^= 0x01;
const compact = Buffer.from(JSON.stringify(event));

// The same signature in base64url: only differs when it holds '+' or '/', which a 256-byte
// signature does with near certainty; the generator checks.
const base64url = sig.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
if (!/[-_]/.test(base64url)) throw new Error('rerun: this signature has no + or /, so base64url equals base64');

const cases = [];
const add = (name, body, signatureValue, keyRefs, expect) =>
  cases.push({ name, body: b64(body), signature: signatureValue, keys: keyRefs, expect });
const valid = { event };

for (const form of ['spkiPem', 'pkcs1Pem', 'spkiDer', 'pkcs1Der']) {
  add(`valid, key as ${form}`, eventBody, sig, [['main', form]], valid);
}
add('valid, second key of a rotation list', eventBody, sig, [['other', 'spkiPem'], ['main', 'pkcs1Pem']], valid);
add('valid, a list of keys of different sizes', eventBody, signature(eventBody, 'large'), [['main', 'spkiPem'], ['large', 'spkiPem']], valid);
add('valid, signature with surrounding spaces', eventBody, ` ${sig} `, [['main', 'spkiPem']], valid);
add('one flipped body byte', flipped, sig, [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('the same JSON re-serialised with other whitespace', compact, sig, [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('wrong key', eventBody, sig, [['other', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('wrong key of every form in a list', eventBody, sig, [['other', 'pkcs1Pem'], ['other', 'spkiDer']], { error: 'SIGNATURE_INVALID' });
add('missing signature (null)', eventBody, null, [['main', 'spkiPem']], { error: 'SIGNATURE_MISSING' });
add('empty signature', eventBody, '', [['main', 'spkiPem']], { error: 'SIGNATURE_MISSING' });
add('blank signature', eventBody, '   ', [['main', 'spkiPem']], { error: 'SIGNATURE_MISSING' });
add('non-base64 signature', eventBody, 'not a signature!', [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('signature in base64url', eventBody, base64url, [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('signature without its padding', eventBody, sig.replace(/=+$/, ''), [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('signature with a line break inside', eventBody, `${sig.slice(0, 64)}\n${sig.slice(64)}`, [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('signature in hex', eventBody, sigBytes.toString('hex'), [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('signature one byte short', eventBody, b64(sigBytes.subarray(0, 255)), [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('signature one byte long', eventBody, b64(Buffer.concat([sigBytes, Buffer.from([0])])), [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('RSA-PSS signature (SHA-256)', eventBody, signature(eventBody, 'main', { padding: constants.RSA_PKCS1_PSS_PADDING }), [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('SHA-1 signature', eventBody, signature(eventBody, 'main', { hash: 'sha1' }), [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('SHA-512 signature', eventBody, signature(eventBody, 'main', { hash: 'sha512' }), [['main', 'spkiPem']], { error: 'SIGNATURE_INVALID' });
add('1024-bit key, validly signed', eventBody, signature(eventBody, 'weak'), [['weak', 'spkiPem']], { error: 'KEY_INVALID' });
add('1024-bit key in a rotation list', eventBody, sig, [['main', 'spkiPem'], ['weak', 'pkcs1Pem']], { error: 'KEY_INVALID' });

// Bodies that are signed but are not events: refused after the signature holds.
const signedBody = (name, text, expect) => {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  add(name, bytes, signature(bytes), [['main', 'spkiPem']], expect);
};
signedBody('signed body that is not JSON', 'webhookType=session-started', { error: 'BODY_INVALID' });
signedBody('signed body that is a JSON array', '[{"webhookType":"session-started"}]', { error: 'BODY_INVALID' });
signedBody('signed body without webhookType', '{"data":{"meetingId":"m"}}', { error: 'BODY_INVALID' });
signedBody('signed body with a numeric webhookType', '{"webhookType":5,"data":{}}', { error: 'BODY_INVALID' });
signedBody('signed body with an empty webhookType', '{"webhookType":"","data":{}}', { error: 'BODY_INVALID' });
signedBody('signed body that is not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), { error: 'BODY_INVALID' });
signedBody('signed body with type instead of webhookType', '{"type":"recording-stopped","data":{"meetingId":"m","sessionId":"s","fileUrl":"https://cdn.example/r.mp4"}}', {
  event: { type: 'recording-stopped', data: { meetingId: 'm', sessionId: 's', fileUrl: 'https://cdn.example/r.mp4' }, webhookType: 'recording-stopped' },
});
signedBody('signed body of an unknown event type', '{"webhookType":"something-new","data":{"x":[1,2]},"extra":true}', {
  event: { webhookType: 'something-new', data: { x: [1, 2] }, extra: true },
});
signedBody('signed empty body', '', { error: 'BODY_INVALID' });

const badKeys = [
  { name: 'an elliptic-curve key (SPKI PEM)', key: ec.export({ type: 'spki', format: 'pem' }) },
  { name: 'an RSA-PSS key (SPKI PEM)', key: pss.export({ type: 'spki', format: 'pem' }) },
  { name: 'a 1024-bit key (PKCS#1 PEM)', key: keys.weak.public.pkcs1Pem },
  { name: 'a 1024-bit key (bare SPKI DER)', key: keys.weak.public.spkiDer },
  { name: 'a PKCS#1 key labelled PUBLIC KEY', key: keys.main.public.pkcs1Pem.replace(/RSA PUBLIC KEY/g, 'PUBLIC KEY') },
  { name: 'an SPKI key labelled RSA PUBLIC KEY', key: keys.main.public.spkiPem.replace(/PUBLIC KEY/g, 'RSA PUBLIC KEY') },
  { name: 'a PEM with one base64 character changed', key: keys.main.public.spkiPem.replace('MII', 'MIJ') },
  { name: 'a PEM cut short', key: keys.main.public.spkiPem.slice(0, 200) + '\n-----END PUBLIC KEY-----\n' },
  { name: 'DER with a byte appended', key: b64(Buffer.concat([Buffer.from(keys.main.public.spkiDer, 'base64'), Buffer.from([0])])) },
  { name: 'two PEM blocks in one string', key: keys.main.public.spkiPem + keys.other.public.spkiPem },
  { name: 'the key URL instead of the key', key: 'https://api.videosdk.live/v2/public/rsa-public-key' },
];
// Sanity: node:crypto reads both PEM flavours it wrote.
for (const form of ['spkiPem', 'pkcs1Pem']) createPublicKey(keys.main.public[form]);

writeFileSync(OUT, `${JSON.stringify({
  about: 'Generated by scripts/gen-webhook-vectors.mjs with node:crypto. Bodies are base64 of the exact bytes; keys[i] = [key name, form]. Do not edit by hand.',
  // The digest handleWebhookRequest passes to onEvent for cases[0].body: hex SHA-256 (OpenSSL's).
  digest: createHash('sha256').update(eventBody).digest('hex'),
  keys: Object.fromEntries(Object.entries(keys).map(([name, k]) => [name, k.public])),
  cases,
  badKeys: badKeys.map((k) => ({ ...k, expect: { error: 'KEY_INVALID' } })),
}, null, 2)}\n`);
console.log(`${OUT}: ${cases.length} cases, ${badKeys.length} bad keys`);
