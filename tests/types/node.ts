// The Node adapter's types (`videosdk-token/node`), compiled by `make types-test` with Node's own
// types (tests/types/node.json): its listener fits node:http's createServer and a server's
// 'request' event as they are typed. Each @ts-expect-error fails the build if its line compiles.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createTokenHandler, handleTokenRequest, handleWebhookRequest, type TokenEndpointConfig } from 'videosdk-token';
import { toNodeHandler, VideoSDKError, type NodeHandlerErrorCode, type NodeHandlerOptions } from 'videosdk-token/node';

declare const config: TokenEndpointConfig;
declare const publicKey: string;

const token = toNodeHandler((request) => handleTokenRequest(request, config));
const tokens = toNodeHandler(createTokenHandler(config)); // the handler as it is
const webhook = toNodeHandler((request) => handleWebhookRequest(request, { publicKey, onEvent: () => {} }), { trustProxy: true });
const plain = toNodeHandler(() => new Response('ok'), { onError: (error, req) => console.log(error, req.url) });
createServer(token).listen(3000);
createServer(tokens).listen(3001);
createServer((req: IncomingMessage, res: ServerResponse) => webhook(req, res));
createServer().on('request', plain);
// Express's `next`
webhook({} as IncomingMessage, {} as ServerResponse, (error?: unknown) => void error);

const options: NodeHandlerOptions = { trustProxy: false };
const code: NodeHandlerErrorCode = 'BODY_ALREADY_READ';
const isOurs = (e: unknown) => e instanceof VideoSDKError && e.code === code;
void options;
void isOurs;

// @ts-expect-error: the handler must return a Response
toNodeHandler(() => 'ok');
// @ts-expect-error: trustProxy is a boolean
toNodeHandler(() => new Response(), { trustProxy: 'yes' });
// @ts-expect-error: no such option
toNodeHandler(() => new Response(), { trustproxy: true });
