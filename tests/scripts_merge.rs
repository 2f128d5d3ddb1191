//! Learning on the whole corpus equals merging models learned on shards, byte for byte.

mod scripts_support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use proptest::prelude::*;
use sincerity::ingest::{IngestOptions, Input};
use sincerity::scripts::{ScriptModel, Tally, learn};

fn sincerity() -> Command {
    Command::cargo_bin("sincerity").expect("binary built")
}

fn learn_file(path: &Path, min: u64, threads: &str) -> Vec<u8> {
    let out = sincerity()
        .args(["learn", "-q", "--threads", threads, "--min-conversations"])
        .arg(min.to_string())
        .arg(path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "quiet learn writes nothing on stderr"
    );
    out.stdout
}

#[test]
fn whole_corpus_equals_merged_shards() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, _) = scripts_support::corpus(240, 11);
    let whole = dir.path().join("whole.jsonl");
    std::fs::write(&whole, &jsonl).unwrap();
    let expected = learn_file(&whole, 2, "2");
    let expected_all = learn_file(&whole, 1, "2");
    assert!(
        expected.len() < expected_all.len(),
        "pruning drops the lines said once"
    );

    for parts in [2, 3, 5] {
        let mut models = Vec::new();
        for (i, shard) in scripts_support::shards(&jsonl, parts).iter().enumerate() {
            let path = dir.path().join(format!("shard-{parts}-{i}.jsonl"));
            std::fs::write(&path, shard).unwrap();
            let model = dir.path().join(format!("model-{parts}-{i}.json"));
            std::fs::write(&model, learn_file(&path, 1, "1")).unwrap();
            models.push(model);
        }
        // Reversed order: merging is order-free.
        models.reverse();
        for (min, want) in [(2u64, &expected), (1, &expected_all)] {
            let out = sincerity()
                .args(["merge", "-q", "--min-conversations", &min.to_string()])
                .args(&models)
                .output()
                .unwrap();
            assert!(out.status.success());
            assert_eq!(&out.stdout, want, "{parts} shards, min {min}");
        }
        // Pruning each shard before merging loses the lines said once per shard: the test
        // tells the two apart.
        if parts == 5 {
            let pruned: Vec<PathBuf> = models
                .iter()
                .map(|m| {
                    let p = m.with_extension("pruned.json");
                    let out = sincerity().args(["merge", "-q"]).arg(m).output().unwrap();
                    std::fs::write(&p, out.stdout).unwrap();
                    p
                })
                .collect();
            let out = sincerity()
                .args(["merge", "-q"])
                .args(&pruned)
                .output()
                .unwrap();
            assert_ne!(out.stdout, expected);
        }
        // The models of every shard in one stream, one per line, as a job collects them.
        let stream: Vec<u8> = models
            .iter()
            .flat_map(|m| std::fs::read(m).unwrap())
            .collect();
        let out = sincerity()
            .args(["merge", "-q", "-"])
            .write_stdin(stream)
            .output()
            .unwrap();
        assert_eq!(out.stdout, expected, "{parts} shards through stdin");
    }
}

#[test]
fn model_does_not_depend_on_threads_and_is_sorted() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, _) = scripts_support::corpus(150, 5);
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, &jsonl).unwrap();
    let one = learn_file(&path, 1, "1");
    assert_eq!(one, learn_file(&path, 1, "2"));
    let value: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(one.iter().filter(|&&b| b == b'\n').count(), 1, "one line");
    let lines = value["lines"].as_array().unwrap();
    let hashes: Vec<&str> = lines.iter().map(|l| l["hash"].as_str().unwrap()).collect();
    let mut sorted = hashes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(hashes, sorted, "lines sorted by hash, each once");
    for line in lines {
        let keys: Vec<&String> = line.as_object().unwrap().keys().collect();
        let mut sorted_keys = keys.clone();
        sorted_keys.sort();
        assert_eq!(keys, sorted_keys);
    }
    assert_eq!(value["conversations"], 150);
}

#[test]
fn merging_pruned_models_warns() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, _) = scripts_support::corpus(60, 3);
    let mut models = Vec::new();
    for (i, shard) in scripts_support::shards(&jsonl, 2).iter().enumerate() {
        let path = dir.path().join(format!("s{i}.jsonl"));
        std::fs::write(&path, shard).unwrap();
        let model = dir.path().join(format!("m{i}.json"));
        std::fs::write(&model, learn_file(&path, 2, "1")).unwrap();
        models.push(model);
    }
    let out = sincerity()
        .args(["merge", "-q"])
        .args(&models)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--min-conversations 1"));
}

fn tally_of(jsonl: &str) -> Tally {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, jsonl).unwrap();
    let (tally, _) =
        learn::learn(&[Input::File(path)], &IngestOptions::default(), &|_| {}).expect("learns");
    tally
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Any split of the corpus at any points, merged in any order, gives the model learned
    /// on the whole, for any pruning threshold.
    #[test]
    fn any_split_merges_to_the_whole(
        seed in 0u64..1000,
        cuts in proptest::collection::vec(0usize..80, 1..4),
        min in 1u64..4,
        reverse in any::<bool>(),
    ) {
        let (jsonl, _) = scripts_support::corpus(80, seed);
        let lines: Vec<&str> = jsonl.lines().collect();
        let mut cuts = cuts;
        cuts.push(0);
        cuts.push(lines.len());
        cuts.sort_unstable();
        let mut tallies: Vec<Tally> = cuts
            .windows(2)
            .map(|w| {
                let mut part = lines[w[0]..w[1]].join("\n");
                part.push('\n');
                // Each shard goes through a saved, unpruned model, as a job would ship it.
                let model = tally_of(&part).into_model(1);
                Tally::from_model(&ScriptModel::from_json(&model.to_bytes()).unwrap())
            })
            .collect();
        if reverse {
            tallies.reverse();
        }
        let merged = tallies.into_iter().fold(Tally::default(), Tally::absorb);
        let whole = tally_of(&jsonl);
        prop_assert_eq!(
            String::from_utf8(merged.into_model(min).to_bytes()).unwrap(),
            String::from_utf8(whole.into_model(min).to_bytes()).unwrap()
        );
    }
}
