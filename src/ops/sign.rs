//! Signing: options → checked claims → payload → `header.payload` → HMAC-SHA-256 → token.

use crate::jws::mac::{
    absorb, sign_payload, sign_rest, signed_len, signing_input, HmacSha256, Secret,
};
use crate::jws::untrusted::MAX_TOKEN_LEN;
use crate::leaf::error::TokenError;
use crate::leaf::text::{cat, int};
use crate::model::custom_claims;
use crate::model::sign_options::{check_text, payload_start, Claims, ClaimsOptions};

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
    let payload = payload_within_limit(&options.check()?, api_key)?;
    Ok(sign_payload(secret.mac(), &payload))
}

/// The payload, if the token made of it stays within what verify accepts: a token this package
/// signs can always be verified. Only custom claims (or option strings full of characters JSON
/// escapes six-fold) come near the limit.
fn payload_within_limit(claims: &Claims<'_>, api_key: &str) -> Result<Vec<u8>, TokenError> {
    let payload = claims.payload_json(api_key);
    let len = signed_len(payload.len());
    if len <= MAX_TOKEN_LEN {
        return Ok(payload);
    }
    let (field, advice) = if claims.custom.is_empty() {
        (
            "options",
            "use shorter apiKey, roomId, participantId or jwtId strings",
        )
    } else {
        (custom_claims::FIELD, "make the custom claims smaller")
    };
    Err(TokenError::invalid_option(
        field,
        cat(&[
            "the token would be ",
            &int(len as i64),
            " bytes; verifyToken refuses tokens over ",
            &int(MAX_TOKEN_LEN as i64),
            ": ",
            advice,
        ]),
    ))
}

/// An API key and keyed HMAC state, held for signing many tokens: the key schedule (two SHA-256
/// blocks) is done once here instead of once per token, and so is the hashing of what every token
/// of this API key starts with (`HEADER.` and the payload's `{"apikey":…` in base64url, a whole
/// SHA-256 block for a dashboard API key). Signs the same tokens as [`sign_token`].
pub struct Signer {
    api_key: String,
    /// How many bytes of each token's signing input `mac` has taken in: `HEADER.` and the
    /// base64url of the payload's start every token of this API key shares (`payload_start`, cut
    /// to a whole number of 3-byte groups, so that their base64url stands alone).
    taken: usize,
    mac: HmacSha256,
}

impl Signer {
    /// Checks the API key, keys the MAC and lets it take in what every token starts with.
    pub fn new(api_key: &str, secret: &Secret) -> Result<Self, TokenError> {
        check_text("apiKey", api_key)?;
        let mut start = Vec::new();
        payload_start(&mut start, api_key);
        start.truncate(start.len() / 3 * 3);
        let head = signing_input(&start);
        let mut mac = secret.mac();
        absorb(&mut mac, &head);
        Ok(Self {
            api_key: api_key.to_owned(),
            taken: head.len(),
            mac,
        })
    }

    /// Signs a token with the held API key and key. Every payload of this API key starts with
    /// `payload_start` (`payload_json` writes it first): the MAC takes in only what follows.
    pub fn sign(&self, options: &ClaimsOptions) -> Result<String, TokenError> {
        let payload = payload_within_limit(&options.check()?, &self.api_key)?;
        Ok(sign_rest(self.mac.clone(), self.taken, &payload))
    }
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("api_key", &self.api_key)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jws::header::{HEADER_B64, HEADER_JSON};
    use crate::leaf::base64url;
    use crate::model::sign_options::JwtId;
    use crate::ops::verify::{verify_token, VerifyOptions};
    use hmac::Mac;

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
    fn custom_claims_go_after_videosdk_s_claims_and_before_jti_and_the_times() {
        let mut o = ClaimsOptions::new(["allow_join"], NOW);
        o.participant_id = Some("p".into());
        o.roles = Some(vec!["rtc".into()]);
        o.jwt_id = Some(JwtId::Given("id".into()));
        o.claims_json = Some(r#"{"name":"Ada","profile":{"joined":"2024-01-01"}}"#.into());
        let token = sign_token("key", &secret(), &o).unwrap();
        assert_eq!(
            payload_of(&token),
            r#"{"apikey":"key","permissions":["allow_join"],"version":2,"participantId":"p","roles":["rtc"],"name":"Ada","profile":{"joined":"2024-01-01"},"jti":"id","iat":1700000000,"exp":1700007200}"#
        );
        let claims = verify_token(&token, &[secret()], &VerifyOptions::at(NOW))
            .unwrap()
            .payload;
        assert_eq!(claims["profile"]["joined"], "2024-01-01");
    }

    #[test]
    fn a_token_over_the_verify_limit_is_refused_at_sign_time() {
        let fits = |n: usize| {
            let mut o = ClaimsOptions::new(["allow_join"], NOW);
            o.claims_json = Some(format!(r#"{{"pad":"{}"}}"#, "x".repeat(n)));
            sign_token("key", &secret(), &o)
        };
        // The largest pad that fits, found by its length; one byte more is refused.
        let n = (0..MAX_TOKEN_LEN).rev().find(|&n| fits(n).is_ok()).unwrap();
        let token = fits(n).unwrap();
        assert!(MAX_TOKEN_LEN - token.len() < 4, "{}", token.len());
        verify_token(&token, &[secret()], &VerifyOptions::at(NOW)).unwrap();
        let e = fits(n + 1).unwrap_err();
        assert_eq!(e.field(), Some("claims"));
        assert!(
            e.reason().contains("verifyToken refuses tokens over 8192"),
            "{}",
            e.reason()
        );
        let signer = Signer::new("key", &secret()).unwrap();
        let mut o = ClaimsOptions::new(["allow_join"], NOW);
        o.claims_json = Some(format!(r#"{{"pad":"{}"}}"#, "x".repeat(n + 1)));
        assert_eq!(signer.sign(&o).unwrap_err().field(), Some("claims"));
        // Option strings of control characters (six bytes each in JSON) can pass it too.
        let mut o = ClaimsOptions::new(["allow_join"], NOW);
        o.room_id = Some("\u{1}".repeat(1024));
        o.jwt_id = Some(JwtId::Given("\u{1}".repeat(1024)));
        assert_eq!(
            sign_token(&"\u{1}".repeat(1024), &secret(), &o)
                .unwrap_err()
                .field(),
            Some("options")
        );
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
    fn signer_s_held_start_gives_the_same_tokens_for_any_api_key() {
        // API keys of every length modulo 3 (where the shared start is cut), escaped characters,
        // non-ASCII, and one long enough that the start spans several SHA-256 blocks.
        let long = "k".repeat(200);
        for api_key in [
            "k",
            "ke",
            "key",
            "key\"quoted\"",
            "clé-ü-\u{1}",
            long.as_str(),
        ] {
            let signer = Signer::new(api_key, &secret()).unwrap();
            for options in [ClaimsOptions::new(["allow_join"], NOW), {
                let mut o = ClaimsOptions::new(["allow_mod", "allow_join"], NOW);
                o.room_id = Some("r".into());
                o.roles = Some(vec!["crawler".into(), "rtc".into()]);
                o.claims_json = Some(r#"{"name":"Ada"}"#.into());
                o
            }] {
                assert_eq!(
                    signer.sign(&options).unwrap(),
                    sign_token(api_key, &secret(), &options).unwrap(),
                    "{api_key:?}"
                );
            }
        }
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
