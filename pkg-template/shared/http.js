// What the package's HTTP handlers (handleTokenRequest, handleWebhookRequest) and its fetches
// share: reading a body no further than a limit, never following a redirect, and the JSON answer
// with its safe headers.

/**
 * The `redirect` mode of every fetch this package makes: a redirect comes back as an answer (a
 * 3xx, or a browser's opaque redirect with status 0), which the caller refuses. Never 'follow': a
 * redirect would carry the request, its Authorization header included on some runtimes, to an
 * origin nobody configured, and the answer from there would be taken for VideoSDK's. 'manual'
 * rather than 'error', which workerd refuses; Node, Deno, Bun, workerd, edge-runtime and browsers
 * all take 'manual' (the runtime suites check it).
 */
export const NO_REDIRECT = 'manual';

/**
 * An API base (VideoSDKClient's, the webhook key's) as a URL without a trailing slash, or null
 * unless it is https: (http: only on a loopback host, for tests and local stand-ins) with no
 * query, fragment or credentials: the management token and the webhook key, the trust anchor,
 * never travel in clear over a network. Loopback: localhost, 127.0.0.0/8, [::1], as the URL
 * parser writes them (it turns 127.1 or 0x7f.1 into 127.0.0.1).
 */
export function apiBaseUrl(value) {
  let url;
  try {
    url = typeof value === 'string' || value instanceof URL ? new URL(value) : null;
  } catch {
    return null;
  }
  const host = url?.hostname;
  const loopback = host === 'localhost' || host === '[::1]' || /^127(\.\d+){3}$/.test(host);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))
    || url.search || url.hash || url.username || url.password) return null;
  return url.href.replace(/\/+$/, '');
}

/** Whether an answer fetched with NO_REDIRECT is a redirect: a 3xx, or opaque (status 0). */
export function isRedirect(response) {
  return response.type === 'opaqueredirect' || response.status === 0 || (response.status >= 300 && response.status < 400);
}

/** Whether a Content-Length header says more than `limit` bytes (an absent one says nothing). */
export function declaresOver(headers, limit) {
  const declared = headers?.get('Content-Length');
  return declared != null && /^\s*\d+\s*$/.test(declared) && Number(declared) > limit;
}

/**
 * The bytes of a body stream, or null as soon as they pass `limit` (the sender is cancelled), so
 * that no more than the limit and one chunk is ever held. Content-Length is not trusted: a body
 * without one, or longer than it says, is counted all the same. A failed read throws.
 */
export async function readLimited(stream, limit) {
  if (stream === null || stream === undefined) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // ArrayBuffer.isView, not instanceof: the stream may come from another realm (edge-runtime).
      if (!ArrayBuffer.isView(value)) throw new TypeError('a body chunk is not bytes');
      size += value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (e) {
    // Stop the sender; whatever cancelling does or fails to do, the read has failed.
    reader.cancel().catch(() => {});
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

/** A JSON answer that no cache keeps and no browser sniffs as anything else. */
export function jsonResponse(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}
