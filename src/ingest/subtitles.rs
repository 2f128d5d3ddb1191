//! WebVTT and SRT captions as meeting and contact-centre tools export them: speakers in
//! `<v Name>` voice spans (Teams; the closing `</v>` is optional) or as a `Name: text`
//! prefix (Zoom); cue timings give each turn its start and end.

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::timing::parse_clock;
use crate::ingest::turns::{
    Assembly, Rebase, Segment, agent_for_roles, assemble, names_from_labels,
};
use crate::model::{Conversation, Record, RecordError, Source};

/// Which caption format is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// WebVTT (`WEBVTT` header, `.` before milliseconds, NOTE/STYLE/REGION blocks).
    Vtt,
    /// SubRip (numbered cues, `,` before milliseconds).
    Srt,
}

static VOICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<v(?:\.[^\s>]+)*(?:[ \t]+(?P<name>[^>]*))?>")
        .expect("the voice tag pattern is valid")
});
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^>]*>|\{\\[^}]*\}").expect("the tag pattern is valid"));
/// One cue's payload split by speaker: `(speaker, text)` pieces, speaker `None` when the
/// cue does not say.
fn payload_pieces(lines: &[&str]) -> Vec<(Option<String>, String)> {
    let mut pieces: Vec<(Option<String>, String)> = Vec::new();
    for line in lines {
        let mut found_voice = false;
        // Text before, between and after voice tags belongs to the voice opened last.
        let mut cursor = 0;
        let mut current: Option<String> = pieces.last().and_then(|p| p.0.clone());
        let mut parts: Vec<(Option<String>, String)> = Vec::new();
        let voices = if line.contains("<v") {
            VOICE.captures_iter(line).collect()
        } else {
            Vec::new()
        };
        for caps in voices {
            let Some(whole) = caps.get(0) else { continue };
            parts.push((current.clone(), line[cursor..whole.start()].to_string()));
            current = caps
                .name("name")
                .map(|n| clean(n.as_str()))
                .filter(|n| !n.is_empty());
            cursor = whole.end();
            found_voice = true;
        }
        if found_voice {
            parts.push((current, line[cursor..].to_string()));
        } else {
            let cleaned = clean(line);
            match split_prefix(&cleaned) {
                Some((name, text)) => parts.push((Some(name.to_string()), text.to_string())),
                None => parts.push((current, cleaned)),
            }
        }
        for (speaker, text) in parts {
            let text = clean(&text);
            if text.is_empty() {
                continue;
            }
            match pieces.last_mut() {
                Some(last) if last.0 == speaker => {
                    last.1.push(' ');
                    last.1.push_str(&text);
                }
                _ => pieces.push((speaker, text)),
            }
        }
    }
    pieces
}

/// Splits a `Name: text` prefix (Zoom; also `- Name: text`) from a caption line. The name
/// may be lower case, as display names are typed, but is a few words before a colon and a
/// space: `10:30` is a time and `https://…` a link, not speakers.
fn split_prefix(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let line = line.strip_prefix('-').map_or(line, str::trim_start);
    let colon = line.find(':')?;
    let (name, rest) = (line[..colon].trim_end(), &line[colon + 1..]);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let first = name.chars().next()?;
    let usable = !first.is_numeric()
        && name.chars().count() <= 40
        && !name.contains(['<', '>'])
        && is_prefix_name(name);
    usable.then(|| (name, rest.trim()))
}

/// A caption prefix name: a few words, not a sentence ("the reason is: …").
fn is_prefix_name(name: &str) -> bool {
    let name = name.trim();
    let words = name.split_whitespace().count();
    !name.is_empty()
        && words <= 4
        && !name.contains(['?', '!', ',', ';', '"'])
        && !matches!(
            name.to_lowercase().as_str(),
            "note" | "http" | "https" | "re" | "ps"
        )
}

/// Strips markup (`<c>`, `<i>`, `<b>`, `</v>`, inline timestamps, SRT `{\an8}`), decodes
/// character references and collapses whitespace.
fn clean(text: &str) -> String {
    if !text.contains(['<', '{', '&']) {
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let stripped = TAG.replace_all(text, "");
    let decoded = decode_entities(&stripped);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character references caption files use: the named ones WebVTT defines and numeric
/// ones; anything else is left as written.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "lrm" => Some('\u{200e}'),
                "rlm" => Some('\u{200f}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A cue timing line: `start --> end [settings]`.
fn timing(line: &str) -> Option<(f64, f64)> {
    let (a, b) = line.split_once("-->")?;
    let b = b.split_whitespace().next()?;
    Some((parse_clock(a.trim())?, parse_clock(b)?))
}

/// Reads a whole caption file; `agent_label` is `--agent-label`.
pub fn read(bytes: &[u8], file: &str, kind: Kind, agent_label: Option<&str>) -> Vec<Record> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.trim_ascii().is_empty() {
        return Vec::new();
    }
    let fail = |line: u64, place: Option<String>, message: String| {
        vec![Record {
            source: Source {
                file: file.to_string(),
                line: Some(line),
                place,
            },
            conversation: Err(RecordError::new(message)),
        }]
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64
                + 1;
            return fail(line, None, "invalid UTF-8".into());
        }
    };
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    // Blocks: runs of non-blank lines, with the 1-based number of their first line.
    let mut blocks: Vec<(u64, Vec<&str>)> = Vec::new();
    let mut current: Option<(u64, Vec<&str>)> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            if let Some(b) = current.take() {
                blocks.push(b);
            }
        } else {
            current
                .get_or_insert_with(|| (i as u64 + 1, Vec::new()))
                .1
                .push(line);
        }
    }
    if let Some(b) = current.take() {
        blocks.push(b);
    }
    let mut blocks = blocks.into_iter().peekable();
    if kind == Kind::Vtt {
        let header_ok = blocks.peek().is_some_and(|(_, b)| {
            b.first().is_some_and(|l| {
                l.strip_prefix("WEBVTT")
                    .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
            })
        });
        if !header_ok {
            return fail(1, None, "missing `WEBVTT` header line".into());
        }
        // The header block may also hold the first cue when no blank line follows it.
        if let Some((line, block)) = blocks.next()
            && let Some(pos) = block.iter().position(|l| l.contains("-->"))
        {
            let start = pos.saturating_sub(1).max(1);
            let rest: Vec<&str> = block[start..].to_vec();
            let mut all = vec![(line + start as u64, rest)];
            all.extend(blocks);
            return cues(all, file, kind, agent_label);
        }
    }
    cues(blocks.collect(), file, kind, agent_label)
}

fn cues(
    blocks: Vec<(u64, Vec<&str>)>,
    file: &str,
    kind: Kind,
    agent_label: Option<&str>,
) -> Vec<Record> {
    let fail = |line: u64, cue: usize, message: String| {
        vec![Record {
            source: Source {
                file: file.to_string(),
                line: Some(line),
                place: Some(format!("cue {cue}")),
            },
            conversation: Err(RecordError::new(message)),
        }]
    };
    let mut segments: Vec<Segment> = Vec::new();
    let mut speaker: Option<String> = None;
    let mut any_speaker = false;
    let mut cue_no = 0usize;
    for (first_line, block) in blocks {
        if kind == Kind::Vtt {
            let head = block.first().copied().unwrap_or("");
            let keyword = head.split([' ', '\t']).next().unwrap_or("");
            if matches!(keyword, "NOTE" | "STYLE" | "REGION") && !head.contains("-->") {
                continue;
            }
        }
        cue_no += 1;
        // A cue: optional identifier (or SRT number), timing line, payload.
        let Some(pos) = block.iter().take(2).position(|l| l.contains("-->")) else {
            return fail(
                first_line,
                cue_no,
                format!(
                    "cue {cue_no} has no timing line (`00:00:01.000 --> 00:00:04.000`): `{}`",
                    block.first().copied().unwrap_or("").trim()
                ),
            );
        };
        let timing_line = first_line + pos as u64;
        let Some((start, end)) = timing(block[pos]) else {
            return fail(
                timing_line,
                cue_no,
                format!(
                    "cue {cue_no} has a malformed timing line `{}`",
                    block[pos].trim()
                ),
            );
        };
        for (who, text) in payload_pieces(&block[pos + 1..]) {
            if who.is_some() {
                speaker = who;
                any_speaker = true;
            }
            segments.push(Segment {
                start: Some(start),
                end: Some(end),
                ..Segment::new(
                    speaker.clone().unwrap_or_else(|| "Unknown".into()),
                    None,
                    text,
                )
            });
        }
    }
    let source = Source {
        file: file.to_string(),
        line: None,
        place: None,
    };
    if segments.is_empty() {
        return vec![Record {
            source,
            conversation: Err(RecordError::new("no cue has any text")),
        }];
    }
    if !any_speaker {
        return vec![Record {
            source,
            conversation: Err(RecordError::new(
                "no cue names its speaker (expected `<v Name>` voice spans or `Name: text`)",
            )),
        }];
    }
    let agent = agent_for_roles(&segments, agent_label, None);
    let assembled = assemble(
        segments,
        Assembly {
            merge: true,
            rebase: Rebase::Never,
        },
        agent,
        None,
    );
    let (agent_name, customer_name) = names_from_labels(&assembled.turns);
    vec![Record {
        source,
        conversation: Ok(Conversation {
            id: file.to_string(),
            channel: None,
            agent_name,
            customer_name,
            metadata: Default::default(),
            turns: assembled.turns,
        }),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voices_prefixes_and_markup() {
        let p = payload_pieces(&["<v.loud Dana Smith>Hi <i>there</i></v>"]);
        assert_eq!(p, [(Some("Dana Smith".into()), "Hi there".into())]);
        let p = payload_pieces(&["<v Dana>Hello", "<v Ravi>Hi &amp; bye"]);
        assert_eq!(
            p,
            [
                (Some("Dana".into()), "Hello".into()),
                (Some("Ravi".into()), "Hi & bye".into())
            ]
        );
        let p = payload_pieces(&["john.smith: the reason is: billing", "more words"]);
        assert_eq!(
            p,
            [(
                Some("john.smith".into()),
                "the reason is: billing more words".into()
            )]
        );
        let p = payload_pieces(&["{\\an8}<c.yellow>No speaker here</c>"]);
        assert_eq!(p, [(None, "No speaker here".into())]);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &#65;&#x42; &bogus; &"),
            "a <b> AB &bogus; &"
        );
    }

    #[test]
    fn timings() {
        assert_eq!(
            timing("00:01.000 --> 00:04.500 align:start"),
            Some((1.0, 4.5))
        );
        assert_eq!(timing("00:00:01,000 --> 00:00:02,000"), Some((1.0, 2.0)));
        assert_eq!(timing("00:00:01,000 -> 00:00:02,000"), None);
    }
}
