//! HMAC-SHA-256: the key (long enough by construction, zeroed on drop, silent in `Debug`), the
//! MAC that finishes a token, and its constant-time check against one or more secrets.

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::{Zeroize, Zeroizing};

use crate::jws::header::HEADER_B64;
use crate::jws::untrusted::Untrusted;
use crate::leaf::base64url;
use crate::leaf::error::{ErrorCode, TokenError};
use crate::leaf::text::{cat, int};

pub type HmacSha256 = Hmac<Sha256>;

/// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
pub const MIN_SECRET_LEN: usize = 32;

/// An HS256 secret. A string secret is used as its UTF-8 bytes, as jsonwebtoken does, so a
/// VideoSDK dashboard secret (64 hex characters) is 64 bytes of key.
pub struct Secret(Zeroizing<Vec<u8>>);

impl Secret {
    /// Takes a copy of the key bytes; refuses keys shorter than [`MIN_SECRET_LEN`] with
    /// `WEAK_SECRET`. The reason gives the length, never the bytes.
    pub fn new(bytes: &[u8]) -> Result<Self, TokenError> {
        Self::from_vec(bytes.to_vec())
    }

    /// [`Secret::new`] keeping `bytes` rather than copying them (the binding's own copy of a
    /// secret it was passed); they are cleared on drop whether or not they are long enough.
    pub(crate) fn from_vec(bytes: Vec<u8>) -> Result<Self, TokenError> {
        let bytes = Zeroizing::new(bytes);
        if bytes.len() < MIN_SECRET_LEN {
            return Err(TokenError::new(
                ErrorCode::WeakSecret,
                cat(&[
                    "the secret is ",
                    &int(bytes.len() as i64),
                    " bytes; HS256 needs at least 32 bytes (RFC 7518 §3.2). Use the secret \
                     from the VideoSDK dashboard, which is 64 characters long",
                ]),
            )
            .with_field("secret"));
        }
        Ok(Self(bytes))
    }

    /// Same as [`Secret::new`] over the string's UTF-8 bytes.
    pub fn from_text(secret: &str) -> Result<Self, TokenError> {
        Self::new(secret.as_bytes())
    }

    /// A MAC keyed with this secret, ready for `update`.
    pub fn mac(&self) -> HmacSha256 {
        keyed(&self.0)
    }
}

/// HMAC takes keys of any length (longer ones are hashed first), so keying cannot fail; the
/// fallback is never taken and formats nothing.
fn keyed(key: &[u8]) -> HmacSha256 {
    match <HmacSha256 as KeyInit>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!(),
    }
}

/// HMAC-SHA-256 of `data` under a key of any length, through the same MAC the tokens use.
/// For known-answer tests (RFC 4231, Wycheproof) whose keys are shorter than a token secret.
#[cfg(feature = "test-hooks")]
pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = keyed(key);
    mac.update(data);
    mac.finalize().into_bytes().into()
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(_)")
    }
}

/// The length of the token [`sign_payload`] makes from a payload of `payload_len` bytes:
/// the header, the payload and the 32-byte MAC in unpadded base64url, and two dots.
pub const fn signed_len(payload_len: usize) -> usize {
    const MAC_B64: usize = 43;
    HEADER_B64.len() + 1 + (payload_len * 4).div_ceil(3) + 1 + MAC_B64
}

/// `mac` takes in `data`. Out of line: hmac's buffering is inlined wherever it is called, and
/// signing, `Signer::new` and verifying each called it.
#[inline(never)]
pub fn absorb(mac: &mut HmacSha256, data: &[u8]) {
    mac.update(data);
}

/// `HEADER.payload.signature`: the fixed header, the payload, and the MAC over the first two.
pub fn sign_payload(mac: HmacSha256, payload: &[u8]) -> String {
    sign_rest(mac, 0, payload)
}

/// The token of `payload`, where `mac` has taken in the first `taken` bytes of its signing input
/// already: `Signer` keeps a MAC that has taken in what every token of its API key starts with
/// (`HEADER.` and the payload's first bytes in base64url), so each token hashes only what follows.
pub fn sign_rest(mut mac: HmacSha256, taken: usize, payload: &[u8]) -> String {
    let mut token = signing_input(payload);
    absorb(&mut mac, token.get(taken..).unwrap_or_default());
    let mut tag: [u8; 32] = mac.finalize().into_bytes().into();
    token.extend_from_slice(b".");
    base64url::encode_into(&tag, &mut token);
    tag.zeroize();
    String::from_utf8(token).unwrap_or_default()
}

/// `HEADER.` and the base64url of `payload`, in a buffer of the token's exact length (it is
/// ASCII: the header, dots and base64url, checked as UTF-8 once at the end).
pub fn signing_input(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(signed_len(payload.len()));
    out.extend_from_slice(HEADER_B64.as_bytes());
    out.extend_from_slice(b".");
    base64url::encode_into(payload, &mut out);
    out
}

/// The MAC over the bytes received against each secret; `INVALID_SIGNATURE` if none matches.
pub fn check_mac(token: &Untrusted<'_>, secrets: &[Secret]) -> Result<(), TokenError> {
    if token.signature.len() != 32 {
        return Err(TokenError::new(
            ErrorCode::InvalidSignature,
            cat(&[
                "the signature is ",
                &int(token.signature.len() as i64),
                " bytes; an HS256 signature is 32 bytes",
            ]),
        ));
    }
    // hmac's verify_slice compares in constant time, so the time taken says nothing about how
    // many leading bytes of a forged signature were right.
    let matches = secrets.iter().any(|secret| {
        let mut mac = secret.mac();
        absorb(&mut mac, token.signing_input);
        mac.verify_slice(&token.signature).is_ok()
    });
    if matches {
        Ok(())
    } else if secrets.len() == 1 {
        Err(TokenError::new(
            ErrorCode::InvalidSignature,
            "the signature does not match the secret",
        ))
    } else {
        Err(TokenError::new(
            ErrorCode::InvalidSignature,
            cat(&[
                "the signature matches none of the ",
                &int(secrets.len() as i64),
                " secrets",
            ]),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_len_is_the_length_of_the_token_signed() {
        let secret = Secret::from_text("0123456789abcdef0123456789abcdef").unwrap();
        for n in 0..40 {
            let payload = "x".repeat(n);
            assert_eq!(
                sign_payload(secret.mac(), payload.as_bytes()).len(),
                signed_len(n),
                "{n}"
            );
        }
    }

    #[test]
    fn short_secrets_are_weak_and_the_reason_never_holds_the_bytes() {
        let err = Secret::from_text("hunter2hunter2").unwrap_err();
        assert_eq!(err.code(), ErrorCode::WeakSecret);
        assert!(err.reason().contains("14 bytes"), "{}", err.reason());
        assert!(!err.reason().contains("hunter2"));
        assert!(!format!("{err:?}").contains("hunter2"));
        assert_eq!(Secret::new(&[]).unwrap_err().code(), ErrorCode::WeakSecret);
    }

    #[test]
    fn thirty_two_bytes_is_enough() {
        assert!(Secret::new(&[7; 31]).is_err());
        assert!(Secret::new(&[7; 32]).is_ok());
    }

    #[test]
    fn debug_prints_nothing_of_the_key() {
        let secret = Secret::from_text("a-very-long-secret-that-nobody-should-see").unwrap();
        assert_eq!(format!("{secret:?}"), "Secret(_)");
    }
}
