//! The JS binding, and the only module that knows about wasm: JS values in → core types,
//! core results → JS values, core errors → `Error` objects carrying `code`, `reason`, `field`
//! and `expiredAt`, which the package's `api.js` turns into `TokenError` instances.
//!
//! Nothing here may panic: a wasm panic traps and can leave the module unusable, so every
//! conversion reports a `TokenError` instead.

use js_sys::{Array, Date, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use zeroize::Zeroize;

use crate::decode::{summarize, Summary};
use crate::duration::{truncate, Span};
use crate::error::TokenError;
use crate::json::write_str;
use crate::options::{check_now, ClaimsOptions, JwtId};
use crate::parse::{check_size, MAX_TOKEN_LEN};
use crate::scrub::scrubbed;
use crate::secret::Secret;
use crate::sign::{sign_token, Signer};
use crate::verify::{verify_json, VerifyOptions};

type JsResult<T> = Result<T, JsValue>;

// Every JS operation on a caller's value that can run the caller's code (a Proxy trap, a getter,
// an overridden method) is imported with `catch`. A JS exception thrown through wasm frames
// unwinds them without restoring the shadow-stack pointer, so enough of them (a few thousand
// hostile Proxies) exhaust the stack and the module traps for good; caught here, they become a
// TokenError instead (tests/js/boundary.test.mjs).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn try_object_keys(obj: &Object) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn try_is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// A fresh, plain copy of an array-like: its `length` and elements run no caller code.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn try_array_from(value: &JsValue) -> Result<Array, JsValue>;
    /// A fresh, genuine copy of a Uint8Array (or a subclass or Proxy of one).
    #[wasm_bindgen(catch, js_namespace = Uint8Array, js_name = from)]
    fn try_uint8_array_from(value: &JsValue) -> Result<Uint8Array, JsValue>;
    /// A value that passed `instanceof Date`: a Date, a subclass, or a Proxy of one.
    type DateLike;
    #[wasm_bindgen(catch, method, js_name = getTime)]
    fn try_get_time(this: &DateLike) -> Result<f64, JsValue>;
}

/// `Array.isArray`, false for a revoked Proxy (which makes it throw).
fn is_array(value: &JsValue) -> bool {
    try_is_array(value).unwrap_or(false)
}

/// The elements of a JS array, copied into a plain array first.
fn array_items(value: &JsValue, key: &'static str) -> Result<Array, TokenError> {
    try_array_from(value).map_err(|_| {
        TokenError::invalid_option(key, format!("reading the array {key} threw an exception"))
    })
}

const CLAIM_KEYS: &[&str] = &[
    "permissions",
    "version",
    "roomId",
    "participantId",
    "roles",
    "expiresIn",
    "notBefore",
    "jwtId",
    "now",
];
const SIGNER_KEYS: &[&str] = &["apiKey", "secret"];
const VERIFY_KEYS: &[&str] = &["now", "clockTolerance", "apiKey", "roomId", "participantId"];
const DECODE_KEYS: &[&str] = &["now"];

/// Signs a VideoSDK token. See the package's `index.d.ts` for the options.
#[wasm_bindgen(js_name = signToken)]
pub fn sign_token_js(options: JsValue) -> JsResult<String> {
    let run = || {
        let obj = required_object(&options, "signToken options")?;
        check_keys(&obj, &[SIGNER_KEYS, CLAIM_KEYS], "signToken")?;
        let api_key = required_string(&obj, "apiKey")?;
        let secret = read_secret(&required(&obj, "secret")?)?;
        let claims = read_claims(&obj)?;
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
) -> JsResult<String> {
    let run = || {
        let claims = claims_from_fields(
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
    pub fn sign(&self, options: JsValue) -> JsResult<String> {
        let run = || {
            let obj = required_object(&options, "TokenSigner.sign options")?;
            check_keys(&obj, &[CLAIM_KEYS], "TokenSigner.sign")?;
            self.signer.sign(&read_claims(&obj)?)
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
    ) -> JsResult<String> {
        let run = || {
            let claims = claims_from_fields(
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

fn read_claims(obj: &Object) -> Result<ClaimsOptions, TokenError> {
    let now = read_now(obj)?;
    let permissions = read_list(&required(obj, "permissions")?, "permissions")?;
    let mut claims = ClaimsOptions::new(permissions, now);
    claims.version = optional(obj, "version")?
        .map(|v| {
            v.as_f64().ok_or_else(|| {
                TokenError::invalid_option(
                    "version",
                    format!("version must be the number 2; got {}", describe(&v)),
                )
            })
        })
        .transpose()?;
    claims.room_id = optional_string(obj, "roomId")?;
    claims.participant_id = optional_string(obj, "participantId")?;
    claims.roles = optional(obj, "roles")?
        .map(|v| read_list(&v, "roles"))
        .transpose()?;
    claims.expires_in = optional(obj, "expiresIn")?
        .map(|v| read_span("expiresIn", &v))
        .transpose()?;
    claims.not_before = optional(obj, "notBefore")?
        .map(|v| read_span("notBefore", &v))
        .transpose()?;
    claims.jwt_id = match optional(obj, "jwtId")? {
        None => None,
        Some(v) if v.as_bool() == Some(true) => Some(JwtId::Random),
        Some(v) => Some(JwtId::Given(v.as_string().ok_or_else(|| {
            TokenError::invalid_option(
                "jwtId",
                format!(
                    "jwtId must be a string, or true for a random id; got {}",
                    describe(&v)
                ),
            )
        })?)),
    };
    Ok(claims)
}

/// An options argument that must be there.
fn required_object(value: &JsValue, what: &str) -> Result<Object, TokenError> {
    optional_object(value, what)?.ok_or_else(|| {
        TokenError::invalid_option(
            "options",
            format!("{what} must be an object; got undefined"),
        )
    })
}

/// An options argument that may be left out (`undefined`).
fn optional_object(value: &JsValue, what: &str) -> Result<Option<Object>, TokenError> {
    if value.is_undefined() {
        return Ok(None);
    }
    if value.is_object() && !is_array(value) {
        return Ok(Some(value.clone().unchecked_into()));
    }
    Err(TokenError::invalid_option(
        "options",
        format!("{what} must be an object; got {}", describe(value)),
    ))
}

fn check_keys(obj: &Object, allowed: &[&[&str]], call: &str) -> Result<(), TokenError> {
    let keys = try_object_keys(obj).map_err(|_| {
        TokenError::invalid_option(
            "options",
            format!("{call} options: listing the object's keys threw an exception"),
        )
    })?;
    for key in keys.iter() {
        let Some(key) = key.as_string() else { continue };
        if allowed.iter().any(|set| set.contains(&key.as_str())) {
            continue;
        }
        let all: Vec<&str> = allowed.iter().flat_map(|set| set.iter().copied()).collect();
        let hint = match closest(&key, &all) {
            Some(near) => format!("did you mean '{near}'?"),
            None if call == "TokenSigner.sign" && SIGNER_KEYS.contains(&key.as_str()) => {
                "apiKey and secret are given once, to new TokenSigner()".to_owned()
            }
            None => format!("{call} takes {}", all.join(", ")),
        };
        return Err(TokenError::invalid_option(
            truncate(&key),
            format!("{call} has no option '{}'; {hint}", truncate(&key)),
        ));
    }
    Ok(())
}

/// The allowed name within two edits (ignoring case) of a misspelt one, such as `apikey`.
fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let key = key.to_ascii_lowercase();
    allowed
        .iter()
        .map(|name| (edit_distance(&key, &name.to_ascii_lowercase()), *name))
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

fn optional(obj: &Object, key: &'static str) -> Result<Option<JsValue>, TokenError> {
    let value = Reflect::get(obj, &JsValue::from_str(key)).map_err(|_| {
        TokenError::invalid_option(key, format!("reading the option {key} threw an exception"))
    })?;
    Ok((!value.is_undefined()).then_some(value))
}

fn required(obj: &Object, key: &'static str) -> Result<JsValue, TokenError> {
    optional(obj, key)?.ok_or_else(|| TokenError::invalid_option(key, format!("{key} is required")))
}

fn optional_string(obj: &Object, key: &'static str) -> Result<Option<String>, TokenError> {
    optional(obj, key)?.map(|v| as_text(key, &v)).transpose()
}

fn required_string(obj: &Object, key: &'static str) -> Result<String, TokenError> {
    as_text(key, &required(obj, key)?)
}

fn as_text(key: &'static str, value: &JsValue) -> Result<String, TokenError> {
    value.as_string().ok_or_else(|| {
        TokenError::invalid_option(
            key,
            format!("{key} must be a string; got {}", describe(value)),
        )
    })
}

fn read_list(value: &JsValue, key: &'static str) -> Result<Vec<String>, TokenError> {
    let expected = if key == "roles" {
        "an array such as ['rtc']"
    } else {
        "an array such as ['allow_join']"
    };
    if !is_array(value) {
        return Err(TokenError::invalid_option(
            key,
            format!("{key} must be {expected}; got {}", describe(value)),
        ));
    }
    array_items(value, key)?
        .iter()
        .map(|item| {
            item.as_string().ok_or_else(|| {
                TokenError::invalid_option(key, format!("{key} must hold only strings: {expected}"))
            })
        })
        .collect()
}

fn read_span(key: &'static str, value: &JsValue) -> Result<Span, TokenError> {
    if let Some(n) = value.as_f64() {
        Ok(Span::Seconds(n))
    } else if let Some(s) = value.as_string() {
        Ok(Span::Text(s))
    } else {
        Err(TokenError::invalid_option(
            key,
            format!(
                "{key} must be a number of seconds or a string such as '2h'; got {}",
                describe(value)
            ),
        ))
    }
}

/// `now` from the options, else the JS clock. The core never reads a clock: this is the one place.
fn read_now(obj: &Object) -> Result<i64, TokenError> {
    match optional(obj, "now")? {
        None => Ok(clock_now()),
        Some(v) => {
            if let Some(date) = v.dyn_ref::<Date>() {
                let ms = date
                    .unchecked_ref::<DateLike>()
                    .try_get_time()
                    .map_err(|_| {
                        TokenError::invalid_option("now", "now.getTime() threw an exception")
                    })?;
                if ms.is_nan() {
                    return Err(TokenError::invalid_option("now", "now is an invalid Date"));
                }
                check_now(ms / 1000.0)
            } else if let Some(secs) = v.as_f64() {
                check_now(secs)
            } else {
                Err(TokenError::invalid_option(
                    "now",
                    format!(
                        "now must be seconds since 1970 or a Date; got {}",
                        describe(&v)
                    ),
                ))
            }
        }
    }
}

fn clock_now() -> i64 {
    (Date::now() / 1000.0).floor() as i64
}

fn read_secret(value: &JsValue) -> Result<Secret, TokenError> {
    if let Some(s) = value.as_string() {
        let mut s = s;
        let secret = Secret::from_text(&s);
        s.zeroize();
        secret
    } else if value.dyn_ref::<Uint8Array>().is_some() {
        // Copied first into a genuine Uint8Array (a subclass or Proxy could run code on
        // `length`), which is zeroed on the JS side once its bytes are in wasm memory.
        let js_copy = try_uint8_array_from(value).map_err(|_| {
            TokenError::invalid_option("secret", "reading the secret Uint8Array threw an exception")
        })?;
        let mut copy = js_copy.to_vec();
        js_copy.fill(0, 0, js_copy.length());
        let secret = Secret::new(&copy);
        copy.zeroize();
        secret
    } else {
        Err(TokenError::invalid_option(
            "secret",
            format!(
                "secret must be a string or a Uint8Array; got {}",
                describe(value)
            ),
        ))
    }
}

fn read_secrets(value: &JsValue) -> Result<Vec<Secret>, TokenError> {
    if is_array(value) {
        let list = array_items(value, "secret")?;
        if list.length() == 0 {
            return Err(TokenError::invalid_option(
                "secret",
                "the list of secrets is empty; pass at least one",
            ));
        }
        list.iter().map(|s| read_secret(&s)).collect()
    } else {
        Ok(vec![read_secret(value)?])
    }
}

/// The token as a Rust string, refusing oversized ones before copying them into wasm memory.
fn read_token(value: &JsValue) -> Result<String, TokenError> {
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(TokenError::malformed(format!(
            "the token must be a string; got {}",
            describe(value)
        )));
    };
    // UTF-16 length never exceeds the UTF-8 length, so this refuses only what check_size would.
    if js.length() as usize > MAX_TOKEN_LEN {
        check_size(js.length() as usize)?;
    }
    Ok(String::from(js))
}

/// `{"header":…,"payload":…,"signature":"…","dates":n,"expired":b,"warnings":[…]}`: the header
/// and payload embedded as received (the strict scanner accepted them as JSON objects); bit 0, 1
/// and 2 of `dates` say whether iat, exp and nbf are plausible times, which api.js then turns
/// into Dates from the parsed payload.
fn summary_json(s: &Summary<'_>) -> String {
    let mut out =
        String::with_capacity(s.header_json.len() + s.payload_json.len() + s.signature.len() + 80);
    out.push_str("{\"header\":");
    out.push_str(&s.header_json);
    out.push_str(",\"payload\":");
    out.push_str(&s.payload_json);
    out.push_str(",\"signature\":");
    write_str(&mut out, s.signature);
    let dates = u8::from(s.issued_at.is_some())
        | (u8::from(s.expires_at.is_some()) << 1)
        | (u8::from(s.not_before.is_some()) << 2);
    out.push_str(",\"dates\":");
    out.push(char::from(b'0' + dates));
    out.push_str(if s.expired {
        ",\"expired\":true,\"warnings\":["
    } else {
        ",\"expired\":false,\"warnings\":["
    });
    for (i, w) in s.warnings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(&mut out, w);
    }
    out.push_str("]}");
    out
}

/// The DecodedToken object, built from Rust for the general path (api.js builds the same
/// object from [`summary_json`] on the fast path).
fn summary_to_js(s: &Summary<'_>) -> JsResult<JsValue> {
    let obj = Object::new();
    set(&obj, "header", &JSON::parse(&s.header_json)?)?;
    let payload = JSON::parse(&s.payload_json)?;
    set(&obj, "payload", &payload)?;
    set(&obj, "signature", &JsValue::from_str(s.signature))?;
    for (key, secs) in [
        ("issuedAt", s.issued_at),
        ("expiresAt", s.expires_at),
        ("notBefore", s.not_before),
    ] {
        if let Some(secs) = secs {
            set(&obj, key, &Date::new(&JsValue::from_f64(secs * 1000.0)))?;
        }
    }
    set(&obj, "expired", &JsValue::from_bool(s.expired))?;
    let warnings: Array = s.warnings.iter().map(|w| JsValue::from_str(w)).collect();
    set(&obj, "warnings", &warnings)?;
    Ok(obj.into())
}

fn set(obj: &Object, key: &str, value: &JsValue) -> JsResult<()> {
    Reflect::set(obj, &JsValue::from_str(key), value).map(|_| ())
}

fn to_js(e: TokenError) -> JsValue {
    let err = js_sys::Error::new(e.message());
    err.set_name("TokenError");
    // Setting plain data properties on a fresh Error cannot throw.
    let _ = set(&err, "code", &JsValue::from_str(e.code().as_str()));
    let _ = set(&err, "reason", &JsValue::from_str(e.reason()));
    if let Some(field) = e.field() {
        let _ = set(&err, "field", &JsValue::from_str(field));
    }
    if let Some(exp) = e.expired_at() {
        let _ = set(
            &err,
            "expiredAt",
            &Date::new(&JsValue::from_f64(exp * 1000.0)),
        );
    }
    err.into()
}

/// The value's type for messages, never its content: an option could be a misplaced secret.
fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if is_array(value) {
        "an array".into()
    } else if value.dyn_ref::<Date>().is_some() {
        "a Date".into()
    } else if let Some(n) = value.as_f64() {
        format!("the number {}", crate::text::num(n))
    } else if value.is_string() {
        "a string".into()
    } else if value.as_bool().is_some() {
        "a boolean".into()
    } else if value.is_function() {
        "a function".into()
    } else if value.is_symbol() {
        "a symbol".into()
    } else if value.is_bigint() {
        "a bigint".into()
    } else {
        "an object".into()
    }
}

/// JS `parseFloat(text)` for a whole decimal literal that `text::parse_decimal` has checked (so
/// it reads all of it, as `Number()` would): the engine's correctly rounded conversion, so that
/// the wasm does not carry Rust's (see `parse_decimal`).
pub(crate) fn js_number(text: &str) -> f64 {
    js_sys::parse_float(text)
}

/// Bench builds only (`--features bench`, never the package): the floor that sign and verify
/// cannot go below, a bare HMAC-SHA-256 over `input`, run `n` times inside wasm. With `keyed`,
/// the key schedule is done once and the keyed state cloned per MAC, as `TokenSigner` does;
/// without, each MAC starts from the raw key, as `signToken` and `verifyToken` must.
/// Returns a byte of the last tag so that the work cannot be optimised away.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = benchHmacFloor)]
pub fn bench_hmac_floor(secret: &[u8], input: &str, n: u32, keyed: bool) -> u8 {
    use crate::secret::HmacSha256;
    use hmac::{KeyInit, Mac};
    use std::hint::black_box;
    let Ok(base) = <HmacSha256 as KeyInit>::new_from_slice(secret) else {
        return 0;
    };
    let mut last = 0;
    for _ in 0..n {
        let mut mac = if keyed {
            base.clone()
        } else {
            match <HmacSha256 as KeyInit>::new_from_slice(black_box(secret)) {
                Ok(mac) => mac,
                Err(_) => return 0,
            }
        };
        mac.update(black_box(input).as_bytes());
        last = mac.finalize().into_bytes()[0];
    }
    last
}
