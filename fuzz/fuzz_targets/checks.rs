//! What the fuzz targets check on each input. Shared with tests/fuzz_regressions.rs, which
//! replays the seeds and every input in fuzz/regressions/ under `cargo test`.

use videosdk_token::{
    decode_token, hmac_sha256, verify_token, ErrorCode, Secret, VerifyOptions, MAX_TOKEN_LEN,
};

/// The key the seeds in fuzz/seeds/verify are signed with (test-only; not a real secret).
pub const SECRET: &str = "fuzz-secret-0123456789abcdef0123456789abcdef";
/// The clock of the seeds: their iat; they expire two hours later.
pub const NOW: i64 = 1_700_000_000;

/// The whole input, as a token, through decode_token.
pub fn decode_input(data: &[u8]) {
    let Ok(token) = std::str::from_utf8(data) else {
        return;
    };
    match decode_token(token, NOW) {
        Ok(decoded) => {
            assert!(token.len() <= MAX_TOKEN_LEN, "accepted an oversized token");
            assert_eq!(
                token.split('.').count(),
                3,
                "accepted a token without three parts"
            );
            assert_eq!(
                decoded.signature,
                token.rsplit('.').next().unwrap_or_default()
            );
        }
        Err(e) => assert_eq!(e.code(), ErrorCode::Malformed, "decode: {}", e.reason()),
    }
}

/// First byte odd: the rest is a token, verified as it is. Even: the rest is `header.payload`,
/// to which a correct MAC is appended before verifying.
pub fn verify_input(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let token = if mode & 1 == 1 {
        text.to_owned()
    } else {
        let mac = hmac_sha256(SECRET.as_bytes(), text.as_bytes());
        format!("{text}.{}", b64url(&mac))
    };
    let secret = Secret::from_text(SECRET).expect("the fuzz secret is long enough");
    let options = VerifyOptions::at(NOW);
    match verify_token(&token, &[secret], &options) {
        Ok(verified) => {
            // Accepted: it must be HS256-signed with the secret over the bytes received...
            let (input, sig) = token.rsplit_once('.').expect("an accepted token has parts");
            assert_eq!(
                sig,
                b64url(&hmac_sha256(SECRET.as_bytes(), input.as_bytes()))
            );
            let decoded = decode_token(&token, NOW).expect("what verifies also decodes");
            assert_eq!(
                decoded.header.get("alg").and_then(|v| v.as_str()),
                Some("HS256")
            );
            // ...unexpired, and a VideoSDK token.
            let exp = verified.payload.get("exp").and_then(|v| v.as_f64());
            assert!(
                exp.is_some_and(|exp| exp > NOW as f64),
                "accepted without a future exp"
            );
            assert!(verified
                .payload
                .get("apikey")
                .is_some_and(|v| v.is_string()));
            assert!(verified
                .payload
                .get("permissions")
                .is_some_and(|v| v.is_array()));
        }
        Err(e) => {
            assert_ne!(
                e.code(),
                ErrorCode::InvalidOptions,
                "verify: {}",
                e.reason()
            );
            assert_eq!(e.message(), videosdk_token::VERIFY_MESSAGE);
            assert!(!e.reason().contains(SECRET) && !format!("{e:?}").contains(SECRET));
        }
    }
}

fn b64url(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| (n << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(char::from(T[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}
