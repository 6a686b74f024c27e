//! The VideoSDK claims model, and one review of a payload that serves both paths: verify refuses
//! a token on the first finding that `refuses`, decode lists every finding as a warning.

use crate::duration::truncate;
use crate::json::{Object, Value};
use crate::text::{num, quoted};

/// What a token lets its bearer do in a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Joins the meeting directly.
    AllowJoin,
    /// Must ask a participant holding `allow_join` to be let in.
    AskJoin,
    /// May toggle other participants' webcam and mic.
    AllowMod,
}

/// Where a v2 token may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Server-side v2 API only; cannot join a meeting.
    Crawler,
    /// Meetings only; no server-side API.
    Rtc,
}

impl Permission {
    /// Every permission, in the order the docs list them.
    pub const ALL: [Permission; 3] = [Self::AllowJoin, Self::AskJoin, Self::AllowMod];

    /// The claim's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::AllowJoin => "allow_join",
            Self::AskJoin => "ask_join",
            Self::AllowMod => "allow_mod",
        }
    }

    /// Reads the claim's spelling; anything else is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// What the permission allows, in words (for the debugger page and messages).
    pub const fn meaning(self) -> &'static str {
        match self {
            Self::AllowJoin => "joins the meeting directly",
            Self::AskJoin => "must ask a participant holding allow_join to be let in",
            Self::AllowMod => "may toggle other participants' webcam and mic",
        }
    }
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 2] = [Self::Crawler, Self::Rtc];

    /// The claim's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Crawler => "crawler",
            Self::Rtc => "rtc",
        }
    }

    /// Reads the claim's spelling; anything else is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

pub(crate) const PERMISSION_LIST: &str = "'allow_join', 'ask_join' or 'allow_mod'";
pub(crate) const ROLE_LIST: &str = "'crawler' or 'rtc'";

/// Claims that need `version: 2`.
pub(crate) const V2_CLAIMS: [&str; 3] = ["roomId", "participantId", "roles"];

/// A time claim at or beyond this many seconds is almost surely milliseconds (year 5138).
pub(crate) const MILLIS_THRESHOLD: f64 = 1.0e11;

/// One thing a VideoSDK server would object to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Finding {
    pub text: String,
    /// Verify refuses the token (`CLAIMS_INVALID`); decode only warns.
    pub refuses: bool,
}

fn refuse(text: impl Into<String>) -> Finding {
    Finding {
        text: text.into(),
        refuses: true,
    }
}

fn warn(text: impl Into<String>) -> Finding {
    Finding {
        text: text.into(),
        refuses: false,
    }
}

/// Reviews a payload against what VideoSDK expects, at time `now` (seconds).
pub(crate) fn review(payload: &Object<'_>, now: i64) -> Vec<Finding> {
    let mut found = Vec::new();
    review_times(payload, now, &mut found);
    match payload.get("apikey") {
        None => found.push(refuse(
            "apikey is missing: VideoSDK needs the API key from the dashboard in \"apikey\"",
        )),
        Some(Value::String(s)) if !s.is_empty() => {}
        Some(other) => found.push(refuse(format!(
            "apikey must be a non-empty string; got {}",
            describe(other)
        ))),
    }
    review_list(
        payload,
        "permissions",
        PERMISSION_LIST,
        |s| Permission::parse(s).is_some(),
        true,
        &mut found,
    );
    review_list(
        payload,
        "roles",
        ROLE_LIST,
        |s| Role::parse(s).is_some(),
        false,
        &mut found,
    );
    if let Some(Value::Array(items)) = payload.get("permissions") {
        let has = |p: Permission| items.iter().any(|v| v.as_str() == Some(p.as_str()));
        if has(Permission::AllowJoin) && has(Permission::AskJoin) {
            found.push(warn(
                "permissions has both allow_join and ask_join: allow_join already joins \
                 directly, so ask_join is contradictory",
            ));
        }
    }
    for name in ["roomId", "participantId"] {
        match payload.get(name) {
            None | Some(Value::String(_)) => {}
            Some(other) => found.push(refuse(format!(
                "{name} must be a string; got {}",
                describe(other)
            ))),
        }
    }
    review_version(payload, &mut found);
    found
}

fn review_version(payload: &Object<'_>, found: &mut Vec<Finding>) {
    let v2: Vec<&str> = V2_CLAIMS
        .into_iter()
        .filter(|c| payload.contains_key(c))
        .collect();
    match payload.get("version") {
        Some(Value::Number(n, _)) if *n == 2.0 => {}
        Some(Value::String(s)) => found.push(refuse(format!(
            "version is the string {}; it must be the number 2",
            quoted(&truncate(s))
        ))),
        Some(other) => found.push(refuse(format!(
            "version must be 2 (the v2 API); got {}",
            describe(other)
        ))),
        None if !v2.is_empty() => found.push(refuse(format!(
            "{} given without version: VideoSDK only honours {} with \"version\": 2",
            v2.join(", "),
            if v2.len() == 1 { "it" } else { "them" }
        ))),
        None => {}
    }
}

fn review_list(
    payload: &Object<'_>,
    name: &str,
    allowed: &str,
    known: impl Fn(&str) -> bool,
    required: bool,
    found: &mut Vec<Finding>,
) {
    match payload.get(name) {
        None if required => found.push(refuse(format!(
            "{name} is missing: VideoSDK needs a list such as [\"allow_join\"]"
        ))),
        None => {}
        Some(Value::Array(items)) if items.is_empty() => found.push(refuse(format!(
            "{name} is empty: list at least one of {allowed}"
        ))),
        Some(Value::Array(items)) => {
            for item in items {
                match item.as_str() {
                    Some(s) if known(s) => {}
                    Some(s) => found.push(refuse(format!(
                        "{name} has the unknown entry {}; expected {allowed}",
                        quoted(&truncate(s))
                    ))),
                    None => found.push(refuse(format!(
                        "{name} has {}; every entry must be a string: {allowed}",
                        describe(item)
                    ))),
                }
            }
        }
        Some(other) => found.push(refuse(format!(
            "{name} must be an array of {allowed}; got {}",
            describe(other)
        ))),
    }
}

fn review_times(payload: &Object<'_>, now: i64, found: &mut Vec<Finding>) {
    for name in ["exp", "iat", "nbf"] {
        let Some(value) = payload.get(name) else {
            if name == "exp" {
                found.push(refuse(
                    "exp is missing: VideoSDK refuses tokens without an expiry",
                ));
            }
            continue;
        };
        let Some(t) = value.as_f64() else {
            found.push(refuse(format!(
                "{name} must be a number of seconds since 1970; got {}",
                describe(value)
            )));
            continue;
        };
        if t < 0.0 {
            found.push(refuse(format!("{name} is negative ({})", num(t))));
        } else if t >= MILLIS_THRESHOLD {
            found.push(refuse(format!(
                "{name} is {}, which looks like milliseconds: JWT times are seconds since 1970 \
                 (divide Date.now() by 1000)",
                num(t)
            )));
        }
    }
    let now = now as f64;
    if let Some(exp) = numeric(payload, "exp").filter(|&e| (0.0..MILLIS_THRESHOLD).contains(&e)) {
        if exp <= now {
            found.push(warn(format!("expired {} ago", human_span(now - exp))));
        }
    }
    if let Some(iat) = numeric(payload, "iat").filter(|&t| (0.0..MILLIS_THRESHOLD).contains(&t)) {
        if iat > now {
            found.push(warn(format!(
                "iat is {} in the future: the signer's clock may be wrong",
                human_span(iat - now)
            )));
        }
    }
}

/// A claim's value when it is a JSON number.
pub(crate) fn numeric(payload: &Object<'_>, name: &str) -> Option<f64> {
    payload.get(name).and_then(Value::as_f64)
}

/// "1 h 52 min", "3 min", "45 s", "2 d 3 h": the two largest units, for people.
pub fn human_span(secs: f64) -> String {
    let total = secs.abs().round() as u64;
    let units = [(86_400, "d"), (3_600, "h"), (60, "min"), (1, "s")];
    let mut parts = Vec::new();
    let mut rest = total;
    for (size, name) in units {
        if rest >= size && parts.len() < 2 {
            parts.push(format!("{} {name}", rest / size));
            rest %= size;
        } else if !parts.is_empty() {
            // Stop after the first gap so that "1 h 0 min 5 s" reads "1 h".
            break;
        }
    }
    if parts.is_empty() {
        "0 s".to_owned()
    } else {
        parts.join(" ")
    }
}

fn describe(value: &Value<'_>) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n, _) => num(*n),
        Value::String(s) => format!("the string {}", quoted(&truncate(s))),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const NOW: i64 = 1_700_000_000;

    fn texts(v: Value) -> Vec<(String, bool)> {
        let text = v.to_string();
        let payload = crate::json::scan_object(&text).unwrap();
        review(&payload, NOW)
            .into_iter()
            .map(|f| (f.text, f.refuses))
            .collect()
    }

    fn clean() -> Value {
        json!({"apikey": "k", "permissions": ["allow_join"], "iat": NOW, "exp": NOW + 60})
    }

    #[test]
    fn a_clean_token_has_no_findings() {
        assert!(texts(clean()).is_empty());
        let mut v2 = clean();
        v2["version"] = json!(2);
        v2["roomId"] = json!("r");
        v2["participantId"] = json!("p");
        v2["roles"] = json!(["crawler", "rtc"]);
        assert!(texts(v2).is_empty());
    }

    #[test]
    fn missing_mandatory_claims_refuse() {
        let found = texts(json!({"exp": NOW + 60}));
        assert!(found
            .iter()
            .any(|(t, r)| *r && t.starts_with("apikey is missing")));
        assert!(found
            .iter()
            .any(|(t, r)| *r && t.starts_with("permissions is missing")));
        let found = texts(json!({"apikey": "k", "permissions": ["allow_join"]}));
        assert_eq!(
            found,
            vec![(
                "exp is missing: VideoSDK refuses tokens without an expiry".into(),
                true
            )]
        );
    }

    #[test]
    fn unknown_permissions_and_roles_are_named() {
        let mut v = clean();
        v["permissions"] = json!(["allow_join", "allow_everything"]);
        v["version"] = json!(2);
        v["roles"] = json!(["admin"]);
        let found = texts(v);
        assert!(found
            .iter()
            .any(|(t, _)| t.contains("\"allow_everything\"")));
        assert!(found.iter().any(|(t, _)| t.contains("\"admin\"")));
        let mut v = clean();
        v["permissions"] = json!("allow_join");
        assert!(texts(v)[0].0.starts_with("permissions must be an array"));
    }

    #[test]
    fn v2_claims_need_version_2_and_say_so() {
        let mut v = clean();
        v["roomId"] = json!("r");
        v["roles"] = json!(["rtc"]);
        let found = texts(v.clone());
        assert_eq!(found.len(), 1);
        assert!(found[0].0.contains("roomId, roles given without version"));
        v["version"] = json!("2");
        assert!(texts(v.clone())[0].0.contains("the string \"2\""));
        v["version"] = json!(1);
        assert!(texts(v)[0].0.contains("version must be 2"));
    }

    #[test]
    fn times_must_be_plausible_seconds() {
        for (name, bad, expect) in [
            ("exp", json!("1700000060"), "must be a number"),
            ("iat", json!(-1), "negative"),
            (
                "exp",
                json!(1_700_000_060_000i64),
                "looks like milliseconds",
            ),
            ("nbf", json!(true), "must be a number"),
        ] {
            let mut v = clean();
            v[name] = bad;
            let found = texts(v);
            assert!(
                found.iter().any(|(t, r)| *r && t.contains(expect)),
                "{name}: {found:?}"
            );
        }
    }

    #[test]
    fn time_and_contradiction_warnings_do_not_refuse() {
        let mut v = clean();
        v["exp"] = json!(NOW - 180);
        v["iat"] = json!(NOW + 3600);
        v["permissions"] = json!(["allow_join", "ask_join"]);
        let found = texts(v);
        assert!(found.iter().all(|(_, r)| !r), "{found:?}");
        assert!(found.iter().any(|(t, _)| t == "expired 3 min ago"));
        assert!(found.iter().any(|(t, _)| t.contains("1 h in the future")));
        assert!(found.iter().any(|(t, _)| t.contains("contradictory")));
    }

    #[test]
    fn human_spans() {
        assert_eq!(human_span(0.0), "0 s");
        assert_eq!(human_span(45.0), "45 s");
        assert_eq!(human_span(6_720.0), "1 h 52 min");
        assert_eq!(human_span(3_605.0), "1 h");
        assert_eq!(human_span(2.0 * 86_400.0 + 3.0 * 3_600.0), "2 d 3 h");
    }
}
