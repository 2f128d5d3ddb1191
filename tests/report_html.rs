//! The HTML report end to end: what the page contains, that transcript text is escaped, that
//! findings are highlighted where they are, that the JSON output does not change, and that
//! the number of embedded transcripts is capped, worst first.

mod report_support;

use report_support::{fixture, read, run, s};
use std::path::Path;

use base64::Engine as _;
use regex::Regex;
use serde_json::Value;
use sha2::{Digest, Sha256};

fn results(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// The HTML entity form the page uses for text (an independent statement of the escaping
/// contract: the five characters that matter in text and quoted attributes).
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

fn score_report(dir: &Path, extra: &[&str]) -> (String, String) {
    let html = dir.join("report.html");
    let jsonl = dir.join("out.jsonl");
    let fixture = fixture();
    let mut args = vec![
        "score",
        s(&fixture),
        "-q",
        "-o",
        s(&jsonl),
        "--report",
        s(&html),
    ];
    args.extend_from_slice(extra);
    let out = run(&args);
    // The fixture holds one broken record, so the run reports errors (exit 1), not failure.
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    (read(&html), read(&jsonl))
}

#[test]
fn the_page_has_its_parts_and_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let (html, _) = score_report(dir.path(), &[]);
    for id in [
        "id=\"hist-empathy\"",
        "id=\"hist-sincerity\"",
        "id=\"hist-effort\"",
        "id=\"chart-rules\"",
        "id=\"chart-matrix\"",
        "id=\"agent-table\"",
        "id=\"f-rule\"",
        "id=\"f-agent\"",
    ] {
        assert!(html.contains(id), "missing {id}");
    }
    assert!(html.contains("<mark class=\"hl hl-"));
    // Twelve records read, one of them broken.
    assert!(html.contains("<div class=\"v\">11</div>"));
    assert!(html.contains("1 could not be read"));

    // Nothing is loaded from anywhere: one inline script, no external resources.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<script>"));
    for tag in ["<link", "<img", "<iframe", "<object", "<embed", "<base"] {
        assert!(!html.contains(tag), "{tag} in the page");
    }
    assert!(!html.contains("http://") && !html.contains("https://"));

    // The policy allows exactly the page's own style and script, by hash.
    let style = between(&html, "<style>", "</style>");
    let script = between(&html, "<script>", "</script>");
    let hash =
        |t: &str| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(t.as_bytes()));
    let csp = format!(
        "default-src &#39;none&#39;; style-src &#39;sha256-{}&#39;; script-src &#39;sha256-{}&#39;",
        hash(style),
        hash(script)
    );
    assert!(
        html.contains(&csp),
        "CSP does not match the inline style and script"
    );
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let start = text.find(open).expect("opening tag") + open.len();
    let end = start + text[start..].find(close).expect("closing tag");
    &text[start..end]
}

#[test]
fn markup_typed_into_a_chat_is_shown_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let (html, _) = score_report(dir.path(), &[]);
    let injected = [
        "<script>document.title='PWNED'</script>",
        "\"><img src=x onerror=\"document.body.appendChild(document.createElement('p')).id='pwned'\">",
        "</script><script>document.title='PWNED'</script>",
        "<svg onload=alert(1)>",
        "<b>Eve</b>",
    ];
    for text in injected {
        assert!(!html.contains(text), "raw markup in the page: {text}");
        assert!(
            html.contains(&escaped(text)),
            "escaped text missing: {text}"
        );
    }
    // In attributes too: the agent id with a quote and a script tag.
    assert!(html.contains(&format!(
        "data-agent=\"{}\"",
        escaped("A9\"><script>document.title='PWNED'</script>")
    )));
}

#[test]
fn findings_are_highlighted_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let (html, jsonl) = score_report(dir.path(), &["--per-turn"]);
    let mut checked = 0;
    for result in results(&jsonl) {
        let Some(findings) = result["findings"].as_array() else {
            continue;
        };
        let turns = result["turns"].as_array().expect("--per-turn gives turns");
        for f in findings {
            let (turn, start, end) = (
                f["turn"].as_u64().unwrap() as usize,
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            // A finding that overlaps no other one in its turn is one mark of its own.
            let alone = findings.iter().filter(|g| *g != f).all(|g| {
                g["turn"].as_u64().unwrap() as usize != turn
                    || g["end"].as_u64().unwrap() as usize <= start
                    || g["start"].as_u64().unwrap() as usize >= end
            });
            if !alone {
                continue;
            }
            let text = turns[turn]["text"].as_str().unwrap();
            let quote = &text[start..end];
            assert_eq!(quote, f["quote"].as_str().unwrap());
            let rule = f["rule"].as_str().unwrap();
            let pattern = format!(
                "<mark class=\"hl hl-[a-z]+\" title=\"{} \\([^\"]*\">{}</mark><sup class=\"ref\">",
                regex::escape(rule),
                regex::escape(&escaped(quote))
            );
            assert!(
                Regex::new(&pattern).unwrap().is_match(&html),
                "no mark for {rule} on {quote:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} findings checked");
    // Empathy moments are marked as such.
    assert!(html.contains("<mark class=\"hl hl-good\" title=\"empathy-reaction"));
}

#[test]
fn the_json_output_does_not_change_with_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture();
    let plain = run(&["score", s(&fixture), "-q"]);
    let html = dir.path().join("r.html");
    let with_report = run(&["score", s(&fixture), "-q", "--report", s(&html)]);
    assert_eq!(plain.stdout, with_report.stdout);
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("\"turns\":[{"));

    let per_turn = run(&["score", s(&fixture), "-q", "--per-turn"]);
    let per_turn_report = run(&[
        "score",
        s(&fixture),
        "-q",
        "--per-turn",
        "--report",
        s(&html),
    ]);
    assert_eq!(per_turn.stdout, per_turn_report.stdout);
    assert!(String::from_utf8_lossy(&per_turn.stdout).contains("\"turns\":[{"));
}

#[test]
fn the_report_command_builds_from_saved_results() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture();
    let with_turns = dir.path().join("turns.jsonl");
    let without = dir.path().join("plain.jsonl");
    run(&[
        "score",
        s(&fixture),
        "-q",
        "--per-turn",
        "-o",
        s(&with_turns),
    ]);
    run(&["score", s(&fixture), "-q", "-o", s(&without)]);

    let page = dir.path().join("a.html");
    let out = run(&["report", s(&with_turns), "-o", s(&page), "-q"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let a = read(&page);
    assert!(a.contains("<ol class=\"transcript\">"));
    assert!(a.contains("<mark class=\"hl hl-"));
    assert!(!a.contains("carry no transcripts"));

    let out = run(&["report", s(&without), "-o", s(&page), "-q"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let b = read(&page);
    assert!(!b.contains("<ol class=\"transcript\">"));
    assert!(b.contains("carry no transcripts"));
    // The evidence is still there, quoted.
    assert!(b.contains("<q class=\"quote\">This is my third call</q>"));
    // Same counts either way.
    for part in ["<div class=\"v\">11</div>", "id=\"agent-table\""] {
        assert!(a.contains(part) && b.contains(part));
    }

    // A line that is not a result is counted, named on stderr with what it is instead, and
    // makes the exit code 1; a conversation given in place of its result is the usual slip.
    let mut text = read(&without);
    text.push_str("this is not json\n");
    text.push_str(r#"{"id":"c-9","turns":[{"speaker":"agent","text":"Hello"}]}"#);
    text.push('\n');
    std::fs::write(&without, text).unwrap();
    let out = run(&["report", s(&without), "-o", s(&page)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(":13: not JSON"), "{stderr}");
    assert!(
        stderr.contains(":14: a conversation, not a result"),
        "{stderr}"
    );
    assert!(read(&page).contains("2 unreadable lines<"));
}

/// The attention score, computed here independently of the crate.
fn attention(r: &Value) -> (f64, f64) {
    let e = r["scores"]["empathy"].as_f64().unwrap();
    let s = r["scores"]["sincerity"].as_f64().unwrap();
    let f = r["scores"]["effort"].as_f64().unwrap();
    (
        (100.0 - e).max(100.0 - s).max(f),
        (100.0 - e) + (100.0 - s) + f,
    )
}

#[test]
fn transcripts_are_capped_worst_first_and_the_page_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // 120 conversations: the fixture's scored ones, repeated under new ids.
    let lines: Vec<String> = std::fs::read_to_string(fixture())
        .unwrap()
        .lines()
        .filter(|l| !l.contains("not a list"))
        .map(str::to_string)
        .collect();
    let mut corpus = String::new();
    for i in 0..120 {
        let mut v: Value = serde_json::from_str(&lines[i % lines.len()]).unwrap();
        v["id"] = Value::String(format!("k{i:03}"));
        corpus.push_str(&v.to_string());
        corpus.push('\n');
    }
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, corpus).unwrap();
    let out_jsonl = dir.path().join("out.jsonl");
    let html = dir.path().join("r.html");
    let out = run(&[
        "score",
        s(&input),
        "-q",
        "-o",
        s(&out_jsonl),
        "--report",
        s(&html),
        "--report-max-calls",
        "10",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let html = read(&html);

    let scored = results(&read(&out_jsonl));
    let mut flagged: Vec<(f64, f64, usize, String)> = scored
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let (a, sum) = attention(r);
            (a >= 50.0).then(|| (a, sum, i, r["id"].as_str().unwrap().to_string()))
        })
        .collect();
    let flagged_count = flagged.len();
    assert!(flagged_count > 8, "the corpus must flag more than fit");
    flagged.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.cmp(&b.2))
    });
    let expected: Vec<String> = flagged.iter().take(8).map(|f| f.3.clone()).collect();

    let re = Regex::new(r#"<details class="call (flagged|sample)" id="call-([^"]+)""#).unwrap();
    let embedded: Vec<(String, String)> = re
        .captures_iter(&html)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect();
    assert_eq!(embedded.len(), 10);
    let worst: Vec<String> = embedded
        .iter()
        .filter(|(k, _)| k == "flagged")
        .map(|(_, id)| id.clone())
        .collect();
    assert_eq!(worst, expected);
    assert_eq!(embedded.iter().filter(|(k, _)| k == "sample").count(), 2);
    assert!(html.contains(&format!(
        "This page embeds 8 of the {flagged_count} flagged conversations (the worst first) and a sample of 2 of the {} not flagged",
        120 - flagged_count
    )));
    assert!(html.contains("raise --report-max-calls to embed more"));
    // Aggregates cover all 120.
    assert!(html.contains("<div class=\"v\">120</div>"));
}

#[test]
fn transcripts_with_the_same_id_get_distinct_anchors() {
    // Two inputs with the same conversation id: each transcript's links must open itself.
    let dir = tempfile::tempdir().unwrap();
    let call = r#"{"id":"dup id","turns":[{"speaker":"customer","text":"My card was declined twice."},{"speaker":"agent","text":"Let me look."}]}"#;
    let input = dir.path().join("calls.jsonl");
    std::fs::write(&input, format!("{call}\n{call}\n")).unwrap();
    let html = dir.path().join("report.html");
    let out = run(&[
        "score",
        s(&input),
        "-q",
        "-o",
        "/dev/null",
        "--report",
        s(&html),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let page = read(&html);
    let ids: Vec<&str> = Regex::new(r#"<details class="call[^"]*" id="([^"]+)""#)
        .unwrap()
        .captures_iter(&page)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert_eq!(ids, ["call-dup_id", "call-dup_id~2"]);
    assert!(page.contains("href=\"#only:call-dup_id~2\""));
}
