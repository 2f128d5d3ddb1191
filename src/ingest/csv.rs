//! Tables with one row per turn, as BI tools and reporting exports write them: a header
//! row naming the columns, rows of one conversation sharing an id (contiguous or not).

use std::collections::HashMap;
use std::str::FromStr;

use serde_json::{Map, Value};

use crate::ingest::timing::{Unit, parse_time_text};
use crate::ingest::turns::{
    Assembly, Rebase, Segment, agent_for_roles, assemble, names_from_labels,
};
use crate::model::{Conversation, Record, RecordError, Source};

/// Which header names the columns of a table, when the usual spellings are not used.
/// Parsed from `id=call_ref,speaker=who,text=msg` (the `--columns` flag).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    /// Conversation id column.
    pub id: Option<String>,
    /// Speaker / role column.
    pub speaker: Option<String>,
    /// Text column.
    pub text: Option<String>,
    /// Turn start column (seconds, milliseconds when the name says so, a clock or a date-time).
    pub start: Option<String>,
    /// Turn end column.
    pub end: Option<String>,
    /// Absolute time of the turn (used as its start when there is no start column).
    pub timestamp: Option<String>,
    /// Agent name column.
    pub agent_name: Option<String>,
    /// Customer name column.
    pub customer_name: Option<String>,
    /// Channel column.
    pub channel: Option<String>,
}

impl ColumnMap {
    /// Parses `key=column,key=column,…`; keys are id, speaker (or role), text, start, end,
    /// timestamp (or time), agent_name (or agent), customer_name (or customer), channel.
    pub fn parse(spec: &str) -> Result<ColumnMap, String> {
        let mut map = ColumnMap::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, column)) = part.split_once('=') else {
                return Err(format!("`{part}` is not KEY=COLUMN"));
            };
            let column = column.trim();
            if column.is_empty() {
                return Err(format!("`{part}` names no column"));
            }
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "id" => &mut map.id,
                "speaker" | "role" => &mut map.speaker,
                "text" => &mut map.text,
                "start" => &mut map.start,
                "end" => &mut map.end,
                "timestamp" | "time" => &mut map.timestamp,
                "agent_name" | "agent" => &mut map.agent_name,
                "customer_name" | "customer" => &mut map.customer_name,
                "channel" => &mut map.channel,
                other => {
                    return Err(format!(
                        "unknown column key `{other}` (expected id, speaker, text, start, end, \
                         timestamp, agent_name, customer_name, channel)"
                    ));
                }
            };
            *slot = Some(column.to_string());
        }
        Ok(map)
    }
}

impl FromStr for ColumnMap {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ColumnMap::parse(s)
    }
}

/// Header spellings recognised for each field, normalised (lowercase, letters and digits
/// only), in order of preference.
const ID_NAMES: &[&str] = &[
    "conversationid",
    "callid",
    "contactid",
    "interactionid",
    "sessionid",
    "chatid",
    "transcriptid",
    "ticketid",
    "caseid",
    "conversation",
    "id",
];
const SPEAKER_NAMES: &[&str] = &[
    "speaker",
    "role",
    "participant",
    "party",
    "speakerrole",
    "participantrole",
    "participanttype",
    "participantpurpose",
    "speakertype",
    "speakerlabel",
    "sender",
    "author",
    "from",
    "who",
];
const TEXT_NAMES: &[&str] = &[
    "text",
    "utterance",
    "content",
    "message",
    "transcript",
    "body",
    "messagetext",
    "utterancetext",
    "sentence",
    "phrase",
];
const START_NAMES: &[&str] = &[
    "start",
    "starttime",
    "begin",
    "beginoffset",
    "startoffset",
    "beginoffsetmillis",
    "startms",
    "starttimems",
    "beginoffsetms",
    "startoffsetms",
    "startsec",
    "startseconds",
    "offset",
];
const END_NAMES: &[&str] = &[
    "end",
    "endtime",
    "endoffset",
    "endoffsetmillis",
    "endms",
    "endtimems",
    "endoffsetms",
    "endsec",
    "endseconds",
    "stop",
];
const TIMESTAMP_NAMES: &[&str] = &[
    "timestamp",
    "time",
    "datetime",
    "createdat",
    "sentat",
    "messagetime",
    "absolutetime",
];
const AGENT_NAMES: &[&str] = &["agentname", "agentfullname", "repname", "advisorname"];
const CUSTOMER_NAMES: &[&str] = &[
    "customername",
    "customerfullname",
    "callername",
    "clientname",
];
const CHANNEL_NAMES: &[&str] = &["channel", "medium", "mediatype"];

fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The unit of a bare number in a time column, from the column's name.
fn unit_of(header: &str) -> Unit {
    let n = normalise(header);
    if n.contains("millis") || n.ends_with("ms") {
        Unit::Millis
    } else if n.contains("usec") || n.contains("micros") {
        Unit::Micros
    } else {
        Unit::Seconds
    }
}

/// Column indexes of the recognised fields.
#[derive(Debug, Default)]
struct Columns {
    id: Option<usize>,
    speaker: Option<usize>,
    text: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    timestamp: Option<usize>,
    agent_name: Option<usize>,
    customer_name: Option<usize>,
    channel: Option<usize>,
}

impl Columns {
    fn used(&self) -> Vec<usize> {
        [
            self.id,
            self.speaker,
            self.text,
            self.start,
            self.end,
            self.timestamp,
            self.agent_name,
            self.customer_name,
            self.channel,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// A field to find: its mapped name, its key, its usual spellings, and where its index goes.
type Field<'a> = (
    &'a Option<String>,
    &'a str,
    &'a [&'a str],
    &'a mut Option<usize>,
);

/// Finds the columns: mapped names first (exact, then normalised), then the usual spellings.
fn find_columns(headers: &[String], map: &ColumnMap) -> Result<Columns, String> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut taken: Vec<usize> = Vec::new();
    let mut pick =
        |mapped: &Option<String>, key: &str, names: &[&str]| -> Result<Option<usize>, String> {
            if let Some(name) = mapped {
                let found = headers
                    .iter()
                    .position(|h| h.trim() == name.trim())
                    .or_else(|| {
                        let n = normalise(name);
                        normalised.iter().position(|h| *h == n)
                    });
                return match found {
                    Some(i) => {
                        taken.push(i);
                        Ok(Some(i))
                    }
                    None => Err(format!(
                        "column `{name}` given for `{key}` is not in the header ({})",
                        headers.join(", ")
                    )),
                };
            }
            let found = names.iter().find_map(|n| {
                normalised
                    .iter()
                    .enumerate()
                    .find(|(i, h)| *h == n && !taken.contains(i))
                    .map(|(i, _)| i)
            });
            if let Some(i) = found {
                taken.push(i);
            }
            Ok(found)
        };
    // Mapped columns are claimed before any guessing, so a guess cannot take them.
    let mut cols = Columns::default();
    let fields: [Field; 9] = [
        (&map.text, "text", TEXT_NAMES, &mut cols.text),
        (&map.speaker, "speaker", SPEAKER_NAMES, &mut cols.speaker),
        (&map.id, "id", ID_NAMES, &mut cols.id),
        (&map.start, "start", START_NAMES, &mut cols.start),
        (&map.end, "end", END_NAMES, &mut cols.end),
        (
            &map.timestamp,
            "timestamp",
            TIMESTAMP_NAMES,
            &mut cols.timestamp,
        ),
        (
            &map.agent_name,
            "agent_name",
            AGENT_NAMES,
            &mut cols.agent_name,
        ),
        (
            &map.customer_name,
            "customer_name",
            CUSTOMER_NAMES,
            &mut cols.customer_name,
        ),
        (&map.channel, "channel", CHANNEL_NAMES, &mut cols.channel),
    ];
    let (mapped, guessed): (Vec<_>, Vec<_>) = fields.into_iter().partition(|f| f.0.is_some());
    for (m, key, names, slot) in mapped.into_iter().chain(guessed) {
        *slot = pick(m, key, names)?;
    }
    if cols.text.is_none() {
        return Err(format!(
            "no text column in the header ({}); name it with --columns text=COLUMN",
            headers.join(", ")
        ));
    }
    if cols.speaker.is_none() {
        return Err(format!(
            "no speaker column in the header ({}); name it with --columns speaker=COLUMN",
            headers.join(", ")
        ));
    }
    Ok(cols)
}

/// The field delimiter: tab for `.tsv`, else the most frequent of `,` `;` `\t` `|` in the
/// header line.
fn delimiter(header_line: &[u8], tsv: bool) -> u8 {
    if tsv {
        return b'\t';
    }
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| (header_line.iter().filter(|b| *b == d).count(), *d == b','))
        .unwrap_or(b',')
}

struct Row {
    line: u64,
    speaker: String,
    text: String,
    start: Option<f64>,
    end: Option<f64>,
    extras: Vec<String>,
}

struct Group {
    id: Option<String>,
    line: u64,
    rows: Vec<Row>,
    error: Option<(u64, String)>,
    agent_name: Option<String>,
    customer_name: Option<String>,
    channel: Option<String>,
}

enum Entry {
    Group(usize),
    Error(Record),
}

/// Reads a whole table. `tsv` forces tab-separated fields; `agent_label` is `--agent-label`.
pub fn read(
    bytes: &[u8],
    file: &str,
    map: &ColumnMap,
    tsv: bool,
    agent_label: Option<&str>,
) -> Vec<Record> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Leading blank lines are not the header.
    let skipped = bytes
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .filter(|b| **b == b'\n')
        .count() as u64;
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let start = bytes[..start]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let bytes = &bytes[start..];
    if bytes.trim_ascii().is_empty() {
        return Vec::new();
    }
    let header_end = bytes
        .iter()
        .position(|b| *b == b'\n')
        .unwrap_or(bytes.len());
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter(&bytes[..header_end], tsv))
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let header_line = skipped + 1;
    let file_error = |line: u64, message: String| Record {
        source: Source::at_line(file, line),
        conversation: Err(RecordError::new(message)),
    };
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|c| String::from_utf8_lossy(c).trim().to_string())
            .collect(),
        Err(e) => return vec![file_error(header_line, format!("unreadable header: {e}"))],
    };
    let cols = match find_columns(&headers, map) {
        Ok(c) => c,
        Err(message) => return vec![file_error(header_line, message)],
    };
    let used = cols.used();
    let extra_cols: Vec<usize> = (0..headers.len())
        .filter(|i| !used.contains(i) && !headers[*i].is_empty())
        .collect();
    let units = (
        cols.start.map(|i| unit_of(&headers[i])),
        cols.end.map(|i| unit_of(&headers[i])),
        cols.timestamp.map(|i| unit_of(&headers[i])),
    );

    let mut groups: Vec<Group> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut record = ::csv::ByteRecord::new();
    // Lines are counted from byte offsets: the csv reader's own line count is one short after
    // CRLF line ends (a record read after "\r" starts at the "\n", which belongs before it).
    let mut counted = (0usize, 1u64);
    let mut line_at = |byte: u64| {
        let mut byte = (byte as usize).min(bytes.len());
        while bytes.get(byte).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            byte += 1;
        }
        let (from, line) = counted;
        let line = line + memchr::memchr_iter(b'\n', &bytes[from.min(byte)..byte]).count() as u64;
        counted = (byte.max(from), line);
        skipped + line
    };
    loop {
        let line = line_at(reader.position().byte());
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                entries.push(Entry::Error(file_error(
                    line,
                    format!("unreadable row: {e}"),
                )));
                break;
            }
        }
        let line = record.position().map_or(line, |p| line_at(p.byte()));
        if record.iter().all(|c| c.trim_ascii().is_empty()) {
            continue;
        }
        let cell = |i: Option<usize>| -> Result<Option<String>, String> {
            let Some(i) = i else { return Ok(None) };
            match record.get(i) {
                None => Ok(None),
                Some(bytes) => std::str::from_utf8(bytes)
                    .map(|s| Some(s.trim().to_string()))
                    .map_err(|_| format!("invalid UTF-8 in column `{}`", headers[i])),
            }
        };
        let id = match cell(cols.id) {
            Ok(id) => id,
            Err(message) => {
                entries.push(Entry::Error(file_error(line, message)));
                continue;
            }
        };
        let key = match (cols.id, id) {
            (Some(i), None) => {
                entries.push(Entry::Error(file_error(
                    line,
                    format!("row has no `{}` value", headers[i]),
                )));
                continue;
            }
            (Some(i), Some(id)) if id.is_empty() => {
                entries.push(Entry::Error(file_error(
                    line,
                    format!("row has an empty conversation id (column `{}`)", headers[i]),
                )));
                continue;
            }
            (_, id) => id.unwrap_or_default(),
        };
        let gi = *by_id.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                id: cols.id.map(|_| key.clone()),
                line,
                rows: Vec::new(),
                error: None,
                agent_name: None,
                customer_name: None,
                channel: None,
            });
            entries.push(Entry::Group(groups.len() - 1));
            groups.len() - 1
        });
        let group = &mut groups[gi];
        if group.error.is_some() {
            continue;
        }
        match read_row(&record, &cols, &headers, &extra_cols, units, line, &cell) {
            Ok((row, agent, customer, channel)) => {
                group.agent_name = group.agent_name.take().or(agent);
                group.customer_name = group.customer_name.take().or(customer);
                group.channel = group.channel.take().or(channel);
                group.rows.push(row);
            }
            Err(message) => group.error = Some((line, message)),
        }
    }

    let mut out = Vec::with_capacity(entries.len());
    let mut groups: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    for entry in entries {
        match entry {
            Entry::Error(r) => out.push(r),
            Entry::Group(i) => {
                if let Some(group) = groups.get_mut(i).and_then(Option::take) {
                    out.push(finish(group, file, &headers, &extra_cols, agent_label));
                }
            }
        }
    }
    out
}

type RowParts = (Row, Option<String>, Option<String>, Option<String>);

#[allow(clippy::too_many_arguments)]
fn read_row(
    record: &::csv::ByteRecord,
    cols: &Columns,
    headers: &[String],
    extra_cols: &[usize],
    units: (Option<Unit>, Option<Unit>, Option<Unit>),
    line: u64,
    cell: &dyn Fn(Option<usize>) -> Result<Option<String>, String>,
) -> Result<RowParts, String> {
    let missing = |i: Option<usize>| {
        format!(
            "row has {} fields, too few for column `{}`",
            record.len(),
            i.map_or("", |i| headers[i].as_str())
        )
    };
    let text = cell(cols.text)?.ok_or_else(|| missing(cols.text))?;
    let speaker = cell(cols.speaker)?.ok_or_else(|| missing(cols.speaker))?;
    if speaker.is_empty() && !text.is_empty() {
        return Err(format!(
            "empty speaker (column `{}`)",
            cols.speaker.map_or("", |i| headers[i].as_str())
        ));
    }
    let time = |i: Option<usize>, unit: Option<Unit>| -> Result<Option<f64>, String> {
        match cell(i)? {
            Some(s) if !s.is_empty() => parse_time_text(&s, unit.unwrap_or(Unit::Seconds))
                .map(Some)
                .ok_or_else(|| {
                    format!(
                        "cannot read `{s}` in column `{}` as a time",
                        i.map_or("", |i| headers[i].as_str())
                    )
                }),
            _ => Ok(None),
        }
    };
    let start = match time(cols.start, units.0)? {
        Some(t) => Some(t),
        None => time(cols.timestamp, units.2)?,
    };
    let end = time(cols.end, units.1)?;
    let extras = extra_cols
        .iter()
        .map(|&i| Ok(cell(Some(i))?.unwrap_or_default()))
        .collect::<Result<Vec<String>, String>>()?;
    let non_empty = |v: Option<String>| v.filter(|s| !s.is_empty());
    Ok((
        Row {
            line,
            speaker,
            text,
            start,
            end,
            extras,
        },
        non_empty(cell(cols.agent_name)?),
        non_empty(cell(cols.customer_name)?),
        non_empty(cell(cols.channel)?),
    ))
}

fn finish(
    group: Group,
    file: &str,
    headers: &[String],
    extra_cols: &[usize],
    agent_label: Option<&str>,
) -> Record {
    let source = Source::at_line(file, group.line);
    if let Some((line, message)) = group.error {
        return Record {
            source,
            conversation: Err(RecordError {
                id: group.id,
                message: format!("line {line}: {message}"),
            }),
        };
    }
    let segments: Vec<Segment> = group
        .rows
        .iter()
        .map(|r| Segment {
            start: r.start,
            end: r.end,
            ..Segment::new(r.speaker.clone(), None, r.text.clone())
        })
        .collect();
    let agent = agent_for_roles(&segments, agent_label, group.agent_name.as_deref());
    let assembled = assemble(
        segments,
        Assembly {
            merge: false,
            rebase: Rebase::IfAbsolute,
        },
        agent,
        group.customer_name.as_deref(),
    );
    if assembled.turns.is_empty() {
        return Record {
            source,
            conversation: Err(RecordError {
                id: group.id,
                message: format!(
                    "no row of this conversation has any text (lines {}–{})",
                    group.line,
                    group.rows.last().map_or(group.line, |r| r.line)
                ),
            }),
        };
    }
    // Other columns: one value for the whole conversation becomes a metadata string; values
    // that change from row to row become an array aligned with the turns.
    let mut metadata = Map::new();
    for (k, &col) in extra_cols.iter().enumerate() {
        let kept: Vec<&str> = group
            .rows
            .iter()
            .zip(&assembled.turn_of)
            .filter(|(_, t)| t.is_some())
            .map(|(r, _)| r.extras.get(k).map_or("", String::as_str))
            .collect();
        let mut distinct: Vec<&str> = kept.iter().copied().filter(|v| !v.is_empty()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let value = match distinct.as_slice() {
            [] => continue,
            [one] => Value::String(one.to_string()),
            _ => Value::Array(kept.iter().map(|v| Value::String(v.to_string())).collect()),
        };
        metadata.insert(headers[col].clone(), value);
    }
    let (label_agent, label_customer) = names_from_labels(&assembled.turns);
    Record {
        conversation: Ok(Conversation {
            id: group.id.unwrap_or_else(|| file.to_string()),
            channel: group.channel,
            agent_name: group.agent_name.or(label_agent),
            customer_name: group.customer_name.or(label_customer),
            metadata,
            turns: assembled.turns,
        }),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_map_parses_and_rejects() {
        let m = ColumnMap::parse("id=Call Ref, speaker=Who ,text=Msg,time=When").unwrap();
        assert_eq!(m.id.as_deref(), Some("Call Ref"));
        assert_eq!(m.speaker.as_deref(), Some("Who"));
        assert_eq!(m.text.as_deref(), Some("Msg"));
        assert_eq!(m.timestamp.as_deref(), Some("When"));
        assert!(ColumnMap::parse("colour=red").is_err());
        assert!(ColumnMap::parse("text").is_err());
        assert!(ColumnMap::parse("text=").is_err());
    }

    #[test]
    fn finds_usual_spellings() {
        let headers: Vec<String> = [
            "Row",
            "Call ID",
            "Party",
            "Utterance",
            "Begin Offset Millis",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let cols = find_columns(&headers, &ColumnMap::default()).unwrap();
        assert_eq!(cols.id, Some(1));
        assert_eq!(cols.speaker, Some(2));
        assert_eq!(cols.text, Some(3));
        assert_eq!(cols.start, Some(4));
        assert_eq!(unit_of(&headers[4]), Unit::Millis);
        assert_eq!(unit_of("start_time"), Unit::Seconds);
    }

    #[test]
    fn mapped_column_wins_over_guess() {
        let headers: Vec<String> = ["id", "text", "body", "speaker"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let map = ColumnMap::parse("text=body").unwrap();
        let cols = find_columns(&headers, &map).unwrap();
        assert_eq!(cols.text, Some(2));
        let err = find_columns(&headers, &ColumnMap::parse("text=nope").unwrap()).unwrap_err();
        assert!(err.contains("`nope`"), "{err}");
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(delimiter(b"id;speaker;text", false), b';');
        assert_eq!(delimiter(b"id\tspeaker\ttext", false), b'\t');
        assert_eq!(delimiter(b"id,speaker,text", false), b',');
        assert_eq!(delimiter(b"text", false), b',');
        assert_eq!(delimiter(b"a,b", true), b'\t');
    }
}
