// The shared suites in a browser, with the package bundled by Vite as an app would bundle it
// (the `browser` condition: the wasm is emitted as an asset and fetched before the first call).
import * as lib from 'videosdk-token';
import { run } from '../harness.mjs';

const lines = [];
window.__lines = lines;
window.__result = run('browser (vite)', lib, (line) => lines.push(line));
