//! Custom claims: members a caller adds to the payload (a display name, an email), which
//! VideoSDK ignores. They arrive as JSON text (the JS side has already refused every value JSON
//! cannot hold), are scanned strictly, may not take a name this package writes, and are written
//! after VideoSDK's claims and before `jti`, `iat`, `nbf` and `exp`.

use crate::leaf::error::TokenError;
use crate::leaf::json::{scan_object, Object, MAX_DEPTH};
use crate::leaf::json_write::{object_depth, write_members};
use crate::leaf::text::{cat, int};
use crate::model::vocab::RESERVED_CLAIMS;

/// The option that carries them, and the prefix of a member's `field` in errors.
pub const FIELD: &str = "claims";

/// The deepest custom claims may nest (the object itself is level 1): inside the payload they
/// sit one level deeper, and verify reads at most [`MAX_DEPTH`] levels.
pub const MAX_CLAIMS_DEPTH: usize = MAX_DEPTH - 1;

/// Whether `name` is one of the claims this package writes.
pub fn is_reserved(name: &str) -> bool {
    RESERVED_CLAIMS.iter().any(|(claim, _)| *claim == name)
}

/// Checks custom claims given as the JSON text of an object and returns them as payload members,
/// each led by ',' (empty for `{}`), ready to write after VideoSDK's claims.
pub fn check_custom_claims(json: &str) -> Result<String, TokenError> {
    let object =
        scan_object(json).map_err(|e| TokenError::invalid_option(FIELD, cat(&["claims ", &e])))?;
    for (name, _) in object.iter() {
        if let Some((claim, option)) = RESERVED_CLAIMS.iter().find(|(c, _)| *c == name) {
            return Err(TokenError::invalid_option(
                cat(&[FIELD, ".", claim]),
                cat(&[
                    "claims cannot set '",
                    claim,
                    "': this package writes it from the option '",
                    option,
                    "'. Custom claims take other names, such as 'name' or 'email'",
                ]),
            ));
        }
    }
    // Inside the payload they sit one level deeper than given; verify must be able to read it.
    let depth = object_depth(&object);
    if depth > MAX_CLAIMS_DEPTH {
        return Err(TokenError::invalid_option(
            FIELD,
            cat(&[
                "claims nest ",
                &int(depth as i64),
                " levels deep; a token's payload holds at most ",
                &int(MAX_CLAIMS_DEPTH as i64),
                " levels of custom claims",
            ]),
        ));
    }
    let mut members = String::with_capacity(json.len());
    write_members(&mut members, object.iter(), true);
    Ok(members)
}

/// The members of a payload that are not claims this package writes, as a JSON object's text.
pub fn custom_claims_json(payload: &Object<'_>) -> String {
    let mut out = String::from("{");
    write_members(
        &mut out,
        payload.iter().filter(|(name, _)| !is_reserved(name)),
        false,
    );
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::leaf::error::ErrorCode;

    #[test]
    fn members_are_written_compactly_each_led_by_a_comma() {
        assert_eq!(check_custom_claims("{}").unwrap(), "");
        assert_eq!(
            check_custom_claims(r#"{ "name": "Ada", "tags": ["a", 1.5], "x": {"y": null} }"#)
                .unwrap(),
            r#","name":"Ada","tags":["a",1.5],"x":{"y":null}"#
        );
    }

    #[test]
    fn reserved_names_are_refused_with_their_path_and_option() {
        for (claim, option) in RESERVED_CLAIMS {
            let json = cat(&["{\"ok\":1,\"", claim, "\":1}"]);
            let e = check_custom_claims(&json).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidOptions);
            assert_eq!(e.field(), Some(cat(&["claims.", claim]).as_str()));
            assert!(e.reason().contains(option), "{}", e.reason());
        }
        // Names are exact: another case is a custom claim.
        assert!(check_custom_claims(r#"{"Exp":1,"apiKey":2}"#).is_ok());
    }

    #[test]
    fn what_the_scanner_refuses_is_refused_as_claims() {
        for bad in [
            "[]",
            "\"x\"",
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":1}}",
            "{\"a\":NaN}",
            "{\"a\":1e400}",
            "{\"a\":\"\\ud800\"}",
            "{\"a\":1",
            "",
        ] {
            let e = check_custom_claims(bad).unwrap_err();
            assert_eq!(e.field(), Some("claims"), "{bad}");
            assert!(e.reason().starts_with("claims "), "{}", e.reason());
        }
    }

    #[test]
    fn nesting_stays_within_what_verify_reads() {
        let nested =
            |levels: usize| cat(&[&"{\"a\":".repeat(levels - 1), "{}", &"}".repeat(levels - 1)]);
        assert!(check_custom_claims(&nested(MAX_CLAIMS_DEPTH)).is_ok());
        let e = check_custom_claims(&nested(MAX_CLAIMS_DEPTH + 1)).unwrap_err();
        assert_eq!(e.field(), Some("claims"));
        assert!(e.reason().contains("at most 127"), "{}", e.reason());
    }

    #[test]
    fn a_payload_s_custom_claims_are_the_members_it_does_not_reserve() {
        let payload = scan_object(
            r#"{"apikey":"k","name":"Ada","permissions":["allow_join"],"exp":1,"x":[{}]}"#,
        )
        .unwrap();
        assert_eq!(custom_claims_json(&payload), r#"{"name":"Ada","x":[{}]}"#);
        let plain = scan_object(r#"{"apikey":"k","exp":1}"#).unwrap();
        assert_eq!(custom_claims_json(&plain), "{}");
    }
}
