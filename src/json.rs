//! JSON in and out. Parsing is strict where serde_json is lenient: a repeated member name
//! anywhere is refused (RFC 7515 §5.2 lets a parser refuse them, and two `exp` members would let
//! two parsers disagree about when a token expires). Writing is by hand, in a fixed member order.
//!
//! One parser, [`scan_object`]: small and hand-written (no serde, borrowed strings, a few
//! allocations). The Rust API's serde_json maps are built from what it scanned ([`parse_map`]);
//! the tests hold a serde_json-based strict parser as an oracle that must agree with it.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::Map;

/// The deepest nesting accepted, as serde_json's recursion limit.
const MAX_DEPTH: usize = 128;

/// A JSON value as the token paths see it: strings borrowed from the input unless escaped.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    /// The value and its literal, so the Rust API's serde_json numbers read exactly as serde does.
    Number(f64, &'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Object<'a>),
}

impl Value<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n, _) => Some(*n),
            _ => None,
        }
    }
}

/// A JSON object's members in order; names are unique (the scanner refuses repeats).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Object<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Object<'a> {
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The same members as an owned serde_json map, for the Rust API.
    pub fn to_map(&self) -> Map<String, serde_json::Value> {
        self.0
            .iter()
            .map(|(k, v)| (k.clone().into_owned(), v.to_serde()))
            .collect()
    }
}

impl Value<'_> {
    fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            // The literal passed the scanner's (stricter) grammar, so serde_json reads it too.
            Value::Number(n, literal) => serde_json::from_str(literal)
                .ok()
                .or_else(|| serde_json::Number::from_f64(*n))
                .map_or(J::Null, J::Number),
            Value::String(s) => J::String(s.clone().into_owned()),
            Value::Array(items) => J::Array(items.iter().map(Value::to_serde).collect()),
            Value::Object(o) => J::Object(o.to_map()),
        }
    }
}

/// Parses `text` as a JSON object, strictly: duplicate member
/// names at any depth, lone surrogates, numbers out of the f64 range and nesting
/// deeper than 128 are refused. The error says what is wrong and where.
pub(crate) fn scan_object(text: &str) -> Result<Object<'_>, String> {
    let bytes = text.as_bytes();
    let mut scanner = Scanner {
        text,
        bytes,
        at: 0,
        depth: 0,
    };
    scanner.skip_ws();
    let value = scanner.value()?;
    scanner.skip_ws();
    if scanner.at != bytes.len() {
        return Err(scanner.error("trailing characters"));
    }
    match value {
        Value::Object(object) => Ok(object),
        other => Err(format!("is {}, not a JSON object", scanned_kind(&other))),
    }
}

fn scanned_kind(value: &Value<'_>) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(..) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl<'a> Scanner<'a> {
    fn error(&self, what: &str) -> String {
        format!("is not valid JSON: {what} at byte {}", self.at)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self) -> Result<Value<'a>, String> {
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("unexpected end")),
        }
    }

    fn nested(
        &mut self,
        parse: fn(&mut Self) -> Result<Value<'a>, String>,
    ) -> Result<Value<'a>, String> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nesting deeper than 128"));
        }
        self.depth += 1;
        self.at += 1; // the opening bracket
        let value = parse(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Value<'a>, String> {
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn object(&mut self) -> Result<Value<'a>, String> {
        let mut members: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Object(members)));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name"));
            }
            let name = self.string()?;
            if members.iter().any(|(k, _)| *k == name) {
                return Err(format!(
                    "is not valid JSON: the member name {} appears twice",
                    crate::text::quoted(&crate::duration::truncate(&name))
                ));
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':'"));
            }
            self.at += 1;
            self.skip_ws();
            let value = self.value()?;
            members.push((name, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(Object(members)));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    /// A string literal, at its opening quote. Borrowed unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, String> {
        self.at += 1;
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("unterminated string"));
            };
            match b {
                b'"' => {
                    let tail = &self.text[run..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    let c = self.escape()?;
                    owned.get_or_insert_with(String::new).push(c);
                    run = self.at;
                }
                0x00..=0x1f => return Err(self.error("control character in a string")),
                _ => self.at += 1,
            }
        }
    }

    /// The character an escape stands for, after its backslash.
    fn escape(&mut self) -> Result<char, String> {
        let Some(b) = self.peek() else {
            return Err(self.error("unterminated escape"));
        };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                match first {
                    0xd800..=0xdbff => {
                        if !self.bytes[self.at..].starts_with(b"\\u") {
                            return Err(self.error("lone leading surrogate in an escape"));
                        }
                        self.at += 2;
                        let second = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&second) {
                            return Err(self.error("lone leading surrogate in an escape"));
                        }
                        let code = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                        char::from_u32(code).ok_or_else(|| self.error("invalid escape"))?
                    }
                    0xdc00..=0xdfff => {
                        return Err(self.error("lone trailing surrogate in an escape"))
                    }
                    _ => char::from_u32(first).ok_or_else(|| self.error("invalid escape"))?,
                }
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("invalid \\u escape")),
            };
            n = n * 16 + u32::from(digit);
            self.at += 1;
        }
        Ok(n)
    }

    /// A number (RFC 8259 grammar), as the nearest f64; out of range is an error, as in serde_json.
    fn number(&mut self) -> Result<Value<'a>, String> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        let literal = &self.text[start..self.at];
        match crate::text::parse_decimal(literal) {
            Some(n) if n.is_finite() => Ok(Value::Number(n, literal)),
            _ => Err(self.error("number out of range")),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }
}

/// [`scan_object`] into an owned serde_json map: what the Rust API's `Verified` and `Decoded`
/// carry. Only texts the token paths have already accepted reach it.
pub fn parse_map(text: &str) -> Result<Map<String, serde_json::Value>, String> {
    scan_object(text).map(|object| object.to_map())
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
    use strict::Strict;

    /// The oracle: serde_json with a visitor that refuses duplicate member names at any depth.
    /// Its messages do not matter; only whether it accepts.
    fn parse_object(text: &str) -> Result<Map<String, serde_json::Value>, String> {
        match serde_json::from_str::<Strict>(text) {
            Ok(Strict(serde_json::Value::Object(map))) => Ok(map),
            Ok(_) => Err("not an object".to_owned()),
            Err(e) => Err(e.to_string()),
        }
    }

    mod strict {
        use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
        use serde_json::{Map, Value};
        use std::fmt;

        /// A `Value` whose objects refuse repeated member names.
        pub(super) struct Strict(pub(super) Value);

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
    }

    /// Both parsers must accept and refuse the same texts.
    fn agree(text: &str) -> bool {
        let scanned = scan_object(text);
        let parsed = parse_object(text);
        assert_eq!(
            scanned.is_ok(),
            parsed.is_ok(),
            "{text:?}: {scanned:?} vs {parsed:?}"
        );
        scanned.is_ok()
    }

    #[test]
    fn the_scanner_agrees_with_serde_json() {
        for good in [
            "{}",
            " {\"a\" : [ 1 , -2.5e3, 0, -0, 1E+2, 0.5 ] }\n",
            r#"{"s":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00","t":true,"f":false,"n":null}"#,
            r#"{"a":{"b":{"c":[[],{}]}},"b":{"b":1}}"#,
            r#"{"\u0061":1,"b":1}"#,
            "{\"é✓😀\":\"é✓😀\"}",
            r#"{"big":123456789012345678901234567890,"small":1e-400}"#,
        ] {
            assert!(agree(good), "{good}");
        }
        for bad in [
            "",
            "{",
            "{]",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{\"a\":[1,]}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":-}",
            "{\"a\":1e}",
            "{\"a\":+1}",
            "{\"a\":1e400}",
            "{\"a\":tru}",
            "{\"a\":nul}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":\"\\ud800\"}",
            "{\"a\":\"\\udc00\"}",
            "{\"a\":\"\\ud800\\u0041\"}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"x",
            "{'a':1}",
            "{a:1}",
            "{\"a\":1}}",
            "{\"a\":1} x",
            "{\"a\":1,\"\\u0061\":2}",
            "\u{feff}{}",
        ] {
            assert!(!agree(bad), "{bad}");
        }
    }

    #[test]
    fn the_scanner_reads_values() {
        let o = scan_object(r#"{"s":"a\"b","n":1700000000.5,"l":["x",2],"e":"plain"}"#).unwrap();
        assert_eq!(o.get("s").and_then(Value::as_str), Some("a\"b"));
        assert_eq!(o.get("n").and_then(Value::as_f64), Some(1_700_000_000.5));
        assert!(matches!(
            o.get("e"),
            Some(Value::String(Cow::Borrowed("plain")))
        ));
        assert!(matches!(o.get("l"), Some(Value::Array(items)) if items.len() == 2));
        assert_eq!(o.len(), 4);
        assert!(scan_object(r#"{"a":{"b":1,"b":1}}"#)
            .unwrap_err()
            .contains("\"b\" appears twice"));
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(scan_object(&deep).unwrap_err().contains("nesting"));
        let ok_depth = format!("{{\"a\":{}{}}}", "[".repeat(126), "]".repeat(126));
        assert!(agree(&ok_depth));
        let too_deep = format!("{{\"a\":{}{}}}", "[".repeat(128), "]".repeat(128));
        assert!(!agree(&too_deep));
    }

    #[test]
    fn duplicates_are_refused_at_any_depth() {
        let err = parse_map(r#"{"exp":1,"exp":2}"#).unwrap_err();
        assert!(err.contains("\"exp\" appears twice"), "{err}");
        assert!(parse_map(r#"{"a":{"b":1,"b":1}}"#).is_err());
        assert!(parse_map(r#"{"a":[{"b":1,"b":1}]}"#).is_err());
        assert!(parse_map(r#"{"a":1,"b":1}"#).is_ok());
    }

    #[test]
    fn maps_for_the_rust_api_equal_serde_jsons() {
        for text in [
            r#"{"apikey":"k","permissions":["allow_join"],"version":2,"iat":1700000000,"exp":1700007200}"#,
            r#"{"f":1700000000.5,"neg":-3,"e":1.5e3,"s":"a\"\u00e9","n":null,"b":[true,{"x":[]}]}"#,
        ] {
            let ours = parse_map(text).unwrap();
            let theirs: Map<String, serde_json::Value> = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn only_objects() {
        // Invalid UTF-8 never gets here: parse.rs refuses it (tests/hostile.rs).
        assert!(parse_map("[1]").unwrap_err().contains("array"));
        assert!(parse_map("\"x\"").unwrap_err().contains("string"));
        assert!(parse_map(r#"{"a":"\ud800"}"#).is_err(), "lone surrogate");
        assert!(parse_map("{} x").is_err(), "trailing data");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_map(&deep).is_err());
        assert!(parse_object(&deep).is_err(), "the oracle too");
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
