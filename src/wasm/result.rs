//! Writing results and errors for JS.
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

type JsResult<T> = Result<T, JsValue>;

/// `{"header":…,"payload":…,"signature":"…","dates":n,"expired":b,"warnings":[…],
/// "customClaims":{…}}`: the header and payload embedded as received (the strict scanner accepted
/// them as JSON objects); bit 0, 1 and 2 of `dates` say whether iat, exp and nbf are plausible
/// times, which api.js then turns into Dates from the parsed payload.
pub(super) fn summary_json(s: &Summary<'_>) -> String {
    let mut out = String::with_capacity(
        s.header_json.len()
            + s.payload_json.len()
            + s.signature.len()
            + s.custom_claims_json.len()
            + 100,
    );
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
    out.push_str("],\"customClaims\":");
    out.push_str(&s.custom_claims_json);
    out.push('}');
    out
}

/// The DecodedToken object, built from Rust for the general path (api.js builds the same
/// object from [`summary_json`] on the fast path).
pub(super) fn summary_to_js(s: &Summary<'_>) -> JsResult<JsValue> {
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
    set(&obj, "customClaims", &JSON::parse(&s.custom_claims_json)?)?;
    Ok(obj.into())
}

pub(super) fn set(obj: &Object, key: &str, value: &JsValue) -> JsResult<()> {
    Reflect::set(obj, &JsValue::from_str(key), value).map(|_| ())
}

pub(super) fn to_js(e: TokenError) -> JsValue {
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
