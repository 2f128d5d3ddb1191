//! The command-line contract: one output record per input record, in order; located error
//! records; exit codes; determinism across thread counts; CSV safety; quiet broken pipes.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn sincerity() -> Command {
    Command::cargo_bin("sincerity").expect("binary builds")
}

/// A fresh working directory per test, as every test writes its own files.
fn workdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write fixture");
    path
}

/// Runs `sincerity ARGS…` in `dir`, where the test's files are.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    sincerity().args(args).current_dir(dir).output().unwrap()
}

/// The CSV file `name` in `dir`: its header and rows.
fn read_csv(dir: &Path, name: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_path(dir.join(name)).unwrap();
    let header = reader.headers().unwrap().clone();
    (header, reader.records().map(Result::unwrap).collect())
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8(bytes.to_vec())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

const GOOD: &str = r#"{"id":"ok-1","customer_name":"Maria","turns":[{"speaker":"agent","text":"Hello Maria, how can I help?"},{"speaker":"customer","text":"My card was declined twice today and I'm worried."},{"speaker":"agent","text":"Oh no, a declined card when you're out shopping is stressful. Let me check the block on it."},{"speaker":"customer","text":"Thanks, that's working now."}]}"#;

#[test]
fn every_record_gives_one_result_in_order_with_located_errors() {
    let dir = workdir();
    let mut input = Vec::new();
    input.extend_from_slice(GOOD.as_bytes());
    input.extend_from_slice(b"\n{not json\n");
    input.extend_from_slice(b"{\"id\":\"no-turns\",\"turns\":[]}\n");
    input.extend_from_slice(
        b"{\"id\":\"bad-utf8\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"\xff\xfe\"}]}\n",
    );
    input.extend_from_slice(b"{\"id\":\"missing-text\",\"turns\":[{\"speaker\":\"agent\"}]}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b" \t \r\n");
    input.extend_from_slice(GOOD.replace("ok-1", "ok-2").as_bytes());
    let path = write(dir.path(), "in.jsonl", &input);
    let out = sincerity()
        .args(["score", "-q"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some records were errors");
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 6, "one output per non-blank input line");
    assert_eq!(records[0]["id"], "ok-1");
    assert!(records[0]["scores"]["empathy"].is_number());
    assert_eq!(records[1]["source"]["line"], 2);
    let broken = records[1]["error"].as_str().unwrap();
    // Located by the record's line, and within it by column only.
    assert!(
        broken.starts_with("invalid conversation JSON") && broken.ends_with("at column 2"),
        "{broken}"
    );
    assert_eq!(records[2]["id"], "no-turns");
    assert!(records[2]["error"].as_str().unwrap().contains("no turns"));
    assert_eq!(records[3]["id"], "bad-utf8");
    let bad_line = input.split(|&b| b == b'\n').nth(3).unwrap();
    let bad_byte = bad_line.iter().position(|&b| b == 0xff).unwrap() + 1;
    assert_eq!(
        records[3]["error"],
        format!("invalid UTF-8 at byte {bad_byte} of the line (JSON must be UTF-8)")
    );
    assert_eq!(records[3]["source"]["line"], 4);
    assert!(records[4]["error"].as_str().unwrap().contains("text"));
    assert_eq!(records[5]["id"], "ok-2");
    // The blank lines are skipped but counted.
    assert_eq!(records[5]["source"]["line"], 8);
}

#[test]
fn all_good_exits_zero_and_summary_goes_to_stderr() {
    let dir = workdir();
    let path = write(dir.path(), "in.jsonl", GOOD.as_bytes());
    let out = sincerity().arg("score").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out.stdout).len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 conversations (1 scored, 0 errors)"),
        "{stderr}"
    );
}

#[test]
fn missing_input_is_a_usage_failure() {
    let out = sincerity()
        .args(["score", "/no/such/file.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.jsonl"));
    let out = sincerity()
        .args(["score", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stdin_is_read_when_no_input_is_given() {
    let out = sincerity()
        .args(["score", "-q"])
        .write_stdin(format!("{GOOD}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let records = lines(&out.stdout);
    assert_eq!(records[0]["source"]["file"], "-");
}

#[test]
fn directories_are_walked_in_sorted_order() {
    let dir = workdir();
    std::fs::create_dir_all(dir.path().join("b/c")).unwrap();
    write(
        dir.path(),
        "b/c/z.jsonl",
        GOOD.replace("ok-1", "third").as_bytes(),
    );
    write(
        dir.path(),
        "a.jsonl",
        GOOD.replace("ok-1", "first").as_bytes(),
    );
    write(
        dir.path(),
        "b/a.jsonl",
        GOOD.replace("ok-1", "second").as_bytes(),
    );
    write(dir.path(), "notes.md", b"not a transcript");
    let out = sincerity()
        .args(["score", "-q"])
        .arg(dir.path())
        .output()
        .unwrap();
    let ids: Vec<String> = lines(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["first", "second", "third"]);
}

#[test]
fn error_records_of_convert_read_back_as_the_same_errors() {
    let dir = workdir();
    write(
        dir.path(),
        "in.jsonl",
        format!("{GOOD}\n{{\"id\":\"c-2\",\"turns\":[]}}\n").as_bytes(),
    );
    let convert = run_in(
        dir.path(),
        &["convert", "-q", "in.jsonl", "-o", "canonical.jsonl"],
    );
    assert_eq!(convert.status.code(), Some(1));
    let out = run_in(dir.path(), &["score", "-q", "canonical.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["id"], "c-2");
    let error = records[1]["error"].as_str().unwrap();
    assert!(error.contains("no turns"), "{error}");
    assert!(error.contains("first reported at in.jsonl:2"), "{error}");
}

#[test]
fn results_given_as_conversations_are_named_as_results() {
    let dir = workdir();
    write(dir.path(), "in.jsonl", GOOD.as_bytes());
    let scored = run_in(
        dir.path(),
        &["score", "-q", "in.jsonl", "-o", "results.jsonl"],
    );
    assert_eq!(scored.status.code(), Some(0));
    let again = run_in(dir.path(), &["score", "-q", "results.jsonl"]);
    assert_eq!(again.status.code(), Some(1));
    let records = lines(&again.stdout);
    assert_eq!(records[0]["id"], "ok-1");
    let error = records[0]["error"].as_str().unwrap();
    assert!(
        error.starts_with("a result of `sincerity score`"),
        "{error}"
    );
}

#[test]
fn a_directory_without_transcripts_is_warned_about() {
    let dir = workdir();
    std::fs::create_dir_all(dir.path().join("calls")).unwrap();
    write(dir.path(), "calls/notes.md", b"not a transcript");
    let out = run_in(dir.path(), &["score", "calls"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: no transcript files in calls"),
        "{stderr}"
    );
}

#[test]
fn a_directory_linked_into_itself_is_read_once() {
    let dir = workdir();
    std::fs::create_dir_all(dir.path().join("calls")).unwrap();
    write(dir.path(), "calls/a.jsonl", GOOD.as_bytes());
    #[cfg(unix)]
    std::os::unix::fs::symlink(".", dir.path().join("calls/self")).unwrap();
    let out = run_in(dir.path(), &["score", "-q", "calls"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out.stdout).len(), 1, "the loop is not followed");
}

#[test]
fn an_output_that_is_also_an_input_is_refused_and_left_intact() {
    let dir = workdir();
    let input = write(dir.path(), "calls.jsonl", GOOD.as_bytes());
    for flag in ["-o", "--csv", "--findings-csv", "--report"] {
        let out = run_in(
            dir.path(),
            &["score", "-q", "calls.jsonl", flag, "calls.jsonl"],
        );
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("also an input"), "{flag}: {stderr}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), GOOD, "{flag}");
    }
    // An output written into a walked directory is not read back by the next run.
    std::fs::create_dir_all(dir.path().join("week")).unwrap();
    write(dir.path(), "week/a.jsonl", GOOD.as_bytes());
    let week = ["score", "-q", "-o", "week/results.jsonl", "week"];
    assert_eq!(run_in(dir.path(), &week).status.code(), Some(0));
    assert_eq!(run_in(dir.path(), &week).status.code(), Some(2));
    let results = std::fs::read(dir.path().join("week/results.jsonl")).unwrap();
    assert_eq!(lines(&results).len(), 1);
    // Nor may two outputs share a file, nor may `convert` overwrite its input.
    let both = [
        "score",
        "-q",
        "calls.jsonl",
        "-o",
        "x.jsonl",
        "--csv",
        "x.jsonl",
    ];
    assert_eq!(run_in(dir.path(), &both).status.code(), Some(2));
    let convert = ["convert", "-q", "calls.jsonl", "-o", "calls.jsonl"];
    assert_eq!(run_in(dir.path(), &convert).status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), GOOD);
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let dir = workdir();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/demo.jsonl");
    let input = if demo.exists() {
        demo
    } else {
        let many: String = (0..3000)
            .map(|i| format!("{}\n", GOOD.replace("ok-1", &format!("c{i}"))))
            .collect();
        write(dir.path(), "many.jsonl", many.as_bytes())
    };
    let run = |threads: &str, tag: &str| {
        let out = dir.path().join(format!("out-{tag}.jsonl"));
        let csv = dir.path().join(format!("out-{tag}.csv"));
        let findings = dir.path().join(format!("findings-{tag}.csv"));
        sincerity()
            .args(["score", "-q", "--per-turn", "--threads", threads])
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .arg("--csv")
            .arg(&csv)
            .arg("--findings-csv")
            .arg(&findings)
            .assert()
            .success();
        (
            std::fs::read(out).unwrap(),
            std::fs::read(csv).unwrap(),
            std::fs::read(findings).unwrap(),
        )
    };
    let one = run("1", "1");
    let eight = run("8", "8");
    assert!(!one.0.is_empty());
    assert!(
        one == eight,
        "--threads 1 and --threads 8 must give byte-identical outputs"
    );
}

#[test]
fn csv_cells_cannot_become_formulas() {
    let dir = workdir();
    let record = r#"{"id":"=HYPERLINK(\"http://x\")","turns":[{"speaker":"agent","text":"=1+1 I am sorry for the inconvenience"},{"speaker":"customer","text":"@SUM(A1) fine"}]}"#;
    let path = write(dir.path(), "in.jsonl", record.as_bytes());
    let csv_path = dir.path().join("c.csv");
    let findings_path = dir.path().join("f.csv");
    sincerity()
        .args(["score", "-q"])
        .arg(&path)
        .arg("--csv")
        .arg(&csv_path)
        .arg("--findings-csv")
        .arg(&findings_path)
        .assert()
        .success();
    for file in [&csv_path, &findings_path] {
        let mut reader = csv::Reader::from_path(file).unwrap();
        let mut rows = 0;
        for row in reader.records() {
            rows += 1;
            for cell in row.unwrap().iter() {
                let formula = cell.starts_with(['=', '+', '@'])
                    || (cell.starts_with('-') && cell.parse::<f64>().is_err());
                assert!(
                    !formula,
                    "{}: cell {cell:?} would be a formula",
                    file.display()
                );
            }
        }
        assert!(rows > 0, "{} has rows", file.display());
    }
    let conversations = std::fs::read_to_string(&csv_path).unwrap();
    assert!(conversations.contains("'=HYPERLINK"));
}

#[test]
fn conversations_csv_has_one_row_per_record_including_errors() {
    let dir = workdir();
    let path = write(
        dir.path(),
        "in.jsonl",
        format!("{GOOD}\n{{oops\n").as_bytes(),
    );
    let csv_path = dir.path().join("c.csv");
    sincerity()
        .args(["score", "-q"])
        .arg(&path)
        .arg("--csv")
        .arg(&csv_path)
        .assert()
        .code(1);
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("id")], "ok-1");
    assert!(rows[0][col("sincerity")].parse::<f64>().is_ok());
    assert!(rows[1][col("error")].contains("invalid"));
    assert_eq!(&rows[1][col("source_line")], "2");
}

#[test]
fn conversations_csv_columns_follow_the_data_dictionary() {
    // The metric columns come in the order README.md's Metrics table lists them.
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let table = readme
        .split("**Metrics**")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").nth(1))
        .expect("the Metrics table");
    let documented: Vec<&str> = table
        .lines()
        .skip(2)
        .filter_map(|row| row.split('|').nth(1))
        .flat_map(|names| names.split('`').skip(1).step_by(2))
        .collect();
    assert!(documented.len() > 30, "{documented:?}");
    let dir = workdir();
    write(dir.path(), "in.jsonl", GOOD.as_bytes());
    let out = run_in(dir.path(), &["score", "-q", "in.jsonl", "--csv", "c.csv"]);
    assert_eq!(out.status.code(), Some(0));
    let (header, _) = read_csv(dir.path(), "c.csv");
    let header: Vec<&str> = header.iter().collect();
    let after_scores = header.iter().position(|h| *h == "effort").unwrap() + 1;
    assert_eq!(header[after_scores..], documented[..]);
}

#[test]
fn findings_join_their_conversation_even_when_ids_repeat_across_files() {
    let dir = workdir();
    // Two days' exports, each numbering its calls from 1; only Tuesday's call is a transfer.
    let call = |text: &str| {
        format!(
            r#"{{"id":"1","turns":[{{"speaker":"customer","text":"My card is blocked."}},{{"speaker":"agent","text":"{text}"}}]}}"#
        )
    };
    write(
        dir.path(),
        "mon.jsonl",
        call("It is unblocked now.").as_bytes(),
    );
    write(
        dir.path(),
        "tue.jsonl",
        call("Let me transfer you to the cards team.").as_bytes(),
    );
    let args = [
        "score",
        "-q",
        "-o",
        "/dev/null",
        "mon.jsonl",
        "tue.jsonl",
        "--csv",
        "c.csv",
        "--findings-csv",
        "f.csv",
    ];
    assert_eq!(run_in(dir.path(), &args).status.code(), Some(0));
    let key = |header: &csv::StringRecord, row: &csv::StringRecord| -> Vec<String> {
        ["id", "source_file", "source_line", "source_place"]
            .iter()
            .map(|c| row[header.iter().position(|h| h == *c).unwrap()].to_string())
            .collect()
    };
    let (conv_header, conversations) = read_csv(dir.path(), "c.csv");
    let (header, findings) = read_csv(dir.path(), "f.csv");
    let rule = header.iter().position(|h| h == "rule").unwrap();
    let transfer = findings.iter().find(|f| &f[rule] == "transfer").unwrap();
    let joined: Vec<&csv::StringRecord> = conversations
        .iter()
        .filter(|c| key(&conv_header, c) == key(&header, transfer))
        .collect();
    assert_eq!(joined.len(), 1, "one conversation per finding");
    let transfers = conv_header.iter().position(|h| h == "transfers").unwrap();
    assert_eq!(
        (
            &joined[0][transfers],
            key(&conv_header, joined[0])[1].as_str()
        ),
        ("1", "tue.jsonl")
    );
}

#[test]
fn error_rows_of_a_json_array_say_where_in_the_file() {
    let dir = workdir();
    write(
        dir.path(),
        "calls.json",
        format!("[{GOOD}, 17, {{\"turns\": 3}}]").as_bytes(),
    );
    let args = [
        "score",
        "-q",
        "-o",
        "/dev/null",
        "calls.json",
        "--csv",
        "c.csv",
    ];
    assert_eq!(run_in(dir.path(), &args).status.code(), Some(1));
    let (header, rows) = read_csv(dir.path(), "c.csv");
    let place = header.iter().position(|h| h == "source_place").unwrap();
    let places: Vec<&str> = rows.iter().map(|r| &r[place]).collect();
    assert_eq!(places, ["$[0]", "$[1]", "$[2]"]);
}

#[test]
fn no_output_prints_a_negative_zero() {
    // −0.0 == 0.0, so only the printed form shows it: "-0.0" puzzles readers and spreadsheets.
    let dir = workdir();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/demo.jsonl");
    let args = [
        "score",
        "-q",
        "--per-turn",
        "--csv",
        "c.csv",
        "--findings-csv",
        "f.csv",
    ];
    let out = sincerity()
        .args(args)
        .arg(&demo)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(lines(&out.stdout).len() >= 200);
    for (name, text) in [
        ("results", String::from_utf8(out.stdout).unwrap()),
        (
            "c.csv",
            std::fs::read_to_string(dir.path().join("c.csv")).unwrap(),
        ),
        (
            "f.csv",
            std::fs::read_to_string(dir.path().join("f.csv")).unwrap(),
        ),
    ] {
        let found = text
            .match_indices("-0.0")
            .filter(|(at, _)| !text[at + 4..].starts_with(|c: char| c.is_ascii_digit()))
            .count();
        assert_eq!(found, 0, "{name} prints -0.0");
    }
}

#[test]
fn a_group_by_field_no_conversation_has_is_warned_about() {
    let dir = workdir();
    write(
        dir.path(),
        "in.jsonl",
        GOOD.replace(
            r#""customer_name""#,
            r#""metadata":{"agent_id":"A1"},"customer_name""#,
        )
        .as_bytes(),
    );
    let run = |field: &str| {
        let args = [
            "score",
            "-q",
            "-o",
            "/dev/null",
            "--groups-csv",
            "g.csv",
            "--group-by",
        ];
        run_in(dir.path(), &[&args[..], &[field, "in.jsonl"]].concat())
    };
    let misspelt = run("metadata.agnet_id");
    assert_eq!(misspelt.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&misspelt.stderr);
    assert!(
        stderr.contains("--group-by metadata.agnet_id: no scored conversation has this field"),
        "{stderr}"
    );
    let right = run("metadata.agent_id");
    assert!(
        right.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&right.stderr)
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = workdir();
    let many: String = (0..20000)
        .map(|i| format!("{}\n", GOOD.replace("ok-1", &format!("c{i}"))))
        .collect();
    let path = write(dir.path(), "many.jsonl", many.as_bytes());
    let bin = assert_cmd::cargo::cargo_bin("sincerity");
    // Each writes through another writer: the JSON Lines exporter, serde_json's pretty
    // printer, the CSV writer, plain text.
    for (args, reader) in [
        (format!("score -q '{}'", path.display()), "head -n 1"),
        ("rules --json".to_string(), "head -c 1"),
        (
            format!("score -q -o /dev/null --csv - '{}'", path.display()),
            "head -n 1",
        ),
        ("rules".to_string(), "head -c 1"),
    ] {
        let script = format!(
            "'{}' {args} | {reader} > /dev/null; echo \"${{PIPESTATUS[0]}}\"",
            bin.display(),
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &script])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.is_empty(),
            "{args}: no error message on a closed pipe: {stderr}"
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0", "{args}");
    }
}

#[test]
fn dash_as_an_output_is_standard_output_and_only_one_output_takes_it() {
    let dir = workdir();
    write(dir.path(), "in.jsonl", format!("{GOOD}\n").as_bytes());
    let out = run_in(dir.path(), &["score", "-q", "-o", "-", "in.jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out.stdout)[0]["id"], "ok-1");
    let out = run_in(
        dir.path(),
        &["score", "-q", "-o", "r.jsonl", "--csv", "-", "in.jsonl"],
    );
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("id,"), "{csv}");
    assert!(!dir.path().join("-").exists(), "no file named -");
    // Without -o the results already go to standard output.
    let out = run_in(dir.path(), &["score", "-q", "--csv", "-", "in.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("standard output given for two outputs"),
        "{stderr}"
    );
}

#[test]
fn a_walk_takes_the_given_formats_files_and_reads_past_what_it_cannot_open() {
    let dir = workdir();
    let calls = dir.path().join("calls");
    std::fs::create_dir_all(calls.join("b")).unwrap();
    write(&calls, "a.jsonl", format!("{GOOD}\n").as_bytes());
    write(
        &calls,
        "README.txt",
        b"Calls of the week, exported on Monday.\n",
    );
    write(&calls, "summary.csv", b"team,calls\nblue,2\n");
    write(
        &calls.join("b"),
        "c.jsonl",
        format!("{}\n", GOOD.replace("ok-1", "ok-2")).as_bytes(),
    );
    // A link to a file that is gone: found by the walk, not readable.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.jsonl"), calls.join("b/gone.jsonl")).unwrap();
    let ids = |out: &std::process::Output| -> Vec<String> {
        lines(&out.stdout)
            .iter()
            .map(|r| match r["error"].as_str() {
                Some(_) => format!("error:{}", r["source"]["file"].as_str().unwrap()),
                None => r["id"].as_str().unwrap().to_string(),
            })
            .collect()
    };
    let out = run_in(dir.path(), &["score", "-q", "--format", "jsonl", "calls"]);
    assert_eq!(out.status.code(), Some(if cfg!(unix) { 1 } else { 0 }));
    let mut expected = vec!["ok-1".to_string(), "ok-2".to_string()];
    if cfg!(unix) {
        expected.push("error:calls/b/gone.jsonl".into());
    }
    assert_eq!(ids(&out), expected);
    if cfg!(unix) {
        let gone = &lines(&out.stdout)[2]["error"];
        assert!(
            gone.as_str()
                .unwrap()
                .starts_with("cannot read this directory entry"),
            "{gone}"
        );
    }
    // Detecting, the walk reads every transcript extension: the notes are error records.
    let out = run_in(dir.path(), &["score", "-q", "calls"]);
    assert_eq!(out.status.code(), Some(1));
    let found = ids(&out);
    assert!(
        found.contains(&"error:calls/README.txt".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"error:calls/summary.csv".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"ok-1".to_string()) && found.contains(&"ok-2".to_string()));
}

#[test]
fn rules_lists_every_rule_with_weights() {
    let out = sincerity().arg("rules").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for rule in sincerity::rules::RULES {
        assert!(text.contains(rule.id), "{} listed", rule.id);
    }
    let out = sincerity().args(["rules", "--json"]).output().unwrap();
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rules.as_array().unwrap().len(),
        sincerity::rules::RULES.len()
    );
    // Thresholds are shown with the values in force, a policy's included.
    let dir = workdir();
    write(dir.path(), "p.toml", b"name_overuse_min_mentions = 7\n");
    let out = run_in(dir.path(), &["rules", "--policy", "p.toml"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("at least `name_overuse_min_mentions` (7) times"),
        "{text}"
    );
    let out = run_in(dir.path(), &["rules", "--json", "--policy", "p.toml"]);
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    let overuse = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "name-overuse")
        .unwrap();
    assert_eq!(overuse["settings"]["name_overuse_min_mentions"], 7);
    assert!(
        overuse["threshold"]
            .as_str()
            .unwrap()
            .contains("`name_overuse_min_mentions` (7)")
    );
}

#[test]
fn a_policy_file_changes_weights_and_a_bad_one_is_rejected() {
    let dir = workdir();
    let input = write(dir.path(), "in.jsonl", br#"{"id":"t","turns":[{"speaker":"agent","text":"Let me transfer you to billing."},{"speaker":"customer","text":"ok"}]}"#);
    let score_with = |policy: Option<&Path>| {
        let mut cmd = sincerity();
        cmd.args(["score", "-q"]).arg(&input);
        if let Some(p) = policy {
            cmd.arg("--policy").arg(p);
        }
        lines(&cmd.output().unwrap().stdout)[0]["scores"]["effort"]
            .as_f64()
            .unwrap()
    };
    let policy = write(
        dir.path(),
        "p.toml",
        b"[rules.transfer]\nweight = 30.0\ncap = 30.0\n",
    );
    assert!(score_with(Some(&policy)) > score_with(None));
    let bad = write(dir.path(), "bad.toml", b"[rules.nonsense]\nweight = 1\n");
    sincerity()
        .args(["score", "-q"])
        .arg(&input)
        .arg("--policy")
        .arg(&bad)
        .assert()
        .code(2);
}

#[test]
fn the_silence_that_makes_a_wait_a_hold_comes_from_the_policy() {
    let dir = workdir();
    // "Bear with me", then 60 s of silence before the agent speaks again.
    let input = write(
        dir.path(),
        "in.jsonl",
        br#"{"id":"w","turns":[{"speaker":"agent","text":"Bear with me while I check the order.","start":0,"end":3},{"speaker":"customer","text":"Okay.","start":3.5,"end":4},{"speaker":"agent","text":"Right, it left the depot this morning.","start":64,"end":67}]}"#,
    );
    let holds_with = |toml: &[u8]| {
        let policy = write(dir.path(), "p.toml", toml);
        let out = sincerity()
            .args(["score", "-q"])
            .arg(&input)
            .arg("--policy")
            .arg(&policy)
            .output()
            .unwrap();
        lines(&out.stdout)[0]["metrics"]["holds"].as_u64().unwrap()
    };
    assert_eq!(holds_with(b"hold_after_silence_s = 30.0\n"), 1);
    assert_eq!(holds_with(b"hold_after_silence_s = 90.0\n"), 0);
}

#[test]
fn overlong_records_are_errors_and_the_batch_goes_on() {
    let dir = workdir();
    let huge = format!(
        "{{\"id\":\"huge\",\"turns\":[{{\"speaker\":\"agent\",\"text\":\"{}\"}}]}}\n",
        "word ".repeat(400_000)
    );
    let input = write(dir.path(), "in.jsonl", format!("{huge}{GOOD}\n").as_bytes());
    let out = sincerity()
        .args(["score", "-q", "--max-record-bytes", "1000000"])
        .arg(&input)
        .output()
        .unwrap();
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 2);
    assert!(
        records[0]["error"]
            .as_str()
            .unwrap()
            .contains("over the limit")
    );
    assert_eq!(records[1]["id"], "ok-1");
    // Within the limit, a multi-megabyte record is scored.
    let out = sincerity()
        .args(["score", "-q"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_coached_calls_score_whole_and_agree_with_their_coach_on_sincerity() {
    // The shipped calls with a coach's reading: every one scores, and the sincerity score
    // ranks the calls the coach found personal above the scripted ones.
    let dir = workdir();
    let coached = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/coached.jsonl");
    let coached = coached.to_str().unwrap();
    let records = std::fs::read_to_string(coached).unwrap().lines().count();
    let out = run_in(dir.path(), &["score", "-q", coached]);
    assert_eq!(out.status.code(), Some(0));
    let results = lines(&out.stdout);
    assert_eq!(results.len(), records);
    assert!(results.iter().all(|r| r.get("error").is_none()));
    let status = run_in(
        dir.path(),
        &[
            "eval",
            "--gold",
            "labels.coach_sincerity_high",
            "--pred",
            "scores.sincerity",
            "--kind",
            "binary",
            "--json",
            "figures.json",
            coached,
        ],
    )
    .status;
    assert_eq!(status.code(), Some(0));
    let json = dir.path().join("figures.json");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(report["errors"], 0);
    assert!(report["n"].as_u64().unwrap() > 100, "{report}");
    let auc = report["figures"]["roc_auc"]["value"].as_f64().unwrap();
    assert!(
        auc > 0.5,
        "sincerity ranks scripted calls above personal ones: {auc}"
    );
}

#[test]
fn eval_compares_a_tool_field_with_labels_and_locates_bad_lines() {
    let dir = workdir();
    let lines = [
        r#"{"id":"e1","turns":[{"speaker":"customer","text":"My dog died yesterday and I can't stop crying."},{"speaker":"agent","text":"Oh no, I'm so sorry about your dog. That sounds heartbreaking."}],"labels":{"reaction":2}}"#,
        r#"{"id":"e2","turns":[{"speaker":"customer","text":"How do I reset my password?"},{"speaker":"agent","text":"Click Forgot password on the sign-in page."}],"labels":{"reaction":0}}"#,
        r#"{"id":"e3","turns":[{"speaker":"customer","text":"My order is late."},{"speaker":"agent","text":"It ships tomorrow."}],"labels":{}}"#,
        "{broken",
        r#"{"id":"e5","turns":[],"labels":{"reaction":0}}"#,
    ];
    let input = write(dir.path(), "labelled.jsonl", lines.join("\n").as_bytes());
    let json = dir.path().join("figures.json");
    let out = sincerity()
        .args([
            "eval",
            "--gold",
            "labels.reaction",
            "--pred",
            "metrics.empathy_reaction",
            "--kind",
            "levels",
            "--json",
        ])
        .arg(&json)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "three records are errors");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("macro-F1"), "{text}");
    let figures: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(figures["n"], 2);
    assert_eq!(figures["errors"], 3);
    let errors = serde_json::to_string(&figures["error_list"]).unwrap();
    assert!(errors.contains("labelled.jsonl:3"), "{errors}");
    assert!(errors.contains("labelled.jsonl:4"), "{errors}");
    // An unscorable record is named by its id as well as its line.
    let unscorable = figures["error_list"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e.to_string().contains("labelled.jsonl:5"))
        .expect("line 5 listed");
    assert_eq!(unscorable["id"], "e5", "{unscorable}");
    assert!(figures["figures"]["accuracy"]["value"].as_f64().unwrap() > 0.99);

    // The figures may not overwrite the labels, and a binary gold goes with a scale only.
    let levels = [
        "eval",
        "--gold",
        "labels.reaction",
        "--pred",
        "metrics.empathy_reaction",
    ];
    let onto_labels = run_in(
        dir.path(),
        &[&levels[..], &["--json", "labelled.jsonl", "labelled.jsonl"]].concat(),
    );
    assert_eq!(onto_labels.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&onto_labels.stderr).contains("also an input"));
    assert!(
        std::fs::read_to_string(&input)
            .unwrap()
            .starts_with(lines[0])
    );
    let binary_levels = run_in(
        dir.path(),
        &[
            &levels[..],
            &["--gold-binary", "labels.reaction > 0", "labelled.jsonl"],
        ]
        .concat(),
    );
    assert_eq!(binary_levels.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&binary_levels.stderr).contains("--kind scale"));
}
