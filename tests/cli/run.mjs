// Runs the command line as users get it: the packed tarball (`make pack`) installed with npm
// into a throwaway project, called through that project's node_modules/.bin/videosdk-token.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Test values only: never a real key or secret.
export const SECRET = 'cli-test-secret-0123456789abcdef0123456789abcdef';
export const API_KEY = 'cli-test-api-key';
export const NOW = 1_700_000_000;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Installs the tarball into target/cli-test/<name> and returns the path of its bin. */
export function install(name) {
  const tarballs = readdirSync(join(ROOT, 'target')).filter((f) => /^videosdk-token-.*\.tgz$/.test(f));
  if (tarballs.length !== 1) throw new Error(`expected one target/videosdk-token-*.tgz (run make pack), found ${tarballs.length}`);
  const dir = join(ROOT, 'target/cli-test', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "cli-test", "private": true }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(ROOT, 'target', tarballs[0])], { cwd: dir });
  return join(dir, 'node_modules/.bin/videosdk-token');
}

/**
 * Runs the bin with `args`; `input` goes to its stdin (none: an empty, closed stdin). The
 * environment is minimal and fixed (TZ=UTC, no NO_COLOR, no VIDEOSDK_*) plus `env`.
 */
export function run(bin, args, { input = '', env = {} } = {}) {
  const base = { PATH: process.env.PATH, TZ: 'UTC', LANG: 'C' };
  const result = spawnSync(bin, args, { input, env: { ...base, ...env }, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a shell command line under a pseudo-terminal (util-linux `script`): stdout is a TTY. */
export function runOnTty(commandLine, env = {}) {
  const base = { PATH: process.env.PATH, TZ: 'UTC', LANG: 'C', TERM: 'xterm' };
  const result = spawnSync('script', ['-qec', commandLine, '/dev/null'], { input: '', env: { ...base, ...env }, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout };
}
