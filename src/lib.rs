//! Mint, verify and decode [VideoSDK](https://docs.videosdk.live) access tokens: JWTs signed
//! HS256 with the account's secret, carrying `apikey`, `permissions` and, for the v2 API,
//! `version`, `roomId`, `participantId` and `roles`.
//!
//! The core is plain Rust (no wasm types) and is what the npm package `videosdk-token` runs,
//! compiled to WebAssembly; `wasm` is the thin binding to JS. Time is always a parameter
//! (`now`, in seconds) so that the core never reads a clock.
//!
//! - [`sign_token`] / [`Signer`]: options → claims → `header.payload` → HMAC-SHA-256.
//! - [`verify_token`]: strict parse → alg → MAC over the bytes received → payload → claims →
//!   time → claim match; the first failure is reported.
//! - [`decode_token`]: no signature check; what VideoSDK would object to, as warnings.
//!
//! Every failure is a [`TokenError`] with a stable [`ErrorCode`].

mod base64url;
mod claims;
mod decode;
mod duration;
mod error;
mod json;
mod options;
mod parse;
#[cfg(target_arch = "wasm32")]
mod scrub;
mod secret;
mod sign;
mod text;
mod verify;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use claims::{human_span, Permission, Role};
pub use decode::{decode_token, Decoded};
pub use duration::{Span, MAX_SPAN_SECS};
pub use error::{ErrorCode, TokenError, VERIFY_MESSAGE};
pub use options::{check_now, ClaimsOptions, JwtId, DEFAULT_EXPIRES_IN_SECS, MAX_OPTION_LEN};
pub use parse::MAX_TOKEN_LEN;
#[doc(hidden)]
pub use secret::hmac_sha256;
pub use secret::{Secret, MIN_SECRET_LEN};
pub use sign::{sign_token, Signer};
#[doc(hidden)]
pub use verify::verify_jws;
pub use verify::{verify_token, Verified, VerifyOptions};
