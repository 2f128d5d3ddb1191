//! Canonical JSON Lines: one conversation a line, as described in the README.

use std::io::BufRead;

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::ingest::roles::resolve_roles;
use crate::ingest::timing::{absolute_origin, round_us};
use crate::model::{Conversation, Record, RecordError, Role, Source, Turn};

#[derive(Deserialize)]
struct RawConversation {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    channel: Option<String>,
    #[serde(default)]
    agent_name: Option<String>,
    #[serde(default)]
    customer_name: Option<String>,
    #[serde(default)]
    metadata: Option<Map<String, Value>>,
    turns: Vec<RawTurn>,
}

#[derive(Deserialize)]
struct RawTurn {
    /// The speaker label; `role` alone may stand for it.
    #[serde(default)]
    speaker: Option<String>,
    /// The role, as this crate writes it next to `speaker` (so that its own output reads back).
    #[serde(default)]
    role: Option<String>,
    #[serde(alias = "content", alias = "message")]
    text: String,
    #[serde(default)]
    start: Option<f64>,
    #[serde(default)]
    end: Option<f64>,
}

/// Reads one canonical conversation from the bytes of one JSON object.
pub fn parse_conversation(bytes: &[u8], source: &Source) -> Result<Conversation, RecordError> {
    // One validation of the whole line, then the parser takes it as text and does not check
    // each string again (most of the bytes are strings). Not UTF-8 is an error of its own,
    // located by byte: JSON must be UTF-8.
    let text = std::str::from_utf8(bytes).map_err(|e| RecordError {
        id: recover_id(bytes),
        message: format!(
            "invalid UTF-8 at byte {} of the line (JSON must be UTF-8)",
            e.valid_up_to() + 1
        ),
    })?;
    let raw = serde_json::from_str::<RawConversation>(text).map_err(|e| RecordError {
        id: recover_id(bytes),
        message: if is_a_result(bytes) {
            "a result of `sincerity score` (it has scores and metrics), not a conversation: read \
             the conversations it came from (`sincerity report` reads results)"
                .to_string()
        } else {
            format!("invalid conversation JSON: {}", on_the_line(&e))
        },
    })?;
    build(raw, || source.label())
}

/// Whether a line that is not a conversation is one of this tool's results, given by mistake
/// where conversations are read.
fn is_a_result(bytes: &[u8]) -> bool {
    let has = |key: &[u8]| memchr::memmem::find(bytes, key).is_some();
    has(b"\"scores\":") && has(b"\"metrics\":")
}

/// serde_json's message with only the column: the record is one line of its file, whose
/// number is in the record's `source`, so serde_json's "line 1" would mislead.
fn on_the_line(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(head) if e.line() == 1 => format!("{head} at column {}", e.column()),
        _ => message,
    }
}

/// Reads one canonical conversation from an already parsed JSON value (an element of a
/// JSON array, say); `default_id` names it when it has no `id`.
pub fn parse_value(value: &Value, default_id: &str) -> Result<Conversation, RecordError> {
    let raw = RawConversation::deserialize(value).map_err(|e| RecordError {
        id: match value.get("id") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        },
        message: format!("invalid conversation JSON: {e}"),
    })?;
    build(raw, || default_id.to_string())
}

/// Builds the conversation; `default_id` names it when it has no `id` (worked out only then).
fn build(
    raw: RawConversation,
    default_id: impl FnOnce() -> String,
) -> Result<Conversation, RecordError> {
    let id = match raw.id {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => default_id(),
    };
    if raw.turns.is_empty() {
        return Err(RecordError {
            id: Some(id),
            message: "conversation has no turns".into(),
        });
    }
    // Turns without words leave nothing to score: scores of an empty call would read as
    // a perfect one in a roll-up.
    if raw.turns.iter().all(|t| t.text.trim().is_empty()) {
        return Err(RecordError {
            id: Some(id),
            message: format!(
                "conversation has no text: all {} turns are empty",
                raw.turns.len()
            ),
        });
    }
    if let Some(i) = raw
        .turns
        .iter()
        .position(|t| t.speaker.is_none() && t.role.is_none())
    {
        return Err(RecordError {
            id: Some(id),
            message: format!("turn {i} has no `speaker` (or `role`)"),
        });
    }
    // A stated role that is a known alias decides; otherwise the label goes to
    // `resolve_roles` like any speaker label.
    let stated: Vec<Option<Role>> = raw
        .turns
        .iter()
        .map(|t| t.role.as_deref().and_then(Role::from_alias))
        .collect();
    let labels: Vec<(&str, &str)> = raw
        .turns
        .iter()
        .zip(&stated)
        .map(|(t, r)| {
            let label = match r {
                Some(role) => role.as_str(),
                None => t.speaker.as_deref().or(t.role.as_deref()).unwrap_or(""),
            };
            (label, t.text.as_str())
        })
        .collect();
    let roles = resolve_roles(
        &labels,
        raw.agent_name.as_deref(),
        raw.customer_name.as_deref(),
    );
    let mut turns: Vec<Turn> = raw
        .turns
        .into_iter()
        .zip(roles)
        .map(|(t, role)| Turn {
            role,
            speaker: t.speaker.or(t.role).unwrap_or_default(),
            text: t.text,
            start: t.start.filter(|s| s.is_finite()),
            end: t.end.filter(|s| s.is_finite()),
        })
        .collect();
    rebase_absolute_times(&mut turns);
    Ok(Conversation {
        id,
        channel: raw.channel,
        agent_name: raw.agent_name.filter(|n| !n.trim().is_empty()),
        customer_name: raw.customer_name.filter(|n| !n.trim().is_empty()),
        metadata: raw.metadata.unwrap_or_default(),
        turns,
    })
}

/// Makes epoch times relative to the first turn with text, as every reader does (see
/// [`absolute_origin`]): `1700000000.0` becomes `0.0`, durations are unchanged.
fn rebase_absolute_times(turns: &mut [Turn]) {
    let items = turns
        .iter()
        .map(|t| (t.start, t.end, !t.text.trim().is_empty()));
    let Some(origin) = absolute_origin(items, false) else {
        return;
    };
    for t in turns {
        t.start = t.start.map(|v| round_us(v - origin));
        t.end = t.end.map(|v| round_us(v - origin));
    }
}

/// Best effort: the `id` of a record whose JSON is otherwise unusable, so that its error
/// record can still be joined with the input.
fn recover_id(bytes: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct OnlyId {
        id: Value,
    }
    match serde_json::from_slice::<OnlyId>(bytes).ok()?.id {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Turns the bytes of one line into a conversation; may refine the source (a JSON path in
/// `place`) to locate an error inside the line.
pub type LineParser = Box<dyn Fn(&[u8], &mut Source) -> Result<Conversation, RecordError> + Send>;

/// A streaming reader of JSON Lines: yields one record per non-blank line and holds at most
/// one line (capped at `max_record_bytes`) in memory.
pub struct JsonlReader<R> {
    input: R,
    file: String,
    line: u64,
    max_record_bytes: usize,
    buf: Vec<u8>,
    failed: bool,
    parse: LineParser,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads `input` as canonical conversations, naming it `file` in sources.
    pub fn new(input: R, file: &str, max_record_bytes: usize) -> Self {
        Self::with_parser(
            input,
            file,
            max_record_bytes,
            Box::new(|bytes, source| parse_conversation(bytes, source)),
        )
    }

    /// Reads `input`, turning each line into a conversation with `parse`.
    pub fn with_parser(input: R, file: &str, max_record_bytes: usize, parse: LineParser) -> Self {
        JsonlReader {
            input,
            file: file.to_string(),
            line: 0,
            max_record_bytes,
            buf: Vec::new(),
            failed: false,
            parse,
        }
    }

    /// Reads the next line into `buf`, keeping no more than the cap; returns the full length
    /// of the line, or `None` at the end of the input.
    fn next_line(&mut self) -> std::io::Result<Option<usize>> {
        self.buf.clear();
        let mut total = 0usize;
        loop {
            let chunk = self.input.fill_buf()?;
            if chunk.is_empty() {
                return Ok(if total == 0 { None } else { Some(total) });
            }
            let (take, done) = match memchr(chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = self
                .max_record_bytes
                .saturating_add(1)
                .saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            total += take;
            self.input.consume(take);
            if done {
                return Ok(Some(total));
            }
        }
    }
}

fn memchr(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.failed {
            return None;
        }
        loop {
            let len = match self.next_line() {
                Ok(Some(len)) => len,
                Ok(None) => return None,
                Err(e) => {
                    self.failed = true;
                    self.line += 1;
                    return Some(Record {
                        source: Source::at_line(&self.file, self.line),
                        conversation: Err(RecordError::new(format!("read error: {e}"))),
                    });
                }
            };
            self.line += 1;
            let mut source = Source::at_line(&self.file, self.line);
            if len > self.max_record_bytes + 1 {
                return Some(Record {
                    source,
                    conversation: Err(RecordError::new(format!(
                        "record is {len} bytes, over the limit of {} bytes (--max-record-bytes)",
                        self.max_record_bytes
                    ))),
                });
            }
            let text = trim_ascii(&self.buf);
            if text.is_empty() {
                continue;
            }
            let conversation = (self.parse)(text, &mut source);
            return Some(Record {
                source,
                conversation,
            });
        }
    }
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.trim_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Record> {
        JsonlReader::new(input.as_bytes(), "t.jsonl", 1000).collect()
    }

    #[test]
    fn epoch_times_are_made_relative_to_the_first_turn() {
        let recs = read(
            r#"{"turns":[{"speaker":"agent","text":"Hello","start":1700000000.25,"end":1700000002.5},{"speaker":"customer","text":"Hi","start":1700000003,"end":1700000004.125}]}"#,
        );
        let c = recs[0].conversation.as_ref().unwrap();
        assert_eq!((c.turns[0].start, c.turns[0].end), (Some(0.0), Some(2.25)));
        assert_eq!(
            (c.turns[1].start, c.turns[1].end),
            (Some(2.75), Some(3.875))
        );
        // Offsets stay offsets.
        let recs = read(r#"{"turns":[{"speaker":"agent","text":"Hello","start":5.5}]}"#);
        assert_eq!(
            recs[0].conversation.as_ref().unwrap().turns[0].start,
            Some(5.5)
        );
    }

    #[test]
    fn one_record_per_non_blank_line() {
        let recs = read(
            "{\"id\":\"a\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"hi\"}]}\n\n{bad\n{\"turns\":[{\"speaker\":\"rep\",\"text\":\"x\"}]}",
        );
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].conversation.as_ref().unwrap().id, "a");
        assert_eq!(recs[1].source.line, Some(3));
        assert!(
            recs[1]
                .conversation
                .as_ref()
                .unwrap_err()
                .message
                .contains("invalid")
        );
        assert_eq!(recs[2].conversation.as_ref().unwrap().id, "t.jsonl:4");
    }

    #[test]
    fn overlong_line_is_an_error_and_the_next_line_still_reads() {
        let long = format!(
            "{{\"id\":\"{}\"}}\n{{\"id\":\"b\",\"turns\":[{{\"speaker\":\"agent\",\"text\":\"hi\"}}]}}\n",
            "x".repeat(5000)
        );
        let recs = read(&long);
        assert_eq!(recs.len(), 2);
        assert!(
            recs[0]
                .conversation
                .as_ref()
                .unwrap_err()
                .message
                .contains("over the limit")
        );
        assert_eq!(recs[1].conversation.as_ref().unwrap().id, "b");
    }

    #[test]
    fn written_conversations_read_back() {
        let conv = Conversation {
            id: "r".into(),
            turns: vec![
                Turn {
                    role: Role::Agent,
                    speaker: "Dana".into(),
                    text: "Hello".into(),
                    start: Some(0.0),
                    end: Some(1.5),
                },
                Turn {
                    role: Role::Customer,
                    speaker: "Ravi".into(),
                    text: "Hi".into(),
                    start: None,
                    end: None,
                },
            ],
            ..Conversation::default()
        };
        let line = serde_json::to_string(&conv).unwrap();
        let recs = read(&line);
        assert_eq!(recs[0].conversation.as_ref().unwrap(), &conv);
        let recs = read("{\"turns\":[{\"role\":\"CUSTOMER\",\"text\":\"hi\"},{\"text\":\"x\"}]}");
        let err = recs[0].conversation.as_ref().unwrap_err();
        assert!(
            err.message.contains("turn 1 has no `speaker`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn empty_turns_and_invalid_utf8_are_errors_with_ids() {
        let recs: Vec<Record> = JsonlReader::new(
            &b"{\"id\":\"e\",\"turns\":[]}\n{\"id\":\"u\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"\xff\"}]}\n"[..],
            "t",
            1000,
        )
        .collect();
        assert_eq!(
            recs[0].conversation.as_ref().unwrap_err().id.as_deref(),
            Some("e")
        );
        assert!(recs[1].conversation.is_err());
    }

    #[test]
    fn a_conversation_whose_every_turn_is_blank_is_an_error() {
        let recs: Vec<Record> = JsonlReader::new(
            &br#"{"id":"blank","turns":[{"speaker":"agent","text":""},{"speaker":"customer","text":" \n "}]}
{"id":"one","turns":[{"speaker":"agent","text":""},{"speaker":"customer","text":"Hello?"}]}
"#[..],
            "t",
            1000,
        )
        .collect();
        let blank = recs[0].conversation.as_ref().unwrap_err();
        assert_eq!(blank.id.as_deref(), Some("blank"));
        assert_eq!(
            blank.message,
            "conversation has no text: all 2 turns are empty"
        );
        // One spoken turn is enough; the blank one keeps its place for `--per-turn`.
        assert_eq!(recs[1].conversation.as_ref().unwrap().turns.len(), 2);
    }
}
