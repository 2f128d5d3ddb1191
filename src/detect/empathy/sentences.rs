//! What an agent's sentence is about: the customer's words it shares, the clauses of a run of
//! unpunctuated speech, the work and its figures, a quotation, a general case.

use crate::analyse::text::TurnText;
use crate::analyse::{Analysis, Sentence};
use crate::model::Role;

use super::words::{is_service_word, is_work_word};

/// Whether `word` (a token's normal form) is one of the customer's name forms; compared as
/// `&str`, which tests the length first, rather than `String` against `CompactString`.
pub(super) fn is_name_form(forms: &[String], word: &str) -> bool {
    forms.iter().any(|f| f.as_str() == word)
}

/// Content shared between the words of a sentence outside `exclude` (the stock phrases and
/// cues themselves, which say nothing about this customer) and what the customer said before
/// `turn`. A contraction of function words ("I'm sorry, that's the process" after "that's the
/// third time") shares no topic, though the stop-word list leaves some of them in.
pub(super) fn shared_with_customer(
    analysis: &Analysis,
    turn: usize,
    text: &TurnText,
    sentence: &Sentence,
    exclude: &[std::ops::Range<usize>],
) -> usize {
    let name_forms: &[String] = analysis.customer_name.as_ref().map_or(&[], |n| &n.forms);
    let words = crate::analyse::text::content_of(
        text.tokens[sentence.tokens.clone()]
            .iter()
            .enumerate()
            .filter(|(k, t)| {
                let at = sentence.tokens.start + k;
                !exclude.iter().any(|r| r.contains(&at))
                    && !is_name_form(name_forms, &t.norm)
                    && crate::analyse::text::expand_contraction(&t.norm).is_none()
            })
            .map(|(_, t)| t),
    );
    analysis
        .turns_of(Role::Customer)
        .take_while(|(i, _, _)| *i < turn)
        .map(|(_, _, c)| crate::analyse::text::overlap(&words, &c.content).1)
        .max()
        .unwrap_or(0)
}

/// Fewest words in a sentence without inner punctuation before it is read as a run of clauses.
const RUN_ON_WORDS: usize = 15;

/// Whether a sentence is a long run of words without inner punctuation, as speech is
/// transcribed without it.
pub(super) fn is_run_on(raw: &str, sentence: &Sentence) -> bool {
    sentence.tokens.len() >= RUN_ON_WORDS
        && !raw[sentence.start..sentence.end]
            .trim_end_matches(['.', '!', '?', ' '])
            .contains([',', ';', ':', '\u{2014}', '\u{2013}', '(', '.'])
}

/// The sentence as the units empathy is judged in: itself, or, when it is a long run of words
/// without inner punctuation (speech transcribed without it), split after each empathy
/// statement or stock line (token ranges, in order) that a new sentence follows. "i
/// understand i apologize for that so what i can do is schedule a new appointment" is a bare
/// "i understand" and then the work, not understanding tied to the appointment the customer
/// spoke of. A new sentence begins at "I" or "let me", and at any word after a term of address
/// such as "ma'am" or the customer's name; "I'm sorry I couldn't find one" is one sentence.
pub(super) fn clauses(
    raw: &str,
    text: &TurnText,
    sentence: &Sentence,
    statements: &[std::ops::Range<usize>],
    name_forms: &[String],
) -> Vec<Sentence> {
    let tokens = &text.tokens;
    if !is_run_on(raw, sentence) {
        return vec![sentence.clone()];
    }
    // Where the clause after a statement begins, and where the statement ends: with the
    // customer addressed ("i understand ma'am"), before a connective ("and actually i…").
    let new_sentence_at = |mut k: usize| {
        let mut addressed = false;
        let mut statement_end = k;
        // "i understand your frustration mrs maguire i'm going to transfer you…"
        let address = |w: &str| {
            matches!(w, "ma'am" | "maam" | "sir" | "madam")
                || crate::analyse::names::is_title(w)
                || is_name_form(name_forms, w)
        };
        // "sorry about that mr haslam i'll mark your record": the object of the line first.
        if k < sentence.tokens.end && matches!(tokens[k].norm.as_str(), "that" | "this" | "it") {
            k += 1;
        }
        while k < sentence.tokens.end
            && (address(&tokens[k].norm)
                || matches!(
                    tokens[k].norm.as_str(),
                    "and" | "actually" | "okay" | "ok" | "now"
                ))
        {
            if address(&tokens[k].norm) {
                addressed = true;
                statement_end = k + 1;
            }
            k += 1;
        }
        // After the customer is addressed the stock line is over: "i understand your
        // frustration denise the letter was issued to the address we hold".
        let starts = k + 1 < sentence.tokens.end
            && (addressed
                || match tokens[k].norm.as_str() {
                    "i" | "i'm" | "i'll" | "i've" | "i'd" | "im" => true,
                    "let" => matches!(tokens[k + 1].norm.as_str(), "me" | "us"),
                    // A request: "…sorry to hear that can I ask what's the reason".
                    "can" | "could" | "may" => matches!(tokens[k + 1].norm.as_str(), "i" | "we"),
                    // A question to the customer: "…not what you wanted to hear are you heading
                    // home for something".
                    "are" | "do" | "did" | "have" | "were" | "will" | "would" => {
                        matches!(tokens[k + 1].norm.as_str(), "you" | "u")
                    }
                    _ => false,
                });
        starts.then_some((statement_end, k))
    };
    let mut out = Vec::new();
    let mut from = sentence.tokens.start;
    for cue in statements {
        if cue.start < from || cue.end >= sentence.tokens.end {
            continue;
        }
        // "I'm sorry I couldn't find one" is sorry for what follows.
        if tokens[cue.end - 1].norm == "sorry" {
            continue;
        }
        if let Some((end, next)) = new_sentence_at(cue.end) {
            out.push(Sentence {
                start: tokens[from].start,
                end: tokens[end - 1].end,
                tokens: from..end,
            });
            from = next;
        }
    }
    out.push(Sentence {
        start: if from == sentence.tokens.start {
            sentence.start
        } else {
            tokens[from].start
        },
        end: sentence.end,
        tokens: from..sentence.tokens.end,
    });
    out
}

/// Whether a sentence addresses the customer ("you", "your").
pub(super) fn addresses_customer(text: &TurnText, sentence: &Sentence) -> bool {
    text.tokens[sentence.tokens.clone()].iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "you"
                | "your"
                | "yours"
                | "yourself"
                | "u"
                | "ur"
                | "you're"
                | "you've"
                | "you'll"
                | "you'd"
        )
    })
}

/// Whether a sentence works out a figure the customer never gave ("so you've used about 437
/// units since, which is around £120"): an estimate of the agent's, not the customer's words
/// taken up. A fact from the record ("so you were referred on 1 March") is not worked out.
pub(super) fn works_out_new_figures(
    analysis: &Analysis,
    i: usize,
    text: &TurnText,
    sentence: &Sentence,
) -> bool {
    let range = sentence.tokens.clone();
    range.clone().any(|k| {
        let figure = &text.tokens[k];
        figure.kind == crate::analyse::TokenKind::Number
            && k > range.start
            && matches!(
                text.word(k - 1),
                "about" | "around" | "roughly" | "approximately" | "nearly" | "almost"
            )
            && !analysis
                .turns_of(Role::Customer)
                .take_while(|(c, _, _)| *c < i)
                .any(|(_, _, said)| said.tokens.iter().any(|t| t.norm == figure.norm))
    })
}

/// Whether a sentence names the work itself (see [`is_work_word`]) or carries a figure: a
/// question about it is procedure ("what version of the app are you on?").
pub(super) fn is_work_talk(text: &TurnText, sentence: &Sentence) -> bool {
    // "the router's status page" is about the router.
    figures_or_word(text, sentence, |w| {
        is_work_word(w.strip_suffix("'s").unwrap_or(w))
    })
}

/// Whether a sentence carries a figure (see [`has_figures`]) or a word that `picked` picks
/// out: the shape of every "is this about the work?" test.
fn figures_or_word(text: &TurnText, sentence: &Sentence, picked: impl Fn(&str) -> bool) -> bool {
    has_figures(text, sentence)
        || text.tokens[sentence.tokens.clone()]
            .iter()
            .any(|t| picked(&t.norm))
}

/// Whether a sentence apologises for the service (the wait, a delay, a mistake, the account)
/// rather than feeling for the customer.
pub(super) fn is_apology(text: &TurnText, sentence: &Sentence) -> bool {
    figures_or_word(text, sentence, |w| {
        is_work_word(w)
            || matches!(
                w,
                "wait"
                    | "waiting"
                    | "waited"
                    | "delay"
                    | "delays"
                    | "inconvenience"
                    | "confusion"
                    | "trouble"
                    | "mistake"
                    | "error"
                    | "mix-up"
                    | "kept"
                    | "keeping"
                    | "holding"
                    | "interrupt"
                    | "interrupting"
                    | "repeat"
            )
    })
}

/// Whether a sentence carries amounts, references or placeholders: the stuff of service work.
pub(super) fn has_figures(text: &TurnText, sentence: &Sentence) -> bool {
    text.tokens[sentence.tokens.clone()]
        .iter()
        .any(|t| t.kind != crate::analyse::TokenKind::Word)
}

/// Whether a sentence carries a figure that is not the span or age of a life ("for 20 years",
/// "when I was 12"): an amount, a reference, a time of day, or a placeholder.
pub(super) fn has_service_figures(text: &TurnText, sentence: &Sentence) -> bool {
    let tokens = &text.tokens[sentence.tokens.clone()];
    tokens.iter().enumerate().any(|(k, t)| match t.kind {
        crate::analyse::TokenKind::Word => false,
        crate::analyse::TokenKind::Placeholder => true,
        crate::analyse::TokenKind::Number => {
            let small = t.norm.len() <= 2 && t.norm.bytes().all(|b| b.is_ascii_digit());
            let span_of_life = tokens.get(k + 1).is_some_and(|next| {
                matches!(
                    next.norm.as_str(),
                    "years" | "year" | "months" | "month" | "weeks" | "days" | "yo" | "times"
                )
            }) || k
                .checked_sub(1)
                .and_then(|before| tokens.get(before))
                .is_some_and(|before| matches!(before.norm.as_str(), "was" | "age" | "im" | "i'm"));
            !(small && span_of_life)
        }
    })
}

/// Whether a sentence is about the work rather than anyone's experience: a service word or a
/// figure in it.
pub(super) fn is_service_talk(text: &TurnText, sentence: &Sentence) -> bool {
    figures_or_word(text, sentence, is_service_word)
}

/// Whether byte `at` of a turn lies inside a quotation ("…" or “…”): an odd number of
/// straight double quotes, or more opening than closing curly ones, before it.
pub(super) fn in_quotes(raw: &str, at: usize) -> bool {
    let before = &raw[..at];
    if !before.contains(['"', '\u{201C}']) {
        return false;
    }
    before.matches('"').count() % 2 == 1
        || before.matches('\u{201C}').count() > before.matches('\u{201D}').count()
}

/// Whether a sentence speaks of a general case: "it can be", "this can be", "things can be"
/// ("I know how stressful it can be when plans change at the last minute").
pub(super) fn generalises(text: &TurnText, sentence: &Sentence) -> bool {
    text.tokens[sentence.tokens.clone()].windows(3).any(|w| {
        (matches!(w[0].norm.as_str(), "it" | "this" | "that" | "things")
            && w[1].norm == "can"
            && w[2].norm == "be")
            // "I understand, and honestly that's what a lot of people say at first": the
            // objection filed with everyone's.
            || (matches!(w[0].norm.as_str(), "lot" | "most" | "many")
                && matches!(w[1].norm.as_str(), "of" | "people" | "customers")
                && matches!(w[2].norm.as_str(), "people" | "customers" | "say" | "feel" | "think"))
    })
}
