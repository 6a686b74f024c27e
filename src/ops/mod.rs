//! Layer 4, operations: sign, verify and decode, each a short composition of the layers below.

pub mod decode;
pub mod sign;
pub mod verify;
