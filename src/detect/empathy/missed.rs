//! Missed empathy: replies that meet a customer's feeling without an empathy cue (waving off
//! their apology, reassuring their worry, owning the repeat), so no opportunity is missed.

use crate::analyse::text::TurnText;
use crate::analyse::{Analysis, TokenKind};
use crate::detect::Context;
use crate::model::Role;

use super::customer::tells_of_a_death;

/// Whether the reply owns what made the customer repeat themselves ("As I said, it's the
/// landline" — "Sorry, you did say that."): an apology or "you did say" meets exasperation at
/// repeating, though it is no empathy for a distress voiced in words of feeling.
pub(super) fn owns_the_repeat(
    analysis: &Analysis,
    cx: &Context,
    turn: usize,
    reply: usize,
) -> bool {
    if !cx.hits[turn].distress.is_empty()
        || crate::detect::repetition::says_they_repeat(analysis, cx, turn).is_none()
    {
        return false;
    }
    let text = &analysis.texts[reply];
    (0..text.tokens.len()).any(|k| match text.word(k) {
        "sorry" | "apologies" | "apologise" | "apologize" => true,
        "you" => matches!(
            text.word(k + 1),
            "did" | "said" | "mentioned" | "told" | "explained"
        ),
        _ => false,
    })
}

/// Whether customer turn `i` mentions again a death the agent already met with sympathy
/// ("It went out after he died", about a refund, or "I've been doing all the funeral stuff",
/// after "I'm very sorry for your loss"): its only distress phrase is the death or the funeral,
/// and an earlier customer turn told of one whose reply was
/// empathic.
pub(super) fn death_already_acknowledged(
    analysis: &Analysis,
    cx: &Context,
    i: usize,
    empathic_turns: &[bool],
) -> bool {
    let hits = &cx.hits[i].distress;
    !hits.is_empty()
        && hits.iter().all(|m| {
            matches!(
                cx.lexicons.distress.said(m),
                "died" | "passed away" | "funeral"
            )
        })
        && analysis
            .turns_of(Role::Customer)
            .take_while(|(c, _, _)| *c < i)
            .any(|(c, _, text)| {
                tells_of_a_death(text)
                    && analysis
                        .next_of(c, Role::Agent)
                        .is_some_and(|reply| reply < i && empathic_turns[reply])
            })
}

/// Whether customer turn `i` voices only a worry or a fear ("that's what I was worried about, I
/// had it in my head they'd cut it off") and the reply opens by denying what was feared ("no
/// nothing like that, the supply stays exactly as it is"): reassurance meets a worry.
pub(super) fn reassures_their_worry(
    analysis: &Analysis,
    cx: &Context,
    i: usize,
    reply: usize,
) -> bool {
    let hits = &cx.hits[i].distress;
    let only_worry = !hits.is_empty()
        && hits.iter().all(|m| {
            matches!(
                cx.lexicons.distress.said(m),
                "worried" | "scared" | "anxious" | "panicking"
            )
        });
    let text = &analysis.texts[reply];
    let mut words = text
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.norm.as_str())
        .skip_while(|w| matches!(*w, "oh" | "ah" | "honestly" | "gosh"));
    only_worry
        && matches!(
            (words.next(), words.next()),
            (Some("no" | "nothing" | "not"), _)
                | (Some("it" | "you" | "they" | "that"), Some("won't" | "wont"))
        )
}

/// Whether a reply opens by waving off the customer's apology ("I'm sorry for getting upset."
/// — "Honestly, please don't be."; "Sorry, it's not my account" — "Not at all, anyone can
/// report a leak"; "Sorry, my handwriting is terrible" — "It wasn't your handwriting at all"):
/// kindness that meets the feeling, though it names none.
pub(super) fn waves_off_their_apology(customer: &TurnText, reply: &TurnText) -> bool {
    let apologises = customer
        .tokens
        .iter()
        .any(|t| matches!(t.norm.as_str(), "sorry" | "apologise" | "apologize"));
    let Some(first) = reply.sentences.first().filter(|_| apologises) else {
        return false;
    };
    let mut words = reply.tokens[first.tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.norm.as_str())
        .peekable();
    // A letter's "Dear Joy," comes before the reply itself.
    if words.peek() == Some(&"dear") {
        words.nth(1);
    }
    let words: Vec<&str> = words
        .skip_while(|w| {
            matches!(
                *w,
                "honestly" | "oh" | "no" | "please" | "really" | "aw" | "ah"
            )
        })
        .collect();
    // "Not at all, anyone can report a leak", "No worries at all", "Don't worry about that".
    matches!(
        words.as_slice(),
        ["don't" | "dont", "be"]
            | ["do", "not", "be"]
            | ["not", "at", "all", ..]
            | ["worries" | "problem", ..]
            | ["don't" | "dont", "worry", ..]
            | ["do", "not", "worry", ..]
            | ["not", "your", "fault", ..]
    ) || match words.as_slice() {
        // "Sorry, my handwriting is terrible" — "It wasn't your handwriting at all; I typed it
        // wrong": the customer's self-blame taken off them (not "it isn't your account number
        // we need").
        [
            "it" | "that",
            "wasn't" | "isn't" | "wasnt" | "isnt",
            "your",
            rest @ ..,
        ]
        | ["it" | "that", "was" | "is", "not", "your", rest @ ..] => rest.first().is_none_or(|w| {
            !matches!(
                *w,
                "account"
                    | "number"
                    | "reference"
                    | "card"
                    | "email"
                    | "address"
                    | "postcode"
                    | "order"
                    | "policy"
                    | "name"
                    | "date"
                    | "password"
                    | "code"
                    | "details"
            )
        }),
        _ => false,
    }
}
