//! Azure AI Speech batch transcription results: `recognizedPhrases[]`, each a phrase of one
//! voice with its `nBest[]` alternatives (the first one's `display` text is the transcript),
//! timed by `offsetInTicks`/`durationInTicks` (100 ns), and told apart by `speaker` (with
//! diarization) or `channel` (stereo recordings).
//!
//! Neither says who is the agent: `--agent-label` names it ("speaker 1", "channel 0"), or the
//! roles are resolved from what each voice says.

use serde_json::{Map, Value};

use crate::ingest::json::{Context, Fail, get, get_str, object_at, required_array, text_field};
use crate::ingest::timing::{Unit, parse_iso_duration, round_us, value_seconds};
use crate::ingest::turns::Segment;
use crate::model::Conversation;

/// Converts one batch transcription result.
pub fn convert(obj: &Map<String, Value>, ctx: &Context) -> Result<Conversation, Fail> {
    // The result names the audio it transcribed; its file name (never the URL, which may
    // carry an access token) identifies the call.
    let audio = get_str(obj, &["source"]).and_then(audio_name);
    let id = audio.clone();
    let phrases = required_array(obj, "recognizedPhrases", "phrases", &id)?;
    let mut segments = Vec::with_capacity(phrases.len());
    for (i, phrase) in phrases.iter().enumerate() {
        let path = format!("$.recognizedPhrases[{i}]");
        let phrase = object_at(phrase, &id, &path, "a phrase")?;
        // "NoMatch" and the like: audio where nothing was recognised.
        if get_str(phrase, &["recognitionStatus"]).is_some_and(|s| s != "Success") {
            continue;
        }
        let Some(best) = phrase
            .get("nBest")
            .and_then(|n| n.get(0))
            .and_then(Value::as_object)
        else {
            return Err(Fail::at(
                &id,
                format!("{path}.nBest"),
                "expected `nBest[0]`",
            ));
        };
        let text = text_field(
            best,
            &["display", "itn", "lexical"],
            &id,
            &format!("{path}.nBest[0]"),
        )?;
        let label = match (number(phrase.get("speaker")), number(phrase.get("channel"))) {
            (Some(speaker), _) => format!("speaker {speaker}"),
            (None, Some(channel)) => format!("channel {channel}"),
            (None, None) => {
                return Err(Fail::at(
                    &id,
                    path,
                    "phrase has neither `speaker` nor `channel`",
                ));
            }
        };
        let mut seg = Segment::new(label, None, text);
        seg.start = time(phrase, "offset", &id, &path)?;
        seg.end = match (seg.start, time(phrase, "duration", &id, &path)?) {
            (Some(start), Some(duration)) => Some(round_us(start + duration)),
            _ => None,
        };
        segments.push(seg);
    }
    // A mono recording transcribed without diarization is one voice: nothing tells the agent
    // from the customer.
    if let Some(first) = segments.first()
        && first.label.starts_with("channel ")
        && segments.iter().all(|s| s.label == first.label)
        && segments.len() > 1
    {
        return Err(Fail::at(
            &id,
            "$.recognizedPhrases",
            "one voice only: transcribe a mono recording with diarization to tell the agent from the customer",
        ));
    }
    // Phrases are listed channel by channel: put them in the order said. Untimed phrases
    // (not written by the service) keep their place.
    if segments.iter().all(|s| s.start.is_some()) {
        segments.sort_by(|a, b| {
            a.start
                .unwrap_or_default()
                .total_cmp(&b.start.unwrap_or_default())
        });
    }
    let turns = ctx.numbered_voices(
        segments,
        &id,
        "$.recognizedPhrases",
        "no phrase has any text",
    )?;
    let mut metadata = Map::new();
    if let Some(audio) = &audio {
        metadata.insert("audio".into(), audio.clone().into());
    }
    if let Some(timestamp) = get_str(obj, &["timestamp"]) {
        metadata.insert("transcribed_at".into(), timestamp.into());
    }
    Ok(ctx.conversation(id, Some("voice".into()), metadata, turns))
}

/// The file name of an audio URL or path, without its query: "…/calls/0042.wav?sv=…" →
/// "0042.wav".
fn audio_name(source: &str) -> Option<String> {
    let path = source.split(['?', '#']).next().unwrap_or_default();
    let name = path.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// A speaker or channel number, as a number or a string of digits.
fn number(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The phrase's `offset` or `duration` in seconds: from its ticks (`offsetInTicks`), its
/// milliseconds (`offsetMilliseconds`), or its ISO 8601 form (`"PT1.5S"`).
fn time(
    phrase: &Map<String, Value>,
    what: &str,
    id: &Option<String>,
    path: &str,
) -> Result<Option<f64>, Fail> {
    for (key, unit) in [
        (format!("{what}InTicks"), Unit::Ticks),
        (format!("{what}Milliseconds"), Unit::Millis),
    ] {
        if let Some(v) = get(phrase, &[key.as_str()]) {
            return value_seconds(v, unit)
                .map(Some)
                .ok_or_else(|| Fail::at(id, format!("{path}.{key}"), "expected a number"));
        }
    }
    match get(phrase, &[what]) {
        None => Ok(None),
        Some(v) => v
            .as_str()
            .and_then(parse_iso_duration)
            .map(Some)
            .ok_or_else(|| {
                Fail::at(
                    id,
                    format!("{path}.{what}"),
                    "expected an ISO 8601 duration (\"PT1.5S\")",
                )
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::IngestOptions;
    use crate::model::Role;

    fn convert_with(json: &str, agent_label: Option<&str>) -> Result<Conversation, Fail> {
        let obj: Map<String, Value> = serde_json::from_str(json).expect("JSON object");
        let options = IngestOptions {
            agent_label: agent_label.map(String::from),
            ..IngestOptions::default()
        };
        convert(
            &obj,
            &Context {
                default_id: "result.json",
                options: &options,
            },
        )
    }

    /// An outbound call: the customer answers first, and the agent uses no phrase that marks
    /// an agent.
    const OUTBOUND: &str = r#"{"source": "https://rec.example.com/ob/ob-5521.wav?sig=secret",
        "recognizedPhrases": [
          {"recognitionStatus": "Success", "channel": 0, "offsetInTicks": 26000000, "durationInTicks": 43000000,
           "nBest": [{"display": "Hi, it's Maya from Litware Bank calling about your card."}]},
          {"recognitionStatus": "Success", "channel": 1, "offsetInTicks": 3000000, "durationInTicks": 18000000,
           "nBest": [{"display": "Hello, who's this?"}]}]}"#;

    #[test]
    fn the_agent_label_settles_a_call_the_voices_do_not() {
        let roles = |c: Conversation| -> Vec<(String, Role)> {
            c.turns.into_iter().map(|t| (t.speaker, t.role)).collect()
        };
        // Read by what is said, the first voice heard is taken for the agent's.
        let guessed = convert_with(OUTBOUND, None).expect("read");
        assert_eq!(
            guessed.id, "ob-5521.wav",
            "the audio's name, without the URL's token"
        );
        assert_eq!(
            roles(guessed),
            [
                ("channel 1".to_string(), Role::Agent),
                ("channel 0".to_string(), Role::Customer)
            ]
        );
        let named = convert_with(OUTBOUND, Some("Channel 0")).expect("read");
        assert_eq!(named.turns[0].start, Some(0.3));
        assert_eq!(named.turns[1].end, Some(6.9));
        assert_eq!(
            roles(named),
            [
                ("channel 1".to_string(), Role::Customer),
                ("channel 0".to_string(), Role::Agent)
            ]
        );
    }

    #[test]
    fn unreadable_results_are_located_errors() {
        let e = convert_with(r#"{"source": "a.wav", "recognizedPhrases": {}}"#, None)
            .expect_err("not an array");
        assert_eq!(
            (e.id.as_deref(), e.path.as_str()),
            (Some("a.wav"), "$.recognizedPhrases")
        );
        let e = convert_with(
            r#"{"recognizedPhrases": [{"recognitionStatus": "Success", "channel": 0,
                "offset": "soon", "nBest": [{"display": "Hi."}]}]}"#,
            None,
        )
        .expect_err("bad offset");
        assert_eq!(e.path, "$.recognizedPhrases[0].offset");
        assert!(e.message.contains("ISO 8601"), "{}", e.message);
        let e = convert_with(
            r#"{"recognizedPhrases": [{"recognitionStatus": "Success", "nBest": [{"display": "Hi."}]}]}"#,
            None,
        )
        .expect_err("no voice");
        assert_eq!(e.path, "$.recognizedPhrases[0]");
        let e = convert_with(
            r#"{"recognizedPhrases": [
                {"recognitionStatus": "Success", "channel": 0, "nBest": [{"display": "Thanks for calling."}]},
                {"recognitionStatus": "Success", "channel": 0, "nBest": [{"display": "Hi, my card was declined."}]}]}"#,
            None,
        )
        .expect_err("one voice");
        assert!(e.message.starts_with("one voice only"), "{}", e.message);
        // Only phrases where nothing was recognised: no turn at all.
        let e = convert_with(
            r#"{"recognizedPhrases": [{"recognitionStatus": "NoMatch", "channel": 0, "nBest": []}]}"#,
            None,
        )
        .expect_err("no text");
        assert_eq!(e.message, "no phrase has any text");
    }

    #[test]
    fn audio_names_drop_the_folders_and_the_query() {
        assert_eq!(
            audio_name("https://x.blob.core.windows.net/c/2025/a%20b.wav?sv=1&sig=2").as_deref(),
            Some("a%20b.wav")
        );
        assert_eq!(audio_name(r"C:\rec\call.mp3").as_deref(), Some("call.mp3"));
        assert_eq!(audio_name("https://x/c/"), None);
    }
}
