//! VideoSDK's own rules about claims, each defined once here and said three ways: sign refuses the
//! option (`INVALID_OPTIONS`, saying what would be right and which VideoSDK error it avoids),
//! verify refuses the token after its MAC (`CLAIMS_INVALID`), decode warns in plain words.
//!
//! Each rule is one VideoSDK states about the claims themselves (its SDKs' error table): a token
//! that breaks one is signed and delivered fine, then refused when the participant joins, which
//! is the worst time to find out.

use crate::leaf::error::TokenError;
use crate::leaf::text::{cat, int, push_u64, quoted};
use crate::model::join_errors::{JoinError, INVALID_PARTICIPANT_ID, INVALID_PERMISSIONS};
use crate::model::vocab::{Permission, Role};

/// The Unicode `White_Space` property (PropList.txt), as ranges with a name for messages. Written
/// out rather than taken from `char::is_whitespace`, so that the rule reads as VideoSDK's and a
/// test shows the two agree on every code point.
pub const WHITE_SPACE: [(char, char, &str); 10] = [
    (
        '\u{9}',
        '\u{d}',
        "a tab, line break or other control whitespace",
    ),
    (' ', ' ', "a space"),
    ('\u{85}', '\u{85}', "a next-line control"),
    ('\u{a0}', '\u{a0}', "a no-break space"),
    ('\u{1680}', '\u{1680}', "an ogham space mark"),
    (
        '\u{2000}',
        '\u{200a}',
        "a typographic space (en, em, thin, hair …)",
    ),
    ('\u{2028}', '\u{2029}', "a line or paragraph separator"),
    ('\u{202f}', '\u{202f}', "a narrow no-break space"),
    ('\u{205f}', '\u{205f}', "a medium mathematical space"),
    ('\u{3000}', '\u{3000}', "an ideographic space"),
];

/// The ASCII characters of [`WHITE_SPACE`], bit `c` set for each: the table's, not typed again.
/// All of them are below 64 (the build stops here if the table ever says otherwise).
const ASCII_WHITE_SPACE: u64 = {
    let mut mask = 0u64;
    let mut i = 0;
    while i < WHITE_SPACE.len() {
        let (lo, hi, _) = WHITE_SPACE[i];
        let mut c = lo as u32;
        while c <= hi as u32 && c < 128 {
            assert!(c < 64, "an ASCII White_Space character above 63");
            mask |= 1 << c;
            c += 1;
        }
        i += 1;
    }
    mask
};

/// The name of `c` when it is `White_Space`, else `None`.
pub fn white_space(c: char) -> Option<&'static str> {
    WHITE_SPACE
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&c))
        .map(|(_, _, name)| *name)
}

/// One rule broken, with what is needed to say so.
#[derive(Clone, Debug, PartialEq)]
pub enum Breach {
    /// `ask_join` listed with a permission that already lets the bearer in (`allow_join`) or
    /// makes a moderator (`allow_mod`): VideoSDK error 4008.
    AskJoinWith(Permission),
    /// `participantId` holds a `White_Space` character (the first one, and its 1-based position
    /// in characters): VideoSDK error 4004.
    Whitespace { id: String, c: char, at: usize },
    /// A role in the upper case of VideoSDK's older docs (`CRAWLER`).
    LegacyRole(Role),
}

/// `ask_join` together with `allow_join` or `allow_mod`, given which permissions are listed.
pub fn ask_join_conflict(has: impl Fn(Permission) -> bool) -> Option<Breach> {
    if !has(Permission::AskJoin) {
        return None;
    }
    [Permission::AllowJoin, Permission::AllowMod]
        .into_iter()
        .find(|&p| has(p))
        .map(Breach::AskJoinWith)
}

/// The first `White_Space` character of a participant ID.
pub fn participant_id_space(id: &str) -> Option<Breach> {
    // Nearly every ID is ASCII with no space: one pass over its bytes settles that, and the walk
    // over characters (a table search each, and a count for the message) runs only when a byte
    // may start a White_Space character.
    let maybe = |b: &u8| !b.is_ascii() || (*b < 64 && (ASCII_WHITE_SPACE >> b) & 1 == 1);
    if !id.as_bytes().iter().any(maybe) {
        return None;
    }
    id.chars()
        .enumerate()
        .find(|(_, c)| white_space(*c).is_some())
        .map(|(i, c)| Breach::Whitespace {
            id: id.to_owned(),
            c,
            at: i + 1,
        })
}

/// A role name in its legacy upper-case spelling.
pub fn legacy_role(name: &str) -> Option<Breach> {
    Role::parse_legacy(name).map(Breach::LegacyRole)
}

/// `U+00A0`.
fn code_point(c: char) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::from("U+");
    let n = u32::from(c);
    let digits = if n > 0xffff { 5 } else { 4 };
    for shift in (0..digits).rev() {
        out.push(char::from(HEX[((n >> (shift * 4)) & 0xf) as usize]));
    }
    out
}

impl Breach {
    /// The option (and claim) at fault.
    pub fn field(&self) -> &'static str {
        match self {
            Self::AskJoinWith(_) => "permissions",
            Self::Whitespace { .. } => "participantId",
            Self::LegacyRole(_) => "roles",
        }
    }

    /// The error VideoSDK answers a join with, where its docs name one.
    pub fn join_error(&self) -> Option<JoinError> {
        match self {
            Self::AskJoinWith(_) => Some(INVALID_PERMISSIONS),
            Self::Whitespace { .. } => Some(INVALID_PARTICIPANT_ID),
            Self::LegacyRole(_) => None,
        }
    }

    /// "error 4008 INVALID_PERMISSIONS", or nothing for a rule without a documented error.
    fn error_words(&self) -> String {
        let Some(error) = self.join_error() else {
            return String::new();
        };
        let mut out = String::from("error ");
        push_u64(&mut out, u64::from(error.code));
        out.push(' ');
        out.push_str(error.name);
        out
    }

    /// "VideoSDK refuses this at join with error 4008 INVALID_PERMISSIONS".
    fn at_join(&self) -> String {
        cat(&["VideoSDK refuses this at join with ", &self.error_words()])
    }

    /// What sign says: the rule, what would be right, and the VideoSDK error it avoids.
    pub fn refusal(&self) -> TokenError {
        let reason = match self {
            Self::AskJoinWith(p) => cat(&[
                "permissions cannot hold both ask_join and ",
                p.as_str(),
                ": ",
                &self.at_join(),
                ". ask_join is for a participant who must be let in; ",
                p.as_str(),
                " ",
                p.meaning(),
                ". Pick one: ['ask_join'] alone, or drop ask_join",
            ]),
            Self::Whitespace { c, at, .. } => cat(&[
                "participantId must not contain whitespace, and character ",
                &int(*at as i64),
                " is ",
                white_space(*c).unwrap_or("whitespace"),
                " (",
                &code_point(*c),
                "): ",
                &self.at_join(),
                ". Use an ID without any, e.g. with '-' or '_' in its place",
            ]),
            Self::LegacyRole(r) => cat(&[
                "roles has '",
                r.legacy_str(),
                "', a legacy upper-case name from VideoSDK's older docs; did you mean '",
                r.as_str(),
                "'? Role names are lower-case",
            ]),
        };
        TokenError::invalid_option(self.field(), reason)
    }

    /// What verify gives as the reason of `CLAIMS_INVALID` and decode as a warning.
    pub fn finding(&self) -> String {
        match self {
            Self::AskJoinWith(p) => cat(&[
                "permissions has both ask_join and ",
                p.as_str(),
                ": VideoSDK refuses a participant joining with it (",
                &self.error_words(),
                ": ask_join must not be combined with allow_join or allow_mod)",
            ]),
            Self::Whitespace { id, c, at } => cat(&[
                "participantId ",
                &quoted(id),
                " has ",
                white_space(*c).unwrap_or("whitespace"),
                " (",
                &code_point(*c),
                ") at character ",
                &int(*at as i64),
                ": VideoSDK refuses a participant joining with it (",
                &self.error_words(),
                ": a participant ID must not contain whitespace)",
            ]),
            Self::LegacyRole(r) => cat(&[
                "roles has \"",
                r.legacy_str(),
                "\", a legacy upper-case name from VideoSDK's older docs: the current API knows \
                 only lower-case names, so this package refuses it; sign '",
                r.as_str(),
                "' instead",
            ]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_white_space_table_is_the_unicode_property() {
        for n in 0..=0x10_ffffu32 {
            let Some(c) = char::from_u32(n) else { continue };
            assert_eq!(
                white_space(c).is_some(),
                c.is_whitespace(),
                "{} disagrees with char::is_whitespace",
                code_point(c)
            );
        }
        // The property as the brief lists it, point by point: 25 code points.
        let listed: Vec<u32> = (0x9..=0xd)
            .chain([0x20, 0x85, 0xa0, 0x1680])
            .chain(0x2000..=0x200a)
            .chain([0x2028, 0x2029, 0x202f, 0x205f, 0x3000])
            .collect();
        assert_eq!(listed.len(), 25);
        let table: Vec<u32> = (0..=0x10_ffffu32)
            .filter_map(char::from_u32)
            .filter(|c| white_space(*c).is_some())
            .map(u32::from)
            .collect();
        assert_eq!(table, listed);
        // Ranges are ordered and disjoint, each with a name.
        for pair in WHITE_SPACE.windows(2) {
            assert!(pair[0].1 < pair[1].0);
        }
        assert!(WHITE_SPACE.iter().all(|r| !r.2.is_empty()));
        assert_eq!(white_space('\u{feff}'), None, "BOM is not White_Space");
        assert_eq!(
            white_space('\u{200b}'),
            None,
            "zero width space is not White_Space"
        );
    }

    #[test]
    fn ask_join_with_allow_join_or_allow_mod_is_4008() {
        let set = |list: &'static [Permission]| move |p| list.contains(&p);
        use Permission::*;
        assert_eq!(ask_join_conflict(set(&[AskJoin])), None);
        assert_eq!(ask_join_conflict(set(&[AllowJoin, AllowMod])), None);
        assert_eq!(
            ask_join_conflict(set(&[AskJoin, AllowJoin])),
            Some(Breach::AskJoinWith(AllowJoin))
        );
        let b = ask_join_conflict(set(&[AllowMod, AskJoin])).unwrap();
        assert_eq!(b, Breach::AskJoinWith(AllowMod));
        assert_eq!(b.join_error(), Some(INVALID_PERMISSIONS));
        let e = b.refusal();
        assert_eq!(e.field(), Some("permissions"));
        assert!(
            e.reason().contains("both ask_join and allow_mod"),
            "{}",
            e.reason()
        );
        assert!(
            e.reason()
                .contains("at join with error 4008 INVALID_PERMISSIONS"),
            "{}",
            e.reason()
        );
        assert!(e.reason().contains("Pick one"));
        assert!(b.finding().contains("error 4008 INVALID_PERMISSIONS"));
    }

    #[test]
    fn the_ascii_pass_agrees_with_the_table_on_every_ascii_character() {
        for b in 0u8..128 {
            let id = format!("id{}x", char::from(b));
            assert_eq!(
                participant_id_space(&id).is_some(),
                white_space(char::from(b)).is_some(),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn any_white_space_in_a_participant_id_is_4004() {
        assert_eq!(participant_id_space("user-42_ok.é日本"), None);
        assert_eq!(participant_id_space("zero\u{200b}width"), None);
        for (id, c, at) in [
            ("has space", ' ', 4),
            ("tab\there", '\t', 4),
            ("nbsp\u{a0}", '\u{a0}', 5),
            ("\u{2028}", '\u{2028}', 1),
            ("ideo\u{3000}graphic", '\u{3000}', 5),
        ] {
            let b = participant_id_space(id).unwrap();
            assert_eq!(
                b,
                Breach::Whitespace {
                    id: id.into(),
                    c,
                    at
                }
            );
            assert_eq!(b.join_error(), Some(INVALID_PARTICIPANT_ID));
            let e = b.refusal();
            assert_eq!(e.field(), Some("participantId"));
            assert!(e.reason().contains(&code_point(c)), "{}", e.reason());
            assert!(e.reason().contains("error 4004 INVALID_PARTICIPANT_ID"));
            // The finding quotes the ID escaped: a line separator cannot break a log line.
            assert!(!b.finding().contains('\u{2028}'), "{}", b.finding());
            assert!(b.finding().contains("error 4004"));
        }
        let e = participant_id_space("a b").unwrap().refusal();
        assert_eq!(
            e.reason(),
            "participantId must not contain whitespace, and character 2 is a space (U+0020): \
             VideoSDK refuses this at join with error 4004 INVALID_PARTICIPANT_ID. Use an ID \
             without any, e.g. with '-' or '_' in its place"
        );
    }

    #[test]
    fn legacy_upper_case_roles_are_named_with_the_right_spelling() {
        assert_eq!(legacy_role("crawler"), None);
        assert_eq!(legacy_role("Crawler"), None);
        assert_eq!(legacy_role("ADMIN"), None);
        let b = legacy_role("CRAWLER").unwrap();
        let e = b.refusal();
        assert_eq!(e.field(), Some("roles"));
        assert!(
            e.reason().contains("did you mean 'crawler'?"),
            "{}",
            e.reason()
        );
        assert!(b.finding().contains("legacy upper-case name"));
        assert!(legacy_role("RTC")
            .unwrap()
            .refusal()
            .reason()
            .contains("did you mean 'rtc'?"));
    }

    #[test]
    fn code_points_are_written_as_unicode_does() {
        assert_eq!(code_point(' '), "U+0020");
        assert_eq!(code_point('\u{3000}'), "U+3000");
        assert_eq!(code_point('\u{1f600}'), "U+1F600");
    }
}
