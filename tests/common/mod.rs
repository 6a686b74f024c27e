//! Helpers shared by the integration tests. Base64url is written out here, independently of the
//! crate's strict codec, so that the tests do not lean on the code they test.
#![allow(dead_code)] // each test crate uses a different subset

const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url.
pub fn b64url_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| (n << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(char::from(TABLE[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// Unpadded base64url, decoded leniently (test input is trusted).
pub fn b64url_decode(s: &str) -> Vec<u8> {
    let (mut bits, mut n, mut out) = (0u32, 0, Vec::new());
    for c in s.bytes() {
        let v = TABLE.iter().position(|&t| t == c).expect("base64url") as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

/// `header.payload.signature` from raw header and payload text, MAC'd with the crate's raw HMAC.
pub fn raw_token(header: &str, payload: &str, key: &[u8]) -> String {
    let input = format!(
        "{}.{}",
        b64url_encode(header.as_bytes()),
        b64url_encode(payload.as_bytes())
    );
    let mac = videosdk_token::hmac_sha256(key, input.as_bytes());
    format!("{input}.{}", b64url_encode(&mac))
}
