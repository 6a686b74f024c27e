// The tokens, rules and join-errors suites on Node, importing the packed package as an ES module.
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import { load } from '../suites/index.mjs';

for (const [name, fn] of await load(['tokens', 'rules', 'join-errors'], { lib })) test(`node-esm: ${name}`, fn);
