// The runtimes the benchmarks start as processes, by name: the Node lines, Deno and Bun come as
// dev dependencies (node_modules), so a bench runs the same binaries on every machine.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export const BIN = {
  node24: `${root}node_modules/node24/bin/node`,
  node26: `${root}node_modules/node26/bin/node`,
  deno: `${root}node_modules/deno/deno`,
  bun: `${root}node_modules/bun/bin/bun.exe`,
};
