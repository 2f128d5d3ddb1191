//! How the conversation ends: `unresolved` (it ends without a resolution) and
//! `closing-sentiment` (the customer's closing turns fall short of a warm close).

use crate::analyse::{Analysis, TurnText};
use crate::detect::lexicons::{Ending, Thanks};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::lexicon::PhraseMatch;
use crate::model::Role;

/// How many closing turns are read for the outcome.
const CLOSING_TURNS: usize = 4;

/// Mean VADER compound of the customer's last `turns` turns (`sentiment` as in
/// [`Analysis::sentiment`]), leaving out the customer's first turn when there are others: the
/// opening states the problem, the close is the customer's verdict. Turns of only figures or
/// codes are left out, and sarcasm counts as negative. Only those turns' sentiment is worked
/// out. `None` without customer turns.
pub fn closing_sentiment(analysis: &Analysis, cx: &Context) -> Option<f64> {
    mean_sentiment(closing_turns(analysis, cx))
}

/// A customer turn of the close: its index, its sentiment as counted, and whether it was
/// read as `sarcastic`.
pub type ClosingTurn = (usize, f64, bool);

/// The customer's closing turns of the policy's `closing_sentiment_turns`, read once per
/// conversation: both the `closing-sentiment` rule and the effort score need them.
fn closing_turns<'c>(analysis: &Analysis, cx: &'c Context) -> &'c [ClosingTurn] {
    cx.closing_turns
        .get_or_init(|| read_closing_turns(analysis, cx, cx.policy.closing_sentiment_turns))
}

/// The mean of the sentiments of `closing`; `None` when it is empty.
fn mean_sentiment(closing: &[ClosingTurn]) -> Option<f64> {
    (!closing.is_empty())
        .then(|| closing.iter().map(|(_, s, _)| s).sum::<f64>() / closing.len() as f64)
}

/// The customer's closing turns that [`closing_sentiment`] averages, each with its sentiment;
/// a [`sarcastic`] turn counts as negative as VADER finds it positive.
fn read_closing_turns(analysis: &Analysis, cx: &Context, turns: usize) -> Vec<ClosingTurn> {
    // A turn of only figures or codes ("04417.", "PW44817263GB") answers a question and says
    // nothing of the customer's mood; nor does a datum handed over when asked ("ochen.").
    // Read from the end, so that only the close is tested: the last `turns` such turns and
    // one before them, or all there are.
    let wanted = turns.max(1);
    let mut customer: Vec<usize> = Vec::with_capacity(wanted + 1);
    for (i, turn) in analysis.conversation.turns.iter().enumerate().rev() {
        if turn.role != Role::Customer
            || !analysis.texts[i]
                .tokens
                .iter()
                .any(|t| t.kind == crate::analyse::TokenKind::Word)
            || hands_over_datum(analysis, i)
            || declines_more_help(analysis, i)
        {
            continue;
        }
        customer.push(i);
        if customer.len() > wanted {
            break;
        }
    }
    customer.reverse();
    // The earliest read is dropped: one before the last `turns`, or the customer's opening,
    // even when it is their only turn ("hi is the store open sunday" — "Yes, 10-4!"): what the
    // customer asked with says nothing of how the contact left them.
    let opening_only = customer.len() == 1
        && analysis
            .turns_of(Role::Customer)
            .next()
            .is_some_and(|(first, _, _)| first == customer[0]);
    customer[usize::from(customer.len() > 1 || opening_only)..]
        .iter()
        .filter_map(|&i| {
            let s = analysis.sentiment(i)?;
            let sarcasm = sarcastic(&analysis.conversation.turns[i].text, &analysis.texts[i])
                || praise_after_refusal(analysis, cx, i)
                || (!cx.hits[i].thanks.is_empty() && thanks_undone(analysis, cx, i));
            let grateful = !sarcasm
                && !cx.hits[i].thanks.is_empty()
                && crate::detect::thanks::thanks_given(analysis, cx, i).is_some();
            let s = if sarcasm {
                -s.abs()
            } else if grateful {
                // Gratitude is a warm close however plainly put: VADER reads "Thank you very
                // much." at +0.36; and relief beside it no less ("Thank you, honestly I was
                // dreading ringing you.", +0.27 to VADER, is the thanks and more).
                let s = if relieved(&analysis.texts[i]) {
                    s.abs()
                } else {
                    s
                };
                s.max(cx.policy.closing_sentiment_anchor)
            } else if relieved(&analysis.texts[i]) {
                s.abs()
            } else {
                s
            };
            Some((i, s, sarcasm))
        })
        .collect()
}

/// Worries that, put in the past beside thanks, are relief: "Thank you, I was dreading this
/// call", "Thanks. I was panicking.", and the anger the call has put right: "thank you honestly i
/// was so frustrated when i rang but you've been lovely".
const PAST_WORRIES: &[&str] = &[
    "frustrated",
    "annoyed",
    "upset",
    "angry",
    "fuming",
    "dreading",
    "panicking",
    "worried",
    "worrying",
    "terrified",
    "scared",
    "frightened",
    "petrified",
    "nervous",
    "anxious",
    "stressed",
    "stressing",
];

/// Whether a turn thanks or says what the agent did is kind, and puts a worry of the
/// customer's in the past ("I was dreading this call", "Oh, that's kind. I was worried I'd been
/// charged for the lot"): relief, which VADER reads as negative; counted as positive as VADER
/// finds it negative.
pub(crate) fn relieved(text: &TurnText) -> bool {
    let words = text.tokens.len();
    // The past worry first: it is rare, thanks are not.
    (1..words).any(|k| {
        text.word(k) == "was"
            && matches!(text.word(k - 1), "i" | "we")
            && (k + 1..(k + 4).min(words)).any(|j| PAST_WORRIES.contains(&text.word(j)))
    }) && (0..words).any(|k| {
        is_thank_word(text, k)
            || is_thank_god(text, k)
            || matches!(
                text.word(k),
                "kind"
                    | "relief"
                    | "relieved"
                    | "phew"
                    | "good"
                    | "great"
                    | "amazing"
                    | "brilliant"
                    | "wonderful"
                    | "fantastic"
                    | "helpful"
                    | "lifesaver"
                    | "legend"
            )
    })
}

/// Words of a reply that declines more help and says nothing else: "No, that's it.", "nope
/// all good", "No, that's everything.", "No thanks." (with a word that refuses, see [`REFUSALS`]).
const DECLINE_WORDS: &[&str] = &[
    "no",
    "nope",
    "nah",
    "that's",
    "thats",
    "that",
    "is",
    "it",
    "all",
    "everything",
    "nothing",
    "else",
    "i'm",
    "im",
    "i",
    "am",
    "good",
    "fine",
    "ok",
    "okay",
    "for",
    "now",
    "today",
    "we're",
    "all's",
    "set",
    "sorted",
    "cool",
    "thanks",
    "thank",
    "you",
    "cheers",
    "ta",
];

/// The words of a decline that refuse ("No thanks." declines, "Thanks." alone thanks).
const REFUSALS: &[&str] = &["no", "nope", "nah", "nothing"];

/// Whether customer turn `i` only declines the agent's "anything else?" ("no that's it"):
/// VADER reads the "no" as negative, but the reply tells nothing of the customer's mood.
fn declines_more_help(analysis: &Analysis, i: usize) -> bool {
    let text = &analysis.texts[i];
    text.tokens.len() <= 6
        && words_of(text).all(|w| DECLINE_WORDS.contains(&w))
        && (words_of(text).any(|w| REFUSALS.contains(&w))
            || !words_of(text).any(|w| matches!(w, "thanks" | "thank" | "you" | "cheers" | "ta")))
        && analysis
            .conversation
            .turns
            .get(..i)
            .and_then(|before| {
                before
                    .iter()
                    .rposition(|t| matches!(t.role, Role::Agent | Role::Bot))
            })
            .is_some_and(|a| analysis.texts[a].norm.contains(" anything else "))
}

/// Short replies that answer a question with the customer's own stance, not a datum.
const RESPONSE_WORDS: &[&str] = &[
    "yes", "yeah", "yep", "yup", "no", "nope", "nah", "okay", "ok", "sure", "fine", "right",
    "correct", "exactly", "alright", "cheers", "thanks", "please", "nothing", "none", "all",
];

/// Whether a word is a figure as a voice transcript spells it out.
fn is_number_word(word: &str) -> bool {
    matches!(
        word,
        "zero"
            | "oh"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "thousand"
            | "double"
            | "triple"
            | "point"
    )
}

/// Words that frame a datum without saying anything: "It's 4471.", "my PIN's 4471".
const DATUM_FRAME: &[&str] = &[
    "it's", "it", "is", "its", "that's", "my", "the", "a", "showing", "shows", "says", "reads",
];

/// Whether a customer turn only hands over a datum that the agent's question before it asked
/// for ("ochen.", "Biscuit.", "It's 4471.", "4 Orchard Way, Kendal, LA9 4QT."): one word
/// besides the framing ones, or figures among words that are all capitalised (names, places,
/// months) or join them ("of", "and"), no reply of the customer's own ("Fine.", "No, that's
/// it."), no question, and no sentiment.
fn hands_over_datum(analysis: &Analysis, i: usize) -> bool {
    let text = &analysis.texts[i];
    let raw = &analysis.conversation.turns[i].text;
    if text.tokens.len() > 10 {
        return false;
    }
    // Voice transcripts spell figures out: "Forty-two.", "four one seven".
    let figure = |t: &crate::analyse::Token| {
        t.kind != crate::analyse::TokenKind::Word || is_number_word(&t.norm)
    };
    let figures = text.tokens.iter().any(figure);
    let mut words = text
        .tokens
        .iter()
        .filter(|t| !figure(t) && !DATUM_FRAME.contains(&t.norm.as_str()));
    let reply = |t: &crate::analyse::Token| RESPONSE_WORDS.contains(&t.norm.as_str());
    let capitalised =
        |t: &crate::analyse::Token| raw[t.start..].starts_with(|c: char| c.is_uppercase());
    // "2nd of February 1950": figures with names and the small words between them.
    let joins = |t: &crate::analyse::Token| {
        matches!(
            t.norm.as_str(),
            "of" | "the"
                | "and"
                | "from"
                | "to"
                | "at"
                | "on"
                | "in"
                | "next"
                | "this"
                | "month"
                | "week"
                | "am"
                | "pm"
        )
    };
    let datum = if figures {
        words.all(|t| !reply(t) && (joins(t) || capitalised(t)))
    } else {
        // One word ("ochen."), or a name of up to three capitalised words ("It's Aoife
        // Brennan.").
        let words: Vec<_> = words.collect();
        text.tokens.len() <= 4
            && match words[..] {
                [t] => !t.stop && !reply(t),
                [_, _] | [_, _, _] => words.iter().all(|t| !t.stop && !reply(t) && capitalised(t)),
                _ => false,
            }
    };
    let asked = analysis.conversation.turns[..i]
        .iter()
        .rev()
        .find(|t| t.role != Role::System)
        .is_some_and(|t| {
            matches!(t.role, Role::Agent | Role::Bot) && t.text.trim_end().ends_with('?')
        });
    // "How about 12:00?" asks, it does not hand over.
    let asks = raw.trim_end().ends_with('?');
    datum && asked && !asks && analysis.sentiment(i) == Some(0.0)
}

/// Praise words that, said alone next to a complaint, are sarcasm ("We don't even have a green
/// bin. Brilliant. Just brilliant.").
const BARE_PRAISE: &[&str] = &[
    "brilliant",
    "great",
    "perfect",
    "fantastic",
    "wonderful",
    "marvellous",
    "marvelous",
    "lovely",
    "superb",
    "excellent",
    "amazing",
    "terrific",
    "awesome",
];

/// Words that may stand with bare praise without making it a statement: "just brilliant",
/// "oh great", "great service", "what a fantastic job".
const PRAISE_COMPANIONS: &[&str] = &[
    "just",
    "oh",
    "so",
    "really",
    "super",
    "wow",
    "isn't",
    "isnt",
    "absolutely",
    "well",
    "that's",
    "what",
    "a",
    "how",
    "service",
    "job",
    "stuff",
    "news",
    "customer",
];

/// Words that, with praise and thanks, make a reply that says nothing else: "Great. Thanks a
/// lot. Really helpful."
const FORMULA_WORDS: &[&str] = &[
    "help",
    "your",
    "all",
    "thank",
    "thanks",
    "ta",
    "cheers",
    "lot",
    "very",
    "much",
    "helpful",
    "useful",
    "for",
    "that",
    "was",
    "you",
    "ever",
    "most",
    "yeah",
    "eh",
    "okay",
    "ok",
    "right",
    "appreciate",
    "appreciated",
    "it",
];

/// The words of a turn, without figures or placeholders.
fn words_of(text: &TurnText) -> impl Iterator<Item = &str> {
    text.tokens
        .iter()
        .filter(|t| t.kind == crate::analyse::TokenKind::Word)
        .map(|t| t.norm.as_str())
}

/// Whether turn `i` is a short reply of only praise and thanks ("Great. Thanks a lot, Gary,
/// really helpful."): the agent's name adds nothing.
fn only_praise_and_thanks(analysis: &Analysis, i: usize) -> bool {
    let text = &analysis.texts[i];
    // Such a reply is short; most turns are not.
    if text.tokens.len() > 12 {
        return false;
    }
    let agent_named = |w: &str| {
        analysis
            .conversation
            .agent_name
            .as_deref()
            .is_some_and(|name| name.split_whitespace().any(|n| n.eq_ignore_ascii_case(w)))
    };
    words_of(text).all(|w| {
        BARE_PRAISE.contains(&w)
            || PRAISE_COMPANIONS.contains(&w)
            || FORMULA_WORDS.contains(&w)
            || agent_named(w)
    })
}

/// Whether customer turn `i` is only praise and thanks ("Great. Thanks a lot. Really
/// helpful.") right after the agent said, with no fix beside it, that nothing can be done or
/// that the customer must wait: sarcasm, though its thanks would make praise sincere anywhere
/// else.
pub(crate) fn praise_after_refusal(analysis: &Analysis, cx: &Context, i: usize) -> bool {
    let turns = &analysis.conversation.turns;
    // Such a reply is short; most turns are not.
    if turns[i].role != Role::Customer
        || analysis.texts[i].tokens.len() > 12
        || !words_of(&analysis.texts[i])
            .any(|w| BARE_PRAISE.contains(&w) || matches!(w, "helpful" | "useful"))
        || !only_praise_and_thanks(analysis, i)
    {
        return false;
    }
    // "Unfortunately the slot has to be purchased by the account owner." opens on the refusal.
    let regrets = |j: usize| {
        let text = &analysis.texts[j];
        text.word(0) == "unfortunately"
            || (matches!(text.word(0), "i'm" | "im") && text.word(1) == "afraid")
    };
    let refuses = |j: usize| {
        crate::detect::friction::failure_in(analysis, cx, j).is_some()
            || says_unresolved(analysis, cx, j)
            || regrets(j)
    };
    // The refusal is the agent's turn before, or the customer's own next word on what came of
    // the call: "Brilliant. Thanks a lot, Gary, really helpful." … "So nothing, then."
    let nothing_came_of_it = || {
        analysis
            .next_of(i, Role::Customer)
            .is_some_and(|c| says_unresolved(analysis, cx, c))
    };
    (0..i)
        .rev()
        .find(|&j| matches!(turns[j].role, Role::Agent | Role::Bot))
        .is_some_and(|j| refuses(j) && !reports_a_fix(analysis, cx, j))
        || nothing_came_of_it()
}

/// Whether customer turn `i` takes back its own thanks: an eye-roll or upside-down face
/// beside them ("thanks sooo much for all your help 🙄"), or the same turn saying the problem
/// is where it was ("youve helped with nothing. thanks a lot").
pub(crate) fn thanks_undone(analysis: &Analysis, cx: &Context, i: usize) -> bool {
    analysis.conversation.turns[i]
        .text
        .contains(['\u{1F644}', '\u{1F643}'])
        || says_unresolved(analysis, cx, i)
        || resigned(analysis, cx, i)
}

/// Whether customer turn `i` thanks after giving up: their previous turn said the problem is
/// not solved ("Another callback. Let me hold my breath."), nothing the agent said since
/// fixes it, and the turn is only thanks and praise ("Thank you very much, eh. Very
/// helpful.").
fn resigned(analysis: &Analysis, cx: &Context, i: usize) -> bool {
    if analysis.conversation.turns[i].role != Role::Customer {
        return false;
    }
    // The give-up first: it is rare, short thanks are not.
    analysis
        .previous_of(i, Role::Customer)
        .is_some_and(|before| {
            says_unresolved(analysis, cx, before)
                && only_praise_and_thanks(analysis, i)
                && !(before + 1..i).any(|j| reports_a_fix(analysis, cx, j))
        })
}

/// Whether a resolved-ending phrase is only thanks, praise or their answer ("thanks for your
/// help", "you've been very helpful", "you're welcome"), which resolve only as far as the
/// thanks are meant.
fn is_courtesy(said: &str) -> bool {
    ["thank", "help", "appreciate", "welcome", "cheers"]
        .iter()
        .any(|w| said.contains(w))
}

/// Whether turn `i` says the problem is not solved ("so nothing, then", "you can wait another
/// 48 hours"), neither denied ("it's not a waste of time") nor only supposed ("if it doesn't
/// work, …").
fn says_unresolved(analysis: &Analysis, cx: &Context, i: usize) -> bool {
    cx.hits[i].ending.iter().any(|m| {
        cx.lexicons.ending.tag(m) == Ending::Unresolved
            && !denied(&analysis.texts[i], m)
            && !conditional(&analysis.texts[i], m)
    })
}

/// Words of a complaint that make praise beside it sarcastic: the same thing again, still,
/// another one, not even.
const GRIEVANCE_WORDS: &[&str] = &[
    "even", "again", "still", "another", "never", "nothing", "yet",
];

/// Whether the words `from..to` of a turn hold a [`GRIEVANCE_WORDS`] word. "Never … again"
/// is as often relief ("I'll never have to call again") as grievance, so the pair counts as
/// neither.
fn grieves(text: &TurnText, from: usize, to: usize) -> bool {
    let has = |word: &str| (from..to).any(|k| text.word(k) == word);
    let relief = has("never") && has("again");
    (from..to).any(|k| {
        let w = text.word(k);
        GRIEVANCE_WORDS.contains(&w) && !(relief && matches!(w, "never" | "again"))
    })
}

/// Whether a customer turn is sarcastic or dismissive: a sentence of bare praise ("Brilliant.",
/// "Great service.") beside a grievance in the same turn (a word of [`GRIEVANCE_WORDS`] or a
/// question before it: "Five days? So I just wait again. Great service."), praise opening a
/// sentence of grievance ("Oh great, another form to fill in."), or a shrug ("Fine.
/// Whatever.", "If you say so."). Thanks anywhere in the turn make the praise sincere.
/// `raw` is the turn's text, which `text` analyses.
pub(crate) fn sarcastic(raw: &str, text: &TurnText) -> bool {
    // Most turns hold neither praise nor a shrug: one pass over the words settles them.
    if !text.tokens.iter().any(|t| {
        let w = t.norm.as_str();
        BARE_PRAISE.contains(&w) || w == "whatever" || w == "say"
    }) {
        return false;
    }
    let words = |s: &crate::analyse::Sentence| s.tokens.clone().map(|k| text.word(k));
    if text.tokens.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "thank" | "thanks" | "cheers" | "thx" | "ta" | "appreciate"
        )
    }) {
        return false;
    }
    let shrug = text.sentences.iter().any(|s| {
        let all: Vec<&str> = words(s).collect();
        all == ["if", "you", "say", "so"]
            || (all.contains(&"whatever")
                && all.iter().all(|w| {
                    matches!(
                        *w,
                        "whatever" | "fine" | "ok" | "okay" | "yeah" | "sure" | "oh" | "well"
                    )
                }))
    });
    if shrug {
        return true;
    }
    // "Oh great, another form to fill in.", "Brilliant, so it still doesn't work": praise
    // opening a sentence, a comma, and the grievance after it.
    let praise_then_grievance = |s: &crate::analyse::Sentence| {
        let mut k = s.tokens.start;
        while k < s.tokens.end && matches!(text.word(k), "oh" | "well" | "just") {
            k += 1;
        }
        k + 1 < s.tokens.end
            && BARE_PRAISE.contains(&text.word(k))
            && raw[text.tokens[k].end..text.tokens[k + 1].start].contains(',')
            && grieves(text, k + 1, s.tokens.end)
    };
    if text.sentences.iter().any(praise_then_grievance) {
        return true;
    }
    text.sentences.iter().enumerate().any(|(n, s)| {
        let len = s.tokens.len();
        let bare = (1..=4).contains(&len)
            && words(s).any(|w| BARE_PRAISE.contains(&w))
            && words(s).all(|w| BARE_PRAISE.contains(&w) || PRAISE_COMPANIONS.contains(&w));
        if !bare {
            return false;
        }
        let asked_before = text.sentences[..n]
            .iter()
            .any(|q| raw[q.start..q.end].ends_with('?'));
        asked_before
            || text
                .sentences
                .iter()
                .enumerate()
                .any(|(m, other)| m != n && grieves(text, other.tokens.start, other.tokens.end))
    })
}

/// Both ending rules.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = unresolved(analysis, cx);
    out.extend(closing_tone(analysis, cx));
    out
}

/// Fires when the mean sentiment of the customer's closing turns is below
/// `closing_sentiment_anchor`, on the least warm of them (the last of equals): that is the turn
/// that holds the close back. Scoring weighs it by how far below.
fn closing_tone(analysis: &Analysis, cx: &Context) -> Option<Finding> {
    let closing = closing_turns(analysis, cx);
    let mean = mean_sentiment(closing)?;
    if mean >= cx.policy.closing_sentiment_anchor {
        return None;
    }
    let &(coolest, lowest, _) = closing
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let text = &analysis.texts[coolest];
    let span = text.sentences.first().map_or(0..0, |s| {
        s.start..text.sentences.last().map_or(s.end, |l| l.end)
    });
    let n = closing.len();
    let sarcasm: Vec<String> = closing
        .iter()
        .filter(|(_, _, sarcastic)| *sarcastic)
        .map(|(i, _, _)| i.to_string())
        .collect();
    // Each figure is formatted once: float formatting is the costliest part of the detail.
    let anchor = format!("{:+.2}", cx.policy.closing_sentiment_anchor);
    let mean_shown = format!("{mean:+.2}");
    // Just below the anchor, two decimals would print the two as equal ("+0.50, below +0.50").
    let mean = if mean_shown == anchor {
        format!("{mean:+.4}")
    } else {
        mean_shown
    };
    let detail = if n == 1 {
        format!("the customer's closing turn has sentiment {mean}, below a warm close ({anchor})")
    } else {
        format!(
            "mean sentiment of the customer's last {n} turns is {mean}, below a warm close ({anchor}); this turn is the least warm ({lowest:+.2})"
        )
    };
    let detail = if sarcasm.is_empty() {
        detail
    } else {
        format!(
            "{detail}; sarcastic or dismissive, so counted as negative: turn {}",
            sarcasm.join(", ")
        )
    };
    Some(finding(
        analysis,
        "closing-sentiment",
        coolest,
        span,
        detail,
    ))
}

/// Whether word `k` of a turn is "thank" or "thanks", as typed in a hurry too ("thnaks",
/// "thx"), or the British "ta" (not the "ta" of the goodbye "ta-ra"): the thanks that closes a
/// contact; "cheers" or "appreciate it" alone are pleasantries as often as thanks for a fix.
fn is_thank_word(text: &TurnText, k: usize) -> bool {
    let word = text.word(k);
    match word {
        "thank" => !is_thank_god(text, k),
        "thanks" | "thx" | "thanx" | "thnx" => true,
        "ta" => !is_ta_ra(text, k),
        _ => crate::detect::lexicons::TYPED_THANKS.contains(&word),
    }
}

/// Whether word `k` is the "thank" of "thank God", "thank goodness": relief, not thanks to
/// anyone on the call.
pub(crate) fn is_thank_god(text: &TurnText, k: usize) -> bool {
    text.word(k) == "thank"
        && matches!(
            text.word(k + 1),
            "god" | "goodness" | "heavens" | "heaven" | "christ" | "lord" | "fuck" | "f"
        )
}

/// Whether word `k` is the "ta" of "ta-ra", a goodbye in the north of England.
pub(crate) fn is_ta_ra(text: &TurnText, k: usize) -> bool {
    text.word(k) == "ta" && matches!(text.word(k + 1), "ra" | "rah")
}

/// Fires when the closing turns say it is not solved, or when a problem was raised and
/// nothing in the closing turns resolves it.
fn unresolved(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let turns = &analysis.conversation.turns;
    // A silent call ("i still can't hear you so i'm going to end this call") left no one's
    // problem open: the customer said nothing.
    if !analysis.turns_of(Role::Customer).any(|(_, _, text)| {
        text.tokens
            .iter()
            .any(|t| t.kind == crate::analyse::TokenKind::Word)
    }) {
        return Vec::new();
    }
    // The last few turns that someone said: platform events ("Chat ended", "CSAT survey
    // sent", a wrap code) do not push the customer's closing words out.
    let first_closing = turns
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| t.role != Role::System)
        .nth(CLOSING_TURNS - 1)
        .map_or(0, |(i, _)| i);
    let mut last_resolved: Option<usize> = None;
    let mut last_unresolved: Option<(usize, std::ops::Range<usize>, String)> = None;
    for (i, turn) in turns.iter().enumerate().skip(first_closing) {
        if turn.role == Role::System {
            continue;
        }
        let text = &analysis.texts[i];
        // "Great. Thanks a lot. Really helpful." after a refusal resolves nothing.
        let sarcastic_praise =
            praise_after_refusal(analysis, cx, i) || thanks_undone(analysis, cx, i);
        // Thanks close a resolved contact, but "thanks anyway" and "thanks for nothing" give
        // up on it, and "no thanks" only declines the next offer.
        if turn.role == Role::Customer
            && let Some(thanks) = first_thanks(text)
            && !cx.hits[i]
                .thanks
                .iter()
                .any(|m| matches!(cx.lexicons.thanks.tag(m), Thanks::Hollow | Thanks::Declined))
            && !sarcastic_praise
            && !goes_on_after_thanks(analysis, cx, i, thanks)
        {
            last_resolved = Some(i);
        }
        // A chat's "in now" after a log-in problem.
        if turn.role == Role::Customer
            && text.tokens.len() == 2
            && text.word(0) == "in"
            && text.word(1) == "now"
        {
            last_resolved = Some(i);
        }
        // "I'm unable to replace it without the original packaging" at the close, with no fix
        // offered in the same turn, leaves the problem where it was.
        if let Some(m) = crate::detect::friction::failure_in(analysis, cx, i)
            && !reports_a_fix(analysis, cx, i)
        {
            last_unresolved = Some((i, m.span.clone(), cx.lexicons.failure.said(m).to_string()));
        }
        for m in &cx.hits[i].ending {
            match cx.lexicons.ending.tag(m) {
                Ending::Resolved if sarcastic_praise => {}
                // "You're welcome" to thanks that were sarcasm or a give-up resolves nothing.
                Ending::Resolved
                    if turn.role != Role::Customer
                        && is_courtesy(cx.lexicons.ending.said(m))
                        && analysis
                            .previous_of(i, Role::Customer)
                            .is_some_and(|c| hollow_thanks(analysis, cx, c)) => {}
                Ending::Resolved => last_resolved = Some(i),
                // "If the parcel isn't found we'll arrange a refund" promises nothing yet.
                Ending::Committed if conditional(text, m) => {}
                Ending::Committed if turn.role == Role::Agent => {
                    // "I'll book you a callback" defers the problem like "someone will call
                    // you back".
                    match callback_after(text, m) {
                        Some(end) => {
                            let said = cx.lexicons.ending.said(m);
                            last_unresolved =
                                Some((i, m.span.start..end, format!("{said} … a call back")))
                        }
                        None => last_resolved = Some(i),
                    }
                }
                Ending::Committed => {}
                Ending::Deferred if arranges_what_was_done(&analysis.texts[i], m) => {}
                // "Thanks for not wasting my time".
                Ending::Unresolved | Ending::Deferred if denied(&analysis.texts[i], m) => {}
                // "I'm going to cancel" threatens to leave from the customer; from the agent
                // ("I'm going to cancel the penalty fare") it undertakes the fix.
                Ending::Unresolved
                    if turn.role == Role::Agent
                        && ["i will ", "i am going to ", "i am gonna "]
                            .iter()
                            .any(|p| cx.lexicons.ending.said(m).starts_with(p)) => {}
                Ending::Unresolved | Ending::Deferred => {
                    last_unresolved =
                        Some((i, m.span.clone(), cx.lexicons.ending.said(m).to_string()))
                }
            }
        }
    }
    if let Some((i, span, phrase)) = last_unresolved {
        if last_resolved.is_none_or(|r| r <= i) {
            return vec![finding(
                analysis,
                "unresolved",
                i,
                span,
                format!("the conversation closes unresolved (\"{phrase}\")"),
            )];
        }
        return Vec::new();
    }
    if last_resolved.is_some() {
        return Vec::new();
    }
    // A fix reported or undertaken after the customer's last problem resolves it, though it
    // came before the closing turns ("I've moved the credit across; the gas should come back
    // on", then an app plug and "no, that's it").
    let last_problem = analysis
        .turns_of(Role::Customer)
        .filter(|(i, _, text)| cx.hits[*i].problem.iter().any(|m| !is_eagerness(text, m)))
        .map(|(i, _, _)| i)
        .last();
    if last_problem.is_some_and(|p| (p..first_closing).any(|i| reports_a_fix(analysis, cx, i))) {
        return Vec::new();
    }
    let problem = analysis.turns_of(Role::Customer).find_map(|(i, _, text)| {
        cx.hits[i]
            .problem
            .iter()
            .find(|m| !is_eagerness(text, m))
            .map(|m| (i, m))
    });
    let Some((at, m)) = problem else {
        return Vec::new();
    };
    let last = turns.len() - 1;
    let span = analysis.texts[last]
        .sentences
        .last()
        .map_or(0..0, |s| s.start..s.end);
    vec![finding(
        analysis,
        "unresolved",
        last,
        span,
        format!(
            "a problem was raised in turn {at} (\"{}\") and nothing in the closing turns resolves it",
            &turns[at].text[m.span.clone()]
        ),
    )]
}

/// Whether customer turn `i`, thanking at word `thanks`, goes on with the problem or asks for
/// more: "Hi Joy, thank you. Yes, I've done that a few times now… Would a call be possible?",
/// "Thanks, but it's still not there". Thanks that open such a message are manners, not a
/// verdict on the help.
fn goes_on_after_thanks(analysis: &Analysis, cx: &Context, i: usize, thanks: usize) -> bool {
    let text = &analysis.texts[i];
    let raw = &analysis.conversation.turns[i].text;
    complains_after(analysis, cx, i, thanks)
        || text
            .sentences
            .iter()
            .any(|s| s.tokens.start > thanks && raw[s.start..s.end].trim_end().ends_with('?'))
}

/// Whether customer turn `i` names a problem after its thanks ("Thanks, but it's still not
/// there", "thank you, the mailbox is still missing"): the thanks are manners, not a sign that
/// the help landed.
pub(crate) fn complains_after_thanks(analysis: &Analysis, cx: &Context, i: usize) -> bool {
    first_thanks(&analysis.texts[i]).is_some_and(|thanks| complains_after(analysis, cx, i, thanks))
}

/// Whether customer turn `i` names a problem after word `thanks`. Not a "won't" or "can't",
/// which decline or ask as often ("Thanks! I won't be needing anything else"), nor a problem
/// denied ("will I be able to access the room without a problem?").
fn complains_after(analysis: &Analysis, cx: &Context, i: usize, thanks: usize) -> bool {
    let text = &analysis.texts[i];
    let before =
        |m: &PhraseMatch, n: usize| m.tokens.start.checked_sub(n).map_or("", |k| text.word(k));
    cx.hits[i].problem.iter().any(|m| {
        m.tokens.start > thanks
            && !is_eagerness(text, m)
            && !matches!(
                text.word(m.tokens.start),
                "won't" | "can't" | "cannot" | "cant"
            )
            && !matches!(before(m, 1), "no" | "any" | "without")
            && before(m, 2) != "without"
    })
}

/// The first word of thanks in a turn.
fn first_thanks(text: &TurnText) -> Option<usize> {
    (0..text.tokens.len()).find(|&k| is_thank_word(text, k))
}

/// Whether customer turn `i` thanks without meaning it: hollow ("thanks anyway"), sarcasm
/// after a refusal, or thanks taken back ([`thanks_undone`]).
fn hollow_thanks(analysis: &Analysis, cx: &Context, i: usize) -> bool {
    !cx.hits[i].thanks.is_empty()
        && (cx.hits[i]
            .thanks
            .iter()
            .any(|m| cx.lexicons.thanks.tag(m) == Thanks::Hollow)
            || praise_after_refusal(analysis, cx, i)
            || thanks_undone(analysis, cx, i))
}

/// Whether turn `i` reports a fix ("I've moved the credit across", "it's working now") or
/// the agent undertakes one, unconditionally and not as a call back.
pub(crate) fn reports_a_fix(analysis: &Analysis, cx: &Context, i: usize) -> bool {
    let role = analysis.conversation.turns[i].role;
    let text = &analysis.texts[i];
    role != Role::System
        && cx.hits[i]
            .ending
            .iter()
            .any(|m| match cx.lexicons.ending.tag(m) {
                Ending::Resolved => true,
                Ending::Committed => {
                    role == Role::Agent
                        && !conditional(text, m)
                        && callback_after(text, m).is_none()
                }
                _ => false,
            })
}

/// Whether somebody coming back to the customer does so to arrange what was done ("the
/// engineer is booked; they'll be in touch to confirm the time"), not to solve the problem.
fn arranges_what_was_done(text: &TurnText, m: &PhraseMatch) -> bool {
    // "…to confirm the time", and "I've asked them to call you when they're on the way".
    (text.word(m.tokens.end) == "to"
        && matches!(
            text.word(m.tokens.end + 1),
            "confirm" | "arrange" | "book" | "schedule" | "agree"
        ))
        || (matches!(text.word(m.tokens.end), "when" | "before")
            && matches!(
                text.word(m.tokens.end + 1),
                "they" | "they're" | "he" | "he's" | "she" | "she's" | "the"
            )
            && (m.tokens.end + 2..(m.tokens.end + 6).min(text.tokens.len())).any(|k| {
                matches!(
                    text.word(k),
                    "way" | "coming" | "arrive" | "arrives" | "leave" | "leaves" | "set" | "near"
                )
            }))
}

/// Where the call back ends when what the agent undertakes is one ("I'll book you a
/// callback", "set up a call back from a manager"): a promise to come back to the customer,
/// not the fix. A byte offset in the turn's text.
fn callback_after(text: &TurnText, m: &PhraseMatch) -> Option<usize> {
    (m.tokens.end..(m.tokens.end + 4).min(text.tokens.len())).find_map(|k| {
        if matches!(text.word(k), "callback" | "call-back") {
            Some(text.tokens[k].end)
        } else if text.word(k) == "call" && text.word(k + 1) == "back" {
            Some(text.tokens[k + 1].end)
        } else {
            None
        }
    })
}

/// Whether an undertaking depends on something yet to happen: an "if" or "unless" earlier in
/// its sentence ("if it hasn't turned up by Friday, I'll send a replacement").
fn conditional(text: &TurnText, m: &PhraseMatch) -> bool {
    text.sentence_of(m.tokens.start).is_some_and(|s| {
        (text.sentences[s].tokens.start..m.tokens.start)
            .any(|k| matches!(text.word(k), "if" | "unless"))
    })
}

/// Whether the word just before a phrase denies it ("not wasting my time"). Only "not" and
/// "never": "no, nothing has changed" confirms what follows.
fn denied(text: &TurnText, m: &PhraseMatch) -> bool {
    m.tokens.start > 0 && matches!(text.word(m.tokens.start - 1), "not" | "never")
}

/// Whether a problem word is the "can't" of eagerness or praise ("I can't wait to see it",
/// "can't thank you enough", "can't complain"), which raises no problem.
fn is_eagerness(text: &TurnText, m: &PhraseMatch) -> bool {
    (m.tokens.end > m.tokens.start
        && matches!(text.word(m.tokens.end - 1), "can't" | "cannot" | "cant")
        && matches!(
            text.word(m.tokens.end),
            "wait" | "thank" | "complain" | "recommend" | "praise"
        ))
        || is_own_slip(text, m)
}

/// Whether a "wrong" is the customer's own slip ("I must've hit the wrong number", "sorry
/// wrong chat"), a misdirected contact rather than a problem with the service.
fn is_own_slip(text: &TurnText, m: &PhraseMatch) -> bool {
    text.word(m.tokens.start) == "wrong"
        && matches!(
            text.word(m.tokens.start + 1),
            "number" | "chat" | "line" | "person" | "department" | "company" | "button"
        )
        && (m.tokens.start.saturating_sub(4)..m.tokens.start).any(|k| {
            matches!(
                text.word(k),
                "sorry"
                    | "hit"
                    | "dialled"
                    | "dialed"
                    | "pressed"
                    | "rang"
                    | "called"
                    | "messaged"
                    | "clicked"
                    | "typed"
                    | "got"
            )
        })
}
