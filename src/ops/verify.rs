//! Verifying: token → parts (strict) → alg → MAC over the bytes received → payload → claims →
//! time → claim match. The first failure is reported; every failure reads "Token is invalid or
//! expired" and carries its code and reason.

use serde_json::{Map, Value};

use crate::jws::mac::{check_mac, Secret};
use crate::jws::untrusted::{payload_object, Untrusted};
use crate::leaf::error::{ErrorCode, TokenError};
use crate::leaf::json::Object;
use crate::model::review::{check_match, review};
use crate::model::time::{check_now, check_times, span_floor, Span};

/// What to check besides the signature. `now` is whole seconds since the epoch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyOptions {
    /// The clock, in seconds since the epoch.
    pub now: i64,
    /// Leeway for `exp` and `nbf`, in seconds (default 0).
    pub clock_tolerance: Option<Span>,
    /// The token's `apikey` must equal this.
    pub api_key: Option<String>,
    /// The token must be restricted to this room (`roomId`).
    pub room_id: Option<String>,
    /// The token must be restricted to this participant (`participantId`).
    pub participant_id: Option<String>,
}

impl VerifyOptions {
    /// Options with only a clock.
    pub fn at(now: i64) -> Self {
        Self {
            now,
            ..Self::default()
        }
    }
}

/// The claims of a token whose signature and claims checked out.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    /// The payload exactly as signed (UTF-8 JSON).
    pub payload_json: String,
    /// The payload, parsed.
    pub payload: Map<String, Value>,
}

/// Verifies `token` against any of `secrets` (more than one during key rotation).
pub fn verify_token(
    token: &str,
    secrets: &[Secret],
    options: &VerifyOptions,
) -> Result<Verified, TokenError> {
    // The Rust API also hands out a map, built from the payload the checks scanned (the wasm
    // binding returns the text and lets JSON.parse build the object).
    let (payload_json, payload) = verify_inner(token.as_bytes(), secrets, options, |p| p.to_map())
        .map_err(TokenError::in_verify)?;
    Ok(Verified {
        payload_json,
        payload,
    })
}

/// [`verify_token`] without building a map, over the token's UTF-8 bytes (as the wasm binding
/// receives them): the payload's JSON text, once every check passed.
#[cfg(target_arch = "wasm32")]
pub fn verify_json(
    token: &[u8],
    secrets: &[Secret],
    options: &VerifyOptions,
) -> Result<String, TokenError> {
    verify_inner(token, secrets, options, |_| ())
        .map(|(payload_json, ())| payload_json)
        .map_err(TokenError::in_verify)
}

/// The JWS layer alone, for published JWS test vectors (Wycheproof, RFC 7520) whose payloads are
/// not VideoSDK claims: strict parse, alg, then the MAC over the bytes received; returns the
/// decoded payload bytes without parsing them. Not a JWT verifier: it checks no claims and no
/// time. Not part of the API.
#[cfg(feature = "test-hooks")]
pub fn verify_jws(token: &str, secrets: &[Secret]) -> Result<Vec<u8>, TokenError> {
    let mut untrusted = Untrusted::parse(token)?;
    untrusted.alg.check()?;
    check_mac(&untrusted, secrets)?;
    Ok(untrusted.payload_bytes())
}

/// Every check, in order; then `read` of the payload that passed them, with its text.
fn verify_inner<T>(
    token: &[u8],
    secrets: &[Secret],
    options: &VerifyOptions,
    read: impl FnOnce(&Object<'_>) -> T,
) -> Result<(String, T), TokenError> {
    if secrets.is_empty() {
        return Err(TokenError::invalid_option(
            "secret",
            "secret must be a secret or a non-empty list of secrets",
        ));
    }
    check_now(options.now as f64)?;
    let tolerance = match &options.clock_tolerance {
        None => 0,
        Some(span) => span.to_secs("clockTolerance", span_floor("clockTolerance"))?,
    };
    let mut untrusted = Untrusted::parse_utf8(token)?;
    untrusted.alg.check()?;
    check_mac(&untrusted, secrets)?;
    let payload_json = untrusted.payload_json()?;
    let payload = payload_object(&payload_json)?;
    if let Some(finding) = review(&payload, options.now)
        .into_iter()
        .find(|f| f.refuses)
    {
        let err = TokenError::new(ErrorCode::ClaimsInvalid, finding.text);
        return Err(match finding.field {
            Some(field) => err.with_field(field),
            None => err,
        });
    }
    check_times(&payload, options.now, tolerance)?;
    check_match(
        &payload,
        [
            ("apiKey", "apikey", options.api_key.as_deref()),
            ("roomId", "roomId", options.room_id.as_deref()),
            (
                "participantId",
                "participantId",
                options.participant_id.as_deref(),
            ),
        ],
    )?;
    let read = read(&payload);
    Ok((payload_json, read))
}
