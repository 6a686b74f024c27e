// The token endpoint's suite on Node, importing the packed package as an ES module.
import { before, test } from 'node:test';
import * as lib from 'videosdk-token';
import { endpointCases } from './endpoint-suite.mjs';
import { prepare } from './suite.mjs';

before(prepare);
for (const [name, fn] of endpointCases(lib)) test(`node-esm: ${name}`, fn);
