//! Verifying: token → parts (strict) → alg → MAC over the bytes received → payload → claims →
//! time → claim match. The first failure is reported; every failure reads "Token is invalid or
//! expired" and carries its code and reason.

use hmac::Mac;
use serde_json::{Map, Value};

use crate::claims::{self, numeric};
use crate::duration::{truncate, Span};
use crate::error::{ErrorCode, TokenError};
use crate::json::{self, Object};
use crate::parse::{payload_object, Alg, Untrusted};
use crate::secret::Secret;
use crate::text::{num, quoted};

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
    let payload_json = verify_json(token, secrets, options)?;
    // The text passed every check; the Rust API also hands out a map of it (the wasm binding
    // returns the text and lets JSON.parse build the object).
    let payload = json::parse_map(&payload_json)
        .map_err(|e| TokenError::malformed(format!("the payload {e}")).in_verify())?;
    Ok(Verified {
        payload_json,
        payload,
    })
}

/// [`verify_token`] without building a map: the payload's JSON text, once every check passed.
pub(crate) fn verify_json(
    token: &str,
    secrets: &[Secret],
    options: &VerifyOptions,
) -> Result<String, TokenError> {
    verify_inner(token, secrets, options).map_err(TokenError::in_verify)
}

/// The JWS layer alone, for published JWS test vectors (Wycheproof, RFC 7520) whose payloads are
/// not VideoSDK claims: strict parse, alg, then the MAC over the bytes received; returns the
/// decoded payload bytes without parsing them. Not a JWT verifier: it checks no claims and no
/// time. Not part of the API.
#[doc(hidden)]
pub fn verify_jws(token: &str, secrets: &[Secret]) -> Result<Vec<u8>, TokenError> {
    let untrusted = Untrusted::parse(token)?;
    check_alg(&untrusted)?;
    check_mac(&untrusted, secrets)?;
    crate::base64url::decode(untrusted.payload_b64.as_bytes())
        .map_err(|_| TokenError::malformed("the payload is not valid base64url"))
}

fn verify_inner(
    token: &str,
    secrets: &[Secret],
    options: &VerifyOptions,
) -> Result<String, TokenError> {
    if secrets.is_empty() {
        return Err(TokenError::invalid_option(
            "secret",
            "secret must be a secret or a non-empty list of secrets",
        ));
    }
    crate::options::check_now(options.now as f64)?;
    let tolerance = match &options.clock_tolerance {
        None => 0,
        Some(span) => span.to_secs("clockTolerance", 0)?,
    };
    let untrusted = Untrusted::parse(token)?;
    check_alg(&untrusted)?;
    check_mac(&untrusted, secrets)?;
    let payload_json = untrusted.payload_json()?;
    let payload = payload_object(&payload_json)?;
    if let Some(finding) = claims::review(&payload, options.now)
        .into_iter()
        .find(|f| f.refuses)
    {
        return Err(TokenError::new(ErrorCode::ClaimsInvalid, finding.text));
    }
    check_times(&payload, options.now, tolerance)?;
    check_match(&payload, options)?;
    Ok(payload_json)
}

fn check_alg(token: &Untrusted<'_>) -> Result<(), TokenError> {
    let reason = match &token.alg {
        Alg::Named(alg) if alg == "HS256" => return Ok(()),
        Alg::Missing => "the header has no alg; only HS256 is accepted".to_owned(),
        Alg::Named(alg) if alg.eq_ignore_ascii_case("none") => {
            "alg is none (an unsigned token), which is never accepted".to_owned()
        }
        Alg::Named(alg) => format!(
            "alg is {}; only HS256 is accepted (the algorithm is fixed, never chosen by the token)",
            quoted(&truncate(alg))
        ),
        Alg::NotAString => "alg is not a string; only \"HS256\" is accepted".to_owned(),
    };
    Err(TokenError::new(ErrorCode::AlgNotAllowed, reason))
}

fn check_mac(token: &Untrusted<'_>, secrets: &[Secret]) -> Result<(), TokenError> {
    if token.signature.len() != 32 {
        return Err(TokenError::new(
            ErrorCode::InvalidSignature,
            format!(
                "the signature is {} bytes; an HS256 signature is 32 bytes",
                token.signature.len()
            ),
        ));
    }
    // hmac's verify_slice compares in constant time, so the time taken says nothing about how
    // many leading bytes of a forged signature were right.
    let matches = secrets.iter().any(|secret| {
        let mut mac = secret.mac();
        mac.update(token.signing_input.as_bytes());
        mac.verify_slice(&token.signature).is_ok()
    });
    if matches {
        Ok(())
    } else {
        Err(TokenError::new(
            ErrorCode::InvalidSignature,
            if secrets.len() == 1 {
                "the signature does not match the secret".to_owned()
            } else {
                format!(
                    "the signature matches none of the {} secrets",
                    secrets.len()
                )
            },
        ))
    }
}

fn check_times(payload: &Object<'_>, now: i64, tolerance: i64) -> Result<(), TokenError> {
    let now = now as f64;
    let tolerance = tolerance as f64;
    // review() has made sure exp is a number; a missing one never gets here.
    if let Some(exp) = numeric(payload, "exp") {
        if exp <= now - tolerance {
            return Err(TokenError::new(
                ErrorCode::Expired,
                format!(
                    "the token expired {} ago (exp {}, now {}{})",
                    claims::human_span(now - exp),
                    num(exp),
                    num(now),
                    tolerance_note(tolerance)
                ),
            )
            .with_expired_at(exp));
        }
    }
    if let Some(nbf) = numeric(payload, "nbf") {
        if nbf > now + tolerance {
            return Err(TokenError::new(
                ErrorCode::NotYetValid,
                format!(
                    "the token is not valid for another {} (nbf {}, now {}{})",
                    claims::human_span(nbf - now),
                    num(nbf),
                    num(now),
                    tolerance_note(tolerance)
                ),
            ));
        }
    }
    Ok(())
}

fn tolerance_note(tolerance: f64) -> String {
    if tolerance > 0.0 {
        format!(", tolerance {} s", num(tolerance))
    } else {
        String::new()
    }
}

fn check_match(payload: &Object<'_>, options: &VerifyOptions) -> Result<(), TokenError> {
    for (field, claim, expected) in [
        ("apiKey", "apikey", &options.api_key),
        ("roomId", "roomId", &options.room_id),
        ("participantId", "participantId", &options.participant_id),
    ] {
        let Some(expected) = expected else { continue };
        let reason = match payload.get(claim).and_then(json::Value::as_str) {
            Some(actual) if actual == expected => continue,
            Some(actual) => format!(
                "{claim} is {}, expected {}",
                quoted(&truncate(actual)),
                quoted(&truncate(expected))
            ),
            None => format!(
                "the token has no {claim}, expected {}: it is not restricted to one",
                quoted(&truncate(expected))
            ),
        };
        return Err(TokenError::new(ErrorCode::ClaimMismatch, reason).with_field(field));
    }
    Ok(())
}
