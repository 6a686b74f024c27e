//! The bench build's floor export.

use wasm_bindgen::prelude::*;

/// Bench builds only (`--features bench`, never the package): the floor that sign and verify
/// cannot go below, a bare HMAC-SHA-256 over `input`, run `n` times inside wasm. With `keyed`,
/// the key schedule is done once and the keyed state cloned per MAC, as `TokenSigner` does;
/// without, each MAC starts from the raw key, as `signToken` and `verifyToken` must.
/// Returns a byte of the last tag so that the work cannot be optimised away.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = benchHmacFloor)]
pub fn bench_hmac_floor(secret: &[u8], input: &str, n: u32, keyed: bool) -> u8 {
    use crate::jws::mac::HmacSha256;
    use hmac::{KeyInit, Mac};
    use std::hint::black_box;
    let Ok(base) = <HmacSha256 as KeyInit>::new_from_slice(secret) else {
        return 0;
    };
    let mut last = 0;
    for _ in 0..n {
        let mut mac = if keyed {
            base.clone()
        } else {
            match <HmacSha256 as KeyInit>::new_from_slice(black_box(secret)) {
                Ok(mac) => mac,
                Err(_) => return 0,
            }
        };
        mac.update(black_box(input).as_bytes());
        last = mac.finalize().into_bytes()[0];
    }
    last
}
