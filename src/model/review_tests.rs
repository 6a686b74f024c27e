//! The review of payloads, one rule per test.
use super::*;
use serde_json::{json, Value};

const NOW: i64 = 1_700_000_000;

/// Every finding, with whether it refuses.
fn all(v: Value) -> Vec<(String, bool)> {
    findings(v)
        .into_iter()
        .map(|f| (f.text, f.refuses))
        .collect()
}

fn findings(v: Value) -> Vec<Finding> {
    let text = v.to_string();
    let payload = crate::leaf::json::scan_object(&text).unwrap();
    review(&payload, NOW)
}

/// The start of the warning every token without `roles` gets.
const NO_ROLES: &str = "the token has no roles";

/// The findings but the warning about absent roles, which most payloads here lack on purpose.
fn texts(v: Value) -> Vec<(String, bool)> {
    all(v)
        .into_iter()
        .filter(|(t, _)| !t.starts_with(NO_ROLES))
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
fn time_warnings_do_not_refuse() {
    let mut v = clean();
    v["exp"] = json!(NOW - 180);
    v["iat"] = json!(NOW + 3600);
    let found = texts(v);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|(_, r)| !r), "{found:?}");
    assert!(found.iter().any(|(t, _)| t == "expired 3 min ago"));
    assert!(found.iter().any(|(t, _)| t.contains("1 h in the future")));
}

#[test]
fn ask_join_with_allow_join_or_allow_mod_refuses_naming_4008() {
    for other in ["allow_join", "allow_mod"] {
        let mut v = clean();
        v["permissions"] = json!(["ask_join", other]);
        let found = texts(v);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1, "refuses");
        assert!(found[0].0.contains(&format!("both ask_join and {other}")));
        assert!(found[0].0.contains("error 4008 INVALID_PERMISSIONS"));
    }
    let mut v = clean();
    v["permissions"] = json!(["allow_join", "allow_mod"]);
    assert!(texts(v).is_empty());
}

#[test]
fn white_space_in_a_participant_id_refuses_naming_4004() {
    for id in [
        "has space",
        "tab\t",
        "nbsp\u{a0}",
        "line\u{2028}sep",
        "\u{3000}",
    ] {
        let mut v = clean();
        v["version"] = json!(2);
        v["participantId"] = json!(id);
        let found = texts(v);
        assert_eq!(found.len(), 1, "{id:?}: {found:?}");
        assert!(found[0].1, "refuses");
        assert!(found[0].0.contains("error 4004 INVALID_PARTICIPANT_ID"));
    }
    let mut v = clean();
    v["version"] = json!(2);
    v["participantId"] = json!("no-space\u{200b}");
    assert!(texts(v).is_empty(), "zero width space is not whitespace");
}

#[test]
fn legacy_upper_case_roles_refuse_with_the_explanation() {
    let mut v = clean();
    v["version"] = json!(2);
    v["roles"] = json!(["CRAWLER", "rtc", "RTC"]);
    let found = texts(v);
    assert_eq!(found.len(), 2, "{found:?}");
    for ((text, refuses), name) in found.iter().zip(["CRAWLER", "RTC"]) {
        assert!(refuses);
        assert!(
            text.contains(&format!("\"{name}\", a legacy upper-case name")),
            "{text}"
        );
        assert!(!text.contains("unknown"), "{text}");
    }
}

#[test]
fn empty_room_and_participant_ids_refuse_naming_the_claim() {
    for name in ["roomId", "participantId"] {
        let mut v = clean();
        v["version"] = json!(2);
        v[name] = json!("");
        let found = findings(v);
        let refusing: Vec<&Finding> = found.iter().filter(|f| f.refuses).collect();
        assert_eq!(refusing.len(), 1, "{name}: {found:?}");
        assert_eq!(refusing[0].field, Some(name));
        assert!(
            refusing[0].text.starts_with(&format!("{name} is \"\"")),
            "{}",
            refusing[0].text
        );
    }
    let mut v = clean();
    v["version"] = json!(2);
    v["roomId"] = json!("r");
    v["participantId"] = json!("p");
    assert!(texts(v).is_empty());
}

#[test]
fn roles_without_rtc_warn_naming_4024_and_no_roles_warns_of_the_rest_api() {
    let found = all(clean());
    assert_eq!(found.len(), 1, "{found:?}");
    let (text, refuses) = &found[0];
    assert!(!refuses, "a warning: verify accepts a token without roles");
    assert!(text.starts_with(NO_ROLES), "{text}");
    for says in ["roles", "REST API", "browser"] {
        assert!(text.contains(says), "{says}: {text}");
    }
    let mut v = clean();
    v["version"] = json!(2);
    v["roles"] = json!(["crawler"]);
    let found = all(v.clone());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(!found[0].1, "a warning only");
    assert!(
        found[0].0.contains("error 4024 UNAUTHORIZED_ROLE"),
        "{}",
        found[0].0
    );
    assert!(
        found[0].0.contains("cannot join a meeting"),
        "{}",
        found[0].0
    );
    for roles in [json!(["rtc"]), json!(["crawler", "rtc"])] {
        v["roles"] = roles;
        assert!(all(v.clone()).is_empty(), "{v}");
    }
    // Already refused as empty: no second word about rtc.
    v["roles"] = json!([]);
    assert_eq!(all(v).len(), 1);
}
