//! Mint, verify and decode [VideoSDK](https://docs.videosdk.live) access tokens: JWTs signed
//! HS256 with the account's secret, carrying `apikey`, `permissions` and, for the v2 API,
//! `version`, `roomId`, `participantId` and `roles`.
//!
//! The core is plain Rust (no wasm types) and is what the npm package `videosdk-token` runs,
//! compiled to WebAssembly. Time is always a parameter (`now`, in seconds): the core never reads
//! a clock. It is built in layers, every import pointing down (`make layers` checks it):
//!
//! 1. `leaf`: message text, decimal parsing, base64url, JSON, the error type, the host seam.
//! 2. `model`: VideoSDK's words and join-time rules, time and spans, sign options and checked
//!    claims, custom claims, the review.
//! 3. `jws`: the fixed HS256 header, strict parsing into an untrusted token, the MAC.
//! 4. `ops`: [`sign_token`] / [`Signer`], [`verify_token`], [`decode_token`].
//! 5. `wasm` (wasm32 only): the JS binding.
//!
//! Data flows one way: sign = options → checked claims → payload → signing input → MAC →
//! token; verify = token → parts (strict) → alg → MAC over the bytes received → payload →
//! claims → time → claim match. Every failure is a [`TokenError`] with a stable [`ErrorCode`].

mod jws;
mod leaf;
mod model;
mod ops;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

#[doc(hidden)]
pub use jws::mac::hmac_sha256;
pub use jws::mac::{Secret, MIN_SECRET_LEN};
pub use jws::untrusted::MAX_TOKEN_LEN;
pub use leaf::error::{ErrorCode, TokenError, VERIFY_MESSAGE};
pub use model::sign_options::{ClaimsOptions, JwtId, DEFAULT_EXPIRES_IN_SECS, MAX_OPTION_LEN};
pub use model::time::{check_now, human_span, Span, MAX_SPAN_SECS};
pub use model::vocab::{Permission, Role};
pub use ops::decode::{decode_token, Decoded};
pub use ops::sign::{sign_token, Signer};
#[doc(hidden)]
pub use ops::verify::verify_jws;
pub use ops::verify::{verify_token, Verified, VerifyOptions};

/// VideoSDK's words and the limits, for the JS side: tests/vocabulary.rs writes
/// pkg-template/shared/vocabulary.js from them, so that JS never retypes one.
#[doc(hidden)]
pub mod words {
    pub use crate::jws::mac::MIN_SECRET_LEN;
    pub use crate::jws::untrusted::MAX_TOKEN_LEN;
    pub use crate::leaf::error::{ErrorCode, VERIFY_MESSAGE};
    pub use crate::leaf::text::{ECHO_MAX, ESCAPED};
    pub use crate::model::custom_claims::MAX_CLAIMS_DEPTH;
    pub use crate::model::sign_options::{DEFAULT_EXPIRES_IN_SECS, MAX_OPTION_LEN};
    pub use crate::model::time::{
        HUMAN_UNITS, MAX_SPAN_SECS, MILLIS_THRESHOLD, SPAN_HINT, SPAN_UNITS,
    };
    pub use crate::model::vocab::*;
}
