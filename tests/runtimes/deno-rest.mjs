// The API client suite on Deno 2: the stand-in of VideoSDK's API runs in this process through
// Deno's node:http, on 127.0.0.1; the package comes from node_modules. Permissions: network to
// 127.0.0.1, read for the package's own files (see `make runtime-rest-deno`).
import * as lib from 'videosdk-token';
import { API_KEY, SECRET } from '../js/suite.mjs';
import { startStandIn } from '../stand-in/videosdk-api.mjs';
import { runRest } from './rest-harness.mjs';

const standIn = await startStandIn({ apiKey: API_KEY, secret: SECRET, control: true });
let failed = 1;
try {
  ({ failed } = await runRest('deno (API client)', lib, { baseUrl: standIn.url }));
} finally {
  await standIn.close();
}
Deno.exit(failed > 0 ? 1 : 0);
