//! The JSON scanner against serde_json as an oracle, and the writer.
use super::*;
use serde_json::Map;
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
                        crate::leaf::text::truncate(&key)
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
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(scan_object(&deep).is_err());
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
