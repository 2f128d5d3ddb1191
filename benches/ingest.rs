//! Reading throughput of every input format, in bytes of input per second.
//!
//! Each format gets about 4 MB of generated conversations: JSON Lines, CSV and text as one
//! file each (the way batch exports come), captions and vendor JSON as a directory of
//! per-call files (the way those exports come). `cargo bench --bench ingest`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::json;
use sincerity::ingest::{self, IngestOptions, Input};

const TARGET_BYTES: usize = 4 * 1024 * 1024;
const TURNS: usize = 30;

const AGENT_LINES: &[&str] = &[
    "Thank you for calling, my name is Dana. How can I help you today?",
    "I'm sorry to hear that, let me pull up your account.",
    "Could you confirm the postcode on the account for me, please?",
    "I can see the payment of [PII] was taken twice on the third.",
    "Please hold while I check with the billing team.",
    "Thanks for holding. I've raised a refund and you'll see it in three to five days.",
];
const CUSTOMER_LINES: &[&str] = &[
    "Hi, my bill doubled this month and nobody can tell me why.",
    "It's the same as last time, I already explained this twice.",
    "Sure, it's [PII].",
    "That's really frustrating, I've been a customer for ten years.",
    "Okay. Will I get an email confirming that?",
    "Thanks, that's all.",
];

fn line(i: usize) -> (&'static str, &'static str) {
    if i.is_multiple_of(2) {
        ("agent", AGENT_LINES[(i / 2) % AGENT_LINES.len()])
    } else {
        ("customer", CUSTOMER_LINES[(i / 2) % CUSTOMER_LINES.len()])
    }
}

/// Start and end of turn `i`, in milliseconds.
fn times(i: usize) -> (u64, u64) {
    let start = i as u64 * 4_200;
    (start, start + 3_600)
}

fn clock(ms: u64, sep: char) -> String {
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

fn jsonl(n: usize) -> String {
    let turns: Vec<_> = (0..TURNS)
        .map(|i| {
            let (who, text) = line(i);
            let (s, e) = times(i);
            json!({"speaker": who, "text": text, "start": s as f64 / 1e3, "end": e as f64 / 1e3})
        })
        .collect();
    serde_json::to_string(&json!({"id": format!("c-{n}"), "channel": "voice", "turns": turns}))
        .unwrap_or_default()
        + "\n"
}

fn csv_rows(n: usize, out: &mut String) {
    for i in 0..TURNS {
        let (who, text) = line(i);
        let (s, e) = times(i);
        let _ = writeln!(
            out,
            "c-{n},{who},{},{},\"{text}\",queue-{}",
            s as f64 / 1e3,
            e as f64 / 1e3,
            n % 7
        );
    }
}

fn text_block(n: usize, out: &mut String) {
    let _ = writeln!(out, "### c-{n}");
    for i in 0..TURNS {
        let (who, text) = line(i);
        let (s, _) = times(i);
        let label = if who == "agent" { "Dana" } else { "Ravi Patel" };
        let _ = writeln!(out, "[{}] {label}: {text}", &clock(s, '.')[..8]);
    }
    out.push('\n');
}

fn vtt(_: usize) -> String {
    let mut out = String::from("WEBVTT\n\n");
    for i in 0..TURNS {
        let (who, text) = line(i);
        let (s, e) = times(i);
        let name = if who == "agent" {
            "Dana Smith"
        } else {
            "Ravi Patel"
        };
        let _ = write!(
            out,
            "{i}\n{} --> {}\n<v {name}>{text}</v>\n\n",
            clock(s, '.'),
            clock(e, '.')
        );
    }
    out
}

fn srt(_: usize) -> String {
    let mut out = String::new();
    for i in 0..TURNS {
        let (who, text) = line(i);
        let (s, e) = times(i);
        let _ = write!(
            out,
            "{}\n{} --> {}\n{}: {text}\n\n",
            i + 1,
            clock(s, ','),
            clock(e, ','),
            who.to_uppercase()
        );
    }
    out
}

fn contact_lens(n: usize) -> String {
    let items: Vec<_> = (0..TURNS)
        .map(|i| {
            let (who, text) = line(i);
            let (s, e) = times(i);
            json!({"BeginOffsetMillis": s, "EndOffsetMillis": e, "Id": format!("t{i}"),
                   "ParticipantId": who.to_uppercase(), "Content": text, "Sentiment": "NEUTRAL"})
        })
        .collect();
    json!({"Channel": "VOICE", "LanguageCode": "en-US",
           "CustomerMetadata": {"ContactId": format!("contact-{n}")},
           "Participants": [{"ParticipantId": "AGENT", "ParticipantRole": "AGENT"},
                            {"ParticipantId": "CUSTOMER", "ParticipantRole": "CUSTOMER"}],
           "Categories": {"MatchedCategories": ["billing"]},
           "Transcript": items})
    .to_string()
}

fn transcribe(n: usize) -> String {
    let items: Vec<_> = (0..TURNS)
        .map(|i| {
            let (who, text) = line(i);
            let (s, e) = times(i);
            json!({"BeginOffsetMillis": s, "EndOffsetMillis": e, "ParticipantRole": who.to_uppercase(),
                   "Content": text, "Sentiment": "NEUTRAL"})
        })
        .collect();
    json!({"JobName": format!("job-{n}"), "Transcript": items}).to_string()
}

fn ccai(n: usize) -> String {
    let entries: Vec<_> = (0..TURNS)
        .map(|i| {
            let (who, text) = line(i);
            let (s, _) = times(i);
            json!({"start_timestamp_usec": 1_709_560_800_000_000u64 + s * 1000, "text": text,
                   "role": who.to_uppercase(), "user_id": if who == "agent" { 2 } else { 1 }})
        })
        .collect();
    json!({"name": format!("projects/p/locations/l/conversations/{n}"), "entries": entries})
        .to_string()
}

fn genesys(n: usize) -> String {
    let phrases: Vec<_> = (0..TURNS)
        .map(|i| {
            let (who, text) = line(i);
            let (s, e) = times(i);
            json!({"text": text.to_lowercase(), "decoratedText": text, "startTimeMs": 1_709_564_400_000u64 + s,
                   "duration": {"milliseconds": e - s},
                   "participantPurpose": if who == "agent" { "internal" } else { "external" }})
        })
        .collect();
    json!({"conversationId": format!("g-{n}"), "mediaType": "call",
           "transcripts": [{"phrases": phrases}]})
    .to_string()
}

fn twilio(n: usize) -> String {
    let sentences: Vec<_> = (0..TURNS)
        .map(|i| {
            let (who, text) = line(i);
            let (s, e) = times(i);
            json!({"media_channel": if who == "agent" { 1 } else { 2 }, "sentence_index": i,
                   "start_time": format!("{}", s as f64 / 1e3), "end_time": format!("{}", e as f64 / 1e3),
                   "transcript": text})
        })
        .collect();
    json!({"sid": format!("GT{n:032}"), "sentences": sentences}).to_string()
}

/// A word-level Amazon Transcribe job with speaker partitioning, without audio segments: the
/// reader builds the turns from the words.
fn transcribe_job(n: usize) -> String {
    let mut items = Vec::new();
    for i in 0..TURNS {
        let (who, text) = line(i);
        let speaker = if who == "agent" { "spk_0" } else { "spk_1" };
        let (s, e) = times(i);
        let words: Vec<&str> = text.split_whitespace().collect();
        let step = (e - s) as f64 / 1e3 / words.len() as f64;
        for (k, word) in words.iter().enumerate() {
            let start = s as f64 / 1e3 + k as f64 * step;
            let bare = word.trim_end_matches(['.', ',', '?']);
            items.push(json!({"start_time": format!("{start:.3}"), "end_time": format!("{:.3}", start + step),
                              "alternatives": [{"confidence": "0.99", "content": bare}],
                              "type": "pronunciation", "speaker_label": speaker}));
            // What the word ends with (",", "?") is a punctuation item of its own.
            let mark = &word[bare.len()..];
            if !mark.is_empty() {
                items.push(
                    json!({"alternatives": [{"confidence": "0.0", "content": mark}],
                                  "type": "punctuation", "speaker_label": speaker}),
                );
            }
        }
    }
    json!({"jobName": format!("job-{n}"), "status": "COMPLETED",
           "results": {"speaker_labels": {"speakers": 2}, "items": items}})
    .to_string()
}

/// An Azure Speech batch result of a stereo call, phrases listed channel by channel.
fn azure(n: usize) -> String {
    let mut phrases = Vec::new();
    for channel in 0..2 {
        for i in (0..TURNS).filter(|i| i % 2 == channel) {
            let (_, text) = line(i);
            let (s, e) = times(i);
            phrases.push(json!({"recognitionStatus": "Success", "channel": channel,
                                "offsetInTicks": s * 10_000, "durationInTicks": (e - s) * 10_000,
                                "nBest": [{"confidence": 0.93, "lexical": text.to_lowercase(),
                                           "display": text}]}));
        }
    }
    json!({"source": format!("https://rec.example.com/calls/{n}.wav"),
           "timestamp": "2025-06-02T14:31:07Z", "recognizedPhrases": phrases})
    .to_string()
}

/// One file of about `TARGET_BYTES`, built from blocks.
fn one_file(
    dir: &Path,
    name: &str,
    header: &str,
    block: impl Fn(usize, &mut String),
) -> Vec<Input> {
    let mut out = String::from(header);
    let mut n = 0;
    while out.len() < TARGET_BYTES {
        block(n, &mut out);
        n += 1;
    }
    let path = dir.join(name);
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    vec![Input::File(path)]
}

/// Per-call files adding up to about `TARGET_BYTES`.
fn many_files(dir: &Path, ext: &str, make: impl Fn(usize) -> String) -> Vec<Input> {
    let sub = dir.join(ext.replace('.', "_"));
    std::fs::create_dir_all(&sub).unwrap_or_else(|e| panic!("{}: {e}", sub.display()));
    let (mut total, mut n, mut inputs) = (0, 0, Vec::new());
    while total < TARGET_BYTES {
        let body = make(n);
        total += body.len();
        let path: PathBuf = sub.join(format!("{n:05}.{ext}"));
        std::fs::write(&path, body).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        inputs.push(Input::File(path));
        n += 1;
    }
    inputs
}

fn bytes_of(inputs: &[Input]) -> u64 {
    inputs.iter().filter_map(Input::file_size).sum()
}

fn read_all(inputs: &[Input], options: &IngestOptions) -> usize {
    let mut ok = 0;
    for input in inputs {
        for record in ingest::records(input, options).unwrap_or_else(|e| panic!("{e}")) {
            assert!(record.conversation.is_ok(), "{:?}", record.conversation);
            ok += 1;
        }
    }
    ok
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let d = dir.path();
    let sets: Vec<(&str, Vec<Input>)> = vec![
        (
            "jsonl",
            one_file(d, "all.jsonl", "", |n, out| out.push_str(&jsonl(n))),
        ),
        ("json-array", {
            let mut items = Vec::new();
            let mut size = 0;
            while size < TARGET_BYTES {
                let line = jsonl(items.len());
                size += line.len();
                items.push(line.trim_end().to_string());
            }
            let path = d.join("all.json");
            std::fs::write(&path, format!("[{}]", items.join(",\n")))
                .unwrap_or_else(|e| panic!("{e}"));
            vec![Input::File(path)]
        }),
        (
            "csv",
            one_file(
                d,
                "all.csv",
                "conversation_id,speaker,start,end,text,queue\n",
                csv_rows,
            ),
        ),
        ("text", one_file(d, "all.txt", "", text_block)),
        ("vtt", many_files(d, "vtt", vtt)),
        ("srt", many_files(d, "srt", srt)),
        ("contact-lens", many_files(d, "cl.json", contact_lens)),
        ("transcribe", many_files(d, "tca.json", transcribe)),
        ("transcribe-job", many_files(d, "job.json", transcribe_job)),
        ("ccai", many_files(d, "ccai.json", ccai)),
        ("genesys", many_files(d, "genesys.json", genesys)),
        ("twilio", many_files(d, "twilio.json", twilio)),
        ("azure-speech", many_files(d, "azure.json", azure)),
    ];
    let options = IngestOptions::default();
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.measurement_time(std::time::Duration::from_secs(3));
    for (name, inputs) in &sets {
        assert!(read_all(inputs, &options) > 0, "{name} reads nothing");
        group.throughput(Throughput::Bytes(bytes_of(inputs)));
        group.bench_function(*name, |b| b.iter(|| read_all(inputs, &options)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
