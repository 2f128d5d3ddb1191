//! How the conversation ends: `unresolved` (it ends without a resolution) and
//! `closing-sentiment` (the customer's closing turns fall short of a warm close).

use crate::analyse::{Analysis, TurnText};
use crate::detect::lexicons::{Ending, Thanks};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::lexicon::PhraseMatch;
use crate::model::Role;

/// How many closing turns are read for the outcome.
const CLOSING_TURNS: usize = 4;

/// Mean VADER compound of the customer's last `turns` turns (`sentiment` as in
/// [`Analysis::sentiment`]), leaving out the customer's first turn when there are others: the
/// opening states the problem, the close is the customer's verdict. Only those turns' sentiment
/// is worked out. `None` without customer turns.
pub fn closing_sentiment(analysis: &Analysis, turns: usize) -> Option<f64> {
    mean_sentiment(&closing_turns(analysis, turns))
}

/// The mean of the sentiments of `closing`; `None` when it is empty.
fn mean_sentiment(closing: &[(usize, f64)]) -> Option<f64> {
    (!closing.is_empty())
        .then(|| closing.iter().map(|(_, s)| s).sum::<f64>() / closing.len() as f64)
}

/// The customer's closing turns that [`closing_sentiment`] averages, each with its sentiment.
fn closing_turns(analysis: &Analysis, turns: usize) -> Vec<(usize, f64)> {
    let customer: Vec<usize> = analysis
        .turns_of(Role::Customer)
        .map(|(i, _, _)| i)
        .collect();
    let from = usize::from(customer.len() > 1).max(customer.len().saturating_sub(turns.max(1)));
    customer[from..]
        .iter()
        .filter_map(|&i| analysis.sentiment(i).map(|s| (i, s)))
        .collect()
}

/// Both ending rules.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = unresolved(analysis, cx);
    out.extend(closing_tone(analysis, cx));
    out
}

/// Fires when the mean sentiment of the customer's closing turns is below
/// `closing_sentiment_anchor`, on the least warm of them (the last of equals): that is the turn
/// that holds the close back. Scoring weighs it by how far below.
fn closing_tone(analysis: &Analysis, cx: &Context) -> Option<Finding> {
    let closing = closing_turns(analysis, cx.policy.closing_sentiment_turns);
    let mean = mean_sentiment(&closing)?;
    if mean >= cx.policy.closing_sentiment_anchor {
        return None;
    }
    let &(coolest, lowest) = closing
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let text = &analysis.texts[coolest];
    let span = text.sentences.first().map_or(0..0, |s| {
        s.start..text.sentences.last().map_or(s.end, |l| l.end)
    });
    let n = closing.len();
    let detail = if n == 1 {
        format!(
            "the customer's closing turn has sentiment {mean:+.2}, below a warm close ({:+.2})",
            cx.policy.closing_sentiment_anchor
        )
    } else {
        format!(
            "mean sentiment of the customer's last {n} turns is {mean:+.2}, below a warm close ({:+.2}); this turn is the least warm ({lowest:+.2})",
            cx.policy.closing_sentiment_anchor
        )
    };
    Some(finding(
        analysis,
        "closing-sentiment",
        coolest,
        span,
        detail,
    ))
}

/// Fires when the closing turns say it is not solved, or when a problem was raised and
/// nothing in the closing turns resolves it.
fn unresolved(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let turns = &analysis.conversation.turns;
    let first_closing = turns.len().saturating_sub(CLOSING_TURNS);
    let mut last_resolved: Option<usize> = None;
    let mut last_unresolved: Option<(usize, std::ops::Range<usize>, String)> = None;
    for (i, turn) in turns.iter().enumerate().skip(first_closing) {
        if turn.role == Role::System {
            continue;
        }
        let text = &analysis.texts[i];
        // Thanks close a resolved contact, but "thanks anyway" and "thanks for nothing" give
        // up on it.
        if turn.role == Role::Customer
            && (text.norm.contains(" thank ") || text.norm.contains(" thanks "))
            && !cx.hits[i]
                .thanks
                .iter()
                .any(|m| cx.lexicons.thanks.tag(m) == Thanks::Hollow)
        {
            last_resolved = Some(i);
        }
        for m in &cx.hits[i].ending {
            match cx.lexicons.ending.tag(m) {
                Ending::Resolved => last_resolved = Some(i),
                Ending::Committed if turn.role == Role::Agent => {
                    // "I'll book you a callback" defers the problem like "someone will call
                    // you back".
                    match callback_after(text, m) {
                        Some(end) => {
                            let said = cx.lexicons.ending.said(m);
                            last_unresolved =
                                Some((i, m.span.start..end, format!("{said} … a call back")))
                        }
                        None => last_resolved = Some(i),
                    }
                }
                Ending::Committed => {}
                Ending::Deferred if arranges_what_was_done(&analysis.texts[i], m) => {}
                // "Thanks for not wasting my time".
                Ending::Unresolved | Ending::Deferred if denied(&analysis.texts[i], m) => {}
                Ending::Unresolved | Ending::Deferred => {
                    last_unresolved =
                        Some((i, m.span.clone(), cx.lexicons.ending.said(m).to_string()))
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
    let problem = analysis.turns_of(Role::Customer).find_map(|(i, _, text)| {
        cx.hits[i]
            .problem
            .iter()
            .find(|m| !is_eagerness(text, m))
            .map(|m| (i, m))
    });
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

/// Whether somebody coming back to the customer does so to arrange what was done ("the
/// engineer is booked; they'll be in touch to confirm the time"), not to solve the problem.
fn arranges_what_was_done(text: &TurnText, m: &PhraseMatch) -> bool {
    text.word(m.tokens.end) == "to"
        && matches!(
            text.word(m.tokens.end + 1),
            "confirm" | "arrange" | "book" | "schedule" | "agree"
        )
}

/// Where the call back ends when what the agent undertakes is one ("I'll book you a
/// callback", "set up a call back from a manager"): a promise to come back to the customer,
/// not the fix. A byte offset in the turn's text.
fn callback_after(text: &TurnText, m: &PhraseMatch) -> Option<usize> {
    (m.tokens.end..(m.tokens.end + 4).min(text.tokens.len())).find_map(|k| {
        if matches!(text.word(k), "callback" | "call-back") {
            Some(text.tokens[k].end)
        } else if text.word(k) == "call" && text.word(k + 1) == "back" {
            Some(text.tokens[k + 1].end)
        } else {
            None
        }
    })
}

/// Whether the word just before a phrase denies it ("not wasting my time"). Only "not" and
/// "never": "no, nothing has changed" confirms what follows.
fn denied(text: &TurnText, m: &PhraseMatch) -> bool {
    m.tokens.start > 0 && matches!(text.word(m.tokens.start - 1), "not" | "never")
}

/// Whether a problem word is the "can't" of eagerness or praise ("I can't wait to see it",
/// "can't thank you enough", "can't complain"), which raises no problem.
fn is_eagerness(text: &TurnText, m: &PhraseMatch) -> bool {
    m.tokens.end > m.tokens.start
        && matches!(text.word(m.tokens.end - 1), "can't" | "cannot" | "cant")
        && matches!(
            text.word(m.tokens.end),
            "wait" | "thank" | "complain" | "recommend" | "praise"
        )
}
