//! The exports, one per operation, taking primitives only (see the module docs). Each returns
//! its result as a string, or an error as the string `error::encode` writes. A key touches the
//! stack in those that take a secret: they run scrubbed (`scrub.rs`).

use wasm_bindgen::prelude::wasm_bindgen;

use crate::jws::untrusted::check_size;
use crate::leaf::error::TokenError;
use crate::leaf::text::num;
use crate::model::time::{check_now, human_span, span_floor};
use crate::ops::decode::summarize;
use crate::ops::sign::{sign_token, Signer};
use crate::ops::verify::{verify_json, VerifyOptions};
use crate::wasm::args::{secret, secrets, span, Claims, Texts};
use crate::wasm::error::encode;
use crate::wasm::result::summary_json;
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

    /// `TokenSigner.sign`, and `signToken` on the keyless instance. `texts` holds the strings
    /// one after the other (`Texts`), each `*_len` its length in UTF-16 units or -1 when
    /// absent: the API key (`signToken` only), the permissions and roles joined with `sep`,
    /// the ids, the spans given as text and the custom claims' JSON text. The secret
    /// (`signToken` only) crosses apart, so that only its copy is wiped.
    #[allow(clippy::too_many_arguments)]
    pub fn sign(
        &self,
        texts: &str,
        api_key_len: i32,
        permissions_len: i32,
        room_id_len: i32,
        participant_id_len: i32,
        roles_len: i32,
        expires_len: i32,
        not_before_len: i32,
        jwt_id_len: i32,
        claims_len: i32,
        sep: char,
        version: Option<f64>,
        expires_secs: Option<f64>,
        not_before_secs: Option<f64>,
        jti_random: Option<Vec<u8>>,
        now: f64,
        secret_text: Option<String>,
        secret_bytes: Option<Vec<u8>>,
    ) -> Out<String> {
        let mut t = Texts::new(texts);
        let api_key = t.next(api_key_len);
        let claims = Claims {
            permissions: t.next(permissions_len).unwrap_or_default(),
            sep,
            version,
            room_id: t.next(room_id_len),
            participant_id: t.next(participant_id_len),
            roles: t.next(roles_len),
            expires_in: span(expires_secs, t.next(expires_len)),
            not_before: span(not_before_secs, t.next(not_before_len)),
            jwt_id: t.next(jwt_id_len),
            jti_random,
            now,
            claims_json: t.next(claims_len),
        };
        out(scrubbed(|| match (api_key, &self.signer) {
            (Some(api_key), _) => {
                let secret = secret(secret_text, secret_bytes)?;
                sign_token(api_key, &secret, &claims.options()?)
            }
            (None, Some(signer)) => signer.sign(&claims.options()?),
            (None, None) => Err(TokenError::invalid_option("apiKey", "apiKey is required")),
        }))
    }
}

/// `verifyToken`: `texts` holds the token (at most MAX_TOKEN_LEN UTF-16 units: api.js refuses
/// longer ones with [`oversized`] before copying), then the options' strings, as `sign` takes
/// them; the secret or secrets cross apart. Returns the payload's JSON text.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn verify(
    texts: &str,
    token_len: i32,
    tolerance_len: i32,
    api_key_len: i32,
    room_id_len: i32,
    participant_id_len: i32,
    now: f64,
    tolerance_secs: Option<f64>,
    secret_text: Option<String>,
    secret_bytes: Option<Vec<u8>>,
    secret_lens: Option<Vec<u32>>,
) -> Out<String> {
    let mut t = Texts::new(texts);
    let token = t.next(token_len).unwrap_or_default();
    let clock_tolerance = span(tolerance_secs, t.next(tolerance_len));
    let api_key = t.next(api_key_len).map(str::to_owned);
    let room_id = t.next(room_id_len).map(str::to_owned);
    let participant_id = t.next(participant_id_len).map(str::to_owned);
    out(scrubbed(|| {
        let secrets = secrets(secret_text, secret_bytes, secret_lens)?;
        let options = VerifyOptions {
            now: check_now(now)?,
            clock_tolerance,
            api_key,
            room_id,
            participant_id,
        };
        verify_json(token, &secrets, &options)
    }))
}

/// `decodeToken`: the summary as JSON text (`result.rs`).
#[wasm_bindgen]
pub fn decode(token: &str, now: f64) -> Out<String> {
    out(check_now(now).and_then(|now| summarize(token, now).map(|s| summary_json(&s))))
}

/// The error for a token of `len` UTF-16 units, too long to be copied in: UTF-16 length never
/// exceeds the UTF-8 length, so this refuses only what the core would.
#[wasm_bindgen]
pub fn oversized(len: usize, in_verify: bool) -> String {
    let err = match check_size(len) {
        Err(e) => e,
        Ok(()) => TokenError::malformed("the token is too long"),
    };
    encode(&if in_verify { err.in_verify() } else { err })
}

/// `spanSeconds`: a span in whole seconds, checked as the option `field` is (at least 1 for
/// lifetimes, at least 0 otherwise; at most 365 days).
#[wasm_bindgen(js_name = spanSeconds)]
pub fn span_seconds(secs: Option<f64>, text: Option<String>, field: String) -> Out<f64> {
    let floor = span_floor(&field);
    match span(secs, text.as_deref()) {
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
