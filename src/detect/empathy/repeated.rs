//! Repeated empathy: the same empathy line said again, or the same sympathy phrase said by
//! habit in turn after turn.

use std::collections::HashMap;

use crate::analyse::Sentence;
use crate::analyse::text::TurnText;
use crate::detect::finding;
use crate::findings::Finding;

use super::sentences::is_name_form;
use super::turn::{AgentSentence, AgentTurn};

/// In how many agent turns the same sympathy phrase is said before it reads as a habit.
const HABIT_TURNS: usize = 3;

/// The empathy lines and sympathy phrases the agent now speaking has said so far.
#[derive(Default)]
pub(super) struct RepeatedLines<'a> {
    /// The key of each line said (see [`line_key`]), with the turn that first said it.
    seen_lines: HashMap<String, usize>,
    /// For each sympathy phrase, the agent turns that said it, in order.
    cue_turns: HashMap<&'a str, Vec<usize>>,
}

impl<'a> RepeatedLines<'a> {
    /// Forgets what was said: after a transfer another agent speaks.
    pub(super) fn clear(&mut self) {
        self.seen_lines.clear();
        self.cue_turns.clear();
    }

    /// The `repeated-empathy` finding of a unit with sympathy (its phrases `sympathy_cues`),
    /// when its line was said before or a phrase of it is said by habit; `None` when it is
    /// new. Either way the unit's line and phrases are remembered.
    pub(super) fn repeated(
        &mut self,
        unit: &AgentSentence<'_, 'a>,
        sympathy_cues: Vec<&'a str>,
    ) -> Option<Finding> {
        let AgentTurn {
            analysis, i, text, ..
        } = *unit.turn;
        let sentence = unit.sentence;
        let RepeatedLines {
            seen_lines,
            cue_turns,
        } = self;
        let key = line_key(
            text,
            sentence,
            analysis.customer_name.as_ref().map_or(&[], |n| &n.forms),
        );
        // A line said before answers nothing new: a reply whose only empathy is a repeat
        // ("I understand." again, then the next security question) leaves distress unmet.
        // The same sympathy phrase in a third turn ("I hear you", "I completely
        // understand" before each refusal) is said by habit, unless the sentence ties it to
        // what the customer said or apologises for the news it gives (an apology is owed
        // for each: "I'm sorry, that time is not available either"): fifteen "sorry"s
        // answer nothing. A feeling named in one word ("scary" of three films) is no
        // phrase.
        let mut habit = None;
        for cue in sympathy_cues {
            let turns = cue_turns.entry(cue).or_default();
            if habit.is_none()
                && turns.len() >= HABIT_TURNS - 1
                && !turns.contains(&i)
                && cue.contains(' ')
                && !unit.specific()
                && !unit.apologises_for_bad_news()
            {
                habit = Some((cue, turns.clone()));
            }
            if turns.last() != Some(&i) {
                turns.push(i);
            }
        }
        if let Some(first) = seen_lines.get(&key) {
            Some(finding(
                analysis,
                "repeated-empathy",
                i,
                sentence.start..sentence.end,
                format!("the same empathy line was said in turn {first}"),
            ))
        } else if let Some((cue, earlier)) = habit {
            seen_lines.insert(key, i);
            Some(finding(
                analysis,
                "repeated-empathy",
                i,
                sentence.start..sentence.end,
                format!(
                    "\"{cue}\" again, said in turns {} already: a habit, not an answer",
                    turn_list(&earlier)
                ),
            ))
        } else {
            seen_lines.insert(key, i);
            None
        }
    }
}

/// Turn indices as a reader lists them: "4", "4 and 9", "4, 9 and 12".
fn turn_list(turns: &[usize]) -> String {
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
fn line_key(text: &TurnText, sentence: &Sentence, name_forms: &[String]) -> String {
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
