//! Customers made to repeat themselves: `repeated-explanation` (explicit markers and
//! restatements of an earlier turn, also after a transfer) and `repeated-info-request` (the
//! agent asking again for something already given).

use std::collections::BTreeMap;

use xxhash_rust::xxh3::xxh3_64;

use crate::analyse::text::overlap;
use crate::analyse::{Analysis, TokenKind, TurnText};
use crate::detect::lexicons::{Event, Info, Repetition};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

/// Customer turns with fewer content words than this are too short to count as a restatement.
const MIN_RESTATEMENT_WORDS: usize = 5;

/// Both repetition rules.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = explanations(analysis, cx);
    out.extend(info_requests(analysis, cx));
    out
}

fn explanations(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let customer: Vec<usize> = analysis
        .turns_of(Role::Customer)
        .map(|(i, _, _)| i)
        .collect();
    let transfers: Vec<usize> = analysis
        .turns()
        .filter(|(i, t, _)| {
            t.role != Role::Customer
                && cx.hits[*i]
                    .events
                    .iter()
                    .any(|m| cx.lexicons.events.tag(m) == Event::Transfer)
        })
        .map(|(i, _, _)| i)
        .collect();
    let words: Vec<std::borrow::Cow<[u64]>> = customer
        .iter()
        .map(|&j| restatement_words(&analysis.conversation.turns[j].text, &analysis.texts[j]))
        .collect();
    for (k, &j) in customer.iter().enumerate() {
        let text = &analysis.texts[j];
        let marker =
            cx.hits[j]
                .repetition
                .iter()
                .find_map(|m| match cx.lexicons.repetition.tag(m) {
                    Repetition::Said if !says_so_of_this_contact(analysis, j, m) => None,
                    Repetition::Said => {
                        Some((m, "the customer says they are repeating themselves"))
                    }
                    Repetition::AlreadyDone if pushes_back_on_a_suggestion(analysis, j) => {
                        Some((m, "the customer has already done what the agent suggests"))
                    }
                    Repetition::AlreadyDone => None,
                    Repetition::Insisted if asked_before(analysis, j, m) => {
                        Some((m, "the customer insists on what they asked for before"))
                    }
                    Repetition::Insisted => None,
                });
        if let Some((m, what)) = marker {
            out.push(finding(
                analysis,
                "repeated-explanation",
                j,
                m.span.clone(),
                format!("{what} (\"{}\")", cx.lexicons.repetition.said(m)),
            ));
            continue;
        }
        // Confirming what the agent read back ("You said the power light is solid red?" —
        // "Solid red. Nothing else lights up.") answers a check, not a service that forgot.
        if words[k].len() < MIN_RESTATEMENT_WORDS || answers_a_check(analysis, j) {
            continue;
        }
        let earlier = (0..k).filter(|&e| {
            // Consecutive customer messages in a chat are one explanation split up.
            analysis
                .next_of(customer[e], Role::Agent)
                .is_some_and(|a| a < j)
                && words[e].len() >= MIN_RESTATEMENT_WORDS
        });
        let after_transfer = |i: usize| transfers.iter().any(|&t| t > i && t < j);
        let best = earlier
            .map(|e| (customer[e], overlap(&words[e], &words[k])))
            .filter(|&(i, (ratio, shared))| {
                let (least_ratio, least_shared) = if after_transfer(i) {
                    (
                        cx.policy.restatement_overlap_after_transfer,
                        cx.policy.restatement_min_shared_after_transfer,
                    )
                } else {
                    (
                        cx.policy.restatement_overlap,
                        cx.policy.restatement_min_shared,
                    )
                };
                ratio >= least_ratio && shared >= least_shared
            })
            .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(b.0.cmp(&a.0)));
        if let Some((i, (ratio, shared))) = best {
            let after_transfer = after_transfer(i);
            let span = text.sentences.first().map_or(0..0, |s| {
                s.start..text.sentences.last().map_or(s.end, |l| l.end)
            });
            out.push(finding(
                analysis,
                "repeated-explanation",
                j,
                span,
                format!(
                    "restates turn {i}{} ({shared} shared content words, overlap {ratio:.2})",
                    if after_transfer {
                        " after a transfer"
                    } else {
                        ""
                    }
                ),
            ));
        }
    }
    out
}

/// The first marker in customer turn `turn` by which the customer says they are repeating
/// themselves to this service ("as I said", "I've already told you twice"): voiced
/// frustration, which [`crate::detect::empathy`] counts as an opportunity for empathy.
pub fn says_they_repeat<'m>(
    analysis: &Analysis,
    cx: &'m Context,
    turn: usize,
) -> Option<&'m crate::lexicon::PhraseMatch> {
    cx.hits[turn].repetition.iter().find(|m| {
        cx.lexicons.repetition.tag(m) == Repetition::Said
            && says_so_of_this_contact(analysis, turn, m)
    })
}

/// Whether a "said" marker tells of repeating oneself to this service: not to someone else,
/// not an apology for repeating, not an answer to "say that again", and quoting something
/// said before.
fn says_so_of_this_contact(
    analysis: &Analysis,
    turn: usize,
    m: &crate::lexicon::PhraseMatch,
) -> bool {
    let text = &analysis.texts[turn];
    // "I've told you everything I know" sums up; it repeats nothing.
    let sums_up = text.word(m.tokens.end.saturating_sub(1)) == "you"
        && matches!(text.word(m.tokens.end), "everything" | "all" | "what");
    !(sums_up
        || said_to_someone_else(text, m)
        || apologises_for_repeating(text, m)
        || asked_to_say_it_again(analysis, turn)
        || quotes_nothing_said_before(analysis, turn, m))
}

/// The words a restatement is judged on: the turn's content words, with a number read out
/// ("zero four four one, seven seven two") taken as the figures it spells, one word for each
/// group between punctuation. Two different numbers read out then share nothing, though both
/// say "zero" and "four"; the same number given twice still matches. Typed figures stay out,
/// as they are of every content-word test.
fn restatement_words<'t>(raw: &str, text: &'t TurnText) -> std::borrow::Cow<'t, [u64]> {
    // Most turns read out no number: their content words are the words.
    if !text.tokens.iter().any(|t| spelled_digit(&t.norm).is_some()) {
        return std::borrow::Cow::Borrowed(&text.content);
    }
    let mut words = Vec::with_capacity(text.content.len() + 2);
    let mut figures = String::new();
    let flush = |figures: &mut String, words: &mut Vec<u64>| {
        if figures.len() >= 2 {
            words.push(xxh3_64(figures.as_bytes()));
        }
        figures.clear();
    };
    // "double seven", "triple five".
    let mut times = 1;
    let mut last_end: Option<usize> = None;
    for (k, t) in text.tokens.iter().enumerate() {
        if last_end.is_some_and(|end| {
            raw.get(end..t.start)
                .is_some_and(|between| between.bytes().any(|b| b != b' ' && b != b'-'))
        }) {
            flush(&mut figures, &mut words);
        }
        last_end = Some(t.end);
        let digit = match t.norm.as_str() {
            "oh" if !figures.is_empty() => Some('0'),
            word => spelled_digit(word),
        };
        if let Some(d) = digit {
            for _ in 0..times {
                figures.push(d);
            }
            times = 1;
            continue;
        }
        let digit_follows = || {
            text.tokens
                .get(k + 1)
                .is_some_and(|next| spelled_digit(&next.norm).is_some())
        };
        match t.norm.as_str() {
            "double" if digit_follows() => times = 2,
            "triple" if digit_follows() => times = 3,
            _ => {
                flush(&mut figures, &mut words);
                times = 1;
                if t.is_content() {
                    words.push(xxh3_64(t.stem().as_bytes()));
                }
            }
        }
    }
    flush(&mut figures, &mut words);
    words.sort_unstable();
    words.dedup();
    std::borrow::Cow::Owned(words)
}

/// The digit a word reads out ("zero" to "nine", "nought").
fn spelled_digit(word: &str) -> Option<char> {
    Some(match word {
        "zero" | "nought" => '0',
        "one" => '1',
        "two" => '2',
        "three" => '3',
        "four" => '4',
        "five" => '5',
        "six" => '6',
        "seven" => '7',
        "eight" => '8',
        "nine" => '9',
        _ => return None,
    })
}

/// Whether customer turn `j` insists on a request made before ("I just want to cancel"):
/// `repeated-explanation` charges it, so `correction` does not.
pub(crate) fn insists(analysis: &Analysis, cx: &Context, j: usize) -> bool {
    cx.hits[j].repetition.iter().any(|m| {
        cx.lexicons.repetition.tag(m) == Repetition::Insisted && asked_before(analysis, j, m)
    })
}

/// Whether the request an insisting phrase introduces ("I just want to *cancel*") was made in
/// an earlier customer turn that an agent has answered since.
fn asked_before(analysis: &Analysis, j: usize, m: &crate::lexicon::PhraseMatch) -> bool {
    let text = &analysis.texts[j];
    // Verbs of any request ("I just need to know…", "can you just try…") say too little of
    // what is asked for.
    let Some(asked) = text.tokens.get(m.tokens.end).filter(|t| {
        t.is_content()
            && !matches!(
                t.norm.as_str(),
                "know"
                    | "try"
                    | "get"
                    | "have"
                    | "make"
                    | "say"
                    | "ask"
                    | "tell"
                    | "see"
                    | "find"
                    | "like"
                    | "check"
                    | "talk"
                    | "speak"
                    | "confirm"
            )
    }) else {
        return false;
    };
    analysis.turns_of(Role::Customer).any(|(i, _, _)| {
        i < j
            && analysis.next_of(i, Role::Agent).is_some_and(|a| a < j)
            && analysis.texts[i]
                .tokens
                .iter()
                .any(|t| t.is_content() && t.stem() == asked.stem())
    })
}

/// Whether a "said" marker goes on to someone outside the contact ("as I said to my wife,
/// …", "…to the care home"): the customer is not repeating themselves to the service.
fn said_to_someone_else(text: &crate::analyse::TurnText, m: &crate::lexicon::PhraseMatch) -> bool {
    text.word(m.tokens.end) == "to"
        && (matches!(
            text.word(m.tokens.end + 1),
            "my" | "his" | "her" | "their" | "our"
        ) || (text.word(m.tokens.end + 1) == "the"
            // "as I said to the care home this morning".
            && matches!(
                text.word(m.tokens.end + 2),
                "care" | "hospital" | "council" | "bank" | "doctor" | "gp" | "police" | "school"
                    | "landlord" | "solicitor" | "nurse" | "pharmacy" | "surgery" | "home"
            )))
}

/// Whether the agent's turn before customer turn `j` asked to hear it again ("sorry, you cut
/// out a little at the end there", "could you type it for me?"): the customer's "I said…"
/// answers that, not a service that did not listen.
fn asked_to_say_it_again(analysis: &Analysis, j: usize) -> bool {
    analysis
        .previous_of(j, Role::Agent)
        .is_some_and(|a| asks_to_repeat(&analysis.texts[a]))
}

/// Whether the agent's turn before customer turn `j` checks what the customer said ("You said
/// the power light is solid red?", "Just to confirm, …", "…, is that right?").
fn answers_a_check(analysis: &Analysis, j: usize) -> bool {
    analysis.previous_of(j, Role::Agent).is_some_and(|a| {
        let norm = &analysis.texts[a].norm;
        analysis.conversation.turns[a].text.contains('?')
            && [
                " you said ",
                " you mentioned ",
                " is that right ",
                " is that correct ",
                " to confirm ",
                " just to check ",
            ]
            .iter()
            .any(|p| norm.contains(p))
    })
}

/// Whether the customer apologises for repeating themselves ("sorry to repeat myself, it's
/// the blue bin?"): a check they chose to make, not one the service made them make.
fn apologises_for_repeating(
    text: &crate::analyse::TurnText,
    m: &crate::lexicon::PhraseMatch,
) -> bool {
    let before = |back: usize| {
        m.tokens
            .start
            .checked_sub(back)
            .map_or("", |k| text.word(k))
    };
    // "sorry to repeat myself", "sorry if I repeat myself".
    let joined = if before(1) == "i" { 1 } else { 0 };
    text.word(m.tokens.start) == "repeat"
        && matches!(before(1 + joined), "to" | "for" | "if")
        && matches!(before(2 + joined), "sorry" | "apologies")
}

/// Whether an "I said…" that quotes itself ("I said I'd ring him back", "I said it was
/// fine") quotes nothing the customer told the service before: a story of what they said to
/// someone else. "But I said I would take the guesthouse" after "I'll take the guest house"
/// repeats.
fn quotes_nothing_said_before(
    analysis: &Analysis,
    j: usize,
    m: &crate::lexicon::PhraseMatch,
) -> bool {
    let text = &analysis.texts[j];
    let Some(s) = text.sentence_of(m.tokens.start) else {
        return false;
    };
    let sentence = &text.sentences[s];
    let quoted = crate::analyse::text::content_of(
        &text.tokens[m.tokens.end.min(sentence.tokens.end)..sentence.tokens.end],
    );
    // "It's KLM449, I said it at the start." points back to the earlier turn instead of
    // quoting it.
    let points_back = !quoted.is_empty()
        && text.tokens[m.tokens.end.min(sentence.tokens.end)..sentence.tokens.end]
            .iter()
            .filter(|t| t.is_content())
            .all(|t| {
                matches!(
                    t.norm.as_str(),
                    "start"
                        | "beginning"
                        | "earlier"
                        | "ago"
                        | "minute"
                        | "moment"
                        | "first"
                        | "message"
                        | "front"
                        | "top"
                        | "outset"
                )
            });
    text.word(m.tokens.start) == "i"
        && text.word(m.tokens.start + 1) == "said"
        && !points_back
        && !analysis
            .turns_of(Role::Customer)
            .take_while(|(i, _, _)| *i < j)
            .any(|(_, _, earlier)| crate::analyse::text::overlap(&quoted, &earlier.content).1 > 0)
}

/// Whether customer turn `j`, saying it has already done something, answers an agent's
/// suggestion or instructions rather than a question whether it was done: "have you restarted
/// it?" — "yes, I've already done that" is a plain answer. An agent turn before the customer
/// first spoke (a greeting) suggests nothing.
fn pushes_back_on_a_suggestion(analysis: &Analysis, j: usize) -> bool {
    let Some(a) = analysis.previous_of(j, Role::Agent) else {
        return false;
    };
    if analysis.previous_of(a, Role::Customer).is_none() {
        return false;
    }
    let (said, agent) = (&analysis.conversation.turns[a].text, &analysis.texts[a]);
    !agent.sentences.iter().any(|s| {
        said[s.start..s.end].trim_end().ends_with('?')
            && matches!(agent.word(s.tokens.start), "have" | "has" | "had" | "did")
    })
}

/// Whether a customer turn asks the agent to say it again ("sorry, could you say that again?
/// I'm a bit hard of hearing"): no answer to what was asked.
pub(crate) fn asks_to_repeat(text: &crate::analyse::TurnText) -> bool {
    [
        " say that again ",
        " say it again ",
        " say again ",
        " repeat that ",
        " repeat the question ",
        " pardon ",
        " did not catch ",
        " what was that ",
        " come again ",
        " cut out ",
        " broke up ",
        " breaking up ",
        " missed that ",
        " type it ",
    ]
    .iter()
    .any(|p| text.norm.contains(p))
}

/// Whether a customer turn supplies a value: digits, an e-mail address, or, for names and
/// addresses, any words at all that do not ask to hear the question again.
fn supplies(analysis: &Analysis, turn: usize, item: Info) -> bool {
    let text = &analysis.texts[turn];
    // Figures typed, or read out a digit at a time ("zero four four one").
    let has_number = text
        .tokens
        .iter()
        .any(|t| t.kind == TokenKind::Number || t.kind == TokenKind::Placeholder)
        || text
            .tokens
            .iter()
            .filter(|t| spelled_digit(&t.norm).is_some())
            .count()
            >= 3;
    match item {
        Info::Email => analysis.conversation.turns[turn].text.contains('@') || has_number,
        Info::Name | Info::Address | Info::Birth => {
            !text.tokens.is_empty() && !asks_to_repeat(text)
        }
        _ => has_number,
    }
}

/// The first word before an item, past the words in `skipped`.
fn word_before<'t>(
    text: &'t crate::analyse::TurnText,
    m: &crate::lexicon::PhraseMatch,
    skipped: &[&str],
) -> Option<&'t str> {
    text.tokens[..m.tokens.start]
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.norm.as_str())
        .find(|w| !skipped.contains(w))
}

/// Whether the agent asks for a different item of the same kind ("is there another account
/// number, for the business?", "what's the new address?"), not the one already given.
fn is_another(text: &crate::analyse::TurnText, m: &crate::lexicon::PhraseMatch) -> bool {
    word_before(text, m, &["the", "your", "an", "a"]).is_some_and(|w| {
        matches!(
            w,
            "another"
                | "other"
                | "second"
                | "different"
                | "new"
                | "alternative"
                | "additional"
                | "old"
                | "previous"
                | "joint"
                | "business"
                | "partner's"
                | "husband's"
                | "wife's"
                // "Do you want the same address on the ISA as well?" uses it.
                | "same"
        )
    })
}

/// Whether the request of an item starting at token `item` asks for someone else's ("her full
/// name and date of birth", "the patient's name"): the last possessive before it in its
/// sentence (from token `from`) is not "your".
fn someone_elses(text: &crate::analyse::TurnText, from: usize, item: usize) -> bool {
    text.tokens[from..item]
        .iter()
        .rev()
        .map(|t| t.norm.as_str())
        .find(|w| {
            matches!(*w, "your" | "ur" | "her" | "his" | "their")
                || (w.ends_with("'s")
                    && !matches!(
                        *w,
                        "it's"
                            | "that's"
                            | "what's"
                            | "let's"
                            | "there's"
                            | "here's"
                            | "he's"
                            | "she's"
                            | "who's"
                            | "where's"
                    ))
        })
        .is_some_and(|w| !matches!(w, "your" | "ur"))
}

/// Whether the words before an item offer it to the customer rather than ask for it ("You
/// want the confirmation number for the new hotel?", "would you like the reference?", "do you
/// need the case number?"); "would you like to confirm your account number?" still asks.
fn is_offer(text: &crate::analyse::TurnText, from: usize, item: usize) -> bool {
    let words: Vec<&str> = text.tokens[from..item]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.norm.as_str())
        .collect();
    words.windows(2).enumerate().any(|(k, pair)| {
        matches!(
            pair,
            ["you", "want" | "need" | "like"] | ["you'd" | "youd", "like"]
        ) && words.get(k + 2).is_none_or(|&next| next != "to")
    })
}

/// Whether an item is named as where something goes or what the customer can reach ("send a
/// photo to the email we have on file", "do you still have access to the email address?"), or
/// whose it is ("is there a credit card in her name too?"), rather than asked for.
fn is_destination(text: &crate::analyse::TurnText, m: &crate::lexicon::PhraseMatch) -> bool {
    matches!(
        word_before(text, m, &["the", "your", "that", "this", "an", "a"]),
        Some("to")
    ) || matches!(word_before(text, m, &[]), Some("in" | "under"))
}

fn info_requests(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let lex = &cx.lexicons;
    let mut given: BTreeMap<Info, usize> = BTreeMap::new();
    let mut asked: BTreeMap<Info, usize> = BTreeMap::new();
    // Whether the item was asked for, or given, as someone else's ("her full name"): the
    // caller's own is another item.
    let mut asked_of_other: BTreeMap<Info, bool> = BTreeMap::new();
    let mut given_of_other: BTreeMap<Info, bool> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, turn, text) in analysis.turns() {
        let items = &cx.hits[i].info;
        match turn.role {
            Role::Customer => {
                let raw = &turn.text;
                // Volunteered: "my order number is 4821", "order 52-88140", an e-mail address.
                let bare = &cx.hits[i].bare_info;
                let named = items
                    .iter()
                    .map(|m| (lex.info.tag(m), m))
                    .chain(bare.iter().map(|m| (lex.bare_info.tag(m), m)));
                for (item, m) in named {
                    let Some(s) = text.sentence_of(m.tokens.start) else {
                        continue;
                    };
                    let sentence = &text.sentences[s];
                    let value_follows = text.tokens
                        [m.tokens.end.min(sentence.tokens.end)..sentence.tokens.end]
                        .iter()
                        .take(4)
                        .any(|t| t.kind != TokenKind::Word);
                    let email_follows =
                        item == Info::Email && raw[sentence.start..sentence.end].contains('@');
                    if value_follows || email_follows {
                        given.entry(item).or_insert(i);
                    }
                }
                if raw.contains('@') {
                    given.entry(Info::Email).or_insert(i);
                }
                // Answers to the agent's last requests.
                for (&item, &at) in &asked {
                    if analysis.next_of(at, Role::Customer) == Some(i)
                        && supplies(analysis, i, item)
                        && !given.contains_key(&item)
                    {
                        given.insert(item, i);
                        given_of_other
                            .insert(item, asked_of_other.get(&item).copied().unwrap_or(false));
                    }
                }
            }
            // A bot's request counts as asked (the customer's answer is then given), so that an
            // agent asking for it again after the hand-over is found; only agents are flagged.
            Role::Agent | Role::Bot => {
                let requests = &cx.hits[i].request;
                // Worked out only for a request: most agent turns ask for nothing.
                let confirms_by_reading_back = || {
                    (text.norm.contains(" confirm") || text.norm.contains(" just to check "))
                        && text.tokens.iter().any(|t| t.kind == TokenKind::Number)
                };
                for m in items {
                    let item = lex.info.tag(m);
                    let Some(s) = text.sentence_of(m.tokens.start) else {
                        continue;
                    };
                    let sentence = &text.sentences[s];
                    let is_question = turn.text[sentence.start..sentence.end]
                        .trim_end()
                        .ends_with('?');
                    // "Can you give me the file reference so I can add the delivery address?"
                    // asks for the reference; the address is what it is for.
                    // "So they can help faster, can you tell me your mobile number?" asks for
                    // it: a purpose "so" comes after the request.
                    let request_start = requests
                        .iter()
                        .map(|r| r.tokens.start)
                        .filter(|&k| k >= sentence.tokens.start && k <= m.tokens.start)
                        .min()
                        .unwrap_or(sentence.tokens.start);
                    let purpose_before = text.tokens[request_start..m.tokens.start]
                        .iter()
                        .any(|t| t.norm == "so");
                    let requested = !purpose_before
                        && (is_question
                            || requests.iter().any(|r| {
                                r.tokens.start >= sentence.tokens.start
                                    && r.tokens.start <= m.tokens.start
                            }));
                    if !requested
                        || confirms_by_reading_back()
                        || is_destination(text, m)
                        || is_another(text, m)
                        || is_offer(text, sentence.tokens.start, m.tokens.start)
                        // "Could you spell her last name for me?" asks for its letters, which
                        // a name said aloud does not give.
                        || text.tokens[sentence.tokens.start..m.tokens.start]
                            .iter()
                            .any(|t| t.norm == "spell")
                    {
                        continue;
                    }
                    // The item's own words count: "his name" is matched whole.
                    let of_other = someone_elses(
                        text,
                        sentence.tokens.start,
                        (m.tokens.end - 1).max(m.tokens.start),
                    );
                    if let Some(&at) = given.get(&item).filter(|_| {
                        turn.role == Role::Agent
                            && given_of_other.get(&item).copied().unwrap_or(false) == of_other
                    }) {
                        // Numbers go by many names ("policy number", "workspace ID"): the
                        // agent's own words say which.
                        let what = match item {
                            Info::Account | Info::Order => {
                                let said = &turn.text[m.span.clone()];
                                let mut chars = said.chars();
                                chars.next().map_or(String::new(), |first| {
                                    first.to_lowercase().chain(chars).collect()
                                })
                            }
                            _ => item.as_str().to_string(),
                        };
                        out.push(finding(
                            analysis,
                            "repeated-info-request",
                            i,
                            sentence.start..sentence.end,
                            format!("asks again for the {what} the customer gave in turn {at}"),
                        ));
                    }
                    asked.insert(item, i);
                    asked_of_other.insert(item, of_other);
                }
            }
            Role::System => {}
        }
    }
    // One finding per request sentence, even when it names several items.
    out.dedup_by(|a, b| a.turn == b.turn && a.start == b.start);
    out
}
