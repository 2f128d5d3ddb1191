//! `name-overuse`: the customer's name said far more often than rapport needs.

use crate::analyse::Analysis;
use crate::detect::{Context, finding};
use crate::findings::Finding;

/// Fires once when the agent says the name at least `name_overuse_min_mentions` times and in
/// at least `name_overuse_rate` of its turns; the evidence is the mention that crossed the
/// threshold.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mentions = analysis.name_mentions();
    let agent_turns = analysis.turns_of(analysis.service).count();
    if agent_turns == 0 || mentions.len() < cx.policy.name_overuse_min_mentions {
        return Vec::new();
    }
    let rate = mentions.len() as f64 / agent_turns as f64;
    let mut turns_with_name: Vec<usize> = mentions.iter().map(|(t, _)| *t).collect();
    turns_with_name.dedup();
    // Spelling the name back in one turn is not over-use: the name must recur across turns.
    let coverage = turns_with_name.len() as f64 / agent_turns as f64;
    if coverage < cx.policy.name_overuse_rate {
        return Vec::new();
    }
    let (turn, token) = mentions[cx.policy.name_overuse_min_mentions - 1];
    let tok = &analysis.texts[turn].tokens[token];
    let name = analysis
        .customer_name
        .as_ref()
        .map_or("", |n| n.display.as_str());
    vec![finding(
        analysis,
        "name-overuse",
        turn,
        tok.start..tok.end,
        format!(
            "the {side} said the customer's name ({name}) {} times, in {} of {agent_turns} {side} turns ({rate:.2} per turn)",
            mentions.len(),
            turns_with_name.len(),
            side = analysis.service.as_str()
        ),
    )]
}
