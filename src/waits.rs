//! Waits the contact platform reports in its own events (system turns), which a transcript
//! keeps when the turns carry no times: the queue before the call ("Queue wait 14:30",
//! "Customer waited 9m 30s") and holds or silences in which the customer was left waiting
//! ("Customer on hold 6m 48s", "Hold ended (7m39s)", "hold started 11:04:51" … "hold ended
//! 11:12:30", "Agent idle 00:04:00", "9 minutes without agent message").

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Conversation, Role};

/// The waits reported in a conversation's events, in seconds; `None` when no event reports
/// one of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ReportedWaits {
    /// Time in the queue before an agent answered.
    pub queue_s: Option<f64>,
    /// Time on hold, or left waiting for the agent in a chat.
    pub hold_s: Option<f64>,
}

/// The longest single wait believed: a day. More is a clock or unit error.
const LONGEST_WAIT_S: f64 = 24.0 * 3600.0;

/// `h:mm:ss` (or `hh:mm:ss`): a duration, or a clock time after "started"/"ended".
static HMS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2}):([0-5]\d):([0-5]\d)\b").expect("valid"));
/// `m:ss`: a duration of minutes and seconds ("Queue wait 14:30").
static MS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,3}):([0-5]\d)\b").expect("valid"));
/// A number with its unit: "6m", "48s", "9 min", "30 sec", "2 hours", "1h".
static UNITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,4})\s?(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b")
        .expect("valid")
});
/// A clock time that starts or ends a hold: "hold started 11:04:51", "hold ended 11:12:30".
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(started|began|start|ended|end|resumed)\s+(?:at\s+)?(\d{1,2}:[0-5]\d:[0-5]\d)\b",
    )
    .expect("valid")
});

/// A letter then a digit, which [`UNITS`] needs apart: "9m30s" is "9m 30s".
static LETTER_DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([a-z])(\d)").expect("valid"));

/// The duration an event states, in seconds: `h:mm:ss`, `m:ss`, or numbers with units.
fn duration_s(text: &str) -> Option<f64> {
    let text = &LETTER_DIGIT.replace_all(text, "$1 $2");
    let seconds = if let Some(c) = HMS.captures(text) {
        let n = |k: usize| c[k].parse::<f64>().unwrap_or(0.0);
        n(1) * 3600.0 + n(2) * 60.0 + n(3)
    } else if let Some(c) = MS.captures(text) {
        c[1].parse::<f64>().unwrap_or(0.0) * 60.0 + c[2].parse::<f64>().unwrap_or(0.0)
    } else {
        let mut total = None;
        for c in UNITS.captures_iter(text) {
            let n: f64 = c[1].parse().unwrap_or(0.0);
            let unit = c[2].to_ascii_lowercase();
            let scale = match unit.as_bytes()[0] {
                b'h' => 3600.0,
                b'm' => 60.0,
                _ => 1.0,
            };
            *total.get_or_insert(0.0) += n * scale;
        }
        total?
    };
    (seconds <= LONGEST_WAIT_S).then_some(seconds)
}

/// Seconds since midnight of an `h:mm:ss` clock time.
fn clock_s(time: &str) -> Option<f64> {
    let c = HMS.captures(time)?;
    let n = |k: usize| c[k].parse::<f64>().unwrap_or(0.0);
    Some(n(1) * 3600.0 + n(2) * 60.0 + n(3))
}

/// What kind of wait an event reports, by its words.
#[derive(Clone, Copy, PartialEq)]
enum Wait {
    Queue,
    Hold,
}

fn kind(lower: &str) -> Option<Wait> {
    let has_word = |w: &str| {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word == w)
    };
    if has_word("queue") || has_word("queued") || has_word("waited") || lower.contains("wait time")
    {
        Some(Wait::Queue)
    } else if has_word("hold")
        || has_word("idle")
        || lower.contains("without agent")
        || lower.contains("no agent response")
    {
        Some(Wait::Hold)
    } else {
        None
    }
}

/// The waits that a conversation's system turns report. A hold given by its clock times
/// ("hold started 11:04:51", then "hold ended 11:12:30") lasts from one to the other; one
/// that states its length ("Hold ended (7m39s)") counts that length once, whatever event
/// announced its start.
pub fn reported_waits(conversation: &Conversation) -> ReportedWaits {
    let mut waits = ReportedWaits::default();
    let mut hold_started: Option<f64> = None;
    for turn in &conversation.turns {
        if turn.role != Role::System || !turn.text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let lower = turn.text.to_lowercase();
        let Some(wait) = kind(&lower) else {
            continue;
        };
        let total = match wait {
            Wait::Queue => &mut waits.queue_s,
            Wait::Hold => &mut waits.hold_s,
        };
        // A clock time is when, not how long: "ended 11:12:30" without its start says
        // nothing of the length.
        if let Some(clock) = CLOCK.captures(&lower) {
            let at = clock_s(&clock[2]);
            if matches!(&clock[1], "started" | "began" | "start") {
                hold_started = at;
            } else if let (Some(from), Some(to)) = (hold_started.take(), at) {
                // A hold that runs past midnight ends the next day.
                let span = if to >= from {
                    to - from
                } else {
                    to + 86_400.0 - from
                };
                *total.get_or_insert(0.0) += span;
            }
            continue;
        }
        if let Some(seconds) = duration_s(&lower) {
            *total.get_or_insert(0.0) += seconds;
        }
    }
    waits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Turn;

    fn events(lines: &[&str]) -> ReportedWaits {
        let turns = lines
            .iter()
            .map(|line| {
                let (role, text) = match line.split_once(": ") {
                    Some(("S", text)) => (Role::System, text),
                    Some(("A", text)) => (Role::Agent, text),
                    _ => (Role::Customer, *line),
                };
                Turn {
                    role,
                    speaker: role.as_str().into(),
                    text: text.into(),
                    start: None,
                    end: None,
                }
            })
            .collect();
        reported_waits(&Conversation {
            id: "w".into(),
            turns,
            ..Conversation::default()
        })
    }

    #[test]
    fn queue_waits_are_read_in_every_form_a_platform_writes_them() {
        for (event, seconds) in [
            ("S: Queue wait 14:30", 870.0),
            ("S: queue wait 00:38:12", 2292.0),
            ("S: queue 00:01:12", 72.0),
            ("S: Customer waited 9m 30s.", 570.0),
            ("S: queue wait 38 min 12 s", 2292.0),
            ("S: Queue wait: 2 hours", 7200.0),
        ] {
            assert_eq!(events(&[event]).queue_s, Some(seconds), "{event}");
            assert_eq!(events(&[event]).hold_s, None, "{event}");
        }
    }

    #[test]
    fn holds_and_chat_silences_are_read_once_each() {
        for (lines, seconds) in [
            (&["S: Customer on hold 6m 48s"][..], 408.0),
            (&["S: Hold started", "S: Hold ended (7m 39s)"], 459.0),
            (
                &["S: hold started 11:04:51", "S: hold ended 11:12:30"],
                459.0,
            ),
            (
                &["S: hold started 23:58:00", "S: hold ended 00:03:00"],
                300.0,
            ),
            (&["S: Call on hold 03:22"], 202.0),
            (&["S: Agent idle 00:04:00"], 240.0),
            (&["S: 9 minutes without agent message"], 540.0),
            (&["S: Hold 2 min 30 sec", "S: Hold 1m"], 210.0),
            (&["S: call on hold 9m30s"], 570.0),
        ] {
            assert_eq!(events(lines).hold_s, Some(seconds), "{lines:?}");
        }
    }

    #[test]
    fn other_events_and_other_speakers_report_no_wait() {
        for lines in [
            &["S: Call ended. Duration 12m 40s."][..],
            &["S: Caller pressed 2"],
            &["S: Queue: Billing"],
            &["S: account holder verified 2 of 3"],
            &["A: Sorry for the 10 minute hold."],
            &["I waited 40 minutes in the queue!"],
            &["S: hold ended 11:12:30"],
            &["S: Queue wait 99:99:99"],
        ] {
            assert_eq!(events(lines), ReportedWaits::default(), "{lines:?}");
        }
    }
}
