//! Strict parsing of a compact JWS into an untrusted token: structure, base64url, header.
//! Nothing here looks at the payload's JSON: verify does that only after the MAC checks out.

use std::borrow::Cow;

use crate::jws::header::{check_header, Alg, ALG, HEADER_B64, HEADER_JSON};
use crate::leaf::base64url::{self, Base64Error};
use crate::leaf::error::TokenError;
use crate::leaf::json::{self, Object};
use crate::leaf::text::{cat, int};

/// The largest token accepted, checked before any decoding. VideoSDK tokens are under 1 KiB;
/// signed tokens are bounded well below this by the option length limits.
pub const MAX_TOKEN_LEN: usize = 8 * 1024;

/// A token split and its header parsed, signature unchecked: not to be trusted.
#[derive(Debug)]
pub struct Untrusted<'a> {
    /// `header.payload`, exactly as received: the MAC is computed over these bytes.
    pub signing_input: &'a [u8],
    pub header_json: Cow<'static, str>,
    /// The header's `alg` member, the only one the later steps look at.
    pub alg: Alg,
    /// The payload's bytes, decoded while its base64url was checked; not yet known to be UTF-8.
    payload: Vec<u8>,
    /// The third part, as received (checked base64url: ASCII).
    pub signature_b64: &'a [u8],
    pub signature: Vec<u8>,
}

impl<'a> Untrusted<'a> {
    /// Splits and checks the token's structure and header; refuses with `MALFORMED`. For the
    /// JWS layer's tests (verify and decode take bytes: [`Untrusted::parse_utf8`]).
    #[cfg(any(test, feature = "test-hooks"))]
    pub fn parse(token: &'a str) -> Result<Self, TokenError> {
        Self::parse_utf8(token.as_bytes())
    }

    /// [`Untrusted::parse`] over the token's UTF-8 bytes, as the wasm binding receives them.
    /// Every part must be base64url, so a byte that is not ASCII (or not UTF-8) is refused as
    /// the character at its place, named as the text would be.
    pub fn parse_utf8(token: &'a [u8]) -> Result<Self, TokenError> {
        check_size(token.len())?;
        if token.is_empty() {
            return Err(TokenError::malformed("the token is empty"));
        }
        if token
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"bearer "))
        {
            return Err(TokenError::malformed(
                "the token starts with 'Bearer ': pass the token alone, without the scheme",
            ));
        }
        // Found by byte: neither str::split(char) nor rsplit_once links a searcher with its
        // slice-index panics.
        let dots = token.iter().filter(|&&b| b == b'.').count();
        let parts = dots + 1;
        if parts != 3 {
            let hint = if parts == 5 {
                " (five parts is an encrypted JWE; VideoSDK tokens are signed JWS)"
            } else {
                ""
            };
            return Err(TokenError::malformed(cat(&[
                "the token has ",
                &int(parts as i64),
                if parts == 1 { " part" } else { " parts" },
                "; a JWT has three, header.payload.signature, separated by '.'",
                hint,
            ])));
        }
        let (signing_input, signature_b64) = split_at_dot(token, token.iter().rposition(is_dot))?;
        let (header_b64, payload_b64) =
            split_at_dot(signing_input, signing_input.iter().position(is_dot))?;
        if header_b64.is_empty() {
            return Err(TokenError::malformed_part(
                "header",
                "the header (first part) is empty",
            ));
        }
        // Decoded here, where its base64url is checked, rather than checked now and decoded
        // after the MAC: one pass over it. Its text is looked at only after the MAC.
        let payload = base64url::decode(payload_b64).map_err(|e| bad_base64("payload", &e))?;
        let signature =
            base64url::decode(signature_b64).map_err(|e| bad_base64("signature", &e))?;
        let (header_json, alg) = if header_b64 == HEADER_B64.as_bytes() {
            // The header this library signs, byte for byte: nothing to decode or check.
            (Cow::Borrowed(HEADER_JSON), Alg::Named(Cow::Borrowed(ALG)))
        } else {
            let header_bytes =
                base64url::decode(header_b64).map_err(|e| bad_base64("header", &e))?;
            let header_json = utf8("header", header_bytes)?;
            let header = json::scan_object(&header_json)
                .map_err(|e| TokenError::malformed_part("header", cat(&["the header ", &e])))?;
            check_header(&header)?;
            let alg = Alg::of(&header);
            (Cow::Owned(header_json), alg)
        };
        Ok(Self {
            signing_input,
            header_json,
            alg,
            payload,
            signature_b64,
            signature,
        })
    }

    /// The payload's JSON text: for verify, call only after the MAC checked out. Takes the
    /// decoded bytes (a second call gives ""). Parse it with [`payload_object`].
    #[inline(never)] // verify and decode call it; inlined into each, it doubles its error path
    pub fn payload_json(&mut self) -> Result<String, TokenError> {
        utf8("payload", core::mem::take(&mut self.payload))
    }

    /// The payload's bytes, whatever they hold (for JWS test vectors). Takes them, as
    /// [`Untrusted::payload_json`] does.
    #[cfg(feature = "test-hooks")]
    pub fn payload_bytes(&mut self) -> Vec<u8> {
        core::mem::take(&mut self.payload)
    }

    /// The header's `alg` when it is a string.
    pub fn alg(&self) -> Option<&str> {
        match &self.alg {
            Alg::Named(alg) => Some(alg.as_ref()),
            _ => None,
        }
    }
}

fn is_dot(b: &u8) -> bool {
    *b == b'.'
}

/// `text` before and after the '.' at byte `at`.
fn split_at_dot(text: &[u8], at: Option<usize>) -> Result<(&[u8], &[u8]), TokenError> {
    at.and_then(|at| Some((text.get(..at)?, text.get(at + 1..)?)))
        .ok_or_else(|| TokenError::malformed("the token has no '.'"))
}

/// Parses the payload's JSON text strictly; it must be an object.
pub fn payload_object(json: &str) -> Result<Object<'_>, TokenError> {
    json::scan_object(json)
        .map_err(|e| TokenError::malformed_part("payload", cat(&["the payload ", &e])))
}

fn utf8(part: &'static str, bytes: Vec<u8>) -> Result<String, TokenError> {
    String::from_utf8(bytes).map_err(|e| {
        TokenError::malformed_part(
            part,
            cat(&[
                "the ",
                part,
                " is not valid UTF-8 (at byte ",
                &int(e.utf8_error().valid_up_to() as i64),
                ")",
            ]),
        )
    })
}

/// Refuses oversized input before any work is done on it.
pub fn check_size(len: usize) -> Result<(), TokenError> {
    if len > MAX_TOKEN_LEN {
        return Err(too_long(len));
    }
    Ok(())
}

/// The error for a token of `len` bytes, over [`MAX_TOKEN_LEN`].
#[cold]
pub fn too_long(len: usize) -> TokenError {
    TokenError::malformed(cat(&[
        "the token is ",
        &int(len as i64),
        " bytes; the maximum is ",
        &int(MAX_TOKEN_LEN as i64),
        " (VideoSDK tokens are under 1 KiB)",
    ]))
}

fn bad_base64(part: &'static str, e: &Base64Error) -> TokenError {
    TokenError::malformed_part(
        part,
        cat(&["the ", part, " is not valid base64url: it ", &e.describe()]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::leaf::error::ErrorCode;

    fn b64(s: &str) -> String {
        base64url::encode(s.as_bytes())
    }

    fn token(header: &str, payload: &str) -> String {
        format!("{}.{}.{}", b64(header), b64(payload), "A".repeat(43))
    }

    fn reason(token: &str) -> String {
        let err = Untrusted::parse(token).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Malformed, "{token}");
        err.reason().to_owned()
    }

    const H: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

    #[test]
    fn a_good_token_parses() {
        let t = token(H, "{}");
        let mut u = Untrusted::parse(&t).unwrap();
        assert_eq!(u.alg(), Some("HS256"));
        assert_eq!(u.signature.len(), 32);
        assert_eq!(payload_object(&u.payload_json().unwrap()).unwrap().len(), 0);
    }

    #[test]
    fn structure_errors_say_what_is_wrong() {
        assert!(reason("").contains("empty"));
        assert!(reason("a.b").contains("2 parts"));
        assert!(reason("a.b.c.d").contains("4 parts"));
        assert!(reason("a.b.c.d.e").contains("JWE"));
        assert!(reason(&format!("Bearer {}", token(H, "{}"))).contains("Bearer"));
        assert!(reason(".e30.").contains("header (first part) is empty"));
    }

    #[test]
    fn each_part_names_its_base64_problem() {
        let good = token(H, "{}");
        let parts: Vec<&str> = good.split('.').collect();
        let r = reason(&format!("{}=.{}.{}", parts[0], parts[1], parts[2]));
        assert!(r.starts_with("the header is not valid base64url"), "{r}");
        let r = reason(&format!("{}.{}+.{}", parts[0], parts[1], parts[2]));
        assert!(r.starts_with("the payload is not valid base64url"), "{r}");
        let r = reason(&format!("{}.{}.{} ", parts[0], parts[1], parts[2]));
        assert!(r.starts_with("the signature is not valid base64url"), "{r}");
    }

    #[test]
    fn header_must_be_a_plain_jwt_header() {
        assert!(reason(&token("[1]", "{}")).contains("not a JSON object"));
        assert!(reason(&token(r#"{"alg":"HS256","alg":"none"}"#, "{}")).contains("twice"));
        assert!(reason(&token(r#"{"alg":"HS256","crit":["exp"]}"#, "{}")).contains("crit"));
        assert!(reason(&token(r#"{"alg":"HS256","b64":false}"#, "{}")).contains("b64"));
        assert!(reason(&token(r#"{"alg":"HS256","cty":"text"}"#, "{}")).contains("cty"));
        assert!(reason(&token(r#"{"alg":"HS256","typ":"at+jwt"}"#, "{}")).contains("typ"));
        assert!(Untrusted::parse(&token(r#"{"alg":"HS256","cty":"JWT"}"#, "{}")).is_ok());
        assert!(Untrusted::parse(&token(r#"{"alg":"HS256"}"#, "{}")).is_ok());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_where_they_stand() {
        let t = token(H, "{}");
        for at in [0, t.find('.').unwrap() + 2, t.len() - 1] {
            let mut bytes = t.clone().into_bytes();
            bytes[at] = 0xc3;
            let err = Untrusted::parse_utf8(&bytes).unwrap_err();
            assert_eq!(err.code(), ErrorCode::Malformed);
            assert!(
                err.reason().contains("not valid base64url"),
                "{}",
                err.reason()
            );
        }
        let same = Untrusted::parse_utf8(t.as_bytes()).unwrap();
        assert_eq!(same.signing_input, t.rsplit_once('.').unwrap().0.as_bytes());
    }

    #[test]
    fn oversized_tokens_are_refused_before_decoding() {
        let huge = "a".repeat(MAX_TOKEN_LEN + 1);
        assert!(reason(&huge).contains("maximum is 8192"));
    }

    #[test]
    fn payload_problems_surface_only_when_asked() {
        let t = format!("{}.{}.{}", b64(H), b64("not json"), "A".repeat(43));
        let mut u = Untrusted::parse(&t).unwrap();
        let err = payload_object(&u.payload_json().unwrap()).unwrap_err();
        assert!(err.reason().starts_with("the payload is not valid JSON"));
    }

    #[test]
    fn malformed_errors_name_the_part() {
        let good = token(H, "{}");
        let parts: Vec<&str> = good.split('.').collect();
        let field = |t: &str| Untrusted::parse(t).unwrap_err().field().map(str::to_owned);
        assert_eq!(
            field(&format!("{}=.{}.{}", parts[0], parts[1], parts[2])).as_deref(),
            Some("header")
        );
        assert_eq!(
            field(&format!("{}.{}+.{}", parts[0], parts[1], parts[2])).as_deref(),
            Some("payload")
        );
        assert_eq!(
            field(&format!("{}.{}.{} ", parts[0], parts[1], parts[2])).as_deref(),
            Some("signature")
        );
        assert_eq!(field(&token("[1]", "{}")).as_deref(), Some("header"));
        assert_eq!(
            field(&token(r#"{"alg":"HS256","crit":["exp"]}"#, "{}")).as_deref(),
            Some("header")
        );
        assert_eq!(field("a.b"), None, "structure is not one part");
        let t = format!("{}.{}.{}", b64(H), b64("not json"), "A".repeat(43));
        let json = Untrusted::parse(&t).unwrap().payload_json().unwrap();
        let err = payload_object(&json).unwrap_err();
        assert_eq!(err.field(), Some("payload"));
    }

    #[test]
    fn header_values_in_reasons_are_escaped() {
        let r = reason(&token(
            "{\"alg\":\"HS256\",\"typ\":\"x\\u2028y\\u202ez\\r\\n\"}",
            "{}",
        ));
        assert!(
            !r.contains('\u{2028}') && !r.contains('\u{202e}') && !r.contains('\n'),
            "{r}"
        );
        assert!(r.contains("\\u{2028}"), "{r}");
    }
}
