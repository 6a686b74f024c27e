//! Layer 1, the leaves: no VideoSDK knowledge. Message text, decimal parsing, base64url, JSON,
//! the error type every layer returns, and the host seam.

pub mod base64url;
pub mod decimal;
pub mod error;
pub mod host;
pub mod json;
pub mod json_serde;
pub mod json_write;
pub mod text;
