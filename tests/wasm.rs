//! The binding's own tests, run in Node by wasm-bindgen-test-runner (`make wasm-test`):
//! primitives in, a token, JSON text or an encoded error out. api.js reads JS values; the full
//! API behaviour is tested in tests/js/ against the packed package.
#![cfg(target_arch = "wasm32")]

use videosdk_token::wasm::{decode, oversized, span_seconds, verify, TokenSigner};

const SECRET: &str = "wasm-binding-test-secret-0123456789abcdef01234";
const NOW: f64 = 1_700_000_000.0;

/// `TokenSigner.sign` with only what these tests vary: the API key and secret (signToken, on a
/// keyless signer), permissions, room and custom claims.
fn sign_on(
    signer: &TokenSigner,
    key: Option<&str>,
    permissions: &str,
    room: Option<&str>,
    claims: Option<&str>,
) -> Result<String, String> {
    sign_lists(signer, key, permissions, None, room, claims)
}

/// [`sign_on`] with the lists' separator: `None` when `permissions` is one entry.
fn sign_lists(
    signer: &TokenSigner,
    key: Option<&str>,
    permissions: &str,
    sep: Option<char>,
    room: Option<&str>,
    claims: Option<&str>,
) -> Result<String, String> {
    signer.sign(
        key.map(Into::into),
        key.map(|_| SECRET.into()),
        None,
        permissions.into(),
        sep,
        None,
        room.map(Into::into),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        NOW,
        claims.map(Into::into),
    )
}

/// `signToken`: a keyless signer given the API key and secret.
fn sign_with(
    permissions: &str,
    room: Option<&str>,
    claims: Option<&str>,
) -> Result<String, String> {
    let keyless = TokenSigner::new(None, None, None).unwrap();
    sign_on(&keyless, Some("key"), permissions, room, claims)
}

/// `TokenSigner.sign` on a keyed signer, with the same arguments as [`sign_with`].
fn signer_sign_with(
    signer: &TokenSigner,
    room: Option<&str>,
    claims: Option<&str>,
) -> Result<String, String> {
    sign_on(signer, None, "allow_join", room, claims)
}

/// `verify` of one text secret at `now`, with no other option.
fn verify_at(token: &str, now: f64) -> Result<String, String> {
    verify(
        token.as_bytes(),
        Some(SECRET.into()),
        None,
        None,
        now,
        None,
        None,
        None,
        None,
        None,
    )
}

fn token() -> String {
    sign_with("allow_join", Some("room"), None).unwrap()
}

fn parts(err: &str) -> Vec<&str> {
    err.splitn(5, '\u{1f}').collect()
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn sign_then_verify_returns_the_payload_text() {
    let json = verify_at(&token(), NOW + 1.0).unwrap();
    assert!(
        json.starts_with(
            r#"{"apikey":"key","permissions":["allow_join"],"version":2,"roomId":"room""#
        ),
        "{json}"
    );
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn a_list_of_secrets_crosses_as_bytes_and_lengths() {
    let mut bytes = b"another-secret-entirely-0123456789abcdef".to_vec();
    bytes.extend_from_slice(SECRET.as_bytes());
    let lens = vec![40, SECRET.len() as u32];
    assert!(verify(
        token().as_bytes(),
        None,
        Some(bytes),
        Some(lens),
        NOW,
        None,
        None,
        None,
        None,
        None
    )
    .is_ok());
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn errors_carry_code_field_message_kind_and_reason() {
    let err = sign_with("allow_everything", None, None).unwrap_err();
    let p = parts(&err);
    assert_eq!(&p[..4], ["INVALID_OPTIONS", "permissions", "0", ""]);
    assert!(p[4].contains("\"allow_everything\""), "{err}");
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn lists_cross_entry_for_entry() {
    let keyless = TokenSigner::new(None, None, None).unwrap();
    let sign = |permissions, sep| sign_lists(&keyless, Some("key"), permissions, sep, None, None);
    // With a separator every entry ends with it: "" is no entry, "," one empty entry.
    let none = sign("", Some(',')).unwrap_err();
    assert!(none.contains("must list at least one"), "{none}");
    let empty = sign(",", Some(',')).unwrap_err();
    assert!(empty.contains("the unknown entry \"\""), "{empty}");
    // Without one the text is the only entry, commas and all.
    let one = sign("allow_join,allow_mod", None).unwrap_err();
    assert!(one.contains("\"allow_join,allow_mod\""), "{one}");
    assert!(sign("allow_join\u{1}allow_mod\u{1}", Some('\u{1}')).is_ok());
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn expired_errors_carry_the_exact_exp() {
    let err = verify_at(&token(), NOW + 7_200.0).unwrap_err();
    let p = parts(&err);
    assert_eq!(p[0], "EXPIRED");
    assert_eq!(p[2], "1", "verify failures share one message");
    assert_eq!(
        u64::from_str_radix(p[3], 16).unwrap(),
        (NOW + 7_200.0).to_bits()
    );
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn malformed_errors_name_the_part() {
    let t = token();
    let err = decode(format!("{t}=").as_bytes(), NOW).unwrap_err();
    assert_eq!(&parts(&err)[..3], ["MALFORMED", "signature", "0"]);
    let err = oversized(100_000, true);
    assert_eq!(&parts(&err)[..3], ["MALFORMED", "", "1"]);
    assert!(parts(&err)[4].contains("100000 bytes"));
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn decode_summarizes_in_parts() {
    let text = decode(token().as_bytes(), NOW + 7_300.0).unwrap();
    let parts: Vec<&str> = text.split('\u{1f}').collect();
    assert_eq!(parts.len(), 4, "{text}");
    assert_eq!(
        parts[0], "31",
        "iat and exp plausible, expired; the fixed header left out"
    );
    assert!(parts[1].starts_with(r#"{"apikey":"key","#), "{text}");
    assert_eq!(parts[2], "{}");
    // The token has no roles: decode says what that allows, after the expiry.
    assert!(
        parts[3].starts_with(r#"["expired 1 min 40 s ago","the token has no roles: "#),
        "{text}"
    );
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn decode_passes_a_header_other_than_the_fixed_one() {
    let t = token();
    let rest = &t[t.find('.').unwrap()..];
    // {"alg":"HS256"}: no typ.
    let text = decode(format!("eyJhbGciOiJIUzI1NiJ9{rest}").as_bytes(), NOW).unwrap();
    assert!(text.starts_with("30{\"alg\":\"HS256\"}\u{1f}{"), "{text}");
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn a_keyed_signer_signs_as_the_keyless_one_given_the_key() {
    // signToken passes the API key and secret to the keyless signer; TokenSigner.sign passes
    // neither to a keyed one (src/wasm/exports.rs).
    let keyless = TokenSigner::new(None, None, None).unwrap();
    let keyed = TokenSigner::new(Some("key".into()), Some(SECRET.into()), None).unwrap();
    assert_eq!(
        sign_on(&keyless, Some("key"), "allow_join", Some("room"), None),
        sign_on(&keyed, None, "allow_join", Some("room"), None),
    );
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn token_signer_matches_sign() {
    let signer = TokenSigner::new(Some("key".into()), Some(SECRET.into()), None).unwrap();
    let signed = signer_sign_with(&signer, Some("room"), None).unwrap();
    assert_eq!(signed, token());
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn spans_are_measured_by_the_core() {
    assert_eq!(
        span_seconds(None, Some("2h".into()), "expiresIn".into()).unwrap(),
        7_200.0
    );
    assert_eq!(
        span_seconds(Some(0.0), None, "notBefore".into()).unwrap(),
        0.0
    );
    let err = span_seconds(Some(0.0), None, "expiresIn".into()).unwrap_err();
    assert_eq!(&parts(&err)[..2], ["INVALID_OPTIONS", "expiresIn"]);
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn custom_claims_cross_as_json_text_and_decode_returns_them_apart() {
    let signed = |claims: &str| sign_with("allow_join", Some("room"), Some(claims));
    let token = signed(r#"{"name":"Ada","tags":["a",1]}"#).unwrap();
    let signer = TokenSigner::new(Some("key".into()), Some(SECRET.into()), None).unwrap();
    let again = signer_sign_with(
        &signer,
        Some("room"),
        Some(r#"{"name":"Ada","tags":["a",1]}"#),
    )
    .unwrap();
    assert_eq!(token, again, "TokenSigner.sign gives the same token");
    let json = verify_at(&token, NOW).unwrap();
    assert!(
        json.contains(r#""roomId":"room","name":"Ada","tags":["a",1],"iat":"#),
        "{json}"
    );
    let text = decode(token.as_bytes(), NOW).unwrap();
    // The custom claims, then the warnings: only the one about the absent roles.
    assert!(
        text.contains(
            "\u{1f}{\"name\":\"Ada\",\"tags\":[\"a\",1]}\u{1f}[\"the token has no roles: "
        ),
        "{text}"
    );
    let err = signed(r#"{"iat":1}"#).unwrap_err();
    assert_eq!(&parts(&err)[..2], ["INVALID_OPTIONS", "claims.iat"]);
}

#[wasm_bindgen_test::wasm_bindgen_test]
fn a_token_that_is_not_utf8_is_malformed_not_a_trap() {
    let mut bytes = token().into_bytes();
    bytes[3] = 0xff;
    let err = verify(
        &bytes,
        Some(SECRET.into()),
        None,
        None,
        NOW,
        None,
        None,
        None,
        None,
        None,
    )
    .unwrap_err();
    assert_eq!(&parts(&err)[..3], ["MALFORMED", "header", "1"]);
    let err = decode(&bytes, NOW).unwrap_err();
    assert_eq!(&parts(&err)[..3], ["MALFORMED", "header", "0"]);
    assert!(
        parts(&err)[4].contains("has '\u{fffd}' at character 4"),
        "{err}"
    );
}
