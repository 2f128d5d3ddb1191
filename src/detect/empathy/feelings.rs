//! Feelings and plights named for the customer without a cue ("that must be so stressful",
//! "that's a lot to deal with"), and the courtesy feelings ("happy to help") that name none.

use crate::analyse::Sentence;
use crate::analyse::text::TurnText;
use crate::detect::Context;

use super::words::is_opener;

/// Feelings that say nothing about the speaker's own hardship: service courtesy ("happy to
/// help"), the hedge "I'm afraid", and joys.
pub(super) fn is_courtesy_feeling(phrase: &str) -> bool {
    matches!(
        phrase,
        "happy" | "afraid" | "proud" | "excited" | "relieved" | "hospital"
    )
}

/// Whether the sentence names the feeling that the customer's situation must bring, as a
/// predicate ("that must be so stressful", "being stranded with two little ones sounds
/// exhausting", "that's so frustrating"): EPITOME's strong interpretation, "this must be
/// terrifying". Only a feeling that something sounds, seems, must be or is ("that is", "it's"),
/// or one put to the customer in a clause of its own ("maybe you're afraid of…", "I know
/// you're worried about your mum"), counts: not what the speaker feels ("I was so worried"), a
/// condition ("it could be depression"), a supposition ("if you are worried"), a reason
/// ("because you're depressed") or advice ("don't be scared").
pub(super) fn inferred_feeling(
    cx: &Context,
    turn: usize,
    raw: &str,
    text: &TurnText,
    sentence: &Sentence,
) -> bool {
    let tokens = &text.tokens;
    let word = |k: usize| tokens[k].norm.as_str();
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
                                    .any(|k| is_speaker_or_supposition(word(k)))
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
                                            .any(|k| is_speaker_or_supposition(word(k)))
                                })
                        }
                    }
            })
        })
}

/// Words that may stand between a feeling and the verb that links it to its subject ("that's
/// *so* stressful", "you're *probably* worried", "it must be *getting* frustrating").
fn is_intensifier(w: &str) -> bool {
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
}

/// Words before a feeling that make it the speaker's own ("I was so worried") or a
/// supposition ("if you are worried").
fn is_speaker_or_supposition(w: &str) -> bool {
    matches!(
        w,
        "i" | "i'm" | "i've" | "i'd" | "me" | "my" | "myself" | "im" | "we" | "our" | "if"
    )
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

/// Whether the sentence calls what it describes a heavy load: "sorting your mother's
/// appointments on your own while she's in hospital is a lot; I'll keep this simple", "…is a
/// lot to juggle", "three days without internet when you work from home is a long time",
/// "three days without heating with a newborn is really hard". The
/// load must end its clause or take a verb of coping or waiting, so that "is a lot cheaper",
/// "it's a lot of data", "there is a lot to check" and "is a long time ago" are not read as
/// sympathy.
pub(super) fn names_the_load(raw: &str, text: &TurnText, sentence: &Sentence) -> bool {
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

/// Whether a sentence names the customer's plight as theirs to bear: "That's a horrible
/// position to be in", "That's a really hard thing to go through", "that's a big thing to
/// lose", "what a blow", "you've got a kid to think about", "that's a lot to carry", "that's
/// an awful way to start the day" — not "you'll have to go through the portal".
pub(super) fn names_a_plight(text: &TurnText, sentence: &Sentence) -> bool {
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
        // "That sounds like a lot to be carrying", "that's a lot to deal with", "that's a lot
        // to land on you all at once".
        w[0].norm == "lot"
            && w[1].norm == "to"
            && matches!(
                w[2].norm.as_str(),
                "carry" | "be" | "deal" | "handle" | "take" | "cope" | "manage" | "land" | "juggle"
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
