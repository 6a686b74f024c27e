//! The Rust API's view of a scanned JSON object: a serde_json map built from what the strict
//! scanner accepted (numbers read from their literals, exactly as serde_json reads them).

use serde_json::Map;

use crate::leaf::json::{scan_object, Object, Value};

impl Object<'_> {
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

/// [`scan_object`] into an owned serde_json map: what the Rust API's `Verified` and `Decoded`
/// carry. Only texts the token paths have already accepted reach it.
pub fn parse_map(text: &str) -> Result<Map<String, serde_json::Value>, String> {
    scan_object(text).map(|object| object.to_map())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // Invalid UTF-8 never gets here: jws/untrusted.rs refuses it (tests/hostile.rs).
        assert!(parse_map("[1]").unwrap_err().contains("array"));
        assert!(parse_map("\"x\"").unwrap_err().contains("string"));
        assert!(parse_map(r#"{"a":"\ud800"}"#).is_err(), "lone surrogate");
        assert!(parse_map("{} x").is_err(), "trailing data");
    }
}
