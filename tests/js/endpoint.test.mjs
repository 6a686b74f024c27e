// The token endpoint's suites (handleTokenRequest and createTokenHandler alike, and the handler's own) on Node, importing the packed package as an ES module.
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import { load } from '../suites/index.mjs';

for (const [name, fn] of await load(['endpoint', 'token-handler'], { lib })) test(`node-esm: ${name}`, fn);
