//! The primitives api.js passes, turned into core types. api.js has checked their JS types and
//! that every string is well-formed Unicode; every rule about their values is the core's.

use zeroize::Zeroize;

use crate::jws::mac::Secret;
use crate::leaf::error::TokenError;
use crate::model::sign_options::{ClaimsOptions, JwtId};
use crate::model::time::{check_now, Span};

/// A span given as a number of seconds or as text (api.js passes at most one).
pub fn span(secs: Option<f64>, text: Option<&str>) -> Option<Span> {
    secs.map(Span::Seconds)
        .or(text.map(|t| Span::Text(t.to_owned())))
}

/// A list api.js joined with `sep`, a character no entry holds.
pub fn list(joined: &str, sep: char) -> Vec<String> {
    joined.split(sep).map(str::to_owned).collect()
}

/// Several strings that crossed as one, one after the other (one copy into wasm memory instead
/// of one per string), taken apart by their lengths in UTF-16 units, as JS counts them.
pub struct Texts<'a>(&'a str);

impl<'a> Texts<'a> {
    pub fn new(all: &'a str) -> Self {
        Self(all)
    }

    /// The next string, of `len` UTF-16 units; none for a negative `len` (an absent option).
    /// Lengths api.js did not write (past the end, inside a character) take what there is.
    pub fn next(&mut self, len: i32) -> Option<&'a str> {
        let units = usize::try_from(len).ok()?;
        let rest = self.0;
        // UTF-8 never has fewer bytes than UTF-16 units, and ASCII has as many.
        let at = match rest.as_bytes().get(..units) {
            Some(head) if head.is_ascii() => units,
            _ => utf16_offset(rest, units),
        };
        let (text, tail) = rest.split_at_checked(at).unwrap_or((rest, ""));
        self.0 = tail;
        Some(text)
    }
}

/// The byte offset after `units` UTF-16 units of `s` (its length if shorter).
fn utf16_offset(s: &str, units: usize) -> usize {
    let mut seen = 0;
    for (at, c) in s.char_indices() {
        if seen >= units {
            return at;
        }
        seen += c.len_utf16();
    }
    s.len()
}

/// The claim options of `signToken` and `TokenSigner.sign`, in the order api.js passes them.
pub struct Claims<'a> {
    pub permissions: &'a str,
    pub sep: char,
    pub version: Option<f64>,
    pub room_id: Option<&'a str>,
    pub participant_id: Option<&'a str>,
    pub roles: Option<&'a str>,
    pub expires_in: Option<Span>,
    pub not_before: Option<Span>,
    pub jwt_id: Option<&'a str>,
    pub jti_random: Option<Vec<u8>>,
    pub now: f64,
    /// Custom claims: the JSON text read.js wrote of the `claims` option (custom-claims.js).
    pub claims_json: Option<&'a str>,
}

impl Claims<'_> {
    /// Core options: the clock first, then every claim as given.
    pub fn options(self) -> Result<ClaimsOptions, TokenError> {
        let mut claims = ClaimsOptions::new(list(self.permissions, self.sep), check_now(self.now)?);
        claims.version = self.version;
        claims.room_id = self.room_id.map(str::to_owned);
        claims.participant_id = self.participant_id.map(str::to_owned);
        claims.roles = self.roles.map(|roles| list(roles, self.sep));
        claims.expires_in = self.expires_in;
        claims.not_before = self.not_before;
        claims.jwt_id = match (self.jwt_id, self.jti_random) {
            (Some(id), _) => Some(JwtId::Given(id.to_owned())),
            (None, Some(bytes)) => {
                let mut random = [0u8; 16];
                for (to, from) in random.iter_mut().zip(&bytes) {
                    *to = *from;
                }
                Some(JwtId::RandomBytes(random))
            }
            (None, None) => None,
        };
        claims.claims_json = self.claims_json.map(str::to_owned);
        Ok(claims)
    }
}

/// A secret as api.js passes it: text (copied into wasm memory by the glue) or bytes; the copy
/// is zeroed once keyed.
pub fn secret(text: Option<String>, bytes: Option<Vec<u8>>) -> Result<Secret, TokenError> {
    let mut secrets = secrets(text, bytes, None)?;
    match secrets.pop() {
        Some(secret) => Ok(secret),
        None => Err(TokenError::invalid_option(
            "secret",
            "secret must be a string or a Uint8Array",
        )),
    }
}
/// One secret (text or bytes), or a list: bytes holding each secret after the other, `lens`
/// their lengths. Every copy is zeroed once the keys are made.
pub fn secrets(
    text: Option<String>,
    bytes: Option<Vec<u8>>,
    lens: Option<Vec<u32>>,
) -> Result<Vec<Secret>, TokenError> {
    let made = match (text, bytes, lens) {
        (Some(mut text), _, _) => {
            let secret = Secret::from_text(&text);
            text.zeroize();
            secret.map(|s| vec![s])
        }
        (None, Some(mut bytes), None) => {
            let secret = Secret::new(&bytes);
            bytes.zeroize();
            secret.map(|s| vec![s])
        }
        (None, Some(mut bytes), Some(lens)) => {
            let mut out = Vec::with_capacity(lens.len());
            let mut rest: &[u8] = &bytes;
            let mut result = Ok(());
            for len in lens {
                let (one, tail) = rest.split_at_checked(len as usize).unwrap_or((rest, &[]));
                rest = tail;
                match Secret::new(one) {
                    Ok(secret) => out.push(secret),
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
            bytes.zeroize();
            result.map(|()| out)
        }
        (None, None, _) => Ok(Vec::new()),
    };
    made
}
