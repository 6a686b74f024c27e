// The types of videosdk-token/client, compiled by `make types-test` against the packed package.
import {
  createTokenProvider, TokenProviderError, VideoSDKError,
  type TokenProvider, type TokenProviderErrorCode, type TokenProviderOptions, type TokenRequest,
} from 'videosdk-token/client';
import { TokenProviderError as FromMain, VideoSDKError as BaseFromMain } from 'videosdk-token';
import { readToken, TokenError as ClientTokenError, type UnverifiedToken } from 'videosdk-token/client';

const provider: TokenProvider = createTokenProvider();
createTokenProvider({
  url: new URL('https://app.example/api/token'),
  fetch: (input, init) => fetch(input, init),
  init: { credentials: 'include', headers: { Authorization: 'Bearer x' } },
  refreshBefore: 120,
  timeout: 5,
  signal: new AbortController().signal,
  now: () => Date.now(),
});
createTokenProvider({ init: async () => ({ headers: [['Authorization', 'Bearer y']] }) });
// @ts-expect-error: refreshBefore is a number of seconds, not a span
createTokenProvider({ refreshBefore: '60s' });
// @ts-expect-error: the provider's signal, not init's
createTokenProvider({ init: { signal: new AbortController().signal } });
// @ts-expect-error: now returns milliseconds, it is not a Date
createTokenProvider({ now: () => new Date() });

const token: Promise<string> = provider.getToken({ roomId: 'r', participantId: 'p', permissions: ['allow_join'], roles: ['rtc'] });
provider.getToken();
// @ts-expect-error: not a permission
provider.getToken({ permissions: ['allow_everything'] });
// @ts-expect-error: roomId, not room
provider.getToken({ room: 'r' });
provider.invalidate();
provider.invalidate({ roomId: 'r' });

const request: TokenRequest = { roomId: 'r' };
const options: TokenProviderOptions = { refreshBefore: 30 };

try {
  await token;
} catch (e) {
  if (e instanceof TokenProviderError) {
    const code: TokenProviderErrorCode = e.code;
    const status: number | undefined = e.status;
    const base: VideoSDKError = e;
    if (e.code === 'UNAUTHORIZED' || e.code === 'NETWORK' || e.code === 'SERVER_ERROR' || e.code === 'BAD_RESPONSE') void code;
    // @ts-expect-error: not a code the provider can have
    if (e.code === 'TIMEOUT') void 0;
    void status; void base;
  }
}
const same: typeof FromMain = TokenProviderError;
const base: typeof BaseFromMain = VideoSDKError;
void request; void options; void same; void base;

// readToken: the parts as the token states them, unchecked; MALFORMED is a TokenError.
const unverified: UnverifiedToken = readToken('a.b.c', { now: new Date() });
const until: Date | undefined = unverified.expiresAt;
const gone: boolean = readToken('a.b.c', { now: 1_700_000_000 }).expired;
const claim: unknown = unverified.payload.roomId;
// @ts-expect-error: unchecked claims are unknown, not typed as if verified
const room: string = unverified.payload.roomId;
// @ts-expect-error: the token is a string
readToken(new Uint8Array(0));
try {
  readToken('a.b');
} catch (e) {
  if (e instanceof ClientTokenError && e.code === 'MALFORMED') void e.field;
}
void until; void gone; void claim; void room;
