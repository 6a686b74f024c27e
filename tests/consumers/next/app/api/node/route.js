// A Node.js route handler that signs a token (the `node` entry, bundled for the server).
import { tokenResponse } from '../token-response.js';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request) {
  return tokenResponse(request, runtime);
}
