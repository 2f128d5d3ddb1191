//! The `formats` and `convert` subcommands through the binary.

use assert_cmd::Command;
use predicates::prelude::*;

const DIR: &str = "tests/fixtures/formats";

fn sincerity() -> Command {
    Command::cargo_bin("sincerity").expect("the binary builds")
}

#[test]
fn formats_lists_every_format() {
    let assert = sincerity().arg("formats").assert().success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).expect("UTF-8");
    for name in [
        "auto",
        "jsonl",
        "json",
        "csv",
        "text",
        "vtt",
        "srt",
        "contact-lens",
        "transcribe",
        "transcribe-job",
        "ccai",
        "genesys",
        "twilio",
        "azure-speech",
    ] {
        assert!(
            out.lines()
                .any(|l| l.split_whitespace().next() == Some(name)),
            "{name} missing"
        );
    }
}

#[test]
fn convert_writes_canonical_lines_to_a_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out.jsonl");
    sincerity()
        .args([
            "convert",
            &format!("{DIR}/zoom.vtt"),
            &format!("{DIR}/genesys.json"),
            "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "converted 2 conversations from 2 inputs, 0 errors",
        ));
    let written = std::fs::read_to_string(&out).expect("output");
    let ids: Vec<String> = written
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            v["id"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(
        ids,
        [
            format!("{DIR}/zoom.vtt"),
            "7f6e5d4c-3b2a-4190-8e7d-6c5b4a392817".to_string()
        ]
    );
}

#[test]
fn convert_exits_1_when_a_record_is_an_error() {
    sincerity()
        .args(["convert", "-q", &format!("{DIR}/batch.txt")])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"error\""))
        .stderr(predicate::str::contains("batch.txt:17"));
}

#[test]
fn convert_takes_the_reading_flags() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let csv = tmp.path().join("odd.csv");
    std::fs::write(&csv, "Ref,Who,Said\nr1,Agent,Hello\nr1,Caller,Hi\n").expect("write");
    sincerity()
        .args(["convert", "-q", "--columns", "id=Ref,speaker=Who,text=Said"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\":\"r1\""));
    sincerity()
        .args([
            "convert",
            "-q",
            "--twilio-agent-channel",
            "2",
            "--format",
            "twilio",
        ])
        .arg(format!("{DIR}/twilio_sentences.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "{\"role\":\"customer\",\"speaker\":\"customer\",\"text\":\"Good morning",
        ));
    // The customer on ch_0 speaks first; named as the agent's, ch_0 is the agent whatever
    // ch_1 says.
    sincerity()
        .args(["convert", "-q", "--agent-label", "ch_0"])
        .arg(format!("{DIR}/transcribe_job_channels.json"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "{\"role\":\"agent\",\"speaker\":\"ch_0\",\"text\":\"Hello?\"",
        ))
        .stdout(predicate::str::contains(
            "{\"role\":\"customer\",\"speaker\":\"ch_1\",\"text\":\"Hi, thanks for calling",
        ));
    sincerity()
        .args(["convert", "--format", "pdf", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown format `pdf`"));
    sincerity()
        .args(["convert", "--columns", "colour=red", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown column key"));
}
