//! The primitives api.js passes, turned into core types. api.js has checked their JS types and
//! that every string is well-formed Unicode; every rule about their values is the core's.

use zeroize::Zeroize;

use crate::jws::mac::Secret;
use crate::leaf::error::TokenError;
use crate::model::sign_options::{ClaimsOptions, JwtId};
use crate::model::time::{check_now, Span};

/// A span given as a number of seconds or as text (api.js passes at most one).
pub fn span(secs: Option<f64>, text: Option<String>) -> Option<Span> {
    secs.map(Span::Seconds).or(text.map(Span::Text))
}

/// A list as read.js passes it. `sep` is `None` when every list of the call has one entry, as
/// nearly always: `text` is that entry. Otherwise every entry is followed by `sep`, a character
/// no entry holds, so that `[]` (`""`) and `[""]` (`sep` alone) stay apart. Split by bytes
/// (`str::split` links the string searcher); UTF-8 is self-synchronising, so `sep`'s bytes match
/// only where the character starts.
pub fn list(text: String, sep: Option<char>) -> Vec<String> {
    let Some(sep) = sep else {
        return vec![text];
    };
    let mut buf = [0u8; 4];
    let sep = sep.encode_utf8(&mut buf).as_bytes();
    let first = sep.first().copied().unwrap_or_default();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut from) = (0, 0);
    // Each next byte that may start `sep` found by a tight search; the rest of `sep` compared
    // only there (a multi-byte `sep` is rare).
    while let Some(k) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == first))
    {
        let at = from + k;
        if bytes.get(at..).is_some_and(|rest| rest.starts_with(sep)) {
            out.push(text.get(start..at).unwrap_or_default().to_owned());
            start = at + sep.len();
            from = start;
        } else {
            from = at + 1;
        }
    }
    // read.js ends every entry with `sep`: nothing follows the last one.
    out
}

/// The claim options of `signToken` and `TokenSigner.sign`, in the order api.js passes them.
pub struct ClaimArgs {
    pub permissions: String,
    pub sep: Option<char>,
    pub version: Option<f64>,
    pub room_id: Option<String>,
    pub participant_id: Option<String>,
    pub roles: Option<String>,
    pub expires_in: Option<Span>,
    pub not_before: Option<Span>,
    pub jwt_id: Option<String>,
    pub jti_random: Option<Vec<u8>>,
    pub now: f64,
    /// Custom claims: the JSON text read.js wrote of the `claims` option (custom-claims.js).
    pub claims_json: Option<String>,
}

impl ClaimArgs {
    /// Core options: the clock first, then every claim as given.
    pub fn options(self) -> Result<ClaimsOptions, TokenError> {
        let mut claims = ClaimsOptions::new(list(self.permissions, self.sep), check_now(self.now)?);
        claims.version = self.version;
        claims.room_id = self.room_id;
        claims.participant_id = self.participant_id;
        claims.roles = self.roles.map(|roles| list(roles, self.sep));
        claims.expires_in = self.expires_in;
        claims.not_before = self.not_before;
        claims.jwt_id = match (self.jwt_id, self.jti_random) {
            (Some(id), _) => Some(JwtId::Given(id)),
            (None, Some(bytes)) => {
                let mut random = [0u8; 16];
                for (to, from) in random.iter_mut().zip(&bytes) {
                    *to = *from;
                }
                Some(JwtId::RandomBytes(random))
            }
            (None, None) => None,
        };
        claims.claims_json = self.claims_json;
        Ok(claims)
    }
}

/// A secret as api.js passes it: text or bytes (read.js requires one), each a copy the glue
/// made in wasm memory, which becomes the key's own (cleared on drop). Neither would be an empty
/// secret, which the core refuses as too short.
pub fn secret(text: Option<String>, bytes: Option<Vec<u8>>) -> Result<Secret, TokenError> {
    Secret::from_vec(text.map(String::into_bytes).or(bytes).unwrap_or_default())
}

/// One secret (text or bytes), or a list: bytes holding each secret after the other, `lens`
/// their lengths. Every copy is zeroed once the keys are made.
pub fn secrets(
    text: Option<String>,
    bytes: Option<Vec<u8>>,
    lens: Option<Vec<u32>>,
) -> Result<Vec<Secret>, TokenError> {
    match (bytes, lens) {
        (Some(mut bytes), Some(lens)) => {
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
        (bytes, _) => secret(text, bytes).map(|s| vec![s]),
    }
}
