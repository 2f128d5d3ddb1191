//! Empathy: the three EPITOME mechanisms (`empathy-reaction`, `empathy-interpretation`,
//! `empathy-exploration`) at weak or strong level, `generic-empathy`, `repeated-empathy` and
//! `missed-empathy`.
//!
//! A response is *strong* when it is specific: it shares content words with what the customer
//! said, or names a specific feeling or hardship. A generic line ("I understand how you feel")
//! is weak, and when nothing in it refers to the customer it is also `generic-empathy`.

mod cues;
mod customer;
mod feelings;
mod generic;
mod missed;
mod own_story;
mod questions;
mod repeated;
mod sentences;
mod turn;
mod words;

pub use customer::{distress, opportunity};
pub use turn::SentenceFacts;

use crate::analyse::Analysis;
use crate::detect::Context;
use crate::detect::lexicons::Mechanism;
use crate::findings::Finding;
use crate::model::Role;

use missed::missed_empathy;
use repeated::RepeatedLines;
use turn::AgentTurn;

impl Mechanism {
    /// The rule id of the mechanism.
    pub fn rule(self) -> &'static str {
        match self {
            Mechanism::Reaction => "empathy-reaction",
            Mechanism::Interpretation => "empathy-interpretation",
            Mechanism::Exploration => "empathy-exploration",
        }
    }
}

/// Empathy findings of the whole conversation.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut repeats = RepeatedLines::default();
    let mut empathic_turns = vec![false; analysis.texts.len()];
    let mut last_agent_turn: Option<usize> = None;
    for (i, turn, text) in analysis.turns_of(analysis.service) {
        // After a transfer another agent speaks: their "I'm sorry" repeats nobody's.
        if last_agent_turn.is_some_and(|a| another_agent(analysis, cx, a..i)) {
            repeats.clear();
        }
        last_agent_turn = Some(i);
        // Empathy answers something the customer shared: a greeting's "what's up?" or "what's
        // going on?" before the customer has said anything explores nothing.
        if analysis.previous_of(i, Role::Customer).is_none() {
            continue;
        }
        AgentTurn::new(analysis, cx, i, &turn.text, text).read(
            &mut repeats,
            &mut empathic_turns,
            &mut out,
        );
    }
    let missed = missed_empathy(analysis, cx, &empathic_turns, &out);
    out.extend(missed);
    out
}

/// Whether the agent who speaks at `turns.end` is another one than before `turns`: a turn
/// in `turns` not spoken by the customer tells of a transfer ("call transferred to Property
/// Claims", "I'll put you through now"), and the agent does not come back from the hold it
/// took ("thank you for holding, unfortunately the team are busy" is the same agent).
fn another_agent(analysis: &Analysis, cx: &Context, turns: std::ops::Range<usize>) -> bool {
    let back_from_hold = || {
        analysis.texts.get(turns.end).is_some_and(|t| {
            let norm = t.norm.trim_start_matches([' ']);
            let norm = norm.strip_prefix("okay ").unwrap_or(norm);
            ["thank", "thanks"].iter().any(|thanks| {
                norm.strip_prefix(thanks).is_some_and(|rest| {
                    [
                        " you for holding",
                        " for holding",
                        " you for waiting",
                        " for waiting",
                        " you for your patience",
                        " for your patience",
                    ]
                    .iter()
                    .any(|p| rest.starts_with(p))
                })
            })
        })
    };
    turns.clone().any(|k| {
        analysis.conversation.turns[k].role != Role::Customer
            && cx.hits[k]
                .events
                .iter()
                .any(|m| cx.lexicons.events.tag(m) == crate::detect::lexicons::Event::Transfer)
    }) && !back_from_hold()
}
