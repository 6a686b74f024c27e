// The two forms of the token endpoint, for the suites that run one set of cases against both:
// `handleTokenRequest(request, config)`, and the handler `createTokenHandler(config)` returns.
// Each form is `handle(request, config) → Promise<Response>`: the factory's makes a handler for
// the call, answers with it and frees it, so a bad config (which the factory throws synchronously)
// rejects here as handleTokenRequest's does. Runtime-agnostic; imports nothing.

/** `[form, handle]` pairs: the form's name as exported, and its call as handleTokenRequest's. */
export function tokenEndpointForms(lib) {
  return [
    ['handleTokenRequest', lib.handleTokenRequest],
    ['createTokenHandler', async (request, config) => {
      const handler = lib.createTokenHandler(config);
      try {
        return await handler(request);
      } finally {
        handler.free();
      }
    }],
  ];
}

/**
 * The cases `build(handle, form)` gives for each form; the handleTokenRequest form's keep their
 * names, the others' end with ` (<form>)`.
 */
export function forEachTokenEndpoint(lib, build) {
  return tokenEndpointForms(lib).flatMap(([form, handle]) => build(handle, form)
    .map(([name, fn]) => [form === 'handleTokenRequest' ? name : `${name} (${form})`, fn]));
}
