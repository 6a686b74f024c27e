//! The hostile-input catalogue: each input with the exact code verify refuses it with.
//! Tokens whose fault lies behind the MAC are signed with the right secret, so the code tested
//! is the one for that fault and not INVALID_SIGNATURE. Every refusal carries the one verify
//! message, and no reason or Debug output carries the secret.
//!
//! Where the rules leave room, the code chosen here is the documented one (SECURITY.md):
//! - a `typ` or `cty` other than "JWT" (any case) is MALFORMED, like `crit` and `b64`;
//! - fractional `exp`/`nbf`/`iat` are accepted (RFC 7519 §2: a NumericDate may be non-integer);
//! - a time claim that is negative or at/after 1e11 s (beyond 2^53 included) is CLAIMS_INVALID;
//! - a number JSON cannot hold as an f64 (1e400) makes the payload MALFORMED;
//! - a payload that is not a JSON object, or not JSON, is MALFORMED, but only after the MAC.
#![cfg(not(target_arch = "wasm32"))] // native core tests: files, clocks, proptest

mod common;
use common::b64url_encode as b64;
use std::time::Instant;

use videosdk_token::{
    decode_token, hmac_sha256, verify_token, ErrorCode, Secret, VerifyOptions, MAX_TOKEN_LEN,
    VERIFY_MESSAGE,
};
use ErrorCode::*;

const SECRET: &str = "hostile-secret-0123456789abcdef0123456789abcdef";
const NOW: i64 = 1_700_000_000;
const H: &str = r#"{"alg":"HS256","typ":"JWT"}"#;
const P: &str =
    r#"{"apikey":"key","permissions":["allow_join"],"iat":1700000000,"exp":1700007200}"#;

fn mac(input: &str, key: &str) -> String {
    b64(&hmac_sha256(key.as_bytes(), input.as_bytes()))
}

/// `header.payload` from raw bytes, signed with the right secret.
fn signed_raw(header: &[u8], payload: &[u8]) -> String {
    let input = format!("{}.{}", b64(header), b64(payload));
    let sig = mac(&input, SECRET);
    format!("{input}.{sig}")
}

fn signed(header: &str, payload: &str) -> String {
    signed_raw(header.as_bytes(), payload.as_bytes())
}

fn payload_with(extra: &str) -> String {
    // The good payload with members replaced or added (duplicates are not created here).
    let mut map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(P).unwrap();
    let extra: serde_json::Map<String, serde_json::Value> = serde_json::from_str(extra).unwrap();
    for (k, v) in extra {
        if v.is_null() {
            map.remove(&k);
        } else {
            map.insert(k, v);
        }
    }
    serde_json::to_string(&map).unwrap()
}

fn verify(
    token: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, videosdk_token::TokenError> {
    let secret = Secret::from_text(SECRET).unwrap();
    verify_token(token, &[secret], &VerifyOptions::at(NOW)).map(|v| v.payload)
}

/// Replaces the signature part.
fn with_sig(token: &str, sig: &str) -> String {
    let (input, _) = token.rsplit_once('.').unwrap();
    format!("{input}.{sig}")
}

/// The same base64url text with the last character's unused low bits set (non-canonical).
fn stray_bits(part: &str) -> String {
    const T: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let unused = match part.len() % 4 {
        2 => 4,
        3 => 2,
        _ => panic!("no unused bits in a part of length {}", part.len()),
    };
    let last = part.chars().last().unwrap();
    let v = T.find(last).unwrap() | ((1 << unused) - 1);
    format!("{}{}", &part[..part.len() - 1], &T[v..=v])
}

fn catalogue() -> Vec<(String, String, ErrorCode)> {
    let good = signed(H, P);
    let parts: Vec<String> = good.split('.').map(str::to_owned).collect();
    let (h, p, s) = (&parts[0], &parts[1], &parts[2]);
    let sig_bytes = hmac_sha256(SECRET.as_bytes(), format!("{h}.{p}").as_bytes());
    let other = signed(H, &payload_with(r#"{"apikey":"other"}"#));
    let mut c: Vec<(String, String, ErrorCode)> = Vec::new();
    let mut add =
        |name: &str, token: String, code: ErrorCode| c.push((name.to_owned(), token, code));

    // The algorithm: never chosen by the token.
    for alg in ["none", "None", "NONE", "nOnE"] {
        let header = format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#);
        add(
            &format!("alg {alg}, no signature"),
            format!("{}.{p}.", b64(header.as_bytes())),
            AlgNotAllowed,
        );
        add(
            &format!("alg {alg}, HMAC signature"),
            signed(&header, P),
            AlgNotAllowed,
        );
    }
    for alg in [
        "HS384",
        "HS512",
        "RS256",
        "ES256",
        "PS256",
        "EdDSA",
        "hs256",
        "HS256 ",
        "HS256\\u0000",
    ] {
        add(
            &format!("alg {alg}"),
            signed(&format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#), P),
            AlgNotAllowed,
        );
    }
    add("alg missing", signed(r#"{"typ":"JWT"}"#, P), AlgNotAllowed);
    add("alg a number", signed(r#"{"alg":256}"#, P), AlgNotAllowed);
    add(
        "alg a list",
        signed(r#"{"alg":["HS256"]}"#, P),
        AlgNotAllowed,
    );
    add("alg null", signed(r#"{"alg":null}"#, P), AlgNotAllowed);
    add(
        "alg none before a payload that is not JSON",
        format!("{}.{}.", b64(br#"{"alg":"none"}"#), b64(b"not json")),
        AlgNotAllowed,
    );

    // The signature.
    add("empty signature", with_sig(&good, ""), InvalidSignature);
    add(
        "signature of another token",
        with_sig(&good, other.rsplit('.').next().unwrap()),
        InvalidSignature,
    );
    add(
        "signed with another secret",
        with_sig(
            &good,
            &mac(
                &format!("{h}.{p}"),
                "another-secret-0123456789abcdef0123456789abcdef",
            ),
        ),
        InvalidSignature,
    );
    add(
        "signed with the secret as a JWK embedded in the header",
        {
            let header = r#"{"alg":"HS256","jwk":{"kty":"oct","k":"YXR0YWNrZXIta2V5LTAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5"}}"#;
            let input = format!("{}.{p}", b64(header.as_bytes()));
            let sig = mac(&input, "attacker-key-0123456789abcdef0123456789");
            format!("{input}.{sig}")
        },
        InvalidSignature,
    );
    add(
        "signature truncated to 16 bytes",
        with_sig(&good, &b64(&sig_bytes[..16])),
        InvalidSignature,
    );
    add(
        "signature truncated to 31 bytes",
        with_sig(&good, &b64(&sig_bytes[..31])),
        InvalidSignature,
    );
    add(
        "signature extended to 33 bytes",
        with_sig(&good, &b64(&[&sig_bytes[..], &[0]].concat())),
        InvalidSignature,
    );
    add(
        "signature doubled",
        with_sig(&good, &b64(&[&sig_bytes[..], &sig_bytes[..]].concat())),
        InvalidSignature,
    );
    add(
        "signature one bit off",
        with_sig(
            &good,
            &b64(&{
                let mut b = sig_bytes;
                b[31] ^= 1;
                b
            }),
        ),
        InvalidSignature,
    );
    add(
        "signature all zero",
        with_sig(&good, &b64(&[0; 32])),
        InvalidSignature,
    );
    add(
        "payload not JSON, MAC wrong: the payload is never parsed",
        with_sig(&format!("{h}.{}.x", b64(b"not json")), s),
        InvalidSignature,
    );
    add(
        "payload changed, signature kept",
        with_sig(&other, s),
        InvalidSignature,
    );

    // base64url: strict and canonical.
    add(
        "signature with stray trailing bits",
        with_sig(&good, &stray_bits(s)),
        Malformed,
    );
    add(
        "header with stray trailing bits",
        format!(
            "{}.{p}.{s}",
            stray_bits(&b64(br#"{"alg":"HS256","typ":"JWT" }"#))
        ),
        Malformed,
    );
    add(
        "payload with stray trailing bits",
        {
            let mut body = P.to_owned();
            while body.len() % 3 == 0 {
                body.push(' ');
            }
            let p2 = b64(body.as_bytes());
            format!("{h}.{}.{s}", stray_bits(&p2))
        },
        Malformed,
    );
    add(
        "signature padded with =",
        with_sig(&good, &format!("{s}=")),
        Malformed,
    );
    add("header padded with =", format!("{h}=.{p}.{s}"), Malformed);
    add(
        "standard base64 + in the signature",
        with_sig(&good, &format!("+{}", &s[1..])),
        Malformed,
    );
    add(
        "standard base64 / in the payload",
        format!("{h}.{}/.{s}", &p[..p.len() - 1]),
        Malformed,
    );
    add(
        "payload of 4n+1 characters",
        {
            let mut body = P.to_owned();
            while body.len() % 3 != 0 {
                body.push(' ');
            }
            format!("{h}.{}A.{s}", b64(body.as_bytes()))
        },
        Malformed,
    );
    add("leading space", format!(" {good}"), Malformed);
    add("trailing newline", format!("{good}\n"), Malformed);
    add(
        "space inside the payload",
        format!("{h}.{} {}.{s}", &p[..10], &p[10..]),
        Malformed,
    );
    add(
        "tab before the signature",
        format!("{h}.{p}.\t{s}"),
        Malformed,
    );
    add("Bearer prefix", format!("Bearer {good}"), Malformed);
    add("non-ASCII character", format!("{h}.{p}é.{s}"), Malformed);
    add("NUL byte", format!("{h}.{p}\0.{s}"), Malformed);

    // Structure.
    add("empty string", String::new(), Malformed);
    add("one part", h.clone(), Malformed);
    add("two parts", format!("{h}.{p}"), Malformed);
    add("four parts", format!("{good}.{s}"), Malformed);
    add("four parts, last empty", format!("{good}."), Malformed);
    add(
        "five parts (JWE)",
        format!("{h}.{p}.{s}.{s}.{s}"),
        Malformed,
    );
    add("only dots", "..".into(), Malformed);
    add("empty header", format!(".{p}.{s}"), Malformed);
    add("empty payload, signed", signed(H, ""), Malformed);
    add(
        "empty payload, unsigned",
        format!("{h}..{s}"),
        InvalidSignature,
    );

    // Header and payload: JSON objects in UTF-8, no duplicate names, no extensions.
    for (name, header) in [
        ("an array", "[]"),
        ("a string", "\"HS256\""),
        ("null", "null"),
        ("a number", "1"),
        ("not JSON", "{alg:HS256}"),
        ("truncated", r#"{"alg":"HS256""#),
        ("trailing garbage", r#"{"alg":"HS256"} x"#),
        ("two objects", r#"{"alg":"HS256"}{}"#),
    ] {
        add(&format!("header {name}"), signed(header, P), Malformed);
    }
    for (name, payload) in [
        ("an array", "[]"),
        ("a string", "\"claims\""),
        ("null", "null"),
        ("a number", "123"),
        ("true", "true"),
        ("not JSON", "apikey=key"),
        ("trailing comma", r#"{"exp":1700007200,}"#),
        ("single quotes", "{'exp':1700007200}"),
        ("a comment", r#"{"exp":1700007200 /* */}"#),
        ("NaN", r#"{"exp":NaN}"#),
    ] {
        add(
            &format!("payload {name}, signed"),
            signed(H, payload),
            Malformed,
        );
    }
    add(
        "header invalid UTF-8",
        signed_raw(b"{\"alg\":\"HS256\",\"x\":\"\xff\xfe\"}", P.as_bytes()),
        Malformed,
    );
    add(
        "payload invalid UTF-8, signed",
        signed_raw(
            H.as_bytes(),
            b"{\"apikey\":\"k\xc3\x28\",\"permissions\":[\"allow_join\"],\"exp\":1700007200}",
        ),
        Malformed,
    );
    add(
        "payload overlong UTF-8, signed",
        signed_raw(
            H.as_bytes(),
            b"{\"apikey\":\"\xc0\xafk\",\"permissions\":[\"allow_join\"],\"exp\":1700007200}",
        ),
        Malformed,
    );
    add(
        "payload lone surrogate escape, signed",
        signed(
            H,
            r#"{"apikey":"\ud800","permissions":["allow_join"],"exp":1700007200}"#,
        ),
        Malformed,
    );
    add(
        "payload with a BOM, signed",
        signed(H, &format!("\u{feff}{P}")),
        Malformed,
    );
    add(
        "two alg in the header",
        signed(r#"{"alg":"HS256","alg":"none"}"#, P),
        Malformed,
    );
    add(
        "two exp in the payload, signed",
        signed(
            H,
            r#"{"apikey":"key","permissions":["allow_join"],"exp":1,"exp":1700007200}"#,
        ),
        Malformed,
    );
    add(
        "two apikey in the payload, signed",
        signed(
            H,
            r#"{"apikey":"a","apikey":"key","permissions":["allow_join"],"exp":1700007200}"#,
        ),
        Malformed,
    );
    add(
        "duplicate names nested, signed",
        signed(
            H,
            r#"{"apikey":"key","permissions":["allow_join"],"exp":1700007200,"x":{"a":1,"a":2}}"#,
        ),
        Malformed,
    );
    add(
        "duplicate names by escape, signed",
        signed(
            H,
            r#"{"apikey":"key","permissions":["allow_join"],"exp":1,"\u0065xp":1700007200}"#,
        ),
        Malformed,
    );
    add(
        "crit",
        signed(r#"{"alg":"HS256","crit":["exp"],"exp":1}"#, P),
        Malformed,
    );
    add(
        "crit empty",
        signed(r#"{"alg":"HS256","crit":[]}"#, P),
        Malformed,
    );
    add(
        "b64 false (RFC 7797)",
        signed(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#, P),
        Malformed,
    );
    add(
        "b64 false without crit",
        signed(r#"{"alg":"HS256","b64":false}"#, P),
        Malformed,
    );
    add(
        "b64 true",
        signed(r#"{"alg":"HS256","b64":true}"#, P),
        Malformed,
    );
    add(
        "typ at+jwt",
        signed(r#"{"alg":"HS256","typ":"at+jwt"}"#, P),
        Malformed,
    );
    add(
        "typ JWS",
        signed(r#"{"alg":"HS256","typ":"JWS"}"#, P),
        Malformed,
    );
    add(
        "typ not a string",
        signed(r#"{"alg":"HS256","typ":1}"#, P),
        Malformed,
    );
    add(
        "cty text/plain",
        signed(r#"{"alg":"HS256","cty":"text/plain"}"#, P),
        Malformed,
    );
    add(
        "deep nesting in the header",
        signed(
            &format!(
                r#"{{"alg":"HS256","x":{}{}}}"#,
                "[".repeat(2000),
                "]".repeat(2000)
            ),
            P,
        ),
        Malformed,
    );
    add(
        "deep nesting in the payload, signed",
        signed(
            H,
            &payload_with("{}").replace(
                "{\"apikey\"",
                &format!(
                    "{{\"x\":{}{},\"apikey\"",
                    "[".repeat(2000),
                    "]".repeat(2000)
                ),
            ),
        ),
        Malformed,
    );
    add(
        "nesting of 129 in the payload, signed",
        signed(
            H,
            &format!(
                r#"{{"apikey":"key","permissions":["allow_join"],"exp":1700007200,"x":{}{}}}"#,
                "[".repeat(129),
                "]".repeat(129)
            ),
        ),
        Malformed,
    );

    // Times: numbers of seconds, in range.
    for claim in ["exp", "iat", "nbf"] {
        add(
            &format!("{claim} a string"),
            signed(H, &payload_with(&format!(r#"{{"{claim}":"1700007200"}}"#))),
            ClaimsInvalid,
        );
        add(
            &format!("{claim} negative"),
            signed(H, &payload_with(&format!(r#"{{"{claim}":-1}}"#))),
            ClaimsInvalid,
        );
        add(
            &format!("{claim} beyond 2^53"),
            signed(
                H,
                &payload_with(&format!(r#"{{"{claim}":9007199254740993}}"#)),
            ),
            ClaimsInvalid,
        );
        add(
            &format!("{claim} in milliseconds"),
            signed(H, &payload_with(&format!(r#"{{"{claim}":1700007200000}}"#))),
            ClaimsInvalid,
        );
        add(
            &format!("{claim} 1e300"),
            signed(H, &payload_with(&format!(r#"{{"{claim}":1e300}}"#))),
            ClaimsInvalid,
        );
        add(
            &format!("{claim} null"),
            signed(
                H,
                &payload_with(&format!(r#"{{"{claim}":"NULL"}}"#)).replace("\"NULL\"", "null"),
            ),
            ClaimsInvalid,
        );
        add(
            &format!("{claim} a list"),
            signed(H, &payload_with(&format!(r#"{{"{claim}":[1700007200]}}"#))),
            ClaimsInvalid,
        );
        add(
            &format!("{claim} true"),
            signed(H, &payload_with(&format!(r#"{{"{claim}":true}}"#))),
            ClaimsInvalid,
        );
    }
    add(
        "exp 1e400 (no f64 holds it)",
        signed(H, &P.replace("1700007200", "1e400")),
        Malformed,
    );
    add(
        "exp missing",
        signed(H, &payload_with(r#"{"exp":null}"#)),
        ClaimsInvalid,
    );
    add(
        "exp a fraction in the past",
        signed(H, &payload_with(r#"{"exp":1699999999.5}"#)),
        Expired,
    );
    add(
        "exp equal to now",
        signed(H, &payload_with(r#"{"exp":1700000000}"#)),
        Expired,
    );
    add("exp 0", signed(H, &payload_with(r#"{"exp":0}"#)), Expired);
    add(
        "nbf in the future",
        signed(H, &payload_with(r#"{"nbf":1700000001}"#)),
        NotYetValid,
    );
    add(
        "nbf a fraction in the future",
        signed(H, &payload_with(r#"{"nbf":1700000000.5}"#)),
        NotYetValid,
    );

    // VideoSDK claims.
    add(
        "permissions a string",
        signed(H, &payload_with(r#"{"permissions":"allow_join"}"#)),
        ClaimsInvalid,
    );
    add(
        "permissions empty",
        signed(H, &payload_with(r#"{"permissions":[]}"#)),
        ClaimsInvalid,
    );
    add(
        "permissions unknown",
        signed(H, &payload_with(r#"{"permissions":["allow_everything"]}"#)),
        ClaimsInvalid,
    );
    add(
        "permissions in upper case",
        signed(H, &payload_with(r#"{"permissions":["ALLOW_JOIN"]}"#)),
        ClaimsInvalid,
    );
    add(
        "permissions holding a number",
        signed(H, &payload_with(r#"{"permissions":["allow_join",1]}"#)),
        ClaimsInvalid,
    );
    add(
        "permissions an object",
        signed(H, &payload_with(r#"{"permissions":{"allow_join":true}}"#)),
        ClaimsInvalid,
    );
    add(
        "permissions missing",
        signed(H, &payload_with(r#"{"permissions":null}"#)),
        ClaimsInvalid,
    );
    add(
        "apikey missing",
        signed(H, &payload_with(r#"{"apikey":null}"#)),
        ClaimsInvalid,
    );
    add(
        "apikey a number",
        signed(H, &payload_with(r#"{"apikey":42}"#)),
        ClaimsInvalid,
    );
    add(
        "apikey empty",
        signed(H, &payload_with(r#"{"apikey":""}"#)),
        ClaimsInvalid,
    );
    add(
        "roles unknown",
        signed(H, &payload_with(r#"{"version":2,"roles":["admin"]}"#)),
        ClaimsInvalid,
    );
    add(
        "roles a string",
        signed(H, &payload_with(r#"{"version":2,"roles":"rtc"}"#)),
        ClaimsInvalid,
    );
    add(
        "roles empty",
        signed(H, &payload_with(r#"{"version":2,"roles":[]}"#)),
        ClaimsInvalid,
    );
    add(
        "roomId without version",
        signed(H, &payload_with(r#"{"roomId":"r"}"#)),
        ClaimsInvalid,
    );
    add(
        "participantId without version",
        signed(H, &payload_with(r#"{"participantId":"p"}"#)),
        ClaimsInvalid,
    );
    add(
        "roles without version",
        signed(H, &payload_with(r#"{"roles":["rtc"]}"#)),
        ClaimsInvalid,
    );
    add(
        "version the string 2",
        signed(H, &payload_with(r#"{"version":"2","roomId":"r"}"#)),
        ClaimsInvalid,
    );
    add(
        "version 1",
        signed(H, &payload_with(r#"{"version":1}"#)),
        ClaimsInvalid,
    );
    add(
        "version 3 with roomId",
        signed(H, &payload_with(r#"{"version":3,"roomId":"r"}"#)),
        ClaimsInvalid,
    );
    add(
        "roomId a number",
        signed(H, &payload_with(r#"{"version":2,"roomId":7}"#)),
        ClaimsInvalid,
    );
    c
}

#[test]
fn every_hostile_input_is_refused_with_its_code() {
    let mut failures = Vec::new();
    let cases = catalogue();
    for (name, token, expected) in &cases {
        match verify(token) {
            Ok(_) => failures.push(format!("{name}: accepted, expected {expected}")),
            Err(e) => {
                if e.code() != *expected {
                    failures.push(format!(
                        "{name}: {} ({}), expected {expected}",
                        e.code(),
                        e.reason()
                    ));
                }
                assert_eq!(e.message(), VERIFY_MESSAGE, "{name}");
                assert!(
                    !e.reason().contains(SECRET) && !format!("{e:?}").contains(SECRET),
                    "{name}"
                );
            }
        }
        // decode never checks the MAC: it refuses only what is malformed, and never panics.
        if let Err(e) = decode_token(token, NOW) {
            assert_eq!(e.code(), Malformed, "decode of {name}: {}", e.reason());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    println!(
        "hostile inputs refused with the expected code: {}",
        cases.len()
    );
}

#[test]
fn the_catalogue_control_and_its_neighbours_are_accepted() {
    // Without this the catalogue could pass by refusing everything.
    assert!(verify(&signed(H, P)).is_ok());
    assert!(
        verify(&signed(r#"{"alg":"HS256"}"#, P)).is_ok(),
        "typ is optional"
    );
    assert!(
        verify(&signed(r#"{"alg":"HS256","typ":"jwt"}"#, P)).is_ok(),
        "typ is case-insensitive"
    );
    assert!(verify(&signed(r#"{"alg":"HS256","cty":"JWT","kid":"k1"}"#, P)).is_ok());
    assert!(
        verify(&signed(H, &payload_with(r#"{"exp":1700000000.5}"#))).is_ok(),
        "fractional exp"
    );
    assert!(verify(&signed(
        H,
        &payload_with(
            r#"{"version":2,"roomId":"r","participantId":"p","roles":["crawler","rtc"]}"#
        )
    ))
    .is_ok());
    assert!(verify(&signed(H, &payload_with(r#"{"__proto__":{"admin":true}}"#))).is_ok());
}

#[test]
fn huge_tokens_are_refused_fast_and_in_linear_time() {
    // 1 MiB of each shape: refused by the size check before any decoding.
    let shapes = [
        "a".repeat(1 << 20),
        ".".repeat(1 << 20),
        format!(
            "{}.{}.{}",
            "e".repeat(1 << 19),
            "e".repeat(1 << 19),
            "A".repeat(43)
        ),
    ];
    for huge in &shapes {
        let start = Instant::now();
        for _ in 0..100 {
            let e = verify(huge).unwrap_err();
            assert_eq!(e.code(), Malformed);
            assert!(e.reason().contains(&format!("maximum is {MAX_TOKEN_LEN}")));
            assert_eq!(decode_token(huge, NOW).unwrap_err().code(), Malformed);
        }
        let per = start.elapsed() / 200;
        assert!(
            per.as_micros() < 1_000,
            "a 1 MiB token took {per:?} to refuse"
        );
    }
    // At the limit, the worst shapes for a parser: no quadratic work.
    let at_limit = [
        ".".repeat(MAX_TOKEN_LEN),
        format!("{}..", "[".repeat(MAX_TOKEN_LEN - 2)),
        signed(H, &format!("{}{}", "[".repeat(3000), "]".repeat(3000))),
    ];
    for t in &at_limit {
        assert!(t.len() <= MAX_TOKEN_LEN);
        let start = Instant::now();
        for _ in 0..100 {
            assert!(verify(t).is_err());
        }
        let per = start.elapsed() / 100;
        assert!(
            per.as_millis() < 5,
            "a token at the size limit took {per:?}"
        );
    }
}
