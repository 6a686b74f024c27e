//! Message text, written by hand so that the wasm build links no `core::fmt` (its machinery,
//! float formatting and `{:?}` escaping with its Unicode tables are most of a small module):
//! joining pieces, numbers, and quoting untrusted text so that it cannot forge a log line.
//!
//! The builders are `#[cold]` and never inlined: they run only when a message is made (an error,
//! a warning), and inlined at every call site they were a large part of the module; `cold` also
//! tells the optimiser that the branches reaching them are rare, so it keeps those small.

/// The pieces joined into one string: what `format!` would do, without `core::fmt`.
#[cold]
#[inline(never)]
pub fn cat(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
    out
}

/// The pieces with `sep` between them: what `[..].join(sep)` does, without its panicking
/// length arithmetic.
#[cold]
#[inline(never)]
pub fn join(pieces: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(piece);
    }
    out
}

/// An `f64` for messages: integral values up to 2^53 exactly as `{}` prints them (`2`, `-5`,
/// `1700000000000`), others with up to 15 significant digits (`1.5`, `0.1`, `1700000000.5`),
/// `NaN`, `inf`, `-inf`; magnitudes beyond 10^20 or below 10^-20 in exponent form (`1e300`).
#[cold]
#[inline(never)]
pub fn num(x: f64) -> String {
    let mut out = String::new();
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let a = x.abs();
    if a.is_infinite() {
        out.push_str("inf");
        return out;
    }
    // Up to 2^53 every integer is exact, and the shortest digits are its digits.
    if a.fract() == 0.0 && a <= 9_007_199_254_740_992.0 {
        push_u64(&mut out, a as u64);
        return out;
    }
    // 15 significant digits: d = digits, value ≈ d × 10^exp10.
    let mut m = a;
    let mut exp10 = 0i32;
    if a >= 1.0e15 {
        // Integral (every f64 this large is) and beyond u64: scale down by powers of ten.
        while m >= 1.0e15 {
            m /= 10.0;
            exp10 += 1;
        }
    } else {
        // Bring m into [1e14, 1e15): at most ~340 steps for the smallest subnormal.
        while m < 1.0e14 {
            m *= 10.0;
            exp10 -= 1;
        }
    }
    let mut digits = m.round() as u64;
    if digits >= 1_000_000_000_000_000 {
        digits /= 10;
        exp10 += 1;
    }
    while digits % 10 == 0 && digits != 0 {
        digits /= 10;
        exp10 += 1;
    }
    let mut ds = String::new();
    push_u64(&mut ds, digits);
    let ds = ds.as_bytes();
    let len = ds.len() as i32;
    let push = |out: &mut String, bytes: &[u8]| bytes.iter().for_each(|&b| out.push(char::from(b)));
    if exp10 >= 0 {
        if exp10 + len > 20 {
            push_sci(&mut out, ds, exp10 + len - 1);
        } else {
            push(&mut out, ds);
            (0..exp10).for_each(|_| out.push('0'));
        }
    } else if -exp10 < len {
        // Checked, though 0 < len + exp10 < len here: a panic would link core::fmt's machinery.
        if let Some((int, frac)) = ds.split_at_checked((len + exp10) as usize) {
            push(&mut out, int);
            out.push('.');
            push(&mut out, frac);
        }
    } else if -exp10 - len <= 19 {
        out.push_str("0.");
        (0..(-exp10 - len)).for_each(|_| out.push('0'));
        push(&mut out, ds);
    } else {
        push_sci(&mut out, ds, exp10 + len - 1);
    }
    out
}

fn push_sci(out: &mut String, ds: &[u8], exp: i32) {
    if let Some((&first, rest)) = ds.split_first() {
        out.push(char::from(first));
        if !rest.is_empty() {
            out.push('.');
            rest.iter().for_each(|&b| out.push(char::from(b)));
        }
    }
    out.push('e');
    if exp < 0 {
        out.push('-');
    }
    push_u64(out, u64::from(exp.unsigned_abs()));
}

/// Appends `n` in decimal.
pub fn push_u64(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    digits(n, &mut buf)
        .iter()
        .for_each(|&b| out.push(char::from(b)));
}

/// `n`'s decimal digits, written at the end of `buf` (20 bytes hold every u64).
pub fn digits(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    while i > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.get(i..).unwrap_or_default()
}

/// `n` in decimal, as a string.
#[cold]
#[inline(never)]
pub fn int(n: i64) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    push_u64(&mut out, n.unsigned_abs());
    out
}

/// Untrusted text echoed in messages is cut to this many characters, so that a megabyte of
/// garbage stays out of logs.
pub const ECHO_MAX: usize = 40;

/// `s` cut to [`ECHO_MAX`] characters (then ending in `…`), not yet escaped.
pub fn truncate(s: &str) -> &str {
    match s.char_indices().nth(ECHO_MAX) {
        Some((end, _)) => s.get(..end).unwrap_or(s),
        None => s,
    }
}

/// Untrusted text for a message: cut short, then in `quote`s with every character escaped that
/// could end or forge a log line or reorder what is shown (see [`push_escaped`]).
#[cold]
#[inline(never)]
fn quoted_in(s: &str, quote: char) -> String {
    let short = truncate(s);
    let mut out = String::with_capacity(short.len() + 5);
    out.push(quote);
    for c in short.chars() {
        push_escaped(&mut out, c, quote);
    }
    if short.len() < s.len() {
        out.push('…');
    }
    out.push(quote);
    out
}

/// `s` cut short, in double quotes and escaped (as `{:?}` shows the strings tokens hold).
#[cold]
pub fn quoted(s: &str) -> String {
    quoted_in(s, '"')
}

/// `s` cut short, in single quotes and escaped: for option values and names.
#[cold]
pub fn single_quoted(s: &str) -> String {
    quoted_in(s, '\'')
}

/// `c` in single quotes, escaped as [`push_escaped`] does.
#[cold]
#[inline(never)]
pub fn quoted_char(c: char) -> String {
    let mut out = String::from('\'');
    push_escaped(&mut out, c, '\'');
    out.push('\'');
    out
}

/// The characters that must not appear raw wherever untrusted text is shown (a message, a log
/// line, a terminal), as inclusive ranges: control characters (C0 with CR and LF, DEL, C1 with
/// its 8-bit CSI U+009B), the Unicode line and paragraph separators, the bidirectional marks,
/// embeddings, overrides and isolates, which can make a line read differently from what it
/// holds, and the zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF), which hide in a
/// name that looks like another. The JS side builds its pattern from this table (vocabulary.js).
pub const ESCAPED: &[(char, char)] = &[
    ('\u{0}', '\u{1f}'),
    ('\u{7f}', '\u{9f}'),
    ('\u{61c}', '\u{61c}'),
    ('\u{200b}', '\u{200f}'),
    ('\u{2028}', '\u{202e}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{2069}'),
    ('\u{feff}', '\u{feff}'),
];

/// Whether `c` must not appear raw in a message: one of [`ESCAPED`].
pub fn needs_escape(c: char) -> bool {
    ESCAPED.iter().any(|&(first, last)| first <= c && c <= last)
}

/// Appends `c`, escaped as Rust's `{:?}` shows it when it is a quote, a backslash or a character
/// [`needs_escape`] names (`\n`, `\u{2028}`); other characters as they are.
pub fn push_escaped(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\0' => out.push_str("\\0"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if needs_escape(c) => {
            out.push_str("\\u{");
            let code = u32::from(c);
            let mut started = false;
            for shift in (0..8).rev() {
                let d = (code >> (shift * 4)) & 0xf;
                if d != 0 || started || shift == 0 {
                    started = true;
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
            }
            out.push('}');
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integral_values_print_as_rust_does() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -5.0,
            2.0,
            1_700_000_000.0,
            1.0e11,
            1_700_000_000_000.0,
            9_007_199_254_740_992.0,
            1.0e19,
            -1.0e15,
        ] {
            assert_eq!(num(x), format!("{x}"), "{x}");
        }
        assert_eq!(num(f64::NAN), "NaN");
        assert_eq!(num(f64::INFINITY), "inf");
        assert_eq!(num(f64::NEG_INFINITY), "-inf");
        // Beyond 2^53: 15 significant digits, then zeros.
        assert_eq!(num(18_446_744_073_709_549_568.0), "18446744073709500000");
        assert_eq!(num(1.0e300), "1e300");
        assert_eq!(num(-1.0e300), "-1e300");
    }

    #[test]
    fn short_fractions_print_as_rust_does() {
        for x in [
            0.5,
            1.5,
            -2.5,
            0.1,
            0.3,
            2.000001,
            1_700_000_000.5,
            1_699_999_999.25,
            2.71,
            0.0001,
            1.0e-7,
            123_456.789,
            -0.000123,
            7_200.5,
        ] {
            assert_eq!(num(x), format!("{x}"), "{x}");
        }
        // Beyond 15 significant digits: 15 of them, rounded, and the same magnitude.
        assert_eq!(num(0.1 + 0.2), "0.3");
        assert_eq!(num(1.0 / 3.0), "0.333333333333333");
        assert_eq!(num(5e-324), "4.94065645841247e-324");
        assert_eq!(num(1.0e-20), "0.00000000000000000001");
    }

    #[test]
    fn quoting_matches_debug_for_what_tokens_hold() {
        for s in [
            "",
            "HS256",
            "none",
            "a\"b",
            "back\\slash",
            "line\nbreak\r\t",
            "nul\0",
            "\u{1}\u{1f}\u{7f}",
            "it's",
            "é ü 日本 🎉",
        ] {
            assert_eq!(quoted(s), format!("{s:?}"), "{s:?}");
        }
        for c in ['a', '\'', '"', '\\', '\n', '\u{1}', '*', '€', '\0'] {
            assert_eq!(quoted_char(c), format!("{c:?}"), "{c:?}");
        }
    }

    #[test]
    fn line_breaks_separators_and_bidi_overrides_are_escaped() {
        for (raw, shown) in [
            ("a\rb\nc", "\"a\\rb\\nc\""),
            ("x\u{2028}y\u{2029}", "\"x\\u{2028}y\\u{2029}\""),
            (
                "\u{202e}evil\u{202a}\u{2066}\u{2069}",
                "\"\\u{202e}evil\\u{202a}\\u{2066}\\u{2069}\"",
            ),
            ("\u{85}\u{1b}[31m", "\"\\u{85}\\u{1b}[31m\""),
        ] {
            assert_eq!(quoted(raw), shown, "{raw:?}");
        }
        assert_eq!(single_quoted("2h\r\nX-Forged: 1"), "'2h\\r\\nX-Forged: 1'");
        for c in [
            '\u{2028}', '\u{202e}', '\u{2067}', '\r', '\u{7f}', '\u{9b}', '\u{200b}', '\u{200d}',
            '\u{200f}', '\u{61c}', '\u{2060}', '\u{feff}',
        ] {
            assert!(needs_escape(c), "{c:?}");
        }
        for c in ['a', 'é', '日', '🎉', ' ', '\u{a0}', '\u{2070}', '\u{fffd}'] {
            assert!(!needs_escape(c), "{c:?}");
        }
        // The table is ordered and its ranges apart, so that JS can write it as one class.
        for pair in ESCAPED.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }

    #[test]
    fn long_text_is_cut_before_it_is_escaped() {
        let long = "\n".repeat(100);
        let q = quoted(&long);
        assert_eq!(q, format!("\"{}…\"", "\\n".repeat(ECHO_MAX)));
        assert_eq!(truncate("short"), "short");
        assert_eq!(truncate(&"é".repeat(41)).chars().count(), ECHO_MAX);
        assert_eq!(cat(&["a", "", "bc"]), "abc");
        assert_eq!(join(&["roomId", "roles"], ", "), "roomId, roles");
        assert_eq!(join(&["a"], ", "), "a");
        assert_eq!(join(&[], ", "), "");
        assert_eq!(int(-42), "-42");
        assert_eq!(int(i64::MIN), i64::MIN.to_string());
    }
}
