//! Unpadded base64url (RFC 7515 §2), strict: only `A–Z a–z 0–9 - _`, no padding, no whitespace,
//! and canonical — the unused low bits of the last character must be zero, so that every byte
//! string has exactly one encoding and a token cannot be altered without changing its bytes.

use crate::leaf::text::{cat, int, quoted_char};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const INVALID: u8 = 0xff;

const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Why a part is not canonical base64url.
#[derive(Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet, with its byte offset and the character itself.
    BadChar(usize, char),
    /// A length of 4n+1 characters cannot encode whole bytes.
    BadLength,
    /// The last character has non-zero unused bits (another encoder's output would differ).
    NonCanonical,
}

impl Base64Error {
    /// Explains the problem in words, for `MALFORMED` reasons. Positions count from 1, as people do.
    #[cold]
    #[inline(never)]
    pub fn describe(&self) -> String {
        match *self {
            Self::BadChar(at, c) => describe_char(at + 1, c),
            Self::BadLength => {
                "has a length of 4n+1 characters, which no byte string encodes to".to_owned()
            }
            Self::NonCanonical => "is not canonical base64url: its last character has \
                                   non-zero unused bits"
                .to_owned(),
        }
    }
}

#[cold]
#[inline(never)]
fn describe_char(at: usize, c: char) -> String {
    let at = int(at as i64);
    match c {
        '=' => cat(&[
            "has '=' padding at character ",
            &at,
            "; JWTs use unpadded base64url (RFC 7515 §2)",
        ]),
        '+' | '/' => cat(&[
            "has ",
            &quoted_char(c),
            " at character ",
            &at,
            ": that is standard base64; base64url uses '-' and '_'",
        ]),
        c if c.is_whitespace() => cat(&["has whitespace at character ", &at, "; remove it"]),
        c => cat(&[
            "has ",
            &quoted_char(c),
            " at character ",
            &at,
            "; only letters, digits, '-' and '_' are allowed",
        ]),
    }
}

/// Checks the alphabet, length and canonical form without decoding, to say which is wrong:
/// [`decode`] runs it only once its own pass has found a problem.
pub fn check(input: &[u8]) -> Result<(), Base64Error> {
    if let Some(at) = input.iter().position(|&b| DECODE[b as usize] == INVALID) {
        return Err(Base64Error::BadChar(at, char_at(input, at)));
    }
    // The last character's unused low bits: 4 of them after 2 characters, 2 after 3.
    let unused = match input.len() % 4 {
        1 => return Err(Base64Error::BadLength),
        2 => 0x0f,
        3 => 0x03,
        _ => 0,
    };
    if input
        .last()
        .is_some_and(|&last| DECODE[last as usize] & unused != 0)
    {
        return Err(Base64Error::NonCanonical);
    }
    Ok(())
}

/// Decodes strictly (see the module docs). One pass looks each character up and writes the
/// bytes, noting any character outside the alphabet; only when it finds a problem does
/// [`check`] run, to say which (the same error `check` gives on its own).
pub fn decode(input: &[u8]) -> Result<Vec<u8>, Base64Error> {
    match decode_checked(input) {
        Some(out) => Ok(out),
        None => Err(check(input).err().unwrap_or(Base64Error::NonCanonical)),
    }
}

/// The bytes, or `None` for a character outside the alphabet, a length of 4n+1 or non-zero
/// unused bits: the cases [`check`] refuses.
fn decode_checked(input: &[u8]) -> Option<Vec<u8>> {
    let tail = input.len() % 4;
    if tail == 1 {
        return None;
    }
    let mut out = vec![0u8; input.len() / 4 * 3 + tail.saturating_sub(1)];
    // Every table entry outside the alphabet is 0xff: OR-ed together, the sextets have one of
    // the top two bits set if any character was outside it (non-zero unused bits set the top).
    let mut seen = 0u8;
    let mut chunks = input.chunks_exact(4);
    let mut slots = out.chunks_exact_mut(3);
    for (chunk, slot) in (&mut chunks).zip(&mut slots) {
        let [a, b, c, d] = [0, 1, 2, 3].map(|i| DECODE[chunk[i] as usize]);
        seen |= a | b | c | d;
        let n = (u32::from(a) << 18) | (u32::from(b) << 12) | (u32::from(c) << 6) | u32::from(d);
        slot.copy_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    let last = slots.into_remainder();
    match (chunks.remainder(), last) {
        ([], []) => {}
        ([a, b], [x]) => {
            let (a, b) = (DECODE[*a as usize], DECODE[*b as usize]);
            seen |= a | b | (u8::from(b & 0x0f != 0) << 7);
            *x = (a << 2) | (b >> 4);
        }
        ([a, b, c], [x, y]) => {
            let (a, b, c) = (
                DECODE[*a as usize],
                DECODE[*b as usize],
                DECODE[*c as usize],
            );
            seen |= a | b | c | (u8::from(c & 0x03 != 0) << 7);
            *x = (a << 2) | (b >> 4);
            *y = (b << 4) | (c >> 2);
        }
        _ => return None,
    }
    (seen & 0xc0 == 0).then_some(out)
}

/// Appends the unpadded base64url encoding of `input` to `out`.
pub fn encode_into(input: &[u8], out: &mut Vec<u8>) {
    // The unpadded length exactly: a token's buffer is sized to the character (`signed_len`),
    // and asking for the padded length made the signature's 43 characters grow it to twice its
    // size, then shrink it again (a copy) when it was handed to JS.
    out.reserve((input.len() * 4).div_ceil(3));
    let rest = encode_wide(input, out);
    encode_groups(rest, out);
}

/// Encodes 12 bytes at a time into 16 characters with wasm SIMD while 16 bytes can be read, and
/// returns the rest: a quarter of the steps of [`encode_groups`], whose work was the largest part
/// of a sign after SHA-256. The method is Muła and Lemire's ("Faster Base64 Encoding and
/// Decoding Using AVX2 Instructions", 2018): spread each group's bytes over a 32-bit lane, cut
/// out the four sextets, add to each the offset of its alphabet range. The build enables SIMD128
/// already (.cargo/config.toml, for sha2); [`encode_groups`] is the same encoding, for native
/// builds and the tail. Safe intrinsics only: the bytes go in by value and out as two u64 lanes.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn encode_wide<'a>(mut input: &'a [u8], out: &mut Vec<u8>) -> &'a [u8] {
    use core::arch::wasm32::{
        i8x16, i8x16_add, i8x16_swizzle, u32x4_shl, u32x4_shr, u32x4_splat, u64x2_extract_lane,
        u8x16, u8x16_lt, u8x16_splat, u8x16_sub_sat, v128, v128_and, v128_or,
    };
    // Group k's bytes a b c become lane k's bytes [b, a, c, b]: its halves are ab and bc.
    let spread = u8x16(1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10);
    // The offset from a sextet to its character, by range index: 0 for 26..=51 ('a'..), 1..=12
    // for 52..=63 ('0'..'9', '-', '_'), 13 for 0..=25 ('A'..).
    let offsets = i8x16(
        71, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, -17, 32, 65, 0, 0,
    );
    let bits = |v: v128, mask: u32| v128_and(v, u32x4_splat(mask));
    // Characters gather in a stack block appended 64 at a time, as in [`encode_groups`].
    let mut buf = [0u8; 64];
    let mut len = 0;
    while let Some((chunk, _)) = input.split_first_chunk::<16>() {
        let [b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15] = *chunk;
        let bytes = u8x16(
            b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15,
        );
        let v = i8x16_swizzle(bytes, spread);
        // Each sextet moved to its byte of the lane: a>>2, (a&3)<<4|b>>4, (b&15)<<2|c>>6, c&63.
        let sextets = v128_or(
            v128_or(bits(u32x4_shr(v, 10), 0x3f), bits(u32x4_shl(v, 4), 0x3f00)),
            v128_or(
                bits(u32x4_shr(v, 6), 0x3f_0000),
                bits(u32x4_shl(v, 8), 0x3f00_0000),
            ),
        );
        let range = v128_or(
            u8x16_sub_sat(sextets, u8x16_splat(51)),
            v128_and(u8x16_lt(sextets, u8x16_splat(26)), u8x16_splat(13)),
        );
        let chars = i8x16_add(sextets, i8x16_swizzle(offsets, range));
        if let Some(slot) = buf.get_mut(len..len + 16) {
            let (low, high) = slot.split_at_mut(8);
            low.copy_from_slice(&u64x2_extract_lane::<0>(chars).to_le_bytes());
            high.copy_from_slice(&u64x2_extract_lane::<1>(chars).to_le_bytes());
        }
        len += 16;
        if len == buf.len() {
            out.extend_from_slice(&buf);
            len = 0;
        }
        input = input.get(12..).unwrap_or_default();
    }
    out.extend_from_slice(buf.get(..len).unwrap_or_default());
    input
}

/// Without SIMD, every group goes through [`encode_groups`].
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn encode_wide<'a>(input: &'a [u8], _out: &mut Vec<u8>) -> &'a [u8] {
    input
}

/// Appends the encoding of `input` a group of three bytes at a time.
fn encode_groups(input: &[u8], out: &mut Vec<u8>) {
    // Encoded a block at a time into a stack buffer, appended to the bytes: pushing char by char
    // costs a capacity check per character. (Writing each group straight into the output,
    // sized once, measured no faster and took 0.6 KiB more wasm.)
    const BLOCK: usize = 48; // bytes in, 64 characters out
    let mut buf = [0u8; BLOCK / 3 * 4];
    for block in input.chunks(BLOCK) {
        let mut len = 0;
        let mut groups = block.chunks_exact(3);
        for c in &mut groups {
            let n = (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]);
            put(&mut buf, len, sextets(n));
            len += 4;
        }
        match *groups.remainder() {
            [a] => {
                put(&mut buf, len, sextets(u32::from(a) << 16));
                len += 2;
            }
            [a, b] => {
                put(
                    &mut buf,
                    len,
                    sextets((u32::from(a) << 16) | (u32::from(b) << 8)),
                );
                len += 3;
            }
            _ => {}
        }
        out.extend_from_slice(buf.get(..len).unwrap_or_default());
    }
}

/// Writes four characters at `at`: one range check (always in bounds: a block is at most 16
/// groups) where indexing would check each byte and link the bounds-check panic.
#[inline(always)]
fn put(buf: &mut [u8; 64], at: usize, chars: [u8; 4]) {
    if let Some(slot) = buf.get_mut(at..at + 4) {
        slot.copy_from_slice(&chars);
    }
}

/// The four characters of a 24-bit group.
#[inline(always)]
fn sextets(n: u32) -> [u8; 4] {
    [
        ALPHABET[(n >> 18) as usize & 63],
        ALPHABET[(n >> 12) as usize & 63],
        ALPHABET[(n >> 6) as usize & 63],
        ALPHABET[n as usize & 63],
    ]
}

/// The unpadded base64url encoding of `input`.
pub fn encode(input: &[u8]) -> String {
    let mut out = Vec::new();
    encode_into(input, &mut out);
    // Only alphabet bytes were written: ASCII, so the check always passes.
    String::from_utf8(out).unwrap_or_default()
}

fn char_at(input: &[u8], at: usize) -> char {
    // The input came from a &str, so decoding from `at` yields the character that starts there;
    // a byte in the middle of a character is reported as the replacement character.
    input
        .get(at..)
        .and_then(|rest| std::str::from_utf8(rest).ok())
        .and_then(|s| s.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
#[path = "base64url_tests.rs"]
mod tests;
