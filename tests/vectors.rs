//! Published known answers through the core: RFC 4231 (HMAC-SHA-256) and RFC 7515 Appendix A.1
//! (an HS256 JWS). Read from ../shared/vectors; skipped with a message when that folder is absent.

use std::path::PathBuf;

use serde_json::Value;
use videosdk_token::{hmac_sha256, verify_token, ErrorCode, Secret, VerifyOptions};

fn vectors(name: &str) -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/vectors")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("vector files are JSON")),
        Err(_) => {
            eprintln!("skipped: vectors not present ({})", path.display());
            None
        }
    }
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn b64url(s: &str) -> Vec<u8> {
    // The vectors' JWK `k` is base64url; decode it independently of the crate's decoder.
    let table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.chars() {
        bits = (bits << 6) | table.find(c).expect("base64url") as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

#[test]
fn rfc_4231_hmac_sha256() {
    let Some(v) = vectors("rfc4231_hmac_sha256.json") else {
        return;
    };
    let cases = v["vectors"].as_array().expect("a list of vectors");
    let mut checked = 0;
    for case in cases {
        let hex_of = |name: &str| hex(case[name].as_str().expect(name));
        let mac = hmac_sha256(&hex_of("key_hex"), &hex_of("data_hex"));
        assert_eq!(
            mac.to_vec(),
            hex_of("full_hmac_sha256_hex"),
            "test case {}",
            case["tc"]
        );
        // Test case 5 publishes a tag truncated to 128 bits: it is the prefix of the full MAC.
        let published = hex_of("hmac_sha256_hex");
        assert_eq!(
            &mac[..published.len()],
            &published[..],
            "test case {}",
            case["tc"]
        );
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} RFC 4231 cases found");
}

#[test]
fn rfc_7515_a1_signature_checks_out_but_it_is_no_videosdk_token() {
    let Some(v) = vectors("rfc_jws_hs256_examples.json") else {
        return;
    };
    let case = v["vectors"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["id"] == "rfc7515-A.1"))
        .expect("RFC 7515 A.1 is in the vectors");
    let token = case["token"].as_str().expect("token");
    let key = b64url(case["jwk"]["k"].as_str().expect("k"));
    assert_eq!(key.len(), 64);
    let now = VerifyOptions::at(1_300_819_300);

    // Right key: the MAC over the received bytes (with their CR LF) checks out, so the failure is
    // about the claims: it has no apikey or permissions.
    let err = verify_token(token, &[Secret::new(&key).unwrap()], &now).unwrap_err();
    assert_eq!(err.code(), ErrorCode::ClaimsInvalid, "{}", err.reason());

    // A changed key: the signature no longer matches.
    let mut changed = key.clone();
    changed[0] ^= 1;
    let err = verify_token(token, &[Secret::new(&changed).unwrap()], &now).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidSignature);
}
