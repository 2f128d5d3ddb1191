//! Questions: whether a sentence asks, in what form, and whether it explores the customer's
//! experience or only the case (procedure, rhetoric).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::analyse::Sentence;
use crate::analyse::text::TurnText;
use crate::detect::Context;
use crate::detect::lexicons::Tone;

use super::sentences::{has_figures, is_work_talk};
use super::words::is_opener;

pub(super) fn is_question(text: &str, sentence: &Sentence) -> bool {
    // "How can I help today?!" asks too.
    text[sentence.start..sentence.end]
        .trim_end()
        .trim_end_matches('!')
        .ends_with('?')
}

/// A question written without its question mark, as often in chat: an open question word,
/// an auxiliary and "you" or "your" right after ("how long have you been waiting", "what do
/// you enjoy doing", "how old's your little one").
pub(super) fn unmarked_question(text: &TurnText, sentence: &Sentence) -> bool {
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
pub(super) fn spoken_question(text: &TurnText, sentence: &Sentence) -> Option<usize> {
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
    /// "What…": a request for a datum when a thing the case is made of follows ("what time
    /// did it stop?", "what was the train time?", "what's the model of the washer?"), an
    /// open question otherwise ("what happened?", "what's worrying you most?").
    What,
}

/// Things a case is made of, asked for with "what" ("what time…?", "what's the model…?"):
/// data, not the customer's experience.
fn is_datum(word: &str) -> bool {
    matches!(
        word,
        "time"
            | "date"
            | "model"
            | "number"
            | "address"
            | "postcode"
            | "reference"
            | "amount"
            | "size"
            | "colour"
            | "color"
            | "email"
            | "price"
            | "cost"
            | "balance"
            | "code"
            | "version"
            | "brand"
            | "serial"
            | "registration"
            | "flight"
            | "train"
            | "platform"
            | "seat"
            | "fee"
            | "total"
            | "figure"
            | "reading"
            | "password"
            | "username"
            | "speed"
            | "temperature"
            // What a device reads out: "what the boiler display says", "what error it shows".
            | "display"
            | "screen"
            | "error"
            | "meter"
            // An income and expenditure assessment: "what's your monthly income?".
            | "income"
            | "rent"
            | "salary"
            | "wage"
            | "wages"
    )
}

/// Whether the words after a question's "what" ask for a datum: "time did it stop", "was
/// the train time", "'s the model of it", "is your postcode".
fn asks_for_a_datum(after_what: &str) -> bool {
    let mut words = after_what.split(' ').filter(|w| !w.is_empty()).peekable();
    words.next_if(|w| matches!(*w, "is" | "was" | "are" | "were"));
    words.next_if(|w| matches!(*w, "the" | "your" | "his" | "her" | "their"));
    // A means test: "what can you afford each month?", "what do you earn?", "what could
    // you pay towards it?".
    let mut rest = words.clone();
    rest.next_if(|w| matches!(*w, "can" | "could" | "would" | "do" | "did" | "will"));
    if rest.next_if(|w| matches!(*w, "you" | "u")).is_some()
        && rest
            .next()
            .is_some_and(|w| matches!(w, "afford" | "earn" | "owe" | "spare" | "pay"))
    {
        return true;
    }
    // One word may qualify the datum: "the train time", "your new address".
    words.take(2).any(is_datum)
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
    (" what ", QuestionPhrase::What),
    (" what's ", QuestionPhrase::What),
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
pub(super) fn is_time_of_day(word: &str) -> bool {
    matches!(
        word,
        "today" | "tonight" | "morning" | "afternoon" | "evening" | "day"
    )
}

/// Words that make no question specific: "what's up?", "what's on your mind?", "what makes
/// you feel like this?" ask after whatever it is, as "what happened?" does.
pub(super) fn names_nothing(word: &str) -> bool {
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
pub(super) fn is_procedure_or_rhetoric(
    cx: &Context,
    turn: usize,
    sentence: &Sentence,
    norm: &str,
) -> bool {
    let QuestionWords {
        procedure,
        rhetoric,
        quantity,
        names_an_effect,
    } = question_words(norm);
    let inside = |r: &std::ops::Range<usize>| {
        r.start >= sentence.tokens.start && r.start < sentence.tokens.end
    };
    let procedure = procedure
        || (quantity
            && !cx.hits[turn].feelings.iter().any(|m| inside(&m.tokens))
            && !names_an_effect);
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

/// What a question's words alone say of it (see [`is_procedure_or_rhetoric`]).
#[derive(Clone, Copy)]
struct QuestionWords {
    /// A phrase of procedure ("would you like", "is that right", "have you tried restarting").
    procedure: bool,
    /// A phrase of rhetoric ("why not", "how can you", "why don't you try").
    rhetoric: bool,
    /// A question of quantity ("how much", "how many").
    quantity: bool,
    /// A word for what something does to the customer ("affect", "upsetting").
    names_an_effect: bool,
}

/// Most question sentences kept per thread by [`question_words`].
const QUESTION_WORDS_KEPT: usize = 8_192;

thread_local! {
    /// [`question_words`] of the question sentences read in this thread: scripted questions
    /// ("Is there anything else I can help you with?") recur across thousands of calls.
    static QUESTION_WORDS: crate::memo::TextResults<QuestionWords> =
        crate::memo::TextResults::new(QUESTION_WORDS_KEPT);
}

/// [`read_question_words`] of `norm` (a question's [`spaced_words`]), kept per thread: a pure
/// function's cache, which changes no result.
fn question_words(norm: &str) -> QuestionWords {
    QUESTION_WORDS.with(|kept| kept.get_or_insert_with(norm, || read_question_words(norm)))
}

/// What the phrases of [`QUESTION_PHRASES`] and the words of `norm` say of a question.
fn read_question_words(norm: &str) -> QuestionWords {
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
            QuestionPhrase::What => procedure |= asks_for_a_datum(&norm[m.end()..]),
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
    let names_an_effect = norm.split(' ').any(|w| {
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
    QuestionWords {
        procedure,
        rhetoric,
        quantity,
        names_an_effect,
    }
}

/// A sentence's normalised words between spaces, so that phrases match whole words only
/// ("shall i" is not in "shall it", "which" not in "sandwich").
pub(super) fn spaced_words(text: &TurnText, sentence: &Sentence) -> String {
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
pub(super) fn asks_why(text: &TurnText, sentence: &Sentence) -> bool {
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

/// The shape of a question: whether it is an open question ("what", "how", "why"), which
/// invites the customer to tell their experience. Yes/no questions are mostly procedure in
/// service talk ("are you the account holder?") and declaratives with a question mark mostly
/// rhetorical ("you think that's fair?"); those count only through an exploration cue. `None`
/// when it is a request framed as a question ("could you restart the router?").
pub(super) fn question_form(text: &TurnText, sentence: &Sentence) -> Option<bool> {
    let mut words = text.tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == crate::analyse::TokenKind::Word)
        .map(|t| t.norm.as_str())
        // "First, can you all get out on the passenger side?" puts the steps in order.
        .skip_while(|w| is_opener(w) || matches!(*w, "first" | "firstly" | "next" | "right"));
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
    // "Are you able to get off the road?" asks the customer to do something, as "can you"
    // does; "are you able to find work?" asks what they can do.
    if head == "are" && second == "you" {
        let mut rest = words.skip_while(|w| *w == "all");
        if rest.next() == Some("able")
            && rest.next() == Some("to")
            && rest.next().is_some_and(|w| {
                matches!(
                    w,
                    "get"
                        | "go"
                        | "move"
                        | "stand"
                        | "stay"
                        | "pull"
                        | "step"
                        | "leave"
                        | "pop"
                        | "turn"
                        | "switch"
                        | "check"
                        | "read"
                        | "send"
                        | "take"
                        | "open"
                        | "unplug"
                        | "restart"
                        | "log"
                )
            })
        {
            return None;
        }
    }
    Some(matches!(head, "what" | "how" | "why"))
}

/// Whether a yes/no question asks how the customer is, feels or is affected ("has the wait
/// caused you problems?", "are you coping?", "do you think…?") rather than for a fact of the
/// case ("are you the account holder?").
pub(super) fn asks_about_experience(text: &TurnText, sentence: &Sentence) -> bool {
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

/// Whether a probe's question ("have you seen…", "have you been…") asks after things of the
/// case rather than the customer's experience: the thing follows the frame, perhaps after a
/// verb of doing, with "any" or "the" ("have you seen any droppings?", "have you been opening
/// the windows?"), and nothing in the question is of the customer's life or feelings ("have
/// you seen the doctor?", "have you had any support?" explore). `from` is the token after
/// the frame.
pub(super) fn asks_after_a_thing(text: &TurnText, sentence: &Sentence, from: usize) -> bool {
    let mut words = text.tokens[from.min(sentence.tokens.end)..sentence.tokens.end]
        .iter()
        .filter(|t| t.kind == crate::analyse::TokenKind::Word)
        .map(|t| t.norm.as_str())
        .peekable();
    words.next_if(|w| w.ends_with("ing"));
    words.next().is_some_and(|w| matches!(w, "any" | "the"))
        && !asks_about_experience(text, sentence)
        && !text.tokens[sentence.tokens.clone()]
            .iter()
            .any(|t| matches!(t.norm.as_str(), "your" | "ur" | "yourself"))
}

/// Whether a question is put about the customer themselves: "you" in it (in an open question
/// also "your", as in "what are your goals?", unless the thing is part of the service work:
/// "what's your order number?"), no first person (the agent asking leave or offering: "can I
/// place you on hold?") and no figures.
pub(super) fn asks_about_customer(text: &TurnText, sentence: &Sentence, open: bool) -> bool {
    let tokens = &text.tokens[sentence.tokens.clone()];
    tokens.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "you" | "u" | "you're" | "you've" | "yourself"
        ) || (open && matches!(t.norm.as_str(), "your" | "ur") && !is_work_talk(text, sentence))
    }) && asks_nothing_of_the_speaker(text, sentence)
}

/// Whether a question asks how someone else is ("Is he okay now?", "Are they safe?", "How's
/// she doing?"): after the person the customer spoke of, the husband taken ill, the child at
/// home.
pub(super) fn asks_after_someone(text: &TurnText, sentence: &Sentence) -> bool {
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
pub(super) fn asks_nothing_of_the_speaker(text: &TurnText, sentence: &Sentence) -> bool {
    !text.tokens[sentence.tokens.clone()].iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "i" | "i'm" | "i've" | "i'll" | "i'd" | "me" | "we" | "we'll" | "us"
        )
    }) && !has_figures(text, sentence)
}

/// Whether, in a question, a reaction cue belongs to the question that asks about the feeling
/// ("has the wait been worrying you?") rather than reacting before asking ("that's awful, are
/// you okay?"): the question goes on after the cue with no break.
pub(super) fn asks_about_the_feeling(
    text: &str,
    sentence: &Sentence,
    m: &crate::lexicon::PhraseMatch,
) -> bool {
    !text[m.span.end..sentence.end]
        .chars()
        .any(|c| matches!(c, ',' | ';' | ':' | '—' | '–' | '!'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(words: QuestionWords) -> [bool; 4] {
        [
            words.procedure,
            words.rhetoric,
            words.quantity,
            words.names_an_effect,
        ]
    }

    #[test]
    fn a_question_read_again_gives_the_same_words_from_the_cache() {
        for (norm, expected) in [
            (" would you like a callback ", [true, false, false, false]),
            (" why not give it another go ", [false, true, false, false]),
            (" how much has it affected you ", [false, false, true, true]),
            (" how are you feeling ", [false, false, false, false]),
        ] {
            assert_eq!(flags(read_question_words(norm)), expected, "{norm}");
            assert_eq!(flags(question_words(norm)), expected, "{norm}");
            assert!(QUESTION_WORDS.with(|kept| kept.holds(norm)));
            assert_eq!(flags(question_words(norm)), expected, "{norm}");
        }
    }
}
