//! Time: spans as users write them (`90`, `'90s'`, `'120m'`, `'2h'`, `'1d'`, `'1w'`, `'2 hours'`),
//! spans for people ("1 h 52 min"), the clock's rules, and a token's times against the clock.

use crate::leaf::decimal::parse_decimal;
use crate::leaf::error::{ErrorCode, TokenError};
use crate::leaf::json::Object;
use crate::leaf::text::{cat, num, single_quoted};

/// The longest span accepted anywhere: a token that lives longer than a year is a liability.
pub const MAX_SPAN_SECS: i64 = 365 * 24 * 60 * 60;

/// A time claim (or clock) at or beyond this many seconds is almost surely milliseconds (year 5138).
pub const MILLIS_THRESHOLD: f64 = 1.0e11;

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

/// Every unit a span may have, with its spellings, in seconds.
pub const SPAN_UNITS: [(&[&str], i64); 5] = [
    (&["s", "sec", "secs", "second", "seconds"], 1),
    (&["m", "min", "mins", "minute", "minutes"], 60),
    (&["h", "hr", "hrs", "hour", "hours"], 3_600),
    (&["d", "day", "days"], 86_400),
    (&["w", "week", "weeks"], 604_800),
];

/// The units of [`human_span`], largest first.
pub const HUMAN_UNITS: [(u64, &str); 4] = [(86_400, "d"), (3_600, "h"), (60, "min"), (1, "s")];

/// What a span must look like, for messages.
pub const SPAN_HINT: &str = "a whole number of seconds (e.g. 7200) or a number with a unit \
                             (e.g. '90s', '120m', '2h', '1d', '1w', '2 hours')";

/// Why a span was refused; [`Span::refusal`] puts it in words.
enum Fault {
    /// Not a span at all (not integral, no number, an unknown unit, not finite).
    NotSpan,
    /// Text of digits only.
    NoUnit,
    TooShort,
    TooLong,
}

impl Span {
    /// Whole seconds, checked to lie in `min..=MAX_SPAN_SECS`. `field` names the option in errors.
    pub fn to_secs(&self, field: &str, min: i64) -> Result<i64, TokenError> {
        self.secs(min)
            .map_err(|fault| self.refusal(field, min, fault))
    }

    fn secs(&self, min: i64) -> Result<i64, Fault> {
        let secs = match self {
            Span::Seconds(n) => {
                if !n.is_finite() || n.fract() != 0.0 {
                    return Err(Fault::NotSpan);
                }
                // Anything beyond the bounds is refused below; clamping keeps the cast exact.
                n.clamp(-1.0e15, 1.0e15) as i64
            }
            Span::Text(text) => parse_text(text)?,
        };
        if secs < min {
            return Err(Fault::TooShort);
        }
        if secs > MAX_SPAN_SECS {
            return Err(Fault::TooLong);
        }
        Ok(secs)
    }

    /// Every refusal's words in one cold place: built inline at each check, they were most of
    /// this function's code.
    #[cold]
    #[inline(never)]
    fn refusal(&self, field: &str, min: i64, fault: Fault) -> TokenError {
        let reason = match (fault, self) {
            (Fault::NotSpan, Span::Seconds(n)) => {
                cat(&[field, " must be ", SPAN_HINT, "; got ", &num(*n)])
            }
            (Fault::NotSpan, Span::Text(text)) => cat(&[
                field,
                " must be ",
                SPAN_HINT,
                "; got ",
                &single_quoted(text),
            ]),
            (Fault::NoUnit, _) => {
                let text = match self {
                    Span::Text(text) => text.as_str(),
                    Span::Seconds(_) => "",
                };
                // The hint repeats the caller's text inside quotes: escaped and cut like the rest.
                let hint = single_quoted(&cat(&[text.trim(), "s"]));
                cat(&[
                    field,
                    " ",
                    &single_quoted(text),
                    " has no unit: a string needs one (e.g. ",
                    &hint,
                    "); pass a number for seconds",
                ])
            }
            (Fault::TooShort, _) => {
                let floor = if min == 0 {
                    " must not be negative; got "
                } else {
                    " must be at least 1 second; got "
                };
                cat(&[field, floor, &self.describe()])
            }
            (Fault::TooLong, _) => cat(&[
                field,
                " must be at most 365 days ('365d'); got ",
                &self.describe(),
                ". Short-lived tokens are safer: mint a new one when needed",
            ]),
        };
        TokenError::invalid_option(field.to_owned(), reason)
    }

    fn describe(&self) -> String {
        match self {
            Span::Seconds(n) => cat(&[&num(*n), " seconds"]),
            Span::Text(t) => single_quoted(t),
        }
    }
}

fn parse_text(text: &str) -> Result<i64, Fault> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .ok_or(Fault::NoUnit)?;
    let (number, unit) = trimmed.split_at_checked(split).ok_or(Fault::NotSpan)?;
    let unit = unit.trim_start().to_ascii_lowercase();
    let value = parse_decimal(number).ok_or(Fault::NotSpan)?;
    let scale = SPAN_UNITS
        .iter()
        .find(|(names, _)| names.contains(&unit.as_str()))
        .map(|&(_, scale)| scale)
        .ok_or(Fault::NotSpan)?;
    let secs = value * scale as f64;
    if !secs.is_finite() {
        return Err(Fault::NotSpan);
    }
    // Sub-second remainders are dropped, as jsonwebtoken does (Math.floor of milliseconds / 1000).
    Ok(secs.clamp(-1.0e15, 1.0e15).floor() as i64)
}

/// The least a span may be: a lifetime (`expiresIn`, and the endpoint's `maxExpiresIn`) at least
/// 1 second, a delay or a tolerance (`notBefore`, `clockTolerance`) at least 0.
pub fn span_floor(field: &str) -> i64 {
    match field {
        "expiresIn" | "maxExpiresIn" => 1,
        _ => 0,
    }
}

/// "1 h 52 min", "3 min", "45 s", "2 d 3 h": the two largest units, for people.
pub fn human_span(secs: f64) -> String {
    let mut rest = secs.abs().round() as u64;
    let mut out = String::new();
    let mut parts = 0;
    for (size, name) in HUMAN_UNITS {
        if rest >= size && parts < 2 {
            if parts > 0 {
                out.push(' ');
            }
            crate::leaf::text::push_u64(&mut out, rest / size);
            out.push(' ');
            out.push_str(name);
            rest %= size;
            parts += 1;
        } else if parts > 0 {
            // Stop after the first gap so that "1 h 0 min 5 s" reads "1 h".
            break;
        }
    }
    if parts == 0 {
        "0 s".to_owned()
    } else {
        out
    }
}

/// Checks a clock given in seconds (or a JS Date's seconds) and returns whole seconds.
pub fn check_now(secs: f64) -> Result<i64, TokenError> {
    if !secs.is_finite() || secs < 0.0 {
        return Err(TokenError::invalid_option(
            "now",
            cat(&[
                "now must be seconds since 1970 (a non-negative number) or a Date; got ",
                &num(secs),
            ]),
        ));
    }
    if secs >= MILLIS_THRESHOLD {
        return Err(TokenError::invalid_option(
            "now",
            cat(&[
                "now is ",
                &num(secs),
                ", which looks like milliseconds: pass seconds \
                 (Math.floor(Date.now() / 1000)) or a Date",
            ]),
        ));
    }
    Ok(secs.floor() as i64)
}

/// A time claim's value when it is a JSON number.
pub fn numeric(payload: &Object<'_>, name: &str) -> Option<f64> {
    payload.get(name).and_then(|v| v.as_f64())
}

/// A time claim's value when it is a plausible time: a number of seconds in `0..1e11`.
pub fn plausible(payload: &Object<'_>, name: &str) -> Option<f64> {
    numeric(payload, name).filter(|t| (0.0..MILLIS_THRESHOLD).contains(t))
}

/// `exp` and `nbf` against the clock, `tolerance` seconds either way. The review has made sure
/// that both, when present, are numbers.
pub fn check_times(payload: &Object<'_>, now: i64, tolerance: i64) -> Result<(), TokenError> {
    let now = now as f64;
    let tolerance = tolerance as f64;
    if let Some(exp) = numeric(payload, "exp") {
        if exp <= now - tolerance {
            let reason = off_clock(
                "the token expired ",
                now - exp,
                " ago (exp ",
                exp,
                now,
                tolerance,
            );
            return Err(TokenError::new(ErrorCode::Expired, reason).with_expired_at(exp));
        }
    }
    if let Some(nbf) = numeric(payload, "nbf") {
        if nbf > now + tolerance {
            let reason = off_clock(
                "the token is not valid for another ",
                nbf - now,
                " (nbf ",
                nbf,
                now,
                tolerance,
            );
            return Err(TokenError::new(ErrorCode::NotYetValid, reason));
        }
    }
    Ok(())
}

/// Why a time claim is off the clock: `lead`, the span for people, `claim` (" ago (exp "), then
/// "N, now M, tolerance T s)". Cold: a token within its times builds none of it, not even the
/// tolerance's note.
#[cold]
#[inline(never)]
fn off_clock(lead: &str, span: f64, claim: &str, value: f64, now: f64, tolerance: f64) -> String {
    let note = if tolerance > 0.0 {
        cat(&[", tolerance ", &num(tolerance), " s"])
    } else {
        String::new()
    };
    cat(&[
        lead,
        &human_span(span),
        claim,
        &num(value),
        ", now ",
        &num(now),
        &note,
        ")",
    ])
}

#[cfg(test)]
#[path = "time_tests.rs"]
mod tests;
