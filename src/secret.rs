//! The HS256 key: long enough by construction, zeroed on drop, silent in `Debug`.

use std::fmt;

use hmac::{Hmac, KeyInit};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::error::{ErrorCode, TokenError};

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
pub const MIN_SECRET_LEN: usize = 32;

/// An HS256 secret. A string secret is used as its UTF-8 bytes, as jsonwebtoken does, so a
/// VideoSDK dashboard secret (64 hex characters) is 64 bytes of key.
pub struct Secret(Zeroizing<Vec<u8>>);

impl Secret {
    /// Takes a copy of the key bytes; refuses keys shorter than [`MIN_SECRET_LEN`] with
    /// `WEAK_SECRET`. The reason gives the length, never the bytes.
    pub fn new(bytes: &[u8]) -> Result<Self, TokenError> {
        if bytes.len() < MIN_SECRET_LEN {
            return Err(TokenError::new(
                ErrorCode::WeakSecret,
                format!(
                    "the secret is {} bytes; HS256 needs at least {MIN_SECRET_LEN} bytes \
                     (RFC 7518 §3.2). Use the secret from the VideoSDK dashboard, \
                     which is 64 characters long",
                    bytes.len()
                ),
            )
            .with_field("secret"));
        }
        Ok(Self(Zeroizing::new(bytes.to_vec())))
    }

    /// Same as [`Secret::new`] over the string's UTF-8 bytes.
    pub fn from_text(secret: &str) -> Result<Self, TokenError> {
        Self::new(secret.as_bytes())
    }

    /// A MAC keyed with this secret, ready for `update`.
    pub(crate) fn mac(&self) -> HmacSha256 {
        // HMAC takes keys of any length (longer ones are hashed first), so this cannot fail.
        <HmacSha256 as KeyInit>::new_from_slice(&self.0).unwrap_or_else(|_| unreachable!())
    }
}

/// HMAC-SHA-256 of `data` under a key of any length, through the same MAC the tokens use.
/// For known-answer tests (RFC 4231, Wycheproof) whose keys are shorter than a token secret.
#[doc(hidden)]
pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    use hmac::Mac;
    // HMAC takes keys of any length, so keying cannot fail.
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(data);
    mac.finalize().into_bytes().into()
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(_)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
