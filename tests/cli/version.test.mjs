// One version: Cargo.toml's is the crate's, the packed package's and the one --version prints,
// and CHANGELOG.md's top section is the release it leads to.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { crateVersion, PLACEHOLDER } from '../../scripts/version.mjs';
import { install, run } from './run.mjs';

const ROOT = new URL('../../', import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));
const version = crateVersion();

let bin;
before(() => {
  bin = install('version');
});

test('--version and -v print Cargo.toml\'s version', () => {
  for (const flag of ['--version', '-v']) {
    const r = run(bin, [flag]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `videosdk-token ${version}\n`);
  }
});

test('pkg/package.json and the installed package carry Cargo.toml\'s version; the template only a placeholder', () => {
  assert.equal(json('pkg/package.json').version, version);
  const installed = JSON.parse(readFileSync(join(bin, '../../videosdk-token/package.json'), 'utf8'));
  assert.equal(installed.version, version);
  assert.equal(json('pkg-template/package.json').version, PLACEHOLDER);
});

test('CHANGELOG.md\'s top section is Cargo.toml\'s version', () => {
  const changelog = readFileSync(new URL('CHANGELOG.md', ROOT), 'utf8');
  const top = /^## (\S+)/m.exec(changelog);
  assert.equal(top?.[1], version, 'the first "## x.y.z" heading names the version being built');
});
