//! The labelled contact-centre test set: every fixture conversation in `tests/fixtures/rules/`
//! carries the findings a QA analyst expects (`expect.fire`), the rules that must stay quiet
//! (`expect.quiet`, the hard negatives) and exact metrics. A change that breaks a rule fails here.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;
use sincerity::engine::Engine;
use sincerity::ingest::jsonl::parse_conversation;
use sincerity::model::Source;
use sincerity::policy::Policy;

#[derive(Deserialize)]
struct Expected {
    #[serde(default)]
    fire: Vec<ExpectedFinding>,
    #[serde(default)]
    quiet: Vec<String>,
    #[serde(default)]
    metrics: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
struct ExpectedFinding {
    rule: String,
    turn: Option<usize>,
    level: Option<u8>,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    expect: Expected,
}

fn same_value(expected: &Value, got: &Value) -> bool {
    match (expected.as_f64(), got.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        _ => expected == got,
    }
}

#[test]
fn every_fixture_meets_its_expectations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/rules exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let engine = Engine::new(Policy::default());
    let mut failures = Vec::new();
    let mut checked = 0;
    // (hits passed, hits, negatives passed, negatives) per rule file.
    let mut tally: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    // Failures name a case by its id, so an id must say which one.
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let source = Source::at_line(&file.display().to_string(), n as u64 + 1);
            let case: Case = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: bad fixture: {e}", source.label()));
            if let Some(first) = ids.insert(case.id.clone(), source.label()) {
                failures.push(format!(
                    "{} [{}]: id already used at {first}",
                    case.id,
                    source.label()
                ));
            }
            let conversation = parse_conversation(line.as_bytes(), &source)
                .unwrap_or_else(|e| panic!("{}: {}", source.label(), e.message));
            let scored = engine.score(&conversation, &source);
            let metrics = serde_json::to_value(&scored.metrics).unwrap();
            let mut problems = Vec::new();
            for want in &case.expect.fire {
                let found = scored.findings.iter().any(|f| {
                    f.rule == want.rule
                        && want.turn.is_none_or(|t| t == f.turn)
                        && want.level.is_none_or(|l| Some(l) == f.level)
                });
                if !found {
                    problems.push(format!(
                        "missing {} (turn {:?}, level {:?})",
                        want.rule, want.turn, want.level
                    ));
                }
            }
            for rule in &case.expect.quiet {
                for f in scored.findings.iter().filter(|f| &f.rule == rule) {
                    problems.push(format!("{rule} fired on turn {}: {:?}", f.turn, f.quote));
                }
            }
            for (key, want) in &case.expect.metrics {
                let got = metrics.get(key).unwrap_or(&Value::Null);
                if !same_value(want, got) {
                    problems.push(format!("metric {key}: expected {want}, got {got}"));
                }
            }
            let is_hit = case.expect.fire.iter().any(|f| f.rule == name);
            let slot = tally.entry(name.clone()).or_default();
            let base = if is_hit { 0 } else { 2 };
            slot[base + 1] += 1;
            if problems.is_empty() {
                slot[base] += 1;
            } else {
                failures.push(format!(
                    "{} [{}]: {}",
                    case.id,
                    source.label(),
                    problems.join("; ")
                ));
            }
            checked += 1;
        }
    }
    eprintln!("rule                      hits passed   negatives passed");
    for (rule, [hp, h, np, n]) in &tally {
        eprintln!("{rule:<25} {hp:>4}/{h:<4}        {np:>4}/{n:<4}");
    }
    assert!(checked > 0, "no fixtures found");
    // Every rule has hits and hard negatives of its own; `script-line` needs a corpus script
    // model and is tested with one in tests/scripts_score.rs.
    for rule in sincerity::rules::RULES
        .iter()
        .filter(|r| r.id != "script-line")
    {
        let [_, hits, _, negatives] = tally.get(rule.id).copied().unwrap_or_default();
        assert!(
            hits > 0 && negatives > 0,
            "{}: {hits} hits and {negatives} negatives in tests/fixtures/rules/{}.jsonl",
            rule.id,
            rule.id
        );
    }
    // tests/fixtures/README.md states each file's counts: `| `rule` | hits | negatives |`.
    let readme = std::fs::read_to_string(dir.join("../README.md")).unwrap();
    let stated: BTreeMap<&str, [usize; 2]> = readme
        .lines()
        .filter_map(|line| {
            let mut cells = line.split('|').map(str::trim).skip(1);
            let rule = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
            Some((
                rule,
                [cells.next()?.parse().ok()?, cells.next()?.parse().ok()?],
            ))
        })
        .collect();
    let counted: BTreeMap<&str, [usize; 2]> = tally
        .iter()
        .map(|(rule, [_, hits, _, negatives])| (rule.as_str(), [*hits, *negatives]))
        .collect();
    assert_eq!(
        stated, counted,
        "tests/fixtures/README.md's table of hits and negatives per file"
    );
    let total = format!("\n{checked} conversations in all");
    assert!(
        readme.contains(&total),
        "tests/fixtures/README.md should say{total}"
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
