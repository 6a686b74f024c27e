//! Layer 2, the VideoSDK model: its words (vocab) and join error codes (join_errors), its rules about claims (rules), time and
//! spans, sign options and the checked claims they become, custom claims, and the review of a
//! payload (what VideoSDK would refuse).

pub mod custom_claims;
pub mod join_errors;
pub mod review;
pub mod rules;
pub mod sign_options;
pub mod time;
// Some words are there only for the JS side (tests/vocabulary.rs writes vocabulary.js from them,
// with the test hooks on): a build without the hooks leaves them unused.
#[cfg_attr(not(feature = "test-hooks"), allow(dead_code))]
pub mod vocab;
