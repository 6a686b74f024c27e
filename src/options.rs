//! Sign options and their checks: what a caller asks for, turned into the exact claims to sign.

use crate::claims::{Permission, Role, MILLIS_THRESHOLD, PERMISSION_LIST, ROLE_LIST};
use crate::duration::{truncate, Span};
use crate::error::TokenError;
use crate::text::{num, quoted};

/// Option strings (apiKey, roomId, participantId, jwtId) longer than this are refused, so that a
/// signed token always stays under [`crate::MAX_TOKEN_LEN`] and can be verified.
pub const MAX_OPTION_LEN: usize = 1024;

/// The default lifetime, as VideoSDK's own examples use.
pub const DEFAULT_EXPIRES_IN_SECS: i64 = 120 * 60;

/// The `jti` claim: a caller's id, or a fresh random one.
#[derive(Clone, Debug, PartialEq)]
pub enum JwtId {
    /// Use this string.
    Given(String),
    /// 128 random bits from the platform's CSPRNG, base64url.
    Random,
}

/// Everything about a token but the key and the API key: what `TokenSigner.sign` takes.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimsOptions {
    /// Non-empty; duplicates are dropped; `allow_join` with `ask_join` is refused.
    pub permissions: Vec<String>,
    /// Must be 2 if given; set to 2 automatically when a v2 claim is present.
    pub version: Option<f64>,
    /// Restricts the token to one room (v2).
    pub room_id: Option<String>,
    /// Restricts the token to one participant (v2).
    pub participant_id: Option<String>,
    /// `crawler` and/or `rtc` (v2).
    pub roles: Option<Vec<String>>,
    /// Lifetime; default [`DEFAULT_EXPIRES_IN_SECS`].
    pub expires_in: Option<Span>,
    /// Delay before the token becomes valid (`nbf`).
    pub not_before: Option<Span>,
    /// The `jti` claim.
    pub jwt_id: Option<JwtId>,
    /// The clock, in whole seconds since the epoch.
    pub now: i64,
}

impl ClaimsOptions {
    /// Options for a token with these permissions, issued at `now` (seconds since the epoch).
    pub fn new<S: Into<String>>(permissions: impl IntoIterator<Item = S>, now: i64) -> Self {
        Self {
            permissions: permissions.into_iter().map(Into::into).collect(),
            version: None,
            room_id: None,
            participant_id: None,
            roles: None,
            expires_in: None,
            not_before: None,
            jwt_id: None,
            now,
        }
    }
}

/// Claims ready to serialise: every check has passed.
#[derive(Debug)]
pub(crate) struct Claims {
    pub permissions: Vec<Permission>,
    pub version2: bool,
    pub room_id: Option<String>,
    pub participant_id: Option<String>,
    pub roles: Vec<Role>,
    pub jti: Option<String>,
    pub iat: i64,
    pub nbf: Option<i64>,
    pub exp: i64,
}

/// Checks an option string: present strings must be non-empty and not absurdly long.
pub(crate) fn check_text(field: &'static str, value: &str) -> Result<(), TokenError> {
    if value.is_empty() {
        return Err(TokenError::invalid_option(
            field,
            format!("{field} must be a non-empty string"),
        ));
    }
    if value.len() > MAX_OPTION_LEN {
        return Err(TokenError::invalid_option(
            field,
            format!(
                "{field} is {} bytes; at most {MAX_OPTION_LEN} are allowed",
                value.len()
            ),
        ));
    }
    Ok(())
}

/// Checks a clock given in seconds (or a JS Date's seconds) and returns whole seconds.
pub fn check_now(secs: f64) -> Result<i64, TokenError> {
    if !secs.is_finite() || secs < 0.0 {
        return Err(TokenError::invalid_option(
            "now",
            format!(
                "now must be seconds since 1970 (a non-negative number) or a Date; got {}",
                num(secs)
            ),
        ));
    }
    if secs >= MILLIS_THRESHOLD {
        return Err(TokenError::invalid_option(
            "now",
            format!(
                "now is {}, which looks like milliseconds: pass seconds \
                 (Math.floor(Date.now() / 1000)) or a Date",
                num(secs)
            ),
        ));
    }
    Ok(secs.floor() as i64)
}

impl ClaimsOptions {
    pub(crate) fn check(&self) -> Result<Claims, TokenError> {
        let permissions = self.check_permissions()?;
        let roles = self.check_roles()?;
        for (field, value) in [
            ("roomId", &self.room_id),
            ("participantId", &self.participant_id),
        ] {
            if let Some(v) = value {
                check_text(field, v)?;
            }
        }
        let v2_given: Vec<&str> = [
            ("roomId", self.room_id.is_some()),
            ("participantId", self.participant_id.is_some()),
            ("roles", self.roles.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, given)| given.then_some(name))
        .collect();
        let version2 = match self.version {
            None => !v2_given.is_empty(),
            Some(2.0) => true,
            Some(v) => {
                let why = if v2_given.is_empty() {
                    "omit it for a v1 token".to_owned()
                } else {
                    format!("{} need version 2", v2_given.join(", "))
                };
                return Err(TokenError::invalid_option(
                    "version",
                    format!(
                        "version must be 2, the only version VideoSDK defines; got {} ({why})",
                        num(v)
                    ),
                ));
            }
        };
        let jti = match &self.jwt_id {
            None => None,
            Some(JwtId::Given(id)) => {
                check_text("jwtId", id)?;
                Some(id.clone())
            }
            Some(JwtId::Random) => Some(random_id()?),
        };
        check_now(self.now as f64)?;
        let lifetime = match &self.expires_in {
            None => DEFAULT_EXPIRES_IN_SECS,
            Some(span) => span.to_secs("expiresIn", 1)?,
        };
        let delay = match &self.not_before {
            None => None,
            Some(span) => {
                let delay = span.to_secs("notBefore", 0)?;
                if delay >= lifetime {
                    return Err(TokenError::invalid_option(
                        "notBefore",
                        format!(
                            "notBefore ({delay} s) must be shorter than expiresIn ({lifetime} s), \
                             or the token would never be valid"
                        ),
                    ));
                }
                Some(delay)
            }
        };
        Ok(Claims {
            permissions,
            version2,
            room_id: self.room_id.clone(),
            participant_id: self.participant_id.clone(),
            roles,
            jti,
            iat: self.now,
            nbf: delay.map(|d| self.now + d),
            exp: self.now + lifetime,
        })
    }

    fn check_permissions(&self) -> Result<Vec<Permission>, TokenError> {
        if self.permissions.is_empty() {
            return Err(TokenError::invalid_option(
                "permissions",
                format!("permissions must list at least one of {PERMISSION_LIST}"),
            ));
        }
        let permissions = dedup(&self.permissions, "permissions", PERMISSION_LIST, |s| {
            Permission::parse(s)
        })?;
        if permissions.contains(&Permission::AllowJoin)
            && permissions.contains(&Permission::AskJoin)
        {
            return Err(TokenError::invalid_option(
                "permissions",
                "permissions cannot hold both allow_join and ask_join: allow_join joins directly, \
                 ask_join must ask to be let in; pick one",
            ));
        }
        Ok(permissions)
    }

    fn check_roles(&self) -> Result<Vec<Role>, TokenError> {
        match &self.roles {
            None => Ok(Vec::new()),
            Some(roles) if roles.is_empty() => Err(TokenError::invalid_option(
                "roles",
                format!("roles must list at least one of {ROLE_LIST}, or be left out"),
            )),
            Some(roles) => dedup(roles, "roles", ROLE_LIST, Role::parse),
        }
    }
}

/// Parses each entry, keeps the first of any repeats, and names an unknown entry in the error.
fn dedup<T: PartialEq>(
    items: &[String],
    field: &'static str,
    allowed: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Vec<T>, TokenError> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let parsed = parse(item).ok_or_else(|| {
            TokenError::invalid_option(
                field,
                format!(
                    "{field} has the unknown entry {}; expected {allowed}",
                    quoted(&truncate(item))
                ),
            )
        })?;
        if !out.contains(&parsed) {
            out.push(parsed);
        }
    }
    Ok(out)
}

fn random_id() -> Result<String, TokenError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| {
        TokenError::invalid_option(
            "jwtId",
            "no random source is available here for jwtId: true; pass a string id instead",
        )
    })?;
    Ok(crate::base64url::encode(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

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
        let c = opts().check().unwrap();
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

    #[test]
    fn clocks_in_milliseconds_are_caught() {
        assert_eq!(check_now(1_700_000_000.9).unwrap(), 1_700_000_000);
        let e = check_now(1_700_000_000_000.0).unwrap_err();
        assert!(e.reason().contains("milliseconds"));
        assert!(check_now(f64::NAN).is_err());
        assert!(check_now(-1.0).is_err());
        let mut o = opts();
        o.now = 1_700_000_000_000;
        assert_eq!(field_err(o).1.as_deref(), Some("now"));
    }
}
