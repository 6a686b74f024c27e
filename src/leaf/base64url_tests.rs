//! Tests of base64url.rs: round trips, RFC 4648's vectors, strictness, and the wasm SIMD
//! encoder against the group-by-group one.

use super::*;

#[test]
fn round_trips_every_length() {
    let data: Vec<u8> = (0..=255u8).collect();
    for len in 0..data.len() {
        let encoded = encode(&data[..len]);
        assert!(!encoded.contains('='));
        assert_eq!(decode(encoded.as_bytes()).unwrap(), &data[..len]);
    }
}

#[test]
fn matches_rfc_4648_vectors_in_the_url_alphabet() {
    for (raw, enc) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(encode(raw.as_bytes()), enc);
    }
    assert_eq!(encode(&[0xfb, 0xff]), "-_8");
}

#[test]
fn decode_refuses_exactly_what_check_refuses_with_the_same_error() {
    // Every string of up to 3 characters over a sample of bytes in and out of the alphabet,
    // and longer ones with one character changed at each position.
    let sample = b"AZaz09-_+/= .\xff\x00QgDw";
    let mut inputs: Vec<Vec<u8>> = vec![Vec::new()];
    for len in 1..=3 {
        let mut next = Vec::new();
        for prefix in inputs.iter().filter(|p| p.len() == len - 1) {
            for &b in sample {
                let mut s = prefix.clone();
                s.push(b);
                next.push(s);
            }
        }
        inputs.extend(next);
    }
    let base = encode(b"The quick brown fox!");
    for at in 0..base.len() {
        for &b in sample {
            let mut s = base.clone().into_bytes();
            s[at] = b;
            inputs.push(s);
        }
    }
    for input in inputs {
        match (decode(&input), check(&input)) {
            (Ok(bytes), Ok(())) => assert_eq!(encode(&bytes).as_bytes(), &input[..]),
            (Err(d), Err(c)) => assert_eq!(d, c, "{input:?}"),
            (d, c) => panic!("{input:?}: decode {d:?}, check {c:?}"),
        }
    }
}

#[test]
fn refuses_non_canonical_trailing_bits() {
    // "Zg" is canonical for "f"; "Zh" decodes to the same byte with a stray low bit.
    assert_eq!(decode(b"Zh"), Err(Base64Error::NonCanonical));
    assert_eq!(decode(b"Zm9"), Err(Base64Error::NonCanonical));
    assert_eq!(decode(b"Zm8").unwrap(), b"fo");
}

#[test]
fn refuses_padding_standard_alphabet_whitespace_and_bad_lengths() {
    assert_eq!(decode(b"Zg=="), Err(Base64Error::BadChar(2, '=')));
    assert_eq!(decode(b"a+b/"), Err(Base64Error::BadChar(1, '+')));
    assert_eq!(decode(b"Zm9v Yg"), Err(Base64Error::BadChar(4, ' ')));
    assert_eq!(decode(b"Zm9vY"), Err(Base64Error::BadLength));
    assert!(Base64Error::BadChar(1, '+')
        .describe()
        .contains("standard base64"));
    assert!(Base64Error::BadChar(2, '=').describe().contains("padding"));
    // Offsets count from 0, descriptions from 1: "ab+c" has '+' as its third character.
    assert!(Base64Error::BadChar(2, '+')
        .describe()
        .contains("at character 3"));
}

/// The SIMD encoder (wasm builds only; native ones have none) writes what the group encoder
/// writes, for every length up to three blocks and bytes that reach every sextet in every slot.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn simd_encoder_matches_the_group_encoder() {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut data: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
    for _ in 0..512 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        data.push(state.to_le_bytes()[0]);
    }
    for start in 0..3 {
        for len in 0..=(data.len() - start).min(200) {
            let input = &data[start..start + len];
            let mut expected = Vec::new();
            encode_groups(input, &mut expected);
            let mut wide = Vec::new();
            encode_into(input, &mut wide);
            assert_eq!(wide, expected, "start {start}, length {len}");
        }
    }
    // Long inputs: many full blocks of 64 characters, then the tail.
    for len in [764, 765, 766, 767, 768, 1023, 1024] {
        let input = &data[..len];
        let mut expected = Vec::new();
        encode_groups(input, &mut expected);
        assert_eq!(encode(input).as_bytes(), expected, "length {len}");
    }
}
