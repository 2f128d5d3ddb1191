//! `unresolved`: the conversation ends without a resolution.

use crate::analyse::Analysis;
use crate::detect::lexicons::Ending;
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

/// How many closing turns are read for the outcome.
const CLOSING_TURNS: usize = 4;

/// Fires when the closing turns say it is not solved, or when a problem was raised and
/// nothing in the closing turns resolves it.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let turns = &analysis.conversation.turns;
    let first_closing = turns.len().saturating_sub(CLOSING_TURNS);
    let mut last_resolved: Option<usize> = None;
    let mut last_unresolved: Option<(usize, std::ops::Range<usize>, &str)> = None;
    for (i, turn) in turns.iter().enumerate().skip(first_closing) {
        if turn.role == Role::System {
            continue;
        }
        let text = &analysis.texts[i];
        if turn.role == Role::Customer
            && (text.norm.contains(" thank ") || text.norm.contains(" thanks "))
        {
            last_resolved = Some(i);
        }
        for m in cx.hits[i].ending.iter().cloned() {
            match cx.lexicons.ending.tag(m.entry) {
                Ending::Resolved => last_resolved = Some(i),
                Ending::Unresolved => {
                    last_unresolved = Some((i, m.span, cx.lexicons.ending.phrase(m.entry)))
                }
            }
        }
    }
    if let Some((i, span, phrase)) = last_unresolved {
        if last_resolved.is_none_or(|r| r <= i) {
            return vec![finding(
                analysis,
                "unresolved",
                i,
                span,
                format!("the conversation closes unresolved (\"{phrase}\")"),
            )];
        }
        return Vec::new();
    }
    if last_resolved.is_some() {
        return Vec::new();
    }
    let problem = analysis
        .turns_of(Role::Customer)
        .find_map(|(i, _, _)| cx.hits[i].problem.first().map(|m| (i, m)));
    let Some((at, m)) = problem else {
        return Vec::new();
    };
    let last = turns.len() - 1;
    let span = analysis.texts[last]
        .sentences
        .last()
        .map_or(0..0, |s| s.start..s.end);
    vec![finding(
        analysis,
        "unresolved",
        last,
        span,
        format!(
            "a problem was raised in turn {at} (\"{}\") and nothing in the closing turns resolves it",
            &turns[at].text[m.span.clone()]
        ),
    )]
}
