//! VideoSDK's words, defined once: permission and role names and what they mean, the claims of
//! the v2 format, and the names of the options each call takes. The JS side takes them from here
//! (pkg-template/shared/vocabulary.js is generated from this module by tests/vocabulary.rs).

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

    /// The upper-case spelling of VideoSDK's older docs (`roles: ['CRAWLER']`): a legacy name
    /// the current API does not list, so it is refused with a pointer to the right one.
    pub const fn legacy_str(self) -> &'static str {
        match self {
            Self::Crawler => "CRAWLER",
            Self::Rtc => "RTC",
        }
    }

    /// Reads a legacy upper-case spelling; anything else is `None`.
    pub fn parse_legacy(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.legacy_str() == s)
    }

    /// Where the role lets a token be used, in words.
    pub const fn meaning(self) -> &'static str {
        match self {
            Self::Crawler => "server-side v2 API only; cannot join a meeting",
            Self::Rtc => "meetings only; no server-side API",
        }
    }
}

/// The permissions as messages list them.
pub const PERMISSION_LIST: &str = "'allow_join', 'ask_join' or 'allow_mod'";
/// The roles as messages list them.
pub const ROLE_LIST: &str = "'crawler' or 'rtc'";
/// A list of permissions as a message shows one.
pub const PERMISSIONS_EXAMPLE: &str = "['allow_join']";
/// A list of roles as a message shows one.
pub const ROLES_EXAMPLE: &str = "['rtc']";

/// The claims this package writes, in payload order, each with the option that sets it: a
/// custom claim cannot take one of these names.
pub const RESERVED_CLAIMS: [(&str, &str); 10] = [
    ("apikey", "apiKey"),
    ("permissions", "permissions"),
    ("version", "version"),
    ("roomId", "roomId"),
    ("participantId", "participantId"),
    ("roles", "roles"),
    ("jti", "jwtId"),
    ("iat", "now"),
    ("nbf", "notBefore"),
    ("exp", "expiresIn"),
];

/// The claims that need `version: 2`, in payload order.
pub const V2_CLAIMS: [&str; 3] = ["roomId", "participantId", "roles"];
/// The only version VideoSDK defines.
pub const VERSION: f64 = 2.0;

/// VideoSDK's REST API: the server-side v2 API and the webhook public key live under it.
pub const API_BASE: &str = "https://api.videosdk.live";
/// What VideoSDK's server-side v2 API asks of a token: moderator rights and the crawler role
/// (API only, it cannot join a meeting), with version 2.
pub const MANAGEMENT_PERMISSIONS: [Permission; 2] = [Permission::AllowJoin, Permission::AllowMod];
/// The role of a token for VideoSDK's server-side API (see [`MANAGEMENT_PERMISSIONS`]).
pub const MANAGEMENT_ROLES: [Role; 1] = [Role::Crawler];

/// Options of `signToken` and `new TokenSigner` that say who signs.
pub const SIGNER_OPTIONS: [&str; 2] = ["apiKey", "secret"];
/// Options of `signToken` and `TokenSigner.sign` that say what the token holds.
pub const CLAIM_OPTIONS: [&str; 10] = [
    "permissions",
    "version",
    "roomId",
    "participantId",
    "roles",
    "expiresIn",
    "notBefore",
    "jwtId",
    "now",
    "claims",
];
/// Options of `verifyToken`.
pub const VERIFY_OPTIONS: [&str; 5] =
    ["now", "clockTolerance", "apiKey", "roomId", "participantId"];
/// Options of `decodeToken`.
pub const DECODE_OPTIONS: [&str; 1] = ["now"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_in_words_name_every_entry() {
        for p in Permission::ALL {
            assert!(PERMISSION_LIST.contains(&format!("'{}'", p.as_str())));
            assert_eq!(Permission::parse(p.as_str()), Some(p));
        }
        for r in Role::ALL {
            assert!(ROLE_LIST.contains(&format!("'{}'", r.as_str())));
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert!(PERMISSIONS_EXAMPLE.contains(Permission::AllowJoin.as_str()));
        for r in Role::ALL {
            assert_eq!(r.legacy_str(), r.as_str().to_ascii_uppercase());
            assert_eq!(Role::parse_legacy(r.legacy_str()), Some(r));
            assert_eq!(Role::parse(r.legacy_str()), None);
        }
        for (claim, option) in RESERVED_CLAIMS {
            assert!(
                CLAIM_OPTIONS.contains(&option) || SIGNER_OPTIONS.contains(&option),
                "{claim} is set by {option}, an option of signToken"
            );
        }
        assert!(ROLES_EXAMPLE.contains(Role::Rtc.as_str()));
    }
}
