//! The customer's side: distress (a phrase, shouting, or negativity beyond the fault's own
//! words), a life event the trouble puts at stake, what the customer said of themselves, and
//! the first opportunity for empathy.

use crate::analyse::sentiment;
use crate::analyse::text::TurnText;
use crate::analyse::{Analysis, TokenKind};
use crate::detect::lexicons::Thanks;
use crate::detect::{Context, Evidence};
use crate::model::Role;

use super::questions::is_question;
use super::words::FAULT_WORDS;

/// Whether customer turn `turn` voices distress (or names a life event the trouble puts at
/// stake, or says they are repeating themselves), and the evidence span. Negative sentiment
/// is distress only when it is not all in the words of the fault ("payment failed"). Read
/// once a turn: the answer is kept in `cx` for every rule that asks.
pub fn distress<'c>(analysis: &Analysis, cx: &'c Context, turn: usize) -> Option<&'c Evidence> {
    cx.distress[turn]
        .get_or_init(|| read_distress(analysis, cx, turn))
        .as_ref()
}

/// [`distress`], read afresh.
fn read_distress(analysis: &Analysis, cx: &Context, turn: usize) -> Option<Evidence> {
    // "Oh thank you, love, I was worried you'd say next week" is relief, which needs no
    // answer, though an agent may still name the worry it tells of.
    let text = &analysis.texts[turn];
    if crate::detect::resolution::relieved(text) || tears_of_relief(analysis, cx, turn) {
        return None;
    }
    negativity(analysis, cx, turn, false)
}

/// Whether a customer turn's only distress is tears, beside thanks or "thank God" ("\[crying\]
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
pub(super) fn raises_trouble(analysis: &Analysis, cx: &Context, turn: usize) -> bool {
    !cx.hits[turn].problem.is_empty() || negativity(analysis, cx, turn, true).is_some()
}

/// [`distress`], counting the fault's own words in the sentiment when `fault_words_count`.
fn negativity(
    analysis: &Analysis,
    cx: &Context,
    turn: usize,
    fault_words_count: bool,
) -> Option<Evidence> {
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
    // "As I said, it's the landline" is exasperation at having to repeat; "As I said, no
    // rush" repeats a kindness.
    if let Some(m) = crate::detect::repetition::says_they_repeat(analysis, cx, turn)
        .filter(|_| !reassures(&analysis.texts[turn]))
    {
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
    let event = (0..text.tokens.len()).find(|&k| {
        let word = text.word(k);
        match word.strip_suffix("'s").unwrap_or(word) {
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
        }
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

/// Whether a customer turn puts the agent at ease: "no rush", "no worries", "take your time",
/// "whenever suits".
fn reassures(text: &TurnText) -> bool {
    (0..text.tokens.len()).any(|k| match text.word(k) {
        "no" => matches!(text.word(k + 1), "rush" | "hurry" | "worries" | "pressure"),
        "take" => text.word(k + 1) == "your" && text.word(k + 2) == "time",
        // Not "whenever I log in it crashes".
        "whenever" => matches!(
            text.word(k + 1),
            "is" | "suits" | "works" | "you" | "convenient" | "fine"
        ),
        _ => false,
    })
}

/// VADER compound above which a turn telling of someone else's feeling is told in good humour.
const GOOD_HUMOUR_SENTIMENT: f64 = 0.3;

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

/// Adjectives a customer may judge themselves by, which a reply can deny ("It's not stupid").
const SELF_JUDGEMENTS: &[&str] = &["stupid", "silly", "awful", "daft", "selfish", "dumb"];

/// For an empathy cue `said` that denies a judgement ("not awful", "it is not stupid"): whether
/// the customer's turn before reply `reply` passed that judgement on themselves, asking ("Is
/// that awful?"), supposing ("its probably stupid") or of their own doing ("it's stupid, I keep
/// doing this"), rather than remarking on the world ("It's silly how out of the blue it can hit
/// you"). Other cues pass.
pub(super) fn denies_their_self_judgement(analysis: &Analysis, reply: usize, said: &str) -> bool {
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
pub(super) fn answers_sarcasm(analysis: &Analysis, reply: usize) -> bool {
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

/// Whether a customer turn tells of a death: "my mum died in the night", "Dad passed away",
/// "we had to have her put down".
pub(super) fn tells_of_a_death(text: &TurnText) -> bool {
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
