//! Friction in the exchange itself: `correction` (the customer has to correct the agent or
//! have a check redone) and `agent-failure` (the agent says it cannot find or do what was
//! asked). Both make the customer work harder for the same result.

use crate::analyse::{Analysis, TokenKind};
use crate::detect::events::{conditional, negated};
use crate::detect::lexicons::{Correction, Repetition};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

/// Opening words that reject what the agent just said or proposed.
const REJECTIONS: &[&str] = &["no", "nope", "nah", "negative"];

/// Both friction rules.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = corrections(analysis, cx);
    out.extend(failures(analysis, cx));
    out
}

/// One `correction` per customer turn: an explicit marker, or an opening "no" followed by a
/// restatement of what the customer wants (not a polite decline, not a plain answer).
fn corrections(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let lex = &cx.lexicons.correction;
    let mut out = Vec::new();
    for (i, _, text) in analysis.turns_of(Role::Customer) {
        let hits = &cx.hits[i];
        // The customer must have said something the agent could get wrong, and the agent
        // must have answered it.
        let Some(first) = analysis.turns_of(Role::Customer).next().map(|(f, _, _)| f) else {
            continue;
        };
        let answered = (first + 1..i)
            .any(|a| matches!(analysis.conversation.turns[a].role, Role::Agent | Role::Bot));
        if i == first || !answered {
            continue;
        }
        let tagged = |tag: Correction| hits.correction.iter().filter(move |m| lex.tag(m) == tag);
        if let Some(m) = tagged(Correction::Marker).next() {
            out.push(finding(
                analysis,
                "correction",
                i,
                m.span.clone(),
                format!("the customer corrects the agent (\"{}\")", lex.said(m)),
            ));
            continue;
        }
        let opens_with_no = text
            .tokens
            .first()
            .is_some_and(|t| t.kind == TokenKind::Word && REJECTIONS.contains(&t.norm.as_str()));
        // "No, I said …" is already charged as a repetition.
        if !opens_with_no
            || hits
                .repetition
                .iter()
                .any(|m| cx.lexicons.repetition.tag(m) != Repetition::Insisted)
            || crate::detect::repetition::insists(analysis, cx, i)
            || tagged(Correction::Decline).next().is_some()
            || tagged(Correction::Denial).any(|m| m.tokens.start == 0)
        {
            continue;
        }
        // The restatement must belong to the rejecting sentence or the one after it.
        let within = text
            .sentences
            .get(1)
            .map_or(text.tokens.len(), |s| s.tokens.end);
        if let Some(m) =
            tagged(Correction::Restate).find(|m| m.tokens.start >= 1 && m.tokens.start < within)
        {
            let start = text.tokens[0].start;
            out.push(finding(
                analysis,
                "correction",
                i,
                start..m.span.end,
                format!(
                    "the customer rejects what was understood and restates it (\"{}\")",
                    &analysis.conversation.turns[i].text[start..m.span.end]
                ),
            ));
        } else if let Some(k) = other_value(analysis, i, within) {
            let start = text.tokens[0].start;
            let end = text.tokens[k].end;
            out.push(finding(
                analysis,
                "correction",
                i,
                start..end,
                format!(
                    "the customer rejects what the agent proposed and gives another value (\"{}\")",
                    &analysis.conversation.turns[i].text[start..end]
                ),
            ));
        }
    }
    out
}

/// The kind of value a word names, for telling "no, size 9" from "no, that's right": a figure
/// (digits or a number word), a day, a month, a colour or a clothing size.
fn value_kind(token: &crate::analyse::Token) -> Option<u8> {
    if token.kind == TokenKind::Number {
        return Some(0);
    }
    if token.kind != TokenKind::Word {
        return None;
    }
    match without_possessive(token) {
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        | "eleven" | "twelve" | "fifteen" | "twenty" | "thirty" | "forty" | "fifty" | "hundred" => {
            Some(0)
        }
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        | "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun" => {
            Some(1)
        }
        "january" | "february" | "march" | "april" | "june" | "july" | "august" | "september"
        | "october" | "november" | "december" | "jan" | "feb" | "apr" | "jun" | "jul" | "aug"
        | "sep" | "sept" | "oct" | "nov" | "dec" => Some(2),
        "black" | "white" | "grey" | "gray" | "red" | "blue" | "green" | "navy" | "pink"
        | "purple" | "yellow" | "orange" | "brown" | "silver" | "gold" | "beige" | "cream" => {
            Some(3)
        }
        "small" | "medium" | "large" | "xs" | "xl" | "xxl" => Some(4),
        _ => None,
    }
}

/// A token's word without a possessive "'s" ("Tuesday's" is "tuesday").
fn without_possessive(token: &crate::analyse::Token) -> &str {
    token.norm.strip_suffix("'s").unwrap_or(&token.norm)
}

/// The token of customer turn `i` that names, straight after its opening "no", another value
/// of a kind the agent's turn just before named: "no, size 9 please" after "I can swap them to
/// a size 8", "No, Thursday." after "I've booked the engineer for Tuesday", "no no nine" after a
/// read-back. Only more "no"s and the agent's own words ("size", "the") may come between, and
/// only before token `within`: "no, that's right" names no value, "no, 8 is too early" the
/// agent's own, and "No, just the one" answers "Do you have two workspaces?" without putting
/// anything right.
fn other_value(analysis: &Analysis, i: usize, within: usize) -> Option<usize> {
    let turns = &analysis.conversation.turns;
    let agent = (0..i)
        .rev()
        .find(|&j| turns[j].role != Role::System)
        .filter(|&j| matches!(turns[j].role, Role::Agent | Role::Bot))?;
    let proposed = &analysis.texts[agent].tokens;
    let tokens = &analysis.texts[i].tokens;
    let k = (1..within.min(5).min(tokens.len())).find(|&k| {
        let word = without_possessive(&tokens[k]);
        !(REJECTIONS.contains(&word) || proposed.iter().any(|t| without_possessive(t) == word))
    })?;
    let kind = value_kind(&tokens[k])?;
    proposed
        .iter()
        .any(|t| value_kind(t) == Some(kind))
        .then_some(k)
}

/// The failure phrase of an agent or bot turn that says it cannot find or do what was asked:
/// not negated, not a condition ("if it is not available, …"), not said of someone else.
pub(crate) fn failure_in<'a>(
    analysis: &Analysis,
    cx: &'a Context,
    i: usize,
) -> Option<&'a crate::lexicon::PhraseMatch> {
    if !matches!(analysis.conversation.turns[i].role, Role::Agent | Role::Bot) {
        return None;
    }
    let text = &analysis.texts[i];
    // "Invoices you can't send" is the customer's plight, not the agent's failure.
    let someone_else = |start: usize| {
        start > 0 && matches!(text.word(start - 1), "you" | "u" | "they" | "he" | "she")
    };
    // "I've flagged your record so it can't be cancelled" is a safeguard put in place.
    let purpose = |start: usize| {
        start >= 2
            && matches!(text.word(start - 1), "it" | "they" | "this" | "that")
            && matches!(text.word(start - 2), "so" | "that")
    };
    // "That's all booked", "you're all booked in": done, where "Saturday is all booked" is
    // full.
    let booked_for_them = |m: &crate::lexicon::PhraseMatch| {
        cx.lexicons.failure.said(m).ends_with("all booked")
            && (matches!(text.word(m.tokens.start), "that's" | "you're" | "youre")
                || (m.tokens.start > 0 && matches!(text.word(m.tokens.start - 1), "that" | "you")))
    };
    // "I couldn't find any problems with your account", "I don't see any late fees": the
    // search found nothing wrong, which is good news.
    let nothing_wrong = |m: &crate::lexicon::PhraseMatch| {
        (m.tokens.end..(m.tokens.end + 4).min(text.tokens.len()))
            .find(|&k| !matches!(text.word(k), "any" | "anything" | "no" | "late" | "other"))
            .is_some_and(|k| {
                matches!(text.word(k - 1), "any" | "anything" | "late" | "other")
                    && matches!(
                        text.word(k),
                        "problem"
                            | "problems"
                            | "issue"
                            | "issues"
                            | "fault"
                            | "faults"
                            | "error"
                            | "errors"
                            | "fees"
                            | "fee"
                            | "charges"
                            | "debt"
                            | "arrears"
                            | "wrong"
                            | "unusual"
                            | "suspicious"
                    )
            })
    };
    cx.hits[i].failure.iter().find(|m| {
        !negated(text, m.tokens.start)
            && !conditional(text, m.tokens.start)
            && !someone_else(m.tokens.start)
            && !purpose(m.tokens.start)
            && !booked_for_them(m)
            && !nothing_wrong(m)
    })
}

/// One `agent-failure` per agent or bot turn that says it cannot find or do what was asked.
fn failures(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, turn, _) in analysis.turns() {
        if let Some(m) = failure_in(analysis, cx, i) {
            out.push(finding(
                analysis,
                "agent-failure",
                i,
                m.span.clone(),
                format!(
                    "the {} cannot deliver what was asked (\"{}\")",
                    turn.role.as_str(),
                    cx.lexicons.failure.said(m)
                ),
            ));
        }
    }
    out
}
