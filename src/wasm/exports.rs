//! The exports: each call reads its arguments, runs the core, and writes its result or error.
#![allow(unused_imports)]

use js_sys::{Array, Date, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use zeroize::Zeroize;

use crate::jws::mac::Secret;
use crate::jws::untrusted::{check_size, MAX_TOKEN_LEN};
use crate::leaf::error::TokenError;
use crate::leaf::json::write_str;
use crate::leaf::text::truncate;
use crate::model::sign_options::{ClaimsOptions, JwtId};
use crate::model::time::{check_now, Span};
use crate::ops::decode::{summarize, Summary};
use crate::ops::sign::{sign_token, Signer};
use crate::ops::verify::{verify_json, VerifyOptions};
use crate::wasm::read::*;
use crate::wasm::result::*;
use crate::wasm::scrub::scrubbed;

/// Signs a VideoSDK token. See the package's `index.d.ts` for the options. The `claims` option
/// arrives as `claims_json`, the JSON text api.js made of it (custom-claims.js).
#[wasm_bindgen(js_name = signToken)]
pub fn sign_token_js(options: JsValue, claims_json: Option<String>) -> JsResult<String> {
    let run = || {
        let obj = required_object(&options, "signToken options")?;
        check_keys(&obj, &[SIGNER_KEYS, CLAIM_KEYS], "signToken")?;
        let api_key = required_string(&obj, "apiKey")?;
        let secret = read_secret(&required(&obj, "secret")?)?;
        let mut claims = read_claims(&obj)?;
        claims.claims_json = claims_json;
        sign_token(&api_key, &secret, &claims)
    };
    // Key material touches the stack: clear it before returning (src/scrub.rs).
    scrubbed(run).map_err(to_js)
}

/// `signToken` with the options already read in JS (api.js), for options of the common shape:
/// plain strings and numbers cross once instead of one property read per option from Rust.
/// `permissions` and `roles` are joined with ',' (api.js passes no entry holding one). Every
/// check is the same as `signToken`'s, in the same order.
#[wasm_bindgen(js_name = signFields)]
#[allow(clippy::too_many_arguments)]
pub fn sign_fields(
    api_key: &str,
    secret: String,
    permissions: &str,
    version: Option<f64>,
    room_id: Option<String>,
    participant_id: Option<String>,
    roles: Option<String>,
    expires_in_secs: Option<f64>,
    expires_in_text: Option<String>,
    not_before_secs: Option<f64>,
    not_before_text: Option<String>,
    jwt_id: Option<String>,
    jwt_id_random: bool,
    now: Option<f64>,
    claims_json: Option<String>,
) -> JsResult<String> {
    let run = || {
        let mut claims = claims_from_fields(
            permissions,
            version,
            room_id,
            participant_id,
            roles,
            span(expires_in_secs, expires_in_text),
            span(not_before_secs, not_before_text),
            jwt_id,
            jwt_id_random,
            now,
        )?;
        claims.claims_json = claims_json;
        sign_token(api_key, &text_secret(secret)?, &claims)
    };
    scrubbed(run).map_err(to_js)
}

/// The claim options as api.js passes them to `signFields` and `TokenSigner.signFields`, turned
/// into core options: the clock first, as `read_claims` reads it.
#[allow(clippy::too_many_arguments)]
fn claims_from_fields(
    permissions: &str,
    version: Option<f64>,
    room_id: Option<String>,
    participant_id: Option<String>,
    roles: Option<String>,
    expires_in: Option<Span>,
    not_before: Option<Span>,
    jwt_id: Option<String>,
    jwt_id_random: bool,
    now: Option<f64>,
) -> Result<ClaimsOptions, TokenError> {
    let now = match now {
        Some(secs) => check_now(secs)?,
        None => clock_now(),
    };
    let mut claims = ClaimsOptions::new(permissions.split(','), now);
    claims.version = version;
    claims.room_id = room_id;
    claims.participant_id = participant_id;
    claims.roles = roles.map(|roles| roles.split(',').map(str::to_owned).collect());
    claims.expires_in = expires_in;
    claims.not_before = not_before;
    claims.jwt_id = if jwt_id_random {
        Some(JwtId::Random)
    } else {
        jwt_id.map(JwtId::Given)
    };
    Ok(claims)
}

fn span(secs: Option<f64>, text: Option<String>) -> Option<Span> {
    secs.map(Span::Seconds).or(text.map(Span::Text))
}

/// A string secret copied into wasm memory: the copy is zeroed once keyed.
fn text_secret(mut text: String) -> Result<Secret, TokenError> {
    let secret = Secret::from_text(&text);
    text.zeroize();
    secret
}

/// Holds an API key and keyed HMAC state for signing many tokens.
#[wasm_bindgen(js_name = TokenSigner)]
pub struct JsTokenSigner {
    // Boxed where it is keyed, so the keyed state is never moved through wasm-bindgen's frames
    // (which scrubbed() does not clear); free() drops it in place, and hmac's `zeroize`
    // feature clears it there.
    signer: Box<Signer>,
}

#[wasm_bindgen(js_class = TokenSigner)]
impl JsTokenSigner {
    /// `new TokenSigner({ apiKey, secret })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> JsResult<JsTokenSigner> {
        let run = || {
            let obj = required_object(&options, "TokenSigner options")?;
            check_keys(&obj, &[SIGNER_KEYS], "new TokenSigner")?;
            let api_key = required_string(&obj, "apiKey")?;
            let secret = read_secret(&required(&obj, "secret")?)?;
            Signer::new(&api_key, &secret).map(Box::new)
        };
        scrubbed(run)
            .map(|signer| JsTokenSigner { signer })
            .map_err(to_js)
    }

    /// Signs a token; takes the same options as `signToken` but `apiKey` and `secret`.
    pub fn sign(&self, options: JsValue, claims_json: Option<String>) -> JsResult<String> {
        let run = || {
            let obj = required_object(&options, "TokenSigner.sign options")?;
            check_keys(&obj, &[CLAIM_KEYS], "TokenSigner.sign")?;
            let mut claims = read_claims(&obj)?;
            claims.claims_json = claims_json;
            self.signer.sign(&claims)
        };
        scrubbed(run).map_err(to_js)
    }

    /// `sign` with the options already read in JS; see `signFields`.
    #[wasm_bindgen(js_name = signFields)]
    #[allow(clippy::too_many_arguments)]
    pub fn sign_fields(
        &self,
        permissions: &str,
        version: Option<f64>,
        room_id: Option<String>,
        participant_id: Option<String>,
        roles: Option<String>,
        expires_in_secs: Option<f64>,
        expires_in_text: Option<String>,
        not_before_secs: Option<f64>,
        not_before_text: Option<String>,
        jwt_id: Option<String>,
        jwt_id_random: bool,
        now: Option<f64>,
        claims_json: Option<String>,
    ) -> JsResult<String> {
        let run = || {
            let mut claims = claims_from_fields(
                permissions,
                version,
                room_id,
                participant_id,
                roles,
                span(expires_in_secs, expires_in_text),
                span(not_before_secs, not_before_text),
                jwt_id,
                jwt_id_random,
                now,
            )?;
            claims.claims_json = claims_json;
            self.signer.sign(&claims)
        };
        scrubbed(run).map_err(to_js)
    }
}

/// Decodes a token without checking its signature.
#[wasm_bindgen(js_name = decodeToken)]
pub fn decode_token_js(token: JsValue, options: JsValue) -> JsResult<JsValue> {
    let read = || {
        let token = read_token(&token)?;
        let now = match optional_object(&options, "decodeToken options")? {
            Some(obj) => {
                check_keys(&obj, &[DECODE_KEYS], "decodeToken")?;
                read_now(&obj)?
            }
            None => clock_now(),
        };
        Ok((token, now))
    };
    let (token, now) = read().map_err(to_js)?;
    summarize(&token, now)
        .map_err(to_js)
        .and_then(|s| summary_to_js(&s))
}

/// `decodeToken` for a string token (at most MAX_TOKEN_LEN UTF-16 units) and an optional
/// numeric `now`, read in JS. Returns the JSON text of [`summary_json`], which api.js turns
/// into the same object as `decodeToken` builds (one JSON.parse instead of a property write per
/// field from Rust).
#[wasm_bindgen(js_name = decodeFields)]
pub fn decode_fields(token: &str, now: Option<f64>) -> JsResult<String> {
    let run = || {
        let now = match now {
            Some(secs) => check_now(secs)?,
            None => clock_now(),
        };
        summarize(token, now).map(|s| summary_json(&s))
    };
    run().map_err(to_js)
}

/// Verifies a token against a secret or a list of secrets; returns its claims.
#[wasm_bindgen(js_name = verifyToken)]
pub fn verify_token_js(token: JsValue, secret: JsValue, options: JsValue) -> JsResult<JsValue> {
    let run = || {
        let secrets = read_secrets(&secret)?;
        let mut opts = VerifyOptions::at(clock_now());
        if let Some(obj) = optional_object(&options, "verifyToken options")? {
            check_keys(&obj, &[VERIFY_KEYS], "verifyToken")?;
            opts.now = read_now(&obj)?;
            opts.clock_tolerance = optional(&obj, "clockTolerance")?
                .map(|v| read_span("clockTolerance", &v))
                .transpose()?;
            opts.api_key = optional_string(&obj, "apiKey")?;
            opts.room_id = optional_string(&obj, "roomId")?;
            opts.participant_id = optional_string(&obj, "participantId")?;
        }
        let token = read_token(&token).map_err(TokenError::in_verify)?;
        verify_json(&token, &secrets, &opts)
    };
    // JSON.parse keeps a `__proto__` member an own property.
    JSON::parse(&scrubbed(run).map_err(to_js)?)
}

/// `verifyToken` with a string token (at most MAX_TOKEN_LEN UTF-16 units), one string secret and
/// options of the common shape, read in JS. The same checks in the same order; returns the
/// payload's JSON text, which api.js parses.
#[wasm_bindgen(js_name = verifyFields)]
#[allow(clippy::too_many_arguments)]
pub fn verify_fields(
    token: &str,
    secret: String,
    now: Option<f64>,
    tolerance_secs: Option<f64>,
    tolerance_text: Option<String>,
    api_key: Option<String>,
    room_id: Option<String>,
    participant_id: Option<String>,
) -> JsResult<String> {
    let run = || {
        let opts = VerifyOptions {
            now: match now {
                Some(secs) => check_now(secs)?,
                None => clock_now(),
            },
            clock_tolerance: span(tolerance_secs, tolerance_text),
            api_key,
            room_id,
            participant_id,
        };
        let secret = text_secret(secret)?;
        verify_json(token, std::slice::from_ref(&secret), &opts)
    };
    scrubbed(run).map_err(to_js)
}
