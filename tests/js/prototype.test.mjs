// The polluted-prototype suite on Node, importing the packed package as an ES module and its
// wasm-free entries (videosdk-token/webhooks, videosdk-token/client).
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import * as client from 'videosdk-token/client';
import { load } from '../suites/index.mjs';

for (const [name, fn] of await load(['prototype'], { lib, client })) test(`node-esm: ${name}`, fn);
