//! Amazon Transcribe standard transcription jobs (`StartTranscriptionJob`) run with speaker
//! partitioning or channel identification: `results` holds the words as `items[]` (a word or
//! a punctuation mark each, words timed in seconds), who said them (`speaker_label` on each
//! item, or `speaker_labels.segments[]`; `channel_labels.channels[]` by channel), and in newer
//! outputs the same speech cut into `audio_segments[]` with their text.
//!
//! The labels (`spk_0`, `ch_1`) do not say who is the agent: `--agent-label` names
//! it, or the roles are resolved from what each voice says, as for captions ("thank you for
//! calling", "how can I help").

use serde_json::{Map, Value};

use crate::ingest::json::{Context, Fail, get, get_str, id_of, kind, object_at, text_field};
use crate::ingest::timing::{Unit, value_seconds};
use crate::ingest::turns::{MERGE_GAP_S, Segment};
use crate::model::Conversation;

/// Whether `obj` looks like a transcription job's output: a `results` object holding words,
/// segments or speakers.
pub fn is_job_output(obj: &Map<String, Value>) -> bool {
    obj.get("results")
        .and_then(Value::as_object)
        .is_some_and(|r| {
            [
                "items",
                "audio_segments",
                "speaker_labels",
                "channel_labels",
            ]
            .iter()
            .any(|k| r.contains_key(*k))
        })
}

/// Converts one transcription job output.
pub fn convert(obj: &Map<String, Value>, ctx: &Context) -> Result<Conversation, Fail> {
    let id = id_of(obj.get("jobName")).or_else(|| id_of(obj.get("JobName")));
    let results = match obj.get("results") {
        Some(Value::Object(results)) => results,
        Some(other) => {
            return Err(Fail::at(
                &id,
                "$.results",
                format!("expected an object, found {}", kind(other)),
            ));
        }
        None => return Err(Fail::at(&id, "$", "missing `results`")),
    };
    let segments = match results.get("audio_segments") {
        Some(Value::Array(segs)) if !segs.is_empty() => audio_segments(segs, &id)?,
        _ => from_items(results, &id)?,
    };
    let turns = ctx.numbered_voices(segments, &id, "$.results", "no item has any words")?;
    let mut metadata = Map::new();
    if let Some(job) = &id {
        metadata.insert("job_name".into(), job.clone().into());
    }
    if let Some(language) =
        get_str(results, &["language_code"]).or_else(|| get_str(obj, &["language_code"]))
    {
        metadata.insert("language".into(), language.into());
    }
    Ok(ctx.conversation(id, Some("voice".into()), metadata, turns))
}

/// The speaker of a piece: its `speaker_label`, else its `channel_label`.
fn label_of(obj: &Map<String, Value>) -> Option<&str> {
    get_str(obj, &["speaker_label", "channel_label"]).filter(|l| !l.trim().is_empty())
}

/// A time in seconds at `key` of `obj`, if given.
fn seconds(
    obj: &Map<String, Value>,
    key: &str,
    id: &Option<String>,
    path: &str,
) -> Result<Option<f64>, Fail> {
    get(obj, &[key])
        .map(|v| {
            value_seconds(v, Unit::Seconds)
                .ok_or_else(|| Fail::at(id, format!("{path}.{key}"), "expected seconds"))
        })
        .transpose()
}

/// Segments from `audio_segments[]`: each a stretch of one speaker's speech with its text.
fn audio_segments(segs: &[Value], id: &Option<String>) -> Result<Vec<Segment>, Fail> {
    let mut out = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let path = format!("$.results.audio_segments[{i}]");
        let seg = object_at(seg, id, &path, "an audio segment")?;
        let text = text_field(seg, &["transcript"], id, &path)?;
        let Some(label) = label_of(seg) else {
            if text.trim().is_empty() {
                continue;
            }
            return Err(Fail::at(
                id,
                path,
                "segment has neither `speaker_label` nor `channel_label`",
            ));
        };
        let mut piece = Segment::new(label, None, text);
        piece.start = seconds(seg, "start_time", id, &path)?;
        piece.end = seconds(seg, "end_time", id, &path)?;
        out.push(piece);
    }
    Ok(out)
}

/// One word as said, with the punctuation that follows it.
struct Word {
    label: String,
    text: String,
    start: Option<f64>,
    end: Option<f64>,
    /// Where it sorts: its start, or for a word without one, the start of the word before.
    at: f64,
}

/// Segments from the items: the words of each speaker (or channel) in time order, a
/// punctuation mark joined to the word before it, and the words of one speaker in a row made
/// one segment, unless a silence long enough to keep two turns apart falls between them.
fn from_items(results: &Map<String, Value>, id: &Option<String>) -> Result<Vec<Segment>, Fail> {
    let mut words = Vec::new();
    match results
        .get("channel_labels")
        .and_then(|c| c.get("channels"))
    {
        Some(Value::Array(channels)) => {
            for (c, channel) in channels.iter().enumerate() {
                let path = format!("$.results.channel_labels.channels[{c}]");
                let channel = object_at(channel, id, &path, "a channel")?;
                let label = get_str(channel, &["channel_label"]).unwrap_or_default();
                let items = channel.get("items").unwrap_or(&Value::Null);
                read_items(
                    items,
                    Some(label),
                    &[],
                    id,
                    &format!("{path}.items"),
                    &mut words,
                )?;
            }
        }
        _ => {
            let spans = speaker_spans(results, id)?;
            let items = results.get("items").unwrap_or(&Value::Null);
            read_items(items, None, &spans, id, "$.results.items", &mut words)?;
        }
    }
    if !words.is_empty() && words.iter().all(|w| w.label.is_empty()) {
        return Err(Fail::at(
            id,
            "$.results",
            "no speaker labels: run the job with speaker partitioning (ShowSpeakerLabels) or \
             channel identification",
        ));
    }
    // Channels are listed one after the other: their words are put in the order said. The
    // sort is stable, so words without a time keep their place among their channel's words.
    words.sort_by(|a, b| a.at.total_cmp(&b.at));
    let mut segments: Vec<Segment> = Vec::new();
    for word in words {
        let pause = match (segments.last().and_then(|s| s.end), word.start) {
            (Some(end), Some(start)) => start - end,
            _ => 0.0,
        };
        match segments.last_mut() {
            Some(last) if last.label == word.label && pause < MERGE_GAP_S => {
                last.text.push(' ');
                last.text.push_str(&word.text);
                last.end = word.end.or(last.end);
            }
            _ => {
                let mut piece = Segment::new(word.label, None, word.text);
                piece.start = word.start;
                piece.end = word.end;
                segments.push(piece);
            }
        }
    }
    Ok(segments)
}

/// Start and end of each speaker's segment in `speaker_labels.segments[]`, for outputs whose
/// items do not name their speaker.
fn speaker_spans(
    results: &Map<String, Value>,
    id: &Option<String>,
) -> Result<Vec<(f64, f64, String)>, Fail> {
    let Some(segs) = results
        .get("speaker_labels")
        .and_then(|s| s.get("segments"))
        .and_then(Value::as_array)
    else {
        return Ok(Vec::new());
    };
    let mut spans = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let path = format!("$.results.speaker_labels.segments[{i}]");
        let seg = object_at(seg, id, &path, "a speaker segment")?;
        let (Some(start), Some(end), Some(label)) = (
            seconds(seg, "start_time", id, &path)?,
            seconds(seg, "end_time", id, &path)?,
            label_of(seg),
        ) else {
            return Err(Fail::at(
                id,
                path,
                "expected `speaker_label`, `start_time` and `end_time`",
            ));
        };
        spans.push((start, end, label.to_string()));
    }
    Ok(spans)
}

/// Reads `items` (words and punctuation) into `words`: each word's speaker is `label` (a
/// channel's), its own `speaker_label`/`channel_label`, or the speaker whose span holds its
/// start; a punctuation mark joins the word before it.
fn read_items(
    items: &Value,
    label: Option<&str>,
    spans: &[(f64, f64, String)],
    id: &Option<String>,
    path: &str,
    words: &mut Vec<Word>,
) -> Result<(), Fail> {
    let items = match items {
        Value::Array(items) => items,
        Value::Null => return Ok(()),
        other => {
            return Err(Fail::at(
                id,
                path,
                format!("expected an array of items, found {}", kind(other)),
            ));
        }
    };
    // Words of this list so far: punctuation joins the last of them, not another channel's.
    let first = words.len();
    let mut at = 0.0;
    for (i, item) in items.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let item = object_at(item, id, &path, "an item")?;
        // The first alternative is the transcription; the others are lesser guesses.
        let Some(best) = item
            .get("alternatives")
            .and_then(|a| a.get(0))
            .and_then(Value::as_object)
        else {
            return Err(Fail::at(
                id,
                format!("{path}.alternatives"),
                "expected `alternatives[0].content`",
            ));
        };
        let content = text_field(best, &["content"], id, &format!("{path}.alternatives[0]"))?;
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        if get_str(item, &["type"]) == Some("punctuation") && words.len() > first {
            if let Some(last) = words.last_mut() {
                last.text.push_str(content);
            }
            continue;
        }
        let start = seconds(item, "start_time", id, &path)?;
        let end = seconds(item, "end_time", id, &path)?;
        at = start.unwrap_or(at);
        // A word outside every span (or untimed) is the previous word's speaker's.
        let speaker = label
            .or_else(|| label_of(item))
            .map(str::to_string)
            .or_else(|| {
                let start = start?;
                spans
                    .iter()
                    .find(|(from, to, _)| *from <= start && start < *to)
                    .map(|(_, _, l)| l.clone())
            })
            .or_else(|| words[first..].last().map(|w| w.label.clone()))
            .or_else(|| spans.first().map(|(_, _, l)| l.clone()));
        words.push(Word {
            label: speaker.unwrap_or_default(),
            text: content.to_string(),
            start,
            end,
            at,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::IngestOptions;
    use crate::model::Role;

    const FIXTURES: &str = "tests/fixtures/formats";

    fn read(name: &str) -> Map<String, Value> {
        let path = format!("{FIXTURES}/{name}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).expect("fixture is a JSON object")
    }

    fn convert_obj(obj: &Map<String, Value>) -> Result<Conversation, Fail> {
        let options = IngestOptions::default();
        convert(
            obj,
            &Context {
                default_id: "file.json",
                options: &options,
            },
        )
    }

    #[test]
    fn the_words_give_the_turns_the_audio_segments_give() {
        let with_segments = read("transcribe_job_speakers.json");
        let mut words_only = with_segments.clone();
        let results = words_only["results"].as_object_mut().expect("results");
        results
            .remove("audio_segments")
            .expect("the fixture has segments");
        let a = convert_obj(&with_segments).expect("segments read");
        let b = convert_obj(&words_only).expect("words read");
        assert_eq!(a.turns, b.turns);
        assert_eq!(
            a.turns.len(),
            5,
            "the hold keeps the agent's two turns apart"
        );
        // Without the items' own labels, the speaker segments say who said each word.
        let results = words_only["results"].as_object_mut().expect("results");
        for item in results["items"].as_array_mut().expect("items") {
            item.as_object_mut().expect("item").remove("speaker_label");
        }
        assert_eq!(convert_obj(&words_only).expect("spans read").turns, a.turns);
    }

    #[test]
    fn punctuation_joins_the_word_before_it_on_its_own_channel() {
        let c = convert_obj(&read("transcribe_job_channels.json")).expect("read");
        let texts: Vec<(&str, Role)> = c.turns.iter().map(|t| (t.text.as_str(), t.role)).collect();
        assert_eq!(
            texts[..2],
            [
                ("Hello?", Role::Customer),
                (
                    "Hi, thanks for calling Fabrikam support, how can I help?",
                    Role::Agent
                )
            ]
        );
    }

    #[test]
    fn the_agent_label_option_overrides_what_the_voices_say() {
        let obj = read("transcribe_job_channels.json");
        let options = IngestOptions {
            agent_label: Some("ch_0".into()),
            ..IngestOptions::default()
        };
        let ctx = Context {
            default_id: "file.json",
            options: &options,
        };
        let c = convert(&obj, &ctx).expect("read");
        let roles: Vec<(&str, Role)> = c
            .turns
            .iter()
            .map(|t| (t.speaker.as_str(), t.role))
            .collect();
        assert_eq!(
            roles,
            [
                ("ch_0", Role::Agent),
                ("ch_1", Role::Customer),
                ("ch_0", Role::Agent),
                ("ch_1", Role::Customer)
            ]
        );
        // A label is no name.
        assert_eq!(c.agent_name, None);
    }

    #[test]
    fn a_job_without_speaker_labels_is_a_located_error() {
        let obj: Map<String, Value> = serde_json::from_str(
            r#"{"jobName": "mono-1", "results": {"transcripts": [{"transcript": "Hello there."}],
                "items": [{"start_time": "0.1", "end_time": "0.4", "type": "pronunciation",
                           "alternatives": [{"confidence": "0.9", "content": "Hello"}]},
                          {"start_time": "0.4", "end_time": "0.8", "type": "pronunciation",
                           "alternatives": [{"confidence": "0.9", "content": "there"}]},
                          {"type": "punctuation", "alternatives": [{"content": "."}]}]}}"#,
        )
        .expect("JSON");
        let e = convert_obj(&obj).expect_err("no speakers");
        assert_eq!(e.id.as_deref(), Some("mono-1"));
        assert_eq!(e.path, "$.results");
        assert!(e.message.contains("speaker partitioning"), "{}", e.message);
    }

    #[test]
    fn a_job_without_results_or_words_is_an_error() {
        let e =
            convert_obj(&serde_json::from_str(r#"{"jobName": "j", "status": "FAILED"}"#).unwrap())
                .expect_err("no results");
        assert_eq!(
            (e.path.as_str(), e.message.as_str()),
            ("$", "missing `results`")
        );
        let e = convert_obj(
            &serde_json::from_str(r#"{"jobName": "j", "results": {"items": []}}"#).unwrap(),
        )
        .expect_err("no words");
        assert_eq!(e.path, "$.results");
        let e = convert_obj(
            &serde_json::from_str(
                r#"{"results": {"items": [{"type": "pronunciation", "start_time": "soon",
                    "alternatives": [{"content": "Hi"}], "speaker_label": "spk_0"}]}}"#,
            )
            .unwrap(),
        )
        .expect_err("bad time");
        assert_eq!(e.path, "$.results.items[0].start_time");
        assert_eq!(e.id, None);
    }
}
