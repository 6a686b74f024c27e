// A Deno server (Deno Deploy or `deno run`) serving VideoSDK tokens at /api/token for your own
// front end. Secrets come from the environment: Deno.env.get, set in Deno Deploy's settings.
import { createTokenHandler } from './handler.js';

Deno.serve(
  { port: Number(Deno.env.get('PORT') ?? 8000) },
  createTokenHandler({ env: (name) => Deno.env.get(name) }),
);
