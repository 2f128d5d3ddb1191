//! Turning the pieces a reader found (lines, cues, phrases, sentences) into the turns of
//! the model: times made relative, roles settled, and adjacent pieces of one speaker
//! merged where the format splits turns into sentences.

use crate::ingest::roles::{resolve_roles, same_label};
use crate::ingest::timing::{absolute_origin, round_us};
use crate::model::{Role, Turn};

/// Two adjacent pieces of one speaker are one turn unless this many seconds or more of
/// silence separate them: a longer pause (an agent's "please hold … thanks for holding")
/// is kept as two turns so that the silence stays measurable.
pub const MERGE_GAP_S: f64 = 3.0;

/// One piece of a conversation as a reader found it.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The speaker label as it appears in the input.
    pub label: String,
    /// The role, when the format states it; otherwise it is resolved from the labels.
    pub role: Option<Role>,
    /// What was said.
    pub text: String,
    /// Start in seconds (an offset, or absolute seconds since the epoch).
    pub start: Option<f64>,
    /// End in seconds, on the same scale as `start`.
    pub end: Option<f64>,
}

impl Segment {
    /// A piece with a label, an optional role and text, without times.
    pub fn new(label: impl Into<String>, role: Option<Role>, text: impl Into<String>) -> Self {
        Segment {
            label: label.into(),
            role,
            text: text.into(),
            start: None,
            end: None,
        }
    }
}

/// The agent to settle roles by: the voice `--agent-label` names for a whole export when one
/// of these pieces carries that label (compared as [`same_label`] compares labels), else the
/// agent the input itself names.
pub fn agent_for_roles<'a>(
    segments: &[Segment],
    agent_label: Option<&'a str>,
    named: Option<&'a str>,
) -> Option<&'a str> {
    agent_label
        .filter(|wanted| segments.iter().any(|s| same_label(&s.label, wanted)))
        .or(named)
}

/// How to turn segments into turns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assembly {
    /// Merge adjacent segments of one speaker (sentence- or cue-level formats).
    pub merge: bool,
    /// When to shift times so that the earliest turn starts at 0.
    pub rebase: Rebase,
}

/// When times are shifted to be relative to the first turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebase {
    /// Times are already offsets from the start of the recording.
    Never,
    /// Shift when any time looks absolute (see [`EPOCH_THRESHOLD_S`](crate::ingest::timing::EPOCH_THRESHOLD_S)).
    IfAbsolute,
    /// The format's times are absolute by definition.
    Always,
}

/// Turns, and for every input segment the index of the turn it ended up in (`None` for
/// a segment dropped because it had no text).
#[derive(Debug, Clone, PartialEq)]
pub struct Assembled {
    /// The turns, in input order.
    pub turns: Vec<Turn>,
    /// Turn index of each input segment.
    pub turn_of: Vec<Option<usize>>,
}

/// Builds turns from segments: blank segments are dropped (vendor exports carry events
/// and empty results as items without text), times are made relative when absolute,
/// adjacent segments of one speaker are merged when asked, and roles the input did not
/// state are resolved from the labels and what they say.
pub fn assemble(
    mut segments: Vec<Segment>,
    how: Assembly,
    agent_name: Option<&str>,
    customer_name: Option<&str>,
) -> Assembled {
    rebase(&mut segments, how.rebase);
    let mut turns: Vec<Segment> = Vec::with_capacity(segments.len());
    let mut turn_of = Vec::with_capacity(segments.len());
    for seg in segments {
        let text = seg.text.trim();
        if text.is_empty() {
            turn_of.push(None);
            continue;
        }
        if how.merge
            && let Some(last) = turns.last_mut()
            && last.label == seg.label
            && last.role == seg.role
            && close_enough(last, &seg)
        {
            last.text.push(' ');
            last.text.push_str(text);
            last.end = match (last.end, seg.end) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => b.or(a),
            };
            turn_of.push(Some(turns.len() - 1));
            continue;
        }
        turn_of.push(Some(turns.len()));
        turns.push(Segment {
            text: text.to_string(),
            ..seg
        });
    }
    let roles = settle_roles(&turns, agent_name, customer_name);
    let turns = turns
        .into_iter()
        .zip(roles)
        .map(|(seg, role)| Turn {
            role,
            speaker: seg.label,
            text: seg.text,
            start: seg.start,
            end: seg.end,
        })
        .collect();
    Assembled { turns, turn_of }
}

fn close_enough(last: &Segment, next: &Segment) -> bool {
    match (last.end.or(last.start), next.start) {
        (Some(end), Some(start)) => start - end < MERGE_GAP_S,
        _ => true,
    }
}

/// Shifts all times so that the earliest start is 0, when asked or when they look absolute.
fn rebase(segments: &mut [Segment], when: Rebase) {
    if when == Rebase::Never {
        return;
    }
    let items = segments
        .iter()
        .map(|s| (s.start, s.end, !s.text.trim().is_empty()));
    let Some(origin) = absolute_origin(items, when == Rebase::Always) else {
        return;
    };
    for seg in segments {
        seg.start = seg.start.map(|t| round_us(t - origin));
        seg.end = seg.end.map(|t| round_us(t - origin));
    }
}

/// Roles stated by the input win; the others come from [`resolve_roles`], which is shown
/// the stated ones under their role names so that it knows whether an agent is present.
fn settle_roles(
    turns: &[Segment],
    agent_name: Option<&str>,
    customer_name: Option<&str>,
) -> Vec<Role> {
    if turns.iter().all(|t| t.role.is_some()) {
        return turns.iter().filter_map(|t| t.role).collect();
    }
    let labels: Vec<(&str, &str)> = turns
        .iter()
        .map(|t| match t.role {
            Some(role) => (role.as_str(), t.text.as_str()),
            None => (t.label.as_str(), t.text.as_str()),
        })
        .collect();
    let resolved = resolve_roles(&labels, agent_name, customer_name);
    turns
        .iter()
        .zip(resolved)
        .map(|(t, r)| t.role.unwrap_or(r))
        .collect()
}

/// Speaker labels that number voices rather than name people.
fn is_generic_label(label: &str) -> bool {
    let lower = label.trim().to_lowercase();
    let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    stem.is_empty()
        || matches!(
            stem,
            "speaker" | "spk" | "participant" | "channel" | "unknown" | "voice" | "person"
        )
}

/// The agent's and the customer's names when the labels are people's names: a role
/// spoken under exactly one label that is neither a role alias nor a numbered voice
/// ("Speaker 2") gives that label as the name.
pub fn names_from_labels(turns: &[Turn]) -> (Option<String>, Option<String>) {
    let name_of = |role: Role| {
        let mut labels: Vec<&str> = turns
            .iter()
            .filter(|t| t.role == role)
            .map(|t| t.speaker.trim())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        match labels.as_slice() {
            [one] if Role::from_alias(one).is_none() && !is_generic_label(one) => {
                Some(one.to_string())
            }
            _ => None,
        }
    };
    (name_of(Role::Agent), name_of(Role::Customer))
}

/// The vendor's own per-item judgements (sentiment labels or scores) as
/// `[{"turn": i, "sentiment": …}]`, with each item's turn index after merging; `None`
/// when there are none. `items` pairs segment indexes with the vendor's values.
pub fn per_turn(
    items: Vec<(usize, serde_json::Value)>,
    turn_of: &[Option<usize>],
    key: &str,
) -> Option<serde_json::Value> {
    let entries: Vec<serde_json::Value> = items
        .into_iter()
        .filter_map(|(seg, value)| {
            let turn = (*turn_of.get(seg)?)?;
            let mut entry = serde_json::Map::new();
            entry.insert("turn".into(), turn.into());
            entry.insert(key.into(), value);
            Some(serde_json::Value::Object(entry))
        })
        .collect();
    (!entries.is_empty()).then_some(serde_json::Value::Array(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(label: &str, text: &str, start: f64, end: f64) -> Segment {
        Segment {
            start: Some(start),
            end: Some(end),
            ..Segment::new(label, None, text)
        }
    }

    #[test]
    fn merges_close_pieces_of_one_speaker_only() {
        let segs = vec![
            seg("agent", "Hello.", 0.0, 1.0),
            seg("agent", "How can I help?", 1.5, 3.0),
            seg("customer", "Hi.", 3.2, 4.0),
            seg("agent", "Please hold.", 4.5, 5.0),
            seg("agent", "Thanks for holding.", 65.0, 66.0),
        ];
        let a = assemble(
            segs,
            Assembly {
                merge: true,
                rebase: Rebase::Never,
            },
            None,
            None,
        );
        let texts: Vec<&str> = a.turns.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Hello. How can I help?",
                "Hi.",
                "Please hold.",
                "Thanks for holding."
            ]
        );
        assert_eq!(a.turns[0].end, Some(3.0));
        assert_eq!(a.turn_of, [Some(0), Some(0), Some(1), Some(2), Some(3)]);
        assert_eq!(a.turns[1].role, Role::Customer);
    }

    #[test]
    fn drops_blank_pieces_and_rebases_epoch_times() {
        let segs = vec![
            seg("agent", "  ", 1_600_000_000.0, 1_600_000_001.0),
            seg("agent", "Hi", 1_600_000_002.5, 1_600_000_003.0),
            seg("customer", "Hello", 1_600_000_004.25, 1_600_000_005.0),
        ];
        let a = assemble(
            segs,
            Assembly {
                merge: false,
                rebase: Rebase::IfAbsolute,
            },
            None,
            None,
        );
        assert_eq!(a.turn_of, [None, Some(0), Some(1)]);
        // Times count from the first turn; the blank piece is not one.
        assert_eq!(a.turns[0].start, Some(0.0));
        assert_eq!(a.turns[0].end, Some(0.5));
        assert_eq!(a.turns[1].start, Some(1.75));
    }

    #[test]
    fn stated_roles_win_and_names_come_from_labels() {
        let segs = vec![
            Segment::new("Dana", None, "Thanks for calling, how can I help?"),
            Segment::new("Ravi Patel", None, "My internet is down."),
            Segment::new("IVR", Some(Role::Bot), "Please rate this call."),
        ];
        let a = assemble(
            segs,
            Assembly {
                merge: false,
                rebase: Rebase::Never,
            },
            None,
            None,
        );
        let roles: Vec<Role> = a.turns.iter().map(|t| t.role).collect();
        assert_eq!(roles, [Role::Agent, Role::Customer, Role::Bot]);
        assert_eq!(
            names_from_labels(&a.turns),
            (Some("Dana".to_string()), Some("Ravi Patel".to_string()))
        );
    }

    #[test]
    fn numbered_voices_are_not_names() {
        let turns = vec![
            Turn {
                role: Role::Agent,
                speaker: "Speaker 1".into(),
                text: "x".into(),
                start: None,
                end: None,
            },
            Turn {
                role: Role::Customer,
                speaker: "customer".into(),
                text: "y".into(),
                start: None,
                end: None,
            },
        ];
        assert_eq!(names_from_labels(&turns), (None, None));
    }
}
