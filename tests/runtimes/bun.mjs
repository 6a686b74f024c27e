// Bun: the package by name, through its `bun` export condition.
import * as lib from 'videosdk-token';
import * as client from 'videosdk-token/client';
import { run } from './harness.mjs';

const { failed } = await run('bun', lib, undefined, client);
process.exit(failed > 0 ? 1 : 0);
