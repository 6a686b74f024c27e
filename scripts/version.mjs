// The package's one version: Cargo.toml's `[package] version`. The crate has it there; `make pkg`
// writes it into pkg/package.json (pkg-template/package.json holds only a placeholder, so no
// second number can go stale); the CLI's --version reads pkg/package.json when it runs.
// Usage: node scripts/version.mjs             prints the version (the Makefile's PKG_VERSION)
//        node scripts/version.mjs <pkg dir>   writes it into <pkg dir>/package.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What pkg-template/package.json says instead of a version. */
export const PLACEHOLDER = '0.0.0-set-by-make-pkg';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Cargo.toml's `[package] version`: the version of the crate, the package and the CLI. */
export function crateVersion(cargoToml = join(ROOT, 'Cargo.toml')) {
  const text = readFileSync(cargoToml, 'utf8');
  const section = /^\[package\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text);
  const version = section && /^version\s*=\s*"([^"]*)"\s*$/m.exec(section[1]);
  if (!version || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version[1])) {
    throw new Error(`${cargoToml}: no [package] version of the form 1.2.3 found`);
  }
  return version[1];
}

/** Puts the version in place of the placeholder in <dir>/package.json, keeping its layout. */
export function writeVersion(dir, version = crateVersion()) {
  const file = join(dir, 'package.json');
  const text = readFileSync(file, 'utf8');
  const placeholder = `"version": "${PLACEHOLDER}"`;
  if (text.split(placeholder).length !== 2) {
    throw new Error(`${file}: expected "version": "${PLACEHOLDER}" once (the version comes from Cargo.toml only)`);
  }
  writeFileSync(file, text.replace(placeholder, `"version": "${version}"`));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === undefined) console.log(crateVersion());
  else writeVersion(resolve(process.argv[2]));
}
