//! jwt-compact, an independent HS256 implementation, as an interop oracle both ways — and one test
//! for each of its defaults that differ from this crate's rules, showing the core does what the
//! rules say (README: "Why the hot path does not go through jwt-compact").

use chrono::{DateTime, Duration, TimeZone, Utc};
use jwt_compact::alg::{Hs256, Hs256Key};
use jwt_compact::{AlgorithmExt, Claims, Header, TimeOptions, UntrustedToken, ValidationError};
use serde::{Deserialize, Serialize};

mod common;
use common::raw_token;
use videosdk_token::{sign_token, verify_token, ClaimsOptions, ErrorCode, Secret, VerifyOptions};

const NOW: i64 = 1_700_000_000;
const SECRET: &[u8] = b"jwt-compact-interop-secret-0123456789abcdef";

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct VideoSdk {
    apikey: String,
    permissions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    room_id: Option<String>,
}

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).single().expect("valid time")
}

fn time_options(now: i64) -> TimeOptions<impl Fn() -> DateTime<Utc>> {
    TimeOptions::new(Duration::zero(), move || at(now))
}

fn secret() -> Secret {
    Secret::new(SECRET).unwrap()
}

fn their_token(claims: Claims<VideoSdk>, key: &[u8]) -> String {
    Hs256
        .token(
            &Header::empty().with_token_type("JWT"),
            &claims,
            &Hs256Key::new(key),
        )
        .unwrap()
}

fn videosdk_claims(exp: i64) -> Claims<VideoSdk> {
    let mut claims = Claims::new(VideoSdk {
        apikey: "key".into(),
        permissions: vec!["allow_join".into()],
        version: Some(2),
        room_id: Some("room".into()),
    });
    claims.issued_at = Some(at(NOW));
    claims.expiration = Some(at(exp));
    claims
}

#[test]
fn our_tokens_validate_with_jwt_compact() {
    let mut options = ClaimsOptions::new(["allow_join"], NOW);
    options.room_id = Some("room".into());
    let token = sign_token("key", &secret(), &options).unwrap();
    let untrusted = UntrustedToken::new(&token).unwrap();
    let validated = Hs256
        .validator::<VideoSdk>(&Hs256Key::new(SECRET))
        .validate(&untrusted)
        .unwrap();
    let claims = validated.claims();
    claims.validate_expiration(&time_options(NOW + 60)).unwrap();
    assert_eq!(claims.custom.room_id.as_deref(), Some("room"));
    assert_eq!(claims.custom.version, Some(2));
    assert_eq!(claims.expiration, Some(at(NOW + 7_200)));
}

#[test]
fn jwt_compact_tokens_verify_with_ours() {
    let token = their_token(videosdk_claims(NOW + 600), SECRET);
    let verified = verify_token(&token, &[secret()], &VerifyOptions::at(NOW + 1)).unwrap();
    assert_eq!(verified.payload["roomId"], "room");
    assert_eq!(verified.payload["exp"], NOW + 600);
}

/// jwt-compact accepts a token whose exp equals now; RFC 7519 §4.1.4 says "before", so we refuse.
#[test]
fn exp_equal_to_now_differs() {
    let token = their_token(videosdk_claims(NOW + 600), SECRET);
    let untrusted = UntrustedToken::new(&token).unwrap();
    let theirs = Hs256
        .validator::<VideoSdk>(&Hs256Key::new(SECRET))
        .validate(&untrusted)
        .unwrap();
    assert!(theirs
        .claims()
        .validate_expiration(&time_options(NOW + 600))
        .is_ok());
    let ours = verify_token(&token, &[secret()], &VerifyOptions::at(NOW + 600)).unwrap_err();
    assert_eq!(ours.code(), ErrorCode::Expired);
    assert_eq!(ours.expired_at(), Some((NOW + 600) as f64));
}

/// jwt-compact signs and verifies with any key length; we refuse keys under 32 bytes.
#[test]
fn short_keys_differ() {
    let token = their_token(videosdk_claims(NOW + 600), b"short");
    let untrusted = UntrustedToken::new(&token).unwrap();
    assert!(Hs256
        .validator::<VideoSdk>(&Hs256Key::new(b"short"))
        .validate(&untrusted)
        .is_ok());
    assert_eq!(
        Secret::new(b"short").unwrap_err().code(),
        ErrorCode::WeakSecret
    );
}

/// jwt-compact ignores `crit`; RFC 7515 §4.1.11 requires refusing what is not understood.
#[test]
fn crit_differs() {
    let header = r#"{"alg":"HS256","crit":["exp"]}"#;
    let payload = serde_json::to_string(&serde_json::json!({
        "apikey": "key", "permissions": ["allow_join"], "exp": NOW + 600,
    }))
    .unwrap();
    let token = raw_token(header, &payload, SECRET);
    let untrusted = UntrustedToken::new(&token).unwrap();
    assert!(Hs256
        .validator::<serde_json::Value>(&Hs256Key::new(SECRET))
        .validate(&untrusted)
        .is_ok());
    let ours = verify_token(&token, &[secret()], &VerifyOptions::at(NOW)).unwrap_err();
    assert_eq!(ours.code(), ErrorCode::Malformed);
    assert!(ours.reason().contains("crit"));
}

/// jwt-compact parses the claims before it checks the MAC, so a forged token with junk claims
/// reaches its JSON parser; ours checks the MAC first and reports INVALID_SIGNATURE.
#[test]
fn mac_before_claims_differs() {
    let token = raw_token(
        r#"{"alg":"HS256"}"#,
        "not json",
        b"attacker-key-0123456789abcdef0123",
    );
    let untrusted = UntrustedToken::new(&token).unwrap();
    let theirs = Hs256
        .validator::<VideoSdk>(&Hs256Key::new(SECRET))
        .validate(&untrusted)
        .unwrap_err();
    assert!(
        matches!(theirs, ValidationError::MalformedClaims(_)),
        "{theirs:?}"
    );
    let ours = verify_token(&token, &[secret()], &VerifyOptions::at(NOW)).unwrap_err();
    assert_eq!(ours.code(), ErrorCode::InvalidSignature);
}

/// Two `exp` members would let two parsers disagree on the expiry: refused outright.
#[test]
fn duplicate_members_are_refused() {
    let payload = format!(
        r#"{{"apikey":"key","permissions":["allow_join"],"exp":{},"exp":{}}}"#,
        NOW - 10,
        NOW + 600
    );
    let token = raw_token(r#"{"alg":"HS256"}"#, &payload, SECRET);
    let ours = verify_token(&token, &[secret()], &VerifyOptions::at(NOW)).unwrap_err();
    assert_eq!(ours.code(), ErrorCode::Malformed);
}
