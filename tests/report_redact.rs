//! `--redact`: personal data is masked in every output (JSON Lines, both CSVs, the HTML report,
//! the terminal view) while scores, findings and offsets stay exactly the same.

mod report_support;

use report_support::{fixture, read, run, s};
use std::path::Path;

use serde_json::Value;

/// Personal data written in the fixture, as typed.
const PII: &[&str] = &[
    "4111 1111 1111 1111",
    "5555 5555 5555 4444",
    "ravi.patel@example.com",
    "sam.okafor@example.org",
    "+44 20 7946 0958",
    "(555) 123-4567",
    "55123490",
    "99812377",
];

/// Look like data but are not personal; must survive.
const KEPT: &[&str] = &["ABX-42Q", "2026-03-02", "3 to 5 days", "8 pm"];

struct Outputs {
    jsonl: String,
    csv: String,
    findings: String,
    html: String,
}

fn score(dir: &Path, name: &str, extra: &[&str]) -> Outputs {
    let p = |ext: &str| dir.join(format!("{name}.{ext}"));
    let fixture = fixture();
    let (jsonl, csv, findings, html) = (p("jsonl"), p("csv"), p("findings.csv"), p("html"));
    let mut args = vec![
        "score",
        s(&fixture),
        "-q",
        "-o",
        s(&jsonl),
        "--csv",
        s(&csv),
        "--findings-csv",
        s(&findings),
        "--report",
        s(&html),
    ];
    args.extend_from_slice(extra);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    Outputs {
        jsonl: read(&jsonl),
        csv: read(&csv),
        findings: read(&findings),
        html: read(&html),
    }
}

fn results(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .filter(|v: &Value| v.get("scores").is_some())
        .collect()
}

/// A finding without its quote and detail: what redaction must not change.
fn finding_key(f: &Value) -> Value {
    let mut f = f.clone();
    let map = f.as_object_mut().unwrap();
    map.remove("quote");
    map.remove("detail");
    f
}

#[test]
fn scores_findings_and_offsets_are_the_same_with_and_without_redaction() {
    let dir = tempfile::tempdir().unwrap();
    let plain = results(&score(dir.path(), "plain", &["--per-turn"]).jsonl);
    let masked = results(&score(dir.path(), "masked", &["--per-turn", "--redact"]).jsonl);
    assert_eq!(plain.len(), masked.len());
    let mut quotes_masked = 0;
    for (p, m) in plain.iter().zip(&masked) {
        assert_eq!(p["id"], m["id"]);
        assert_eq!(p["scores"], m["scores"], "{}", p["id"]);
        assert_eq!(p["metrics"], m["metrics"], "{}", p["id"]);
        let (pf, mf) = (
            p["findings"].as_array().unwrap(),
            m["findings"].as_array().unwrap(),
        );
        assert_eq!(pf.len(), mf.len());
        for (a, b) in pf.iter().zip(mf) {
            assert_eq!(finding_key(a), finding_key(b));
            // Same-length masks: the quote keeps its length in bytes …
            assert_eq!(
                a["quote"].as_str().unwrap().len(),
                b["quote"].as_str().unwrap().len()
            );
            if a["quote"] != b["quote"] {
                quotes_masked += 1;
            }
        }
        // … and so does every turn, so the offsets point at the same words.
        let (pt, mt) = (
            p["turns"].as_array().unwrap(),
            m["turns"].as_array().unwrap(),
        );
        for (a, b) in pt.iter().zip(mt) {
            assert_eq!(
                a["text"].as_str().unwrap().len(),
                b["text"].as_str().unwrap().len()
            );
        }
        for f in mf {
            let text = mt[f["turn"].as_u64().unwrap() as usize]["text"]
                .as_str()
                .unwrap();
            let (start, end) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], f["quote"].as_str().unwrap());
        }
    }
    // The fixture has findings whose quotes hold personal data; they were masked.
    assert!(quotes_masked >= 2, "{quotes_masked}");
}

#[test]
fn no_personal_data_in_any_output() {
    let dir = tempfile::tempdir().unwrap();
    // Without redaction the data is there (so the check below means something) …
    let plain = score(dir.path(), "plain", &["--per-turn"]);
    let everything = format!(
        "{}{}{}{}",
        plain.jsonl, plain.csv, plain.findings, plain.html
    );
    for pii in PII {
        assert!(everything.contains(pii), "fixture lacks {pii}");
    }
    // … and with it, it is nowhere, with and without the per-turn view.
    for extra in [&["--redact"][..], &["--redact", "--per-turn"][..]] {
        let out = score(dir.path(), "masked", extra);
        for (name, text) in [
            ("jsonl", &out.jsonl),
            ("csv", &out.csv),
            ("findings csv", &out.findings),
            ("html", &out.html),
        ] {
            for pii in PII {
                assert!(
                    !text.contains(pii),
                    "{pii} in the {name} output ({extra:?})"
                );
            }
        }
        for kept in KEPT {
            assert!(out.html.contains(kept), "{kept} was masked");
        }
        assert!(out.html.contains("personal data masked"));
        assert!(out.jsonl.contains("***.******@*******.***"));
        // Identifiers stay, so results still join and group.
        assert!(out.jsonl.contains("\"agent_id\":\"D44\""));
        assert!(out.jsonl.contains("\"id\":\"c-pii-2\""));
        // Other metadata is masked: the ticket number is a long digit run.
        assert!(out.jsonl.contains("\"ticket\":\"INC-#######\""));
    }
}

#[test]
fn the_report_and_show_commands_redact_too() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture();
    let saved = dir.path().join("saved.jsonl");
    run(&["score", s(&fixture), "-q", "--per-turn", "-o", s(&saved)]);
    assert!(read(&saved).contains("ravi.patel@example.com"));
    let page = dir.path().join("r.html");
    let out = run(&["report", s(&saved), "-o", s(&page), "-q", "--redact"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let html = read(&page);
    for pii in PII {
        assert!(!html.contains(pii), "{pii} in the page");
    }

    for id in ["c-pii-1", "c-pii-2", "c-effort-1"] {
        let out = run(&["show", s(&fixture), "--id", id, "--redact"]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(id));
        for pii in PII {
            assert!(!text.contains(pii), "{pii} shown for {id}");
        }
    }
}
