//! The host seam: what the JS engine provides to the wasm build, each with a native twin, so
//! that the rest of the core is the same plain Rust on both. With `src/wasm/`, the only place
//! that names `wasm_bindgen`.
//!
//! - [`parse_float`]: correctly rounded decimal-to-float conversion. Rust's own (`dec2flt`, with
//!   its tables) is ~15 KB of gzipped wasm, a third of the module, for the rare literals beyond
//!   the exact fast path in `decimal.rs`; every engine has one already.

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::JsValue;

    #[wasm_bindgen]
    extern "C" {
        // `catch`: a program may have replaced the global; whatever it throws is caught in the
        // glue and never unwinds through wasm frames.
        #[wasm_bindgen(catch, js_name = parseFloat)]
        pub fn parse_float(text: &str) -> Result<f64, JsValue>;
    }
}

/// JS `parseFloat(text)` for a whole decimal literal that `decimal::parse_decimal` has checked
/// (so it reads all of it, as `Number()` would): the nearest `f64`, or NaN if the host fails.
#[cfg(target_arch = "wasm32")]
pub fn parse_float(text: &str) -> f64 {
    js::parse_float(text).unwrap_or(f64::NAN)
}

/// The native twin: `str::parse`, which is correctly rounded too.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_float(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// Fills `buf` from the platform's CSPRNG.
#[cfg(not(target_arch = "wasm32"))]
pub fn fill_random(buf: &mut [u8]) -> bool {
    getrandom::fill(buf).is_ok()
}

/// The wasm build has no CSPRNG of its own: api.js draws random bytes (`crypto.getRandomValues`)
/// before it calls in, and passes them (`JwtId::RandomBytes`).
#[cfg(target_arch = "wasm32")]
pub fn fill_random(_buf: &mut [u8]) -> bool {
    false
}
