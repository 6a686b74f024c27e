// Jest 30 with testEnvironment 'jsdom' and no other configuration, in target/consumers/bundlers
// (its dev dependencies and the packed package installed by `make`): the package must load under
// a DOM's globals (jsdom has no TextDecoder) and sign, verify and decode.
// Usage: node tests/consumers/jest.mjs
import { resolve } from 'node:path';
import { run } from '../support/processes.mjs';
import { report } from './lib.mjs';

const dir = resolve('target/consumers/bundlers');
await report('jest jsdom (consumer)', [
  ['jest --config jest/jest.config.cjs (testEnvironment: jsdom) passes', async () => {
    const out = await run(process.execPath, [
      'node_modules/jest/bin/jest.js', '--config', 'jest/jest.config.cjs', '--rootDir', 'jest', '--ci',
    ], { cwd: dir });
    if (!/Tests:\s+2 passed, 2 total/.test(out)) throw new Error(`unexpected Jest summary:\n${out}`);
  }],
]);
