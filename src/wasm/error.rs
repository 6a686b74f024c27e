//! A `TokenError` for JS, as one string: `code`, `field`, whether the message is the generic
//! verify message, `expiredAt` as the bits of an f64 in hex, and the reason, separated by U+001F.
//! api.js (`coreError`) builds the JS `TokenError` from it: JS classes are constructed in JS,
//! and no JS object is built from wasm.

use crate::leaf::error::TokenError;

/// The separator: the reason comes last, so it may hold anything.
const SEP: char = '\u{1f}';

#[cold]
#[inline(never)]
pub fn encode(e: &TokenError) -> String {
    let mut out = String::with_capacity(e.reason().len() + 48);
    out.push_str(e.code().as_str());
    out.push(SEP);
    out.push_str(e.field().unwrap_or_default());
    out.push(SEP);
    out.push(if e.generic_message() { '1' } else { '0' });
    out.push(SEP);
    if let Some(exp) = e.expired_at() {
        // The exact value, whatever its digits: the bits, which JS reads back into a Float64.
        let bits = exp.to_bits();
        for shift in (0..16).rev() {
            let digit = ((bits >> (shift * 4)) & 0xf) as u32;
            out.push(char::from_digit(digit, 16).unwrap_or('0'));
        }
    }
    out.push(SEP);
    out.push_str(e.reason());
    out
}
