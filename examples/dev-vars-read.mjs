// Reads the DEV-ONLY key and secret from .dev.vars (KEY=value lines, as wrangler reads them).
import { readFileSync } from 'node:fs';

export function readDevVars(path = new URL('../.dev.vars', import.meta.url)) {
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => /^\w+=/.test(line))
      .map((line) => line.split(/=(.*)/s, 2)),
  );
}
