// The browser token provider's suite on Node, importing videosdk-token/client from the packed package.
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import * as client from 'videosdk-token/client';
import { CLIENT_SUITES, load } from '../suites/index.mjs';

for (const [name, fn] of await load(CLIENT_SUITES, { client, lib })) test(`node-esm: ${name}`, fn);
