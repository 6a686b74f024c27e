//! The one error type. Every failure, from a bad option to a forged token, is a [`TokenError`]
//! with a stable [`ErrorCode`]; the JS binding maps it one-to-one onto the JS `TokenError`.
//! `Display` (for Rust callers) is the only use of `core::fmt`; the wasm build never calls it.

use std::borrow::Cow;
use std::fmt;

/// What every verify failure says, whatever the cause: a caller must not learn from the message
/// which check a forged token failed. `code` and `reason` carry the detail for logs.
pub const VERIFY_MESSAGE: &str = "Token is invalid or expired";

/// Stable error codes. The strings returned by [`ErrorCode::as_str`] are part of the public API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// An option is missing, of the wrong type or out of range; `field` names it.
    InvalidOptions,
    /// The secret is shorter than 32 bytes (RFC 7518 §3.2).
    WeakSecret,
    /// The token is not a well-formed compact JWS/JWT.
    Malformed,
    /// The header names an algorithm other than exactly `HS256`.
    AlgNotAllowed,
    /// The MAC does not match any of the secrets.
    InvalidSignature,
    /// `exp` is at or before now (less the clock tolerance).
    Expired,
    /// `nbf` is after now (plus the clock tolerance).
    NotYetValid,
    /// The signature is good but the claims are not those of a VideoSDK token.
    ClaimsInvalid,
    /// The claims do not match what the caller asked for (`apiKey`, `roomId`, `participantId`).
    ClaimMismatch,
}

impl ErrorCode {
    /// Every code, in the order the docs list them.
    pub const ALL: [ErrorCode; 9] = [
        Self::InvalidOptions,
        Self::WeakSecret,
        Self::Malformed,
        Self::AlgNotAllowed,
        Self::InvalidSignature,
        Self::Expired,
        Self::NotYetValid,
        Self::ClaimsInvalid,
        Self::ClaimMismatch,
    ];

    /// The stable string form, as JS sees it in `err.code`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidOptions => "INVALID_OPTIONS",
            Self::WeakSecret => "WEAK_SECRET",
            Self::Malformed => "MALFORMED",
            Self::AlgNotAllowed => "ALG_NOT_ALLOWED",
            Self::InvalidSignature => "INVALID_SIGNATURE",
            Self::Expired => "EXPIRED",
            Self::NotYetValid => "NOT_YET_VALID",
            Self::ClaimsInvalid => "CLAIMS_INVALID",
            Self::ClaimMismatch => "CLAIM_MISMATCH",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure with a stable code, the option at fault where there is one, and a reason that says
/// what would have been right. No constructor takes key material, so no error can carry a secret.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenError {
    code: ErrorCode,
    field: Option<Cow<'static, str>>,
    reason: Cow<'static, str>,
    generic_message: bool,
    expired_at: Option<f64>,
}

impl TokenError {
    #[cold]
    #[inline(never)]
    pub(crate) fn new(code: ErrorCode, reason: impl Into<Cow<'static, str>>) -> Self {
        Self {
            code,
            field: None,
            reason: reason.into(),
            generic_message: false,
            expired_at: None,
        }
    }

    /// An `INVALID_OPTIONS` error about one option.
    #[cold]
    #[inline(never)]
    pub fn invalid_option(
        field: impl Into<Cow<'static, str>>,
        reason: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::new(ErrorCode::InvalidOptions, reason).with_field(field)
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn malformed(reason: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorCode::Malformed, reason)
    }

    /// A `MALFORMED` error about one part of the token: `field` is `header`, `payload` or
    /// `signature`, so that a program (the debugger page) can point at it.
    #[cold]
    #[inline(never)]
    pub(crate) fn malformed_part(part: &'static str, reason: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorCode::Malformed, reason).with_field(part)
    }

    pub(crate) fn with_field(mut self, field: impl Into<Cow<'static, str>>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub(crate) fn with_expired_at(mut self, exp: f64) -> Self {
        self.expired_at = Some(exp);
        self
    }

    /// Marks an error as a verify failure: its message becomes [`VERIFY_MESSAGE`].
    /// Errors about the caller's own options keep their explanatory message.
    pub(crate) fn in_verify(mut self) -> Self {
        self.generic_message =
            !matches!(self.code, ErrorCode::InvalidOptions | ErrorCode::WeakSecret);
        self
    }

    /// Whether the message is [`VERIFY_MESSAGE`] rather than the reason.
    pub fn generic_message(&self) -> bool {
        self.generic_message
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The option at fault, for `INVALID_OPTIONS` and `CLAIM_MISMATCH`; for `MALFORMED`, the
    /// part of the token at fault (`header`, `payload`, `signature`) when it is one part.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// What exactly was wrong, for logs.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// For `EXPIRED`: the token's `exp`, in seconds since the epoch.
    pub fn expired_at(&self) -> Option<f64> {
        self.expired_at
    }

    /// The human message: [`VERIFY_MESSAGE`] for every verify failure, else the reason.
    pub fn message(&self) -> &str {
        if self.generic_message {
            VERIFY_MESSAGE
        } else {
            &self.reason
        }
    }
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message())
    }
}

impl std::error::Error for TokenError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_failures_share_one_message_but_keep_their_reason() {
        let err = TokenError::new(ErrorCode::InvalidSignature, "the signature does not match")
            .in_verify();
        assert_eq!(err.message(), VERIFY_MESSAGE);
        assert_eq!(err.reason(), "the signature does not match");
        assert_eq!(
            err.to_string(),
            "INVALID_SIGNATURE: Token is invalid or expired"
        );
    }

    #[test]
    fn option_errors_keep_their_explanation_in_verify() {
        let err = TokenError::invalid_option("secret", "secret must be a string").in_verify();
        assert_eq!(err.message(), "secret must be a string");
        assert_eq!(err.field(), Some("secret"));
    }

    #[test]
    fn codes_are_stable_strings() {
        let all = [
            (ErrorCode::InvalidOptions, "INVALID_OPTIONS"),
            (ErrorCode::WeakSecret, "WEAK_SECRET"),
            (ErrorCode::Malformed, "MALFORMED"),
            (ErrorCode::AlgNotAllowed, "ALG_NOT_ALLOWED"),
            (ErrorCode::InvalidSignature, "INVALID_SIGNATURE"),
            (ErrorCode::Expired, "EXPIRED"),
            (ErrorCode::NotYetValid, "NOT_YET_VALID"),
            (ErrorCode::ClaimsInvalid, "CLAIMS_INVALID"),
            (ErrorCode::ClaimMismatch, "CLAIM_MISMATCH"),
        ];
        for (code, s) in all {
            assert_eq!(code.as_str(), s);
        }
    }
}
