// The one list of shared suites. Every suite here is runtime-agnostic and imports only
// tests/support/ (never another suite); each exports cases(context) → [name, fn] pairs (fn throws
// on failure) and, when it has async set-up, prepare(). The context holds what the runner
// imported its own way: `lib` (videosdk-token), `client` (videosdk-token/client), `rest` (how to
// reach the stand-in of VideoSDK's API: { baseUrl, fetch }), `testing` (videosdk-token/testing),
// `stores` (videosdk-token/stores) and the runner's real engines: `engines` (dedupe stores,
// limiters) and `adapters` (see each suite).
import * as dedupe from './dedupe.mjs';
import * as endpoint from './endpoint.mjs';
import * as joinErrors from './join-errors.mjs';
import * as limits from './limits.mjs';
import * as prototype from './prototype.mjs';
import * as provider from './provider.mjs';
import * as readToken from './read-token.mjs';
import * as restClient from './rest-client.mjs';
import * as restMedia from './rest-media.mjs';
import * as restRequest from './rest-request.mjs';
import * as restTrust from './rest-trust.mjs';
import * as rooms from './rooms.mjs';
import * as roomsHooks from './rooms-hooks.mjs';
import * as roomsLimits from './rooms-limits.mjs';
import * as roomsUpstream from './rooms-upstream.mjs';
import * as rules from './rules.mjs';
import * as stores from './stores.mjs';
import * as testing from './testing.mjs';
import * as tokenHandler from './token-handler.mjs';
import * as tokens from './tokens.mjs';
import * as webhookTrust from './webhook-trust.mjs';
import * as webhooks from './webhooks.mjs';
import * as webhooksSigned from './webhooks-signed.mjs';

export const SUITES = new Map([
  ['tokens', tokens],
  ['rules', rules],
  ['join-errors', joinErrors],
  ['endpoint', endpoint],
  ['token-handler', tokenHandler],
  ['webhooks', webhooks],
  ['webhook-trust', webhookTrust],
  ['provider', provider],
  ['read-token', readToken],
  ['rest-client', restClient],
  ['rest-media', restMedia],
  ['rest-request', restRequest],
  ['rest-trust', restTrust],
  ['rooms', rooms],
  ['rooms-hooks', roomsHooks],
  ['rooms-limits', roomsLimits],
  ['rooms-upstream', roomsUpstream],
  ['prototype', prototype],
  ['testing', testing],
  ['webhooks-signed', webhooksSigned],
  ['dedupe', dedupe],
  ['limits', limits],
  ['stores', stores],
]);

/**
 * The suites of state shared across isolates (webhook dedupe, rate limits and hooks, the store
 * adapters): each runner gives them `stores` and its platform's engines.
 */
export const STORE_SUITES = ['dedupe', 'limits', 'stores'];

/**
 * The suites run against the stand-in of VideoSDK's API (each runner gives them `rest`): the API
 * client's, and the room endpoint's (handleRoomRequest, over the client; its rate limit and hooks
 * with limiters of their own, so no runner needs `stores` for them).
 */
export const REST_SUITES = ['rest-client', 'rest-media', 'rest-request', 'rest-trust', 'rooms', 'rooms-hooks', 'rooms-limits', 'rooms-upstream'];

/** The suites of videosdk-token/client (each runner gives them `client`). */
export const CLIENT_SUITES = ['provider', 'read-token'];

/** The suites every runtime runs with the main entry alone (provider needs `client`, rest-client `rest`). */
export const CORE_SUITES = ['tokens', 'rules', 'join-errors', 'endpoint', 'token-handler', 'webhooks', 'webhook-trust', 'prototype'];

/** videosdk-token/testing's own suite, and the webhook functions against its signer (each runner gives them `testing`). */
export const TESTING_SUITES = ['testing', 'webhooks-signed'];

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
