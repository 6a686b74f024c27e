//! The decode summary as JSON text for api.js, which builds the DecodedToken from it with one
//! `JSON.parse` (the header and payload embedded as received, which the strict scanner accepted).

use crate::leaf::json::write_str;
use crate::ops::decode::Summary;

/// `{"header":…,"payload":…,"signature":"…","dates":n,"expired":b,"warnings":[…],
/// "customClaims":{…}}`: bits 0, 1 and 2 of `dates` say whether iat, exp and nbf are plausible
/// times, which api.js then turns into Dates from the parsed payload; `customClaims` is the
/// payload's members this package does not write, apart from the warnings.
pub fn summary_json(s: &Summary<'_>) -> String {
    let mut out = String::with_capacity(
        s.header_json.len()
            + s.payload_json.len()
            + s.signature.len()
            + s.custom_claims_json.len()
            + 100,
    );
    out.push_str("{\"header\":");
    out.push_str(&s.header_json);
    out.push_str(",\"payload\":");
    out.push_str(&s.payload_json);
    out.push_str(",\"signature\":");
    write_str(&mut out, s.signature);
    let dates = u8::from(s.issued_at.is_some())
        | (u8::from(s.expires_at.is_some()) << 1)
        | (u8::from(s.not_before.is_some()) << 2);
    out.push_str(",\"dates\":");
    out.push(char::from(b'0' + dates));
    out.push_str(if s.expired {
        ",\"expired\":true,\"warnings\":["
    } else {
        ",\"expired\":false,\"warnings\":["
    });
    for (i, w) in s.warnings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(&mut out, w);
    }
    out.push_str("],\"customClaims\":");
    out.push_str(&s.custom_claims_json);
    out.push('}');
    out
}
