//! The same empathy line said again: the key under which two lines are the same, and the
//! turns that said it.

use crate::analyse::Sentence;
use crate::analyse::text::TurnText;

use super::sentences::is_name_form;

/// In how many agent turns the same sympathy phrase is said before it reads as a habit.
pub(super) const HABIT_TURNS: usize = 3;

/// Turn indices as a reader lists them: "4", "4 and 9", "4, 9 and 12".
pub(super) fn turn_list(turns: &[usize]) -> String {
    match turns {
        [] => String::new(),
        [only] => only.to_string(),
        [init @ .., last] => format!(
            "{} and {last}",
            init.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Words that say nothing about which empathy line it is ("I'm *so* sorry about *that*").
fn is_filler(word: &str) -> bool {
    crate::analyse::text::is_stop_word(word)
        || matches!(
            word,
            "so" | "really"
                | "very"
                | "truly"
                | "terribly"
                | "awfully"
                | "completely"
                | "totally"
                | "fully"
                | "definitely"
                | "sincerely"
                | "deeply"
                | "oh"
                | "indeed"
                | "again"
        )
}

/// The key under which two empathy lines count as the same line: their content words, in order.
pub(super) fn line_key(text: &TurnText, sentence: &Sentence, name_forms: &[String]) -> String {
    // "I understand your frustration, Ms. Doyle." and "I understand your frustration." are
    // the same line: the customer's name and a title say nothing new.
    text.tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| {
            !is_filler(&t.norm)
                && !crate::analyse::names::is_title(&t.norm)
                && !matches!(t.norm.as_str(), "ma'am" | "maam" | "sir" | "madam")
                && !is_name_form(name_forms, &t.norm)
        })
        .map(|t| t.stem())
        .collect::<Vec<_>>()
        .join(" ")
}
