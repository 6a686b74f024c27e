//! The exports, one per operation, taking primitives only (see the module docs). Each returns
//! its result as a string, or an error as the string `error::encode` writes. A key touches the
//! stack in those that take a secret: they run scrubbed (`scrub.rs`).

use wasm_bindgen::prelude::wasm_bindgen;

use crate::jws::untrusted::too_long;
use crate::leaf::error::TokenError;
use crate::leaf::text::num;
use crate::model::time::{check_now, human_span, span_floor};
use crate::ops::decode::summarize;
use crate::ops::sign::{sign_token, Signer};
use crate::ops::verify::{verify_json, VerifyOptions};
use crate::wasm::args::{secret, secrets, span, ClaimArgs};
use crate::wasm::error::encode;
use crate::wasm::result::summary_text;
use crate::wasm::scrub::scrubbed;

type Out<T> = Result<T, String>;

fn out<T>(result: Result<T, TokenError>) -> Out<T> {
    result.map_err(|e| encode(&e))
}

/// Holds an API key and keyed HMAC state for signing many tokens, or nothing: api.js's
/// `signToken` signs through one keyless instance and passes the API key and secret with each
/// call, so both calls share one export and one argument list.
#[wasm_bindgen]
pub struct TokenSigner {
    // Boxed where it is keyed, so the keyed state is never moved through wasm-bindgen's frames
    // (which scrubbed() does not clear); free() drops it in place, and hmac's `zeroize`
    // feature clears it there.
    signer: Option<Box<Signer>>,
}

#[wasm_bindgen]
impl TokenSigner {
    /// `new TokenSigner({ apiKey, secret })`, read by api.js; without an API key, the keyless
    /// instance `signToken` signs through.
    #[wasm_bindgen(constructor)]
    pub fn new(
        api_key: Option<String>,
        secret_text: Option<String>,
        secret_bytes: Option<Vec<u8>>,
    ) -> Out<TokenSigner> {
        let Some(api_key) = api_key else {
            return Ok(TokenSigner { signer: None });
        };
        out(scrubbed(|| {
            let secret = secret(secret_text, secret_bytes)?;
            Signer::new(&api_key, &secret).map(Box::new)
        }))
        .map(|signer| TokenSigner {
            signer: Some(signer),
        })
    }

    /// `TokenSigner.sign` on a keyed instance (api.js passes no API key and no secret), and
    /// `signToken` on the keyless one, given the API key and the secret (read.js requires both);
    /// the custom claims come last, as JSON text.
    #[allow(clippy::too_many_arguments)]
    pub fn sign(
        &self,
        api_key: Option<String>,
        secret_text: Option<String>,
        secret_bytes: Option<Vec<u8>>,
        permissions: String,
        sep: Option<char>,
        version: Option<f64>,
        room_id: Option<String>,
        participant_id: Option<String>,
        roles: Option<String>,
        expires_secs: Option<f64>,
        expires_text: Option<String>,
        not_before_secs: Option<f64>,
        not_before_text: Option<String>,
        jwt_id: Option<String>,
        jti_random: Option<Vec<u8>>,
        now: f64,
        claims_json: Option<String>,
    ) -> Out<String> {
        let claims = ClaimArgs {
            permissions,
            sep,
            version,
            room_id,
            participant_id,
            roles,
            expires_in: span(expires_secs, expires_text),
            not_before: span(not_before_secs, not_before_text),
            jwt_id,
            jti_random,
            now,
            claims_json,
        };
        out(scrubbed(|| match &self.signer {
            Some(signer) => signer.sign(&claims.options()?),
            // An absent API key would be refused by the core as an empty one.
            None => sign_token(
                &api_key.unwrap_or_default(),
                &secret(secret_text, secret_bytes)?,
                &claims.options()?,
            ),
        }))
    }
}

/// `verifyToken`: the token as UTF-8 bytes, the secret or secrets, then the options. Returns
/// the payload's JSON text. The token crosses as the bytes read.js writes with the engine's
/// encoder (at most MAX_TOKEN_LEN UTF-16 units: api.js refuses longer ones with [`oversized`]
/// before copying): the glue copies a string a character at a time in JS, several times slower
/// for a token. The core reads the bytes as the text they encode (`Untrusted::parse_utf8`).
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn verify(
    token: &[u8],
    secret_text: Option<String>,
    secret_bytes: Option<Vec<u8>>,
    secret_lens: Option<Vec<u32>>,
    now: f64,
    tolerance_secs: Option<f64>,
    tolerance_text: Option<String>,
    api_key: Option<String>,
    room_id: Option<String>,
    participant_id: Option<String>,
) -> Out<String> {
    out(scrubbed(|| {
        let secrets = secrets(secret_text, secret_bytes, secret_lens)?;
        let options = VerifyOptions {
            now: check_now(now)?,
            clock_tolerance: span(tolerance_secs, tolerance_text),
            api_key,
            room_id,
            participant_id,
        };
        verify_json(token, &secrets, &options)
    }))
}

/// `decodeToken`: the summary, JSON texts in parts (`result.rs`); the token as in [`verify`].
#[wasm_bindgen]
pub fn decode(token: &[u8], now: f64) -> Out<String> {
    out(check_now(now).and_then(|now| summarize(token, now).map(|s| summary_text(&s))))
}

/// The error for a token of `len` UTF-16 units, too long to be copied in (read.js asks only for
/// `len` over MAX_TOKEN_LEN): UTF-16 length never exceeds the UTF-8 length, so this refuses only
/// what the core would.
#[wasm_bindgen]
pub fn oversized(len: usize, in_verify: bool) -> String {
    let err = too_long(len);
    encode(&if in_verify { err.in_verify() } else { err })
}

/// `spanSeconds`: a span in whole seconds, checked as the option `field` is (at least 1 for
/// lifetimes, at least 0 otherwise; at most 365 days).
#[wasm_bindgen(js_name = spanSeconds)]
pub fn span_seconds(secs: Option<f64>, text: Option<String>, field: String) -> Out<f64> {
    let floor = span_floor(&field);
    match span(secs, text) {
        Some(span) => out(span.to_secs(&field, floor).map(|s| s as f64)),
        None => out(Err(TokenError::invalid_option(
            field,
            "a span is a number of seconds or a string such as '2h'",
        ))),
    }
}

/// "1 h 52 min": a number of seconds for people, as the core's messages say it.
#[wasm_bindgen(js_name = humanSpan)]
pub fn human_span_js(secs: f64) -> String {
    human_span(secs)
}

/// A number as the core's messages write it.
#[wasm_bindgen(js_name = numberText)]
pub fn number_text(x: f64) -> String {
    num(x)
}
