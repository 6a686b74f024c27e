//! Decimal literals to `f64`, exactly as `str::parse` reads them: a hand-written exact fast path
//! for what tokens hold, and the host's correctly rounded conversion for the rest.

/// The nearest f64 to a decimal literal (`[+-]digits[.digits][(e|E)[+-]digits]`, with digits
/// on at least one side of the point), as `str::parse::<f64>` gives it; `None` for anything else.
/// Most inputs take [`parse_fast`]. The rest go to `str::parse` natively and, in the wasm build,
/// to the JS engine's `parseFloat`, which is correctly rounded too: Rust's decimal-to-float
/// conversion with its tables is ~15 KB of gzipped wasm, a third of the module, for inputs (more
/// than 15 significant digits, or powers beyond 10^±22) that no real token carries.
pub fn parse_decimal(text: &str) -> Option<f64> {
    if let Some(value) = parse_fast(text) {
        return Some(value);
    }
    if !is_decimal(text) {
        return None;
    }
    Some(crate::leaf::host::parse_float(text))
}

/// Whether `text` is a decimal literal that both `str::parse::<f64>` and JS `Number()` read
/// whole (no `inf`, `NaN`, hexadecimal or white space, which neither caller passes anyway).
fn is_decimal(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while let Some(b'0'..=b'9') = b.get(*i) {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return false;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Exact powers of ten as f64 (10^22 is the largest that is exact).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The nearest f64 to a decimal number in JSON's grammar (`-?digits[.digits][(e|E)[+-]digits]`,
/// already validated by the caller) when it can be computed exactly with one IEEE operation:
/// at most 2^53 as an integer of significant digits and a power of ten of at most 22
/// (Clinger's fast path). `None` otherwise; the caller then falls back to `str::parse`.
/// Every JWT time, VideoSDK version and duration in practice takes this path.
pub fn parse_fast(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = bytes.first() == Some(&b'-');
    if negative {
        i = 1;
    }
    let mut mantissa: u64 = 0;
    let mut exp10: i64 = 0;
    let mut any = false;
    while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
        mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        any = true;
        i += 1;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
            exp10 -= 1;
            any = true;
            i += 1;
        }
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let exp_negative = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let mut e: i64 = 0;
        let mut digits = false;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + i64::from(b - b'0')).min(100_000);
            digits = true;
            i += 1;
        }
        if !digits {
            return None;
        }
        exp10 += if exp_negative { -e } else { e };
    }
    if !any || i != bytes.len() || mantissa > (1 << 53) {
        return None;
    }
    let m = mantissa as f64; // exact: at most 2^53
    let value = if mantissa == 0 {
        0.0
    } else if (0..=22).contains(&exp10) {
        m * POW10[exp10 as usize]
    } else if (-22..0).contains(&exp10) {
        m / POW10[(-exp10) as usize]
    } else {
        return None;
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so that the comparison covers many inputs
    /// without a dependency.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    fn check(text: &str) {
        let expect: f64 = text.parse().unwrap();
        if let Some(got) = parse_fast(text) {
            assert_eq!(got.to_bits(), expect.to_bits(), "{text}");
        }
    }

    #[test]
    fn decimal_literals_are_what_str_parse_reads() {
        for text in [
            "", "+", "-", ".", "e5", "1e", "1e+", "5.", ".5", "-.5", "+5", "1.5.5", "1-2", "--1",
            "1e5", "1.e5", ".5e-3", "12a", "inf", "NaN", " 1", "1 ", "0x10", "1_000", "+.e1",
        ] {
            assert_eq!(
                parse_decimal(text).map(f64::to_bits),
                text.parse::<f64>()
                    .ok()
                    .filter(|_| is_decimal(text))
                    .map(f64::to_bits),
                "{text:?}"
            );
            if !["inf", "NaN"].contains(&text) {
                assert_eq!(is_decimal(text), text.parse::<f64>().is_ok(), "{text:?}");
            }
        }
    }

    /// In the wasm build the slow path is the JS engine's: it must agree with Rust bit for bit.
    #[cfg(target_arch = "wasm32")]
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn js_fallback_is_exactly_str_parse() {
        let mut state = 0x2545_f491_4f6c_dd1d;
        let mut texts: Vec<String> = [
            "9007199254740993",
            "123456789012345678901234567890",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "5e-324",
            "2.4703282292062327e-324",
            "1e23",
            "8.98846567431158e307",
            "0.1000000000000000055511151231257827",
            "1700000000.00000000001",
            "1699999999.99999999999",
            "+12345678901234567890.5e-3",
            "2.2250738585072011e-308",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for _ in 0..3000 {
            let x = f64::from_bits(next(&mut state));
            if x.is_finite() {
                texts.push(format!("{x:e}"));
                texts.push(format!("{x:.25e}"));
            }
            let digits = next(&mut state) % 10u64.pow(19);
            texts.push(format!(
                "{digits}{}e{}",
                next(&mut state) % 1000,
                next(&mut state) % 40
            ));
        }
        for text in &texts {
            let expect: f64 = text.parse().unwrap();
            let got = parse_decimal(text).unwrap();
            assert_eq!(got.to_bits(), expect.to_bits(), "{text}");
        }
    }

    #[test]
    fn fast_parse_is_exactly_str_parse() {
        for text in [
            "0",
            "-0",
            "1",
            "2",
            "2.0",
            "1700000000",
            "1700000000.5",
            "0.1",
            "0.3",
            "-12.75",
            "1e3",
            "1E+22",
            "1e-22",
            "9007199254740992",
            "9007199254740993",
            "123456789012345678901234567890",
            "1.7976931348623157e308",
            "5e-324",
            "0.000000000000000000000001",
            "00012",
            "1.5e-5",
            "4.35",
        ] {
            check(text);
        }
        assert_eq!(parse_fast("1700000000"), Some(1_700_000_000.0));
        assert_eq!(parse_fast("2"), Some(2.0));
        assert_eq!(
            parse_fast("-0").map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(parse_fast("9007199254740993"), None);
        assert_eq!(parse_fast("1e23"), None);
        let mut state = 0x9e37_79b9_7f4a_7c15;
        let mut taken = 0;
        for _ in 0..200_000 {
            let r = next(&mut state);
            let int = next(&mut state) % 10u64.pow((r % 17) as u32 + 1);
            let frac_len = (r >> 8) % 10;
            let frac = next(&mut state) % 10u64.pow(frac_len as u32 + 1);
            let mut text = String::new();
            if r & (1 << 20) != 0 {
                text.push('-');
            }
            text.push_str(&int.to_string());
            if frac_len > 0 {
                text.push('.');
                text.push_str(&format!("{frac:0width$}", width = frac_len as usize));
            }
            if r & (1 << 21) != 0 {
                let e = ((r >> 24) % 60) as i64 - 30;
                text.push_str(&format!("e{e}"));
            }
            check(&text);
            taken += usize::from(parse_fast(&text).is_some());
            // Random bit patterns, printed by Rust (shortest round trip) and in exponent form.
            let x = f64::from_bits(next(&mut state));
            if x.is_finite() {
                check(&format!("{x}"));
                check(&format!("{x:e}"));
                check(&format!("{}", (x * 1e6).round() / 1e6));
            }
        }
        assert!(taken > 100_000, "the fast path took only {taken}");
    }
}
