//! A signed token whose `roomId` or `participantId` is `""`: signToken refuses to make one and
//! VideoSDK cannot match a join against it, so verify refuses it (`CLAIMS_INVALID`, `field`
//! naming the claim) and decode names the claim in a warning.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use videosdk_token::{decode_token, verify_token, ErrorCode, Secret, VerifyOptions};

const SECRET: &str = "empty-ids-test-secret-0123456789abcdef0123";
const NOW: i64 = 1_700_000_000;
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

fn token(claim: &str, value: &str) -> String {
    let payload = format!(
        r#"{{"apikey":"key","permissions":["allow_join"],"version":2,"roles":["rtc"],"{claim}":"{value}","iat":1700000000,"exp":1700007200}}"#
    );
    common::raw_token(HEADER, &payload, SECRET.as_bytes())
}

fn options() -> VerifyOptions {
    VerifyOptions {
        now: NOW,
        clock_tolerance: None,
        api_key: None,
        room_id: None,
        participant_id: None,
    }
}

#[test]
fn verify_refuses_an_empty_room_or_participant_id_naming_the_claim() {
    let key = Secret::from_text(SECRET).unwrap();
    for claim in ["roomId", "participantId"] {
        let err = verify_token(&token(claim, ""), std::slice::from_ref(&key), &options())
            .expect_err(claim);
        assert_eq!(
            err.code(),
            ErrorCode::ClaimsInvalid,
            "{claim}: {}",
            err.reason()
        );
        assert_eq!(err.field(), Some(claim));
        assert!(
            err.reason().contains(&format!("{claim} is \"\"")),
            "{}",
            err.reason()
        );
        // The same token with an ID passes: the refusal is about the empty string alone.
        verify_token(&token(claim, "x"), std::slice::from_ref(&key), &options()).expect(claim);
    }
}

#[test]
fn decode_names_an_empty_room_or_participant_id_in_a_warning() {
    for claim in ["roomId", "participantId"] {
        let decoded = decode_token(&token(claim, ""), NOW).unwrap();
        assert!(
            decoded
                .warnings
                .iter()
                .any(|w| w.starts_with(&format!("{claim} is \"\""))),
            "{claim}: {:?}",
            decoded.warnings
        );
        assert!(decode_token(&token(claim, "x"), NOW)
            .unwrap()
            .warnings
            .is_empty());
    }
}
