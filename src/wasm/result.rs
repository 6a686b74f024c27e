//! The decode summary as text for api.js, which builds the DecodedToken from it: as little as
//! JSON.parse must read (parsing is most of a decode's time in JS), no part api.js has already.

use crate::jws::header::HEADER_JSON;
use crate::leaf::json::write_str;
use crate::ops::decode::Summary;

/// Between the summary's parts: JSON text holds no raw control character.
const SEP: char = '\u{1f}';

/// `dates` `expired` `header` SEP `payload` SEP `customClaims` SEP `warnings`: `dates` is one
/// digit whose bits 0, 1 and 2 say whether iat, exp and nbf are plausible times (api.js makes
/// Dates of them from the parsed payload), `expired` is `0` or `1`, `header` the header's JSON
/// text as received, or nothing when it is the fixed `{"alg":"HS256","typ":"JWT"}`; the payload
/// and the custom claims (the payload's members this package does not write) are JSON text, the
/// warnings a JSON array of strings. The signature is not repeated: api.js has the token.
pub fn summary_text(s: &Summary<'_>) -> String {
    let header = if s.header_json == HEADER_JSON {
        ""
    } else {
        &s.header_json
    };
    let mut out = String::with_capacity(
        header.len() + s.payload_json.len() + s.custom_claims_json.len() + 16,
    );
    let dates = u8::from(s.issued_at.is_some())
        | (u8::from(s.expires_at.is_some()) << 1)
        | (u8::from(s.not_before.is_some()) << 2);
    out.push(char::from(b'0' + dates));
    out.push(if s.expired { '1' } else { '0' });
    out.push_str(header);
    out.push(SEP);
    out.push_str(&s.payload_json);
    out.push(SEP);
    out.push_str(&s.custom_claims_json);
    out.push(SEP);
    out.push('[');
    for (i, w) in s.warnings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(&mut out, w);
    }
    out.push(']');
    out
}
