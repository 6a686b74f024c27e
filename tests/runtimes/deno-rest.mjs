// The API client suite on Deno 2: the stand-in of VideoSDK's API runs in this process through
// Deno's node:http, on 127.0.0.1; the package comes from node_modules. Permissions: network to
// 127.0.0.1 only (see `make runtime-rest-deno`).
import * as lib from 'videosdk-token';
import { runRest } from './rest-harness.mjs';
import { withStandIn } from './rest-stand-in.mjs';

const { failed } = await withStandIn((standIn) => runRest('deno (API client)', lib, { baseUrl: standIn.url }));
Deno.exit(failed > 0 ? 1 : 0);
