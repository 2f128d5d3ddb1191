//! Call mechanics measured from turn timings: who talked how long and how fast, silences,
//! talking over each other, and time on hold.

use serde::{Deserialize, Serialize};

use crate::ingest::timing::round_us;
use crate::model::{Conversation, Role, Turn};

/// Timing measurements of one conversation. Every field is `None` when the timings it
/// needs are missing: `duration_s` needs turn starts; everything else needs a start and an
/// end on every turn.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Mechanics {
    /// Seconds from the earliest turn start to the latest turn end (or start).
    pub duration_s: Option<f64>,
    /// Seconds the agent spoke (sum of agent turn lengths).
    pub agent_talk_s: Option<f64>,
    /// Seconds the customer spoke.
    pub customer_talk_s: Option<f64>,
    /// Agent talk over agent plus customer talk; `None` when neither spoke for any time.
    pub talk_ratio: Option<f64>,
    /// Agent words per minute of agent talk time.
    pub agent_wpm: Option<f64>,
    /// Customer words per minute of customer talk time.
    pub customer_wpm: Option<f64>,
    /// The longest stretch in which nobody spoke, between the first start and the last end.
    pub longest_silence_s: Option<f64>,
    /// Total time in which nobody spoke, between the first start and the last end.
    pub non_talk_s: Option<f64>,
    /// Turns that start before the previous turn, spoken by someone else, has ended.
    pub overtalk: Option<usize>,
    /// Silence after announced holds: for each hold turn, the gap from its end to the
    /// start of the next turn, summed.
    pub hold_s: Option<f64>,
}

/// Words in a text: whitespace-separated tokens with at least one letter or digit (a
/// redaction token such as `[PII]` counts as the word it hides).
pub fn words(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_words(text.as_bytes());
    }
    text.split_whitespace()
        .filter(|w| {
            w.bytes().any(|b| b.is_ascii_alphanumeric())
                || (!w.is_ascii() && w.chars().any(char::is_alphanumeric))
        })
        .count()
}

/// [`words`] of ASCII text, byte by byte: on ASCII, `char::is_whitespace` is exactly space
/// and `\t` to `\r`, and a word has a letter or digit when one of its bytes is one. Most
/// turns are ASCII, and this avoids decoding characters and splitting.
fn ascii_words(text: &[u8]) -> usize {
    let mut count = 0;
    let mut word_has_alphanumeric = false;
    for &b in text {
        // One table load and no branch per byte: this runs over every turn of every call.
        let class = ASCII_WORD_CLASS[usize::from(b)];
        let space = class == SPACE;
        count += usize::from(space & word_has_alphanumeric);
        word_has_alphanumeric = (word_has_alphanumeric | (class == ALPHANUMERIC)) & !space;
    }
    count + usize::from(word_has_alphanumeric)
}

/// [`ASCII_WORD_CLASS`] of a space, `\t` to `\r`.
const SPACE: u8 = 1;
/// [`ASCII_WORD_CLASS`] of an ASCII letter or digit.
const ALPHANUMERIC: u8 = 2;
/// What [`ascii_words`] sees in a byte: [`SPACE`], [`ALPHANUMERIC`] or 0 (anything else).
const ASCII_WORD_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if matches!(byte, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if byte.is_ascii_alphanumeric() {
            ALPHANUMERIC
        } else {
            0
        };
        b += 1;
    }
    table
};

fn interval(turn: &Turn) -> Option<(f64, f64)> {
    match (turn.start, turn.end) {
        (Some(s), Some(e)) if e >= s => Some((s, e)),
        _ => None,
    }
}

/// The longest conversation whose timings are believed: 30 days (messaging threads run for
/// days; a longer span is a unit or clock error).
const LONGEST_PLAUSIBLE_S: f64 = 30.0 * 24.0 * 3600.0;

/// Whether the turn timings cannot be right: a negative or non-finite time, or a span longer
/// than [`LONGEST_PLAUSIBLE_S`]. Such timings are not measured at all rather than turned into
/// a duration of 1e300 seconds or hours of hold.
fn implausible_timings(turns: &[Turn]) -> bool {
    let times = || turns.iter().flat_map(|t| [t.start, t.end]).flatten();
    times().any(|t| !t.is_finite() || t < 0.0)
        || times().fold(f64::NEG_INFINITY, f64::max) - times().fold(f64::INFINITY, f64::min)
            > LONGEST_PLAUSIBLE_S
}

/// Measures a conversation's mechanics. `hold_turns` are indexes of agent turns that
/// announce a hold; indexes past the end are ignored.
pub fn mechanics(conv: &Conversation, hold_turns: &[usize]) -> Mechanics {
    mechanics_counted(conv, hold_turns, |i| words(&conv.turns[i].text))
}

/// [`mechanics`], with `words_of(i)` giving the [`words`] of turn `i` (counted once per
/// distinct line when the caller keeps them, see [`crate::memo`]).
pub fn mechanics_counted(
    conv: &Conversation,
    hold_turns: &[usize],
    words_of: impl Fn(usize) -> usize,
) -> Mechanics {
    let turns = &conv.turns;
    // From here on every time is finite and non-negative.
    if implausible_timings(turns) {
        return Mechanics::default();
    }
    let starts: Vec<f64> = turns.iter().filter_map(|t| t.start).collect();
    let duration_s = (!starts.is_empty()).then(|| {
        let first = starts.iter().copied().fold(f64::INFINITY, f64::min);
        let last = turns
            .iter()
            .filter_map(|t| t.end.or(t.start))
            .fold(f64::NEG_INFINITY, f64::max);
        round_us((last - first).max(0.0))
    });
    let intervals: Option<Vec<(f64, f64)>> = turns.iter().map(interval).collect();
    let Some(intervals) = intervals.filter(|i| !i.is_empty()) else {
        return Mechanics {
            duration_s,
            ..Mechanics::default()
        };
    };

    let talk = |role: Role| -> (f64, usize) {
        turns
            .iter()
            .zip(&intervals)
            .enumerate()
            .filter(|(_, (t, _))| t.role == role)
            .fold((0.0, 0), |(secs, n), (i, (_, (s, e)))| {
                (secs + (e - s), n + words_of(i))
            })
    };
    let (agent_s, agent_words) = talk(Role::Agent);
    let (customer_s, customer_words) = talk(Role::Customer);
    let wpm = |words: usize, secs: f64| (secs > 0.0).then(|| round_us(words as f64 * 60.0 / secs));

    // Silence is time covered by no turn: gaps in the union of the turn intervals.
    let mut sorted = intervals.clone();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut longest: f64 = 0.0;
    let mut silent = 0.0;
    let mut covered_to = sorted[0].1;
    for &(s, e) in &sorted[1..] {
        if s > covered_to {
            longest = longest.max(s - covered_to);
            silent += s - covered_to;
        }
        covered_to = covered_to.max(e);
    }

    let overtalk = turns
        .windows(2)
        .zip(intervals.windows(2))
        .filter(|(t, i)| {
            (t[0].role != t[1].role || t[0].speaker != t[1].speaker) && i[1].0 < i[0].1
        })
        .count();

    let mut holds: Vec<usize> = hold_turns.to_vec();
    holds.sort_unstable();
    holds.dedup();
    // A hold lasts from the last word said after the announcement (the customer's "sure",
    // not a platform's "[hold started]") until the agent speaks again; two announcements of
    // one hold (the agent's, then the platform's) end at the same return and count once.
    let mut by_return: Vec<(usize, f64)> = holds
        .iter()
        .filter_map(|&h| {
            let announced_end = intervals.get(h)?.1;
            let back = (h + 1..turns.len()).find(|&j| turns[j].role == Role::Agent)?;
            let last_word = (h + 1..back)
                .filter(|&k| turns[k].role != Role::System)
                .map(|k| intervals[k].1)
                .fold(announced_end, f64::max);
            Some((back, (intervals[back].0 - last_word).max(0.0)))
        })
        .collect();
    by_return.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    by_return.dedup_by_key(|(back, _)| *back);
    let hold_s: f64 = by_return
        .iter()
        .map(|(_, gap)| gap)
        // A fold from +0.0: `sum` of nothing is −0.0, which prints as "-0.0".
        .fold(0.0, |total, gap| total + gap);

    Mechanics {
        duration_s,
        agent_talk_s: Some(round_us(agent_s)),
        customer_talk_s: Some(round_us(customer_s)),
        talk_ratio: (agent_s + customer_s > 0.0)
            .then(|| round_us(agent_s / (agent_s + customer_s))),
        agent_wpm: wpm(agent_words, agent_s),
        customer_wpm: wpm(customer_words, customer_s),
        longest_silence_s: Some(round_us(longest)),
        non_talk_s: Some(round_us(silent)),
        overtalk: Some(overtalk),
        hold_s: Some(round_us(hold_s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(role: Role, text: &str, start: Option<f64>, end: Option<f64>) -> Turn {
        Turn {
            role,
            speaker: role.as_str().to_string(),
            text: text.to_string(),
            start,
            end,
        }
    }

    fn conv(turns: Vec<Turn>) -> Conversation {
        Conversation {
            id: "c".into(),
            turns,
            ..Conversation::default()
        }
    }

    /// Agent 0–6 (10 words), customer 5–9 (6 words, starts during the agent's turn),
    /// agent "please hold" 10–12 (3 words), 48 s of silence, agent 60–63 (4 words),
    /// customer 63.5–65.5 (2 words).
    fn call() -> Conversation {
        conv(vec![
            turn(
                Role::Agent,
                "Thanks for calling, this is Dana, how can I help?",
                Some(0.0),
                Some(6.0),
            ),
            turn(
                Role::Customer,
                "My card [PII] was charged twice.",
                Some(5.0),
                Some(9.0),
            ),
            turn(Role::Agent, "Please hold, thanks.", Some(10.0), Some(12.0)),
            turn(
                Role::Agent,
                "Thanks for holding, Ravi.",
                Some(60.0),
                Some(63.0),
            ),
            turn(Role::Customer, "Okay, great.", Some(63.5), Some(65.5)),
        ])
    }

    proptest::proptest! {
        #[test]
        fn ascii_word_count_matches_the_general_one(text in "[ -~\t\n\x0b\x0c\r]{0,40}") {
            let general = text
                .split_whitespace()
                .filter(|w| w.bytes().any(|b| b.is_ascii_alphanumeric()))
                .count();
            proptest::prop_assert_eq!(ascii_words(text.as_bytes()), general);
        }
    }

    #[test]
    fn hand_computed_call() {
        let m = mechanics(&call(), &[2]);
        assert_eq!(m.duration_s, Some(65.5));
        // Agent: 6 + 2 + 3 = 11 s; customer: 4 + 2 = 6 s.
        assert_eq!(m.agent_talk_s, Some(11.0));
        assert_eq!(m.customer_talk_s, Some(6.0));
        assert_eq!(m.talk_ratio, Some(round_us(11.0 / 17.0)));
        // Agent words 10 + 3 + 4 = 17 over 11 s; customer 6 + 2 = 8 over 6 s.
        assert_eq!(m.agent_wpm, Some(round_us(17.0 * 60.0 / 11.0)));
        assert_eq!(m.customer_wpm, Some(80.0));
        // Covered: 0–9, 10–12, 60–63, 63.5–65.5; gaps 1, 48, 0.5.
        assert_eq!(m.longest_silence_s, Some(48.0));
        assert_eq!(m.non_talk_s, Some(49.5));
        assert_eq!(m.overtalk, Some(1));
        assert_eq!(m.hold_s, Some(48.0));
    }

    #[test]
    fn a_hold_runs_from_the_customer_s_reply_to_the_agent_s_return() {
        // Announcement 10–12, the customer's "sure" 12–13, platform notices at 13 and 250
        // (not speech), the agent back at 250: 237 s on hold.
        let held = conv(vec![
            turn(Role::Customer, "My router is down.", Some(0.0), Some(5.0)),
            turn(
                Role::Agent,
                "Can I put you on hold?",
                Some(10.0),
                Some(12.0),
            ),
            turn(Role::Customer, "Sure.", Some(12.0), Some(13.0)),
            turn(Role::System, "[hold started]", Some(13.0), Some(13.0)),
            turn(Role::System, "[hold ended]", Some(250.0), Some(250.0)),
            turn(Role::Agent, "Thanks for holding.", Some(250.0), Some(252.0)),
        ]);
        assert_eq!(mechanics(&held, &[1]).hold_s, Some(237.0));
        // The platform's notice of the same hold ends at the same return: counted once.
        assert_eq!(mechanics(&held, &[1, 3]).hold_s, Some(237.0));
        // No agent comes back: no hold is measured.
        let left = conv(held.turns[..4].to_vec());
        assert_eq!(mechanics(&left, &[1]).hold_s, Some(0.0));
    }

    #[test]
    fn holds_out_of_range_or_repeated_count_once_or_not_at_all() {
        assert_eq!(mechanics(&call(), &[2, 2, 4, 99]).hold_s, Some(48.0));
        let none = mechanics(&call(), &[]).hold_s.expect("timed");
        // Positive zero: −0.0 == 0.0, but it prints as "-0.0" in JSON and CSV.
        assert_eq!(none.to_bits(), 0.0f64.to_bits());
    }

    #[test]
    fn impossible_timings_are_not_measured() {
        for (start, end) in [
            (-5.0, 1.0),
            (0.0, 1e15),
            (f64::NAN, 2.0),
            (3.0, f64::INFINITY),
        ] {
            let c = conv(vec![
                turn(Role::Agent, "please hold", Some(0.0), Some(2.0)),
                turn(Role::Customer, "ok", Some(start), Some(end)),
            ]);
            assert_eq!(mechanics(&c, &[0]), Mechanics::default(), "{start} {end}");
        }
        // A week-long messaging thread is believed.
        let c = conv(vec![
            turn(Role::Agent, "hi", Some(0.0), Some(1.0)),
            turn(Role::Customer, "hello", Some(604_800.0), Some(604_801.0)),
        ]);
        assert_eq!(mechanics(&c, &[]).duration_s, Some(604_801.0));
    }

    #[test]
    fn a_turn_inside_a_longer_one_leaves_no_silence() {
        let c = conv(vec![
            turn(Role::Agent, "a b c", Some(0.0), Some(10.0)),
            turn(Role::Customer, "mm", Some(2.0), Some(3.0)),
            turn(Role::Agent, "d", Some(12.0), Some(13.0)),
        ]);
        let m = mechanics(&c, &[]);
        // The union is 0–10 and 12–13: one 2 s gap, not 9 s after the customer's turn.
        assert_eq!(m.longest_silence_s, Some(2.0));
        assert_eq!(m.non_talk_s, Some(2.0));
        assert_eq!(m.overtalk, Some(1));
    }

    #[test]
    fn missing_timings_give_none() {
        let untimed = conv(vec![
            turn(Role::Agent, "hi", None, None),
            turn(Role::Customer, "hello", None, None),
        ]);
        assert_eq!(mechanics(&untimed, &[0]), Mechanics::default());
        // Starts only (chat exports): a duration, nothing that needs turn ends.
        let starts_only = conv(vec![
            turn(Role::Agent, "hi", Some(0.0), None),
            turn(Role::Customer, "hello", Some(42.5), None),
        ]);
        let m = mechanics(&starts_only, &[]);
        assert_eq!(m.duration_s, Some(42.5));
        assert_eq!(m.agent_talk_s, None);
        assert_eq!(m.overtalk, None);
    }

    #[test]
    fn silent_roles_have_no_rate() {
        let c = conv(vec![
            turn(Role::Bot, "Welcome", Some(0.0), Some(2.0)),
            turn(Role::Customer, "agent please", Some(2.0), Some(3.0)),
        ]);
        let m = mechanics(&c, &[]);
        assert_eq!(m.agent_talk_s, Some(0.0));
        assert_eq!(m.agent_wpm, None);
        assert_eq!(m.talk_ratio, Some(0.0));
        assert_eq!(m.customer_wpm, Some(120.0));
        assert_eq!(m.overtalk, Some(0));
    }
}
