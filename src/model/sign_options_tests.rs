//! The sign options' checks, one rule per test.
use super::*;
use crate::leaf::error::ErrorCode;

const NOW: i64 = 1_700_000_000;

fn opts() -> ClaimsOptions {
    ClaimsOptions::new(["allow_join"], NOW)
}

fn field_err(o: ClaimsOptions) -> (ErrorCode, Option<String>, String) {
    let e = o.check().unwrap_err();
    (
        e.code(),
        e.field().map(str::to_owned),
        e.reason().to_owned(),
    )
}

#[test]
fn defaults_are_120_minutes_and_no_version() {
    let o = opts();
    let c = o.check().unwrap();
    assert_eq!(c.iat, NOW);
    assert_eq!(c.exp, NOW + 7_200);
    assert!(!c.version2);
    assert_eq!(c.nbf, None);
}

#[test]
fn v2_claims_switch_version_2_on() {
    for set in [
        |o: &mut ClaimsOptions| o.room_id = Some("r".into()),
        |o: &mut ClaimsOptions| o.participant_id = Some("p".into()),
        |o: &mut ClaimsOptions| o.roles = Some(vec!["rtc".into()]),
    ] {
        let mut o = opts();
        set(&mut o);
        assert!(o.check().unwrap().version2);
    }
    let mut o = opts();
    o.version = Some(2.0);
    assert!(o.check().unwrap().version2);
}

#[test]
fn other_versions_are_refused() {
    let mut o = opts();
    o.version = Some(1.0);
    o.room_id = Some("r".into());
    let (code, field, reason) = field_err(o);
    assert_eq!(code, ErrorCode::InvalidOptions);
    assert_eq!(field.as_deref(), Some("version"));
    assert!(reason.contains("roomId need version 2"), "{reason}");
}

#[test]
fn permissions_are_checked_and_deduplicated() {
    let mut o = opts();
    o.permissions = vec!["allow_mod".into(), "allow_join".into(), "allow_mod".into()];
    assert_eq!(
        o.check().unwrap().permissions,
        [Permission::AllowMod, Permission::AllowJoin]
    );
    for bad in [
        vec![],
        vec!["allow_join".to_owned(), "ask_join".to_owned()],
        vec!["ALLOW_JOIN".to_owned()],
    ] {
        let mut o = opts();
        o.permissions = bad;
        let (code, field, _) = field_err(o);
        assert_eq!(code, ErrorCode::InvalidOptions);
        assert_eq!(field.as_deref(), Some("permissions"));
    }
}

#[test]
fn roles_are_checked() {
    let mut o = opts();
    o.roles = Some(vec!["rtc".into(), "rtc".into(), "crawler".into()]);
    assert_eq!(o.check().unwrap().roles, [Role::Rtc, Role::Crawler]);
    for bad in [vec![], vec!["admin".to_owned()]] {
        let mut o = opts();
        o.roles = Some(bad);
        assert_eq!(field_err(o).1.as_deref(), Some("roles"));
    }
}

#[test]
fn strings_must_be_non_empty_and_bounded() {
    let mut o = opts();
    o.room_id = Some(String::new());
    assert_eq!(field_err(o).1.as_deref(), Some("roomId"));
    let mut o = opts();
    o.participant_id = Some("x".repeat(MAX_OPTION_LEN + 1));
    assert_eq!(field_err(o).1.as_deref(), Some("participantId"));
    let mut o = opts();
    o.jwt_id = Some(JwtId::Given(String::new()));
    assert_eq!(field_err(o).1.as_deref(), Some("jwtId"));
}

#[test]
fn not_before_must_precede_expiry() {
    let mut o = opts();
    o.expires_in = Some("1h".into());
    o.not_before = Some("10m".into());
    let c = o.check().unwrap();
    assert_eq!((c.nbf, c.exp), (Some(NOW + 600), NOW + 3_600));
    o.not_before = Some("2h".into());
    assert_eq!(field_err(o).1.as_deref(), Some("notBefore"));
}

#[test]
fn random_ids_are_128_bits_and_differ() {
    let mut o = opts();
    o.jwt_id = Some(JwtId::Random);
    let a = o.check().unwrap().jti.unwrap();
    let b = o.check().unwrap().jti.unwrap();
    assert_eq!(a.len(), 22);
    assert_ne!(a, b);
}

// check_now's own rules are tested beside it (model/time.rs); here, that sign options apply it.
#[test]
fn a_clock_in_milliseconds_is_refused_as_now() {
    let mut o = opts();
    o.now = 1_700_000_000_000;
    assert_eq!(field_err(o).1.as_deref(), Some("now"));
}

#[test]
fn random_ids_from_given_bytes_are_their_base64url() {
    let mut o = opts();
    o.jwt_id = Some(JwtId::RandomBytes([0xfb; 16]));
    assert_eq!(
        o.check().unwrap().jti.as_deref(),
        Some("-_v7-_v7-_v7-_v7-_v7-w")
    );
}

#[test]
fn integers_are_written_as_json_numbers() {
    for n in [0, 7, -7, 1_700_000_000, i64::MAX, i64::MIN] {
        let mut out = Vec::new();
        push_int(&mut out, b"", n);
        assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
    }
}

#[test]
fn ask_join_with_allow_join_or_allow_mod_is_refused_as_videosdk_would() {
    for other in ["allow_join", "allow_mod"] {
        let mut o = opts();
        o.permissions = vec![other.into(), "ask_join".into()];
        let (code, field, reason) = field_err(o);
        assert_eq!(code, ErrorCode::InvalidOptions);
        assert_eq!(field.as_deref(), Some("permissions"));
        assert!(
            reason.contains("error 4008 INVALID_PERMISSIONS"),
            "{reason}"
        );
    }
    let mut o = opts();
    o.permissions = vec!["ask_join".into()];
    assert!(o.check().is_ok());
}

#[test]
fn a_participant_id_with_any_white_space_is_refused() {
    for id in ["a b", "a\u{a0}b", "\u{2003}", "tab\t", "end\u{3000}"] {
        let mut o = opts();
        o.participant_id = Some(id.into());
        let (_, field, reason) = field_err(o);
        assert_eq!(field.as_deref(), Some("participantId"));
        assert!(
            reason.contains("error 4004 INVALID_PARTICIPANT_ID"),
            "{reason}"
        );
    }
    let mut o = opts();
    o.participant_id = Some("user_42-é".into());
    assert!(o.check().is_ok());
}

#[test]
fn legacy_upper_case_roles_get_a_did_you_mean() {
    let mut o = opts();
    o.roles = Some(vec!["rtc".into(), "CRAWLER".into()]);
    let (_, field, reason) = field_err(o);
    assert_eq!(field.as_deref(), Some("roles"));
    assert!(reason.contains("did you mean 'crawler'?"), "{reason}");
}

#[test]
fn custom_claims_are_checked_after_the_other_options() {
    let mut o = opts();
    o.claims_json = Some(r#"{"exp":1}"#.into());
    assert_eq!(field_err(o).1.as_deref(), Some("claims.exp"));
    let mut o = opts();
    o.claims_json = Some(r#"{"name":"Ada"}"#.into());
    o.permissions = vec![];
    assert_eq!(field_err(o).1.as_deref(), Some("permissions"));
    let mut o = opts();
    o.claims_json = Some(r#"{"name":"Ada"}"#.into());
    assert_eq!(o.check().unwrap().custom, r#","name":"Ada""#);
}
