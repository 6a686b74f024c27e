// What the package's HTTP handlers (handleTokenRequest, handleWebhookRequest) and its fetches
// share: reading a body no further than a limit, and the JSON answer with its safe headers.

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
