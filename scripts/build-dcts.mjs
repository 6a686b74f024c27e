// Writes a CommonJS twin (`x.d.cts`) of every declaration file in the package (`x.d.ts`), so a
// TypeScript project compiled as CommonJS (`module: node16`, `node18`, `nodenext`) that requires
// the package gets declarations of the format `require` loads (node.cjs), not ESM ones (TS1479).
// The exports map's `types.require` points at index.d.cts. Relative specifiers `./x.js` become
// `./x.cjs`, which TypeScript resolves to the twin `x.d.cts`; any .d.ts added later is covered.
// Usage: node scripts/build-dcts.mjs <pkg dir>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'pkg');
const problems = [];
let written = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  const name = relative(dir, file);
  if (name.split(/[\\/]/).includes('node_modules')) continue;
  const text = readFileSync(file, 'utf8');
  // Specifiers after `from`, in `import('…')` and `require('…')` types, and triple-slash paths.
  const twin = text.replace(/(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|<reference\s+path\s*=\s*)(['"])(\.{1,2}\/[^'"]*)\2/g,
    (whole, lead, quote, spec) => {
      if (spec.endsWith('.js')) return `${lead}${quote}${spec.slice(0, -3)}.cjs${quote}`;
      if (spec.endsWith('.d.ts')) return `${lead}${quote}${spec.slice(0, -5)}.d.cts${quote}`;
      problems.push(`${name}: relative specifier '${spec}' has no .js extension (ESM types need one; its CommonJS twin could not be named)`);
      return whole;
    });
  writeFileSync(join(entry.parentPath, `${entry.name.slice(0, -5)}.d.cts`), twin);
  written += 1;
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
if (!written) {
  console.error(`${dir}: no .d.ts file to give a CommonJS twin`);
  process.exit(1);
}
