// Both shared suites on Node through CommonJS: require('videosdk-token') must load the package's
// CJS entry (node.cjs), not the ES module through require(esm), so that every Node >= 20 works.
'use strict';
const { test } = require('node:test');
const lib = require('videosdk-token');

test('node-cjs: require() resolves to the CommonJS entry', () => {
  const resolved = require.resolve('videosdk-token');
  if (!resolved.endsWith('node.cjs')) throw new Error(`require resolved to ${resolved}`);
});

test('node-cjs', async (t) => {
  const { cases, prepare } = await import('./suite.mjs');
  const { endpointCases } = await import('./endpoint-suite.mjs');
  await prepare();
  for (const [name, fn] of [...cases(lib), ...endpointCases(lib)]) await t.test(`node-cjs: ${name}`, fn);
});
