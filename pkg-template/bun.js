// Bun (the `bun` condition). A `type: 'file'` import makes the .wasm part of the module graph:
// `bun run` gets its absolute path, `bun build --target=bun` copies it beside the bundle and
// gets a path relative to it, `bun build --compile` embeds it and gets a /$bunfs path.
import { readFileSync } from 'node:fs';
import wasmPath from './videosdk_token_bg.wasm' with { type: 'file' };
import { initSync } from './videosdk_token.js';

const file = wasmPath.startsWith('.') ? new URL(wasmPath, import.meta.url) : wasmPath;
initSync({ module: readFileSync(file) });

export * from './exports.js';
