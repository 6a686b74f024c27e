//! JSON in and out. Parsing is strict where serde_json is lenient: a repeated member name
//! anywhere is refused (RFC 7515 §5.2 lets a parser refuse them, and two `exp` members would let
//! two parsers disagree about when a token expires). Writing is by hand, in a fixed member order.

use std::fmt::{self, Write as _};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Parses `bytes` as a JSON object, refusing duplicate member names at any depth, invalid UTF-8,
/// lone surrogates and nesting deeper than serde_json's limit of 128. The error says what is wrong.
pub fn parse_object(bytes: &[u8]) -> Result<Map<String, Value>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("is not valid UTF-8 (at byte {})", e.valid_up_to()))?;
    match serde_json::from_str::<Strict>(text) {
        Ok(Strict(Value::Object(map))) => Ok(map),
        Ok(Strict(other)) => Err(format!("is {}, not a JSON object", kind(&other))),
        Err(e) => Err(format!("is not valid JSON: {}", describe(&e))),
    }
}

fn describe(e: &serde_json::Error) -> String {
    // serde_json's messages name the line and column already; duplicates come through as custom.
    e.to_string()
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A `Value` whose objects refuse repeated member names.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // serde_json never yields a non-finite float from text, so `Null` is unreachable here.
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if map.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "the member name {:?} appears twice",
                    crate::duration::truncate(&key)
                )));
            }
            let Strict(value) = access.next_value()?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

/// Appends `s` as a JSON string literal (quotes included), escaping what RFC 8259 requires.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            // Writing into a String cannot fail.
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_refused_at_any_depth() {
        let err = parse_object(br#"{"exp":1,"exp":2}"#).unwrap_err();
        assert!(err.contains("\"exp\" appears twice"), "{err}");
        assert!(parse_object(br#"{"a":{"b":1,"b":1}}"#).is_err());
        assert!(parse_object(br#"{"a":[{"b":1,"b":1}]}"#).is_err());
        assert!(parse_object(br#"{"a":1,"b":1}"#).is_ok());
    }

    #[test]
    fn only_objects_in_utf8() {
        assert!(parse_object(b"[1]").unwrap_err().contains("array"));
        assert!(parse_object(b"\"x\"").unwrap_err().contains("string"));
        assert!(parse_object(b"{\"a\":\"\xff\"}")
            .unwrap_err()
            .contains("UTF-8"));
        assert!(
            parse_object(br#"{"a":"\ud800"}"#).is_err(),
            "lone surrogate"
        );
        assert!(parse_object(b"{} x").is_err(), "trailing data");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_object(deep.as_bytes()).is_err());
    }

    #[test]
    fn written_strings_parse_back_to_themselves() {
        for s in [
            "plain",
            "quote\" back\\slash",
            "ctrl\u{0}\u{1f}\n\t",
            "é✓😀",
            "",
        ] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), s);
        }
    }
}
