//! `sincerity show`: one conversation in the terminal, speakers aligned, evidence marked,
//! colour only when wanted, and no escape sequence from the input ever reaching the terminal.

mod report_support;

use report_support::fixture;
use std::process::{Command, Output};

fn show(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sincerity"));
    cmd.arg("show").args(args);
    // A clean colour environment, whatever the test runner's is.
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS"] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn fixture_str() -> String {
    fixture().to_str().unwrap().to_string()
}

#[test]
fn piped_output_is_plain_with_evidence_marked_and_speakers_aligned() {
    let f = fixture_str();
    let text = stdout(&show(&[&f, "--id", "c-effort-1"], &[]));
    assert!(!text.contains('\u{1b}'), "escape codes in piped output");
    assert!(text.starts_with("c-effort-1 · chat · agent B02 (Lee)"));
    // The opening "Thanks for calling" is the greeting script.
    assert!(text.contains("empathy 10   sincerity 96   effort 100"));
    assert!(text.contains("«Thanks for calling»[1]"));
    assert!(text.contains("[1] canned-phrase"));
    // The empathy score's starting point has its evidence: "I gave it to the last agent too."
    assert!(text.contains("empathy called for in turn 3"));
    assert!(text.contains("«This is my third call»[2]"));
    assert!(text.contains("[2] repeat-contact"));

    // The transcript: the lines between the scores and "Findings". The longest speaker is
    // "customer" (8 characters), so every text starts in column 10.
    let lines: Vec<&str> = text.lines().skip(3).take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        lines.iter().filter(|l| !l.starts_with(' ')).count(),
        10,
        "one first line per turn"
    );
    for line in &lines {
        let (head, rest) = line.split_at(10);
        assert!(
            !rest.starts_with(' ') && !rest.is_empty(),
            "misaligned: {line:?}"
        );
        let speaker = head.trim_end();
        assert!(
            speaker.is_empty() || ["agent", "customer", "system"].contains(&speaker),
            "{line:?}"
        );
    }
    // Lines are wrapped to the default width of 100.
    assert!(lines.iter().all(|l| l.chars().count() <= 100));
    assert!(
        lines.iter().any(|l| l.starts_with("          ")),
        "no wrapped line"
    );
}

#[test]
fn colour_follows_no_color_clicolor_force_and_the_flag() {
    let f = fixture_str();
    let args = [f.as_str(), "--id", "c-warm-1"];
    let forced = stdout(&show(&args, &[("CLICOLOR_FORCE", "1")]));
    assert!(forced.contains("\u{1b}["), "CLICOLOR_FORCE gives colour");
    // Colour replaces the «» markers.
    assert!(!forced.contains('«'));
    let no_color = stdout(&show(&args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(!no_color.contains('\u{1b}'), "NO_COLOR wins");
    assert!(no_color.contains('«'));
    let always = stdout(&show(&[&f, "--id", "c-warm-1", "--color", "always"], &[]));
    assert!(always.contains("\u{1b}["));
    let never = stdout(&show(
        &[&f, "--id", "c-warm-1", "--color", "never"],
        &[("CLICOLOR_FORCE", "1")],
    ));
    assert!(!never.contains('\u{1b}'));
    // Same words either way.
    let strip = |s: &str| {
        regex::Regex::new("\u{1b}\\[[0-9;]*m")
            .unwrap()
            .replace_all(s, "")
            .replace(['«', '»'], "")
    };
    assert_eq!(strip(&forced), strip(&no_color));
}

#[test]
fn escape_sequences_from_the_input_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("evil.jsonl");
    let conversation = serde_json::json!({
        "id": "evil",
        "turns": [
            {"speaker": "agent", "text": "Hello, how can I help you today?"},
            {"speaker": "customer", "text": "clear \u{1b}[2J\u{1b}]0;title\u{7} and \u{202e}reversed and \u{9b}31m"}
        ]
    });
    std::fs::write(&input, format!("{conversation}\n")).unwrap();
    let p = input.to_str().unwrap();
    for colour in ["always", "never"] {
        let text = stdout(&show(&[p, "--id", "evil", "--color", colour], &[]));
        assert!(!text.contains("\u{1b}[2J"));
        assert!(!text.contains("\u{1b}]0;"));
        assert!(!text.contains('\u{7}'));
        assert!(!text.contains('\u{202e}'));
        assert!(!text.contains('\u{9b}'));
        assert!(text.contains("clear \u{241b}[2J\u{241b}]0;title\u{2407} and"));
    }
}

#[test]
fn an_unknown_id_is_an_error() {
    let f = fixture_str();
    let out = show(&[&f, "--id", "no-such-call"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-call"));
    // A broken record with that id: its error, exit 1.
    let out = show(&[&f, "--id", "c-broken"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("calls.jsonl:8"));
}

#[test]
fn a_bot_that_served_alone_is_said_to_be_read_as_the_agent() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("bot.jsonl");
    let conversation = r#"{"id": "bot-only", "channel": "chat", "turns": [{"speaker": "bot", "text": "Hi! I'm the ParcelPath assistant. How can I help?"}, {"speaker": "customer", "text": "Could my parcel come on Thursday instead?"}, {"speaker": "bot", "text": "I sincerely apologise for any inconvenience caused. It's moved to Thursday."}]}"#;
    std::fs::write(&path, format!("{conversation}\n")).expect("the file is written");
    let text = stdout(&show(&[path.to_str().unwrap(), "--id", "bot-only"], &[]));
    assert!(text.contains("no agent took part: the bot's turns are read as the agent's"));
    // The bot's stock apology is charged to the service, and its speaker shown as the bot.
    assert!(text.contains("canned-phrase"), "{text}");
    assert!(text.contains("turn 2 bot"), "{text}");
    // Where an agent took part, nothing is said.
    let f = fixture_str();
    let text = stdout(&show(&[&f, "--id", "c-effort-1"], &[]));
    assert!(!text.contains("no agent took part"));
}
