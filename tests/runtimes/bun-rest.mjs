// The API client suite on Bun: the stand-in of VideoSDK's API runs in this process through
// Bun's node:http, on 127.0.0.1; the package by name, through its `bun` export condition.
import * as lib from 'videosdk-token';
import { runRest } from './rest-harness.mjs';
import { withStandIn } from './rest-stand-in.mjs';

const { failed } = await withStandIn((standIn) => runRest('bun (API client)', lib, { baseUrl: standIn.url }));
process.exit(failed > 0 ? 1 : 0);
