//! JSON containers and schema detection: a file holding one conversation, an array of
//! conversations (or `{"conversations": [...]}`), or JSON Lines; each conversation in the
//! canonical schema or in one of the vendor exports, told apart by their keys.

use std::io::BufRead;

use serde_json::{Map, Value};

use crate::ingest::jsonl::{self, JsonlReader};
use crate::ingest::turns::{Assembly, Rebase, Segment, assemble};
use crate::ingest::{IngestOptions, aws, azure, ccai, genesys, transcribe_job, twilio};
use crate::model::{Conversation, Record, RecordError, Source, Turn};

/// The schema of one JSON conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// The canonical schema (`turns[]`).
    Canonical,
    /// Amazon Connect Contact Lens output.
    ContactLens,
    /// AWS Transcribe Call Analytics output.
    Transcribe,
    /// Amazon Transcribe standard job output.
    TranscribeJob,
    /// Google CCAI Insights conversation.
    Ccai,
    /// Genesys Cloud transcript.
    Genesys,
    /// Twilio Voice Intelligence sentences.
    Twilio,
    /// Azure AI Speech batch transcription result.
    Azure,
}

impl Schema {
    /// The format name of the schema, as `--format` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Schema::Canonical => "jsonl",
            Schema::ContactLens => "contact-lens",
            Schema::Transcribe => "transcribe",
            Schema::TranscribeJob => "transcribe-job",
            Schema::Ccai => "ccai",
            Schema::Genesys => "genesys",
            Schema::Twilio => "twilio",
            Schema::Azure => "azure-speech",
        }
    }
}

/// Tells the schema of a JSON object from its keys.
pub fn detect_schema(obj: &Map<String, Value>) -> Option<Schema> {
    if obj.contains_key("turns") {
        return Some(Schema::Canonical);
    }
    if let Some(items) = obj.get("Transcript") {
        let has_participant_id = items
            .as_array()
            .is_some_and(|a| a.iter().any(|i| i.get("ParticipantId").is_some()));
        return Some(
            if has_participant_id || obj.contains_key("CustomerMetadata") {
                Schema::ContactLens
            } else {
                Schema::Transcribe
            },
        );
    }
    if obj.contains_key("entries")
        || obj
            .get("transcript")
            .is_some_and(|t| t.get("transcriptSegments").is_some())
    {
        return Some(Schema::Ccai);
    }
    if obj.contains_key("transcripts") || obj.contains_key("phrases") {
        return Some(Schema::Genesys);
    }
    if obj.contains_key("sentences") {
        return Some(Schema::Twilio);
    }
    if transcribe_job::is_job_output(obj) {
        return Some(Schema::TranscribeJob);
    }
    if obj.contains_key("recognizedPhrases") {
        return Some(Schema::Azure);
    }
    None
}

/// What a vendor converter says when the input is unusable: the conversation's id when
/// it could be read, the JSON path of the problem, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
    /// The conversation id, when known.
    pub id: Option<String>,
    /// JSON path of the offending value, relative to the conversation object.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Fail {
    /// A failure at `path`.
    pub fn at(id: &Option<String>, path: impl Into<String>, message: impl Into<String>) -> Fail {
        Fail {
            id: id.clone(),
            path: path.into(),
            message: message.into(),
        }
    }
}

/// What converters need besides the JSON.
pub struct Context<'a> {
    /// The id to use when the input has none.
    pub default_id: &'a str,
    /// The reading options (Twilio's agent channel, …).
    pub options: &'a IngestOptions,
}

impl Context<'_> {
    /// The conversation a platform export describes. These exports name neither party (names
    /// are inferred later from the words), and one without an id takes the default.
    pub fn conversation(
        &self,
        id: Option<String>,
        channel: Option<String>,
        metadata: Map<String, Value>,
        turns: Vec<Turn>,
    ) -> Conversation {
        Conversation {
            id: id.unwrap_or_else(|| self.default_id.to_string()),
            channel,
            agent_name: None,
            customer_name: None,
            metadata,
            turns,
        }
    }

    /// The turns of an export whose voices are numbered (`spk_0`, `channel 1`): adjacent pieces
    /// of one voice merged, the voice `--agent-label` names taken for the agent's (as a given
    /// agent name is), else the one that speaks like an agent; a failure at `path` saying
    /// `empty` when no piece has text.
    pub fn numbered_voices(
        &self,
        segments: Vec<Segment>,
        id: &Option<String>,
        path: &str,
        empty: &str,
    ) -> Result<Vec<Turn>, Fail> {
        let assembled = assemble(
            segments,
            Assembly {
                merge: true,
                rebase: Rebase::Never,
            },
            self.options.agent_label.as_deref(),
            None,
        );
        if assembled.turns.is_empty() {
            return Err(Fail::at(id, path, empty));
        }
        Ok(assembled.turns)
    }
}

/// Converts one JSON conversation, in the given schema or the one its keys show.
pub fn convert(value: &Value, schema: Option<Schema>, ctx: &Context) -> Result<Conversation, Fail> {
    let Some(obj) = value.as_object() else {
        // A bare array of Twilio sentences is one conversation too.
        if value
            .as_array()
            .is_some_and(|a| twilio::is_sentence_list(a))
            && matches!(schema, None | Some(Schema::Twilio))
        {
            return twilio::convert_sentences(value, None, ctx);
        }
        return Err(Fail::at(
            &None,
            "$",
            format!("expected a JSON object, found {}", kind(value)),
        ));
    };
    let schema = match schema.or_else(|| detect_schema(obj)) {
        Some(s) => s,
        // An error record written by `convert` or `score`, read back: it stays the same error,
        // with its id and where it first arose.
        None if obj.get("error").is_some_and(Value::is_string)
            && obj.get("source").is_some_and(Value::is_object) =>
        {
            let first = &obj["source"];
            let place = match (first.get("file").and_then(Value::as_str), first.get("line")) {
                (Some(file), Some(line)) => format!("{file}:{line}"),
                (Some(file), None) => file.to_string(),
                _ => "an earlier run".to_string(),
            };
            return Err(Fail {
                id: obj.get("id").and_then(Value::as_str).map(String::from),
                path: "$".into(),
                message: format!(
                    "{} (an error record read back; first reported at {place})",
                    obj["error"].as_str().unwrap_or_default()
                ),
            });
        }
        None => {
            return Err(Fail::at(
                &id_of(obj.get("id")),
                "$",
                "unrecognised JSON object: expected `turns` (canonical), `Transcript` (Contact Lens / \
                 Transcribe), `entries` or `transcript.transcriptSegments` (CCAI), `transcripts` or \
                 `phrases` (Genesys), `sentences` (Twilio), `results.items` (Transcribe job), or `recognizedPhrases` (Azure Speech)",
            ));
        }
    };
    match schema {
        Schema::Canonical => jsonl::parse_value(value, ctx.default_id).map_err(|e| Fail {
            id: e.id,
            path: "$".into(),
            message: e.message,
        }),
        Schema::ContactLens => aws::convert(obj, aws::Flavor::ContactLens, ctx),
        Schema::Transcribe => aws::convert(obj, aws::Flavor::Transcribe, ctx),
        Schema::TranscribeJob => transcribe_job::convert(obj, ctx),
        Schema::Ccai => ccai::convert(obj, ctx),
        Schema::Genesys => genesys::convert(obj, ctx),
        Schema::Twilio => twilio::convert(obj, ctx),
        Schema::Azure => azure::convert(obj, ctx),
    }
}

/// The array a conversation object must hold at `key` (its items called `what`: "an array of
/// phrases"), or a located failure: `missing` at `$`, or the type found at `$.key`.
pub fn required_array<'v>(
    obj: &'v Map<String, Value>,
    key: &str,
    what: &str,
    id: &Option<String>,
) -> Result<&'v [Value], Fail> {
    match obj.get(key) {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(Fail::at(
            id,
            format!("$.{key}"),
            format!("expected an array of {what}, found {}", kind(other)),
        )),
        None => Err(Fail::at(id, "$", format!("missing `{key}`"))),
    }
}

/// `value` as an object, or a located failure naming what was expected ("a phrase") and what
/// was found.
pub fn object_at<'v>(
    value: &'v Value,
    id: &Option<String>,
    path: &str,
    what: &str,
) -> Result<&'v serde_json::Map<String, Value>, Fail> {
    value.as_object().ok_or_else(|| {
        Fail::at(
            id,
            path,
            format!("expected {what} object, found {}", kind(value)),
        )
    })
}

/// A JSON type name for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Whether the first bytes of a JSON input look like JSON Lines: a first line that is a
/// complete JSON value on its own, followed by another line that starts a value. A
/// pretty-printed document fails the first test; a one-object file fails the second and is
/// read as a document. `whole` says the head is the whole input (it ended before the sniff
/// limit): then one line without a newline is a one-line document, not a long record.
pub fn looks_like_lines(head: &[u8], whole: bool) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(<[u8]>::trim_ascii)
        .filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    if !first.starts_with(b"{") {
        return false;
    }
    let Some(second) = lines.next() else {
        // One line filling the whole sniffed head has no end in sight: a long record
        // of JSON Lines (a one-line document reads the same way).
        return !whole && !head.contains(&b'\n');
    };
    second.starts_with(b"{") && serde_json::from_slice::<serde::de::IgnoredAny>(first).is_ok()
}

/// Streams JSON Lines whose lines are conversations in any schema (or in `schema`).
pub fn lines<R: BufRead + Send + 'static>(
    input: R,
    file: &str,
    schema: Option<Schema>,
    options: &IngestOptions,
) -> JsonlReader<R> {
    let options = options.clone();
    JsonlReader::with_parser(
        input,
        file,
        options.max_record_bytes,
        Box::new(move |bytes, source| parse_line(bytes, source, schema, &options)),
    )
}

fn parse_line(
    bytes: &[u8],
    source: &mut Source,
    schema: Option<Schema>,
    options: &IngestOptions,
) -> Result<Conversation, RecordError> {
    // The canonical schema is the bulk path: read it straight into its structs.
    if matches!(schema, None | Some(Schema::Canonical))
        && memchr::memmem::find(bytes, b"\"turns\"").is_some()
    {
        return jsonl::parse_conversation(bytes, source);
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        // Not JSON at all: say it as the canonical reader always has.
        Err(_) if matches!(schema, None | Some(Schema::Canonical)) => {
            return jsonl::parse_conversation(bytes, source);
        }
        Err(e) => return Err(RecordError::new(format!("invalid JSON: {e}"))),
    };
    let default_id = source.label();
    let ctx = Context {
        default_id: &default_id,
        options,
    };
    convert(&value, schema, &ctx).map_err(|f| {
        if f.path != "$" {
            source.place = Some(f.path);
        }
        RecordError {
            id: f.id,
            message: f.message,
        }
    })
}

/// Reads a whole JSON document: one conversation, an array of them, or an object with a
/// `conversations` array.
pub fn document(
    bytes: &[u8],
    file: &str,
    schema: Option<Schema>,
    options: &IngestOptions,
) -> Vec<Record> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.trim_ascii().is_empty() {
        return Vec::new();
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            return vec![Record {
                source: Source {
                    file: file.to_string(),
                    line: (e.line() > 0).then_some(e.line() as u64),
                    place: None,
                },
                conversation: Err(RecordError::new(format!(
                    "invalid JSON at line {} column {}: {e}",
                    e.line(),
                    e.column()
                ))),
            }];
        }
    };
    let (items, prefix) = match &value {
        Value::Array(items)
            if !(twilio::is_sentence_list(items)
                && matches!(schema, None | Some(Schema::Twilio))) =>
        {
            (items, "$")
        }
        Value::Object(obj)
            if schema.is_none()
                && detect_schema(obj).is_none()
                && obj.get("conversations").is_some_and(Value::is_array) =>
        {
            match obj.get("conversations") {
                Some(Value::Array(items)) => (items, "$.conversations"),
                _ => return Vec::new(),
            }
        }
        _ => {
            let source = Source {
                file: file.to_string(),
                line: None,
                place: None,
            };
            return vec![one(&value, source, file, schema, options)];
        }
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let place = format!("{prefix}[{i}]");
            let source = Source {
                file: file.to_string(),
                line: None,
                place: Some(place),
            };
            let default_id = source.label();
            one(item, source, &default_id, schema, options)
        })
        .collect()
}

fn one(
    value: &Value,
    mut source: Source,
    default_id: &str,
    schema: Option<Schema>,
    options: &IngestOptions,
) -> Record {
    let ctx = Context {
        default_id,
        options,
    };
    let conversation = convert(value, schema, &ctx).map_err(|f| {
        source.place = Some(join_path(source.place.as_deref(), &f.path));
        RecordError {
            id: f.id,
            message: f.message,
        }
    });
    Record {
        source,
        conversation,
    }
}

/// Appends a path relative to a conversation (`$.Transcript[2]`) to the conversation's own
/// place in the file (`$[3]`).
fn join_path(base: Option<&str>, rel: &str) -> String {
    match base {
        None => rel.to_string(),
        Some(base) => format!("{base}{}", rel.strip_prefix('$').unwrap_or(rel)),
    }
}

/// The first of `keys` present with a non-null value.
pub fn get<'a>(obj: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .filter_map(|k| obj.get(*k))
        .find(|v| !v.is_null())
}

/// The first of `keys` present with a string value.
pub fn get_str<'a>(obj: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .filter_map(|k| obj.get(*k))
        .find_map(Value::as_str)
}

/// An identifier: a non-blank string or a number.
pub fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Text of an item: a string, absent/null (no text), or a failure for any other type.
pub fn text_field(
    obj: &Map<String, Value>,
    keys: &[&str],
    id: &Option<String>,
    path: &str,
) -> Result<String, Fail> {
    match get(obj, keys) {
        None => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(Fail::at(
            id,
            format!("{path}.{}", keys[0]),
            format!("expected a string, found {}", kind(other)),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_lines_versus_documents() {
        assert!(looks_like_lines(b"{\"a\":1}\n{\"a\":2}\n", true));
        assert!(!looks_like_lines(b"{\n  \"a\": 1\n}\n", true));
        assert!(!looks_like_lines(b"{\"a\":1}\n", true));
        assert!(!looks_like_lines(b"[{\"a\":1}]", true));
        assert!(looks_like_lines(b"{\"a\":\"unterminated long line", false));
        // A whole one-line document without a final newline (as `json.dump` writes it).
        assert!(!looks_like_lines(b"{\"conversations\":[]}", true));
    }

    #[test]
    fn joins_paths() {
        assert_eq!(
            join_path(Some("$[3]"), "$.Transcript[2]"),
            "$[3].Transcript[2]"
        );
        assert_eq!(join_path(None, "$.entries"), "$.entries");
    }
}
