// handleTokenRequest's config under every module setting and TypeScript 5.0 as well as 7:
// `authorize`, or `allowAnonymous: true`, is required (a union of two configs).
import { handleTokenRequest, type TokenEndpointConfig } from 'videosdk-token';

declare const request: Request;
const config: TokenEndpointConfig = { apiKey: 'k', secret: 'x'.repeat(64), authorize: (req) => req.headers.has('Authorization') };
handleTokenRequest(request, config);
handleTokenRequest(request, { apiKey: 'k', secret: 'x'.repeat(64), allowAnonymous: true });
// @ts-expect-error: authorize, or allowAnonymous: true, is required
handleTokenRequest(request, { apiKey: 'k', secret: 'x'.repeat(64) });
