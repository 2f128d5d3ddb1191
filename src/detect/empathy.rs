//! Empathy: the three EPITOME mechanisms (`empathy-reaction`, `empathy-interpretation`,
//! `empathy-exploration`) at weak or strong level, `generic-empathy`, `repeated-empathy` and
//! `missed-empathy`.
//!
//! A response is *strong* when it is specific: it shares content words with what the customer
//! said, or names a specific feeling or hardship. A generic line ("I understand how you feel")
//! is weak, and when nothing in it refers to the customer it is also `generic-empathy`.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;

use crate::analyse::sentiment;
use crate::analyse::text::TurnText;
use crate::analyse::{Analysis, Sentence, TokenKind};
use crate::detect::lexicons::{Mechanism, Thanks, Tone};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

impl Mechanism {
    /// The rule id of the mechanism.
    pub fn rule(self) -> &'static str {
        match self {
            Mechanism::Reaction => "empathy-reaction",
            Mechanism::Interpretation => "empathy-interpretation",
            Mechanism::Exploration => "empathy-exploration",
        }
    }
}

/// Whether customer turn `turn` voices distress (or names a life event the trouble puts at
/// stake, or says they are repeating themselves), and the evidence span. Negative sentiment is distress only when it is not all in
/// the words of the fault ("payment failed").
pub fn distress(
    analysis: &Analysis,
    cx: &Context,
    turn: usize,
) -> Option<(std::ops::Range<usize>, String)> {
    // "Oh thank you, love, I was worried you'd say next week" is relief, which needs no
    // answer, though an agent may still name the worry it tells of.
    let text = &analysis.texts[turn];
    if crate::detect::resolution::relieved(text) || tears_of_relief(analysis, cx, turn) {
        return None;
    }
    negativity(analysis, cx, turn, false)
}

/// Whether a customer turn's only distress is tears, beside thanks or "thank God" ("[crying]
/// Oh thank God. Oh, thank you." when the lost ring is found): tears of relief, which want no
/// comfort.
fn tears_of_relief(analysis: &Analysis, cx: &Context, turn: usize) -> bool {
    let hits = &cx.hits[turn];
    let text = &analysis.texts[turn];
    !hits.distress.is_empty()
        && hits
            .distress
            .iter()
            .all(|m| matches!(cx.lexicons.distress.said(m), "crying" | "in tears"))
        && ((0..text.tokens.len()).any(|k| crate::detect::resolution::is_thank_god(text, k))
            || hits
                .thanks
                .iter()
                .any(|m| cx.lexicons.thanks.tag(m) == Thanks::Given))
}

/// Whether customer turn `turn` raises trouble: a problem, distress, or a report made negative
/// by the fault's own words ("my claim was rejected") — trouble whose feeling an agent may
/// name, though the customer voiced none.
fn raises_trouble(analysis: &Analysis, cx: &Context, turn: usize) -> bool {
    !cx.hits[turn].problem.is_empty() || negativity(analysis, cx, turn, true).is_some()
}

/// [`distress`], counting the fault's own words in the sentiment when `fault_words_count`.
fn negativity(
    analysis: &Analysis,
    cx: &Context,
    turn: usize,
    fault_words_count: bool,
) -> Option<(std::ops::Range<usize>, String)> {
    let text = &analysis.texts[turn];
    if !cx.hits[turn].distress.is_empty() {
        return phrase_distress(analysis, cx, turn).map(|m| {
            (
                m.span.clone(),
                format!("distress phrase \"{}\"", cx.lexicons.distress.said(m)),
            )
        });
    }
    if let Some(event) = life_event_at_stake(analysis, cx, turn) {
        return Some((
            event.clone(),
            format!(
                "a life event at stake (\"{}\") beside the problem",
                &analysis.conversation.turns[turn].text[event]
            ),
        ));
    }
    // "As I said, it's the landline" is exasperation at having to repeat.
    if let Some(m) = crate::detect::repetition::says_they_repeat(analysis, cx, turn) {
        return Some((
            m.span.clone(),
            format!(
                "the customer says they are repeating themselves (\"{}\")",
                cx.lexicons.repetition.said(m)
            ),
        ));
    }
    // A turn that thanks or politely declines is no distress, whatever its score or case:
    // VADER reads "nope, thanks 🙂" as negative (its "nope" negates the thanks), and "THANK
    // YOU, THE PROBLEM IS FIXED" is typed in capitals.
    if cx.hits[turn]
        .thanks
        .iter()
        .any(|m| matches!(cx.lexicons.thanks.tag(m), Thanks::Given | Thanks::Declined))
    {
        return None;
    }
    // A complaint typed in capitals is shouted ("MY INTERNET HAS BEEN DOWN FOR 3 DAYS"), though
    // VADER finds no feeling word in it.
    // Not when the customer has said why they type so ("SORRY, THE CAPITALS ARE BECAUSE I HAVE
    // MACULAR DEGENERATION").
    if !cx.hits[turn].problem.is_empty()
        && is_shouted(&analysis.conversation.turns[turn].text)
        && !explains_capitals(analysis)
    {
        let span = text.sentences.first().map_or(0..0, |s| s.start..s.end);
        return Some((span, "a complaint typed in capitals".into()));
    }
    // Distress is the customer's own: "the line's bad" or "'sync failed: 502'" is negative to
    // VADER but tells of a fault, not of how the customer is.
    // Tokens keep their contractions ("i'm", "we've").
    let speaks_of_self = text.tokens.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "i" | "i'm"
                | "i've"
                | "i'd"
                | "i'll"
                | "im"
                | "ive"
                | "me"
                | "my"
                | "mine"
                | "myself"
                | "we"
                | "we're"
                | "we've"
                | "we'd"
                | "we'll"
                | "our"
                | "us"
        )
    });
    if !speaks_of_self {
        return None;
    }
    // A turn that only asks ("Sorry? It releases, what, so I'd lose this one?") weighs what
    // might happen: its negative words are a hypothesis, not a feeling voiced.
    let raw = &analysis.conversation.turns[turn].text;
    let only_asks = || {
        text.sentences.iter().all(|s| {
            is_question(raw, s)
                || text.tokens[s.tokens.clone()]
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .count()
                    < 3
        })
    };
    if !fault_words_count && only_asks() {
        return None;
    }
    let sentiment = analysis.sentiment(turn)?;
    if sentiment <= cx.policy.distress_sentiment
        && (fault_words_count
            || without_fault_words(analysis, turn)
                .is_none_or(|rest| sentiment::compound(&rest) <= cx.policy.distress_sentiment))
    {
        let span = text.sentences.first().map_or(0..0, |s| s.start..s.end);
        return Some((
            span,
            format!("negative sentiment (VADER compound {sentiment:.2})"),
        ));
    }
    None
}

/// The span of a life event the customer names once a problem is raised ("It's our
/// tenth wedding anniversary" and the booking was cancelled; "I missed my dad's eightieth
/// birthday dinner" in a delay claim): what the trouble costs them, which a coach expects the
/// agent to acknowledge though no feeling is voiced. A wedding gift ordered without trouble
/// is no such stake.
fn life_event_at_stake(
    analysis: &Analysis,
    cx: &Context,
    turn: usize,
) -> Option<std::ops::Range<usize>> {
    let text = &analysis.texts[turn];
    // "The wedding's in June" names the wedding too.
    let event = (0..text.tokens.len()).find(|&k| match text.word(k).trim_end_matches("'s") {
        "wedding" | "honeymoon" | "graduation" | "christening" | "funeral" => true,
        // "our tenth anniversary", not the anniversary of a policy.
        "anniversary" => {
            let before = k.checked_sub(1).map_or("", |p| text.word(p));
            matches!(before, "our" | "my" | "their" | "his" | "her" | "wedding")
                || before.ends_with("'s")
                || is_ordinal(before)
        }
        // A birthday as an occasion ("my son's birthday", "his eightieth birthday", "a
        // birthday present", "for her birthday"), not a date on the account ("it shows my
        // birthday as the 3rd").
        "birthday" => {
            let before = k.checked_sub(1).map_or("", |p| text.word(p));
            before.ends_with("'s")
                || is_ordinal(before)
                || matches!(
                    text.word(k + 1),
                    "present"
                        | "gift"
                        | "party"
                        | "dinner"
                        | "meal"
                        | "lunch"
                        | "trip"
                        | "cake"
                        | "card"
                        | "celebration"
                        | "weekend"
                        | "surprise"
                        | "treat"
                )
                || k.checked_sub(2).is_some_and(|p| text.word(p) == "for")
        }
        _ => false,
    })?;
    let span = text.tokens[event].start..text.tokens[event].end;
    analysis
        .turns_of(Role::Customer)
        .take_while(|&(i, _, _)| i <= turn)
        .any(|(i, _, _)| !cx.hits[i].problem.is_empty())
        .then_some(span)
}

/// Whether a word is an ordinal of an age or a count of years ("tenth", "80th", "eightieth").
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th"))
        || word.ends_with("tieth")
        || matches!(
            word,
            "first"
                | "second"
                | "third"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "eleventh"
                | "twelfth"
                | "thirteenth"
                | "fourteenth"
                | "fifteenth"
                | "sixteenth"
                | "seventeenth"
                | "eighteenth"
                | "nineteenth"
                | "twenty-first"
                | "fortieth"
                | "fiftieth"
                | "sixtieth"
                | "hundredth"
        )
}

/// The first distress phrase of a customer turn, unless every one is someone else's feeling
/// told in good humour ("My son's been frustrated with the speed when he's gaming so he'll be
/// pleased lol"), which is no distress of the customer's.
fn phrase_distress<'m>(
    analysis: &Analysis,
    cx: &'m Context,
    turn: usize,
) -> Option<&'m crate::lexicon::PhraseMatch> {
    let hits = &cx.hits[turn].distress;
    let text = &analysis.texts[turn];
    let others_feeling = |m: &crate::lexicon::PhraseMatch| {
        (m.tokens.start.saturating_sub(3)..m.tokens.start).any(|k| {
            matches!(
                text.word(k),
                "he" | "she"
                    | "he's"
                    | "she's"
                    | "they"
                    | "they're"
                    | "husband"
                    | "wife"
                    | "son"
                    | "son's"
                    | "daughter"
                    | "daughter's"
                    | "partner"
                    | "kids"
            )
        })
    };
    let good_humoured = hits.iter().all(others_feeling)
        && analysis
            .sentiment(turn)
            .is_some_and(|s| s > GOOD_HUMOUR_SENTIMENT);
    if good_humoured { None } else { hits.first() }
}

/// Words at most in a customer turn that tells nothing yet: "Yes, who's this?", "Hello?".
const GREETING_WORDS: usize = 4;

/// VADER compound above which a turn telling of someone else's feeling is told in good humour.
const GOOD_HUMOUR_SENTIMENT: f64 = 0.3;

/// Words VADER scores negative that name the fault or the facts of the case, not a feeling:
/// "the app keeps saying payment failed", "a claim after an accident". Not "stuck" or "no",
/// which are as often the customer's plight ("now I'm stuck", "a newborn and no heating").
const FAULT_WORDS: &[&str] = &[
    // "My phone died halfway through": a device's death (a person's is a distress phrase).
    "died",
    "dead",
    "failed",
    "failing",
    "fail",
    "fails",
    "failure",
    "error",
    "errors",
    "problem",
    "problems",
    "issue",
    "issues",
    "broken",
    "accident",
    "leak",
    "leaking",
    "damage",
    "damaged",
    "lost",
    "missing",
    "wrong",
    "fault",
    "faulty",
    "crash",
    "crashed",
    "crashing",
    "delayed",
    "charged",
    "overcharged",
    "cancelled",
    "canceled",
    "declined",
    "outage",
    "disconnected",
    "dropped",
    "dropping",
    "late",
    "stolen",
    "fraud",
    "scams",
    // "the crime number's HC0176…": the police reference.
    "crime",
    "debt",
    "arrears",
    "rejected",
    "refused",
    "denied",
    "crushed",
    "smashed",
    "cracked",
    "suspended",
    "blocked",
    // "is there a way to block gambling on my cards": the service asked for.
    "block",
    "blocking",
    "penalty",
    "warning",
    "scam",
    "cancel",
    "mistake",
    "mistakes",
];

/// The turn's text with its fault words put as "it", when it has any: a customer is in
/// distress when what they say is negative without the fault's own words too. `None` when
/// the turn names no fault word.
fn without_fault_words(analysis: &Analysis, turn: usize) -> Option<String> {
    let raw = &analysis.conversation.turns[turn].text;
    let text = &analysis.texts[turn];
    let mut rest = String::with_capacity(raw.len());
    let mut from = 0;
    for (k, token) in text.tokens.iter().enumerate() {
        // "I've got the death certificate": the paperwork of a death already told.
        let paperwork = token.norm == "death"
            && matches!(text.word(k + 1), "certificate" | "certificates" | "cert");
        // "charging what, she's dead": a person's death, not a device's.
        let a_person = matches!(token.norm.as_str(), "dead" | "died")
            && (k.saturating_sub(2)..k).any(|b| {
                matches!(
                    text.word(b),
                    "she's" | "he's" | "she" | "he" | "mum" | "dad" | "husband" | "wife"
                )
            });
        if (FAULT_WORDS.contains(&token.norm.as_str()) && !a_person) || paperwork {
            rest.push_str(&raw[from..token.start]);
            rest.push_str("it");
            from = token.end;
        }
    }
    (from > 0).then(|| {
        rest.push_str(&raw[from..]);
        rest
    })
}

/// Whether the customer says somewhere why they type in capitals ("the capitals are because
/// I have macular degeneration", "sorry for the caps"): then capitals are not shouting.
fn explains_capitals(analysis: &Analysis) -> bool {
    analysis.turns_of(Role::Customer).any(|(_, _, text)| {
        text.tokens.iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "capitals" | "caps" | "capslock" | "uppercase" | "upper-case"
            )
        })
    })
}

/// Whether a turn is typed in capitals: at least a dozen letters, nearly all upper case.
fn is_shouted(text: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper >= 12 && upper >= 9 * lower
}

/// Whether `word` (a token's normal form) is one of the customer's name forms; compared as
/// `&str`, which tests the length first, rather than `String` against `CompactString`.
fn is_name_form(forms: &[String], word: &str) -> bool {
    forms.iter().any(|f| f.as_str() == word)
}

/// Content shared between the words of a sentence outside `exclude` (the stock phrases and
/// cues themselves, which say nothing about this customer) and what the customer said before
/// `turn`. A contraction of function words ("I'm sorry, that's the process" after "that's the
/// third time") shares no topic, though the stop-word list leaves some of them in.
fn shared_with_customer(
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

/// In how many agent turns the same sympathy phrase is said before it reads as a habit.
const HABIT_TURNS: usize = 3;

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

/// Fewest words in a sentence without inner punctuation before it is read as a run of clauses.
const RUN_ON_WORDS: usize = 15;

/// Whether a sentence is a long run of words without inner punctuation, as speech is
/// transcribed without it.
fn is_run_on(raw: &str, sentence: &Sentence) -> bool {
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
fn clauses(
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

fn is_question(text: &str, sentence: &Sentence) -> bool {
    // "How can I help today?!" asks too.
    text[sentence.start..sentence.end]
        .trim_end()
        .trim_end_matches('!')
        .ends_with('?')
}

/// A question written without its question mark, as often in chat: an open question word,
/// an auxiliary and "you" or "your" right after ("how long have you been waiting", "what do
/// you enjoy doing", "how old's your little one").
fn unmarked_question(text: &TurnText, sentence: &Sentence) -> bool {
    let mut words = text.tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == crate::analyse::TokenKind::Word)
        .map(|t| t.norm.as_str())
        .skip_while(|w| is_opener(w));
    let Some(first) = words.next() else {
        return false;
    };
    if !matches!(first, "what" | "how" | "why" | "when" | "what's" | "how's") {
        return false;
    }
    let mut rest = words.skip_while(|w| matches!(*w, "long" | "much" | "often" | "come"));
    let aux = rest.next().unwrap_or("");
    let subject = rest.next().unwrap_or("");
    (matches!(
        aux,
        "do" | "did" | "does" | "are" | "were" | "have" | "has" | "is" | "was"
    ) && matches!(subject, "you" | "your" | "u" | "ur"))
        || (matches!(first, "what's" | "how's") && matches!(aux, "your" | "ur"))
        // "how old's your little one": the question's word and "is" run together.
        || (aux.ends_with("'s") && matches!(subject, "your" | "ur"))
        || matches!(aux, "you're" | "you've")
}

/// A yes/no question in a turn transcribed without any punctuation, as speech recognition
/// writes it: an auxiliary and "you" first, past openers and "oh no" ("oh no are you alright
/// now"); the index of the token where the question starts. Asked only of unpunctuated
/// turns: punctuated ones mark their questions themselves.
fn spoken_question(text: &TurnText, sentence: &Sentence) -> Option<usize> {
    let mut words = text.tokens[sentence.tokens.clone()]
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == crate::analyse::TokenKind::Word)
        .map(|(k, t)| (sentence.tokens.start + k, t.norm.as_str()))
        .skip_while(|(_, w)| {
            is_opener(w) || matches!(*w, "no" | "dear" | "gosh" | "god" | "goodness")
        });
    let (start, aux) = words.next()?;
    let subject = words.next().map(|(_, w)| w);
    // "oh no is she okay": after someone the customer spoke of.
    ((matches!(
        aux,
        "are" | "do" | "did" | "have" | "were" | "can" | "could" | "would" | "will"
    ) && matches!(subject, Some("you" | "u")))
        || (matches!(aux, "is" | "are" | "was" | "were")
            && matches!(subject, Some("she" | "he" | "they" | "everyone"))))
    .then_some(start)
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

/// What a phrase in a question says about it (see [`QUESTION_PHRASES`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum QuestionPhrase {
    /// Offering a choice, checking that a step suits, asking for more service work.
    Procedure,
    /// Arguing or advising in question form ("why not…?", "how can you…?", "who will?").
    Rhetoric,
    /// "Why don't you…": a suggestion unless a verb of liking or thinking follows.
    WhyDontYou,
    /// "Have you tried…", "did you try…": a troubleshooting step when a verb of fixing a
    /// device or an account follows ("have you tried restarting the router?"), a question
    /// about the customer's life otherwise ("have you tried talking to your GP?").
    TriedYet,
    /// "Anything else…": the closing offer ("is there anything else I can help with?"),
    /// unless a worry follows ("is there anything else worrying you?").
    AnythingElse,
    /// "How many…", "how much…": counting and pricing, the facts of the case ("how many
    /// invoices are you exporting?"), unless it asks what the trouble does to the customer
    /// ("how much has this affected your business?", "how much is it worrying you?").
    Quantity,
}

/// Phrases of a question's spaced words (see [`spaced_words`]), whole words between spaces.
const QUESTION_PHRASES: &[(&str, QuestionPhrase)] = &[
    (" would you like ", QuestionPhrase::Procedure),
    (" do you want ", QuestionPhrase::Procedure),
    (" shall i ", QuestionPhrase::Procedure),
    (" should i ", QuestionPhrase::Procedure),
    (" would you prefer ", QuestionPhrase::Procedure),
    (" is that right ", QuestionPhrase::Procedure),
    (" is that correct ", QuestionPhrase::Procedure),
    (" is that ok ", QuestionPhrase::Procedure),
    (" is that okay ", QuestionPhrase::Procedure),
    (" is that alright ", QuestionPhrase::Procedure),
    (" is that all right ", QuestionPhrase::Procedure),
    (" is that fine ", QuestionPhrase::Procedure),
    // Agreeing to an arrangement: "is everyone okay with Tuesday?".
    (" okay with ", QuestionPhrase::Procedure),
    (" ok with ", QuestionPhrase::Procedure),
    (" alright with ", QuestionPhrase::Procedure),
    (" all right with ", QuestionPhrase::Procedure),
    (" happy with ", QuestionPhrase::Procedure),
    (" does that work ", QuestionPhrase::Procedure),
    (" does that sound ", QuestionPhrase::Procedure),
    (" anything else ", QuestionPhrase::AnythingElse),
    (" which ", QuestionPhrase::Procedure),
    // Intake: asking for the case, not about the customer's experience of it.
    (" what's the issue ", QuestionPhrase::Procedure),
    (" what is the issue ", QuestionPhrase::Procedure),
    (" what's the problem ", QuestionPhrase::Procedure),
    (" what is the problem ", QuestionPhrase::Procedure),
    (" how many ", QuestionPhrase::Quantity),
    (" how much ", QuestionPhrase::Quantity),
    (" why not ", QuestionPhrase::Rhetoric),
    (" why wouldn't you ", QuestionPhrase::Rhetoric),
    (" why would anyone ", QuestionPhrase::Rhetoric),
    (" why would anybody ", QuestionPhrase::Rhetoric),
    (" how can you ", QuestionPhrase::Rhetoric),
    (" how could you ", QuestionPhrase::Rhetoric),
    (" who will ", QuestionPhrase::Rhetoric),
    (" who would ", QuestionPhrase::Rhetoric),
    (" what can you do ", QuestionPhrase::Rhetoric),
    (" what else can you do ", QuestionPhrase::Rhetoric),
    (" why don't you ", QuestionPhrase::WhyDontYou),
    (" why dont you ", QuestionPhrase::WhyDontYou),
    (" have you tried ", QuestionPhrase::TriedYet),
    (" have you already tried ", QuestionPhrase::TriedYet),
    (" did you try ", QuestionPhrase::TriedYet),
    (" did you already try ", QuestionPhrase::TriedYet),
];

/// The day and its parts: "how are you today?", "good morning, how are you?" and "what
/// happened today?" name nothing of the customer's own.
fn is_time_of_day(word: &str) -> bool {
    matches!(
        word,
        "today" | "tonight" | "morning" | "afternoon" | "evening" | "day"
    )
}

/// Words that make no question specific: "what's up?", "what's on your mind?", "what makes
/// you feel like this?" ask after whatever it is, as "what happened?" does.
fn names_nothing(word: &str) -> bool {
    matches!(
        word,
        "up" | "mind"
            | "going"
            | "happen"
            | "happened"
            | "happening"
            | "wrong"
            | "make"
            | "makes"
            | "made"
            | "feel"
            | "feeling"
            | "like"
            | "way"
            | "thing"
            | "things"
            | "lately"
            | "story"
            | "reason"
            | "reasons"
            | "context"
            | "bit"
            | "more"
            | "okay"
            | "doing"
            | "think"
            | "anything"
            | "something"
            | "everything"
    )
}

/// Whether a word (after "have you tried") is a step of fixing a device, an app or an account.
fn is_troubleshooting_step(word: &str) -> bool {
    matches!(
        word,
        "restarting"
            | "rebooting"
            | "resetting"
            | "reinstalling"
            | "uninstalling"
            | "updating"
            | "clearing"
            | "disconnecting"
            | "reconnecting"
            | "unplugging"
            | "plugging"
            | "switching"
            | "turning"
            | "powering"
            | "logging"
            | "signing"
            | "refreshing"
            | "syncing"
            | "re-syncing"
            | "reseating"
    )
}

/// [`QUESTION_PHRASES`] compiled once: a question is read in one pass.
static QUESTION_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(QUESTION_PHRASES.iter().map(|(p, _)| p)).expect("question phrases compile")
});

/// Whether a question is procedure (asking for data, offering a choice, checking that a step
/// suits, asking the customer to do something) or rhetoric (arguing or advising: "why not give
/// it another go?", "why don't you just reinstall it?", "how can you trust them after that?",
/// "if they won't, who will?") rather than exploration of the customer's experience. `norm` is
/// the question's [`spaced_words`].
fn is_procedure_or_rhetoric(cx: &Context, turn: usize, sentence: &Sentence, norm: &str) -> bool {
    let mut procedure = false;
    let mut rhetoric = false;
    let mut quantity = false;
    for m in QUESTION_AUTOMATON.find_overlapping_iter(norm) {
        // The word after the phrase, which decides the phrases below that depend on it.
        let next = norm[m.end()..].split(' ').next().unwrap_or("");
        match QUESTION_PHRASES[m.pattern().as_usize()].1 {
            QuestionPhrase::Procedure => procedure = true,
            QuestionPhrase::Rhetoric => rhetoric = true,
            QuestionPhrase::Quantity => quantity = true,
            QuestionPhrase::TriedYet => procedure |= is_troubleshooting_step(next),
            // "Is there anything else about the account that's worrying you?" asks after a
            // worry, wherever it names it.
            QuestionPhrase::AnythingElse => {
                procedure |= !matches!(
                    next,
                    "worrying" | "bothering" | "troubling" | "concerning" | "upsetting" | "on"
                ) && ![
                    " worrying you ",
                    " bothering you ",
                    " troubling you ",
                    " upsetting you ",
                ]
                .iter()
                .any(|f| norm.contains(f));
            }
            // "Why don't you try the other cable?" proposes; "why don't you like horror
            // films?" asks for a reason.
            QuestionPhrase::WhyDontYou => {
                rhetoric |= !matches!(
                    next,
                    "like"
                        | "enjoy"
                        | "want"
                        | "feel"
                        | "think"
                        | "trust"
                        | "care"
                        | "love"
                        | "believe"
                        | "agree"
                        | "mind"
                );
            }
        }
    }
    let inside = |r: &std::ops::Range<usize>| {
        r.start >= sentence.tokens.start && r.start < sentence.tokens.end
    };
    procedure |= quantity
        && !cx.hits[turn].feelings.iter().any(|m| inside(&m.tokens))
        && !norm.split(' ').any(|w| {
            matches!(
                w,
                "affect"
                    | "affected"
                    | "affecting"
                    | "affects"
                    | "impact"
                    | "impacted"
                    | "stressing"
                    | "bothering"
                    | "upsetting"
                    | "hurting"
            )
        });
    // An offer to listen ("do you want to talk about it?") is not a service option, though
    // it is put like one.
    let listening_offer = cx.hits[turn]
        .empathy
        .iter()
        .any(|m| inside(&m.tokens) && cx.lexicons.empathy.tag(m).1 == Tone::OfferToListen);
    rhetoric
        || (!listening_offer
            && (procedure
                || cx.hits[turn].info.iter().any(|m| inside(&m.tokens))
                || cx.hits[turn].canned.iter().any(|m| inside(&m.tokens))))
}

/// A sentence's normalised words between spaces, so that phrases match whole words only
/// ("shall i" is not in "shall it", "which" not in "sandwich").
fn spaced_words(text: &TurnText, sentence: &Sentence) -> String {
    let mut norm = String::with_capacity(sentence.end - sentence.start + 2);
    norm.push(' ');
    for t in &text.tokens[sentence.tokens.clone()] {
        norm.push_str(&t.norm);
        norm.push(' ');
    }
    norm
}

/// A bare question for the customer's reasons or meaning ("Why?", "But why?", "In what
/// way?", "How so?"): exploration, if generic, though it names no one.
fn asks_why(text: &TurnText, sentence: &Sentence) -> bool {
    let words: Vec<&str> = text.tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == crate::analyse::TokenKind::Word)
        .map(|t| t.norm.as_str())
        .skip_while(|w| is_opener(w))
        .collect();
    matches!(
        words.as_slice(),
        ["why"]
            | ["why", "so"]
            | ["why", "is", "that"]
            | ["why's", "that"]
            | ["how", "so"]
            | ["how", "come"]
            | ["in", "what", "way"]
            | ["in", "what", "sense"]
    )
}

/// Words that may open a question before its real first word ("so, how are you?").
fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "so" | "and"
            | "but"
            | "or"
            | "well"
            | "hey"
            | "oh"
            | "ok"
            | "okay"
            | "also"
            | "just"
            | "now"
            | "then"
            | "out"
            | "of"
            | "curiosity"
            | "honestly"
            | "anyway"
            | "btw"
            | "haha"
            | "lol"
            | "hmm"
            | "yeah"
            | "yes"
            | "no"
            | "hi"
            | "hello"
    )
}

/// The shape of a question: whether it is an open question ("what", "how", "why"), which
/// invites the customer to tell their experience. Yes/no questions are mostly procedure in
/// service talk ("are you the account holder?") and declaratives with a question mark mostly
/// rhetorical ("you think that's fair?"); those count only through an exploration cue. `None`
/// when it is a request framed as a question ("could you restart the router?").
fn question_form(text: &TurnText, sentence: &Sentence) -> Option<bool> {
    let mut words = text.tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == crate::analyse::TokenKind::Word)
        .map(|t| t.norm.as_str())
        .skip_while(|w| is_opener(w));
    let mut first = words.next()?;
    let mut second = words.next().unwrap_or("");
    // "In what way…?", "to what extent…?" open with their preposition.
    if matches!(first, "in" | "to") && second == "what" {
        first = second;
        second = words.next().unwrap_or("");
    }
    let head = first.split('\'').next().unwrap_or(first);
    if matches!(head, "can" | "could" | "would" | "will" | "won") && second == "you" {
        return None;
    }
    Some(matches!(head, "what" | "how" | "why"))
}

/// Whether a yes/no question asks how the customer is, feels or is affected ("has the wait
/// caused you problems?", "are you coping?", "do you think…?") rather than for a fact of the
/// case ("are you the account holder?").
fn asks_about_experience(text: &TurnText, sentence: &Sentence) -> bool {
    text.tokens[sentence.tokens.clone()].iter().any(|t| {
        matches!(
            t.stem(),
            "feel"
                | "felt"
                | "cope"
                | "manag"
                | "affect"
                | "caus"
                | "worri"
                | "ok"
                | "okay"
                | "alright"
                | "safe"
                | "happen"
                | "experi"
                | "experienc"
                | "bother"
                | "think"
                | "want"
                | "mean"
                | "help"
                | "support"
                | "talk"
                | "struggl"
                | "sleep"
                | "eat"
                | "alon"
                | "friend"
                | "famili"
                | "therapist"
                | "doctor"
                | "consid"
                // The customer's life beyond the case: health, people, days.
                | "hurt"
                | "pain"
                | "injur"
                | "therapi"
                | "counsel"
                | "medic"
                | "parent"
                | "mum"
                | "mom"
                | "dad"
                | "partner"
                | "husband"
                | "wife"
                | "boyfriend"
                | "girlfriend"
                | "kid"
                | "children"
                | "hobbi"
                | "enjoy"
                | "love"
                | "lone"
                | "shi"
                | "depress"
                | "anxious"
                | "anxieti"
                | "scare"
                | "job"
                | "school"
                // People to lean on and a life outside the problem.
                | "peopl"
                | "someon"
                | "anyon"
                | "somebodi"
                | "anybodi"
                | "brother"
                | "sister"
                | "sibl"
                | "relationship"
                | "life"
                | "share"
                | "vent"
                | "reach"
                | "hang"
                | "outsid"
                | "exercis"
                | "fun"
                | "relax"
                | "rest"
                | "tire"
                | "stress"
                | "cri"
                | "drink"
                | "pet"
        )
    })
}

/// Whether a sentence addresses the customer ("you", "your").
fn addresses_customer(text: &TurnText, sentence: &Sentence) -> bool {
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

/// Whether a question is put about the customer themselves: "you" in it (in an open question
/// also "your", as in "what are your goals?", unless the thing is part of the service work:
/// "what's your order number?"), no first person (the agent asking leave or offering: "can I
/// place you on hold?") and no figures.
fn asks_about_customer(text: &TurnText, sentence: &Sentence, open: bool) -> bool {
    let tokens = &text.tokens[sentence.tokens.clone()];
    tokens.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "you" | "u" | "you're" | "you've" | "yourself"
        ) || (open && matches!(t.norm.as_str(), "your" | "ur") && !is_work_talk(text, sentence))
    }) && asks_nothing_of_the_speaker(text, sentence)
}

/// Whether a sentence works out a figure the customer never gave ("so you've used about 437
/// units since, which is around £120"): an estimate of the agent's, not the customer's words
/// taken up. A fact from the record ("so you were referred on 1 March") is not worked out.
fn works_out_new_figures(
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

/// Whether a question asks how someone else is ("Is he okay now?", "Are they safe?", "How's
/// she doing?"): after the person the customer spoke of, the husband taken ill, the child at
/// home.
fn asks_after_someone(text: &TurnText, sentence: &Sentence) -> bool {
    let tokens = &text.tokens[sentence.tokens.clone()];
    tokens.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "he" | "she" | "they" | "he's" | "she's" | "they're"
        )
    }) && tokens.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "okay" | "ok" | "alright" | "safe" | "hurt" | "injured" | "recovering" | "coping"
        ) || (matches!(
            t.norm.as_str(),
            "doing" | "getting" | "managing" | "feeling" | "holding" | "keeping"
        ) && tokens
            .first()
            .is_some_and(|f| matches!(f.norm.as_str(), "how" | "how's" | "hows")))
    }) && asks_nothing_of_the_speaker(text, sentence)
}

/// No first person (the agent asking leave or offering: "can I place you on hold?") and no
/// figures (reading back a reference) in a question.
fn asks_nothing_of_the_speaker(text: &TurnText, sentence: &Sentence) -> bool {
    !text.tokens[sentence.tokens.clone()].iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "i" | "i'm" | "i've" | "i'll" | "i'd" | "me" | "we" | "we'll" | "us"
        )
    }) && !has_figures(text, sentence)
}

/// Feelings that say nothing about the speaker's own hardship: service courtesy ("happy to
/// help"), the hedge "I'm afraid", and joys.
fn is_courtesy_feeling(phrase: &str) -> bool {
    matches!(
        phrase,
        "happy" | "afraid" | "proud" | "excited" | "relieved" | "hospital"
    )
}

/// Words of a first-person sentence that make it the agent's service work or a hedge ("I've
/// checked the system", "I'm afraid I can't"), not an experience of their own.
const SERVICE_WORDS: &[&str] = &[
    // What is free and when: "Earliest I have is Thursday, eight to one."
    "earliest",
    "warning",
    "warnings",
    "marking",
    "noting",
    "colleagues",
    // "…not seeing a cancellation on file".
    "file",
    // "What's your memorable place?" is a security question.
    "memorable",
    "verified",
    "verification",
    "removing",
    "crediting",
    "adding",
    "broker",
    "mobile",
    "flagging",
    "logging",
    "soonest",
    "available",
    "availability",
    "showing",
    "review",
    "reviewed",
    "assessment",
    "reassess",
    "reassessment",
    "check",
    "checked",
    "checking",
    "see",
    "look",
    "looked",
    "looking",
    "send",
    "sent",
    "resend",
    "resent",
    "lifted",
    "unblocked",
    "unfrozen",
    "reconnected",
    "restored",
    "dispatch",
    "dispatched",
    "chase",
    "chased",
    "released",
    "cleared",
    "rerun",
    "reran",
    "reversed",
    "renewed",
    "reactivated",
    "reinstated",
    "transfer",
    "transferred",
    "raise",
    "raised",
    "escalate",
    "escalated",
    "book",
    "booked",
    "arrange",
    "arranged",
    "update",
    "updated",
    // Work in progress: "I'm updating it now", "I'm sending a new one".
    "updating",
    "installing",
    "connecting",
    "restarting",
    "resetting",
    "fixing",
    "sending",
    "processing",
    "booking",
    "arranging",
    "raising",
    "refunding",
    "cancelling",
    "canceling",
    "process",
    "processed",
    "refund",
    "refunded",
    "cancel",
    "cancelled",
    "canceled",
    "confirm",
    "confirmed",
    "note",
    "noted",
    "pass",
    "passed",
    "email",
    "emailed",
    "contact",
    "contacted",
    "sort",
    "sorted",
    "fix",
    "fixed",
    "let",
    "afraid",
    "sure",
    "apologise",
    "apologize",
    "apologies",
    "sorry",
    "help",
    "assist",
    "system",
    "account",
    "team",
    "colleague",
    "manager",
    "supervisor",
    "department",
    "thanks",
    "thank",
    "answer",
    "bearing",
    "hold",
    "moment",
    "minute",
    "number",
    "details",
    "reference",
    "order",
    "payment",
    "bill",
    "billing",
    "sales",
    "specialist",
    "representative",
    "booking",
    "appointment",
    "engineer",
    "delivery",
    "claim",
    "policy",
    "card",
    "credit",
    "moved",
    "added",
    "approved",
    "applied",
    "issued",
    "rebook",
    "rebooked",
    "reschedule",
    "rescheduled",
    "logged",
    "reset",
    "reissued",
    "credited",
    "ordered",
    "replaced",
    "replacement",
    "visit",
    "callback",
    "ticket",
    "case",
    "request",
    "requested",
    "submitted",
    "flagged",
    "activated",
    "unlocked",
    "blocked",
    "block",
    "waived",
    "compensation",
    "voucher",
    "tracking",
    "parcel",
    "courier",
    "technician",
    "slot",
    "tariff",
    "contract",
    "router",
    "connection",
    "signal",
    "wifi",
    "status",
    "fee",
    "charge",
    "charged",
    "discount",
    "upgrade",
    "balance",
    "statement",
    "invoice",
    "receipt",
    "record",
    "records",
    "notes",
    "access",
    "information",
    "screen",
    "queue",
    "line",
    "app",
    "version",
    "code",
    "codes",
    "reading",
    "meter",
    "feed",
    "bank",
    "device",
    "approve",
    "repair",
    "repairs",
    "pay",
    "paid",
    "payee",
    "transaction",
    "purchase",
    "cable",
    "error",
    "settings",
    "password",
    "login",
    "browser",
    "install",
    "installed",
    "restart",
    "reboot",
    "removed",
    "saved",
    "bundle",
    "roaming",
    "active",
    // "I've marked it as a vulnerable customer so it's prioritised" is the agent at work.
    "customer",
    "customers",
    "marked",
    "prioritised",
    "prioritized",
    "priority",
    // What a customer is asked for to be identified: "what's your username?" is procedure.
    "username",
    "postcode",
    "zip",
    "address",
    "birth",
    "surname",
    "interpreter",
    "portal",
    // An income and expenditure assessment: "what would you say your monthly rent or
    // mortgage is?"
    "mortgage",
    "income",
    "expenditure",
    "outgoings",
    // "And your mum's name?" takes down a detail; it explores nothing.
    "name",
    "pin",
    "serial",
    "passport",
    "membership",
];

/// [`SERVICE_WORDS`] as a set: looked up for nearly every word of an agent's sentences.
static SERVICE_WORD_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| SERVICE_WORDS.iter().copied().collect());

/// Whether a word is one of the [`SERVICE_WORDS`].
fn is_service_word(word: &str) -> bool {
    SERVICE_WORD_SET.contains(word)
}

/// Whether a reaction cue reacts to the customer's lot rather than telling of the speaker's
/// own ("I had a horrible day", "I always feel awful") or making a general remark ("it's hard
/// to appreciate it when…"). Cues in the first person ("I'm sorry") speak for themselves.
fn reacts_to_customer(
    text: &TurnText,
    sentence: &Sentence,
    m: &crate::lexicon::PhraseMatch,
) -> bool {
    let tokens = &text.tokens;
    let first_person = |w: &str| {
        matches!(
            w,
            "i" | "i'm" | "i've" | "i'd" | "me" | "my" | "myself" | "im" | "ive"
        )
    };
    if first_person(tokens[m.tokens.start].norm.as_str()) {
        return true;
    }
    // "…to appreciate it when…" is general; "good luck to you" is not.
    let word_after = |k: usize| {
        tokens
            .get(k)
            .filter(|_| k < sentence.tokens.end)
            .map_or("", |t| t.norm.as_str())
    };
    // "If you ever need to talk to anyone, I'm here" offers a person to turn to; "if you
    // need to talk to someone about the bill" routes the call.
    let someone_to_turn_to = matches!(
        word_after(m.tokens.end + 1),
        "someone" | "somebody" | "anyone" | "anybody"
    ) && !is_work_talk(text, sentence);
    let general = matches!(word_after(m.tokens.end), "to" | "when")
        && !matches!(
            word_after(m.tokens.end + 1),
            "you" | "your" | "yours" | "yourself" | "u" | "ya" | "you'd" | "you've" | "you're"
        )
        && !someone_to_turn_to;
    // "I'm sure it'll all work out", "I know it will get better": the speaker's opinion
    // frames the comfort, it does not make it about the speaker.
    let frames_an_opinion = |k: usize| {
        let next = tokens[k + 1..sentence.tokens.end]
            .iter()
            .map(|t| t.norm.as_str())
            .find(|w| !matches!(*w, "am" | "really" | "just" | "so" | "very" | "do"));
        matches!(
            next,
            Some(
                "sure"
                    | "think"
                    | "believe"
                    | "know"
                    | "bet"
                    | "promise"
                    | "reckon"
                    | "expect"
                    | "confident"
                    | "certain"
            )
        )
    };
    // The cue's own words do not count: "message me" offers, it does not tell; nor does a
    // "my friend" said to the customer anywhere in the sentence ("Be strong my friend, …").
    let own = !addresses_customer(text, sentence)
        && before_vocative(text, sentence)
            .filter(|k| !m.tokens.contains(k) && !is_vocative(text, *k))
            .any(|k| {
                first_person(tokens[k].norm.as_str())
                    && !frames_an_opinion(k)
                    && !is_formula_my(
                        k.checked_sub(1).map(|b| tokens[b].norm.as_str()),
                        &tokens[k].norm,
                        tokens.get(k + 1).map(|t| t.norm.as_str()),
                    )
            });
    !general && !own
}

/// Whether, in a question, a reaction cue belongs to the question that asks about the feeling
/// ("has the wait been worrying you?") rather than reacting before asking ("that's awful, are
/// you okay?"): the question goes on after the cue with no break.
fn asks_about_the_feeling(
    text: &str,
    sentence: &Sentence,
    m: &crate::lexicon::PhraseMatch,
) -> bool {
    !text[m.span.end..sentence.end]
        .chars()
        .any(|c| matches!(c, ',' | ';' | ':' | '—' | '–' | '!'))
}

/// The tokens of a sentence before a closing "my friend" / "my dear": a way of addressing the
/// customer, not the speaker talking about themselves ("Hang in there, my friend.").
fn before_vocative(text: &TurnText, sentence: &Sentence) -> std::ops::Range<usize> {
    let range = sentence.tokens.clone();
    let mut words = text.tokens[range.clone()]
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == crate::analyse::TokenKind::Word)
        .rev();
    match (words.next(), words.next()) {
        (Some((_, last)), Some((k, my))) if my.norm == "my" && is_term_of_address(&last.norm) => {
            range.start..range.start + k
        }
        _ => range,
    }
}

/// Words that follow "my" when the speaker addresses someone ("my friend", "my dear").
fn is_term_of_address(word: &str) -> bool {
    matches!(
        word,
        "friend" | "dear" | "darling" | "love" | "man" | "dude" | "mate" | "buddy"
    )
}

/// Whether token `k` is the "my" of a term of address followed by a pause ("Be strong my
/// friend, it will pass"): the next word, if any, is more than a space away.
fn is_vocative(text: &TurnText, k: usize) -> bool {
    let tokens = &text.tokens;
    tokens[k].norm == "my"
        && tokens.get(k + 1).is_some_and(|t| {
            is_term_of_address(&t.norm)
                && tokens.get(k + 2).is_none_or(|next| next.start > t.end + 1)
        })
}

/// A service word that names the work itself (the account, the booking, checking, refunding),
/// not the hedges and courtesies that any speaker uses ("sure", "sorry", "see", "help").
fn is_work_word(word: &str) -> bool {
    is_service_word(word)
        && !matches!(
            word,
            "sorry"
                | "afraid"
                | "sure"
                | "help"
                | "let"
                | "see"
                | "look"
                | "looked"
                | "looking"
                | "thanks"
                | "thank"
                | "moment"
                | "minute"
                | "answer"
                | "moved"
                | "added"
                | "pass"
                | "passed"
                | "sort"
                | "sorted"
                | "fix"
                | "fixed"
                | "note"
                | "bearing"
        )
}

/// Whether a sentence names the work itself (see [`is_work_word`]) or carries a figure: a
/// question about it is procedure ("what version of the app are you on?").
fn is_work_talk(text: &TurnText, sentence: &Sentence) -> bool {
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
fn is_apology(text: &TurnText, sentence: &Sentence) -> bool {
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
fn has_figures(text: &TurnText, sentence: &Sentence) -> bool {
    text.tokens[sentence.tokens.clone()]
        .iter()
        .any(|t| t.kind != crate::analyse::TokenKind::Word)
}

/// Whether a sentence carries a figure that is not the span or age of a life ("for 20 years",
/// "when I was 12"): an amount, a reference, a time of day, or a placeholder.
fn has_service_figures(text: &TurnText, sentence: &Sentence) -> bool {
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
fn is_service_talk(text: &TurnText, sentence: &Sentence) -> bool {
    figures_or_word(text, sentence, is_service_word)
}

/// Whether a "my" is part of a formula, not the speaker's own life: the exclamation "oh my
/// (goodness)" or a courtesy ("my pleasure", "my apologies", "my name is…").
fn is_formula_my(before: Option<&str>, word: &str, after: Option<&str>) -> bool {
    word == "my"
        && (before == Some("oh")
            || after.is_some_and(|w| {
                matches!(
                    w,
                    "goodness"
                        | "gosh"
                        | "god"
                        | "lord"
                        | "word"
                        | "pleasure"
                        | "apologies"
                        | "apology"
                        | "bad"
                        | "name"
                        // "Please accept my condolences", "my deepest sympathies".
                        | "condolences"
                        | "sympathies"
                        | "sympathy"
                        | "deepest"
                        | "sincere"
                        | "sincerest"
                        | "heartfelt"
                        // "Sorry, my English": the speaker's words, not their life.
                        | "english"
                        // "That'd be my bet", "my guess is…": an opinion.
                        | "bet"
                        | "guess"
                        // "It's not showing my side", "on my screen": where the agent looks.
                        | "side"
                        | "end"
                        | "screen"
                )
            }))
}

/// Whether the sentence is the speaker telling of their own life: a first-person subject
/// ("I", "my", not only "me", which is mostly an object: "message me"), at least four words,
/// nothing addressed to the customer and none of the words of service work ("I hated school
/// too", "the worst part of my day is waking up"). Peers show understanding by relating their
/// own experience; an agent's first-person sentences are about the work and are left out, and
/// so are opinions, advice and promises ("I think…", "I'd suggest…", "I'll…"), which say what
/// the speaker thinks or will do, not what they have lived.
fn own_story(
    raw: &str,
    text: &TurnText,
    sentence: &Sentence,
    names: &[String],
    agent: Option<&str>,
) -> bool {
    // Most agent sentences have no speaker in them ("We'll send it today"): settled before the
    // words are gathered.
    if !text.tokens[sentence.tokens.clone()].iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "i" | "i'm" | "i've" | "i'd" | "my" | "myself" | "im" | "ive" | "mine" | "me" | "same"
        )
    }) {
        return false;
    }
    // The customer's name tells nothing ("Maria, I've lifted it" is as short as "I've lifted
    // it").
    let words: Vec<&str> = text.tokens[before_vocative(text, sentence)]
        .iter()
        .filter(|t| {
            t.kind == crate::analyse::TokenKind::Word
                && !(is_name_form(names, &t.norm) && said_as_name(raw, t.start))
        })
        .map(|t| t.norm.as_str())
        .collect();
    let first_person = |w: &str| {
        matches!(
            w,
            "i" | "i'm" | "i've" | "i'd" | "my" | "myself" | "im" | "ive" | "mine"
        )
    };
    // "Same." or "Same here." on its own: the speaker's life is like the customer's.
    if matches!(words.as_slice(), ["same"] | ["same", "here" | "thing"]) {
        return true;
    }
    // The agent narrating the work: "I'm looking at it now", "Okay, I see it.", "Here's what
    // I'm doing".
    let narrates_the_work = words.windows(3).any(|w| {
        matches!(w, ["i'm" | "im", "looking", "at"])
            || (words.len() <= 6
                && (matches!(
                    w,
                    [
                        "i",
                        "see" | "found",
                        "it" | "that" | "this" | "them" | "what's" | "what"
                    ]
                ) || matches!(
                    w,
                    [
                        "i" | "i've" | "ive",
                        "have" | "got",
                        "it" | "that" | "them" | "you"
                    ]
                ) || matches!(
                    // "I've done that now.", "I've seen it on the ramp."
                    w,
                    [
                        "i've" | "ive",
                        "done"
                            | "sorted"
                            | "updated"
                            | "changed"
                            | "cancelled"
                            | "logged"
                            | "seen"
                            | "checked"
                            | "found",
                        "it" | "that" | "this" | "them"
                    ]
                )))
        // "so I've got Biscuit here, cocker spaniel, is that right": a read-back.
        || matches!(w, ["is", "that", "right" | "correct"])
        // "Ha — I did promise.": the call back promised.
        || matches!(w, ["i", "did", "promise" | "say"])
        // "I've found both certificates.": the records.
        || (words.len() <= 6
            && matches!(
                w,
                [
                    "i've" | "ive",
                    "found" | "located" | "traced",
                    "both" | "the" | "your" | "his" | "her" | "their" | "all"
                ]
            ))
        // "I'm asking because sometimes it's the roof", "I'm putting that on the job as well":
        // the questions and the case notes.
        || matches!(w, ["i'm" | "im", "asking", "because" | "as" | "so" | "in"])
        || matches!(
            w,
            [
                "i'm" | "im",
                "putting" | "adding" | "logging" | "noting" | "booking" | "flagging",
                "that" | "it" | "this" | "them" | "a" | "an" | "you"
            ]
        )
        // "One thing to ask before I close it": the steps of the call.
        || matches!(
            w,
            [
                "before" | "once" | "after",
                "i",
                "close" | "end" | "finish" | "submit" | "send" | "transfer" | "hang"
            ]
        )
        // "sorry can I take it again": a request; "no problem at all how can I help today".
        || matches!(
            w,
            [
                "can" | "could" | "may",
                "i",
                "take" | "have" | "get" | "grab" | "confirm" | "ask" | "check" | "just" | "help"
                    | "assist"
            ]
        )
        // "We declined it, that's why I'm ringing.": the reason for the call.
        || matches!(
            w,
            [
                "why",
                "i'm" | "im",
                "ringing" | "calling" | "phoning" | "messaging" | "writing"
            ]
        )
        // "Give me a second while I put that through", "one sec", "Tell Paddy I said hello".
        || matches!(
            w,
            ["give", "me", "a" | "one"] | ["one", "sec" | "second" | "moment", _]
                | ["i", "said", "hello" | "hi"]
        )
        || (words.len() <= 8 && matches!(w, ["i'm" | "im", "doing", "it" | "that" | "this"]))
    }) || (words.len() <= 8
        && words.windows(4).any(|w| {
            matches!(
                w,
                ["i" | "i've" | "ive", "have" | "got", "all", "that" | "this"]
                    | ["i", "can", "see", "it" | "that" | "this" | "them"]
            )
        }))
        || wants_it_done(&words)
        // "I've spoken to transfers.", "I've spoken to Graham in the damp team": a colleague
        // consulted.
        || (words.len() <= 10
            && words.windows(3).any(|w| {
                matches!(w[0], "i've" | "ive")
                    && matches!(w[1], "spoken" | "talked")
                    && matches!(w[2], "to" | "with")
            })
            && words.iter().any(|w| {
                matches!(
                    *w,
                    "transfers"
                        | "team"
                        | "manager"
                        | "leader"
                        | "supervisor"
                        | "department"
                        | "colleague"
                        | "colleagues"
                        | "hotel"
                        | "depot"
                        | "branch"
                        | "store"
                        | "station"
                        | "warehouse"
                        | "courier"
                        | "engineer"
                )
            }))
        // "I have a few alternatives."
        || (words.len() <= 6 && words.iter().any(|w| matches!(*w, "alternatives" | "options")))
        // "I have to ask every one", "I need to check the dose", "I need to make sure I'm
        // talking to the right person": the procedure.
        || words.windows(4).any(|w| {
            matches!(
                w,
                [
                    "i",
                    "have" | "need",
                    "to",
                    "ask" | "check" | "confirm" | "read" | "verify" | "make"
                ]
            )
        })
        // "I've got ten past eleven tonight at St Luke's", "So I've got one accessible double on
        // the ground floor": a slot on the agent's screen.
        || (0..words.len().saturating_sub(1)).any(|k| {
            matches!(words[k], "i" | "i've" | "ive")
                && matches!(words[k + 1], "got" | "have")
                && words[k + 2..words.len().min(k + 7)].iter().any(|w| {
                    matches!(
                        *w,
                        "slot"
                            | "slots"
                            | "appointment"
                            | "appointments"
                            | "tonight"
                            | "past"
                            | "o'clock"
                            | "am"
                            | "pm"
                            | "room"
                            | "rooms"
                            | "double"
                            | "twin"
                            | "table"
                            | "seats"
                            | "availability"
                    )
                })
        // "ring me straight back, I'm on till six": the agent's shift.
        || words.windows(3).any(|w| {
            matches!(w, ["i'm" | "im", "on", "till" | "until" | "today" | "tonight" | "shift"])
        })
        })
        // "I've done everything I can to prioritise it", "That's what I wanted to hear", "can I
        // ask the date he died so I put it on the right day" (the purpose of a question).
        || words.windows(4).any(|w| {
            matches!(
                w,
                ["done", "everything", "i", "can"] | ["i", "wanted", "to", "hear"]
            ) || matches!(
                w,
                [
                    "so",
                    "i" | "we",
                    "put" | "move" | "set" | "change" | "add" | "log" | "book" | "note"
                        | "update" | "send" | "record",
                    "it" | "that" | "them" | "the" | "you" | "this"
                ]
            )
        })
        // "That matches what I have.": the records on the agent's screen.
        || (0..words.len().saturating_sub(2)).any(|k| {
            matches!(words[k..k + 3], ["what", "i", "have" | "see" | "had"])
                && !matches!(
                    words.get(k + 3),
                    Some(&("been" | "gone" | "felt" | "learned" | "learnt" | "done" | "found"))
                )
        })
        // "Hello, my name is Marc, I'm a consular officer at the embassy": an introduction.
        || words
            .windows(3)
            .any(|w| matches!(w, ["my", "name", "is"]))
        || words.windows(2).any(|w| matches!(w, ["my", "name's"]))
        || words.windows(4).any(|w| {
            matches!(w, ["here's" | "heres", "what", "i'm" | "im", "doing"])
                || matches!(
                    w,
                    [
                        "i",
                        "am",
                        "calling" | "ringing" | "phoning",
                        "from" | "about"
                    ]
                )
        })
        || words.windows(3).any(|w| {
            matches!(w, ["bear", "with", "me"])
                || matches!(
                    w,
                    [
                        "i'm" | "im",
                        "calling" | "ringing" | "phoning",
                        "from" | "about" | "on"
                    ]
                )
        })
        || introduces_the_speaker(raw, text, sentence, agent);
    if narrates_the_work {
        return false;
    }
    // Long enough to tell something, not addressed to the customer, not about the work.
    let told_of_own_life = || {
        words.len() >= 4
            && !addresses_customer(text, sentence)
            && !has_service_figures(text, sentence)
            && !words.iter().any(|w| {
                is_service_word(w.strip_suffix("'s").unwrap_or(w))
                    && !matches!(
                        *w,
                        "help" | "see" | "look" | "looked" | "looking" | "sure" | "sorry"
                    )
            })
    };
    // "Give Dennis my best", "send her my love": a greeting to pass on.
    let passed_on = |k: usize| {
        words[k] == "my"
            && ((matches!(words.get(k + 1), Some(&("best" | "love" | "regards")))
                && words[k.saturating_sub(3)..k]
                    .iter()
                    .any(|w| matches!(*w, "give" | "send" | "pass")))
                // "That honestly made my day": thanks returned.
                || (matches!(words.get(k + 1), Some(&("day" | "week" | "morning")))
                    && k > 0
                    && matches!(words[k - 1], "made" | "make" | "makes")))
    };
    let exclamation = |k: usize| {
        is_formula_my(
            k.checked_sub(1).map(|b| words[b]),
            words[k],
            words.get(k + 1).copied(),
        ) || passed_on(k)
    };
    // "I'll do the cancellation myself" promises the work in person.
    let promised_in_person = |k: usize| {
        words[k] == "myself"
            && k + 1 == words.len()
            && words[..k].iter().any(|w| matches!(*w, "i'll" | "ill"))
    };
    // "As I said, a household is defined as…", "Sorry, that took longer than I said", "That's
    // what I thought" point back at the call; they tell nothing. "No, that's fair, I won't."
    // promises.
    let points_back = |k: usize| {
        let next = words.get(k + 1).copied();
        words[k] == "i"
            && ((k > 0
                && matches!(words[k - 1], "as" | "like" | "than")
                && matches!(
                    next,
                    Some("said" | "mentioned" | "explained" | "say" | "promised")
                ))
                || (k > 1
                    && words[k - 1] == "what"
                    && matches!(words[k - 2], "that's" | "thats")
                    && matches!(next, Some("thought" | "figured" | "expected" | "said")))
                || (k + 2 == words.len() && matches!(next, Some("won't" | "wont" | "will"))))
    };
    let subjects: Vec<usize> = (0..words.len())
        .filter(|&k| {
            first_person(words[k]) && !exclamation(k) && !promised_in_person(k) && !points_back(k)
        })
        .collect();
    if subjects.is_empty() {
        // The speaker as the one something happened to: "walking at night works for me",
        // "the group helped me through it" (a request, "please spell it for me", is not).
        // "She's happy for me to kill it" gives leave; it tells nothing that befell the speaker.
        return words.windows(2).enumerate().any(|(k, pair)| {
            matches!(
                pair,
                ["for" | "helped" | "helps" | "worked" | "works", "me"]
            ) && words.get(k + 2) != Some(&"to")
        }) && !words.contains(&"please")
            && told_of_own_life();
    }
    // A later clause may tell it ("I can't go out without coffee, I have no interests"),
    // unless the opinion governs it: "I'm sorry I couldn't do more", "I don't think I've
    // seen it" say what the speaker thinks, not what they lived.
    let mut story = false;
    for at in subjects {
        if !is_opinion(&words, at) && !is_case_action(&words, at) {
            story = true;
            break;
        }
        if governs_a_clause(&words, at) {
            break;
        }
    }
    story && told_of_own_life()
}

/// Whether a word at byte `at` of a turn is written as a name: capitalised, or anywhere in a
/// turn written all in lower case (speech recognition). "I hope it's simple" to Hope Adeyemi
/// keeps its verb.
fn said_as_name(raw: &str, at: usize) -> bool {
    raw.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase)
        || !raw.chars().any(char::is_uppercase)
}

/// Whether the words say what the speaker means to do about the case: "I just want to
/// understand", "I want to make sure it's right", "I want to get this sorted" (not "I want to
/// sign up to that as well", a peer's own wish).
fn wants_it_done(words: &[&str]) -> bool {
    (0..words.len()).any(|k| {
        let at = |n: usize| words.get(k + n).copied().unwrap_or("");
        matches!(at(0), "want" | "wanted")
            && at(1) == "to"
            && words[..k].iter().rev().take(2).any(|s| *s == "i")
            && (matches!(at(2), "understand" | "check" | "explain" | "reassure")
                || (at(2) == "make" && at(3) == "sure")
                || (matches!(at(2), "get" | "sort") && matches!(at(3), "this" | "it" | "that")))
    })
}

/// Whether byte `at` of a turn lies inside a quotation ("…" or “…”): an odd number of
/// straight double quotes, or more opening than closing curly ones, before it.
fn in_quotes(raw: &str, at: usize) -> bool {
    let before = &raw[..at];
    if !before.contains(['"', '\u{201C}']) {
        return false;
    }
    before.matches('"').count() % 2 == 1
        || before.matches('\u{201C}').count() > before.matches('\u{201D}').count()
}

/// Whether a sentence speaks of a general case: "it can be", "this can be", "things can be"
/// ("I know how stressful it can be when plans change at the last minute").
fn generalises(text: &TurnText, sentence: &Sentence) -> bool {
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

/// Whether a sentence opens with the speaker introducing themselves by name ("Hi! I'm Ben
/// from undergrad admissions.", "I'm Priya, …"): "I'm" and a capitalised word, then the
/// sentence's end, a comma or where they are from.
fn introduces_the_speaker(
    raw: &str,
    text: &TurnText,
    sentence: &Sentence,
    agent: Option<&str>,
) -> bool {
    let tokens = &text.tokens[sentence.tokens.clone()];
    // "Merry Christmas (ish) — I'm Brianna!": the agent's own name after "I'm", anywhere.
    let agent_named = |t: &crate::analyse::text::Token| {
        agent
            .and_then(|name| name.split_whitespace().next())
            .is_some_and(|first| first.eq_ignore_ascii_case(&t.norm))
    };
    if tokens
        .windows(2)
        .any(|w| matches!(w[0].norm.as_str(), "i'm" | "im") && agent_named(&w[1]))
    {
        return true;
    }
    let Some(at) = tokens.iter().position(|t| {
        !matches!(
            t.norm.as_str(),
            "hi" | "hello"
                | "hey"
                | "hiya"
                | "there"
                | "good"
                | "morning"
                | "afternoon"
                | "evening"
        )
    }) else {
        return false;
    };
    let capitalised = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.kind == crate::analyse::TokenKind::Word
                && t.norm != "i"
                && raw[t.start..t.end].starts_with(|c: char| c.is_uppercase())
        })
    };
    // "Hi Patience, it's Ben from Northgate, ringing like I said."
    let introduced = (0..tokens.len()).any(|k| {
        matches!(tokens[k].norm.as_str(), "it's" | "its")
            && capitalised(k + 1)
            && tokens
                .get(k + 2)
                .is_some_and(|next| matches!(next.norm.as_str(), "from" | "at" | "here"))
    });
    introduced
        || matches!(tokens[at].norm.as_str(), "i'm" | "im")
            && capitalised(at + 1)
            && tokens.get(at + 2).is_none_or(|next| {
                matches!(
                    next.norm.as_str(),
                    "from" | "with" | "at" | "here" | "in" | "and"
                ) || raw[tokens[at + 1].end..next.start].contains(',')
            })
}

/// Whether the first-person word at `at` is the subject of a verb or adjective that takes a
/// clause ("I think…", "I'm sorry…", "I don't believe…", "I might suggest…"), past adverbs,
/// negations and modals.
fn governs_a_clause(words: &[&str], at: usize) -> bool {
    let head = words[at + 1..].iter().copied().find(|w| {
        !matches!(
            *w,
            "really"
                | "just"
                | "do"
                | "don't"
                | "dont"
                | "not"
                | "honestly"
                | "truly"
                | "also"
                | "still"
                | "totally"
                | "so"
                | "very"
                | "am"
                | "was"
                | "can"
                | "can't"
                | "cant"
                | "could"
                | "might"
                | "may"
                | "would"
                | "will"
        )
    });
    head.is_some_and(|w| {
        matches!(
            w,
            "think"
                | "hope"
                | "guess"
                | "believe"
                | "know"
                | "sorry"
                | "glad"
                | "happy"
                | "pleased"
                | "delighted"
                | "thrilled"
                | "sure"
                | "mean"
                | "suppose"
                | "afraid"
                | "feel"
                | "understand"
                | "agree"
                | "wish"
                | "promise"
                | "suggest"
                | "recommend"
                | "realize"
                | "realise"
                | "bet"
                | "imagine"
        )
    })
}

/// Whether the first-person word at `at` reports something done to the case: "I've asked them
/// to collect it", "I've marked it as…", "I've put your actual reading on" — a participle and
/// then the thing acted on. Participles of living through something ("I've been through it",
/// "I've had the same", "I've tried the meds") tell the speaker's own story.
fn is_case_action(words: &[&str], at: usize) -> bool {
    let mut k = match words[at] {
        "i've" | "ive" => at + 1,
        "i" if words.get(at + 1) == Some(&"have") => at + 2,
        _ => return false,
    };
    while words
        .get(k)
        .is_some_and(|w| matches!(*w, "just" | "also" | "now" | "already" | "since"))
    {
        k += 1;
    }
    let Some(participle) = words.get(k) else {
        return false;
    };
    let experienced = matches!(
        *participle,
        "been"
            | "had"
            | "felt"
            | "gone"
            | "lived"
            | "experienced"
            | "struggled"
            | "suffered"
            | "dealt"
            | "seen"
            | "tried"
            | "learned"
            | "learnt"
            | "realised"
            | "realized"
            | "noticed"
            | "found"
            | "lost"
            | "loved"
            | "hated"
            | "known"
            | "heard"
            | "thought"
            | "wondered"
            | "wanted"
            | "needed"
            | "done"
            | "started"
            | "stopped"
            | "quit"
            | "begun"
            | "watched"
            | "enjoyed"
            | "liked"
            | "played"
            | "visited"
            | "survived"
            | "overcome"
            | "managed"
    ) || (*participle == "made"
        && words.get(k + 1) == Some(&"it")
        && words
            .get(k + 2)
            .is_some_and(|w| matches!(*w, "through" | "out" | "past")));
    let participle_form = participle.ends_with("ed")
        || matches!(
            *participle,
            "put"
                | "set"
                | "sent"
                | "made"
                | "told"
                | "given"
                | "got"
                | "spoken"
                | "taken"
                | "left"
        );
    !experienced
        && participle_form
        && words.get(k + 1).is_some_and(|w| {
            matches!(
                *w,
                "it" | "them"
                    | "the"
                    | "your"
                    | "you"
                    | "this"
                    | "that"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
            )
        })
}

/// Whether the first-person word at `at` opens an opinion, advice or promise ("I think…",
/// "I'd suggest…", "I'll…", "my advice is…") rather than the speaker's own life.
fn is_opinion(words: &[&str], at: usize) -> bool {
    // The words after it, past "am" ("I am sorry" reads as "I'm sorry") and adverbs ("I
    // really think", "I just wanted", "I'm so sorry").
    let spelled_out = words[at] == "i" && words.get(at + 1) == Some(&"am");
    let subject = if spelled_out { "i'm" } else { words[at] };
    let mut rest = words[at + 1 + usize::from(spelled_out)..]
        .iter()
        .copied()
        .skip_while(|w| {
            matches!(
                *w,
                "really"
                    | "so"
                    | "very"
                    | "terribly"
                    | "deeply"
                    | "awfully"
                    | "sincerely"
                    | "genuinely"
                    | "just"
                    | "do"
                    | "honestly"
                    | "truly"
                    | "also"
                    | "personally"
                    | "still"
                    | "totally"
                    | "completely"
                    | "fully"
                    | "absolutely"
                    | "definitely"
                    | "more"
                    | "than"
                    | "quite"
                    | "extremely"
            )
        });
    let next = rest.next().unwrap_or("");
    let after = rest.next().unwrap_or("");
    let third = rest.next().unwrap_or("");
    let fourth = rest.next().unwrap_or("");
    matches!(subject, "i" | "i'm" | "im" | "i'd")
        && (matches!(
            next,
            "think"
                // "I appreciate that": thanks returned, not something lived.
                | "appreciate"
                | "hope"
                | "guess"
                | "believe"
                | "suggest"
                | "recommend"
                | "understand"
                | "know"
                | "agree"
                | "mean"
                | "can"
                | "could"
                | "will"
                | "would"
                | "should"
                | "shouldn't"
                | "may"
                | "might"
                | "need"
                | "sorry"
                | "sure"
                | "confident"
                | "certain"
                | "glad"
                | "happy"
                | "pleased"
                | "delighted"
                | "thrilled"
                | "afraid"
                | "gonna"
                | "here"
                | "not"
                | "don't"
                | "dont"
                | "can't"
                | "cant"
                | "cannot"
                | "unable"
                // Performatives: "No bailiffs, I promise."
                | "promise"
                | "guarantee"
                | "assure"
                | "swear"
        ) || words[at] == "i'd"
            // "I get it", "I get why…": understanding, not the speaker's own life.
            || (next == "get"
                && matches!(
                    after,
                    "it" | "that" | "this" | "you" | "why" | "how" | "what"
                ))
            // "I wish I could do more from here": regret for the service's limits (a peer's
            // "I wish I could live in it" is their own longing).
            || (next == "wish"
                && after == "i"
                && third == "could"
                && matches!(fourth, "do" | "help" | "offer" | "change" | "fix" | "sort" | "give"))
            // "I'm always happy to help" is a courtesy; "I'm always here" may be a life.
            || (next == "always" && matches!(after, "happy" | "glad" | "pleased" | "delighted"))
            // "I'm going to…" is an intention; "I'm going through…" the speaker's own life.
            || (next == "going" && after != "through")
            || (next == "feel"
                && match after {
                    "for" | "that" | "you" => true,
                    // "I feel like it could be shorter" is an opinion; "I feel like I only
                    // deserve…", "I feel like a failure" is how the speaker feels.
                    "like" => {
                        !matches!(third, "i" | "i'm" | "im" | "i've" | "my" | "me" | "a" | "an")
                    }
                    _ => false,
                }))
        // "My advice is…", "my guess is…": an opinion in the first person.
        || (words[at] == "my"
            && matches!(
                next,
                "advice" | "suggestion" | "opinion" | "guess" | "recommendation"
            ))
}

/// Whether the sentence is the speaker disclosing a hardship of their own: a first-person
/// sentence, not addressed to the customer, naming a feeling or hardship outside stock lines
/// ("I felt so alone after my divorce"). Relating one's own matching experience is how peers
/// show they understand.
fn self_disclosure(
    cx: &Context,
    turn: usize,
    text: &TurnText,
    sentence: &Sentence,
    stock: &[std::ops::Range<usize>],
) -> Option<std::ops::Range<usize>> {
    let tokens = &text.tokens[sentence.tokens.clone()];
    let first_person = tokens.iter().position(|t| {
        matches!(
            t.norm.as_str(),
            "i" | "i'm" | "i've" | "i'd" | "my" | "me" | "myself"
        )
    })?;
    // "I hope Lily's surgery goes smoothly" wishes the customer well; it discloses nothing.
    if tokens
        .get(first_person + 1)
        .is_some_and(|t| matches!(t.norm.as_str(), "hope" | "wish" | "trust"))
    {
        return None;
    }
    if addresses_customer(text, sentence) || is_service_talk(text, sentence) {
        return None;
    }
    // The feeling must follow the speaker closely ("I felt so alone"), not sit in another
    // clause of a long sentence.
    let from = sentence.tokens.start + first_person;
    let to = (from + 6).min(sentence.tokens.end);
    let hits = &cx.hits[turn];
    let lexicons = cx.lexicons;
    hits.feelings
        .iter()
        .filter(|m| !is_courtesy_feeling(lexicons.feelings.phrase(lexicons.feelings.entry(m))))
        .chain(hits.distress.iter())
        .find(|m| {
            m.tokens.start > from
                && m.tokens.start < to
                && !stock.iter().any(|r| r.contains(&m.tokens.start))
                // "can I ask the date he died": someone else's.
                && !(from..m.tokens.start).any(|k| {
                    matches!(
                        text.word(k),
                        "he" | "she" | "they" | "he's" | "she's" | "they're" | "your" | "you"
                    )
                })
        })
        .map(|_| sentence.start..sentence.end)
}

/// Whether the sentence names the feeling that the customer's situation must bring, as a
/// predicate ("that must be so stressful", "being stranded with two little ones sounds
/// exhausting", "that's so frustrating"): EPITOME's strong interpretation, "this must be
/// terrifying". Only a feeling that something sounds, seems, must be or is ("that is", "it's"),
/// or one put to the customer in a clause of its own ("maybe you're afraid of…", "I know
/// you're worried about your mum"), counts: not what the speaker feels ("I was so worried"), a
/// condition ("it could be depression"), a supposition ("if you are worried"), a reason
/// ("because you're depressed") or advice ("don't be scared").
fn inferred_feeling(
    cx: &Context,
    turn: usize,
    raw: &str,
    text: &TurnText,
    sentence: &Sentence,
) -> bool {
    let tokens = &text.tokens;
    let word = |k: usize| tokens[k].norm.as_str();
    let is_intensifier = |w: &str| {
        matches!(
            w,
            "so" | "really"
                | "very"
                | "incredibly"
                | "such"
                | "a"
                | "an"
                | "quite"
                | "pretty"
                | "absolutely"
                | "truly"
                | "awfully"
                | "terribly"
                | "extremely"
                | "probably"
                | "understandably"
                | "bit"
                | "little"
                | "feeling"
                | "getting"
        )
    };
    // "you might be", "you may well be": a guess at the customer's feeling.
    let tentative_you = |modal: usize| {
        let before = |k: usize| k > sentence.tokens.start && word(k - 1) == "you";
        match word(modal) {
            "might" | "may" | "could" => before(modal),
            "well" => {
                modal > sentence.tokens.start
                    && matches!(word(modal - 1), "might" | "may")
                    && before(modal - 1)
            }
            _ => false,
        }
    };
    // The verb that links the feeling to its subject, with the subject's shape.
    let linked = |link: usize| match word(link) {
        "sounds" | "sound" | "seems" | "seem" | "that's" | "thats" | "it's" => true,
        "is" | "was" => {
            link > sentence.tokens.start
                && matches!(word(link - 1), "that" | "it" | "this" | "which")
        }
        "be" => {
            link > sentence.tokens.start && (word(link - 1) == "must" || tentative_you(link - 1))
        }
        // The feeling put to the customer, often tentatively: "maybe you're afraid of what
        // may happen", "you're probably worried the fee will grow".
        "you're" | "youre" => true,
        "are" | "feel" => link > sentence.tokens.start && word(link - 1) == "you",
        "been" => {
            link > sentence.tokens.start + 1 && word(link - 1) == "have" && word(link - 2) == "must"
        }
        // "How stressful!", "I can only imagine how stressful that is".
        "how" => true,
        _ => false,
    };
    // Where the linked feeling's subject is "that", "it" or "this", the subject's position.
    let pronoun_subject = |link: usize| {
        let subject = match word(link) {
            "that's" | "thats" | "it's" => Some(link),
            "sounds" | "sound" | "seems" | "seem" | "is" | "was" => link.checked_sub(1),
            "be" => link.checked_sub(2),
            "been" => link.checked_sub(3),
            _ => None,
        }?;
        (subject >= sentence.tokens.start
            && matches!(
                word(subject),
                "that" | "it" | "this" | "that's" | "thats" | "it's"
            ))
        .then_some(subject)
    };
    // "I can imagine / I know / I can hear how stressful…" understands the customer's feeling;
    // other first-person words before the feeling make it the speaker's own.
    // Whether the verb at `verb` is negated by the word before it ("don't know").
    let negated = |verb: usize| {
        verb > sentence.tokens.start
            && matches!(
                word(verb - 1),
                "not" | "don't" | "dont" | "didn't" | "never" | "can't" | "cannot"
            )
    };
    let understood = |link: usize| {
        word(link) == "how"
            && link > sentence.tokens.start
            && matches!(
                word(link - 1),
                "imagine" | "know" | "understand" | "see" | "appreciate" | "hear" | "tell"
            )
            // "I don't know how stressful it is for others" knows nothing; "I can't imagine
            // how stressful…" is a way of saying it is.
            && !(word(link - 1) != "imagine" && negated(link - 1))
    };
    let speaker_or_supposition = |w: &str| {
        matches!(
            w,
            "i" | "i'm" | "i've" | "i'd" | "me" | "my" | "myself" | "im" | "we" | "our" | "if"
        )
    };
    // Where the customer is the subject of the linked feeling, the position of "you".
    let second_person = |link: usize| match word(link) {
        "you're" | "youre" => Some(link),
        "are" | "feel" => Some(link - 1),
        "be" if word(link - 1) == "well" => Some(link - 3),
        "be" if word(link - 1) != "must" => Some(link - 2),
        _ => None,
    };
    let opens =
        |w: &str| is_opener(w) || matches!(w, "maybe" | "perhaps" | "probably" | "understandably");
    let knows_of = |verb: usize| {
        matches!(
            word(verb),
            "know"
                | "understand"
                | "imagine"
                | "appreciate"
                | "tell"
                | "bet"
                | "sense"
                | "think"
                | "guess"
                | "suspect"
                | "say"
        ) && !negated(verb)
    };
    let lexicons = cx.lexicons;
    cx.hits[turn]
        .feelings
        .iter()
        .filter(|m| m.tokens.start > sentence.tokens.start && m.tokens.start < sentence.tokens.end)
        .any(|m| {
            let phrase = lexicons.feelings.phrase(lexicons.feelings.entry(m));
            // "I'm afraid we can't" is courtesy; "you're afraid of losing it" is a feeling.
            let courtesy_afraid = phrase == "afraid";
            if !courtesy_afraid && !is_feeling_adjective(phrase) {
                return false;
            }
            let link = (sentence.tokens.start..m.tokens.start)
                .rev()
                .find(|&k| !is_intensifier(word(k)));
            link.is_some_and(|link| {
                linked(link)
                    && (!courtesy_afraid || second_person(link).is_some())
                    && match second_person(link) {
                        // Only "you" that opens the sentence's clause: "maybe you're
                        // afraid", "I know you're worried"; not a supposition ("if you're
                        // worried, call us"), a reason ("because you're depressed"), a
                        // relative clause ("things you are scared to do") or the speaker's
                        // formula ("I'm sorry you're upset").
                        Some(you) => {
                            let from = (sentence.tokens.start..you)
                                .rfind(|&k| knows_of(k))
                                .map_or(sentence.tokens.start, |verb| verb + 1);
                            (from..you).all(|k| opens(word(k)) || word(k) == "that")
                                && (sentence.tokens.start..from.saturating_sub(1)).all(|k| {
                                    opens(word(k))
                                        || matches!(
                                            word(k),
                                            "i" | "i'd" | "can" | "do" | "really" | "would"
                                        )
                                })
                        }
                        None => {
                            understood(link)
                                || !(sentence.tokens.start..m.tokens.start)
                                    .any(|k| speaker_or_supposition(word(k)))
                                // "I'm so sorry, Marcus, that must be frightening": the
                                // apology before the pronoun's clause is the speaker's, the
                                // feeling is not.
                                || pronoun_subject(link).is_some_and(|subject| {
                                    subject > sentence.tokens.start
                                        && raw[tokens[subject - 1].end..tokens[subject].start]
                                            .contains([',', ';', '\u{2013}', '\u{2014}'])
                                        && !(sentence.tokens.start..subject)
                                            .any(|k| word(k) == "if")
                                        && !(subject..m.tokens.start)
                                            .any(|k| speaker_or_supposition(word(k)))
                                })
                        }
                    }
            })
        })
}

/// Whether a restatement checks what the customer asks for ("let me make sure I've got this
/// right: you want the delivery moved to Saturday?", "so you'd like…") rather than what has
/// happened to them: checking a request is not an interpretation.
fn restates_a_request(
    text: &TurnText,
    sentence: &Sentence,
    m: &crate::lexicon::PhraseMatch,
) -> bool {
    text.tokens[m.tokens.end.min(sentence.tokens.end)..sentence.tokens.end]
        .iter()
        .take(3)
        .any(|t| {
            matches!(
                t.norm.as_str(),
                "want" | "wanted" | "wants" | "like" | "need" | "needed" | "prefer" | "wish"
            )
        })
}

/// Whether a hope is about the answer or the fix working ("I hope that helps", "hopefully
/// this resolves it"), not about the customer: a courtesy of the service, as EPITOME's
/// annotators mostly read "hope that helps" too.
fn hopes_for_the_fix(
    text: &TurnText,
    sentence: &Sentence,
    m: &crate::lexicon::PhraseMatch,
) -> bool {
    let tokens = &text.tokens;
    let hoping = tokens[m.tokens.clone()]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "hope" | "hopefully"));
    let word = |k: usize| (k < sentence.tokens.end).then(|| tokens[k].norm.as_str());
    let next = word(m.tokens.end);
    // "I hope it works out", "I hope that helps you feel safer" wish the customer well.
    let for_the_customer = word(m.tokens.end + 1) == Some("out")
        || (word(m.tokens.end + 1) == Some("you")
            && matches!(word(m.tokens.end + 2), Some("feel" | "to")));
    hoping
        && !for_the_customer
        && matches!(
            next,
            Some(
                "helps"
                    | "helped"
                    | "works"
                    | "worked"
                    | "resolves"
                    | "fixes"
                    | "sorts"
                    | "answers"
                    | "clarifies"
                    | "clears"
                    | "explains"
            )
        )
}

/// Whether the sentence calls what it describes a heavy load: "sorting your mother's
/// appointments on your own while she's in hospital is a lot; I'll keep this simple", "…is a
/// lot to juggle", "three days without internet when you work from home is a long time",
/// "three days without heating with a newborn is really hard". The
/// load must end its clause or take a verb of coping or waiting, so that "is a lot cheaper",
/// "it's a lot of data", "there is a lot to check" and "is a long time ago" are not read as
/// sympathy.
fn names_the_load(raw: &str, text: &TurnText, sentence: &Sentence) -> bool {
    let tokens = &text.tokens;
    let range = sentence.tokens.clone();
    let word = |k: usize| tokens[k].norm.as_str();
    let is_link = |k: usize| match word(k) {
        "is" | "was" => k == range.start || word(k - 1) != "there",
        "that's" | "thats" | "it's" | "this's" => true,
        "like" => k > range.start && matches!(word(k - 1), "sounds" | "seems"),
        _ => false,
    };
    let ends_clause = |k: usize| {
        k + 1 == range.end
            || raw[tokens[k].end..tokens[k + 1].start]
                .contains(&[';', ',', '.', '!', ':', '\u{2013}', '\u{2014}', '('][..])
    };
    let takes_coping = |k: usize| {
        k + 2 < range.end
            && word(k + 1) == "to"
            && matches!(
                word(k + 2),
                "juggle"
                    | "manage"
                    | "carry"
                    | "handle"
                    | "cope"
                    | "deal"
                    | "take"
                    | "face"
                    | "wait"
                    | "go"
                    | "be"
            )
    };
    // Where the load phrase begins: "a lot", "a long time", "a long wait", "a (big) hit", with
    // "such" before; "(really) hard", "tough", "difficult" ("three days without heating with
    // a newborn is really hard").
    let load_from = |k: usize| -> Option<usize> {
        if matches!(word(k), "hard" | "tough" | "difficult") {
            let intensified = k > range.start
                && matches!(
                    word(k - 1),
                    "really" | "so" | "very" | "incredibly" | "genuinely" | "pretty" | "quite"
                );
            return Some(if intensified { k - 1 } else { k });
        }
        let mut from = match word(k) {
            "lot" => k.checked_sub(1)?,
            // "a big hit", "a real blow", "a shock".
            "hit" | "blow" | "shock" | "jump" => {
                let before = k.checked_sub(1)?;
                if matches!(word(before), "big" | "huge" | "massive" | "real" | "nasty") {
                    before.checked_sub(1)?
                } else {
                    before
                }
            }
            "time" | "wait" if k >= range.start + 2 && word(k - 1) == "long" => k - 2,
            _ => return None,
        };
        if from < range.start || word(from) != "a" {
            return None;
        }
        if from > range.start && word(from - 1) == "such" {
            from -= 1;
        }
        Some(from)
    };
    // "It's a lot with two little ones": the load and what makes it one.
    let with_what = |k: usize| k + 1 < range.end && word(k + 1) == "with" && word(k) == "lot";
    (range.start + 2..range.end).any(|k| {
        load_from(k).is_some_and(|from| from > range.start && is_link(from - 1))
            && (ends_clause(k) || takes_coping(k) || with_what(k))
    })
}

/// Whether a [`FEELINGS`](crate::detect::lexicons) entry describes how something feels
/// ("stressful", "frustrated", "lonely"), not a condition or an event ("depression", "pain",
/// "surgery") nor a courtesy ("happy to help").
fn is_feeling_adjective(phrase: &str) -> bool {
    !is_courtesy_feeling(phrase)
        && !matches!(
            phrase,
            "stress"
                | "worry"
                | "anxiety"
                | "fear"
                | "depression"
                | "pain"
                | "hurts"
                | "panic"
                | "grief"
                | "loss"
                | "newborn"
                | "sick"
                | "ill"
                | "surgery"
                | "funeral"
                | "passed away"
                | "died"
                | "grieving"
                | "bereavement"
                | "no heating"
                | "no power"
                | "be without"
                | "left without"
        )
}

/// Empathy findings of the whole conversation.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen_lines: HashMap<String, usize> = HashMap::new();
    // For each sympathy phrase, the agent turns that said it, in order.
    let mut cue_turns: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut empathic_turns = vec![false; analysis.texts.len()];
    let mut last_agent_turn: Option<usize> = None;
    for (i, turn, text) in analysis.turns_of(Role::Agent) {
        // After a transfer another agent speaks: their "I'm sorry" repeats nobody's.
        if last_agent_turn.is_some_and(|a| another_agent(analysis, cx, a..i)) {
            seen_lines.clear();
            cue_turns.clear();
        }
        last_agent_turn = Some(i);
        // Empathy answers something the customer shared: a greeting's "what's up?" or "what's
        // going on?" before the customer has said anything explores nothing.
        if analysis.previous_of(i, Role::Customer).is_none() {
            continue;
        }
        let cues = &cx.hits[i].empathy;
        let stock: Vec<std::ops::Range<usize>> = cues
            .iter()
            .map(|m| m.tokens.clone())
            .chain(cx.hits[i].canned.iter().map(|m| m.tokens.clone()))
            .collect();
        let feelings = &cx.hits[i].feelings;
        // Whether what the customer said since the agent last spoke voiced a problem or
        // distress ("it's a sad film" in chit-chat infers nothing), a message split over several
        // chat turns ("my card got declined at tesco", "but theres money in the account??")
        // read whole; worked out when first needed.
        let troubled = std::cell::OnceCell::new();
        let customer_troubled = || {
            *troubled.get_or_init(|| {
                let Some(last) = analysis.previous_of(i, Role::Customer) else {
                    return false;
                };
                let from = analysis
                    .conversation
                    .turns
                    .get(..last)
                    .and_then(|before| {
                        before
                            .iter()
                            .rposition(|t| matches!(t.role, Role::Agent | Role::Bot))
                    })
                    .map_or(0, |a| a + 1);
                (from..=last).any(|c| {
                    analysis.conversation.turns[c].role == Role::Customer
                        && raises_trouble(analysis, cx, c)
                })
            })
        };
        // Sentences of this turn with specific empathy, and the generic ones held back until
        // the turn is read: a bare "I'm so sorry." beside "the night before a big
        // presentation is the worst time for that" belongs to it.
        let mut specific_sentences: Vec<usize> = Vec::new();
        let mut generic: Vec<(usize, Finding)> = Vec::new();
        // Sentences are split only in a run of speech without punctuation that holds a
        // statement or a stock line: most turns are read sentence by sentence as they are.
        let units: std::borrow::Cow<[Sentence]> = if (!cues.is_empty()
            || !cx.hits[i].canned.is_empty())
            && text.sentences.iter().any(|s| is_run_on(&turn.text, s))
        {
            let mut statements: Vec<std::ops::Range<usize>> = cues
                .iter()
                .filter(|m| cx.lexicons.empathy.tag(m).0 != Mechanism::Exploration)
                .chain(&cx.hits[i].canned)
                .map(|m| m.tokens.clone())
                .collect();
            statements.sort_unstable_by_key(|r| (r.start, r.end));
            text.sentences
                .iter()
                .flat_map(|s| {
                    clauses(
                        &turn.text,
                        text,
                        s,
                        &statements,
                        analysis.customer_name.as_ref().map_or(&[], |n| &n.forms),
                    )
                })
                .collect::<Vec<_>>()
                .into()
        } else {
            (&text.sentences[..]).into()
        };
        // Speech recognition writes no punctuation at all (see [`spoken_question`]).
        let unpunctuated = !turn.text.bytes().any(|b| matches!(b, b'.' | b'?' | b'!'));
        for (n, sentence) in units.iter().enumerate() {
            let within = |r: &std::ops::Range<usize>| {
                r.start >= sentence.tokens.start && r.start < sentence.tokens.end
            };
            let spoken_from = if unpunctuated {
                spoken_question(text, sentence)
            } else {
                None
            };
            let question = is_question(&turn.text, sentence) || unmarked_question(text, sentence);
            let procedure_or_rhetoric = question
                && is_procedure_or_rhetoric(cx, i, sentence, &spaced_words(text, sentence));
            // Worked out when first needed: most sentences carry no empathy at all.
            let shared_words = std::cell::OnceCell::new();
            let shared = || {
                *shared_words
                    .get_or_init(|| shared_with_customer(analysis, i, text, sentence, &stock))
            };
            // A feeling named of a general case ("how stressful it can be when plans change")
            // is not named for the customer.
            let names_feeling = feelings
                .iter()
                .any(|m| within(&m.tokens) && !stock.iter().any(|r| r.contains(&m.tokens.start)))
                && !generalises(text, sentence);
            let specific = || names_feeling || shared() > 0;
            // A question that names something of its own ("how has the outage affected the
            // café?") is specific; one made only of its cue ("what happened?") is generic.
            let names_something = || {
                text.tokens[sentence.tokens.clone()]
                    .iter()
                    .enumerate()
                    .any(|(k, t)| {
                        let at = sentence.tokens.start + k;
                        // "Good morning" greets.
                        let greeting = t.norm == "good"
                            && text
                                .tokens
                                .get(at + 1)
                                .is_some_and(|next| is_time_of_day(&next.norm));
                        t.is_content()
                            && !is_time_of_day(&t.norm)
                            && !names_nothing(&t.norm)
                            && crate::analyse::text::expand_contraction(&t.norm).is_none()
                            && !greeting
                            && !stock.iter().any(|r| r.contains(&at))
                    })
            };
            let mut best: [Option<(u8, std::ops::Range<usize>, &str)>; 3] = [None, None, None];
            // Why a cue is strong when it shares no words with the customer, where that is not
            // the specific feeling or situation it names.
            let mut strong_by: [&str; 3] = [""; 3];
            let mut sympathy = false;
            // The sympathy phrases said in the sentence, as the lexicon reads them.
            let mut sympathy_cues: Vec<&str> = Vec::new();
            for m in cues.iter().filter(|m| within(&m.tokens)) {
                // "I'll copy it word for word: "So sorry for your loss…"": words the agent
                // quotes are not the agent's own.
                if in_quotes(&turn.text, m.span.start) {
                    continue;
                }
                // "That's not on you" takes the blame off the customer (a kindness of its
                // own); "that's not on" alone finds the treatment unacceptable.
                if text.word(m.tokens.end - 1) == "on" && text.word(m.tokens.end) == "you" {
                    continue;
                }
                // "Sorry to see you go" is the goodbye of a cancellation.
                if text.word(m.tokens.end - 1) == "see"
                    && text.word(m.tokens.end) == "you"
                    && matches!(text.word(m.tokens.end + 1), "go" | "leave")
                {
                    continue;
                }
                // "I don't totally understand the bill" is no understanding.
                if m.tokens.start > 0
                    && matches!(
                        text.word(m.tokens.start - 1),
                        "not" | "never" | "don't" | "dont" | "didn't" | "doesn't"
                    )
                    && turn.text[text.tokens[m.tokens.start - 1].end..m.span.start]
                        .trim()
                        .is_empty()
                {
                    continue;
                }
                let (mechanism, tone) = cx.lexicons.empathy.tag(m);
                // "Can I also have the crime reference number?" asks; "I also have…" would tell.
                if mechanism == Mechanism::Interpretation
                    && text.word(m.tokens.start) == "i"
                    && m.tokens.start > sentence.tokens.start
                    && matches!(
                        text.word(m.tokens.start - 1),
                        "can" | "could" | "may" | "might" | "shall" | "will" | "would"
                    )
                {
                    continue;
                }
                // "Would it help if I went through them one at a time?" offers to explain, and
                // "I've gone through it with her" briefed a colleague: no experience of one's
                // own.
                let object = |k: usize| matches!(text.word(k), "them" | "it" | "that" | "this");
                // The token after "through" (its object, when the cue ends with one).
                let after_through = match m.tokens.end {
                    end if text.word(end - 1) == "through" => Some(end),
                    end if end >= 2 && text.word(end - 2) == "through" && object(end - 1) => {
                        Some(end - 1)
                    }
                    _ => None,
                };
                if after_through.is_some_and(|k| {
                    (m.tokens.start > 0 && text.word(m.tokens.start - 1) == "if")
                        || (object(k) && text.word(k + 1) == "with")
                }) {
                    continue;
                }
                // Unpunctuated speech asks "oh no are you alright now" without a question
                // mark; only a question about the customer's state counts so, as typed chat
                // without punctuation asks "have you seen the martian" of the task.
                let asked_aloud = spoken_from.is_some() && tone != Tone::Probe;
                if mechanism == Mechanism::Exploration
                    && (!(question || asked_aloud) || procedure_or_rhetoric)
                {
                    continue;
                }
                if tone == Tone::Probe && is_work_talk(text, sentence) {
                    continue;
                }
                // "Are you still there?" checks the line; "can you tell me what the issue is?"
                // asks for the case again.
                if mechanism == Mechanism::Exploration
                    && ((text.word(m.tokens.end - 1) == "still"
                        && matches!(text.word(m.tokens.end), "there" | "with" | "on" | "here"))
                        || (text.word(m.tokens.end - 1) == "what"
                            && text.tokens[m.tokens.end..sentence.tokens.end]
                                .iter()
                                .take(4)
                                .any(|t| {
                                    matches!(
                                        t.norm.as_str(),
                                        "issue" | "problem" | "query" | "matter" | "fault"
                                    )
                                })))
                {
                    continue;
                }
                // "Hi Dawn, it's Jordan from BrightWay, how are you today?" opens an outbound
                // call: a greeting, asked before the customer told anything ("Yes, who's
                // this?"). After "my claim was declined" it asks after them, if weakly.
                if mechanism == Mechanism::Exploration
                    && matches!(
                        cx.lexicons.empathy.said(m),
                        "how are you" | "how are you doing" | "how are you today"
                    )
                    && analysis
                        .turns_of(Role::Agent)
                        .next()
                        .is_some_and(|(first, _, _)| first == i)
                    && analysis
                        .turns_of(Role::Customer)
                        .take_while(|(c, _, _)| *c < i)
                        .all(|(_, _, said)| {
                            said.tokens
                                .iter()
                                .filter(|t| t.kind == TokenKind::Word)
                                .count()
                                <= GREETING_WORDS
                        })
                {
                    continue;
                }
                // "Is anyone in the property vulnerable, for example elderly, disabled, or with
                // young children?" reads out a screening checklist.
                if mechanism == Mechanism::Exploration
                    && text.tokens[sentence.tokens.clone()]
                        .iter()
                        .any(|t| matches!(t.norm.as_str(), "elderly" | "disabled" | "pensioner"))
                {
                    continue;
                }
                // "…for ninety days, so you've got time to record the greeting" gives a result,
                // not the customer's situation: a restatement with "so" opens its sentence.
                let so_in_mid_sentence = || {
                    text.word(m.tokens.start) == "so"
                        && text.tokens[sentence.tokens.start..m.tokens.start]
                            .iter()
                            .any(|t| !is_opener(&t.norm))
                };
                // "Just so you're aware, …" informs; it restates nothing.
                let so_you_know = || {
                    text.word(m.tokens.end) == "aware"
                        || (m.tokens.start > 0 && text.word(m.tokens.start - 1) == "just")
                };
                if tone == Tone::Restatement
                    && (shared() == 0
                        || so_in_mid_sentence()
                        || so_you_know()
                        || restates_a_request(text, sentence, m)
                        || works_out_new_figures(analysis, i, text, sentence))
                {
                    continue;
                }
                // "It sounds like your router needs replacing" diagnoses; "it sounds like your
                // bill has worn you down" is about the customer.
                if tone == Tone::Impression
                    && !names_feeling
                    && is_work_talk(text, sentence)
                    && !text.tokens[m.tokens.end..sentence.tokens.end]
                        .iter()
                        .any(|t| {
                            matches!(t.norm.as_str(), "you" | "you're" | "you've" | "yourself")
                        })
                {
                    continue;
                }
                if tone == Tone::Positive && hopes_for_the_fix(text, sentence, m) {
                    continue;
                }
                // (The denials, "it's not stupid", are comfort: other cues are not read for one.)
                if tone == Tone::Positive
                    && !denies_their_self_judgement(analysis, i, cx.lexicons.empathy.said(m))
                {
                    continue;
                }
                // "Oh, brilliant. Fifteen years of loyalty really paid off, didn't it." — "I'm
                // really glad to hear that": gladness at sarcasm is a misreading, not empathy.
                if tone == Tone::Joy && answers_sarcasm(analysis, i) {
                    continue;
                }
                if mechanism == Mechanism::Reaction
                    && tone != Tone::Felt
                    && (!reacts_to_customer(text, sentence, m)
                        || (question && asks_about_the_feeling(&turn.text, sentence, m)))
                {
                    continue;
                }
                // "So sorry for the wait" is an apology for the service, not a feeling for the
                // customer: at most a weak reaction. So is "I'm sorry, there are no tables at
                // seven" or "I can't confirm anything about arrears, I'm sorry": an apology for
                // the bad news beside it.
                let bad_news = || {
                    cx.hits[i].failure.iter().any(|f| {
                        within(&f.tokens)
                            && !(f.tokens.start >= m.tokens.start && f.tokens.end <= m.tokens.end)
                    })
                };
                // "I'm sorry you feel that way" is the stock non-apology: no feeling for them.
                // (Said of "that way"; a peer's "I'm sorry you feel this way" is sympathy.)
                let stock_apology = || {
                    cx.hits[i].canned.iter().any(|c| {
                        cx.lexicons.canned.tag(c) == crate::detect::lexicons::Canned::Apology
                            && c.tokens.start <= m.tokens.start
                            && c.tokens.end >= m.tokens.end
                            && cx.lexicons.canned.said(c).ends_with("that way")
                    })
                };
                let service_apology = (tone == Tone::Felt
                    && (is_apology(text, sentence) || stock_apology()))
                    || (mechanism == Mechanism::Reaction
                        && cx.lexicons.empathy.said(m).contains("sorry")
                        && bad_news());
                let tone = if service_apology {
                    Tone::Sympathy
                } else {
                    tone
                };
                let sympathetic = matches!(
                    tone,
                    Tone::Sympathy
                        | Tone::Impression
                        | Tone::Felt
                        | Tone::Comfort
                        | Tone::Understanding
                ) && mechanism != Mechanism::Exploration;
                if sympathetic {
                    sympathy = true;
                    sympathy_cues.push(cx.lexicons.empathy.said(m));
                }
                // A matching experience of one's own is specific by nature, and a feeling of
                // one's own stated for the customer is strong by EPITOME's definition.
                let strong = match (mechanism, tone) {
                    _ if service_apology => false,
                    (_, Tone::Experience | Tone::Solidarity | Tone::Felt) => true,
                    // "…how frustrating it can be when your order doesn't arrive" is anyone's
                    // feeling in such a case, not the customer's.
                    _ if generalises(text, sentence) => false,
                    (Mechanism::Exploration, _) => specific() || names_something(),
                    // Hope, encouragement and comfort allude to a feeling without naming it:
                    // weak, as in EPITOME; named joy is strong when about the customer's news.
                    (_, Tone::Positive | Tone::Comfort) => false,
                    (_, Tone::Joy) => shared() > 1,
                    _ => specific(),
                };
                let level = if strong { 2 } else { 1 };
                // Offers to listen, understanding and solidarity allude to the customer's
                // feeling as well: a weak reaction besides their own mechanism.
                if matches!(
                    tone,
                    Tone::OfferToListen | Tone::Understanding | Tone::Solidarity
                ) {
                    best[Mechanism::Reaction as usize].get_or_insert((
                        1,
                        m.span.clone(),
                        cx.lexicons.empathy.said(m),
                    ));
                }
                let slot = &mut best[mechanism as usize];
                if slot.as_ref().is_none_or(|(l, _, _)| level > *l) {
                    *slot = Some((level, m.span.clone(), cx.lexicons.empathy.said(m)));
                    strong_by[mechanism as usize] = match tone {
                        _ if level < 2 => "",
                        Tone::Felt => "a feeling of the speaker's own, stated for the customer",
                        Tone::Experience | Tone::Solidarity => {
                            "a matching experience of the speaker's own"
                        }
                        _ => "",
                    };
                }
            }
            // A question about the customer's own words is exploration even without a cue, and
            // so is an open or yes/no question put to the customer; a declarative with a
            // question mark is mostly rhetorical, and a request is not a question at all.
            // A question about the work itself is never exploration.
            if best[Mechanism::Exploration as usize].is_none()
                && question
                && !procedure_or_rhetoric
                && !is_work_talk(text, sentence)
            {
                let form = question_form(text, sentence);
                // An open question may take up the customer's own words without a "you"
                // ("How's the move gone otherwise?").
                if form.is_some()
                    && shared() > 0
                    && (asks_about_customer(text, sentence, true)
                        || (form == Some(true) && asks_nothing_of_the_speaker(text, sentence)))
                {
                    best[Mechanism::Exploration as usize] = Some((
                        2,
                        sentence.start..sentence.end,
                        "a question about what the customer said",
                    ));
                } else if (form == Some(true)
                    || (form.is_some() && (names_feeling || asks_about_experience(text, sentence))))
                    && asks_about_customer(text, sentence, form == Some(true))
                {
                    best[Mechanism::Exploration as usize] = Some((
                        if specific() || names_something() {
                            2
                        } else {
                            1
                        },
                        sentence.start..sentence.end,
                        "an open question about the customer",
                    ));
                } else if asks_why(text, sentence) {
                    best[Mechanism::Exploration as usize] = Some((
                        1,
                        sentence.start..sentence.end,
                        "a bare question for the customer's reasons",
                    ));
                } else if form.is_some() && asks_after_someone(text, sentence) {
                    best[Mechanism::Exploration as usize] = Some((
                        2,
                        sentence.start..sentence.end,
                        "a question after someone the customer spoke of",
                    ));
                }
            }
            // Relating a hardship of one's own, or naming the feeling the customer's situation
            // must bring, is a specific interpretation.
            if best[Mechanism::Interpretation as usize]
                .as_ref()
                .is_none_or(|(l, _, _)| *l < 2)
                && !question
            {
                // A stock line infers nothing: "I completely understand how frustrating this
                // must be for you" is the same wherever it is pasted.
                let scripted = || cx.hits[i].canned.iter().any(|c| within(&c.tokens));
                if inferred_feeling(cx, i, &turn.text, text, sentence)
                    && !scripted()
                    && !generalises(text, sentence)
                    && customer_troubled()
                {
                    best[Mechanism::Interpretation as usize] = Some((
                        2,
                        sentence.start..sentence.end,
                        "a feeling inferred from the customer's situation",
                    ));
                } else if names_the_load(&turn.text, text, sentence)
                    && shared() > 0
                    && customer_troubled()
                {
                    best[Mechanism::Interpretation as usize] = Some((
                        2,
                        sentence.start..sentence.end,
                        "the customer's situation named as a heavy load",
                    ));
                } else if let Some(span) = self_disclosure(cx, i, text, sentence, &stock) {
                    best[Mechanism::Interpretation as usize] =
                        Some((2, span, "the speaker's own matching experience"));
                } else if own_story(
                    &turn.text,
                    text,
                    sentence,
                    analysis.customer_name.as_ref().map_or(&[], |n| &n.forms),
                    analysis.conversation.agent_name.as_deref(),
                ) && !cx.hits[i].failure.iter().any(|m| within(&m.tokens))
                {
                    best[Mechanism::Interpretation as usize] = Some((
                        2,
                        sentence.start..sentence.end,
                        "the speaker relating an experience of their own",
                    ));
                }
            }
            // A strong reaction or interpretation; a question's specific exploration does not
            // make the stock line before it ("I understand your frustration.") the customer's.
            let strong_here = best[..2].iter().flatten().any(|(level, _, _)| *level == 2);
            let mut any = false;
            // A strong interpretation is about the customer's situation by its own test (their
            // words, the feeling their trouble brings, a matching experience), so the sentence is
            // not also generic ("that's frustrating, and I can see why you want it sorted
            // today"). A felt reaction is strong without being specific ("so sorry to hear
            // that!!"), so it does not count here.
            let interprets_the_situation =
                matches!(best[Mechanism::Interpretation as usize], Some((2, _, _)));
            for ((mechanism, slot), by) in [
                Mechanism::Reaction,
                Mechanism::Interpretation,
                Mechanism::Exploration,
            ]
            .into_iter()
            .zip(best)
            .zip(strong_by)
            {
                let Some((level, span, cue)) = slot else {
                    continue;
                };
                any = true;
                let why = if level == 2 {
                    let shared = shared();
                    if shared > 0 {
                        format!(
                            "strong: \"{cue}\", tied to the customer's words ({shared} shared content words)"
                        )
                    } else if !by.is_empty() {
                        format!("strong: \"{cue}\", {by}")
                    } else {
                        format!("strong: \"{cue}\", naming a specific feeling or situation")
                    }
                } else {
                    format!("weak: \"{cue}\", generic")
                };
                let mut f = finding(analysis, mechanism.rule(), i, span, why);
                f.level = Some(level);
                out.push(f);
            }
            if !any {
                continue;
            }
            // "i do apologise for any inconvenience caused there" to "so it'll keep charging
            // her… she's dead": a stock apology for inconvenience meets no one's feeling.
            let mut sentence_cues = cues.iter().filter(|m| within(&m.tokens)).peekable();
            let inconvenience_only = sentence_cues.peek().is_some()
                && sentence_cues.all(|m| {
                    cx.hits[i].canned.iter().any(|c| {
                        cx.lexicons.canned.tag(c) == crate::detect::lexicons::Canned::Apology
                            && c.tokens.start <= m.tokens.start
                            && c.tokens.end >= m.tokens.end
                            && cx.lexicons.canned.said(c).contains("inconvenience")
                    })
                });
            if inconvenience_only {
                continue;
            }
            if strong_here && (specific() || interprets_the_situation) {
                specific_sentences.push(n);
            }
            if !sympathy || question || spoken_from.is_some() {
                empathic_turns[i] = true;
                continue;
            }
            // "Sorry to hear about your dad" names the customer's own (a person, a loss);
            // "sorry about your situation" does not. "I'm so sorry he's been going through
            // that" is about the son the customer spoke of.
            let names_theirs = || {
                cues.iter().filter(|m| within(&m.tokens)).any(|m| {
                    cx.lexicons.empathy.tag(m).1 == Tone::Felt
                        && (text.tokens[m.tokens.clone()].windows(2).any(|pair| {
                            matches!(pair[0].norm.as_str(), "your" | "ur")
                                && !matches!(
                                    pair[1].norm.as_str(),
                                    "situation" | "news" | "trouble" | "experience"
                                )
                        }) || text.tokens.get(m.tokens.end).is_some_and(|next| {
                            m.tokens.end < sentence.tokens.end
                                && matches!(next.norm.as_str(), "he" | "she" | "he's" | "she's")
                        }) || {
                            // "Sorry it's been hanging over you": the customer's worry, named.
                            let said = cx.lexicons.empathy.said(m);
                            said.ends_with("hanging over you") || said.ends_with("weighing on you")
                        })
                })
            };
            // A feeling named in the agent's own words ("that sounds really frightening") is
            // named, though EPITOME grades the phrase weak; one inside a stock line ("I
            // understand your frustration") is the script's.
            let names_a_feeling_unscripted = || {
                !generalises(text, sentence)
                    && feelings.iter().any(|m| {
                        within(&m.tokens)
                            && !cx.hits[i]
                                .canned
                                .iter()
                                .any(|c| c.tokens.contains(&m.tokens.start))
                    })
            };
            // An impression of the customer in the agent's own words ("it sounds like you've
            // been carrying a huge amount on your own"), an account of what they went through
            // ("you've had a horrible twelve hours"), or their trouble named as a load on top
            // of the rest of their situation ("it's a lot to deal with on top of everything
            // else"), refers to what they said without repeating it.
            let recounts_their_ordeal = || {
                let words: Vec<&str> = text.tokens[sentence.tokens.clone()]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .skip_while(|w| is_opener(w))
                    .take(3)
                    .collect();
                // Also after a comma: "That's completely understandable, you've had a fright."
                let clause_opens = |k: usize| {
                    k > sentence.tokens.start
                        && (matches!((text.word(k), text.word(k + 1)), ("you've", "had" | "been"))
                            || (text.word(k) == "you"
                                && text.word(k + 1) == "have"
                                && matches!(text.word(k + 2), "had" | "been")))
                        && turn.text[text.tokens[k - 1].end..text.tokens[k].start].contains(',')
                };
                let told_of_them = matches!(
                    words.as_slice(),
                    ["you've", "had" | "been", ..] | ["you", "have", "had" | "been"]
                ) || sentence.tokens.clone().any(clause_opens);
                // "That's rotten, when you'd got yourself all ready for it": what befell them,
                // in the past, not a general "…how frustrating it can be when your order…".
                let befell_them = text.tokens[sentence.tokens.clone()].windows(3).any(|w| {
                    matches!(w[0].norm.as_str(), "when" | "after")
                        && (matches!(w[1].norm.as_str(), "you'd" | "you've")
                            || (w[1].norm == "you"
                                && matches!(w[2].norm.as_str(), "had" | "were" | "have")))
                });
                // "I understand, you don't want that hitting your account": their wish, said.
                let voices_their_wish = text.tokens[sentence.tokens.clone()].windows(3).any(|w| {
                    w[0].norm == "you"
                        && (matches!(
                            (w[1].norm.as_str(), w[2].norm.as_str()),
                            ("don't" | "dont", "want") | ("need", "this" | "that" | "it")
                        ) || (w[1].norm == "are" && w[2].norm == "worried"))
                }) || text.tokens[sentence.tokens.clone()]
                    .windows(2)
                    .any(|w| w[0].norm == "you're" && w[1].norm == "worried");
                // "Oh no, poor bloke": sympathy for whoever the customer spoke of.
                let pities_their_person =
                    text.tokens[sentence.tokens.clone()].windows(2).any(|w| {
                        w[0].norm == "poor"
                            && matches!(
                                w[1].norm.as_str(),
                                "bloke"
                                    | "guy"
                                    | "fella"
                                    | "lad"
                                    | "man"
                                    | "woman"
                                    | "thing"
                                    | "soul"
                                    | "him"
                                    | "her"
                                    | "them"
                                    | "kid"
                                    | "boy"
                                    | "girl"
                                    | "dog"
                                    | "cat"
                            )
                    });
                let names_their_plight = names_a_plight(text, sentence);
                ((told_of_them || befell_them) && !is_work_talk(text, sentence))
                    || voices_their_wish
                    || pities_their_person
                    || names_their_plight
            };
            let describes_the_customer = || {
                recounts_their_ordeal()
                    || cues.iter().filter(|m| within(&m.tokens)).any(|m| {
                        cx.lexicons.empathy.tag(m).1 == Tone::Impression
                            && text.tokens[m.tokens.end..sentence.tokens.end]
                                .iter()
                                .filter(|t| t.is_content())
                                .count()
                                >= 3
                    })
                    || (text.tokens[sentence.tokens.clone()]
                        .windows(3)
                        .any(|w| w[0].norm == "on" && w[1].norm == "top" && w[2].norm == "of")
                        && names_the_load(&turn.text, text, sentence)
                        && customer_troubled())
            };
            // "I'm really sorry about the wait" to a customer who said they had been on hold
            // an hour and a half answers what they said.
            let waiting_words = |w: &str| {
                matches!(
                    w,
                    "wait"
                        | "waiting"
                        | "waited"
                        | "queue"
                        | "queuing"
                        | "queueing"
                        | "queued"
                        | "delay"
                        | "delayed"
                        | "dragged"
                        | "dragging"
                )
            };
            // "On hold", not "hold on, let me find it".
            let waited = |c: &TurnText| {
                c.tokens.iter().any(|t| waiting_words(&t.norm))
                    || c.tokens
                        .windows(2)
                        .any(|pair| pair[0].norm == "on" && pair[1].norm == "hold")
            };
            // So is "Thanks for holding, and I'm sorry, that one was long." after a hold the
            // customer sat through.
            let sorry_for_their_wait = || {
                let words = &text.tokens[sentence.tokens.clone()];
                (words.iter().any(|t| waiting_words(&t.norm))
                    && analysis
                        .turns_of(Role::Customer)
                        .take_while(|(c, _, _)| *c < i)
                        .any(|(_, _, c)| waited(c)))
                    || (words.iter().any(|t| t.norm == "holding")
                        && (0..i).any(|k| {
                            cx.hits[k].events.iter().any(|m| {
                                cx.lexicons.events.tag(m) == crate::detect::lexicons::Event::Hold
                            })
                        }))
            };
            // "I'm sorry you've had to chase this", "…you've been without service that long":
            // sorry for what the customer went through, in the agent's words.
            let sorry_for_their_ordeal = || {
                cues.iter().filter(|m| within(&m.tokens)).any(|m| {
                    let mut k = m.tokens.end;
                    if text.word(k) == "that" {
                        k += 1;
                    }
                    text.word(m.tokens.end - 1) == "sorry"
                        && k + 1 < sentence.tokens.end
                        && (matches!((text.word(k), text.word(k + 1)), ("you've", "had" | "been"))
                            || (text.word(k) == "you"
                                && matches!(text.word(k + 1), "have" | "had" | "were")))
                })
            };
            // "I am sorry about Mr Fairclough": sorry for a person the customer spoke of.
            let sorry_for_their_person = || {
                cues.iter().filter(|m| within(&m.tokens)).any(|m| {
                    text.word(m.tokens.end - 1) == "sorry"
                        && matches!(text.word(m.tokens.end), "about" | "for")
                        && m.tokens.end + 1 < sentence.tokens.end
                        && crate::analyse::names::is_title(text.word(m.tokens.end + 1))
                })
            };
            // "My mum died in the night." — "I'm so sorry.": sorrow felt (intensified) as the
            // first words of the reply to news of a death can only be about it. A plain "Oh,
            // I'm sorry." straight into "Can I take your donor number?" stays the stock pivot.
            // So is "oh no i'm so sorry take your time there's no rush at all" to "he died on
            // sunday": the comfort beside it is no stock line either.
            let sorry_for_their_loss = || {
                let mut sentence_cues = cues.iter().filter(|m| within(&m.tokens));
                n == 0
                    && i.checked_sub(1).is_some_and(|c| {
                        analysis.conversation.turns[c].role == Role::Customer
                            && tells_of_a_death(&analysis.texts[c])
                    })
                    && !cx.hits[i].canned.iter().any(|c| within(&c.tokens))
                    && sentence_cues.clone().any(|m| {
                        text.word(m.tokens.end - 1) == "sorry"
                            && cx.lexicons.empathy.tag(m).1 == Tone::Felt
                    })
                    && sentence_cues.all(|m| {
                        (text.word(m.tokens.end - 1) == "sorry"
                            && cx.lexicons.empathy.tag(m).1 == Tone::Felt)
                            || matches!(
                                cx.lexicons.empathy.tag(m).1,
                                Tone::Positive | Tone::Comfort
                            )
                            || cx.lexicons.empathy.said(m) == "oh no"
                    })
            };
            // "I'm sorry we let you down", "Sorry I started the way I did": an apology for the
            // speaker's own conduct, which is specific by what it owns.
            let owns_a_failing = || {
                // "Yes, you're right, I'm sorry, it's showing now", "I am sorry, that is a real
                // failure on our side": conceding a mistake.
                let concedes = text.tokens[sentence.tokens.clone()].windows(2).any(|w| {
                    matches!(
                        (w[0].norm.as_str(), w[1].norm.as_str()),
                        ("you're" | "youre", "right")
                            | ("my" | "our", "mistake" | "fault" | "error" | "bad")
                            | ("our", "side" | "end")
                    )
                }) || text.tokens[sentence.tokens.clone()].windows(3).any(|w| {
                    // "I'm really sorry, that's on us."
                    matches!(w[0].norm.as_str(), "that's" | "thats" | "it's" | "this")
                        && w[1].norm == "on"
                        && matches!(w[2].norm.as_str(), "us" | "me")
                });
                concedes
                    // "…I'm sorry. I shouldn't have started into that."
                    || units.get(n + 1).is_some_and(|u| owns_conduct(text, u))
                    || cues.iter().filter(|m| within(&m.tokens)).any(|m| {
                        text.word(m.tokens.end - 1) == "sorry"
                            && m.tokens.end < sentence.tokens.end
                            && matches!(text.word(m.tokens.end), "we" | "i" | "i've" | "we've")
                            && !matches!(
                                text.word(m.tokens.end + 1),
                                "can't" | "cannot" | "couldn't" | "can" | "could" | "don't" | "do"
                            )
                    })
            };
            // "I'm sorry I can't help with that today": an apology for a refusal, not
            // empathy pretending to be about the customer.
            // "I'm really sorry, I can't." ends on the refusal itself.
            let ends_refusing = || {
                let end = sentence.tokens.end;
                end >= sentence.tokens.start + 2
                    && matches!(text.word(end - 2), "i" | "we")
                    && matches!(text.word(end - 1), "can't" | "cannot" | "cant" | "won't")
            };
            let apologises_for_bad_news = || {
                (cx.hits[i].failure.iter().any(|f| within(&f.tokens)) || ends_refusing())
                    && cues
                        .iter()
                        .filter(|m| within(&m.tokens))
                        .all(|m| cx.lexicons.empathy.said(m).contains("sorry"))
            };
            // "That makes complete sense", "that's fair" grant the customer's reason, which is
            // theirs.
            let grants_their_reason = || {
                cues.iter().filter(|m| within(&m.tokens)).any(|m| {
                    let said = cx.lexicons.empathy.said(m);
                    said.ends_with("sense") || said.contains(" fair")
                })
            };
            // "Don't apologise, that makes complete sense" answers the customer's apology;
            // "You're not an idiot at all, it's not well signposted and I'm sorry about that"
            // answers their self-blame.
            let answers_their_apology = || {
                cues.iter().filter(|m| within(&m.tokens)).any(|m| {
                    cx.lexicons.empathy.tag(m).1 == Tone::Positive && {
                        let said = cx.lexicons.empathy.said(m);
                        said.contains("apologi")
                            || said.ends_with("sorry")
                            || said.starts_with("you are not ")
                            || said.starts_with("you did ")
                            || said.ends_with(" your fault")
                            || said.ends_with(" on you")
                    }
                })
            };
            if !specific()
                && !interprets_the_situation
                && !names_theirs()
                && !names_a_feeling_unscripted()
                && !describes_the_customer()
                && !sorry_for_their_wait()
                && !answers_their_apology()
                && !grants_their_reason()
                && !owns_a_failing()
                && !sorry_for_their_person()
                && !sorry_for_their_loss()
                && !sorry_for_their_ordeal()
                && !apologises_for_bad_news()
            {
                generic.push((
                    n,
                    finding(
                        analysis,
                        "generic-empathy",
                        i,
                        sentence.start..sentence.end,
                        "empathy that refers to nothing the customer said and names no feeling"
                            .into(),
                    ),
                ));
            }
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
                    && !specific()
                    && !apologises_for_bad_news()
                {
                    habit = Some((cue, turns.clone()));
                }
                if turns.last() != Some(&i) {
                    turns.push(i);
                }
            }
            if let Some(first) = seen_lines.get(&key) {
                out.push(finding(
                    analysis,
                    "repeated-empathy",
                    i,
                    sentence.start..sentence.end,
                    format!("the same empathy line was said in turn {first}"),
                ));
            } else if let Some((cue, earlier)) = habit {
                seen_lines.insert(key, i);
                out.push(finding(
                    analysis,
                    "repeated-empathy",
                    i,
                    sentence.start..sentence.end,
                    format!(
                        "\"{cue}\" again, said in turns {} already: a habit, not an answer",
                        turn_list(&earlier)
                    ),
                ));
            } else {
                seen_lines.insert(key, i);
                empathic_turns[i] = true;
            }
        }
        // A short sympathy of the agent's own, not a stock line.
        let bare = |n: usize| {
            let sentence = &units[n];
            text.tokens[sentence.tokens.clone()]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count()
                <= 5
                && !cx.hits[i]
                    .canned
                    .iter()
                    .any(|c| sentence.tokens.contains(&c.tokens.start))
        };
        // A remark of the agent's own on what the customer said, with no empathy cue ("Forty
        // people at once, that's a big knock." beside "I'm sorry, Mr Naidoo."): a statement
        // sharing their words, not about the work nor about what the agent will do ("I can
        // offer you three months at half price").
        let remarks_on_their_words = |n: usize| {
            let sentence = &units[n];
            sentence.tokens.len() >= 4
                && !is_question(&turn.text, sentence)
                && !is_work_talk(text, sentence)
                && !text.tokens[sentence.tokens.clone()].iter().any(|t| {
                    matches!(
                        t.norm.as_str(),
                        "i" | "i'm" | "i've" | "i'll" | "i'd" | "we" | "we're" | "we've" | "we'll"
                    )
                })
                && shared_with_customer(analysis, i, text, sentence, &[]) > 0
        };
        // A sentence of the agent's own that points back at the specific one before it ("So
        // this is about your cancelled flight. I can hear that it's been a hassle"): its "it"
        // is what the customer said.
        let points_back = |n: usize| {
            n.checked_sub(1)
                .is_some_and(|p| specific_sentences.contains(&p))
                && !cx.hits[i]
                    .canned
                    .iter()
                    .any(|c| units[n].tokens.contains(&c.tokens.start))
                && text.tokens[units[n].tokens.clone()]
                    .iter()
                    .any(|t| matches!(t.norm.as_str(), "it" | "it's" | "that" | "that's" | "this"))
        };
        out.extend(
            generic
                .into_iter()
                .filter(|(n, _)| {
                    !points_back(*n)
                        && !(bare(*n)
                            && (specific_sentences.iter().any(|s| s.abs_diff(*n) == 1)
                                || (n
                                    .checked_sub(1)
                                    .is_some_and(|p| names_a_plight(text, &units[p])))
                                || units.get(*n + 1).is_some_and(|u| names_a_plight(text, u))
                                || (n.checked_sub(1).is_some_and(remarks_on_their_words))
                                || (*n + 1 < units.len() && remarks_on_their_words(*n + 1))))
                })
                .map(|(_, f)| f),
        );
    }
    // Missed opportunities: distress followed by an agent turn with no empathy at all, or only
    // empathy lines it had said before.
    for (i, _, _) in analysis.turns_of(Role::Customer) {
        let Some(reply) = analysis.next_of(i, Role::Agent) else {
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
            || death_already_acknowledged(analysis, cx, i, &empathic_turns)
            || owns_the_repeat(analysis, cx, i, reply)
            || another_agent(analysis, cx, i + 1..reply)
        {
            continue;
        }
        let Some((_, evidence)) = distress(analysis, cx, i) else {
            continue;
        };
        let text = &analysis.texts[reply];
        let span = text.sentences.first().map_or(0..0, |s| s.start..s.end);
        let recycled = out
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

/// Adjectives a customer may judge themselves by, which a reply can deny ("It's not stupid").
const SELF_JUDGEMENTS: &[&str] = &["stupid", "silly", "awful", "daft", "selfish", "dumb"];

/// For an empathy cue `said` that denies a judgement ("not awful", "it is not stupid"): whether
/// the customer's turn before reply `reply` passed that judgement on themselves, asking ("Is
/// that awful?"), supposing ("its probably stupid") or of their own doing ("it's stupid, I keep
/// doing this"), rather than remarking on the world ("It's silly how out of the blue it can hit
/// you"). Other cues pass.
fn denies_their_self_judgement(analysis: &Analysis, reply: usize, said: &str) -> bool {
    let Some(adjective) = said
        .split(' ')
        .skip_while(|w| *w != "not")
        .nth(1)
        .filter(|w| SELF_JUDGEMENTS.contains(w))
    else {
        return true;
    };
    let Some(c) = analysis.previous_of(reply, Role::Customer) else {
        return false;
    };
    let raw = &analysis.conversation.turns[c].text;
    let text = &analysis.texts[c];
    text.sentences.iter().any(|s| {
        let words = &text.tokens[s.tokens.clone()];
        // "It's silly how out of the blue it can hit you" remarks on the world.
        let judged = words
            .windows(2)
            .any(|w| w[0].norm == adjective && !matches!(w[1].norm.as_str(), "how" | "that"))
            || words.last().is_some_and(|t| t.norm == adjective);
        judged
            && (is_question(raw, s)
                // "…I just stopped opening the post. Stupid."
                || words.len() <= 2
                || words.iter().any(|t| {
                    matches!(
                        t.norm.as_str(),
                        "probably" | "being" | "i" | "i'm" | "im" | "me" | "my"
                    )
                }))
    })
}

/// Whether the customer turn that agent turn `reply` answers was sarcastic, by its own words
/// or by the customer's next turn ("I was being sarcastic.").
fn answers_sarcasm(analysis: &Analysis, reply: usize) -> bool {
    let said_so = analysis.next_of(reply, Role::Customer).is_some_and(|next| {
        analysis.texts[next]
            .tokens
            .iter()
            .any(|t| matches!(t.norm.as_str(), "sarcastic" | "sarcasm" | "sarcastically"))
    });
    said_so
        || analysis
            .previous_of(reply, Role::Customer)
            .is_some_and(|c| {
                crate::detect::resolution::sarcastic(
                    &analysis.conversation.turns[c].text,
                    &analysis.texts[c],
                )
            })
}

/// Whether the agent who speaks at `turns.end` is another one than before `turns`: a turn
/// in `turns` not spoken by the customer tells of a transfer ("call transferred to Property
/// Claims", "I'll put you through now"), and the agent does not come back from the hold it
/// took ("thank you for holding, unfortunately the team are busy" is the same agent).
fn another_agent(analysis: &Analysis, cx: &Context, turns: std::ops::Range<usize>) -> bool {
    let back_from_hold = || {
        analysis.texts.get(turns.end).is_some_and(|t| {
            let norm = t.norm.trim_start_matches([' ']);
            let norm = norm.strip_prefix("okay ").unwrap_or(norm);
            ["thank", "thanks"].iter().any(|thanks| {
                norm.strip_prefix(thanks).is_some_and(|rest| {
                    [
                        " you for holding",
                        " for holding",
                        " you for waiting",
                        " for waiting",
                        " you for your patience",
                        " for your patience",
                    ]
                    .iter()
                    .any(|p| rest.starts_with(p))
                })
            })
        })
    };
    turns.clone().any(|k| {
        analysis.conversation.turns[k].role != Role::Customer
            && cx.hits[k]
                .events
                .iter()
                .any(|m| cx.lexicons.events.tag(m) == crate::detect::lexicons::Event::Transfer)
    }) && !back_from_hold()
}

/// Whether a sentence names the customer's plight as theirs to bear: "That's a horrible
/// position to be in", "That's a really hard thing to go through", "that's a big thing to
/// lose", "what a blow", "you've got a kid to think about", "that's a lot to carry", "that's
/// an awful way to start the day" — not "you'll have to go through the portal".
fn names_a_plight(text: &TurnText, sentence: &Sentence) -> bool {
    let tokens = &text.tokens[sentence.tokens.clone()];
    tokens.windows(4).any(|w| {
        matches!(
            w[0].norm.as_str(),
            "position" | "situation" | "place" | "spot"
        ) && w[1].norm == "to"
            && w[2].norm == "be"
            && w[3].norm == "in"
    }) || tokens.windows(4).any(|w| {
        matches!(
            w[0].norm.as_str(),
            "thing" | "time" | "lot" | "much" | "experience" | "ordeal"
        ) && w[1].norm == "to"
            && w[2].norm == "go"
            && w[3].norm == "through"
    }) || tokens.windows(3).any(|w| {
        // "That's a big thing to lose", "a hard change to take in".
        matches!(w[0].norm.as_str(), "thing" | "change" | "loss")
            && w[1].norm == "to"
            && matches!(
                w[2].norm.as_str(),
                "lose" | "face" | "take" | "process" | "deal" | "cope"
            )
    }) || tokens.windows(4).any(|w| {
        // "and you've got a kid to think about".
        matches!(
            w[0].norm.as_str(),
            "kid"
                | "kids"
                | "child"
                | "children"
                | "family"
                | "baby"
                | "one"
                | "ones"
                | "mum"
                | "dad"
                | "parents"
        ) && w[1].norm == "to"
            && matches!(w[2].norm.as_str(), "think" | "look" | "worry" | "care")
            && matches!(w[3].norm.as_str(), "about" | "after" | "for")
    }) || tokens.windows(2).any(|w| {
        // "about the worst day it could have picked".
        w[0].norm == "worst"
            && matches!(
                w[1].norm.as_str(),
                "day" | "time" | "week" | "moment" | "possible" | "timing"
            )
    }) || tokens.windows(2).any(|w| {
        // "What a blow", "that's a real blow".
        matches!(w[0].norm.as_str(), "a" | "real" | "big" | "huge") && w[1].norm == "blow"
    }) || tokens.windows(3).any(|w| {
        // "That sounds like a lot to be carrying", "that's a lot to deal with".
        w[0].norm == "lot"
            && w[1].norm == "to"
            && matches!(
                w[2].norm.as_str(),
                "carry" | "be" | "deal" | "handle" | "take" | "cope" | "manage"
            )
    }) || tokens.windows(4).any(|w| {
        // "that's an awful way to start the day", a car stolen on the school run.
        matches!(
            w[0].norm.as_str(),
            "awful" | "horrible" | "terrible" | "rotten" | "rubbish" | "horrid" | "grim"
        ) && w[1].norm == "way"
            && w[2].norm == "to"
            && matches!(w[3].norm.as_str(), "start" | "end" | "spend" | "begin")
    })
}

/// Whether a sentence owns up to the speaker's own conduct ("I shouldn't have started into
/// that.", "That was wrong of me."): the sorry beside it apologises for that.
fn owns_conduct(text: &TurnText, sentence: &Sentence) -> bool {
    let Some(first) = sentence.tokens.clone().find(|&k| !is_opener(text.word(k))) else {
        return false;
    };
    let at = |n: usize| text.word(first + n);
    match at(0) {
        "i" => {
            (matches!(at(1), "shouldn't" | "should've" | "shouldnt") && at(2) == "have")
                || (at(1) == "should" && at(2) == "not" && at(3) == "have")
        }
        "that" => at(1) == "was" && at(2) == "wrong" && at(3) == "of" && at(4) == "me",
        "my" => matches!(at(1), "mistake" | "fault" | "bad"),
        _ => false,
    }
}

/// Whether a customer turn tells of a death: "my mum died in the night", "Dad passed away",
/// "we had to have her put down".
fn tells_of_a_death(text: &TurnText) -> bool {
    (0..text.tokens.len()).any(|k| match text.word(k) {
        "died" => true,
        "passed" => text.word(k + 1) == "away",
        "put" => {
            let (before, next) = (
                k.checked_sub(1).map_or("", |b| text.word(b)),
                text.word(k + 1),
            );
            (next == "down" && matches!(before, "her" | "him" | "them"))
                || (matches!(next, "her" | "him" | "them") && text.word(k + 2) == "down")
        }
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
                        .next_of(c, Role::Agent)
                        .is_some_and(|reply| reply < i && empathic_turns[reply])
            })
}

/// Whether customer turn `i` voices only a worry or a fear ("that's what I was worried about, I
/// had it in my head they'd cut it off") and the reply opens by denying what was feared ("no
/// nothing like that, the supply stays exactly as it is"): reassurance meets a worry.
fn reassures_their_worry(analysis: &Analysis, cx: &Context, i: usize, reply: usize) -> bool {
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

/// The first customer turn that offers an opportunity for empathy: one voicing distress, naming
/// a life event the trouble puts at stake, or saying they are repeating themselves.
pub fn opportunity(analysis: &Analysis, cx: &Context) -> Option<usize> {
    // Distress phrases first: a turn's sentiment is worked out only for the turns before the
    // first phrase, or for all when no turn has one.
    let by_phrase = analysis
        .turns_of(Role::Customer)
        .find(|&(i, _, _)| {
            !cx.hits[i].distress.is_empty() && phrase_distress(analysis, cx, i).is_some()
        })
        .map(|(i, _, _)| i);
    analysis
        .turns_of(Role::Customer)
        .take_while(|&(i, _, _)| by_phrase.is_none_or(|p| i < p))
        .find(|&(i, _, _)| distress(analysis, cx, i).is_some())
        .map(|(i, _, _)| i)
        .or(by_phrase)
}
