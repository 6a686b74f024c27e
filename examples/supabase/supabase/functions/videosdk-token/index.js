// Supabase Edge Function `videosdk-token`: the Deno example's endpoint (examples/deno/handler.js),
// served at https://<project>.supabase.co/functions/v1/videosdk-token. Inside the function the
// request's path starts with the function's name. Secrets: `supabase secrets set …`.
import { tokenRoute } from '../../../../deno/handler.js';

Deno.serve(tokenRoute({ env: (name) => Deno.env.get(name), path: '/videosdk-token' }));
