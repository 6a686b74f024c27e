// The shared behaviour suite on Node, importing the packed package as an ES module.
import { before, test } from 'node:test';
import * as lib from 'videosdk-token';
import { cases, prepare } from './suite.mjs';

before(prepare);
for (const [name, fn] of cases(lib)) test(`node-esm: ${name}`, fn);
