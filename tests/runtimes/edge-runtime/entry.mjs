// The test entry for the Vercel Edge Runtime, bundled by tests/runtimes/edge-runtime.mjs with the
// `edge-light` condition and evaluated in the edge-runtime sandbox.
import * as lib from 'videosdk-token';
import * as client from 'videosdk-token/client';
import * as stores from 'videosdk-token/stores';
import * as testing from 'videosdk-token/testing';
import { run } from '../harness.mjs';

globalThis.__runSuite = (name) => run(name, lib, (line) => globalThis.__log(line), client, testing, stores);
