//! Sign options and their checks: what a caller asks for, turned into the exact claims to sign,
//! and those claims written as the payload.

use crate::leaf::base64url;
use crate::leaf::error::TokenError;
use crate::leaf::host;
use crate::leaf::json_write::write_str_bytes;
use crate::leaf::text::{cat, digits, int, join, num, quoted};
use crate::model::custom_claims::check_custom_claims;
use crate::model::rules::{ask_join_conflict, legacy_role, participant_id_space};
use crate::model::time::{check_now, span_floor, Span};
use crate::model::vocab::{Permission, Role, PERMISSION_LIST, ROLE_LIST, V2_CLAIMS, VERSION};

/// Option strings (apiKey, roomId, participantId, jwtId) longer than this are refused, so that a
/// signed token always stays under `MAX_TOKEN_LEN` and can be verified.
pub const MAX_OPTION_LEN: usize = 1024;

/// The default lifetime, as VideoSDK's own examples use.
pub const DEFAULT_EXPIRES_IN_SECS: i64 = 120 * 60;

/// The `jti` claim: a caller's id, or a fresh random one.
#[derive(Clone, Debug, PartialEq)]
pub enum JwtId {
    /// Use this string.
    Given(String),
    /// 128 random bits from the platform's CSPRNG, base64url. Native builds only: in wasm the
    /// JS side draws them and passes [`JwtId::RandomBytes`].
    Random,
    /// 128 random bits the caller drew, base64url-encoded into the claim.
    RandomBytes([u8; 16]),
}

/// Everything about a token but the key and the API key: what `TokenSigner.sign` takes.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimsOptions {
    /// Non-empty; duplicates are dropped; `ask_join` with `allow_join` or `allow_mod` is refused
    /// (VideoSDK error 4008).
    pub permissions: Vec<String>,
    /// Must be 2 if given; set to 2 automatically when a v2 claim is present.
    pub version: Option<f64>,
    /// Restricts the token to one room (v2).
    pub room_id: Option<String>,
    /// Restricts the token to one participant (v2); no whitespace (VideoSDK error 4004).
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
    /// Custom claims: the JSON text of an object whose members VideoSDK ignores (`{"name":"Ada"}`),
    /// written after VideoSDK's claims. Names this package writes are refused.
    pub claims_json: Option<String>,
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
            claims_json: None,
        }
    }
}

/// Claims ready to serialise: every check has passed. The option strings are borrowed from
/// the options, not copied.
#[derive(Debug)]
pub struct Claims<'a> {
    pub permissions: Vec<Permission>,
    pub version2: bool,
    pub room_id: Option<&'a str>,
    pub participant_id: Option<&'a str>,
    pub roles: Vec<Role>,
    /// Custom claims as payload members, each led by ','.
    pub custom: String,
    pub jti: Option<String>,
    pub iat: i64,
    pub nbf: Option<i64>,
    pub exp: i64,
}

/// Checks an option string: present strings must be non-empty and not absurdly long.
pub fn check_text(field: &'static str, value: &str) -> Result<(), TokenError> {
    if value.is_empty() {
        return Err(TokenError::invalid_option(
            field,
            cat(&[field, " must be a non-empty string"]),
        ));
    }
    if value.len() > MAX_OPTION_LEN {
        return Err(TokenError::invalid_option(
            field,
            cat(&[
                field,
                " is ",
                &int(value.len() as i64),
                " bytes; at most ",
                &int(MAX_OPTION_LEN as i64),
                " are allowed",
            ]),
        ));
    }
    Ok(())
}

impl ClaimsOptions {
    /// Every check, in a fixed order; the first failure is reported.
    pub fn check(&self) -> Result<Claims<'_>, TokenError> {
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
        if let Some(breach) = self
            .participant_id
            .as_deref()
            .and_then(participant_id_space)
        {
            return Err(breach.refusal());
        }
        // Which of V2_CLAIMS are given, in its order.
        let v2 = [
            self.room_id.is_some(),
            self.participant_id.is_some(),
            self.roles.is_some(),
        ];
        let version2 = match self.version {
            None => v2.contains(&true),
            Some(v) if v == VERSION => true,
            Some(v) => return Err(version_refusal(v, v2)),
        };
        let jti = match &self.jwt_id {
            None => None,
            Some(JwtId::Given(id)) => {
                check_text("jwtId", id)?;
                Some(id.clone())
            }
            Some(JwtId::Random) => Some(random_id()?),
            Some(JwtId::RandomBytes(bytes)) => Some(base64url::encode(bytes)),
        };
        check_now(self.now as f64)?;
        let lifetime = match &self.expires_in {
            None => DEFAULT_EXPIRES_IN_SECS,
            Some(span) => span.to_secs("expiresIn", span_floor("expiresIn"))?,
        };
        let delay = match &self.not_before {
            None => None,
            Some(span) => {
                let delay = span.to_secs("notBefore", span_floor("notBefore"))?;
                if delay >= lifetime {
                    return Err(TokenError::invalid_option(
                        "notBefore",
                        cat(&[
                            "notBefore (",
                            &int(delay),
                            " s) must be shorter than expiresIn (",
                            &int(lifetime),
                            " s), or the token would never be valid",
                        ]),
                    ));
                }
                Some(delay)
            }
        };
        let custom = match &self.claims_json {
            None => String::new(),
            Some(json) => check_custom_claims(json)?,
        };
        Ok(Claims {
            permissions,
            version2,
            room_id: self.room_id.as_deref(),
            participant_id: self.participant_id.as_deref(),
            roles,
            custom,
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
                cat(&["permissions must list at least one of ", PERMISSION_LIST]),
            ));
        }
        let permissions = dedup(&self.permissions, "permissions", PERMISSION_LIST, |s| {
            Permission::parse(s)
        })?;
        if let Some(breach) = ask_join_conflict(|p| permissions.contains(&p)) {
            return Err(breach.refusal());
        }
        Ok(permissions)
    }

    fn check_roles(&self) -> Result<Vec<Role>, TokenError> {
        match &self.roles {
            None => Ok(Vec::new()),
            Some(roles) if roles.is_empty() => Err(TokenError::invalid_option(
                "roles",
                cat(&[
                    "roles must list at least one of ",
                    ROLE_LIST,
                    ", or be left out",
                ]),
            )),
            Some(roles) => {
                if let Some(breach) = roles.iter().find_map(|r| legacy_role(r)) {
                    return Err(breach.refusal());
                }
                dedup(roles, "roles", ROLE_LIST, Role::parse)
            }
        }
    }
}

/// A version other than 2, with what would be right: the v2 claims `given` (in [`V2_CLAIMS`]'s
/// order) need version 2, and a token without any is v1. Cold: a sign builds none of it.
#[cold]
#[inline(never)]
fn version_refusal(v: f64, given: [bool; 3]) -> TokenError {
    let v2_given: Vec<&str> = V2_CLAIMS
        .into_iter()
        .zip(given)
        .filter_map(|(name, given)| given.then_some(name))
        .collect();
    let why = if v2_given.is_empty() {
        "omit it for a v1 token".to_owned()
    } else {
        cat(&[&join(&v2_given, ", "), " need version 2"])
    };
    TokenError::invalid_option(
        "version",
        cat(&[
            "version must be 2, the only version VideoSDK defines; got ",
            &num(v),
            " (",
            &why,
            ")",
        ]),
    )
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
                cat(&[
                    field,
                    " has the unknown entry ",
                    &quoted(item),
                    "; expected ",
                    allowed,
                ]),
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
    if !host::fill_random(&mut bytes) {
        return Err(TokenError::invalid_option(
            "jwtId",
            "no random source is available here for jwtId: true; pass a string id instead",
        ));
    }
    Ok(base64url::encode(&bytes))
}

impl Claims<'_> {
    /// The payload, members in a fixed order: apikey, permissions, version, roomId,
    /// participantId, roles, the custom claims, jti, iat, nbf, exp. Written as bytes (pushing
    /// a byte is cheaper than pushing a char), all of them UTF-8: the strings' own and ASCII.
    pub fn payload_json(&self, api_key: &str) -> Vec<u8> {
        let strings = [self.room_id, self.participant_id, self.jti.as_deref()]
            .iter()
            .map(|s| s.map_or(0, str::len))
            .sum::<usize>();
        let mut out = Vec::with_capacity(160 + api_key.len() + strings + self.custom.len());
        payload_start(&mut out, api_key);
        push_names(&mut out, self.permissions.iter().map(|p| p.as_str()));
        if self.version2 {
            out.extend_from_slice(b",\"version\":2");
        }
        for (name, value) in [
            (&b",\"roomId\":"[..], self.room_id),
            (b",\"participantId\":", self.participant_id),
        ] {
            if let Some(v) = value {
                out.extend_from_slice(name);
                write_str_bytes(&mut out, v);
            }
        }
        if !self.roles.is_empty() {
            out.extend_from_slice(b",\"roles\":");
            push_names(&mut out, self.roles.iter().map(|r| r.as_str()));
        }
        out.extend_from_slice(self.custom.as_bytes());
        if let Some(jti) = &self.jti {
            out.extend_from_slice(b",\"jti\":");
            write_str_bytes(&mut out, jti);
        }
        push_int(&mut out, b",\"iat\":", self.iat);
        if let Some(nbf) = self.nbf {
            push_int(&mut out, b",\"nbf\":", nbf);
        }
        push_int(&mut out, b",\"exp\":", self.exp);
        out.extend_from_slice(b"}");
        out
    }
}

/// What every payload signed with `api_key` starts with: `{"apikey":…,"permissions":`.
pub fn payload_start(out: &mut Vec<u8>, api_key: &str) {
    out.extend_from_slice(b"{\"apikey\":");
    write_str_bytes(out, api_key);
    out.extend_from_slice(b",\"permissions\":");
}

/// `["a","b"]`: names of the vocabulary, which need no escaping.
fn push_names<'a>(out: &mut Vec<u8>, names: impl Iterator<Item = &'a str>) {
    out.extend_from_slice(b"[");
    for (i, name) in names.enumerate() {
        if i > 0 {
            out.extend_from_slice(b",");
        }
        out.extend_from_slice(b"\"");
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"\"");
    }
    out.extend_from_slice(b"]");
}

fn push_int(out: &mut Vec<u8>, key: &[u8], value: i64) {
    out.extend_from_slice(key);
    if value < 0 {
        out.extend_from_slice(b"-");
    }
    out.extend_from_slice(digits(value.unsigned_abs(), &mut [0; 20]));
}

#[cfg(test)]
#[path = "sign_options_tests.rs"]
mod tests;
