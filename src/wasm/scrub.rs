//! Clearing the stack region the key schedule used, after a call from JS returns (wasm only).
//!
//! Zeroizing the key buffer and, with hmac's and sha2's `zeroize` features, the HMAC values
//! when they are dropped is not enough: keying HMAC builds key⊕ipad and key⊕opad in a stack
//! block that is never zeroized, SHA-256 loads that block into its message schedule, and Rust
//! moves (memcpy) the keyed HMAC state between frames, leaving copies behind. On wasm32 those
//! frames live in linear memory (the shadow stack), where they outlive the call and can be read
//! by anything that can read the module's memory (a later bug, a heap dump, a debugger).
//!
//! So each exported function that touches a secret runs its work in a frame of its own
//! ([`scrubbed`]) and then zeroes [`SCRUB_BYTES`] of stack below its own frame, the region the
//! work used. The deepest key-bearing frame of sign and verify is under 2 KiB below the
//! exported function (measured by tests/js/secrets-memory.test.mjs, which scans all of the
//! wasm memory for the key, key⊕ipad, key⊕opad and the inner and outer SHA-256 states).
//!
//! Best effort, documented in SECURITY.md: this clears what Rust put in linear memory; wasm
//! locals and the engine's own registers and native stack are outside it and not reachable
//! from the module's memory, and a JS string secret also lives in the JS heap, which only the
//! garbage collector reclaims.

use core::mem::MaybeUninit;

/// Bytes of stack cleared after each call: 4 KiB, twice the measured depth of the key-bearing
/// frames (1 KiB leaves key material behind, 2 KiB does not: tests/js/secrets-memory.test.mjs
/// fails if a change makes them deeper). 16 KiB cost 4 % of a TokenSigner.sign in `memory.fill`.
pub(crate) const SCRUB_BYTES: usize = 4 * 1024;

/// Runs `work` in a frame of its own, then clears the stack it used. `T` must carry no key
/// material: it is returned through the caller's frame, which is not cleared.
#[inline(always)]
pub(crate) fn scrubbed<T>(work: impl FnOnce() -> T) -> T {
    let out = run_apart(work);
    scrub_stack();
    out
}

/// Keeps `work` out of the caller's frame, so everything it leaves is below that frame.
#[inline(never)]
fn run_apart<T>(work: impl FnOnce() -> T) -> T {
    work()
}

/// Zeroes the [`SCRUB_BYTES`] of stack just below the caller's frame.
#[inline(never)]
fn scrub_stack() {
    let mut area = MaybeUninit::<[u8; SCRUB_BYTES]>::uninit();
    // SAFETY: writing zeros over the whole of a local array; the pointer is valid for it.
    unsafe { core::ptr::write_bytes(area.as_mut_ptr(), 0, 1) };
    // The area escapes to an opaque use, so the writes cannot be removed as dead stores.
    core::hint::black_box(&mut area);
}
