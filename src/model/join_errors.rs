//! VideoSDK's join error codes: the errors its client SDKs raise when a participant joins (or
//! while in a meeting), each with its name, what it means in short, and whether a token alone
//! can cause it. The only home of these names and meanings: the rules (rules.rs) and the review
//! name their errors from here, and the JS side takes the table from pkg-template/vocabulary.js
//! (written by tests/vocabulary.rs). It is data for messages and for JS, not a wasm export: in
//! the core only the constants picked by code below are used, so the table costs the wasm nothing.
//!
//! Source: VideoSDK's client-SDK error-code reference, "Meeting Error Codes"
//! (https://docs.videosdk.live/javascript/api/sdk-reference/error-codes, the same table for
//! React, React Native, Android, Flutter), and the SDKs' error catalogue
//! (https://docs.videosdk.live/flutter-sdk-reference/videosdk/VideoSDKError-class.html).
//! Where VideoSDK's pages disagree:
//! - 4003 and 4022 are INVALID_MEETING_ID and UNAUTHORIZED_MEETING_ID on the error-code pages and
//!   older SDKs, INVALID_ROOM_ID and UNAUTHORIZED_ROOM_ID in the current SDK catalogue; the
//!   catalogue's room names are kept (VideoSDK's API says room, as this package does).
//! - 4023 is UNAUTHORIZED_PARTICIPANT_ID on the error-code pages, UNAUTHORIZED_PARTCIPANT_ID
//!   (sic) in the SDK catalogue and the JS SDK's source: the catalogue's spelling is kept, as it
//!   is what `error.name` holds at run time.
//! - 4009 is MAX_PARTICIPANT_REACHED on the current pages, MAX_PARTCIPANT_REACHED (sic) on the
//!   older ones: the current spelling is kept.
//! - The Unity page lists neither 4021 nor 4028-4030; the JavaScript, React, Android and Flutter
//!   pages list 4030 (MAX_LIVESTREAM_LIMIT_REACHED_ON_ORGANIZATION) beyond 4029, so it is here.
//! - Wording differs between pages (4007's message is "Server will respond you with specific
//!   message" on older pages); the meanings below are short summaries, not VideoSDK's text.
//!   Codes past 4030 (transcription, per-track recording, 4052 ROOM_ID_DISABLED) are in the SDK
//!   catalogue but not on the error-code reference, and are not listed.

/// One of VideoSDK's join error codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JoinError {
    pub code: u16,
    /// The name VideoSDK's SDKs give it.
    pub name: &'static str,
    /// What VideoSDK says it means, in short.
    pub meaning: &'static str,
    /// Whether the token alone can cause it (a claim this package can check).
    pub token_can_cause: bool,
}

const fn row(
    code: u16,
    name: &'static str,
    meaning: &'static str,
    token_can_cause: bool,
) -> JoinError {
    JoinError {
        code,
        name,
        meaning,
        token_can_cause,
    }
}

/// Every 4xxx code of VideoSDK's client-SDK error reference, in order.
#[rustfmt::skip]
pub const JOIN_ERRORS: [JoinError; 30] = [
    row(4001, "INVALID_API_KEY", "the token's apikey is missing, empty or not a key of this account", true),
    row(4002, "INVALID_TOKEN", "the token is empty, invalid (malformed or wrongly signed) or expired", true),
    row(4003, "INVALID_ROOM_ID", "the room ID joined is empty or invalid; create rooms through the API", false),
    row(4004, "INVALID_PARTICIPANT_ID", "the participant ID is empty or invalid: it must not contain whitespace", true),
    row(4005, "DUPLICATE_PARTICIPANT", "the same participant ID joined from another device, so this one left", false),
    row(4006, "ACCOUNT_DEACTIVATED", "the account has been deactivated by VideoSDK", false),
    row(4007, "ACCOUNT_DISCONTINUED", "the account has been discontinued", false),
    row(4008, "INVALID_PERMISSIONS", "the token's permissions are invalid: ask_join must not be combined with allow_join or allow_mod", true),
    row(4009, "MAX_PARTICIPANT_REACHED", "the meeting has reached its participant limit", false),
    row(4010, "MAX_SPEAKER_REACHED", "the meeting has reached its speaker limit", false),
    row(4011, "START_RECORDING_FAILED", "starting a recording failed", false),
    row(4012, "STOP_RECORDING_FAILED", "stopping a recording failed", false),
    row(4013, "START_LIVESTREAM_FAILED", "starting a livestream failed", false),
    row(4014, "STOP_LIVESTREAM_FAILED", "stopping a livestream failed", false),
    row(4015, "INVALID_LIVESTREAM_CONFIG", "the livestream's outputs configuration is invalid", false),
    row(4016, "START_HLS_FAILED", "starting HLS failed", false),
    row(4017, "STOP_HLS_FAILED", "stopping HLS failed", false),
    row(4018, "PREV_RECORDING_PROCESSING", "the previous recording is still being processed; try again in a few seconds", false),
    row(4019, "PREV_RTMP_RECORDING_PROCESSING", "the previous RTMP recording is still being processed; try again in a few seconds", false),
    row(4020, "PREV_HLS_STREAMING_PROCESSING", "the previous HLS stream is still being processed; try again in a few seconds", false),
    row(4021, "ADD_ON_SERVICES_DISABLED", "add-on services are disabled for the account", false),
    row(4022, "UNAUTHORIZED_ROOM_ID", "the token is not valid for the room joined (its roomId names another room)", true),
    row(4023, "UNAUTHORIZED_PARTCIPANT_ID", "the token is not valid for the participant ID joined with (its participantId names another)", true),
    row(4024, "UNAUTHORIZED_ROLE", "the token's roles do not allow joining a meeting (they lack rtc)", true),
    row(4025, "UNAUTHORIZED_REQUEST", "the request does not match the account's security configuration", false),
    row(4026, "MAX_SPEAKER_LIMIT_REACHED_ON_ORGANIZATION", "the organization has reached its speaker limit", false),
    row(4027, "MAX_VIEWER_LIMIT_REACHED_ON_ORGANIZATION", "the organization has reached its viewer limit", false),
    row(4028, "MAX_RECORDING_LIMIT_REACHED_ON_ORGANIZATION", "the organization has reached its recording limit", false),
    row(4029, "MAX_HLS_LIMIT_REACHED_ON_ORGANIZATION", "the organization has reached its HLS limit", false),
    row(4030, "MAX_LIVESTREAM_LIMIT_REACHED_ON_ORGANIZATION", "the organization has reached its livestream limit", false),
];

/// The row of `code`, at compile time: a code missing from the table fails the build.
const fn by_code(code: u16) -> JoinError {
    let mut i = 0;
    while i < JOIN_ERRORS.len() {
        if JOIN_ERRORS[i].code == code {
            return JOIN_ERRORS[i];
        }
        i += 1;
    }
    panic!("a join error code missing from JOIN_ERRORS")
}

/// `ask_join` with `allow_join` or `allow_mod`.
pub const INVALID_PERMISSIONS: JoinError = by_code(4008);
/// A participant ID with whitespace in it.
pub const INVALID_PARTICIPANT_ID: JoinError = by_code(4004);
/// A token whose roles lack `rtc`.
pub const UNAUTHORIZED_ROLE: JoinError = by_code(4024);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_every_code_once_in_order_with_a_name_and_meaning() {
        let codes: Vec<u16> = JOIN_ERRORS.iter().map(|e| e.code).collect();
        assert_eq!(codes, (4001..=4030).collect::<Vec<u16>>());
        for e in JOIN_ERRORS {
            assert!(!e.name.is_empty() && !e.meaning.is_empty(), "{e:?}");
            assert!(
                e.name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'),
                "{e:?}"
            );
        }
        let names: std::collections::HashSet<_> = JOIN_ERRORS.iter().map(|e| e.name).collect();
        assert_eq!(names.len(), JOIN_ERRORS.len(), "names are distinct");
    }

    #[test]
    fn a_token_can_cause_exactly_the_claims_this_package_checks() {
        let token: Vec<u16> = JOIN_ERRORS
            .iter()
            .filter(|e| e.token_can_cause)
            .map(|e| e.code)
            .collect();
        assert_eq!(token, [4001, 4002, 4004, 4008, 4022, 4023, 4024]);
    }

    #[test]
    fn the_named_errors_keep_their_names() {
        assert_eq!(INVALID_PERMISSIONS.name, "INVALID_PERMISSIONS");
        assert_eq!(INVALID_PARTICIPANT_ID.name, "INVALID_PARTICIPANT_ID");
        assert_eq!(UNAUTHORIZED_ROLE.name, "UNAUTHORIZED_ROLE");
        assert_eq!(
            (
                INVALID_PERMISSIONS.code,
                INVALID_PARTICIPANT_ID.code,
                UNAUTHORIZED_ROLE.code
            ),
            (4008, 4004, 4024)
        );
    }
}
