//! Decoding for people: what a token says and what VideoSDK would make of it.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::jws::header::ALG;
use crate::jws::untrusted::{payload_object, Untrusted};
use crate::leaf::error::TokenError;
use crate::leaf::json_serde as json;
use crate::leaf::text::{cat, quoted};
use crate::model::custom_claims::custom_claims_json;
use crate::model::review::review;
use crate::model::time::plausible;

/// A token's parts and what VideoSDK would object to. Nothing here is verified.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The header as received (UTF-8 JSON).
    pub header_json: String,
    /// The header, parsed.
    pub header: Map<String, Value>,
    /// The payload as received (UTF-8 JSON).
    pub payload_json: String,
    /// The payload, parsed.
    pub payload: Map<String, Value>,
    /// The third part, as in the token.
    pub signature: String,
    /// `iat`, in seconds, when it is a plausible time.
    pub issued_at: Option<f64>,
    /// `exp`, in seconds, when it is a plausible time.
    pub expires_at: Option<f64>,
    /// `nbf`, in seconds, when it is a plausible time.
    pub not_before: Option<f64>,
    /// `exp <= now`.
    pub expired: bool,
    /// What a VideoSDK server would object to; empty for a clean token.
    pub warnings: Vec<String>,
    /// The payload's members that are not claims this package writes (VideoSDK ignores them).
    pub custom_claims: Map<String, Value>,
}

/// Decodes a token **without checking its signature**: for display and debugging only, never
/// to make an access decision (use [`crate::verify_token`]). Fails only on malformed input.
pub fn decode_token(token: &str, now: i64) -> Result<Decoded, TokenError> {
    let s = summarize(token.as_bytes(), now)?;
    // Both texts were accepted already; the Rust API also hands out maps of them (the wasm
    // binding passes the texts to JSON.parse instead).
    let map = |part: &'static str, text: &str| {
        json::parse_map(text)
            .map_err(|e| TokenError::malformed_part(part, cat(&["the ", part, " ", &e])))
    };
    Ok(Decoded {
        header: map("header", &s.header_json)?,
        payload: map("payload", &s.payload_json)?,
        header_json: s.header_json.into_owned(),
        payload_json: s.payload_json,
        // Checked base64url: ASCII, so nothing is replaced.
        signature: String::from_utf8_lossy(s.signature).into_owned(),
        issued_at: s.issued_at,
        expires_at: s.expires_at,
        not_before: s.not_before,
        expired: s.expired,
        warnings: s.warnings,
        custom_claims: map("payload", &s.custom_claims_json)?,
    })
}

/// What [`decode_token`] finds, with the header and payload as JSON text only.
pub struct Summary<'a> {
    pub header_json: Cow<'static, str>,
    pub payload_json: String,
    /// The third part, as in the token (checked base64url: ASCII).
    pub signature: &'a [u8],
    pub issued_at: Option<f64>,
    pub expires_at: Option<f64>,
    pub not_before: Option<f64>,
    pub expired: bool,
    pub warnings: Vec<String>,
    /// The custom claims as a JSON object's text.
    pub custom_claims_json: String,
}

/// Over the token's UTF-8 bytes, as the wasm binding receives them.
pub fn summarize(token: &[u8], now: i64) -> Result<Summary<'_>, TokenError> {
    let mut untrusted = Untrusted::parse_utf8(token)?;
    let payload_json = untrusted.payload_json()?;
    let payload = payload_object(&payload_json)?;
    let mut warnings = Vec::new();
    match untrusted.alg() {
        Some(ALG) => {}
        Some(alg) => warnings.push(cat(&[
            "alg is ",
            &quoted(alg),
            ": VideoSDK tokens are signed HS256, and verifyToken refuses any other",
        ])),
        None => warnings.push("the header has no alg (a string): verifyToken refuses it".into()),
    }
    warnings.extend(
        review(&payload, now)
            .into_iter()
            .map(|finding| finding.text),
    );
    let expires_at = plausible(&payload, "exp");
    let issued_at = plausible(&payload, "iat");
    let not_before = plausible(&payload, "nbf");
    let custom_claims_json = custom_claims_json(&payload);
    Ok(Summary {
        header_json: untrusted.header_json,
        signature: untrusted.signature_b64,
        issued_at,
        not_before,
        expired: expires_at.is_some_and(|exp| exp <= now as f64),
        expires_at,
        payload_json,
        warnings,
        custom_claims_json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::leaf::base64url::encode;
    use crate::leaf::error::ErrorCode;

    const NOW: i64 = 1_700_000_000;

    fn unsigned(header: &str, payload: &str) -> String {
        format!(
            "{}.{}.",
            encode(header.as_bytes()),
            encode(payload.as_bytes())
        )
    }

    #[test]
    fn decodes_without_a_signature_check_and_flags_what_videosdk_would_refuse() {
        let t = unsigned(
            r#"{"alg":"none"}"#,
            r#"{"apikey":"k","permissions":["allow_join","ask_join"],"roomId":"r","version":"2","exp":1699999000}"#,
        );
        let d = decode_token(&t, NOW).unwrap();
        assert_eq!(d.signature, "");
        assert!(d.expired);
        assert_eq!(d.expires_at, Some(1_699_999_000.0));
        let all = d.warnings.join("\n");
        for expect in [
            "alg is \"none\"",
            "expired 16 min 40 s ago",
            "error 4008 INVALID_PERMISSIONS",
            "the string \"2\"",
        ] {
            assert!(all.contains(expect), "missing {expect:?} in\n{all}");
        }
    }

    #[test]
    fn custom_claims_are_returned_apart_from_the_warnings() {
        let t = unsigned(
            r#"{"alg":"HS256","typ":"JWT"}"#,
            r#"{"apikey":"k","permissions":["allow_join"],"version":2,"roles":["rtc"],"name":"Ada","tags":["a"],"iat":1700000000,"exp":1700007200}"#,
        );
        let d = decode_token(&t, NOW).unwrap();
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(
            serde_json::Value::Object(d.custom_claims),
            serde_json::json!({"name": "Ada", "tags": ["a"]})
        );
    }

    #[test]
    fn a_clean_token_has_no_warnings() {
        let t = unsigned(
            r#"{"alg":"HS256","typ":"JWT"}"#,
            r#"{"apikey":"k","permissions":["allow_join"],"version":2,"roles":["rtc"],"iat":1700000000,"exp":1700007200}"#,
        );
        let d = decode_token(&t, NOW).unwrap();
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert!(!d.expired);
        assert_eq!(d.issued_at, Some(1_700_000_000.0));
        assert_eq!(d.not_before, None);
    }

    #[test]
    fn milliseconds_are_flagged_and_not_turned_into_dates() {
        let t = unsigned(
            r#"{"alg":"HS256"}"#,
            r#"{"apikey":"k","permissions":["allow_join"],"iat":1700000000000,"exp":1700007200000}"#,
        );
        let d = decode_token(&t, NOW).unwrap();
        assert_eq!(d.expires_at, None);
        assert!(!d.expired);
        assert_eq!(
            d.warnings
                .iter()
                .filter(|w| w.contains("looks like milliseconds"))
                .count(),
            2
        );
    }

    #[test]
    fn fails_only_on_malformed_input() {
        let err = decode_token("abc", NOW).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Malformed);
        assert_eq!(err.message(), err.reason(), "decode explains itself");
        let t = unsigned(r#"{"alg":"HS256"}"#, "[]");
        assert!(decode_token(&t, NOW)
            .unwrap_err()
            .reason()
            .contains("the payload is an array, not a JSON object"));
    }
}
