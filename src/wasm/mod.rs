//! Layer 5, the JS binding, and with the host seam (`leaf/host.rs`) the only code that knows
//! about wasm. api.js reads every JS value (options, secrets, the clock) in JS, once, and calls
//! these exports with primitives only, so no caller code (a getter, a Proxy trap, a patched
//! `Date.now`) can ever run while wasm frames are on the stack.
//!
//! - `alloc`: the global allocator (size classes, free lists: small, and fast for short calls).
//! - `exports`: the exports, one per operation.
//! - `args`: primitives in → core types (claims options, secrets, spans).
//! - `result`: the decode summary (JSON texts in parts).
//! - `error`: a `TokenError` as one string, which api.js turns into a JS `TokenError`.
//! - `scrub`: clearing the stack a key touched.
//! - `bench` (bench builds only): the bare HMAC floor.
//!
//! Nothing here may panic: a wasm panic traps and can leave the module unusable, so every
//! failure is reported as a `TokenError` instead.

mod alloc;
mod args;
#[cfg(feature = "bench")]
mod bench;
mod error;
mod exports;
mod result;
mod scrub;

// The exports reach JS through wasm-bindgen whatever their path; tests/wasm.rs calls them here.
#[cfg(feature = "test-hooks")]
pub use exports::*;
