#![no_main]
//! verify_token on arbitrary tokens, and on arbitrary headers and payloads that carry a correct
//! MAC (so the fuzzer also reaches the payload and claims checks): never panics, and accepts
//! only what is signed, HS256, unexpired and a VideoSDK token.

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::verify_input(data));

#[path = "checks.rs"]
mod checks;
