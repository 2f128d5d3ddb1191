//! `repeated-message`: the agent sends a message again, word for word (or, for a long one, nearly
//! so), in the same conversation — a pasted macro answering whatever the customer said since
//! ("Under our Terms and Conditions, we are not liable…" twice in a row), a policy paragraph
//! read out again, or a long sentence of it pasted under a new opening.

use crate::analyse::text::overlap;
use crate::analyse::{Analysis, TokenKind, TurnText};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

/// Words a message needs before its repeat counts: "Okay, let me check." said twice is talk.
const MIN_WORDS: usize = 8;

/// Content words a long message needs before a near repeat of it counts ("Okay. So the policy
/// is: resident parking permits are issued only…" read out again as "So as per the policy:
/// resident parking permits…").
const MIN_CONTENT_NEAR: usize = 15;

/// Share of their content words (of all either has) two long messages must have in common to
/// be the same message read out again.
const NEAR_SHARE: f64 = 0.85;

/// Words a sentence needs before it counts as a pasted paragraph when it comes again inside a
/// different message ("I'm sorry to hear that, Kieran. For dental emergencies outside of
/// practice hours, please contact NHS 111…" and then "Thank you for your patience, Kieran. For
/// dental emergencies outside of practice hours…").
const MIN_PASTED_SENTENCE_WORDS: usize = 12;

/// One finding per agent turn that repeats an earlier agent turn of this conversation, word for
/// word or (for a long message) nearly so, unless the customer asked to hear it again or the
/// whole message is stock lines already flagged.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    // A handful of agent turns a conversation: a list compared by length first costs less
    // than hashing every message.
    let mut first_said: Vec<(usize, &str)> = Vec::new();
    let mut long_ones: Vec<(usize, &[u64])> = Vec::new();
    let mut long_sentences: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut out = Vec::new();
    for (i, turn, text) in analysis.turns_of(Role::Agent) {
        if words(text) < MIN_WORDS {
            continue;
        }
        let exact = first_said
            .iter()
            .find(|(_, said)| said.len() == text.norm.len() && *said == text.norm)
            .map(|&(at, _)| at);
        // A booking read back again with the time or the city the customer has just changed
        // ("…at 7 am for Phoenix…") is a new confirmation, not the same message.
        let near = || {
            (text.content.len() >= MIN_CONTENT_NEAR)
                .then(|| {
                    long_ones.iter().find(|&&(at, earlier)| {
                        let (_, shared) = overlap(earlier, &text.content);
                        let all = earlier.len() + text.content.len() - shared;
                        shared as f64 >= NEAR_SHARE * all as f64
                            && figures(&analysis.texts[at]) == figures(text)
                            && !takes_up_the_customer(analysis, at, i)
                    })
                })
                .flatten()
                .map(|&(at, _)| at)
        };
        let Some((first, how)) = exact
            .map(|at| (at, "word for word"))
            .or_else(|| near().map(|at| (at, "nearly word for word")))
        else {
            first_said.push((i, text.norm.as_str()));
            if text.content.len() >= MIN_CONTENT_NEAR {
                long_ones.push((i, &text.content));
            }
            if let Some(f) = pasted_sentence(analysis, cx, i, &mut long_sentences) {
                out.push(f);
            }
            continue;
        };
        let asked_again = analysis
            .previous_of(i, Role::Customer)
            .is_some_and(|c| c > first && asks_to_hear_again(&analysis.texts[c]));
        if asked_again || all_stock(text, cx, i) {
            continue;
        }
        let span = turn.text.len() - turn.text.trim_start().len()..turn.text.trim_end().len();
        out.push(finding(
            analysis,
            "repeated-message",
            i,
            span,
            format!("the same message as turn {first}, sent again {how}"),
        ));
    }
    out
}

/// A long sentence of agent turn `i` said word for word in an earlier agent turn whose other
/// sentences differ: a pasted paragraph under a new opening. `seen` holds the long sentences of
/// the earlier agent turns (turn and token range); this turn's are added. Sentences are compared
/// word by word, their lengths first: no key is built for them.
fn pasted_sentence(
    analysis: &Analysis,
    cx: &Context,
    i: usize,
    seen: &mut Vec<(usize, std::ops::Range<usize>)>,
) -> Option<Finding> {
    let text = &analysis.texts[i];
    // An e-mail's signature block ("-- Meridian Motor Finance is a trading name of…") comes with
    // every message; the agent does not paste it.
    let raw = &analysis.conversation.turns[i].text;
    // memchr's search: `str::find` sets up a Two-Way searcher for each turn, which cost more
    // than the rest of this check on most of them.
    let signature = memchr::memmem::find(raw.as_bytes(), b"-- ").unwrap_or(raw.len());
    let mut found = None;
    for sentence in text.sentences.iter().filter(|s| s.end <= signature) {
        let tokens = &text.tokens[sentence.tokens.clone()];
        if tokens.iter().filter(|t| t.kind == TokenKind::Word).count() < MIN_PASTED_SENTENCE_WORDS
            || stock(text, cx, i, sentence)
        {
            continue;
        }
        let earlier = seen.iter().find(|(at, range)| {
            let said = &analysis.texts[*at].tokens[range.clone()];
            said.len() == tokens.len() && said.iter().zip(tokens).all(|(a, b)| a.norm == b.norm)
        });
        match earlier {
            Some(&(first, _)) => {
                let asked_again = analysis
                    .previous_of(i, Role::Customer)
                    .is_some_and(|c| c > first && asks_to_hear_again(&analysis.texts[c]));
                if found.is_none() && !asked_again {
                    found = Some(finding(
                        analysis,
                        "repeated-message",
                        i,
                        sentence.start..sentence.end,
                        format!("a sentence of turn {first}, pasted again word for word"),
                    ));
                }
            }
            None => seen.push((i, sentence.tokens.clone())),
        }
    }
    found
}

/// The figures of a turn, in order: times, dates, amounts, references.
fn figures(text: &TurnText) -> Vec<&str> {
    text.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| t.norm.as_str())
        .collect()
}

/// Whether agent turn `later` has content words that agent turn `earlier` lacks and that a
/// customer turn between them said: the message was changed to what the customer asked.
fn takes_up_the_customer(analysis: &Analysis, earlier: usize, later: usize) -> bool {
    let (before, after) = (
        &analysis.texts[earlier].content,
        &analysis.texts[later].content,
    );
    let new_words: Vec<u64> = after
        .iter()
        .filter(|w| before.binary_search(w).is_err())
        .copied()
        .collect();
    !new_words.is_empty()
        && analysis
            .turns_of(Role::Customer)
            .filter(|(c, _, _)| (earlier..later).contains(c))
            .any(|(_, _, said)| overlap(&new_words, &said.content).1 > 0)
}

/// The number of words (not figures) in a turn.
fn words(text: &TurnText) -> usize {
    text.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}

/// Whether a customer turn asks to hear the last thing again: "Sorry?", "say that again",
/// "could you repeat that", "I didn't catch that", "pardon?", "you're breaking up", "what was
/// that?".
fn asks_to_hear_again(text: &TurnText) -> bool {
    let word = |k: usize| text.word(k);
    (0..text.tokens.len()).any(|k| match word(k) {
        "repeat" | "pardon" | "catch" => true,
        "again" => matches!(
            word(k.wrapping_sub(1)),
            "that" | "it" | "say" | "read" | "one"
        ),
        "sorry" => text.tokens.len() <= 2,
        _ => false,
    }) || crate::detect::repetition::asks_to_repeat(text)
}

/// Whether every sentence of agent turn `i` lies inside stock lines already flagged as
/// `canned-phrase` ("Is there anything else I can help you with today?" asked twice).
fn all_stock(text: &TurnText, cx: &Context, i: usize) -> bool {
    !cx.hits[i].canned.is_empty() && text.sentences.iter().all(|s| stock(text, cx, i, s))
}

/// Whether every word of a sentence of agent turn `i` lies inside a stock line already flagged
/// as `canned-phrase`.
fn stock(text: &TurnText, cx: &Context, i: usize, sentence: &crate::analyse::Sentence) -> bool {
    let canned = &cx.hits[i].canned;
    !canned.is_empty()
        && sentence
            .tokens
            .clone()
            .filter(|&k| text.tokens[k].kind == TokenKind::Word)
            .all(|k| canned.iter().any(|c| c.tokens.contains(&k)))
}
