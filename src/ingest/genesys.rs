//! Genesys Cloud speech-and-text-analytics transcripts: `transcripts[].phrases[]` with
//! `text`/`decoratedText`, `participantPurpose` and `startTimeMs` (epoch milliseconds).

use serde_json::{Map, Value};

use crate::ingest::json::{Context, Fail, get, get_str, id_of, kind, object_at};
use crate::ingest::timing::{Unit, round_us, value_seconds};
use crate::ingest::turns::{Assembly, Rebase, Segment, assemble, per_turn};
use crate::model::{Conversation, Role};

/// `participantPurpose`: external is the customer; internal covers agents, and the IVR and
/// ACD when Genesys names them.
fn purpose_role(purpose: &str) -> Option<Role> {
    match purpose.to_ascii_lowercase().as_str() {
        "external" | "customer" => Some(Role::Customer),
        "internal" | "agent" | "user" => Some(Role::Agent),
        "acd-ivr" | "ivr" | "acd" | "bot" | "workflow" => Some(Role::Bot),
        "voicemail" => Some(Role::System),
        _ => Role::from_alias(purpose),
    }
}

/// Converts one Genesys Cloud transcript object.
pub fn convert(obj: &Map<String, Value>, ctx: &Context) -> Result<Conversation, Fail> {
    let id = id_of(obj.get("conversationId"));
    // A whole conversation has `transcripts[]`; a single transcript object has `phrases[]`.
    let transcripts: Vec<(String, &Value)> = match obj.get("transcripts") {
        Some(Value::Array(ts)) => ts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("$.transcripts[{i}]"), t))
            .collect(),
        Some(other) => {
            return Err(Fail::at(
                &id,
                "$.transcripts",
                format!("expected an array of transcripts, found {}", kind(other)),
            ));
        }
        None => vec![("$".to_string(), &Value::Null)],
    };
    let mut pieces: Vec<(Segment, Option<Value>)> = Vec::new();
    let mut topics: Vec<Value> = Vec::new();
    for (tpath, transcript) in transcripts {
        let t = if tpath == "$" {
            obj
        } else {
            transcript.as_object().ok_or_else(|| {
                Fail::at(
                    &id,
                    tpath.clone(),
                    format!("expected a transcript object, found {}", kind(transcript)),
                )
            })?
        };
        let phrases = match t.get("phrases") {
            Some(Value::Array(p)) => p,
            None | Some(Value::Null) => continue,
            Some(other) => {
                return Err(Fail::at(
                    &id,
                    format!("{tpath}.phrases"),
                    format!("expected an array of phrases, found {}", kind(other)),
                ));
            }
        };
        let analytics = t.get("analytics");
        let sentiment_of = |index: usize| {
            analytics
                .and_then(|a| a.get("sentiment"))
                .and_then(Value::as_array)
                .and_then(|s| {
                    s.iter().find(|e| {
                        e.get("phraseIndex").and_then(Value::as_u64) == Some(index as u64)
                    })
                })
                .and_then(|e| e.get("sentiment"))
                .cloned()
        };
        for (i, phrase) in phrases.iter().enumerate() {
            let path = format!("{tpath}.phrases[{i}]");
            let p = object_at(phrase, &id, &path, "a phrase")?;
            // decoratedText has the casing and punctuation sentence splitting needs.
            let text = match (get(p, &["decoratedText"]), get(p, &["text"])) {
                (Some(Value::String(d)), _) if !d.trim().is_empty() => d.clone(),
                (_, Some(Value::String(t))) => t.clone(),
                (_, None) | (Some(Value::String(_)), _) => String::new(),
                (_, Some(other)) => {
                    return Err(Fail::at(
                        &id,
                        format!("{path}.text"),
                        format!("expected a string, found {}", kind(other)),
                    ));
                }
            };
            let Some(purpose) = get_str(p, &["participantPurpose"]) else {
                if text.trim().is_empty() {
                    continue;
                }
                return Err(Fail::at(
                    &id,
                    format!("{path}.participantPurpose"),
                    "missing `participantPurpose`",
                ));
            };
            let mut seg = Segment::new(purpose, purpose_role(purpose), text);
            // Sums stay in whole milliseconds: epoch seconds as f64 would lose the last digit.
            let start_ms = match get(p, &["startTimeMs", "offsetMs"]) {
                Some(v) => Some(value_seconds(v, Unit::Seconds).ok_or_else(|| {
                    Fail::at(&id, format!("{path}.startTimeMs"), "expected milliseconds")
                })?),
                None => None,
            };
            let duration_ms = p
                .get("duration")
                .and_then(|d| d.get("milliseconds"))
                .or_else(|| get(p, &["durationMs"]))
                .and_then(|d| value_seconds(d, Unit::Seconds));
            seg.start = start_ms.map(|ms| round_us(ms / 1e3));
            seg.end = match (start_ms, duration_ms) {
                (Some(s), Some(d)) => Some(round_us((s + d) / 1e3)),
                _ => None,
            };
            let sentiment = sentiment_of(
                get(p, &["phraseIndex"])
                    .and_then(Value::as_u64)
                    .map_or(i, |n| n as usize),
            );
            pieces.push((seg, sentiment));
        }
        if let Some(ts) = analytics
            .and_then(|a| a.get("topics"))
            .and_then(Value::as_array)
        {
            for name in ts.iter().filter_map(|t| t.get("topicName")) {
                if !topics.contains(name) {
                    topics.push(name.clone());
                }
            }
        }
    }
    // Transcripts of one conversation (one per communication) interleave in time.
    if pieces.iter().all(|(s, _)| s.start.is_some()) {
        pieces.sort_by(|a, b| {
            a.0.start
                .partial_cmp(&b.0.start)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    let mut sentiments = Vec::new();
    let mut segments = Vec::with_capacity(pieces.len());
    for (seg, sentiment) in pieces {
        if let Some(s) = sentiment {
            sentiments.push((segments.len(), s));
        }
        segments.push(seg);
    }
    let assembled = assemble(
        segments,
        Assembly {
            merge: true,
            rebase: Rebase::IfAbsolute,
        },
        None,
        None,
    );
    if assembled.turns.is_empty() {
        return Err(Fail::at(&id, "$", "no phrase has any text"));
    }
    let mut metadata = Map::new();
    for (key, name) in [
        ("communicationId", "communication_id"),
        ("recordingId", "recording_id"),
        ("organizationId", "organization_id"),
    ] {
        if let Some(v) = id_of(obj.get(key)) {
            metadata.insert(name.into(), v.into());
        }
    }
    if !topics.is_empty() {
        metadata.insert("categories".into(), Value::Array(topics));
    }
    if let Some(s) = per_turn(sentiments, &assembled.turn_of, "sentiment") {
        metadata.insert("vendor_sentiment".into(), s);
    }
    let channel = get_str(obj, &["mediaType"]).map(|m| match m.to_ascii_lowercase().as_str() {
        "call" | "voice" => "voice".to_string(),
        other => other.to_string(),
    });
    Ok(ctx.conversation(id, channel, metadata, assembled.turns))
}
