//! Reading JS values into core types.
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
use crate::wasm::scrub::scrubbed;

pub(super) type JsResult<T> = Result<T, JsValue>;

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
pub(super) fn is_array(value: &JsValue) -> bool {
    try_is_array(value).unwrap_or(false)
}

/// The elements of a JS array, copied into a plain array first.
pub(super) fn array_items(value: &JsValue, key: &'static str) -> Result<Array, TokenError> {
    try_array_from(value).map_err(|_| {
        TokenError::invalid_option(key, format!("reading the array {key} threw an exception"))
    })
}

pub(super) const CLAIM_KEYS: &[&str] = &[
    "permissions",
    "version",
    "roomId",
    "participantId",
    "roles",
    "expiresIn",
    "notBefore",
    "jwtId",
    "now",
    // Read in JS (custom-claims.js), which passes its JSON text.
    "claims",
];
pub(super) const SIGNER_KEYS: &[&str] = &["apiKey", "secret"];
pub(super) const VERIFY_KEYS: &[&str] =
    &["now", "clockTolerance", "apiKey", "roomId", "participantId"];
pub(super) const DECODE_KEYS: &[&str] = &["now"];

pub(super) fn read_claims(obj: &Object) -> Result<ClaimsOptions, TokenError> {
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
pub(super) fn required_object(value: &JsValue, what: &str) -> Result<Object, TokenError> {
    optional_object(value, what)?.ok_or_else(|| {
        TokenError::invalid_option(
            "options",
            format!("{what} must be an object; got undefined"),
        )
    })
}

/// An options argument that may be left out (`undefined`).
pub(super) fn optional_object(value: &JsValue, what: &str) -> Result<Option<Object>, TokenError> {
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

pub(super) fn check_keys(obj: &Object, allowed: &[&[&str]], call: &str) -> Result<(), TokenError> {
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
            crate::leaf::text::cut(&key),
            format!(
                "{call} has no option {}; {hint}",
                crate::leaf::text::single_quoted(&key)
            ),
        ));
    }
    Ok(())
}

/// The allowed name within two edits (ignoring case) of a misspelt one, such as `apikey`.
pub(super) fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let key = key.to_ascii_lowercase();
    allowed
        .iter()
        .map(|name| (edit_distance(&key, &name.to_ascii_lowercase()), *name))
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
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

pub(super) fn optional(obj: &Object, key: &'static str) -> Result<Option<JsValue>, TokenError> {
    let value = Reflect::get(obj, &JsValue::from_str(key)).map_err(|_| {
        TokenError::invalid_option(key, format!("reading the option {key} threw an exception"))
    })?;
    Ok((!value.is_undefined()).then_some(value))
}

pub(super) fn required(obj: &Object, key: &'static str) -> Result<JsValue, TokenError> {
    optional(obj, key)?.ok_or_else(|| TokenError::invalid_option(key, format!("{key} is required")))
}

pub(super) fn optional_string(
    obj: &Object,
    key: &'static str,
) -> Result<Option<String>, TokenError> {
    optional(obj, key)?.map(|v| as_text(key, &v)).transpose()
}

pub(super) fn required_string(obj: &Object, key: &'static str) -> Result<String, TokenError> {
    as_text(key, &required(obj, key)?)
}

pub(super) fn as_text(key: &'static str, value: &JsValue) -> Result<String, TokenError> {
    value.as_string().ok_or_else(|| {
        TokenError::invalid_option(
            key,
            format!("{key} must be a string; got {}", describe(value)),
        )
    })
}

pub(super) fn read_list(value: &JsValue, key: &'static str) -> Result<Vec<String>, TokenError> {
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

pub(super) fn read_span(key: &'static str, value: &JsValue) -> Result<Span, TokenError> {
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
pub(super) fn read_now(obj: &Object) -> Result<i64, TokenError> {
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

pub(super) fn clock_now() -> i64 {
    (Date::now() / 1000.0).floor() as i64
}

pub(super) fn read_secret(value: &JsValue) -> Result<Secret, TokenError> {
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

pub(super) fn read_secrets(value: &JsValue) -> Result<Vec<Secret>, TokenError> {
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
pub(super) fn read_token(value: &JsValue) -> Result<String, TokenError> {
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

/// The value's type for messages, never its content: an option could be a misplaced secret.
pub(super) fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if is_array(value) {
        "an array".into()
    } else if value.dyn_ref::<Date>().is_some() {
        "a Date".into()
    } else if let Some(n) = value.as_f64() {
        format!("the number {}", crate::leaf::text::num(n))
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
