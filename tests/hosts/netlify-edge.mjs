// Stands in for Netlify's edge runtime on plain Deno (Netlify's CLI cannot download its runtime
// here): provides the `Netlify.env` global Netlify gives edge functions, and serves the example's
// function on 127.0.0.1:PORT at the path it declares, as Netlify routes it. A static import, so
// that, like on Netlify, the function's module graph needs no read permission.
// Usage: deno run --allow-net=127.0.0.1:PORT --allow-env=… tests/hosts/netlify-edge.mjs
globalThis.Netlify = { env: { get: (name) => Deno.env.get(name), has: (name) => Deno.env.has(name) } };
const fn = await import('../../examples/netlify-edge/netlify/edge-functions/videosdk-token.js');

const path = fn.config?.path;
if (typeof fn.default !== 'function' || typeof path !== 'string') {
  throw new Error('the edge function needs a default export function and config.path');
}
Deno.serve({ hostname: '127.0.0.1', port: Number(Deno.env.get('PORT')) }, (request) => {
  if (new URL(request.url).pathname !== path) return new Response('not routed here', { status: 404 });
  return fn.default(request, {});
});
