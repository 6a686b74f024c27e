//! Property tests: sign → verify round trips over arbitrary claims, secrets and clocks;
//! any single-byte change, deletion or insertion in a signed token is refused; verify and decode
//! never panic on arbitrary input. PROPTEST_CASES raises the number of cases (default 256).
#![cfg(not(target_arch = "wasm32"))] // native core tests: files, clocks, proptest

use proptest::prelude::*;
use serde_json::Value;
use videosdk_token::{
    decode_token, sign_token, verify_token, ClaimsOptions, ErrorCode, JwtId, Secret, Signer, Span,
    VerifyOptions,
};

const DAY: i64 = 86_400;
/// The latest clock the options accept with a year of lifetime still below the 1e11 s limit.
const LATEST: i64 = 99_000_000_000;

fn permissions() -> impl Strategy<Value = Vec<&'static str>> {
    prop_oneof![
        Just(vec!["allow_join"]),
        Just(vec!["ask_join"]),
        Just(vec!["allow_mod"]),
        Just(vec!["allow_join", "allow_mod"]),
        Just(vec!["allow_mod", "allow_join", "allow_join"]),
    ]
}

/// Arbitrary Unicode text of 1..=120 chars, control characters and quotes included.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 1..=120).prop_map(|c| c.into_iter().collect())
}

/// A participant ID: arbitrary text without whitespace, which VideoSDK refuses (error 4004).
fn participant_id() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        any::<char>().prop_filter("no whitespace", |c| !c.is_whitespace()),
        1..=120,
    )
    .prop_map(|c| c.into_iter().collect())
}

/// Custom claims: up to 4 members with arbitrary names (none this package writes) and values
/// of every JSON kind, as the JSON text the JS side passes.
fn custom_claims() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        (-1.0e6f64..1.0e6).prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    let value = value.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    proptest::collection::btree_map(text(), value, 0..4).prop_map(|m| {
        let object: serde_json::Map<String, Value> = m
            .into_iter()
            .filter(|(name, _)| !RESERVED.contains(&name.as_str()))
            .collect();
        Value::Object(object).to_string()
    })
}

const RESERVED: [&str; 10] = [
    "apikey",
    "permissions",
    "version",
    "roomId",
    "participantId",
    "roles",
    "jti",
    "iat",
    "nbf",
    "exp",
];

#[derive(Debug, Clone)]
struct Case {
    secret: Vec<u8>,
    api_key: String,
    permissions: Vec<&'static str>,
    room_id: Option<String>,
    participant_id: Option<String>,
    roles: Option<Vec<&'static str>>,
    jwt_id: Option<String>,
    now: i64,
    lifetime: i64,
    not_before: Option<i64>,
    claims_json: Option<String>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec(any::<u8>(), 32..=160),
        text(),
        permissions(),
        proptest::option::of(text()),
        proptest::option::of(participant_id()),
        proptest::option::of(prop_oneof![
            Just(vec!["crawler"]),
            Just(vec!["rtc"]),
            Just(vec!["crawler", "rtc"])
        ]),
        proptest::option::of(text()),
        0..LATEST,
        1..=365 * DAY,
        (
            proptest::option::of(0.0f64..1.0),
            proptest::option::of(custom_claims()),
        ),
    )
        .prop_map(
            |(
                secret,
                api_key,
                permissions,
                room_id,
                participant_id,
                roles,
                jwt_id,
                now,
                lifetime,
                (not_before, claims_json),
            )| Case {
                secret,
                api_key,
                permissions,
                room_id,
                participant_id,
                roles,
                jwt_id,
                now,
                lifetime,
                // notBefore must be shorter than the lifetime, or the token would never be valid.
                not_before: not_before
                    .map(|f| (lifetime as f64 * f) as i64)
                    .filter(|&n| n > 0),
                claims_json,
            },
        )
}

fn options(c: &Case) -> ClaimsOptions {
    let mut o = ClaimsOptions::new(c.permissions.iter().copied(), c.now);
    o.room_id = c.room_id.clone();
    o.participant_id = c.participant_id.clone();
    o.roles = c
        .roles
        .as_ref()
        .map(|r| r.iter().map(|s| s.to_string()).collect());
    o.jwt_id = c.jwt_id.clone().map(JwtId::Given);
    o.expires_in = Some(Span::Seconds(c.lifetime as f64));
    o.not_before = c.not_before.map(|n| Span::Seconds(n as f64));
    o.claims_json = c.claims_json.clone();
    o
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn sign_then_verify_round_trips(c in case(), at in 0.0f64..1.0) {
        let secret = Secret::new(&c.secret).unwrap();
        let token = sign_token(&c.api_key, &secret, &options(&c)).unwrap();
        let exp = c.now + c.lifetime;
        let nbf = c.not_before.map_or(c.now, |n| c.now + n);
        prop_assume!(nbf < exp);
        // Anywhere inside [nbf, exp): accepted, with the claims as given.
        let when = nbf + ((exp - nbf) as f64 * at) as i64;
        let mut vo = VerifyOptions::at(when.min(exp - 1));
        vo.api_key = Some(c.api_key.clone());
        vo.room_id = c.room_id.clone();
        vo.participant_id = c.participant_id.clone();
        let verified = verify_token(&token, std::slice::from_ref(&secret), &vo).unwrap();
        let p = &verified.payload;
        prop_assert_eq!(p["apikey"].as_str(), Some(c.api_key.as_str()));
        prop_assert_eq!(p["exp"].as_i64(), Some(exp));
        prop_assert_eq!(p["iat"].as_i64(), Some(c.now));
        prop_assert_eq!(p.get("roomId").and_then(Value::as_str), c.room_id.as_deref());
        prop_assert_eq!(p.get("participantId").and_then(Value::as_str), c.participant_id.as_deref());
        prop_assert_eq!(p.get("jti").and_then(Value::as_str), c.jwt_id.as_deref());
        let v2 = c.room_id.is_some() || c.participant_id.is_some() || c.roles.is_some();
        prop_assert_eq!(p.get("version").and_then(Value::as_i64), v2.then_some(2));
        // Custom claims come back as given, and decode returns exactly them apart.
        let custom: serde_json::Map<String, Value> = c
            .claims_json
            .as_deref()
            .map_or_else(serde_json::Map::new, |j| serde_json::from_str(j).unwrap());
        for (name, value) in &custom {
            prop_assert_eq!(p.get(name), Some(value));
        }
        // The same token from a Signer, and through decode.
        let signer = Signer::new(&c.api_key, &secret).unwrap();
        prop_assert_eq!(&signer.sign(&options(&c)).unwrap(), &token);
        let decoded = decode_token(&token, c.now).unwrap();
        prop_assert_eq!(&decoded.payload, p);
        prop_assert_eq!(&decoded.custom_claims, &custom);
        // Outside it: expired at exp exactly, not yet valid before nbf.
        let e = verify_token(&token, std::slice::from_ref(&secret), &VerifyOptions::at(exp)).unwrap_err();
        prop_assert_eq!(e.code(), ErrorCode::Expired);
        if nbf > c.now {
            let e = verify_token(&token, std::slice::from_ref(&secret), &VerifyOptions::at(nbf - 1)).unwrap_err();
            prop_assert_eq!(e.code(), ErrorCode::NotYetValid);
        }
        // Any other secret: refused; in a rotation list with the right one: accepted.
        let mut other = c.secret.clone();
        other[0] ^= 0x80;
        let other = Secret::new(&other).unwrap();
        let when = VerifyOptions::at(nbf);
        let e = verify_token(&token, std::slice::from_ref(&other), &when).unwrap_err();
        prop_assert_eq!(e.code(), ErrorCode::InvalidSignature);
        prop_assert!(verify_token(&token, &[other, secret], &when).is_ok());
    }

    #[test]
    fn any_single_byte_change_is_refused(c in case(), at in any::<prop::sample::Index>(), byte in any::<u8>(), op in 0u8..3) {
        let secret = Secret::new(&c.secret).unwrap();
        let token = sign_token(&c.api_key, &secret, &options(&c)).unwrap();
        let when = VerifyOptions::at(c.now + c.not_before.unwrap_or(0));
        prop_assume!(verify_token(&token, std::slice::from_ref(&secret), &when).is_ok());
        let mut bytes = token.clone().into_bytes();
        let i = at.index(bytes.len());
        match op {
            0 => {
                prop_assume!(bytes[i] != byte);
                bytes[i] = byte;
            }
            1 => {
                bytes.remove(i);
            }
            _ => bytes.insert(i, byte),
        }
        // A change that leaves invalid UTF-8 cannot even be passed as a token (&str): refused.
        if let Ok(changed) = String::from_utf8(bytes) {
            prop_assert_ne!(&changed, &token);
            let result = verify_token(&changed, std::slice::from_ref(&secret), &when);
            prop_assert!(result.is_err(), "accepted {:?} (from {:?})", changed, token);
        }
    }

    #[test]
    fn verify_and_decode_never_panic(s in "\\PC{0,300}", t in "[A-Za-z0-9_.=+/ -]{0,300}") {
        let secret = Secret::new(&[9; 32]).unwrap();
        for input in [&s, &t] {
            let e = verify_token(input, std::slice::from_ref(&secret), &VerifyOptions::at(1_700_000_000)).unwrap_err();
            prop_assert_ne!(e.code(), ErrorCode::InvalidOptions);
            let _ = decode_token(input, 1_700_000_000);
        }
    }
}
