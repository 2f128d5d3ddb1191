//! What the report, redaction and terminal-view tests share: the fixture and running the binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The conversations the report tests run on (with markup typed by customers and personal data).
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/calls.jsonl")
}

/// Runs `sincerity` with `args`.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sincerity"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A temporary path as an argument.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// An output file's contents.
pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).expect("output file exists")
}
