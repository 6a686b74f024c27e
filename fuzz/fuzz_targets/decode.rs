#![no_main]
//! decode_token on arbitrary bytes: never panics, and what it accepts is well-formed.

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::decode_input(data));

#[path = "checks.rs"]
mod checks;
