// Bun (the `bun` condition). A `type: 'file'` import makes the .wasm part of the module graph:
// `bun run` gets its absolute path, `bun build --target=bun` copies it beside the bundle and
// gets a path relative to it, `bun build --compile` embeds it and gets a /$bunfs path.
// Bun.mmap reads it without node:fs, whose first import is 1.5 ms of Bun's start (cold start,
// docs/speed-goals.md); node:fs only where Bun.mmap is missing or refuses the path.
import wasmPath from './videosdk_token_bg.wasm' with { type: 'file' };
import { initSync } from './videosdk_token.js';

const file = wasmPath.startsWith('.') ? Bun.fileURLToPath(new URL(wasmPath, import.meta.url)) : wasmPath;
initSync({ module: read(file) });

export * from './exports.js';

function read(path) {
  try {
    return Bun.mmap(path);
  } catch {
    return import.meta.require('node:fs').readFileSync(path);
  }
}
