//! Detectors: each a pure function from an analysed conversation (plus the shared lexicons
//! and the policy) to findings. Weights are filled in later by [`crate::score`].

pub mod canned;
pub mod deflection;
pub mod empathy;
pub mod events;
pub mod friction;
pub mod lexicons;
pub mod names;
pub mod pasted;
pub mod repetition;
pub mod resolution;
pub mod scripts;
pub mod thanks;

use std::ops::Range;
use std::sync::Arc;

use crate::analyse::Analysis;
use crate::findings::Finding;
use crate::policy::Policy;
use crate::rules::rule;
use crate::scripts::ScriptModel;
pub use lexicons::{Lexicons, TurnHits};

/// What every detector may read besides the conversation.
pub struct Context<'a> {
    /// Thresholds and weights.
    pub policy: &'a Policy,
    /// The compiled phrase lexicons.
    pub lexicons: &'a Lexicons,
    /// Every lexicon's matches in each turn, aligned with the turns (shared, so that a line
    /// that recurs verbatim can be scanned once).
    pub hits: Vec<Arc<TurnHits>>,
    /// The corpus script model, when one was given.
    pub scripts: Option<&'a ScriptModel>,
    /// The customer's closing turns, read when first needed (see
    /// [`resolution::closing_sentiment`]).
    closing_turns: std::cell::OnceCell<Vec<resolution::ClosingTurn>>,
    /// Each turn's distress and its evidence, read when first asked for (see
    /// [`empathy::customer::distress`]): the opportunity and `missed-empathy` both ask.
    distress: Vec<std::cell::OnceCell<Option<Evidence>>>,
}

/// A span of a turn's text and what it shows ("distress phrase \"at my wits' end\"").
pub type Evidence = (Range<usize>, String);

impl<'a> Context<'a> {
    /// A context from each turn's lexicon matches, found by `lexicons` (see
    /// [`crate::memo::TurnMemo::analysed_turn`]).
    pub fn with_hits(
        hits: Vec<Arc<TurnHits>>,
        policy: &'a Policy,
        lexicons: &'a Lexicons,
    ) -> Context<'a> {
        Context {
            policy,
            lexicons,
            scripts: None,
            closing_turns: std::cell::OnceCell::new(),
            distress: vec![std::cell::OnceCell::new(); hits.len()],
            hits,
        }
    }
}

/// A finding on `span` of turn `turn`, quoting the text there; its weight is set by scoring.
pub fn finding(
    analysis: &Analysis,
    rule_id: &str,
    turn: usize,
    span: Range<usize>,
    detail: String,
) -> Finding {
    let text = &analysis.conversation.turns[turn].text;
    let span = if span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
    {
        span
    } else {
        0..text.len()
    };
    Finding {
        rule: rule_id.to_string(),
        turn,
        speaker: analysis.conversation.turns[turn].role,
        start: span.start,
        end: span.end,
        quote: text[span].to_string(),
        weight: 0.0,
        score: rule(rule_id).and_then(|r| r.score),
        level: None,
        detail,
    }
}

/// Runs every detector in a fixed order; the result is sorted by turn, then position.
pub fn detect_all(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    // Room for the usual count (5-9 a conversation on the corpora at hand, rarely over 16),
    // so that adding each detector's findings rarely moves the ones before.
    let mut findings = Vec::with_capacity(16);
    findings.extend(names::detect(analysis, cx));
    findings.extend(canned::detect(analysis, cx));
    findings.extend(empathy::detect(analysis, cx));
    findings.extend(repetition::detect(analysis, cx));
    findings.extend(events::detect(analysis, cx));
    findings.extend(deflection::detect(analysis, cx));
    findings.extend(friction::detect(analysis, cx));
    findings.extend(resolution::detect(analysis, cx));
    findings.extend(scripts::detect(analysis, cx));
    findings.extend(pasted::detect(analysis, cx));
    findings.extend(thanks::detect(analysis, cx));
    findings.retain(|f| cx.policy.enabled(&f.rule));
    sort_findings(&mut findings);
    findings
}

/// Orders findings by turn, start, end and rule, so output never depends on detector order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.turn, a.start, a.end)
            .cmp(&(b.turn, b.start, b.end))
            .then_with(|| a.rule.cmp(&b.rule))
    });
}
