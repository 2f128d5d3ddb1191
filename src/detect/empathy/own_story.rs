//! The speaker's own story: first-person sentences that tell of the agent's life, as peers
//! relate a matching experience, told apart from the work, opinions, promises and formulas
//! ("my pleasure"); and reaction cues that tell of the speaker rather than the customer.

use crate::analyse::Sentence;
use crate::analyse::text::TurnText;
use crate::detect::Context;

use super::feelings::is_courtesy_feeling;
use super::sentences::{
    addresses_customer, has_service_figures, is_name_form, is_service_talk, is_work_talk,
};
use super::words::is_service_word;

/// Whether a reaction cue reacts to the customer's lot rather than telling of the speaker's
/// own ("I had a horrible day", "I always feel awful") or making a general remark ("it's hard
/// to appreciate it when…"). Cues in the first person ("I'm sorry") speak for themselves.
pub(super) fn reacts_to_customer(
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
pub(super) fn own_story(
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
    let story = if subjects.is_empty() {
        // The speaker as the one something happened to: "walking at night works for me",
        // "the group helped me through it" (a request, "please spell it for me", is not).
        // "She's happy for me to kill it" gives leave; it tells nothing that befell the speaker.
        words.windows(2).enumerate().any(|(k, pair)| {
            matches!(
                pair,
                ["for" | "helped" | "helps" | "worked" | "works", "me"]
            ) && words.get(k + 2) != Some(&"to")
        }) && !words.contains(&"please")
    } else {
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
        story
    };
    // The agent narrating the work: "I'm looking at it now", "Okay, I see it.", "Here's what
    // I'm doing". Tested last: most first-person sentences of an agent are opinions or case
    // actions, settled above.
    story
        && !narrates_the_work(&words)
        && !works_the_case(&words)
        && !introduces_the_call(raw, text, sentence, agent, &words)
        && told_of_own_life()
}

/// Whether the words narrate the work as the agent does it ("I'm looking at it now", "Okay, I
/// see it.", "I've done that now."), read back or check what the customer said, ask leave
/// ("can I take it again"), say why they call or ask for a moment.
fn narrates_the_work(words: &[&str]) -> bool {
    words.windows(3).any(|w| {
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
}

/// Whether the words tell of the work on the case: what the agent means to do about it, a
/// colleague consulted, the options, the procedure, a slot or the records on the agent's
/// screen, the agent's shift, the purpose of a question.
fn works_the_case(words: &[&str]) -> bool {
    wants_it_done(words)
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
}

/// Whether the words introduce the speaker or the call ("my name is Marc", "I'm calling
/// from…", "it's Ben from Northgate"), or say what the agent is doing on it ("here's what I'm
/// doing", "bear with me").
fn introduces_the_call(
    raw: &str,
    text: &TurnText,
    sentence: &Sentence,
    agent: Option<&str>,
    words: &[&str],
) -> bool {
    // "Hello, my name is Marc, I'm a consular officer at the embassy": an introduction.
    words.windows(3).any(|w| matches!(w, ["my", "name", "is"]))
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
        || introduces_the_speaker(raw, text, sentence, agent)
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
pub(super) fn self_disclosure(
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
