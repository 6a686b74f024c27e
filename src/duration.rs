//! Spans of time as users write them: `90`, `'90s'`, `'120m'`, `'2h'`, `'1d'`, `'1w'`, `'2 hours'`.

use crate::error::TokenError;
use crate::text::{num, parse_decimal};

/// The longest span accepted anywhere: a token that lives longer than a year is a liability.
pub const MAX_SPAN_SECS: i64 = 365 * 24 * 60 * 60;

/// A span as given by the caller: a number of seconds, or a string with a unit.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    /// A number of seconds (a JS number).
    Seconds(f64),
    /// A number with a unit, such as `'120m'` or `'2 hours'`.
    Text(String),
}

impl From<i64> for Span {
    fn from(secs: i64) -> Self {
        Span::Seconds(secs as f64)
    }
}

impl From<&str> for Span {
    fn from(text: &str) -> Self {
        Span::Text(text.to_owned())
    }
}

const UNITS: &[(&[&str], i64)] = &[
    (&["s", "sec", "secs", "second", "seconds"], 1),
    (&["m", "min", "mins", "minute", "minutes"], 60),
    (&["h", "hr", "hrs", "hour", "hours"], 3_600),
    (&["d", "day", "days"], 86_400),
    (&["w", "week", "weeks"], 604_800),
];

const FORMAT_HINT: &str = "a whole number of seconds (e.g. 7200) or a number with a unit \
                           (e.g. '90s', '120m', '2h', '1d', '1w', '2 hours')";

impl Span {
    /// Whole seconds, checked to lie in `min..=MAX_SPAN_SECS`. `field` names the option in errors.
    pub fn to_secs(&self, field: &'static str, min: i64) -> Result<i64, TokenError> {
        let secs = match self {
            Span::Seconds(n) => {
                if !n.is_finite() || n.fract() != 0.0 {
                    return Err(TokenError::invalid_option(
                        field,
                        format!("{field} must be {FORMAT_HINT}; got {}", num(*n)),
                    ));
                }
                // Anything beyond the bounds is refused below; clamping keeps the cast exact.
                n.clamp(-1.0e15, 1.0e15) as i64
            }
            Span::Text(text) => parse_text(text, field)?,
        };
        if secs < min {
            let floor = if min == 0 {
                "must not be negative"
            } else {
                "must be at least 1 second"
            };
            return Err(TokenError::invalid_option(
                field,
                format!("{field} {floor}; got {}", self.describe()),
            ));
        }
        if secs > MAX_SPAN_SECS {
            return Err(TokenError::invalid_option(
                field,
                format!(
                    "{field} must be at most 365 days ('365d'); got {}. \
                     Short-lived tokens are safer: mint a new one when needed",
                    self.describe()
                ),
            ));
        }
        Ok(secs)
    }

    fn describe(&self) -> String {
        match self {
            Span::Seconds(n) => format!("{} seconds", num(*n)),
            Span::Text(t) => format!("'{}'", truncate(t)),
        }
    }
}

fn parse_text(text: &str, field: &'static str) -> Result<i64, TokenError> {
    let bad = || {
        TokenError::invalid_option(
            field,
            format!("{field} must be {FORMAT_HINT}; got '{}'", truncate(text)),
        )
    };
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .ok_or_else(|| {
            TokenError::invalid_option(
                field,
                format!(
                    "{field} '{}' has no unit: a string needs one (e.g. '{}s'); \
                     pass a number for seconds",
                    truncate(text),
                    truncate(trimmed)
                ),
            )
        })?;
    let (number, unit) = trimmed.split_at(split);
    let unit = unit.trim_start().to_ascii_lowercase();
    let value = parse_decimal(number).ok_or_else(bad)?;
    let scale = UNITS
        .iter()
        .find(|(names, _)| names.contains(&unit.as_str()))
        .map(|&(_, scale)| scale)
        .ok_or_else(bad)?;
    let secs = value * scale as f64;
    if !secs.is_finite() {
        return Err(bad());
    }
    // Sub-second remainders are dropped, as jsonwebtoken does (Math.floor of milliseconds / 1000).
    Ok(secs.clamp(-1.0e15, 1.0e15).floor() as i64)
}

/// User input echoed in messages is cut short so that a megabyte of garbage stays out of logs.
pub(crate) fn truncate(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

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
}
