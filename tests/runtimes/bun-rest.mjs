// The API client suite on Bun: the stand-in of VideoSDK's API runs in this process through
// Bun's node:http, on 127.0.0.1; the package by name, through its `bun` export condition.
import * as lib from 'videosdk-token';
import { API_KEY, SECRET } from '../js/suite.mjs';
import { startStandIn } from '../stand-in/videosdk-api.mjs';
import { runRest } from './rest-harness.mjs';

const standIn = await startStandIn({ apiKey: API_KEY, secret: SECRET, control: true });
let failed = 1;
try {
  ({ failed } = await runRest('bun (API client)', lib, { baseUrl: standIn.url }));
} finally {
  await standIn.close();
}
process.exit(failed > 0 ? 1 : 0);
