//! Plain-text transcripts: `Speaker: text` lines, optionally prefixed with a time
//! (`[00:01:23]`, `00:01:23`, `[2024-03-02 10:15:00]`); lines without a speaker continue the
//! previous turn; several conversations in one file are separated by header lines
//! (`### <id>`, `--- <id>`, `=== <id> ===`).

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use crate::ingest::timing::{Unit, parse_time_text};
use crate::ingest::turns::{
    Assembly, Rebase, Segment, agent_for_roles, assemble, names_from_labels,
};
use crate::model::{Conversation, Record, RecordError, Role, Source};

/// A time: a clock offset or a date-time.
const TIME: &str = r"(?:\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?|\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,6})?)";

static SPEAKER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:[\[(]?(?P<ts>{TIME})[\])]?\s*(?:[-–—|]\s*)?)?(?P<label>[^:\[\]()]{{1,40}}?)\s*(?:[\[(](?P<ts2>{TIME})[\])]\s*)?:\s*(?P<text>.*)$"
    ))
    .expect("the speaker line pattern is valid")
});

/// `Dana  0:03` alone on a line, the text on the lines below (meeting-tool exports).
static LABEL_TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<label>[^:\[\]()]{{1,40}}?)\s+[\[(]?(?P<ts>{TIME})[\])]?\s*$"
    ))
    .expect("the label-time line pattern is valid")
});

static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:#{1,6}|-{3,}|={3,})\s*(?P<id>.*?)\s*(?:-{3,}|={3,}|#+)?\s*$")
        .expect("the header line pattern is valid")
});

/// Keys of `Key: value` lines before the first turn that describe the conversation rather
/// than being said in it (normalised: lowercase, letters and digits only).
const ID_KEYS: &[&str] = &[
    "callid",
    "conversationid",
    "contactid",
    "interactionid",
    "chatid",
    "transcriptid",
    "id",
];
const META_KEYS: &[&str] = &[
    "date",
    "time",
    "datetime",
    "starttime",
    "duration",
    "subject",
    "title",
    "queue",
    "team",
    "language",
    "topic",
    "disposition",
    "summary",
    "notes",
    "note",
    "agentid",
];

fn normalise(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a string before a colon is a speaker label: a role alias, a label already seen,
/// or up to four capitalised words ("Dana", "Ravi Patel", "Speaker 2", "AGENT").
fn is_label(label: &str, seen: &[String]) -> bool {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 40 {
        return false;
    }
    if seen.iter().any(|s| s == label) || Role::from_alias(label).is_some() {
        return true;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    words.len() <= 4
        && label.chars().next().is_some_and(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || ".'’-_&".contains(c))
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

struct Draft {
    id: Option<String>,
    line: u64,
    /// Whether a header line opened it.
    headed: bool,
    segments: Vec<Segment>,
    labels: Vec<String>,
    metadata: Map<String, Value>,
    channel: Option<String>,
    agent_name: Option<String>,
    customer_name: Option<String>,
    preamble: Vec<String>,
    error: Option<(u64, String)>,
}

impl Draft {
    fn new(id: Option<String>, line: u64, headed: bool) -> Draft {
        Draft {
            id,
            line,
            headed,
            segments: Vec::new(),
            labels: Vec::new(),
            metadata: Map::new(),
            channel: None,
            agent_name: None,
            customer_name: None,
            preamble: Vec::new(),
            error: None,
        }
    }

    fn is_blank(&self) -> bool {
        self.segments.is_empty() && self.preamble.is_empty() && self.metadata.is_empty()
    }
}

/// Reads a whole text transcript file; `agent_label` is `--agent-label`.
pub fn read(bytes: &[u8], file: &str, agent_label: Option<&str>) -> Vec<Record> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.trim_ascii().is_empty() {
        return Vec::new();
    }
    let mut drafts: Vec<Draft> = vec![Draft::new(None, 1, false)];
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let lineno = i as u64 + 1;
        let Some(draft) = drafts.last_mut() else {
            break;
        };
        let line = match std::str::from_utf8(raw) {
            Ok(s) => s.trim_end_matches(['\r', ' ', '\t']),
            Err(e) => {
                if draft.error.is_none() {
                    draft.error = Some((
                        lineno,
                        format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
                    ));
                }
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let opens_header = line.trim_start().starts_with(['#', '-', '=']);
        if opens_header && let Some(caps) = HEADER_LINE.captures(line) {
            let id = caps
                .name("id")
                .map(|m| m.as_str().trim().to_string())
                .filter(|s| !s.is_empty());
            drafts.push(Draft::new(id, lineno, true));
            continue;
        }
        take_line(draft, line, lineno);
    }
    let many = drafts.iter().filter(|d| d.headed).count() > 0;
    let records: Vec<Record> = drafts
        .into_iter()
        // Text before the first header that holds no turn is the file's preamble.
        .filter(|d| d.headed || !many || !d.segments.is_empty() || d.error.is_some())
        .filter(|d| !(d.headed && d.is_blank() && d.error.is_none() && d.id.is_none()))
        .map(|d| finish(d, file, many, agent_label))
        .collect();
    if records.is_empty() {
        // Text that is neither blank nor any conversation is still reported.
        return vec![finish(Draft::new(None, 1, false), file, false, agent_label)];
    }
    records
}

fn take_line(draft: &mut Draft, line: &str, lineno: u64) {
    if draft.segments.is_empty()
        && let Some((key, value)) = line.split_once(':')
    {
        let k = normalise(key);
        let value = value.trim();
        if ID_KEYS.contains(&k.as_str()) && draft.id.is_none() && !value.is_empty() {
            draft.id = Some(value.to_string());
            return;
        }
        let slot = match k.as_str() {
            "channel" => Some(&mut draft.channel),
            "agentname" => Some(&mut draft.agent_name),
            "customername" | "callername" => Some(&mut draft.customer_name),
            _ => None,
        };
        if let Some(slot) = slot {
            *slot = Some(value.to_string()).filter(|v| !v.is_empty());
            return;
        }
        if META_KEYS.contains(&k.as_str()) {
            draft
                .metadata
                .insert(key.trim().to_lowercase().replace(' ', "_"), value.into());
            return;
        }
    }
    // Checked first: in `Dana  0:03` the time's colon is not a speaker's.
    let ends_in_time = line.ends_with(|c: char| c.is_ascii_digit() || c == ']' || c == ')');
    if ends_in_time && let Some(caps) = LABEL_TIME_LINE.captures(line) {
        let label = caps.name("label").map_or("", |m| m.as_str()).trim();
        if is_label(label, &draft.labels) {
            push(
                draft,
                label,
                "",
                caps.name("ts").map(|m| m.as_str()),
                lineno,
            );
            return;
        }
    }
    if line.contains(':')
        && let Some(caps) = SPEAKER_LINE.captures(line)
    {
        let label = caps.name("label").map_or("", |m| m.as_str()).trim();
        if is_label(label, &draft.labels) {
            let ts = caps.name("ts").or(caps.name("ts2"));
            let text = caps.name("text").map_or("", |m| m.as_str()).trim();
            push(draft, label, text, ts.map(|m| m.as_str()), lineno);
            return;
        }
    }
    match draft.segments.last_mut() {
        Some(last) => {
            if !last.text.is_empty() {
                last.text.push(' ');
            }
            last.text.push_str(line.trim());
        }
        None => draft.preamble.push(line.trim().to_string()),
    }
}

fn push(draft: &mut Draft, label: &str, text: &str, ts: Option<&str>, lineno: u64) {
    let start = match ts {
        Some(ts) => match parse_time_text(ts, Unit::Seconds) {
            Some(t) => Some(t),
            None => {
                if draft.error.is_none() {
                    draft.error = Some((lineno, format!("cannot read time `{ts}`")));
                }
                None
            }
        },
        None => None,
    };
    if !draft.labels.iter().any(|l| l == label) {
        draft.labels.push(label.to_string());
    }
    draft.segments.push(Segment {
        start,
        ..Segment::new(label, None, text)
    });
}

fn finish(draft: Draft, file: &str, many: bool, agent_label: Option<&str>) -> Record {
    let source = Source::at_line(file, draft.line);
    let fail = |id: Option<String>, message: String| Record {
        source: source.clone(),
        conversation: Err(RecordError { id, message }),
    };
    if let Some((line, message)) = draft.error {
        return fail(draft.id, format!("line {line}: {message}"));
    }
    let agent = agent_for_roles(&draft.segments, agent_label, draft.agent_name.as_deref());
    let assembled = assemble(
        draft.segments,
        Assembly {
            merge: false,
            rebase: Rebase::IfAbsolute,
        },
        agent,
        draft.customer_name.as_deref(),
    );
    if assembled.turns.is_empty() {
        return fail(
            draft.id,
            "no `Speaker: text` lines (expected lines such as `Agent: Hello` or `[00:00:05] Customer: Hi`)"
                .into(),
        );
    }
    let mut metadata = draft.metadata;
    if !draft.preamble.is_empty() {
        metadata.insert("preamble".into(), draft.preamble.join("\n").into());
    }
    let (label_agent, label_customer) = names_from_labels(&assembled.turns);
    let id = draft.id.unwrap_or_else(|| {
        if many {
            source.label()
        } else {
            file.to_string()
        }
    });
    Record {
        conversation: Ok(Conversation {
            id,
            channel: draft.channel,
            agent_name: draft.agent_name.or(label_agent),
            customer_name: draft.customer_name.or(label_customer),
            metadata,
            turns: assembled.turns,
        }),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(text: &str) -> Conversation {
        let mut recs = read(text.as_bytes(), "t.txt", None);
        assert_eq!(recs.len(), 1);
        recs.remove(0).conversation.expect("a conversation")
    }

    #[test]
    fn speaker_lines_times_and_continuations() {
        let c = conv(
            "[00:00:01] Agent: Thanks for calling.\n   How can I help?\n00:00:05 Customer: My card [PII] was charged twice.\nAgent (00:00:09): Let me look.\n",
        );
        assert_eq!(c.id, "t.txt");
        assert_eq!(c.turns.len(), 3);
        assert_eq!(c.turns[0].text, "Thanks for calling. How can I help?");
        assert_eq!(c.turns[0].start, Some(1.0));
        assert_eq!(c.turns[1].text, "My card [PII] was charged twice.");
        assert_eq!(c.turns[1].role, Role::Customer);
        assert_eq!(c.turns[2].start, Some(9.0));
    }

    #[test]
    fn clock_offsets_past_99_minutes_still_start_turns() {
        let c = conv(
            "[99:58] Agent: Thanks for calling.\n[100:05] Customer: My bill is wrong.\n[100:09] Agent: Sorry, let me look.\n",
        );
        assert_eq!(c.turns.len(), 3);
        assert_eq!(c.turns[1].role, Role::Customer);
        assert_eq!(c.turns[1].start, Some(6005.0));
        assert_eq!(c.turns[2].text, "Sorry, let me look.");
    }

    #[test]
    fn colons_inside_sentences_are_not_speakers() {
        let c = conv("Agent: Hello\nthe reason is: billing\nCustomer: ok, at 10:30 I called\n");
        assert_eq!(c.turns.len(), 2);
        assert_eq!(c.turns[0].text, "Hello the reason is: billing");
        assert_eq!(c.turns[1].text, "ok, at 10:30 I called");
    }

    #[test]
    fn headers_split_conversations_and_preamble_keys_are_metadata() {
        let recs = read(
            b"Export of 2024-03-02\n\n### c-1\nDate: 2024-03-02\nAgent: Hi\nCustomer: Hello\n\n--- c-2 ---\nRep: Yes?\nCaller: No.\n",
            "t.txt",
            None,
        );
        assert_eq!(recs.len(), 2);
        let c1 = recs[0].conversation.as_ref().unwrap();
        assert_eq!(c1.id, "c-1");
        assert_eq!(c1.metadata["date"], "2024-03-02");
        assert_eq!(recs[0].source.line, Some(3));
        let c2 = recs[1].conversation.as_ref().unwrap();
        assert_eq!(c2.id, "c-2");
        assert_eq!(c2.turns[1].role, Role::Customer);
    }

    #[test]
    fn label_then_time_line_exports() {
        let c = conv(
            "Dana  0:03\nThanks for calling, how can I help?\nRavi Patel  0:07\nMy internet is down.\n",
        );
        assert_eq!(c.turns.len(), 2);
        assert_eq!(c.turns[1].start, Some(7.0));
        assert_eq!(c.agent_name.as_deref(), Some("Dana"));
        assert_eq!(c.customer_name.as_deref(), Some("Ravi Patel"));
    }

    #[test]
    fn no_speaker_lines_is_a_located_error() {
        let recs = read(b"just some notes\nwithout speakers\n", "n.txt", None);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].source.line, Some(1));
        assert!(recs[0].conversation.is_err());
    }
}
