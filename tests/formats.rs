//! Every input format against hand-written expectations: each fixture in
//! `tests/fixtures/formats/` converts to exactly the records of its `.expected.jsonl`.
//! Error records in an expectation give `id` and `source` exactly and a fragment of the
//! message under `error`.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;
use sincerity::commands::convert;
use sincerity::ingest::{self, ColumnMap, Format, IngestOptions, Input};
use sincerity::model::{Conversation, Record, Role};

const DIR: &str = "tests/fixtures/formats";

fn convert_to_values(inputs: &[String], options: &IngestOptions) -> (Vec<Value>, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    convert::run(inputs, options, &mut out, &mut err).expect("convert runs");
    let values = String::from_utf8(out)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (values, String::from_utf8(err).expect("UTF-8 diagnostics"))
}

fn expected(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("expectation lines are JSON"))
        .collect()
}

fn assert_matches(fixture: &str, actual: &[Value], expected: &[Value]) {
    assert_eq!(
        actual.len(),
        expected.len(),
        "{fixture}: record count\nactual: {actual:#?}"
    );
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        match e.get("error").and_then(Value::as_str) {
            Some(fragment) => {
                assert_eq!(a.get("id"), e.get("id"), "{fixture} record {i}: id");
                assert_eq!(
                    a.get("source"),
                    e.get("source"),
                    "{fixture} record {i}: source"
                );
                let message = a.get("error").and_then(Value::as_str).unwrap_or_default();
                assert!(
                    message.contains(fragment),
                    "{fixture} record {i}: error `{message}` lacks `{fragment}`"
                );
            }
            None => assert_eq!(a, e, "{fixture} record {i}"),
        }
    }
}

fn fixtures() -> Vec<(String, PathBuf)> {
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(DIR)
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let input = name.strip_suffix(".expected.jsonl")?.to_string();
            Some((format!("{DIR}/{input}"), p))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_fixture_converts_to_its_expectation() {
    let all = fixtures();
    assert!(all.len() >= 23, "fixtures found: {}", all.len());
    for (input, expectation) in all {
        let (actual, _) =
            convert_to_values(std::slice::from_ref(&input), &IngestOptions::default());
        assert_matches(&input, &actual, &expected(&expectation));
    }
}

#[test]
fn every_format_has_a_fixture() {
    let names: Vec<String> = fixtures().into_iter().map(|(i, _)| i).collect();
    for ext in [".csv", ".tsv", ".txt", ".vtt", ".srt", ".json", ".jsonl"] {
        assert!(names.iter().any(|n| n.ends_with(ext)), "no {ext} fixture");
    }
    // Each vendor schema is detected in at least one fixture.
    for (fixture, format) in [
        ("contact_lens_voice.json", Format::ContactLens),
        ("transcribe_call_analytics.json", Format::Transcribe),
        ("transcribe_job_speakers.json", Format::TranscribeJob),
        ("transcribe_job_channels.json", Format::TranscribeJob),
        ("azure_diarized.json", Format::Azure),
        ("azure_stereo.json", Format::Azure),
        ("ccai_entries.json", Format::Ccai),
        ("genesys.json", Format::Genesys),
        ("twilio_participants.json", Format::Twilio),
    ] {
        // Forcing the vendor format gives the same result as detecting it.
        let path = format!("{DIR}/{fixture}");
        let forced = IngestOptions {
            format,
            ..IngestOptions::default()
        };
        let (a, _) = convert_to_values(std::slice::from_ref(&path), &forced);
        let (b, _) = convert_to_values(&[path], &IngestOptions::default());
        assert_eq!(a, b, "{fixture}");
    }
}

#[test]
fn gzipped_inputs_read_like_plain_ones() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for fixture in [
        "call.txt",
        "vendor_lines.jsonl",
        "genesys.json",
        "bi_export.csv",
    ] {
        let plain = std::fs::read(format!("{DIR}/{fixture}")).expect("fixture");
        let gz_path = tmp.path().join(format!("{fixture}.gz"));
        let mut enc = flate2::write::GzEncoder::new(
            std::fs::File::create(&gz_path).expect("create"),
            flate2::Compression::default(),
        );
        enc.write_all(&plain).expect("compress");
        enc.finish().expect("finish");
        let gz = gz_path.display().to_string();
        let (from_gz, _) = convert_to_values(std::slice::from_ref(&gz), &IngestOptions::default());
        let mut want = expected(Path::new(&format!("{DIR}/{fixture}.expected.jsonl")));
        // Ids that default to the file name follow the compressed file's name.
        for v in &mut want {
            if let Some(Value::String(id)) = v.get_mut("id") {
                *id = id.replace(&format!("{DIR}/{fixture}"), &gz);
            }
        }
        assert_matches(&gz, &from_gz, &want);
    }
}

#[test]
fn a_directory_of_mixed_formats_reads_every_file_in_order() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let sub = tmp.path().join("b_sub");
    std::fs::create_dir(&sub).expect("subdir");
    for (fixture, dest) in [
        ("zoom.vtt", tmp.path().join("a.vtt")),
        ("semicolon_ms.csv", tmp.path().join("c.csv")),
        ("genesys.json", sub.join("g.json")),
        ("call.srt", sub.join("s.srt")),
        ("vendor_lines.jsonl", tmp.path().join("d.ndjson")),
    ] {
        std::fs::copy(format!("{DIR}/{fixture}"), dest).expect("copy");
    }
    std::fs::write(tmp.path().join("notes.pdf"), b"not a transcript").expect("write");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(tmp.path().join("e.txt.gz")).expect("create"),
        flate2::Compression::fast(),
    );
    gz.write_all(b"Agent: Hello\nCustomer: Hi there\n")
        .expect("compress");
    gz.finish().expect("finish");

    let dir = tmp.path().display().to_string();
    let (out, err) = convert_to_values(std::slice::from_ref(&dir), &IngestOptions::default());
    let ids: Vec<&str> = out.iter().filter_map(|v| v["id"].as_str()).collect();
    let file = |name: &str| format!("{dir}/{name}");
    assert_eq!(
        ids,
        [
            file("a.vtt").as_str(),
            "7f6e5d4c-3b2a-4190-8e7d-6c5b4a392817",
            file("b_sub/s.srt").as_str(),
            "77",
            "l-1",
            format!("{}:2", file("d.ndjson")).as_str(),
            "GTabc",
            file("e.txt.gz").as_str(),
        ]
    );
    assert!(out.iter().all(|v| v.get("error").is_none()), "{err}");
}

#[test]
fn convert_output_reads_back_as_canonical_json_lines() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let inputs: Vec<String> = fixtures().into_iter().map(|(i, _)| i).collect();
    let mut out = Vec::new();
    let mut err = Vec::new();
    let summary =
        convert::run(&inputs, &IngestOptions::default(), &mut out, &mut err).expect("convert");
    // batch.txt holds the one conversation without any turn.
    assert_eq!(summary.errors, 1, "{}", String::from_utf8_lossy(&err));
    let canonical: Vec<u8> = String::from_utf8(out)
        .expect("UTF-8")
        .lines()
        .filter(|l| !l.contains("\"error\""))
        .flat_map(|l| format!("{l}\n").into_bytes())
        .collect();
    let path = tmp.path().join("all.jsonl");
    std::fs::write(&path, &canonical).expect("write");
    let again: Vec<Conversation> = ingest::records(&Input::File(path), &IngestOptions::default())
        .expect("open")
        .map(|r| r.conversation.expect("reads back"))
        .collect();
    let first: Vec<Conversation> = String::from_utf8(canonical)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a Conversation"))
        .collect();
    assert_eq!(again, first);
    assert_eq!(summary.conversations, first.len());
}

fn records_of(path: &str, options: &IngestOptions) -> Vec<Record> {
    ingest::records(&Input::File(PathBuf::from(path)), options)
        .expect("open")
        .collect()
}

fn broken(name: &str) -> Vec<Record> {
    records_of(&format!("{DIR}/broken/{name}"), &IngestOptions::default())
}

fn error_of(r: &Record) -> &str {
    &r.conversation
        .as_ref()
        .expect_err("an error record")
        .message
}

#[test]
fn broken_tables_are_located() {
    let r = broken("missing_text.csv");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].source.line, Some(1));
    assert!(
        error_of(&r[0]).contains("no text column"),
        "{}",
        error_of(&r[0])
    );

    let r = broken("bad_rows.csv");
    assert_eq!(r.len(), 3);
    let a = r[0].conversation.as_ref().expect("A reads");
    assert_eq!((a.id.as_str(), a.turns.len()), ("A", 2));
    assert_eq!(r[1].source.line, Some(3));
    let e = r[1].conversation.as_ref().expect_err("B fails");
    assert_eq!(e.id.as_deref(), Some("B"));
    assert!(
        e.message.contains("line 3") && e.message.contains("`zero`"),
        "{}",
        e.message
    );
    assert_eq!(r[2].source.line, Some(4));
    assert!(error_of(&r[2]).contains("empty conversation id"));
}

#[test]
fn tables_with_crlf_line_ends_are_located_like_lf_ones() {
    let lf = std::fs::read(format!("{DIR}/broken/bad_rows.csv")).expect("fixture");
    assert!(!lf.contains(&b'\r'));
    let crlf: Vec<u8> = lf
        .iter()
        .flat_map(|&b| {
            if b == b'\n' {
                vec![b'\r', b'\n']
            } else {
                vec![b]
            }
        })
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad_rows_crlf.csv");
    std::fs::write(&path, crlf).expect("write");
    let located = |records: Vec<Record>| -> Vec<(Option<u64>, Option<String>)> {
        records
            .into_iter()
            .map(|r| (r.source.line, r.conversation.err().map(|e| e.message)))
            .collect()
    };
    assert_eq!(
        located(records_of(
            path.to_str().unwrap(),
            &IngestOptions::default()
        )),
        located(broken("bad_rows.csv"))
    );
}

#[test]
fn a_one_line_json_document_without_a_final_newline_is_a_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let conversation =
        r#"{"turns":[{"speaker":"agent","text":"Hello"},{"speaker":"customer","text":"Hi"}]}"#;
    for (name, text, id) in [
        (
            "wrapped.json",
            format!(r#"{{"conversations":[{conversation}]}}"#),
            "$.conversations[0]",
        ),
        ("single.json", conversation.to_string(), "single.json"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).expect("write");
        let records = records_of(path.to_str().unwrap(), &IngestOptions::default());
        assert_eq!(records.len(), 1, "{name}");
        let c = records[0].conversation.as_ref().expect("a conversation");
        assert!(c.id.ends_with(id), "{name}: {}", c.id);
        assert_eq!(c.turns.len(), 2);
    }
}

#[test]
fn broken_text_and_captions_are_located() {
    let r = broken("no_speakers.txt");
    assert_eq!((r.len(), r[0].source.line), (1, Some(1)));
    assert!(error_of(&r[0]).contains("no `Speaker: text` lines"));

    let r = broken("bad_timing.vtt");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].source.line, Some(12));
    assert_eq!(r[0].source.place.as_deref(), Some("cue 3"));
    assert!(error_of(&r[0]).contains("malformed timing"));

    let r = broken("no_timing.srt");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].source.line, Some(5));
    assert_eq!(r[0].source.place.as_deref(), Some("cue 2"));
    assert!(error_of(&r[0]).contains("no timing line"));
}

#[test]
fn broken_vendor_json_is_located_by_json_path() {
    for (file, id, place, fragment) in [
        (
            "bad_content.json",
            Some("cl-err-1"),
            "$.Transcript[1].Content",
            "expected a string",
        ),
        (
            "ccai_missing_role.json",
            None,
            "$.entries[1].role",
            "missing `role`",
        ),
        (
            "genesys_bad.json",
            Some("g-err"),
            "$.transcripts",
            "expected an array",
        ),
        (
            "twilio_bad.json",
            Some("GTerr"),
            "$.sentences[0].media_channel",
            "media_channel",
        ),
        (
            "azure_bad.json",
            Some("err-1.wav"),
            "$.recognizedPhrases[1].offsetInTicks",
            "expected a number",
        ),
        (
            "transcribe_job_bad.json",
            Some("tj-err"),
            "$.results.items[2].alternatives[0].content",
            "expected a string, found a number",
        ),
    ] {
        let r = broken(file);
        assert_eq!(r.len(), 1, "{file}");
        let e = r[0].conversation.as_ref().expect_err("an error");
        assert_eq!(e.id.as_deref(), id, "{file}");
        assert_eq!(r[0].source.place.as_deref(), Some(place), "{file}");
        assert!(e.message.contains(fragment), "{file}: {}", e.message);
    }

    let r = broken("truncated.json");
    assert_eq!(r.len(), 1);
    assert!(r[0].source.line.is_some());
    assert!(error_of(&r[0]).contains("invalid JSON"));

    let r = broken("array_bad.json");
    assert_eq!(r.len(), 3);
    assert_eq!(
        r[0].conversation.as_ref().map(|c| c.id.as_str()).ok(),
        Some("fine")
    );
    assert_eq!(r[1].source.place.as_deref(), Some("$[1]"));
    assert!(error_of(&r[1]).contains("expected a JSON object"));
    assert_eq!(r[2].source.place.as_deref(), Some("$[2].entries[0].text"));

    let r = broken("bad_lines.jsonl");
    assert_eq!(r.len(), 5);
    assert!(r[0].conversation.is_ok());
    assert_eq!(r[1].source.line, Some(2));
    assert!(error_of(&r[1]).contains("invalid conversation JSON"));
    assert_eq!(r[2].source.line, Some(3));
    assert_eq!(r[2].source.place.as_deref(), Some("$.Transcript"));
    assert_eq!(
        r[2].conversation.as_ref().expect_err("error").id.as_deref(),
        Some("cl-2")
    );
    assert_eq!(r[3].source.line, Some(4));
    assert!(error_of(&r[3]).contains("unrecognised JSON object"));
    // A record that says its id keeps it in the error record, even without turns.
    assert!(error_of(&r[4]).contains("unrecognised JSON object"));
    assert_eq!(
        r[4].conversation.as_ref().expect_err("error").id.as_deref(),
        Some("no-turns")
    );
}

#[test]
fn files_over_the_cap_are_error_records() {
    let options = IngestOptions {
        max_record_bytes: 100,
        ..IngestOptions::default()
    };
    for fixture in ["teams.vtt", "bi_export.csv", "genesys.json", "call.txt"] {
        let r = records_of(&format!("{DIR}/{fixture}"), &options);
        assert_eq!(r.len(), 1, "{fixture}");
        assert!(
            error_of(&r[0]).contains("over the limit of 100 bytes"),
            "{fixture}"
        );
    }
    // JSON Lines stay streamed: the cap is per line.
    let r = records_of(&format!("{DIR}/vendor_lines.jsonl"), &options);
    assert_eq!(r.len(), 3);
    assert!(r[0].conversation.is_ok());
    assert!(error_of(&r[1]).contains("over the limit"));
}

#[test]
fn column_map_names_unusual_headers() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("export.csv");
    std::fs::write(
        &path,
        "Ref,Who,Said,When (s),Team\nr1,Dana,Thanks for calling!,0,north\nr1,caller,My bill is wrong,3.5,north\n",
    )
    .expect("write");
    let path = path.display().to_string();
    // Without the map there is no text or speaker column.
    assert!(error_of(&records_of(&path, &IngestOptions::default())[0]).contains("no text column"));
    let options = IngestOptions {
        columns: ColumnMap::parse("id=Ref,speaker=Who,text=Said,start=When (s)").expect("map"),
        ..IngestOptions::default()
    };
    let r = records_of(&path, &options);
    let c = r[0].conversation.as_ref().expect("reads");
    assert_eq!(c.id, "r1");
    assert_eq!(c.metadata["Team"], "north");
    assert_eq!(c.agent_name.as_deref(), Some("Dana"));
    assert_eq!(c.turns[1].role, Role::Customer);
    assert_eq!(c.turns[1].start, Some(3.5));
}

#[test]
fn twilio_agent_channel_option_and_participants() {
    let path = format!("{DIR}/twilio_sentences.json");
    let roles = |options: &IngestOptions| -> Vec<Role> {
        records_of(&path, options)[0]
            .conversation
            .as_ref()
            .expect("reads")
            .turns
            .iter()
            .map(|t| t.role)
            .collect()
    };
    assert_eq!(
        roles(&IngestOptions::default()),
        [Role::Agent, Role::Customer, Role::Agent]
    );
    let flipped = IngestOptions {
        twilio_agent_channel: Some(2),
        ..IngestOptions::default()
    };
    assert_eq!(
        roles(&flipped),
        [Role::Customer, Role::Agent, Role::Customer]
    );
    // Participants stated in the transcript win over the option.
    let r = records_of(&format!("{DIR}/twilio_participants.json"), &flipped);
    let c = r[0].conversation.as_ref().expect("reads");
    assert_eq!(c.turns[0].role, Role::Agent);
    assert_eq!(c.agent_name.as_deref(), Some("Tom Nook"));
}

#[test]
fn forced_formats_override_detection() {
    // A caption file named .txt is still read as captions by content...
    let tmp = tempfile::tempdir().expect("temp dir");
    let txt = tmp.path().join("captions.txt");
    std::fs::copy(format!("{DIR}/zoom.vtt"), &txt).expect("copy");
    let txt = txt.display().to_string();
    let r = records_of(&txt, &IngestOptions::default());
    assert_eq!(r[0].conversation.as_ref().expect("vtt").turns.len(), 4);
    // ...and forcing a format that does not fit gives a located error, not a panic.
    let forced = IngestOptions {
        format: Format::Srt,
        ..IngestOptions::default()
    };
    let r = records_of(&format!("{DIR}/call.txt"), &forced);
    assert_eq!(r.len(), 1);
    assert!(r[0].conversation.is_err());
    let forced = IngestOptions {
        format: Format::Genesys,
        ..IngestOptions::default()
    };
    let r = records_of(&format!("{DIR}/ccai_entries.json"), &forced);
    assert!(r[0].conversation.is_err());
}

#[test]
fn unreadable_inputs_still_get_an_error_record() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let gz = tmp.path().join("bad.jsonl.gz");
    std::fs::write(&gz, [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad]).expect("write");
    let (out, err) = convert_to_values(&[gz.display().to_string()], &IngestOptions::default());
    assert_eq!(out.len(), 1);
    assert!(out[0]["error"].as_str().is_some(), "{out:?}");
    assert!(err.contains("bad.jsonl.gz"), "{err}");
}

#[test]
fn formats_command_lists_every_format() {
    let mut out = Vec::new();
    sincerity::commands::formats::run(&mut out).expect("runs");
    let text = String::from_utf8(out).expect("UTF-8");
    for f in Format::ALL {
        assert!(
            text.lines().any(|l| l.starts_with(f.name())),
            "{} missing",
            f.name()
        );
    }
    assert!(
        text.lines().all(|l| l == l.trim_end()),
        "no trailing spaces"
    );
}

#[test]
fn empty_inputs_yield_no_records() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for name in ["e.csv", "e.txt", "e.vtt", "e.srt", "e.json", "e.jsonl"] {
        let path = tmp.path().join(name);
        std::fs::write(&path, "\u{feff}\n \r\n").expect("write");
        let r = records_of(&path.display().to_string(), &IngestOptions::default());
        assert!(r.is_empty(), "{name}: {} records", r.len());
    }
}

#[test]
fn every_format_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/formats.md")).expect("docs/formats.md");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    for format in Format::ALL {
        let name = format!("`{}`", format.name());
        // A row of the `--format` table, and for every reader a row of README's input table.
        assert!(
            docs.lines().any(|l| l.starts_with(&format!("| {name}"))),
            "docs/formats.md has no row for {name}"
        );
        if format != Format::Auto {
            assert!(
                readme.lines().any(|l| l.starts_with("| `")
                    && l.split(" | ").next().is_some_and(|c| c.contains(&name))),
                "README.md's input table has no row for {name}"
            );
        }
    }
}
