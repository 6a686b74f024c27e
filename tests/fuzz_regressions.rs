//! Replays, under `cargo test`, the fuzz seeds (fuzz/seeds/) and every input the fuzzers ever
//! crashed on (fuzz/regressions/: copy a crash from fuzz/artifacts/<target>/ there, named
//! `decode-…` or `verify-…`), through the same checks the fuzz targets make.
#![cfg(not(target_arch = "wasm32"))] // native core tests: files, clocks, proptest

use std::path::Path;

#[path = "../fuzz/fuzz_targets/checks.rs"]
mod checks;

fn inputs(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn seeds_pass_the_fuzz_checks() {
    let decode = inputs("fuzz/seeds/decode");
    let verify = inputs("fuzz/seeds/verify");
    assert!(!decode.is_empty() && !verify.is_empty());
    for (_, data) in &decode {
        checks::decode_input(data);
    }
    for (_, data) in &verify {
        checks::verify_input(data);
    }
}

#[test]
fn seeds_include_valid_tokens() {
    // The fuzzers start from tokens that verify, so mutations explore near the accepting path.
    use videosdk_token::{verify_token, Secret, VerifyOptions};
    let secret = Secret::from_text(checks::SECRET).unwrap();
    let valid = inputs("fuzz/seeds/verify")
        .iter()
        .filter(|(_, d)| d.first() == Some(&1))
        .filter(|(_, d)| {
            let token = std::str::from_utf8(&d[1..]).unwrap();
            verify_token(
                token,
                std::slice::from_ref(&secret),
                &VerifyOptions::at(checks::NOW),
            )
            .is_ok()
        })
        .count();
    assert!(valid >= 4, "only {valid} seeds verify");
}

#[test]
fn crash_regressions_stay_fixed() {
    for (name, data) in inputs("fuzz/regressions") {
        if name.starts_with("decode") {
            checks::decode_input(&data);
        } else if name.starts_with("verify") {
            checks::verify_input(&data);
        } else {
            panic!("fuzz/regressions/{name}: name it decode-… or verify-…");
        }
    }
}
