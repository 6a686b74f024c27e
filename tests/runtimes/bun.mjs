// Bun: the package by name, through its `bun` export condition (bun.js).
import * as lib from 'videosdk-token';
import * as client from 'videosdk-token/client';
import * as testing from 'videosdk-token/testing';
import * as stores from 'videosdk-token/stores';
import { run } from './harness.mjs';

let failed = 0;
const entry = import.meta.resolve('videosdk-token');
if (!entry.endsWith('/bun.js')) {
  console.log(`FAIL bun: videosdk-token resolved to ${entry}, not the bun entry`);
  failed += 1;
}
const result = await run('bun', lib, undefined, client, testing, stores);
process.exit(failed + result.failed > 0 ? 1 : 0);
