//! The JOSE header: the one this library signs, byte for byte, and the checks on a received one.
//! The token never chooses the algorithm: HS256 is fixed on sign and compared on verify.

use std::borrow::Cow;

use crate::leaf::error::{ErrorCode, TokenError};
use crate::leaf::json::{Object, Value};
use crate::leaf::text::{cat, quoted};

/// `{"alg":"HS256","typ":"JWT"}`, encoded once.
pub const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
/// The same header as JSON text.
pub const HEADER_JSON: &str = r#"{"alg":"HS256","typ":"JWT"}"#;
/// The only algorithm.
pub const ALG: &str = "HS256";

/// The header's `alg` member: borrowed for the fixed header, which every token this package
/// signs has, so that verifying one allocates nothing for it.
#[derive(Debug, PartialEq)]
pub enum Alg {
    Missing,
    NotAString,
    Named(Cow<'static, str>),
}

impl Alg {
    /// The `alg` of a parsed header.
    pub fn of(header: &Object<'_>) -> Self {
        match header.get("alg") {
            None => Alg::Missing,
            Some(Value::String(alg)) => Alg::Named(Cow::Owned(alg.to_string())),
            Some(_) => Alg::NotAString,
        }
    }

    /// `ALG_NOT_ALLOWED` unless the header names exactly HS256.
    pub fn check(&self) -> Result<(), TokenError> {
        let reason = match self {
            Alg::Named(alg) if alg == ALG => return Ok(()),
            Alg::Missing => "the header has no alg; only HS256 is accepted".to_owned(),
            Alg::Named(alg) if alg.eq_ignore_ascii_case("none") => {
                "alg is none (an unsigned token), which is never accepted".to_owned()
            }
            Alg::Named(alg) => cat(&[
                "alg is ",
                &quoted(alg),
                "; only HS256 is accepted (the algorithm is fixed, never chosen by the token)",
            ]),
            Alg::NotAString => "alg is not a string; only \"HS256\" is accepted".to_owned(),
        };
        Err(TokenError::new(ErrorCode::AlgNotAllowed, reason))
    }
}

/// Header members that change how a JWS must be processed are refused rather than ignored.
pub fn check_header(header: &Object<'_>) -> Result<(), TokenError> {
    let malformed = |reason: String| TokenError::malformed_part("header", reason);
    if header.contains_key("crit") {
        return Err(malformed(
            "the header has 'crit': this library understands no extensions, and RFC 7515 \
             §4.1.11 requires refusing a token whose critical extensions are not understood"
                .to_owned(),
        ));
    }
    if header.contains_key("b64") {
        return Err(malformed(
            "the header has 'b64' (RFC 7797 unencoded payload), which JWTs must not use".to_owned(),
        ));
    }
    for (name, meaning) in [("cty", "content type"), ("typ", "type")] {
        match header.get(name) {
            None => {}
            Some(Value::String(s)) if s.eq_ignore_ascii_case("JWT") => {}
            Some(other) => {
                let shown = match other {
                    Value::String(s) => quoted(s),
                    _ => "not a string".to_owned(),
                };
                return Err(malformed(cat(&[
                    "the header's '",
                    name,
                    "' (",
                    meaning,
                    ") is ",
                    &shown,
                    "; only \"JWT\" is accepted",
                ])));
            }
        }
    }
    Ok(())
}
