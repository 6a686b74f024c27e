// The types of the runtime entries and the endpoint, compiled by `make types-test` against the packed package:
// handleTokenRequest, createTokenHandler and their config, and the `videosdk-token/web` entry.
import {
  createTokenHandler, handleTokenRequest, type TokenEndpointConfig, type TokenEndpointError, type TokenEndpointErrorCode,
  type TokenEndpointResponse, type TokenHandler,
} from 'videosdk-token';
import { createTokenHandler as webCreateTokenHandler } from 'videosdk-token/web';
import init, { initSync, signToken as webSign } from 'videosdk-token/web';

declare const env: { VIDEOSDK_API_KEY: string; VIDEOSDK_SECRET: string };
const request = new Request('https://app.example/api/token?roomId=r');

const answer: Promise<Response> = handleTokenRequest(request, {
  apiKey: env.VIDEOSDK_API_KEY,
  secret: env.VIDEOSDK_SECRET,
  authorize: async (req) => req.headers.has('Authorization') && { roomId: 'r', permissions: ['allow_join'] },
  allowedPermissions: ['allow_join', 'ask_join'],
  maxExpiresIn: '30m',
  cors: ['https://app.example'],
});
handleTokenRequest(request, { apiKey: 'k', secret: new Uint8Array(32), authorize: () => true, cors: '*', maxExpiresIn: 600 });
handleTokenRequest(request, { apiKey: 'k', secret: 's', allowAnonymous: true });
// Anonymous callers as well as authorized ones (development only).
handleTokenRequest(request, { apiKey: 'k', secret: 's', authorize: () => false, allowAnonymous: true });
handleTokenRequest(request, { apiKey: 'k', secret: 's', authorize: () => true, allowAnonymous: false });
// @ts-expect-error: authorize, or allowAnonymous: true, is required (without either every call rejects)
handleTokenRequest(request, { apiKey: 'k', secret: 's' });
// @ts-expect-error: allowAnonymous: false without authorize rejects as well
handleTokenRequest(request, { apiKey: 'k', secret: 's', allowAnonymous: false });
declare const devMode: boolean;
// @ts-expect-error: a boolean that may be false is not enough without authorize
handleTokenRequest(request, { apiKey: 'k', secret: 's', allowAnonymous: devMode });
// @ts-expect-error: the secret is required
handleTokenRequest(request, { apiKey: 'k', authorize: () => true });
// @ts-expect-error: not a permission
handleTokenRequest(request, { apiKey: 'k', secret: 's', authorize: () => true, allowedPermissions: ['allow_all'] });
// @ts-expect-error: a grant narrows with roomId, not room
handleTokenRequest(request, { apiKey: 'k', secret: 's', authorize: () => ({ room: 'r' }) });
// @ts-expect-error: maxExpiresIn needs a unit
handleTokenRequest(request, { apiKey: 'k', secret: 's', authorize: () => true, maxExpiresIn: '120' });

// Roles: allowedRoles bounds them, a grant narrows them.
handleTokenRequest(request, { apiKey: 'k', secret: 's', allowedRoles: ['rtc', 'crawler'], authorize: () => ({ roles: ['rtc'] }) });
// @ts-expect-error: not a role
handleTokenRequest(request, { apiKey: 'k', secret: 's', authorize: () => true, allowedRoles: ['admin'] });
// @ts-expect-error: a grant's roles are a list
handleTokenRequest(request, { apiKey: 'k', secret: 's', authorize: () => ({ roles: 'rtc' }) });
const config: TokenEndpointConfig = { apiKey: 'k', secret: 's', authorize: () => null };
void config;
const failure = {} as TokenEndpointError;
const code: TokenEndpointErrorCode = failure.error.code;
const serverError: TokenEndpointErrorCode = 'SERVER_ERROR';
// @ts-expect-error: not an endpoint code
const notACode: TokenEndpointErrorCode = 'TEAPOT';
void code; void serverError; void notACode;

const body = {} as TokenEndpointResponse;
const expires: string = body.expiresAt;
const lifetime: number = body.expiresIn;
void answer; void expires; void lifetime;

// createTokenHandler: the same config, checked once; the handler is (request) => Promise<Response> with free().
let tokens: TokenHandler | undefined;
const worker = {
  fetch: (req: Request, e: typeof env): Promise<Response> => (tokens ??= createTokenHandler({
    apiKey: e.VIDEOSDK_API_KEY, secret: e.VIDEOSDK_SECRET, authorize: () => ({ roomId: 'r' }), maxExpiresIn: '30m',
  }))(req),
};
void worker;
const handler = createTokenHandler({ apiKey: 'k', secret: new Uint8Array(32), allowAnonymous: true, cors: '*' });
const served: Promise<Response> = handler(request);
const free: () => void = handler.free;
const asNodeHandler: (request: Request) => Response | Promise<Response> = handler;
const fromWeb: TokenHandler = webCreateTokenHandler(config);
void served; void free; void asNodeHandler; void fromWeb;
// @ts-expect-error: authorize, or allowAnonymous: true, is required here too
createTokenHandler({ apiKey: 'k', secret: 's' });
// @ts-expect-error: the config is given once, to the factory; the handler takes the request only
handler(request, config);
// @ts-expect-error: the factory takes no request
createTokenHandler(request, config);
// @ts-expect-error: the handler is not a promise: createTokenHandler is synchronous
void createTokenHandler(config).then;

await init();
await init({ module_or_path: new URL('https://cdn.example/videosdk_token_bg.wasm') });
initSync({ module: new Uint8Array(0) });
const t: string = webSign({ apiKey: 'k', secret: 's', permissions: ['allow_join'] });
void t;
