//! Layer 3, JWS: the fixed HS256 header, strict parsing into an untrusted token, the MAC.

pub mod header;
pub mod mac;
pub mod untrusted;
