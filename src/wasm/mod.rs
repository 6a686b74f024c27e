//! Layer 5, the JS binding, and with the host seam (`leaf/host.rs`) the only code that knows
//! about wasm: exports that take primitives and return results or errors for api.js.
//!
//! Nothing here may panic: a wasm panic traps and can leave the module unusable, so every
//! failure is reported as a `TokenError` instead.

#[cfg(feature = "bench")]
mod bench;
mod exports;
mod read;
mod result;
mod scrub;

pub use exports::*;
