// The one list of shared suites. Every suite here is runtime-agnostic and imports only
// tests/support/ (never another suite); each exports cases(context) → [name, fn] pairs (fn throws
// on failure) and, when it has async set-up, prepare(). The context holds what the runner
// imported its own way: `lib` (videosdk-token), `client` (videosdk-token/client), `rest` (how to
// reach the stand-in of VideoSDK's API: { baseUrl, fetch }), `stores` (videosdk-token/stores) and
// the runner's real engines: `engines` (dedupe stores, limiters) and `adapters` (see each suite).
import * as dedupe from './dedupe.mjs';
import * as endpoint from './endpoint.mjs';
import * as limits from './limits.mjs';
import * as prototype from './prototype.mjs';
import * as provider from './provider.mjs';
import * as readToken from './read-token.mjs';
import * as restClient from './rest-client.mjs';
import * as restMedia from './rest-media.mjs';
import * as restRequest from './rest-request.mjs';
import * as rules from './rules.mjs';
import * as stores from './stores.mjs';
import * as tokens from './tokens.mjs';
import * as webhooks from './webhooks.mjs';

export const SUITES = new Map([
  ['tokens', tokens],
  ['rules', rules],
  ['endpoint', endpoint],
  ['webhooks', webhooks],
  ['provider', provider],
  ['read-token', readToken],
  ['rest-client', restClient],
  ['rest-media', restMedia],
  ['rest-request', restRequest],
  ['prototype', prototype],
  ['dedupe', dedupe],
  ['limits', limits],
  ['stores', stores],
]);

/**
 * The suites of state shared across isolates (webhook dedupe, rate limits and hooks, the store
 * adapters): each runner gives them `stores` and its platform's engines.
 */
export const STORE_SUITES = ['dedupe', 'limits', 'stores'];

/** The API client's suites, run against the stand-in (each runner gives them `rest`). */
export const REST_SUITES = ['rest-client', 'rest-media', 'rest-request'];

/** The suites of videosdk-token/client (each runner gives them `client`). */
export const CLIENT_SUITES = ['provider', 'read-token'];

/** The suites every runtime runs with the main entry alone (provider needs `client`, rest-client `rest`). */
export const CORE_SUITES = ['tokens', 'rules', 'endpoint', 'webhooks', 'prototype'];

/** The named suites' cases against `context`, each suite prepared first. */
export async function load(names, context) {
  const chosen = names.map((name) => {
    const suite = SUITES.get(name);
    if (suite === undefined) throw new Error(`no suite named ${name}; the suites are ${[...SUITES.keys()].join(', ')}`);
    return suite;
  });
  for (const suite of chosen) await suite.prepare?.();
  return chosen.flatMap((suite) => suite.cases(context));
}
