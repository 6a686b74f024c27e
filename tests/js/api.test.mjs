// The tokens and rules suites on Node, importing the packed package as an ES module.
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import { load } from '../suites/index.mjs';

for (const [name, fn] of await load(['tokens', 'rules'], { lib })) test(`node-esm: ${name}`, fn);
