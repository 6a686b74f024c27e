//! The binding's own tests, run in Node by wasm-bindgen-test-runner (`make wasm-test`): JS values
//! in, JS values and errors out. The full API behaviour is in tests/js/ against the packed package.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Date, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use videosdk_token::wasm::{
    decode_fields, decode_token_js, sign_fields, sign_token_js, verify_token_js, JsTokenSigner,
};

const SECRET: &str = "wasm-binding-test-secret-0123456789abcdef01234";
const NOW: f64 = 1_700_000_000.0;

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in pairs {
        Reflect::set(&obj, &JsValue::from_str(k), v).unwrap();
    }
    obj.into()
}

fn permissions() -> JsValue {
    Array::of1(&JsValue::from_str("allow_join")).into()
}

fn sign_options() -> JsValue {
    object(&[
        ("apiKey", "key".into()),
        ("secret", SECRET.into()),
        ("permissions", permissions()),
        ("roomId", "room".into()),
        ("now", NOW.into()),
    ])
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn sign_then_verify_returns_a_plain_object() {
    let token = sign_token_js(sign_options(), None).unwrap();
    let claims = verify_token_js(
        token.into(),
        SECRET.into(),
        object(&[("now", (NOW + 1.0).into())]),
    )
    .unwrap();
    assert_eq!(get(&claims, "roomId"), "room");
    assert_eq!(get(&claims, "version"), 2);
    assert_eq!(get(&claims, "exp"), NOW + 7_200.0);
}

#[wasm_bindgen_test]
fn errors_are_errors_with_code_reason_and_field() {
    let options = object(&[("apiKey", "key".into()), ("secret", SECRET.into())]);
    let err = sign_token_js(options, None).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "name"), "TokenError");
    assert_eq!(get(&err, "code"), "INVALID_OPTIONS");
    assert_eq!(get(&err, "field"), "permissions");
    assert!(get(&err, "reason")
        .as_string()
        .unwrap()
        .contains("required"));
}

#[wasm_bindgen_test]
fn expired_errors_carry_a_date() {
    let token = sign_token_js(sign_options(), None).unwrap();
    let err = verify_token_js(
        token.into(),
        SECRET.into(),
        object(&[("now", (NOW + 7_200.0).into())]),
    )
    .unwrap_err();
    assert_eq!(get(&err, "code"), "EXPIRED");
    assert_eq!(get(&err, "message"), "Token is invalid or expired");
    let at = get(&err, "expiredAt").dyn_into::<Date>().unwrap();
    assert_eq!(at.get_time(), (NOW + 7_200.0) * 1000.0);
}

#[wasm_bindgen_test]
fn decode_builds_dates_and_warnings() {
    let token = sign_token_js(sign_options(), None).unwrap();
    let now = Date::new(&JsValue::from_f64((NOW + 7_300.0) * 1000.0));
    let decoded = decode_token_js(token.into(), object(&[("now", now.into())])).unwrap();
    assert_eq!(get(&decoded, "expired"), true);
    let expires = get(&decoded, "expiresAt").dyn_into::<Date>().unwrap();
    assert_eq!(expires.get_time(), (NOW + 7_200.0) * 1000.0);
    let warnings: Array = get(&decoded, "warnings").dyn_into().unwrap();
    assert_eq!(warnings.get(0), "expired 1 min 40 s ago");
    assert_eq!(get(&get(&decoded, "header"), "alg"), "HS256");
}

#[wasm_bindgen_test]
fn proto_keys_stay_own_properties() {
    // {"alg":"HS256"} . {"apikey":"k","permissions":["allow_join"],"exp":1700000060,"__proto__":{"x":1}}
    let token = "eyJhbGciOiJIUzI1NiJ9.eyJhcGlrZXkiOiJrIiwicGVybWlzc2lvbnMiOlsiYWxsb3dfam9pbiJdLCJleHAiOjE3MDAwMDAwNjAsIl9fcHJvdG9fXyI6eyJ4IjoxfX0.";
    let decoded = decode_token_js(token.into(), JsValue::UNDEFINED).unwrap();
    let payload = get(&decoded, "payload");
    let proto = Object::get_prototype_of(&payload);
    assert!(JsValue::from(proto).loose_eq(&JsValue::from(Object::get_prototype_of(&Object::new()))));
    assert!(get(&payload, "x").is_undefined());
    assert!(JSON::stringify(&payload)
        .unwrap()
        .as_string()
        .unwrap()
        .contains("__proto__"));
}

#[wasm_bindgen_test]
fn token_signer_matches_sign_token() {
    let signer = JsTokenSigner::new(object(&[
        ("apiKey", "key".into()),
        ("secret", SECRET.into()),
    ]))
    .unwrap();
    let claims = object(&[
        ("permissions", permissions()),
        ("roomId", "room".into()),
        ("now", NOW.into()),
    ]);
    assert_eq!(
        signer.sign(claims, None).unwrap(),
        sign_token_js(sign_options(), None).unwrap()
    );
}

#[wasm_bindgen_test]
fn custom_claims_cross_as_json_text_and_decode_returns_them_apart() {
    let claims = Some(r#"{"name":"Ada","tags":["a",1]}"#.to_owned());
    let token = sign_token_js(sign_options(), claims.clone()).unwrap();
    let fields = sign_fields(
        "key",
        SECRET.into(),
        "allow_join",
        None,
        Some("room".into()),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        false,
        Some(NOW),
        claims,
    )
    .unwrap();
    assert_eq!(token, fields, "both sign paths give the same token");
    let verified = verify_token_js(
        token.clone().into(),
        SECRET.into(),
        object(&[("now", NOW.into())]),
    )
    .unwrap();
    assert_eq!(get(&verified, "name"), "Ada");
    let decoded = decode_token_js(token.clone().into(), object(&[("now", NOW.into())])).unwrap();
    let custom = JSON::stringify(&get(&decoded, "customClaims")).unwrap();
    assert_eq!(custom, r#"{"name":"Ada","tags":["a",1]}"#);
    assert_eq!(Array::from(&get(&decoded, "warnings")).length(), 0);
    let text = decode_fields(&token, Some(NOW)).unwrap();
    assert!(
        text.ends_with(r#","customClaims":{"name":"Ada","tags":["a",1]}}"#),
        "{text}"
    );
    let err = sign_token_js(sign_options(), Some(r#"{"iat":1}"#.into())).unwrap_err();
    assert_eq!(get(&err, "field"), "claims.iat");
}
