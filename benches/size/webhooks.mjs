// The minimal webhook-only Worker whose upload size docs/webhooks.md reports: it imports the
// wasm-free `videosdk-token/webhooks` entry, so no .wasm module is uploaded.
import { handleWebhookRequest } from 'videosdk-token/webhooks';

export default {
  fetch: (request, env) => handleWebhookRequest(request, {
    publicKey: env.VIDEOSDK_WEBHOOK_PUBLIC_KEY,
    onEvent: (event) => console.log(event.webhookType),
  }),
};
