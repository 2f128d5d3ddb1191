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

#[test]
fn the_agent_label_names_the_agent_of_numbered_speakers_in_text_captions_and_tables() {
    // An outbound call: the customer answers first and nobody says an agent's phrase, so by
    // default the first voice is taken for the agent's.
    let text = "Speaker 1: Hello?\nSpeaker 2: Hi, it's Maya from Litware Bank, about the card you reported.\nSpeaker 1: Oh yes, I lost it on Friday.\n";
    let vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Speaker 1>Hello?</v>\n\n00:00:01.500 --> 00:00:05.000\n<v Speaker 2>Hi, it's Maya from Litware Bank, about the card you reported.</v>\n\n00:00:05.500 --> 00:00:08.000\n<v Speaker 1>Oh yes, I lost it on Friday.</v>\n";
    let table = "speaker,text\nSpeaker 1,Hello?\nSpeaker 2,\"Hi, it's Maya from Litware Bank, about the card you reported.\"\nSpeaker 1,\"Oh yes, I lost it on Friday.\"\n";
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [("call.txt", text), ("call.vtt", vtt), ("call.csv", table)] {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let roles = |label: Option<&str>| -> Vec<String> {
            let mut cmd = sincerity();
            cmd.args(["convert", "-q"]);
            if let Some(label) = label {
                cmd.args(["--agent-label", label]);
            }
            let out = cmd.arg(&path).output().unwrap();
            assert!(out.status.success(), "{name}");
            let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            record["turns"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["role"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(roles(None), ["agent", "customer", "agent"], "{name}");
        // Labels compare as labels do: any case, spaces around ignored.
        assert_eq!(
            roles(Some(" speaker 2")),
            ["customer", "agent", "customer"],
            "{name}"
        );
        // A label none of the voices carries leaves the default reading.
        assert_eq!(
            roles(Some("Speaker 3")),
            ["agent", "customer", "agent"],
            "{name}"
        );
    }
}
