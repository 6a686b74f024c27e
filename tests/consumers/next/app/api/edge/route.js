// An Edge route handler that signs a token (the `edge-light` entry, in the Edge sandbox).
import { tokenResponse } from '../token-response.js';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

export function GET(request) {
  return tokenResponse(request, runtime);
}
