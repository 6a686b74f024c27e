//! Signing: checked options → payload JSON → `header.payload` → HMAC-SHA-256 → token.

use hmac::Mac;
use zeroize::Zeroize;

use crate::base64url;
use crate::error::TokenError;
use crate::json::write_str;
use crate::options::{check_text, ClaimsOptions};
use crate::secret::{HmacSha256, Secret};

/// `{"alg":"HS256","typ":"JWT"}`, encoded once: the token never chooses the algorithm.
pub(crate) const HEADER_B64: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
/// The same header as JSON text.
pub(crate) const HEADER_JSON: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// Signs a VideoSDK token with `secret`.
///
/// ```
/// use videosdk_token::{sign_token, verify_token, ClaimsOptions, Secret, VerifyOptions};
/// let secret = Secret::from_text("0123456789abcdef0123456789abcdef0123456789abcdef")?;
/// let mut options = ClaimsOptions::new(["allow_join"], 1_700_000_000);
/// options.room_id = Some("abcd-efgh-ijkl".into());
/// let token = sign_token("my-api-key", &secret, &options)?;
/// let claims = verify_token(&token, &[secret], &VerifyOptions::at(1_700_000_060))?;
/// assert_eq!(claims.payload["roomId"], "abcd-efgh-ijkl");
/// # Ok::<(), videosdk_token::TokenError>(())
/// ```
pub fn sign_token(
    api_key: &str,
    secret: &Secret,
    options: &ClaimsOptions,
) -> Result<String, TokenError> {
    check_text("apiKey", api_key)?;
    let payload = payload_json(api_key, options)?;
    Ok(finish(secret.mac(), &payload))
}

/// An API key and keyed HMAC state, held for signing many tokens: the key schedule (two SHA-256
/// blocks) is done once here instead of once per token. Signs the same tokens as [`sign_token`].
pub struct Signer {
    api_key: String,
    mac: HmacSha256,
}

impl Signer {
    /// Checks the API key and keys the MAC.
    pub fn new(api_key: &str, secret: &Secret) -> Result<Self, TokenError> {
        check_text("apiKey", api_key)?;
        Ok(Self {
            api_key: api_key.to_owned(),
            mac: secret.mac(),
        })
    }

    /// Signs a token with the held API key and key.
    pub fn sign(&self, options: &ClaimsOptions) -> Result<String, TokenError> {
        let payload = payload_json(&self.api_key, options)?;
        Ok(finish(self.mac.clone(), &payload))
    }
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("api_key", &self.api_key)
            .finish_non_exhaustive()
    }
}

/// The payload, members in a fixed order: apikey, permissions, version, roomId, participantId,
/// roles, jti, iat, nbf, exp.
fn payload_json(api_key: &str, options: &ClaimsOptions) -> Result<String, TokenError> {
    let c = options.check()?;
    let mut out = String::with_capacity(160 + api_key.len());
    out.push_str("{\"apikey\":");
    write_str(&mut out, api_key);
    out.push_str(",\"permissions\":[");
    for (i, p) in c.permissions.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(p.as_str());
        out.push('"');
    }
    out.push(']');
    if c.version2 {
        out.push_str(",\"version\":2");
    }
    for (name, value) in [("roomId", &c.room_id), ("participantId", &c.participant_id)] {
        if let Some(v) = value {
            out.push_str(",\"");
            out.push_str(name);
            out.push_str("\":");
            write_str(&mut out, v);
        }
    }
    if !c.roles.is_empty() {
        out.push_str(",\"roles\":[");
        for (i, r) in c.roles.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            out.push_str(r.as_str());
            out.push('"');
        }
        out.push(']');
    }
    if let Some(jti) = &c.jti {
        out.push_str(",\"jti\":");
        write_str(&mut out, jti);
    }
    push_int(&mut out, ",\"iat\":", c.iat);
    if let Some(nbf) = c.nbf {
        push_int(&mut out, ",\"nbf\":", nbf);
    }
    push_int(&mut out, ",\"exp\":", c.exp);
    out.push('}');
    Ok(out)
}

fn push_int(out: &mut String, key: &str, value: i64) {
    out.push_str(key);
    // By hand rather than through core::fmt, which showed up in the signing profile.
    if value < 0 {
        out.push('-');
    }
    crate::text::push_u64(out, value.unsigned_abs());
}

/// `HEADER.payload.signature` with the MAC over the first two parts.
fn finish(mut mac: HmacSha256, payload: &str) -> String {
    let mut token = String::with_capacity(HEADER_B64.len() + 2 + payload.len() * 4 / 3 + 48);
    token.push_str(HEADER_B64);
    token.push('.');
    base64url::encode_into(payload.as_bytes(), &mut token);
    mac.update(token.as_bytes());
    let mut tag: [u8; 32] = mac.finalize().into_bytes().into();
    token.push('.');
    base64url::encode_into(&tag, &mut token);
    tag.zeroize();
    token
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::JwtId;

    const NOW: i64 = 1_700_000_000;
    const SECRET: &str = "b3b0b4a5c5d2e8f1a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5";

    fn secret() -> Secret {
        Secret::from_text(SECRET).unwrap()
    }

    fn payload_of(token: &str) -> String {
        let part = token.split('.').nth(1).unwrap();
        String::from_utf8(base64url::decode(part.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn header_constant_is_the_fixed_header() {
        assert_eq!(
            base64url::decode(HEADER_B64.as_bytes()).unwrap(),
            HEADER_JSON.as_bytes()
        );
        assert_eq!(HEADER_JSON, r#"{"alg":"HS256","typ":"JWT"}"#);
    }

    #[test]
    fn payload_has_the_claims_in_order() {
        let mut o = ClaimsOptions::new(["allow_join", "allow_mod"], NOW);
        o.room_id = Some("room \"1\"".into());
        o.participant_id = Some("p".into());
        o.roles = Some(vec!["crawler".into(), "rtc".into()]);
        o.jwt_id = Some(JwtId::Given("id-1".into()));
        o.not_before = Some(30.into());
        let token = sign_token("key", &secret(), &o).unwrap();
        assert_eq!(
            payload_of(&token),
            r#"{"apikey":"key","permissions":["allow_join","allow_mod"],"version":2,"roomId":"room \"1\"","participantId":"p","roles":["crawler","rtc"],"jti":"id-1","iat":1700000000,"nbf":1700000030,"exp":1700007200}"#
        );
    }

    #[test]
    fn integers_are_written_as_json_numbers() {
        for n in [0, 7, -7, 1_700_000_000, i64::MAX, i64::MIN] {
            let mut out = String::new();
            push_int(&mut out, "", n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn v1_token_has_no_version() {
        let token = sign_token("key", &secret(), &ClaimsOptions::new(["ask_join"], NOW)).unwrap();
        assert_eq!(
            payload_of(&token),
            r#"{"apikey":"key","permissions":["ask_join"],"iat":1700000000,"exp":1700007200}"#
        );
    }

    #[test]
    fn signer_gives_the_same_token_as_sign_token() {
        let mut o = ClaimsOptions::new(["allow_join"], NOW);
        o.room_id = Some("r".into());
        let signer = Signer::new("key", &secret()).unwrap();
        assert_eq!(
            signer.sign(&o).unwrap(),
            sign_token("key", &secret(), &o).unwrap()
        );
        // The held state is cloned, not consumed: a second token is the same again.
        assert_eq!(signer.sign(&o).unwrap(), signer.sign(&o).unwrap());
    }

    #[test]
    fn signature_is_hmac_sha256_over_the_first_two_parts() {
        let token = sign_token("key", &secret(), &ClaimsOptions::new(["allow_join"], NOW)).unwrap();
        let (input, sig) = token.rsplit_once('.').unwrap();
        let mut mac = <HmacSha256 as hmac::KeyInit>::new_from_slice(SECRET.as_bytes()).unwrap();
        mac.update(input.as_bytes());
        assert_eq!(
            base64url::encode(&mac.finalize().into_bytes()),
            sig,
            "signature"
        );
    }

    #[test]
    fn api_key_is_required() {
        let err = sign_token("", &secret(), &ClaimsOptions::new(["allow_join"], NOW)).unwrap_err();
        assert_eq!(err.field(), Some("apiKey"));
        assert!(Signer::new("", &secret()).is_err());
    }

    #[test]
    fn debug_of_a_signer_shows_no_key_state() {
        let s = format!("{:?}", Signer::new("key", &secret()).unwrap());
        assert_eq!(s, "Signer { api_key: \"key\", .. }");
    }
}
