//! From agent sentences to script lines: the normal form shared by learning and scoring.

use std::ops::Range;

use crate::analyse::text::is_stop_word;
use crate::analyse::{Analysis, Sentence, TokenKind, TurnText};

/// Fewest words (slots included) a line has.
pub const MIN_WORDS: usize = 4;
/// Fewest words that are not slots a line has.
pub const MIN_PLAIN_WORDS: usize = 3;

/// Slot for numbers, amounts, times, order and account ids.
pub const NUM: &str = "<num>";
/// Slot for names of the customer or the agent.
pub const NAME: &str = "<name>";
/// Slot for dates: month and weekday names with their numbers.
pub const DATE: &str = "<date>";
/// Slot for e-mail addresses.
pub const EMAIL: &str = "<email>";
/// Slot for anonymisation placeholders (`#NAME#`, `[PII]`, …).
pub const SLOT: &str = "<slot>";

/// One agent sentence in normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentLine {
    /// Index of the turn.
    pub turn: usize,
    /// Byte span of the sentence in the turn's text.
    pub span: Range<usize>,
    /// The normal form: words and slots separated by single spaces.
    pub text: String,
}

/// Whether a word is a weekday or a month name that is never an ordinary word: a date
/// wherever it is. (A `match`, which tests the length first, rather than a list: every word
/// of every agent sentence is tested.)
fn is_date_word(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Whether a word is a month name or abbreviation that is also a word ("may", "mar"): a date
/// only next to a number.
fn is_month_near_number(word: &str) -> bool {
    matches!(
        word,
        "may"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// The lowercase name forms of the agent, from `agent_name`.
fn agent_forms(name: Option<&str>) -> Vec<String> {
    name.map(|n| {
        n.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.chars().count() >= 2 && !is_stop_word(w))
            .collect()
    })
    .unwrap_or_default()
}

/// Every agent sentence of the conversation that is long enough to be a line, in order.
pub fn agent_lines(analysis: &Analysis) -> Vec<AgentLine> {
    let mut names: Vec<String> = analysis
        .customer_name
        .as_ref()
        .map(|n| n.forms.clone())
        .unwrap_or_default();
    names.extend(agent_forms(analysis.conversation.agent_name.as_deref()));
    let mut out = Vec::new();
    for (i, turn, text) in analysis.turns_of(analysis.service) {
        // A sentence that holds no name form has the same form whoever the parties are: the
        // turn's forms without names serve, worked out once for a line that recurs.
        let named = |sentence: &Sentence| {
            text.tokens[sentence.tokens.clone()]
                .iter()
                .any(|t| names.iter().any(|n| *n == t.norm))
        };
        // The turn's normal-form words, built at most once for its forms without names (the
        // first time the line is met) and for the sentences that hold a name.
        let parts = std::cell::OnceCell::new();
        let unnamed = text.unnamed_script_forms_from(&turn.text, &parts);
        for (sentence, unnamed) in text.sentences.iter().zip(unnamed) {
            let form = if named(sentence) {
                let parts = parts.get_or_init(|| NormParts::new(text));
                normalise_sentence(&turn.text, text, parts, sentence.tokens.clone(), &names)
            } else {
                unnamed.clone()
            };
            if let Some(line) = form {
                out.push(AgentLine {
                    turn: i,
                    span: sentence.start..sentence.end,
                    text: line,
                });
            }
        }
    }
    out
}

/// The script-line normal form of each sentence of a turn written as `original` and analysed
/// as `text` (whose normal-form words are `parts`), with no word taken for a name; `None` for
/// a sentence too short to be a line.
pub(crate) fn forms_without_names(
    original: &str,
    text: &TurnText,
    parts: &NormParts,
) -> Vec<Option<String>> {
    text.sentences
        .iter()
        .map(|sentence| normalise_sentence(original, text, parts, sentence.tokens.clone(), &[]))
        .collect()
}

/// The words of the turn's normal form that each token expands to ("i'm" → "i", "am"),
/// without a vector per token: the words of token `t` are `words[first[t]..first[t + 1]]`.
pub(crate) struct NormParts<'t> {
    words: Vec<&'t str>,
    first: Vec<usize>,
}

impl<'t> NormParts<'t> {
    /// The parts of `text`'s normal form.
    pub(crate) fn new(text: &'t TurnText) -> NormParts<'t> {
        let mut words = Vec::with_capacity(text.norm_words.len());
        let mut first = Vec::with_capacity(text.tokens.len() + 1);
        // `norm_words` is in token order, so one pass finds where each token's words start.
        let mut next = text.norm_words.iter().enumerate().peekable();
        // Each word of `norm` is followed by one space: it ends a byte before the next begins.
        let end_of = |j: usize| {
            text.norm_words
                .get(j + 1)
                .map_or(text.norm.len(), |&(at, _)| at)
                - 1
        };
        for t in 0..text.tokens.len() {
            first.push(words.len());
            while let Some(&(j, &(at, _))) = next.peek().filter(|&&(_, &(_, token))| token == t) {
                words.push(&text.norm[at..end_of(j)]);
                next.next();
            }
            // Words of tokens out of order (never produced by the analysis) are skipped.
            while next.peek().is_some_and(|&(_, &(_, token))| token < t) {
                next.next();
            }
        }
        first.push(words.len());
        NormParts { words, first }
    }

    fn of(&self, token: usize) -> &[&'t str] {
        match (self.first.get(token), self.first.get(token + 1)) {
            (Some(&a), Some(&b)) => &self.words[a..b],
            _ => &[],
        }
    }
}

/// What one token or run of joined tokens becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item<'a> {
    Word(&'a str),
    Slot(&'static str),
    /// A month name that is a date only next to a number.
    MaybeMonth(&'a str),
}

fn normalise_sentence(
    original: &str,
    text: &TurnText,
    parts: &NormParts,
    tokens: Range<usize>,
    names: &[String],
) -> Option<String> {
    let mut items: Vec<Item> = Vec::with_capacity(tokens.len() + 4);
    let mut t = tokens.start;
    while t < tokens.end {
        // Tokens glued by punctuation without spaces ("AB-1234", "10:30", "a@b.com") are one
        // item when they hold a digit or an at sign.
        let mut last = t;
        let mut at_sign = false;
        while last + 1 < tokens.end {
            let gap = original
                .get(text.tokens[last].end..text.tokens[last + 1].start)
                .unwrap_or(" ");
            if gap.is_empty() || gap.chars().any(char::is_whitespace) || gap.len() > 2 {
                break;
            }
            at_sign |= gap.contains('@');
            last += 1;
        }
        let run = &text.tokens[t..=last];
        if at_sign {
            items.push(Item::Slot(EMAIL));
            t = last + 1;
            continue;
        }
        if run.len() > 1 && run.iter().any(|k| k.kind == TokenKind::Number) {
            items.push(Item::Slot(NUM));
            t = last + 1;
            continue;
        }
        let token = &text.tokens[t];
        match token.kind {
            TokenKind::Number => items.push(Item::Slot(NUM)),
            TokenKind::Placeholder => items.push(Item::Slot(SLOT)),
            TokenKind::Word => {
                let norm = token.norm.as_str();
                if names.iter().any(|n| n == norm) && is_name_use(original, token) {
                    items.push(Item::Slot(NAME));
                } else if is_code(original, token) {
                    items.push(Item::Slot(NUM));
                } else if is_date_word(norm) {
                    items.push(Item::Slot(DATE));
                } else if is_month_near_number(norm) {
                    items.push(Item::MaybeMonth(norm));
                } else {
                    for part in parts.of(t) {
                        items.push(Item::Word(part));
                    }
                }
            }
        }
        t += 1;
    }

    // "may 3" and "3rd of may" are dates; "how may i help" is not.
    for k in 0..items.len() {
        if let Item::MaybeMonth(word) = items[k] {
            let near_number = |j: Option<usize>| {
                j.and_then(|j| items.get(j))
                    .is_some_and(|it| *it == Item::Slot(NUM))
            };
            let of_before = k >= 2 && items[k - 1] == Item::Word("of") && near_number(Some(k - 2));
            items[k] = if near_number(k.checked_sub(1)) || near_number(Some(k + 1)) || of_before {
                Item::Slot(DATE)
            } else {
                Item::Word(word)
            };
        }
    }

    // A date absorbs its numbers ("March 3rd, 2026" → one <date>), and repeated slots are one
    // ("Ravi Patel" → one <name>).
    let mut words: Vec<&str> = Vec::with_capacity(items.len());
    for item in &items {
        // Words (which never hold a "<") are kept as they are; only slots merge.
        let slot: &str = match *item {
            Item::Word(w) | Item::MaybeMonth(w) => {
                words.push(w);
                continue;
            }
            Item::Slot(s) => s,
        };
        match (words.last().copied(), slot) {
            (Some(prev), s) if prev == s => {}
            (Some(DATE), NUM) => {}
            (Some(NUM), DATE) => {
                if let Some(last) = words.last_mut() {
                    *last = DATE;
                }
                if words.len() >= 2 && words[words.len() - 2] == DATE {
                    words.pop();
                }
            }
            _ => words.push(slot),
        }
    }
    let plain = words.iter().filter(|w| !w.starts_with('<')).count();
    if words.len() < MIN_WORDS || plain < MIN_PLAIN_WORDS {
        return None;
    }
    Some(words.join(" "))
}

/// A code in capitals ("JAML", "XKQ") in a turn that also has lowercase letters: a
/// reference or booking code, which changes from call to call like a number.
fn is_code(original: &str, token: &crate::analyse::Token) -> bool {
    let word = original.get(token.start..token.end).unwrap_or_default();
    word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && original.bytes().any(|b| b.is_ascii_lowercase())
}

/// A name form used as a name: capitalised, or anywhere in a transcript without capitals.
/// Keeps "we will bill you" a line of words when the customer is called Bill.
fn is_name_use(original: &str, token: &crate::analyse::Token) -> bool {
    let capitalised = original
        .get(token.start..token.end)
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    capitalised || !original.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Conversation, Role, Turn};

    /// A call of one agent turn.
    fn call(agent: Option<&str>, customer: Option<&str>, said: &str) -> Conversation {
        Conversation {
            id: "t".into(),
            agent_name: agent.map(str::to_string),
            customer_name: customer.map(str::to_string),
            turns: vec![Turn {
                role: Role::Agent,
                speaker: "agent".into(),
                text: said.into(),
                start: None,
                end: None,
            }],
            ..Default::default()
        }
    }

    fn lines(agent: Option<&str>, customer: Option<&str>, said: &str) -> Vec<String> {
        let conversation = call(agent, customer, said);
        let analysis = Analysis::new(&conversation);
        agent_lines(&analysis)
            .into_iter()
            .map(|l| {
                assert!(said.get(l.span.clone()).is_some());
                l.text
            })
            .collect()
    }

    #[test]
    fn names_numbers_dates_and_placeholders_become_slots() {
        assert_eq!(
            lines(
                Some("Dana Smith"),
                Some("Ravi Patel"),
                "Thanks for calling, this is Dana! Hi Ravi Patel, I'm looking at order AB-1234-X now. \
                 It ships on Monday, March 3rd, 2026 at 10:30 for $45.99. Write to ravi.p@example.com today. \
                 Your ticket #NAME# is open. Okay, one sec."
            ),
            [
                "thanks for calling this is <name>",
                "hi <name> i am looking at order <num> now",
                "it ships on <date> at <num> for <num>",
                "write to <email> today",
                "your ticket <slot> is open",
            ]
        );
    }

    #[test]
    fn a_line_analysed_once_takes_the_names_of_each_call() {
        // The memo gives two calls the same analysis of a line; its forms without names are
        // kept with it, and must not serve a sentence that holds this call's name.
        let said = "Thanks Sam, your refund is on its way today. It should reach you soon.";
        let text = std::sync::Arc::new(crate::analyse::text::analyse_text(said));
        let lines_for = |customer: &str| {
            let conversation = call(None, Some(customer), said);
            let analysis = Analysis::with_texts(&conversation, vec![text.clone()]);
            agent_lines(&analysis)
                .into_iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
        };
        for _ in 0..2 {
            assert_eq!(
                lines_for("Priya Shah"),
                [
                    "thanks sam your refund is on its way today",
                    "it should reach you soon"
                ]
            );
            assert_eq!(
                lines_for("Sam Taylor"),
                [
                    "thanks <name> your refund is on its way today",
                    "it should reach you soon"
                ]
            );
        }
    }

    #[test]
    fn codes_in_capitals_are_slots_unless_all_is_capitals() {
        assert_eq!(
            lines(
                None,
                None,
                "Just to confirm that is JAML at the end. OK, I see it."
            ),
            ["just to confirm that is <num> at the end", "ok i see it"]
        );
        assert_eq!(
            lines(None, None, "THAT IS JAML AT THE END"),
            ["that is jaml at the end"]
        );
    }

    #[test]
    fn may_is_a_date_only_next_to_a_number() {
        assert_eq!(
            lines(
                None,
                None,
                "How may I help you? It was due on May 3 this year."
            ),
            ["how may i help you", "it was due on <date> this year"]
        );
    }

    #[test]
    fn ordinary_words_that_are_names_stay_words_in_lowercase_use() {
        assert_eq!(
            lines(
                None,
                Some("Bill Hope"),
                "I will bill you tomorrow. Thanks Bill, we will bill you."
            ),
            ["i will bill you tomorrow", "thanks <name> we will bill you"]
        );
        assert_eq!(
            lines(None, Some("Bill Hope"), "thanks bill we will bill you"),
            ["thanks <name> we will <name> you"]
        );
    }

    #[test]
    fn short_sentences_are_not_lines() {
        assert!(lines(None, None, "Okay. Let me check. Sure thing, #NAME#.").is_empty());
    }
}
