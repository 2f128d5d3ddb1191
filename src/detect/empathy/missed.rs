//! Missed empathy: a customer turn that called for empathy answered by an agent turn with none,
//! unless the reply meets the feeling without an empathy cue (waving off their apology,
//! reassuring their worry, owning the repeat).

use crate::analyse::text::TurnText;
use crate::analyse::{Analysis, TokenKind};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

use super::another_agent;
use super::customer::{distress, tells_of_a_death};

/// The `missed-empathy` findings. Missed opportunities: distress followed by an agent turn
/// with no empathy at all (not in `empathic_turns`), or only empathy lines it had said before
/// (its `repeated-empathy` findings among those `found`).
pub(super) fn missed_empathy(
    analysis: &Analysis,
    cx: &Context,
    empathic_turns: &[bool],
    found: &[Finding],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, _, _) in analysis.turns_of(Role::Customer) {
        let Some(reply) = analysis.next_of(i, analysis.service) else {
            continue;
        };
        // Only the agent's direct answer counts: a later customer turn means the moment passed.
        // (Checked first: distress may need the turn's sentiment, the costlier test.)
        if analysis
            .next_of(i, Role::Customer)
            .is_some_and(|c| c < reply)
            || empathic_turns[reply]
            // Relief ("Oh that's good, I was worried I'd have no card") wants no comfort.
            || crate::detect::resolution::relieved(&analysis.texts[i])
        {
            continue;
        }
        // A wave-off of the customer's apology or reassurance of their worry meets the
        // feeling; a death already met with condolences is not news; and the agent a transfer
        // brings in did not hear it.
        if waves_off_their_apology(&analysis.texts[i], &analysis.texts[reply])
            || reassures_their_worry(analysis, cx, i, reply)
            || death_already_acknowledged(analysis, cx, i, empathic_turns)
            || owns_the_repeat(analysis, cx, i, reply)
            || puts_it_first(&analysis.texts[reply])
            || another_agent(analysis, cx, i + 1..reply)
        {
            continue;
        }
        let Some((_, evidence)) = distress(analysis, cx, i) else {
            continue;
        };
        let text = &analysis.texts[reply];
        let span = text.sentences.first().map_or(0..0, |s| s.start..s.end);
        let recycled = found
            .iter()
            .any(|f| f.turn == reply && f.rule == "repeated-empathy");
        let reply_does = if recycled {
            "this reply only repeats an empathy line said before"
        } else {
            "this reply does not acknowledge it"
        };
        out.push(finding(
            analysis,
            "missed-empathy",
            reply,
            span,
            format!("the customer's turn {i} called for empathy ({evidence}); {reply_does}"),
        ));
    }
    out
}

/// Whether the reply makes the case a priority because of what the customer told ("I had a
/// fall in March, that's why I've got it [the alarm]" — "Right. Then this is a priority. I'm
/// putting it down as an urgent repair."): care shown by acting on it. Not "it isn't urgent",
/// "there's nothing urgent" or "we can't prioritise it".
fn puts_it_first(reply: &TurnText) -> bool {
    reply.sentences.iter().any(|s| {
        let words = || {
            reply.tokens[s.tokens.clone()]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.norm.as_str())
        };
        words().any(|w| {
            matches!(
                w,
                "priority" | "urgent" | "urgently" | "prioritise" | "prioritize"
            )
        }) && !words().any(|w| {
            // Contractions typed with or without the apostrophe ("isn't", "dont") by the
            // table that expands them for phrase matching.
            matches!(
                w,
                "not" | "no" | "nothing" | "none" | "never" | "cannot" | "wont"
            ) || w.ends_with("n't")
                || crate::analyse::text::expand_contraction(w)
                    .is_some_and(|parts| matches!(parts.last(), Some(&("not" | "cannot"))))
        })
    })
}

/// Whether the reply owns what made the customer repeat themselves ("As I said, it's the
/// landline" — "Sorry, you did say that."): an apology or "you did say" meets exasperation at
/// repeating, though it is no empathy for a distress voiced in words of feeling.
fn owns_the_repeat(analysis: &Analysis, cx: &Context, turn: usize, reply: usize) -> bool {
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
fn death_already_acknowledged(
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
                        .next_of(c, analysis.service)
                        .is_some_and(|reply| reply < i && empathic_turns[reply])
            })
}

/// Whether customer turn `i` voices only a worry or a fear ("that's what I was worried about, I
/// had it in my head they'd cut it off", "I haven't slept right since") and the reply opens by
/// denying what was feared ("no nothing like that, the supply stays exactly as it is") or by
/// telling them the fear is common ("That's really common, and the TV programmes don't help",
/// "you're not the only one"): reassurance meets a worry.
fn reassures_their_worry(analysis: &Analysis, cx: &Context, i: usize, reply: usize) -> bool {
    let hits = &cx.hits[i].distress;
    let only_worry = !hits.is_empty()
        && hits.iter().all(|m| {
            let said = cx.lexicons.distress.said(m);
            matches!(said, "worried" | "scared" | "anxious" | "panicking")
                || ["nervous", "terrified", "petrified", "frightened", "slept"]
                    .iter()
                    .any(|fear| said.ends_with(fear))
        });
    if !only_worry {
        return false;
    }
    let text = &analysis.texts[reply];
    let words: Vec<&str> = text
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.norm.as_str())
        .skip_while(|w| matches!(*w, "oh" | "ah" | "honestly" | "gosh" | "well"))
        .take(6)
        .collect();
    let denies = matches!(
        words.as_slice(),
        ["no" | "nothing" | "not", ..] | ["it" | "you" | "they" | "that", "won't" | "wont", ..]
    );
    // "That's really common", "it's completely normal", "you're not the only one".
    let normalises = match words.as_slice() {
        ["that's" | "it's" | "thats" | "its", rest @ ..] | ["that" | "it", "is", rest @ ..] => {
            let rest = match rest {
                [
                    "really" | "very" | "so" | "completely" | "perfectly" | "quite",
                    tail @ ..,
                ] => tail,
                _ => rest,
            };
            matches!(rest.first(), Some(&("common" | "normal" | "natural")))
        }
        ["you're" | "youre", "not", "the", "only" | "first", ..]
        | ["you", "are", "not", "the", "only" | "first", ..] => true,
        _ => false,
    };
    denies || normalises
}

/// Whether a reply opens by waving off the customer's apology ("I'm sorry for getting upset."
/// — "Honestly, please don't be."; "Sorry, it's not my account" — "Not at all, anyone can
/// report a leak"; "Sorry, my handwriting is terrible" — "It wasn't your handwriting at all"):
/// kindness that meets the feeling, though it names none.
fn waves_off_their_apology(customer: &TurnText, reply: &TurnText) -> bool {
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
