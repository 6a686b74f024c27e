// videosdk-token/testing's own suite on Node (the packed package as an ES module).
import { test } from 'node:test';
import * as lib from 'videosdk-token';
import * as testing from 'videosdk-token/testing';
import { load, TESTING_SUITES } from '../suites/index.mjs';

for (const [name, fn] of await load(TESTING_SUITES, { lib, testing })) test(`node-esm: ${name}`, fn);
