//! `repeated-message`: the agent sends a message of several sentences' length again, word for
//! word, in the same conversation — a pasted macro answering whatever the customer said since
//! ("Under our Terms and Conditions, we are not liable…" twice in a row).

use std::collections::HashMap;

use crate::analyse::{Analysis, TokenKind, TurnText};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

/// Words a message needs before its repeat counts: "Okay, let me check." said twice is talk.
const MIN_WORDS: usize = 8;

/// One finding per agent turn that repeats an earlier agent turn of this conversation, unless
/// the customer asked to hear it again or the whole message is stock lines already flagged.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut first_said: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, turn, text) in analysis.turns_of(Role::Agent) {
        if words(text) < MIN_WORDS {
            continue;
        }
        let Some(&first) = first_said.get(text.norm.as_str()) else {
            first_said.insert(text.norm.as_str(), i);
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
            format!("the same message as turn {first}, sent again word for word"),
        ));
    }
    out
}

/// The number of words (not figures) in a turn.
fn words(text: &TurnText) -> usize {
    text.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}

/// Whether a customer turn asks to hear the last thing again: "Sorry?", "say that again",
/// "could you repeat that", "I didn't catch that", "pardon?".
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
    })
}

/// Whether every sentence of agent turn `i` lies inside stock lines already flagged as
/// `canned-phrase` ("Is there anything else I can help you with today?" asked twice).
fn all_stock(text: &TurnText, cx: &Context, i: usize) -> bool {
    let canned = &cx.hits[i].canned;
    !canned.is_empty()
        && text.sentences.iter().all(|s| {
            let content: Vec<usize> = s
                .tokens
                .clone()
                .filter(|&k| text.tokens[k].kind == TokenKind::Word)
                .collect();
            content
                .iter()
                .all(|k| canned.iter().any(|c| c.tokens.contains(k)))
        })
}
