/**
 * explainJoinError (join-error.js): one of VideoSDK's join error codes, explained against the
 * token the client joined with. No secret and no signature check.
 */

/** What explainJoinError compares the code with; every option may be left out. */
export interface JoinErrorOptions {
  /** The token the client joined with. Read as decodeToken reads it: a malformed one is a finding of 4002. */
  token?: string;
  /** The room ID the client joined (non-empty): compared with the token's `roomId` for 4022. */
  roomId?: string;
  /** The participant ID the client joined with (non-empty): compared with the token's `participantId` for 4023. */
  participantId?: string;
  /** Clock override for the token's times (4002): seconds since 1970, or a Date. */
  now?: number | Date;
}

export interface JoinErrorExplanation {
  /** The code, as a number. */
  code: number;
  /** VideoSDK's name for it (`'UNAUTHORIZED_ROOM_ID'`); `null` for a code VideoSDK does not document. */
  name: string | null;
  /** What it means, in short. */
  meaning: string;
  /** Whether a token alone can cause it: true for 4001, 4002, 4004, 4008, 4022, 4023, 4024. */
  tokenCanCause: boolean;
  /**
   * What in the token given causes it, one sentence each, naming the values compared (the
   * token's `roomId` and the room joined, its `exp` and now). `[]` without a token, when the
   * token is not the cause, and for a code a token cannot cause. Never says a signature is valid.
   */
  findings: string[];
  /** The usual fix; with a token that could not be compared, what would let it be. */
  fix: string;
}

/**
 * Explains one of VideoSDK's join error codes (the number its client SDKs report when a join
 * fails) and, given the token, what in it causes the error: 4001 an empty or missing `apikey`;
 * 4002 expired at `now`, not yet valid, malformed, not HS256, unsigned; 4004 whitespace in
 * `participantId`; 4008 `ask_join` beside `allow_join` or `allow_mod`; 4022 a `roomId` that is not
 * the room joined; 4023 a `participantId` that is not the one joined with; 4024 `roles` without
 * `rtc`. A code VideoSDK does not document is explained as such (`name: null`).
 * @param code An integer from 1000 to 9999, or a string of its four digits (`'4022'`).
 * @example
 * const { name, findings, fix } = explainJoinError(4022, { token, roomId: 'abc-defg-hijk' });
 * @throws {TokenError} INVALID_OPTIONS: `field` 'code' for a code that is not an integer from
 * 1000 to 9999, else the option at fault (an unknown one with a did-you-mean hint).
 */
export function explainJoinError(code: number | string, options?: JoinErrorOptions): JoinErrorExplanation;
