// Netlify Edge Function: the Deno example's endpoint (examples/deno/handler.js) at /api/token.
// Netlify.env reads the site's environment variables (Site configuration → Environment variables).
import { tokenRoute } from '../../../deno/handler.js';

export default tokenRoute({ env: (name) => Netlify.env.get(name), path: '/api/token' });

export const config = { path: '/api/token' };
