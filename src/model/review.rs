//! The review of a payload against what VideoSDK expects, one function serving both paths:
//! verify refuses a token on the first finding that `refuses`, decode lists every finding as a
//! warning. VideoSDK's join-time rules (rules.rs) are findings that refuse. Also the match of a verified token's claims against what the caller asked for.

use crate::leaf::error::{ErrorCode, TokenError};
use crate::leaf::json::{Object, Value};
use crate::leaf::text::{cat, int, join, num, quoted};
use crate::model::join_errors::UNAUTHORIZED_ROLE;
use crate::model::rules::{ask_join_conflict, legacy_role, participant_id_space, Breach};
use crate::model::time::{human_span, plausible, MILLIS_THRESHOLD};
use crate::model::vocab::{
    Permission, Role, PERMISSION_LIST, ROLES_EXAMPLE, ROLE_LIST, V2_CLAIMS, VERSION,
};

/// One thing a VideoSDK server would object to.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub text: String,
    /// Verify refuses the token (`CLAIMS_INVALID`); decode only warns.
    pub refuses: bool,
    /// The claim at fault, where a program may want to point at it (verify's `field`).
    pub field: Option<&'static str>,
}

#[cold]
#[inline(never)]
fn refuse(text: impl Into<String>) -> Finding {
    Finding {
        text: text.into(),
        refuses: true,
        field: None,
    }
}

#[cold]
#[inline(never)]
fn warn(text: impl Into<String>) -> Finding {
    Finding {
        text: text.into(),
        refuses: false,
        field: None,
    }
}

/// Reviews a payload against what VideoSDK expects, at time `now` (seconds).
pub fn review(payload: &Object<'_>, now: i64) -> Vec<Finding> {
    let mut found = Vec::new();
    review_times(payload, now, &mut found);
    match payload.get("apikey") {
        None => found.push(refuse(
            "apikey is missing: VideoSDK needs the API key from the dashboard in \"apikey\"",
        )),
        Some(Value::String(s)) if !s.is_empty() => {}
        Some(other) => found.push(refuse(cat(&[
            "apikey must be a non-empty string; got ",
            &describe(other),
        ]))),
    }
    review_list(
        payload,
        "permissions",
        PERMISSION_LIST,
        |s| Permission::parse(s).is_some(),
        |_| None,
        true,
        &mut found,
    );
    review_list(
        payload,
        "roles",
        ROLE_LIST,
        |s| Role::parse(s).is_some(),
        legacy_role,
        false,
        &mut found,
    );
    if let Some(Value::Array(items)) = payload.get("permissions") {
        let has = |p: Permission| items.iter().any(|v| v.as_str() == Some(p.as_str()));
        if let Some(breach) = ask_join_conflict(has) {
            found.push(refuse(breach.finding()));
        }
    }
    review_roles(payload, &mut found);
    for name in ["roomId", "participantId"] {
        match payload.get(name) {
            // signToken refuses an empty ID; VideoSDK cannot match a join against one.
            Some(Value::String(id)) if id.is_empty() => found.push(Finding {
                field: Some(name),
                ..refuse(cat(&[
                    name,
                    " is \"\": VideoSDK cannot honour an empty ",
                    name,
                    "; sign the token with a non-empty one, or without it",
                ]))
            }),
            Some(Value::String(id)) if name == "participantId" => {
                if let Some(breach) = participant_id_space(id) {
                    found.push(refuse(breach.finding()));
                }
            }
            None | Some(Value::String(_)) => {}
            Some(other) => found.push(refuse(cat(&[
                name,
                " must be a string; got ",
                &describe(other),
            ]))),
        }
    }
    review_version(payload, &mut found);
    found
}

/// Where the token may be used, as `roles` says: warnings only (verify accepts both cases).
fn review_roles(payload: &Object<'_>, found: &mut Vec<Finding>) {
    match payload.get("roles") {
        None => found.push(warn(cat(&[
            "the token has no roles: it can join a meeting and also call VideoSDK's REST API \
             (fine on a server, dangerous in a browser); sign roles ",
            ROLES_EXAMPLE,
            " for a participant",
        ]))),
        // Empty or not an array: review_list already refuses it.
        Some(Value::Array(items))
            if !items.is_empty()
                && !items.iter().any(|v| v.as_str() == Some(Role::Rtc.as_str())) =>
        {
            found.push(warn(cat(&[
                "roles has no \"",
                Role::Rtc.as_str(),
                "\": it cannot join a meeting (VideoSDK error ",
                &int(i64::from(UNAUTHORIZED_ROLE.code)),
                " ",
                UNAUTHORIZED_ROLE.name,
                "); fine for a token meant only for the REST API",
            ])))
        }
        Some(_) => {}
    }
}

fn review_version(payload: &Object<'_>, found: &mut Vec<Finding>) {
    match payload.get("version") {
        Some(Value::Number(n, _)) if *n == VERSION => {}
        Some(Value::String(s)) => found.push(refuse(cat(&[
            "version is the string ",
            &quoted(s),
            "; it must be the number 2",
        ]))),
        Some(other) => found.push(refuse(cat(&[
            "version must be 2 (the v2 API); got ",
            &describe(other),
        ]))),
        None => {
            // Listed only here, on the way to a finding: a v2 token that has its version
            // allocates nothing for it.
            let v2: Vec<&str> = V2_CLAIMS
                .into_iter()
                .filter(|c| payload.contains_key(c))
                .collect();
            if !v2.is_empty() {
                found.push(refuse(cat(&[
                    &join(&v2, ", "),
                    " given without version: VideoSDK only honours ",
                    if v2.len() == 1 { "it" } else { "them" },
                    " with \"version\": 2",
                ])));
            }
        }
    }
}

/// A list claim: present if `required`, a non-empty array of `known` strings. An unknown entry
/// that breaks a rule of its own (`legacy`) is reported as that rule says.
fn review_list(
    payload: &Object<'_>,
    name: &str,
    allowed: &str,
    known: impl Fn(&str) -> bool,
    legacy: impl Fn(&str) -> Option<Breach>,
    required: bool,
    found: &mut Vec<Finding>,
) {
    match payload.get(name) {
        None if required => found.push(refuse(cat(&[
            name,
            " is missing: VideoSDK needs a list such as [\"allow_join\"]",
        ]))),
        None => {}
        Some(Value::Array(items)) if items.is_empty() => found.push(refuse(cat(&[
            name,
            " is empty: list at least one of ",
            allowed,
        ]))),
        Some(Value::Array(items)) => {
            for item in items {
                match item.as_str() {
                    Some(s) if known(s) => {}
                    Some(s) => found.push(refuse(legacy(s).map_or_else(
                        || {
                            cat(&[
                                name,
                                " has the unknown entry ",
                                &quoted(s),
                                "; expected ",
                                allowed,
                            ])
                        },
                        |breach| breach.finding(),
                    ))),
                    None => found.push(refuse(cat(&[
                        name,
                        " has ",
                        &describe(item),
                        "; every entry must be a string: ",
                        allowed,
                    ]))),
                }
            }
        }
        Some(other) => found.push(refuse(cat(&[
            name,
            " must be an array of ",
            allowed,
            "; got ",
            &describe(other),
        ]))),
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
            found.push(refuse(cat(&[
                name,
                " must be a number of seconds since 1970; got ",
                &describe(value),
            ])));
            continue;
        };
        if t < 0.0 {
            found.push(refuse(cat(&[name, " is negative (", &num(t), ")"])));
        } else if t >= MILLIS_THRESHOLD {
            found.push(refuse(cat(&[
                name,
                " is ",
                &num(t),
                ", which looks like milliseconds: JWT times are seconds since 1970 \
                 (divide Date.now() by 1000)",
            ])));
        }
    }
    let now = now as f64;
    if let Some(exp) = plausible(payload, "exp") {
        if exp <= now {
            found.push(warn(cat(&["expired ", &human_span(now - exp), " ago"])));
        }
    }
    if let Some(iat) = plausible(payload, "iat") {
        if iat > now {
            found.push(warn(cat(&[
                "iat is ",
                &human_span(iat - now),
                " in the future: the signer's clock may be wrong",
            ])));
        }
    }
}

/// The claims a verified token must hold because the caller asked (`apiKey`, `roomId`,
/// `participantId` options): `CLAIM_MISMATCH` naming the option on the first that differs.
pub fn check_match(
    payload: &Object<'_>,
    expected: [(&'static str, &'static str, Option<&str>); 3],
) -> Result<(), TokenError> {
    for (field, claim, expected) in expected {
        let Some(expected) = expected else { continue };
        let reason = match payload.get(claim).and_then(Value::as_str) {
            Some(actual) if actual == expected => continue,
            Some(actual) => cat(&[
                claim,
                " is ",
                &quoted(actual),
                ", expected ",
                &quoted(expected),
            ]),
            None => cat(&[
                "the token has no ",
                claim,
                ", expected ",
                &quoted(expected),
                ": it is not restricted to one",
            ]),
        };
        return Err(TokenError::new(ErrorCode::ClaimMismatch, reason).with_field(field));
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn describe(value: &Value<'_>) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => (if *b { "true" } else { "false" }).to_owned(),
        Value::Number(n, _) => num(*n),
        Value::String(s) => cat(&["the string ", &quoted(s)]),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
