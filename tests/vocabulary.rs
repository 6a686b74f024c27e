//! pkg-template/shared/vocabulary.js is written from the core's own constants, so that the JS side
//! (api.js, endpoint.js, the page, index.d.ts's unions by test) takes every VideoSDK word and
//! limit from one home. This test fails when the committed file differs from what the core
//! says; `UPDATE=1 cargo test --test vocabulary` (or `make vocabulary`) rewrites it.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::PathBuf;

use videosdk_token::words::*;

fn js_str(s: &str) -> String {
    // JSON string syntax is JS string syntax; serde_json escapes what must be.
    let json = serde_json::to_string(s).unwrap();
    // Single quotes, as the package's JS is written.
    let inner = &json[1..json.len() - 1];
    format!("'{}'", inner.replace("\\\"", "\"").replace('\'', "\\'"))
}

/// How every table is frozen. A bundler cannot know that `Object.freeze` has no side effect, so
/// without the annotation it keeps every table of this module in any bundle that imports one
/// constant (the minimal Worker carried them all); with it, the unused ones are dropped.
const FREEZE: &str = "/* @__PURE__ */ Object.freeze";

fn list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| js_str(s.as_ref())).collect();
    format!("{FREEZE}([{}])", items.join(", "))
}

/// A frozen object on one line: `{ a: 1, b: 2 }`.
fn inline(entries: impl IntoIterator<Item = String>) -> String {
    format!(
        "{FREEZE}({{ {} }})",
        entries.into_iter().collect::<Vec<_>>().join(", ")
    )
}

/// A frozen object with one entry a line.
fn block(entries: impl IntoIterator<Item = String>) -> String {
    let lines: String = entries.into_iter().map(|e| format!("  {e},\n")).collect();
    format!("{FREEZE}({{\n{lines}}})")
}

/// `export const NAME = value;` after a blank line and its doc comment.
fn constant(out: &mut String, doc: &str, name: &str, value: impl std::fmt::Display) {
    writeln!(out, "\n/** {doc} */\nexport const {name} = {value};").unwrap();
}

fn vocabulary() -> String {
    let mut text = String::from(
        "// Generated from the Rust core by tests/vocabulary.rs: VideoSDK's words and the limits,\n\
         // defined once in src/model/vocab.rs and its neighbours. Do not edit: `make vocabulary`\n\
         // rewrites this file, and `cargo test` fails while it differs from the core.\n",
    );
    let out = &mut text;
    constant(
        out,
        "Every permission, with what it lets a token's bearer do.",
        "PERMISSIONS",
        block(
            Permission::ALL
                .iter()
                .map(|p| format!("{}: {}", p.as_str(), js_str(p.meaning()))),
        ),
    );
    constant(
        out,
        "Every role, with where it lets a token be used.",
        "ROLES",
        block(
            Role::ALL
                .iter()
                .map(|r| format!("{}: {}", r.as_str(), js_str(r.meaning()))),
        ),
    );
    constant(
        out,
        "The claims that need version 2.",
        "V2_CLAIMS",
        list(V2_CLAIMS),
    );
    constant(
        out,
        "Every unit a span may have, in seconds.",
        "SPAN_UNITS",
        inline(
            SPAN_UNITS
                .iter()
                .flat_map(|(names, secs)| names.iter().map(move |n| format!("{n}: {secs}"))),
        ),
    );
    for (name, doc, value) in [
        (
            "MAX_SPAN_SECONDS",
            "The longest span anywhere: 365 days.",
            MAX_SPAN_SECS.to_string(),
        ),
        (
            "MAX_TOKEN_LEN",
            "The longest token accepted, in bytes.",
            MAX_TOKEN_LEN.to_string(),
        ),
        (
            "MAX_CLAIMS_DEPTH",
            "The deepest custom claims may nest (the claims object itself is level 1).",
            MAX_CLAIMS_DEPTH.to_string(),
        ),
        (
            "MAX_OPTION_LEN",
            "The longest apiKey, roomId, participantId or jwtId, in bytes.",
            MAX_OPTION_LEN.to_string(),
        ),
        (
            "MIN_SECRET_LEN",
            "The shortest secret, in bytes.",
            MIN_SECRET_LEN.to_string(),
        ),
        (
            "DEFAULT_EXPIRES_IN_SECONDS",
            "A token's lifetime when expiresIn is not given.",
            DEFAULT_EXPIRES_IN_SECS.to_string(),
        ),
        (
            "ECHO_MAX",
            "Untrusted text echoed in a message is cut to this many characters.",
            ECHO_MAX.to_string(),
        ),
        (
            "ECHO_ESCAPED",
            "Characters escaped wherever untrusted text is shown: the first and last code point of each range.",
            format!(
                "{FREEZE}([{}])",
                ESCAPED
                    .iter()
                    .map(|&(a, b)| format!("[0x{:x}, 0x{:x}]", u32::from(a), u32::from(b)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        (
            "VERIFY_MESSAGE",
            "The message of every verify failure.",
            js_str(VERIFY_MESSAGE),
        ),
        (
            "PERMISSIONS_EXAMPLE",
            "A list of permissions as messages show one.",
            js_str(PERMISSIONS_EXAMPLE),
        ),
        (
            "ROLES_EXAMPLE",
            "A list of roles as messages show one.",
            js_str(ROLES_EXAMPLE),
        ),
    ] {
        constant(out, doc, name, value);
    }
    constant(
        out,
        "VideoSDK's REST API: the server-side v2 API and the webhook public key live under it.",
        "API_BASE",
        js_str(API_BASE),
    );
    constant(
        out,
        "What VideoSDK's server-side v2 API asks of a token: moderator rights, the crawler role (API only), version 2.",
        "MANAGEMENT_CLAIMS",
        inline([
            format!(
                "permissions: {}",
                list(MANAGEMENT_PERMISSIONS.iter().map(|p| p.as_str()))
            ),
            format!("version: {VERSION}"),
            format!(
                "roles: {}",
                list(MANAGEMENT_ROLES.iter().map(|r| r.as_str()))
            ),
        ]),
    );
    constant(
        out,
        "The claims this package writes, each with the option that sets it: no custom claim takes one of these names.",
        "RESERVED_CLAIMS",
        inline(
            RESERVED_CLAIMS
                .iter()
                .map(|(claim, option)| format!("{claim}: {}", js_str(option))),
        ),
    );
    constant(
        out,
        "The upper-case role names of VideoSDK's older docs, each with the name to sign instead.",
        "LEGACY_ROLES",
        inline(
            Role::ALL
                .iter()
                .map(|r| format!("{}: {}", r.legacy_str(), js_str(r.as_str()))),
        ),
    );
    constant(
        out,
        "The errors VideoSDK raises at join for a token it refuses, by name, with their codes.",
        "JOIN_ERRORS",
        inline(
            [INVALID_PERMISSIONS, INVALID_PARTICIPANT_ID]
                .iter()
                .map(|e| format!("{}: {}", e.name, e.code)),
        ),
    );
    constant(
        out,
        "Every TokenError code.",
        "ERROR_CODES",
        list(ErrorCode::ALL.iter().map(|c| c.as_str())),
    );
    constant(
        out,
        "The option names each call takes.",
        "OPTIONS",
        block([
            format!("signer: {}", list(SIGNER_OPTIONS)),
            format!("claims: {}", list(CLAIM_OPTIONS)),
            format!("verify: {}", list(VERIFY_OPTIONS)),
            format!("decode: {}", list(DECODE_OPTIONS)),
        ]),
    );
    text
}

#[test]
fn vocabulary_js_is_what_the_core_says() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("pkg-template/shared/vocabulary.js");
    let want = vocabulary();
    if std::env::var_os("UPDATE").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "pkg-template/shared/vocabulary.js is out of date with the core: run `make vocabulary` \
         (UPDATE=1 cargo test --test vocabulary) and commit it"
    );
}
