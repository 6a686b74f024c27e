//! Spans as users write them, spans for people, and the clock's rules.
use super::*;
use crate::leaf::error::ErrorCode;

fn secs(span: impl Into<Span>) -> Result<i64, TokenError> {
    span.into().to_secs("expiresIn", 1)
}

#[test]
fn units_and_spellings() {
    assert_eq!(secs("90s").unwrap(), 90);
    assert_eq!(secs("120m").unwrap(), 7_200);
    assert_eq!(secs("2h").unwrap(), 7_200);
    assert_eq!(secs("1d").unwrap(), 86_400);
    assert_eq!(secs("1w").unwrap(), 604_800);
    assert_eq!(secs("2 hours").unwrap(), 7_200);
    assert_eq!(secs("1 Hour").unwrap(), 3_600);
    assert_eq!(secs("1.5h").unwrap(), 5_400);
    assert_eq!(secs(" 10 minutes ").unwrap(), 600);
    assert_eq!(secs(3_600).unwrap(), 3_600);
    assert_eq!(secs("365d").unwrap(), MAX_SPAN_SECS);
}

#[test]
fn unitless_strings_are_refused_with_a_hint() {
    let err = secs("120").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidOptions);
    assert_eq!(err.field(), Some("expiresIn"));
    assert!(err.reason().contains("has no unit"), "{}", err.reason());
    assert!(err.reason().contains("'120s'"), "{}", err.reason());
}

#[test]
fn out_of_range_and_nonsense_are_refused() {
    for bad in [
        Span::from(0),
        Span::from(-5),
        Span::from("0s"),
        Span::from("-1h"),
        Span::from("366d"),
        Span::from("53w"),
        Span::from("2 fortnights"),
        Span::from("h"),
        Span::from(""),
        Span::from("1e400s"),
        Span::Seconds(1.5),
        Span::Seconds(f64::NAN),
        Span::Seconds(f64::INFINITY),
        Span::Seconds(1e300),
        Span::from(MAX_SPAN_SECS + 1),
        Span::from("0.5s"),
    ] {
        let err = bad.to_secs("expiresIn", 1).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidOptions, "{bad:?}");
        assert_eq!(err.field(), Some("expiresIn"));
    }
}

#[test]
fn zero_is_allowed_where_the_floor_is_zero() {
    assert_eq!(Span::from(0).to_secs("notBefore", 0).unwrap(), 0);
    assert_eq!(Span::from("0s").to_secs("clockTolerance", 0).unwrap(), 0);
    assert!(Span::from(-1).to_secs("notBefore", 0).is_err());
}

#[test]
fn long_input_is_truncated_in_messages() {
    let long = "x".repeat(10_000);
    let err = secs(long.as_str()).unwrap_err();
    assert!(err.reason().len() < 300);
}

#[test]
fn spans_in_messages_are_escaped() {
    let err = secs("2h\r\nX-Injected: yes").unwrap_err();
    assert!(
        !err.reason().contains('\n') && !err.reason().contains('\r'),
        "{}",
        err.reason()
    );
    assert!(err.reason().contains("\\r\\n"), "{}", err.reason());
    let err = secs("5\u{2028}").unwrap_err();
    assert!(!err.reason().contains('\u{2028}'), "{}", err.reason());
    let err = secs("\u{202e}120").unwrap_err();
    assert!(!err.reason().contains('\u{202e}'), "{}", err.reason());
}

#[test]
fn human_spans() {
    assert_eq!(human_span(0.0), "0 s");
    assert_eq!(human_span(45.0), "45 s");
    assert_eq!(human_span(6_720.0), "1 h 52 min");
    assert_eq!(human_span(3_605.0), "1 h");
    assert_eq!(human_span(2.0 * 86_400.0 + 3.0 * 3_600.0), "2 d 3 h");
}

#[test]
fn clocks_in_milliseconds_are_caught() {
    assert_eq!(check_now(1_700_000_000.9).unwrap(), 1_700_000_000);
    let e = check_now(1_700_000_000_000.0).unwrap_err();
    assert!(e.reason().contains("milliseconds"));
    assert!(check_now(f64::NAN).is_err());
    assert!(check_now(f64::INFINITY).is_err());
    assert!(check_now(-1.0).is_err());
}
