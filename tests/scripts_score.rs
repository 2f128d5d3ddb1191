//! Scoring with a script model, mandated lines, `score --learn`, `scripts`, roll-ups and
//! the purity of standard output under `-q`.

mod scripts_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn sincerity() -> Command {
    Command::cargo_bin("sincerity").expect("binary built")
}

struct Fixture {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    model: PathBuf,
    truth: scripts_support::Truth,
    count: usize,
}

fn fixture(count: usize) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, truth) = scripts_support::corpus(count, 42);
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, jsonl).unwrap();
    let model = dir.path().join("scripts.json");
    sincerity()
        .args(["learn", "-q", "-o"])
        .arg(&model)
        .arg(&corpus)
        .assert()
        .success();
    Fixture {
        _dir: dir,
        corpus,
        model,
        truth,
        count,
    }
}

fn score(args: &[&str], corpus: &Path) -> Vec<Value> {
    let out = sincerity()
        .arg("score")
        .args(args)
        .arg(corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn findings<'a>(result: &'a Value, rule: &str) -> Vec<&'a Value> {
    result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[test]
fn script_lines_are_flagged_counted_and_cost_sincerity() {
    let fx = fixture(120);
    let model = fx.model.to_str().unwrap();
    let without = score(&["-q"], &fx.corpus);
    let with = score(&["-q", "--scripts", model], &fx.corpus);
    assert_eq!(with.len(), fx.count);
    let mut check_lines = 0;
    for (a, b) in without.iter().zip(&with) {
        assert_eq!(a["id"], b["id"]);
        assert!(findings(a, "script-line").is_empty());
        let script = findings(b, "script-line");
        assert_eq!(b["metrics"]["script_lines"], script.len());
        // The greeting, the notice, and the check and closing where said.
        let greeting = script
            .iter()
            .find(|f| {
                f["quote"]
                    .as_str()
                    .unwrap()
                    .starts_with("Thank you for calling Acme")
            })
            .expect("the greeting is script");
        let detail = greeting["detail"].as_str().unwrap();
        assert!(
            detail.contains(&format!(
                "said in {} of {} conversations by 5 agents",
                fx.count, fx.count
            )),
            "{detail}"
        );
        if let Some(check) = script.iter().find(|f| {
            f["quote"]
                .as_str()
                .unwrap()
                .starts_with("I can see a charge")
        }) {
            check_lines += 1;
            let d = check["detail"].as_str().unwrap();
            assert!(d.contains(&format!("said in {} of", fx.truth.check)), "{d}");
        }
        // Free talk is never script.
        assert!(
            script
                .iter()
                .all(|f| !f["quote"].as_str().unwrap().starts_with("So the"))
        );
        // Each unallowed script line costs its rule weight (−3), up to the cap (24).
        let penalised = script
            .iter()
            .filter(|f| !f["detail"].as_str().unwrap().contains("allowed by policy"))
            .count() as f64;
        let expected =
            (a["scores"]["sincerity"].as_f64().unwrap() - (3.0 * penalised).min(24.0)).max(0.0);
        assert_eq!(
            b["scores"]["sincerity"].as_f64().unwrap(),
            expected,
            "{}",
            b["id"]
        );
    }
    assert_eq!(check_lines as u64, fx.truth.check);
}

#[test]
fn mandated_lines_are_reported_but_not_penalised() {
    let fx = fixture(60);
    let model = fx.model.to_str().unwrap();
    let with = score(&["-q", "--scripts", model], &fx.corpus);
    for result in &with {
        let notice: Vec<_> = findings(result, "script-line")
            .into_iter()
            .filter(|f| f["quote"] == scripts_support::NOTICE)
            .collect();
        assert_eq!(notice.len(), 1, "the recording notice is still reported");
        assert_eq!(notice[0]["weight"], 0.0);
        assert!(
            notice[0]["detail"]
                .as_str()
                .unwrap()
                .contains("allowed by policy")
        );
    }
    // With an empty allow list the notice costs like any script line.
    let policy = fx._dir.path().join("policy.toml");
    std::fs::write(&policy, "allow = []\n").unwrap();
    let strict = score(
        &[
            "-q",
            "--scripts",
            model,
            "--policy",
            policy.to_str().unwrap(),
        ],
        &fx.corpus,
    );
    for (a, b) in with.iter().zip(&strict) {
        let notice = findings(b, "script-line")
            .into_iter()
            .find(|f| f["quote"] == scripts_support::NOTICE)
            .unwrap();
        assert_eq!(notice["weight"], -3.0);
        assert!(
            b["scores"]["sincerity"].as_f64().unwrap() < a["scores"]["sincerity"].as_f64().unwrap()
        );
    }
}

#[test]
fn score_learn_equals_learn_then_score() {
    let fx = fixture(80);
    let two_pass = sincerity()
        .args(["score", "-q", "--scripts"])
        .arg(&fx.model)
        .arg(&fx.corpus)
        .output()
        .unwrap();
    let one_pass = sincerity()
        .args(["score", "-q", "--learn"])
        .arg(&fx.corpus)
        .output()
        .unwrap();
    assert!(one_pass.status.success());
    assert_eq!(one_pass.stdout, two_pass.stdout);
    assert!(one_pass.stderr.is_empty());
    sincerity()
        .args(["score", "-q", "--learn", "-"])
        .write_stdin("{}")
        .assert()
        .code(2);
}

#[test]
fn quiet_score_writes_only_results_to_stdout() {
    let fx = fixture(30);
    let lines = std::fs::read_to_string(&fx.corpus).unwrap();
    for quiet in [true, false] {
        let mut cmd = sincerity();
        cmd.args(["score", "--threads", "2", "--scripts"])
            .arg(&fx.model);
        if quiet {
            cmd.arg("-q");
        }
        let out = cmd.arg("-").write_stdin(lines.clone()).output().unwrap();
        assert!(out.status.success());
        let stdout = String::from_utf8(out.stdout).unwrap();
        let ids: Vec<String> = stdout
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        let expected: Vec<String> = (0..fx.count).map(|i| format!("c-{i:04}")).collect();
        assert_eq!(ids, expected, "one line out per line in, in order");
        assert_eq!(out.stderr.is_empty(), quiet);
    }
}

#[test]
fn scripts_lists_the_top_lines() {
    let fx = fixture(90);
    let out = sincerity()
        .args(["scripts", "--json", "--top", "3"])
        .arg(&fx.model)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 3);
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert!(texts[..2].contains(&"this call may be recorded for quality and training purposes"));
    assert!(
        texts[..2]
            .iter()
            .any(|t| t.starts_with("thank you for calling acme my name is <name> how"))
    );
    let greeting = rows
        .iter()
        .find(|r| r["text"].as_str().unwrap().starts_with("thank you for"))
        .unwrap();
    assert_eq!(greeting["conversations"], 90);
    assert_eq!(greeting["variants"], 2, "can/may are one line");
    assert_eq!(greeting["agents"], 5);
    // Then the plain ending of the conversations that do not close with the script.
    assert_eq!(rows[2]["text"], "right that is sorted then");
    assert_eq!(rows[2]["conversations"], 90 - fx.truth.closing);
    let text = sincerity().arg("scripts").arg(&fx.model).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("this call may be recorded for quality and training purposes"));
}

/// numpy-style percentile (linear interpolation between closest ranks).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let pos = p * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

#[test]
fn groups_csv_rolls_up_per_agent_and_team() {
    let fx = fixture(100);
    let groups = fx._dir.path().join("groups.csv");
    let results = score(
        &[
            "-q",
            "--scripts",
            fx.model.to_str().unwrap(),
            "--group-by",
            "metadata.team",
            "--group-by",
            "metadata.agent_id",
            "--groups-csv",
            groups.to_str().unwrap(),
        ],
        &fx.corpus,
    );
    // The same figures, computed here from the JSON results.
    let mut by: BTreeMap<(String, String), Vec<&Value>> = BTreeMap::new();
    for r in &results {
        let key = (
            r["metadata"]["team"].as_str().unwrap().to_string(),
            r["metadata"]["agent_id"].as_str().unwrap().to_string(),
        );
        by.entry(key).or_default().push(r);
    }
    let mut reader = csv::Reader::from_path(&groups).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        &header[..3],
        ["metadata.team", "metadata.agent_id", "conversations"]
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), by.len());
    for (row, ((team, agent), members)) in rows.iter().zip(&by) {
        assert_eq!(
            (&row[0], &row[1]),
            (team.as_str(), agent.as_str()),
            "sorted groups"
        );
        assert_eq!(row[2].parse::<usize>().unwrap(), members.len());
        for score in ["empathy", "sincerity", "effort"] {
            let mut xs: Vec<f64> = members
                .iter()
                .map(|m| m["scores"][score].as_f64().unwrap())
                .collect();
            xs.sort_by(f64::total_cmp);
            let mean = xs.iter().sum::<f64>() / xs.len() as f64;
            let cell = |s: &str| row[col(&format!("{score}_{s}"))].parse::<f64>().unwrap();
            assert!((cell("mean") - mean).abs() < 0.006, "{score} mean");
            for (name, p) in [("p10", 0.1), ("p50", 0.5), ("p90", 0.9)] {
                assert!(
                    (cell(name) - percentile(&xs, p)).abs() < 0.006,
                    "{score} {name}"
                );
            }
        }
        for rule in ["script-line", "unresolved", "canned-phrase"] {
            let fired = members
                .iter()
                .filter(|m| !findings(m, rule).is_empty())
                .count();
            let rate: f64 = row[col(&format!("rate_{rule}"))].parse().unwrap();
            assert!(
                (rate - fired as f64 / members.len() as f64).abs() < 0.0001,
                "{rule}"
            );
        }
        let badness = |m: &Value| {
            let s = &m["scores"];
            200.0 - s["empathy"].as_f64().unwrap() - s["sincerity"].as_f64().unwrap()
                + s["effort"].as_f64().unwrap()
        };
        let mut ranked: Vec<(usize, &Value)> = members.iter().copied().enumerate().collect();
        ranked.sort_by(|a, b| badness(b.1).total_cmp(&badness(a.1)).then(a.0.cmp(&b.0)));
        for i in 0..5 {
            let want = ranked.get(i).map_or("", |(_, m)| m["id"].as_str().unwrap());
            assert_eq!(&row[col(&format!("worst_{}", i + 1))], want);
        }
    }
    sincerity()
        .args(["score", "-q", "--group-by", "metadata.team"])
        .arg(&fx.corpus)
        .assert()
        .code(2);
}

#[test]
fn unseen_variants_of_a_script_line_are_flagged_as_variants() {
    let fx = fixture(60);
    let call = serde_json::json!({
        "id": "new",
        "agent_name": "Zed",
        "turns": [
            {"speaker": "agent", "text": "Thank you so much for calling Acme, my name is Zed, how can I help you today?"},
            {"speaker": "customer", "text": "My router is broken."},
            {"speaker": "agent", "text": "Thank you for waiting while the engineer checks your line today."},
        ],
    });
    let out = sincerity()
        .args(["score", "-q", "--scripts"])
        .arg(&fx.model)
        .arg("-")
        .write_stdin(format!("{call}\n"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    let script = findings(&result, "script-line");
    assert_eq!(script.len(), 1, "{script:?}");
    assert_eq!(script[0]["turn"], 0);
    let detail = script[0]["detail"].as_str().unwrap();
    assert!(
        detail.contains("said in 60 of 60 conversations by 5 agents, a variant of \"thank you for calling acme my name is <name> how"),
        "{detail}"
    );
}
