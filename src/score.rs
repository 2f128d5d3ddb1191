//! From findings and metrics to the three scores: a transparent sum of rule weights, each
//! capped per conversation, with the points every finding gave written back into it.
//!
//! - sincerity = 100 + Σ sincerity weights (all negative), clamped to 0–100;
//! - empathy = base + Σ empathy weights, clamped to 0–100, where base is `empathy_base` when the
//!   customer's words call for empathy (distress, a life event at stake, repeating themselves)
//!   and `empathy_neutral` otherwise (no opportunity is no fault);
//!   empathy from a scripted or generic line counts `scripted_empathy_factor` of its weight,
//!   and empathy said again (a repeated line, a phrase said by habit, a pasted message sent
//!   again) counts nothing: it was counted the first time;
//! - effort = Σ effort weights + length beyond `effort_typical_customer_turns` + hold minutes
//!   (measured, or reported by the platform's events) + queue minutes (reported, capped),
//!   clamped to 0–100; `closing-sentiment` gives its weight times the shortfall of the
//!   customer's closing sentiment below `closing_sentiment_anchor`.

use crate::findings::{EmpathyLevels, Finding, ScoreKind, Scores};
use crate::policy::Policy;
use crate::rules::rule;

/// Rounds to one decimal, so scores print stably.
pub fn round1(x: f64) -> f64 {
    // `+ 0.0` turns −0.0 (a negative weight scaled to nothing) into 0.0.
    (x * 10.0).round() / 10.0 + 0.0
}

/// Extra effort inputs that are not findings.
#[derive(Debug, Clone, Copy, Default)]
pub struct EffortExtras {
    /// Customer turns in the conversation.
    pub customer_turns: usize,
    /// Seconds of hold, measured from timings or reported by the platform's events.
    pub hold_s: Option<f64>,
    /// Seconds waited in the queue, as the platform's events report it.
    pub queue_s: Option<f64>,
    /// Mean sentiment of the customer's closing turns
    /// ([`crate::detect::resolution::closing_sentiment`]).
    pub closing_sentiment: Option<f64>,
}

/// Sets each finding's weight under the policy (respecting caps, in finding order) and
/// returns the scores.
pub fn score(
    findings: &mut [Finding],
    opportunity: bool,
    extras: EffortExtras,
    policy: &Policy,
) -> Scores {
    // (turn, start, end) of the findings of these rules.
    let spans_of = |rules: &[&str]| -> Vec<(usize, usize, usize)> {
        findings
            .iter()
            .filter(|f| rules.contains(&f.rule.as_str()))
            .map(|f| (f.turn, f.start, f.end))
            .collect()
    };
    let scripted_turn_sentences = spans_of(&["generic-empathy", "canned-phrase", "script-line"]);
    let repeated_turn_sentences = spans_of(&["repeated-empathy", "repeated-message"]);
    let within = |spans: &[(usize, usize, usize)], f: &Finding| {
        spans
            .iter()
            .any(|&(t, s, e)| t == f.turn && s < f.end && f.start < e)
    };
    // The points spent on each rule so far: a conversation's findings come from a handful of
    // rules, for which a short list searched in order is cheaper than a hash map.
    let mut used: Vec<(&str, f64)> = Vec::new();
    let mut totals = [0.0f64; 3];
    for f in findings.iter_mut() {
        let Some(r) = rule(&f.rule) else { continue };
        let Some(kind) = r.score else { continue };
        let mut points = policy.weight(r);
        if r.id == "closing-sentiment" {
            let anchor = policy.closing_sentiment_anchor;
            points *= (anchor - extras.closing_sentiment.unwrap_or(anchor)).max(0.0);
        }
        if let Some(level) = f.level {
            if level < 2 {
                points /= 2.0;
            }
            if points > 0.0 {
                if within(&repeated_turn_sentences, f) {
                    points = 0.0;
                } else if within(&scripted_turn_sentences, f) {
                    points *= policy.scripted_empathy_factor;
                }
            }
        }
        let cap = policy.cap(r);
        let spent = match used.iter().position(|&(id, _)| id == r.id) {
            Some(k) => &mut used[k].1,
            None => {
                used.push((r.id, 0.0));
                &mut used.last_mut().expect("a rule was just added").1
            }
        };
        let room = (cap - *spent).max(0.0);
        let applied = points.signum() * points.abs().min(room);
        *spent += applied.abs();
        f.weight = round1(applied);
        totals[kind.index()] += applied;
    }
    let [empathy, sincerity, effort] = totals;
    let extra_turns = extras
        .customer_turns
        .saturating_sub(policy.effort_typical_customer_turns);
    let length = (extra_turns as f64 * policy.effort_per_extra_turn).min(policy.effort_length_cap);
    let hold = extras.hold_s.unwrap_or(0.0) / 60.0 * policy.hold_weight_per_minute;
    let queue = (extras.queue_s.unwrap_or(0.0) / 60.0 * policy.queue_weight_per_minute)
        .min(policy.queue_cap);
    let base = if opportunity {
        policy.empathy_base
    } else {
        policy.empathy_neutral
    };
    Scores {
        empathy: round1((base + empathy).clamp(0.0, 100.0)),
        sincerity: round1((100.0 + sincerity).clamp(0.0, 100.0)),
        effort: round1((effort + length + hold + queue).clamp(0.0, 100.0)),
    }
}

/// EPITOME levels of turn `turn` (or of the whole conversation with `None`): the best level
/// of each mechanism among the findings.
pub fn empathy_levels(findings: &[Finding], turn: Option<usize>) -> EmpathyLevels {
    let mut levels = EmpathyLevels::default();
    for f in findings.iter().filter(|f| turn.is_none_or(|t| t == f.turn)) {
        let level = f.level.unwrap_or(0);
        let slot = match f.rule.as_str() {
            "empathy-reaction" => &mut levels.reaction,
            "empathy-interpretation" => &mut levels.interpretation,
            "empathy-exploration" => &mut levels.exploration,
            _ => continue,
        };
        *slot = (*slot).max(level);
    }
    levels
}

impl ScoreKind {
    /// Position in the totals array of [`score`].
    const fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(rule: &str, turn: usize, level: Option<u8>) -> Finding {
        Finding {
            rule: rule.into(),
            turn,
            speaker: crate::model::Role::Agent,
            start: 0,
            end: 5,
            quote: String::new(),
            weight: 0.0,
            score: crate::rules::rule(rule).and_then(|r| r.score),
            level,
            detail: String::new(),
        }
    }

    #[test]
    fn caps_and_weights_are_written_back() {
        let policy = Policy::default();
        let mut fs: Vec<Finding> = (0..10).map(|t| f("canned-phrase", t, None)).collect();
        let s = score(&mut fs, false, EffortExtras::default(), &policy);
        assert_eq!(fs[0].weight, -4.0);
        assert_eq!(fs[9].weight, 0.0, "past the cap a finding gives nothing");
        assert_eq!(s.sincerity, 76.0);
        assert_eq!(s.empathy, policy.empathy_neutral);
        assert_eq!(s.effort, 0.0);
    }

    #[test]
    fn weak_and_scripted_empathy_count_less() {
        let policy = Policy::default();
        let mut fs = vec![
            f("empathy-reaction", 1, Some(2)),
            f("empathy-interpretation", 3, Some(1)),
        ];
        let s = score(&mut fs, true, EffortExtras::default(), &policy);
        assert_eq!(fs[0].weight, 16.0);
        assert_eq!(fs[1].weight, 10.0);
        assert_eq!(s.empathy, policy.empathy_base + 26.0);
        let mut fs = vec![
            f("empathy-interpretation", 3, Some(1)),
            f("generic-empathy", 3, None),
        ];
        let s = score(&mut fs, true, EffortExtras::default(), &policy);
        assert_eq!(fs[0].weight, 0.0, "a generic line earns nothing by default");
        assert_eq!(s.empathy, policy.empathy_base);
        // A policy may give it a share; said again it still earns nothing, as it was counted
        // the first time.
        let policy = Policy {
            scripted_empathy_factor: 0.25,
            ..Policy::default()
        };
        let mut fs = vec![
            f("empathy-interpretation", 2, Some(1)),
            f("generic-empathy", 2, None),
            f("empathy-interpretation", 5, Some(1)),
            f("generic-empathy", 5, None),
            f("repeated-empathy", 5, None),
        ];
        let s = score(&mut fs, true, EffortExtras::default(), &policy);
        assert_eq!(fs[0].weight, 2.5);
        assert_eq!(fs[2].weight, 0.0);
        assert_eq!(s.empathy, policy.empathy_base + 2.5);
    }

    #[test]
    fn length_and_hold_add_effort() {
        let policy = Policy::default();
        let extras = EffortExtras {
            customer_turns: policy.effort_typical_customer_turns + 4,
            hold_s: Some(300.0),
            ..EffortExtras::default()
        };
        let s = score(&mut [], false, extras, &policy);
        assert_eq!(s.effort, 4.0 * policy.effort_per_extra_turn + 5.0);
    }

    #[test]
    fn a_queue_adds_effort_up_to_its_cap() {
        let policy = Policy::default();
        let queued = |minutes: f64| {
            let extras = EffortExtras {
                queue_s: Some(minutes * 60.0),
                ..EffortExtras::default()
            };
            score(&mut [], false, extras, &policy).effort
        };
        assert_eq!(queued(10.0), 10.0 * policy.queue_weight_per_minute);
        assert_eq!(queued(600.0), policy.queue_cap);
        assert!(queued(1.0) < queued(10.0));
    }

    #[test]
    fn closing_sentiment_counts_its_shortfall() {
        let policy = Policy::default();
        let extras = |s: f64| EffortExtras {
            closing_sentiment: Some(s),
            ..EffortExtras::default()
        };
        let mut fs = vec![f("closing-sentiment", 5, None)];
        let s = score(
            &mut fs,
            false,
            extras(policy.closing_sentiment_anchor - 0.2),
            &policy,
        );
        assert_eq!(fs[0].weight, 6.0);
        assert_eq!(s.effort, 6.0);
        let mut fs = vec![f("closing-sentiment", 5, None)];
        let s = score(&mut fs, false, extras(-1.0), &policy);
        assert_eq!(s.effort, 30.0, "capped");
    }
}
