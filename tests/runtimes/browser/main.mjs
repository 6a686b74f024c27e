// The shared suites in a browser, with the package bundled by Vite as an app would bundle it
// (the `browser` condition: the wasm is emitted as an asset and fetched before the first call).
import * as lib from 'videosdk-token';
import * as client from 'videosdk-token/client';
import * as stores from 'videosdk-token/stores';
import { run } from '../harness.mjs';

const lines = [];
window.__lines = lines;
// The runner names the page in the URL fragment: the build and the dev server run this same file.
const runtime = decodeURIComponent(location.hash.slice(1)) || 'browser (vite)';
window.__result = run(runtime, lib, (line) => lines.push(line), client, undefined, stores);
