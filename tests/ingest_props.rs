//! Every reader over arbitrary bytes and over format-flavoured junk: it never panics, and it
//! yields at least one record unless the input is empty. "Empty" means blank (only
//! whitespace and a byte-order mark) for every format, plus a table whose rows are all
//! empty (a header and nothing else) and a JSON array with no element.

use std::io::Cursor;

use proptest::prelude::*;
use serde_json::Value;
use sincerity::ingest::json::{self, Schema};
use sincerity::ingest::subtitles::{self, Kind};
use sincerity::ingest::{self, ColumnMap, IngestOptions, Input, csv, text};
use sincerity::model::Record;

fn blank(bytes: &[u8]) -> bool {
    bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .trim_ascii()
        .is_empty()
}

/// Every line of JSON Lines is blank once a byte-order mark is dropped.
fn blank_lines(bytes: &[u8]) -> bool {
    bytes.split(|&b| b == b'\n').all(blank)
}

/// A table whose lines after the header hold nothing but separators and quotes.
fn header_only(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .skip_while(|l| l.trim().is_empty());
    lines.next();
    lines.all(|l| {
        l.chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '\t' | '|' | '"'))
    })
}

fn empty_json_container(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Array(a)) => a.is_empty(),
        Ok(Value::Object(o)) => o
            .get("conversations")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty),
        _ => false,
    }
}

fn check(records: &[Record], allowed_empty: bool) -> Result<(), TestCaseError> {
    prop_assert!(
        !records.is_empty() || allowed_empty,
        "no record for non-empty input"
    );
    for r in records {
        if let Ok(c) = &r.conversation {
            prop_assert!(!c.turns.is_empty(), "a conversation without turns");
        }
    }
    Ok(())
}

const SCHEMAS: [Option<Schema>; 9] = [
    None,
    Some(Schema::Canonical),
    Some(Schema::ContactLens),
    Some(Schema::Transcribe),
    Some(Schema::TranscribeJob),
    Some(Schema::Ccai),
    Some(Schema::Genesys),
    Some(Schema::Twilio),
    Some(Schema::Azure),
];

fn csv_reader(bytes: &[u8]) -> Result<(), TestCaseError> {
    let allowed = blank(bytes) || header_only(bytes);
    check(
        &csv::read(bytes, "p.csv", &ColumnMap::default(), false, None),
        allowed,
    )?;
    check(
        &csv::read(bytes, "p.tsv", &ColumnMap::default(), true, None),
        allowed,
    )
}

fn text_reader(bytes: &[u8]) -> Result<(), TestCaseError> {
    check(&text::read(bytes, "p.txt", None), blank(bytes))
}

fn vtt_reader(bytes: &[u8]) -> Result<(), TestCaseError> {
    check(
        &subtitles::read(bytes, "p.vtt", Kind::Vtt, None),
        blank(bytes),
    )
}

fn srt_reader(bytes: &[u8]) -> Result<(), TestCaseError> {
    check(
        &subtitles::read(bytes, "p.srt", Kind::Srt, None),
        blank(bytes),
    )
}

/// JSON documents in every schema, detected or forced.
fn json_reader(bytes: &[u8]) -> Result<(), TestCaseError> {
    let options = IngestOptions::default();
    for schema in SCHEMAS {
        check(
            &json::document(bytes, "p.json", schema, &options),
            blank(bytes) || empty_json_container(bytes),
        )?;
    }
    Ok(())
}

/// JSON Lines in every schema, detected or forced.
fn jsonl_reader(bytes: &[u8]) -> Result<(), TestCaseError> {
    let options = IngestOptions::default();
    for schema in SCHEMAS {
        let lines: Vec<Record> =
            json::lines(Cursor::new(bytes.to_vec()), "p.jsonl", schema, &options).collect();
        check(&lines, blank_lines(bytes))?;
    }
    Ok(())
}

/// Arbitrary bytes, format-flavoured lines, and vendor-shaped JSON (pretty and compact).
fn inputs() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        flavoured(),
        vendor_json().prop_map(|v| serde_json::to_vec_pretty(&v).unwrap_or_default()),
        vendor_json().prop_map(|v| serde_json::to_vec(&v).unwrap_or_default()),
    ]
}

/// Lines that look like pieces of every format, glued with LF or CRLF.
fn flavoured() -> impl Strategy<Value = Vec<u8>> {
    let fragment = prop_oneof![
        Just("WEBVTT".to_string()),
        Just(String::new()),
        Just("NOTE a note".to_string()),
        Just("STYLE".to_string()),
        Just("1".to_string()),
        Just("00:00:01.000 --> 00:00:02.500 align:start".to_string()),
        Just("00:00:01,000 --> 00:00:0x,000".to_string()),
        Just("99:99 --> 1".to_string()),
        Just("-->".to_string()),
        Just("<v Dana Smith>Thanks for calling</v>".to_string()),
        Just("<v.loud>".to_string()),
        Just("<c.x><i>nested</i>".to_string()),
        Just("Agent: hello [PII]".to_string()),
        Just("[00:00:05] Customer: hi".to_string()),
        Just("[2024-03-02 10:15:00] Maria: hi".to_string()),
        Just("Dana  0:03".to_string()),
        Just("### c-1".to_string()),
        Just("---".to_string()),
        Just("Call ID: 42".to_string()),
        Just("id,speaker,text,start".to_string()),
        Just("c1,agent,hello,0".to_string()),
        Just("c1,,,x".to_string()),
        Just(",customer,hi,1".to_string()),
        Just("\"unterminated,quote".to_string()),
        Just("&amp;&#xFFFFFFFF;&#0;&".to_string()),
        Just("\u{feff}".to_string()),
        Just("é ß 日本".to_string()),
        Just("{\"turns\":[{\"speaker\":\"agent\",\"text\":\"hi\"}]}".to_string()),
        Just("{\"Transcript\":[{\"ParticipantId\":\"AGENT\",\"Content\":\"x\"}]}".to_string()),
        Just("{\"entries\":[]}".to_string()),
        Just("[".to_string()),
        "[ -~]{0,24}",
    ];
    (
        prop::collection::vec(fragment, 0..24),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(lines, crlf, bom)| {
            let sep = if crlf { "\r\n" } else { "\n" };
            let mut bytes = if bom {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            bytes.extend_from_slice(lines.join(sep).as_bytes());
            bytes
        })
}

/// JSON values whose keys are the vendors' own, nested at random.
fn vendor_json() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "turns",
        "speaker",
        "role",
        "text",
        "start",
        "end",
        "id",
        "Transcript",
        "ParticipantId",
        "ParticipantRole",
        "Participants",
        "Content",
        "BeginOffsetMillis",
        "EndOffsetMillis",
        "AbsoluteTime",
        "Sentiment",
        "CustomerMetadata",
        "ContactId",
        "JobName",
        "Categories",
        "MatchedCategories",
        "entries",
        "user_id",
        "start_timestamp_usec",
        "transcript",
        "transcriptSegments",
        "segmentParticipant",
        "words",
        "startOffset",
        "messageTime",
        "callMetadata",
        "transcripts",
        "phrases",
        "decoratedText",
        "participantPurpose",
        "startTimeMs",
        "duration",
        "milliseconds",
        "durationMs",
        "analytics",
        "phraseIndex",
        "sentences",
        "media_channel",
        "start_time",
        "end_time",
        "channel",
        "participants",
        "channel_participant",
        "conversations",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            "AGENT",
            "CUSTOMER",
            "SYSTEM",
            "external",
            "internal",
            "acd-ivr",
            "END_USER",
            "0.5",
            "1.5s",
            "2024-03-04T14:00:00Z",
            "not a time",
            "",
            "[PII]",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|kv| Value::Object(
                kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #[test]
    fn csv_never_panics_and_reports(bytes in inputs()) {
        csv_reader(&bytes)?;
    }

    #[test]
    fn text_never_panics_and_reports(bytes in inputs()) {
        text_reader(&bytes)?;
    }

    #[test]
    fn vtt_never_panics_and_reports(bytes in inputs()) {
        vtt_reader(&bytes)?;
    }

    #[test]
    fn srt_never_panics_and_reports(bytes in inputs()) {
        srt_reader(&bytes)?;
    }

    #[test]
    fn json_never_panics_and_reports(bytes in inputs()) {
        json_reader(&bytes)?;
    }

    #[test]
    fn jsonl_never_panics_and_reports(bytes in inputs()) {
        jsonl_reader(&bytes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The whole path, detection included, through a file.
    #[test]
    fn records_through_files(bytes in flavoured(), ext in prop::sample::select(vec![
        "csv", "tsv", "txt", "vtt", "srt", "json", "jsonl", "log",
    ])) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join(format!("p.{ext}"));
        std::fs::write(&path, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let records: Vec<Record> = ingest::records(&Input::File(path), &IngestOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .collect();
        let allowed = blank(&bytes) || blank_lines(&bytes) || header_only(&bytes)
            || empty_json_container(&bytes);
        check(&records, allowed)?;
    }
}
