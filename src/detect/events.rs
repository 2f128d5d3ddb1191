//! Effort events: `transfer`, `hold` (announced by the agent or the platform, a wait the agent
//! asked for that the customer was thanked for or left silent through, or a wait nobody
//! announced: "are you still there?"), `repeat-contact`, `channel-switch`,
//! `escalation-request` (said by the customer) and `bot-misunderstood` (said by a bot or voice
//! menu).

use crate::analyse::Analysis;
use crate::detect::lexicons::{Event, Thanks, Wait};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::lexicon::PhraseMatch;
use crate::model::Role;

impl Event {
    /// The rule id of the event.
    pub fn rule(self) -> &'static str {
        match self {
            Event::Transfer => "transfer",
            Event::Hold | Event::LeftWaiting => "hold",
            Event::RepeatContact => "repeat-contact",
            Event::ChannelSwitch => "channel-switch",
            Event::Escalation => "escalation-request",
            Event::NotUnderstood => "bot-misunderstood",
        }
    }

    /// Who must say it for it to count.
    fn said_by(self, role: Role) -> bool {
        match self {
            // A bot handing the customer to a person ("I'll connect you to one of our team")
            // is how the contact reaches an agent, not a transfer between people.
            Event::Transfer => !matches!(role, Role::Customer | Role::Bot),
            Event::Hold => role != Role::Customer,
            // An agent's "sorry, I didn't catch that" on a bad line is a person asking again.
            Event::NotUnderstood => role == Role::Bot,
            Event::LeftWaiting
            | Event::RepeatContact
            | Event::ChannelSwitch
            | Event::Escalation => role == Role::Customer,
        }
    }
}

/// Words just before a phrase that deny it ("no need to put you on hold").
const NEGATIONS: &[&str] = &[
    " no need to",
    " don't need to",
    " do not need to",
    " not",
    " never",
    " without",
    " will not",
    " no",
    " won't",
    " not going to",
    " cannot",
    " unable to",
    " do not want to",
    " did not want to",
    " did not need to",
    " never wanted to",
];

/// Whether the words just before token `start` of `text`, in its sentence, negate what
/// follows: "No. I'll be complaining" is no negation, "no, I won't be complaining" is.
pub(crate) fn negated(text: &crate::analyse::TurnText, start: usize) -> bool {
    let Some(at) = text.norm_offset(start) else {
        return false;
    };
    // From the space before the sentence's first word, so that a negation that opens the
    // sentence (" no") is read whole.
    let begin = sentence_norm_start(text, start).min(at).saturating_sub(1);
    let before = text.norm[begin..at].trim_end();
    // A "no" before a subject answers the agent ("No, this is my third call", "no i will be
    // complaining"); before anything else it negates ("no transfer", "no need to").
    let answers = before.ends_with(" no")
        && matches!(
            text.norm[at..].split(' ').next(),
            Some(
                "i" | "we" | "this" | "that" | "it" | "my" | "you" | "he" | "she" | "they" | "our"
            )
        );
    !answers && NEGATIONS.iter().any(|n| before.ends_with(n))
}

/// Where in `text`'s normal form the sentence of token `start` begins: its first word's
/// offset, or 0 when it is in no sentence or none of its tokens gives a word.
fn sentence_norm_start(text: &crate::analyse::TurnText, start: usize) -> usize {
    text.sentence_of(start)
        .and_then(|s| {
            text.sentences[s]
                .tokens
                .clone()
                .find_map(|k| text.norm_offset(k))
        })
        .unwrap_or(0)
}

/// Whether an "I'll put you through" hands the call on: followed by when ("I'll put you through
/// now") or by where ("… to our claims team"), or at the end of its sentence ("Let me just put
/// you through."); not "I'll put you through a quick security check first".
fn puts_through(text: &crate::analyse::TurnText, m: &PhraseMatch) -> bool {
    matches!(
        text.word(m.tokens.end),
        "now" | "right" | "straight" | "shortly" | "momentarily" | "to"
    ) || text
        .sentence_of(m.tokens.start)
        .is_none_or(|s| text.sentences[s].tokens.end == m.tokens.end)
}

/// The words of `text`'s normal form before token `start`, in its sentence, nearest first.
fn words_before(text: &crate::analyse::TurnText, start: usize) -> impl Iterator<Item = &str> {
    let end = text.norm_offset(start).unwrap_or(0);
    let begin = sentence_norm_start(text, start).min(end);
    text.norm[begin..end].split_whitespace().rev()
}

/// Whether what begins at token `start` of `text` is a condition rather than a statement: an
/// "if", "unless" or "whether" among the four words before it ("if it is not available, I
/// can't…").
pub(crate) fn conditional(text: &crate::analyse::TurnText, start: usize) -> bool {
    let Some(at) = text.norm_offset(start) else {
        return false;
    };
    text.norm[..at]
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| w == "if" || w == "unless" || w == "whether")
}

/// Whether a transfer announced at token `start` of `text` is only a possibility: a
/// [`conditional`] one, one that follows an "if" or "unless" clause earlier in its sentence
/// ("If the reset doesn't fix it, I'll transfer you to our technical team"; not the request "If
/// you could hold the line, I'll transfer you now"), or a hedged one ("I might need to transfer
/// you", "I'd normally have to transfer you"; not "I'd like to transfer you" or "May I transfer
/// you?").
fn only_possible(text: &crate::analyse::TurnText, start: usize) -> bool {
    let words: Vec<&str> = words_before(text, start).collect();
    // The word after the `k`th word back, and whether an "if" there opens a request or a
    // courtesy ("if you could hold the line", "if that's okay") rather than a condition.
    let next = |k: usize| k.checked_sub(1).map(|j| words[j]);
    let courtesy = |k: usize| {
        let mut after = words[..k]
            .iter()
            .rev()
            .filter(|w| !matches!(**w, "just" | "could" | "can" | "would" | "will"));
        matches!(
            (after.next(), after.next(), after.next()),
            (Some(&"you"), Some(&("hold" | "bear" | "wait" | "stay")), _)
                | (
                    Some(&"that"),
                    Some(&"is"),
                    Some(&("ok" | "okay" | "alright" | "all" | "fine"))
                )
        )
    };
    conditional(text, start)
        || words.iter().enumerate().any(|(k, w)| match *w {
            "if" | "unless" => !courtesy(k),
            "might" | "may" => k < 4 && !matches!(next(k), Some("i" | "we")),
            "normally" | "usually" | "typically" | "ordinarily" => k < 4,
            "would" => k < 4 && !matches!(next(k), Some("like" | "love" | "be")),
            _ => false,
        })
}

/// One finding per event, at most one per event kind and turn. A system notice that confirms
/// the agent's announcement of the same transfer or hold a turn or two earlier (a transfer up to
/// three) is the same event.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let lexicon = &cx.lexicons.events;
    let mut out: Vec<Finding> = Vec::new();
    // A bot that is part of this contact is the first step of it, not another channel: "I
    // already gave it to the bot" in the chat the bot handed over is not a channel switch.
    let bot_in_contact = analysis
        .conversation
        .turns
        .iter()
        .any(|t| t.role == Role::Bot);
    for (i, turn, text) in analysis.turns() {
        let mut found: Vec<(Event, std::ops::Range<usize>, String)> = cx.hits[i]
            .events
            .iter()
            // "Please hold off on the credit card for now" puts nobody on hold.
            .filter(|m| !(lexicon.tag(m) == Event::Hold && text.word(m.tokens.end) == "off"))
            // "With the transfer you have more control" speaks of a pension transfer.
            .filter(|m| {
                !(lexicon.tag(m) == Event::Transfer
                    && text.word(m.tokens.start) == "transfer"
                    && m.tokens.start > 0
                    && matches!(
                        text.word(m.tokens.start - 1),
                        "the" | "a" | "this" | "that" | "your" | "my" | "our" | "balance"
                    ))
            })
            .filter(|m| !lexicon.said(m).ends_with(" you through") || puts_through(text, m))
            .map(|m| {
                (
                    lexicon.tag(m),
                    m.span.clone(),
                    m.tokens.start,
                    lexicon.said(m).to_string(),
                )
            })
            .filter(|(event, _, start, _)| event.said_by(turn.role) && !negated(text, *start))
            .filter(|(event, _, start, _)| {
                !(*event == Event::Transfer && only_possible(text, *start))
            })
            .filter(|(event, _, start, _)| {
                !(*event == Event::Hold
                    && (queue_line(analysis, i) || declined(analysis, i, *start)))
            })
            .map(|(event, span, _, phrase)| (event, span, format!("\"{phrase}\"")))
            .collect();
        // Typing "agent" as the first message skips the bot; typed after trying it, it gives
        // up on it.
        if turn.role == Role::Customer
            && bot_in_contact
            && analysis.previous_of(i, Role::Customer).is_some()
            && asks_for_a_person(text)
        {
            let span = text.sentences.first().map_or(0..0, |s| s.start..s.end);
            found.push((Event::Escalation, span, "a person asked for".to_string()));
        }
        // A wait asked for straight after an announced hold is that hold ("I'll put you on
        // hold." — "Bear with me." — "Thanks for holding.").
        let in_a_hold = || {
            out.iter()
                .any(|f| f.rule == "hold" && f.turn < i && f.turn + 2 >= i)
                && !waits_ended(cx, i)
        };
        if turn.role == Role::Agent
            && !in_a_hold()
            && let Some((span, why)) = wait_kept(analysis, cx, i)
        {
            found.push((Event::Hold, span, why));
        }
        if turn.role == Role::Customer && nudges(analysis, i) {
            let raw = turn.text.trim();
            let start = turn.text.len() - turn.text.trim_start().len();
            found.push((
                Event::LeftWaiting,
                start..start + raw.len(),
                "a nudge after their own unanswered message".to_string(),
            ));
        }
        if turn.role == Role::Customer {
            for (co, hits) in cx
                .lexicons
                .cooccurrences
                .iter()
                .zip(&cx.hits[i].cooccurrences)
            {
                if let Some(span) = cooccurs(co, hits, text, bot_in_contact) {
                    found.push((co.event, span, "two cues in one sentence".to_string()));
                }
            }
        }
        let mut seen: Vec<Event> = Vec::new();
        for (event, span, why) in found {
            if seen.contains(&event)
                || (event == Event::Escalation && asks_if_required(text, &span))
                || (event == Event::ChannelSwitch && checks_a_fix(analysis, cx, i))
            {
                continue;
            }
            seen.push(event);
            // A transfer can take a turn longer ("I'll put you through now" — "can you not
            // just tell them?" — "I'll put a note on" — "call transferred").
            let reach = if event == Event::Transfer { 3 } else { 2 };
            let confirms_earlier = matches!(event, Event::Transfer | Event::Hold)
                && matches!(turn.role, Role::System | Role::Bot)
                && out
                    .iter()
                    .any(|f| f.rule == event.rule() && f.turn + reach >= i && f.turn < i);
            // "Are you still there?" during a hold the agent announced is the same hold.
            let during_a_hold = event == Event::LeftWaiting
                && out
                    .iter()
                    .any(|f| f.rule == "hold" && f.turn + 3 >= i && f.turn < i);
            if confirms_earlier || during_a_hold {
                continue;
            }
            out.push(finding(
                analysis,
                event.rule(),
                i,
                span,
                format!("{} by the {} ({why})", describe(event), turn.role.as_str()),
            ));
        }
    }
    out
}

/// Whether the hold in bot or system turn `i` is the queue, not a hold: a voice menu's or the
/// platform's "Please hold while I connect you" before any agent has spoken.
fn queue_line(analysis: &Analysis, i: usize) -> bool {
    matches!(
        analysis.conversation.turns[i].role,
        Role::Bot | Role::System
    ) && analysis.previous_of(i, Role::Agent).is_none()
}

/// How a customer's answer opens when it accepts an offered hold ("Sure", "No, not at all, go
/// ahead").
const ACCEPTS: &[&str] = &[
    " sure ",
    " yes ",
    " yeah ",
    " yep ",
    " ok ",
    " okay ",
    " of course ",
    " fine ",
    " go ahead ",
    " no problem ",
    " no worries ",
    " not at all ",
    " no not at all ",
    " no that is fine ",
    " no go ahead ",
    " that is fine ",
    " that is ok ",
    " that is okay ",
];

/// What declines an offered hold: "Actually I'd rather you call me back", "Please don't, I'm on
/// my lunch break", "Can you just email me instead?"
const DECLINES: &[&str] = &[
    " rather ",
    " prefer ",
    " please do not ",
    " do not put me ",
    " can not hold ",
    " cannot hold ",
    " can not wait ",
    " cannot wait ",
    " no time ",
    " do not have time ",
    " call me back ",
    " ring me back ",
    " phone me back ",
    " email me ",
    " instead ",
];

/// Whether the hold offered at token `start` of agent turn `i` is a question ("Do you mind
/// holding?", "Is it okay if I put you on hold?") that the customer's next turn turns down
/// ("Actually I'd rather you call me back"): nobody was put on hold.
fn declined(analysis: &Analysis, i: usize, start: usize) -> bool {
    let turns = &analysis.conversation.turns;
    let text = &analysis.texts[i];
    let asked = text.sentence_of(start).is_some_and(|s| {
        let s = &text.sentences[s];
        turns[i]
            .text
            .get(s.start..s.end)
            .is_some_and(|t| t.contains('?'))
    });
    let Some(answer) = (i + 1..turns.len()).find(|&j| turns[j].role != Role::System) else {
        return false;
    };
    let norm = &analysis.texts[answer].norm;
    asked
        && turns[answer].role == Role::Customer
        && !ACCEPTS.iter().any(|a| norm.starts_with(a))
        && turns_down(&analysis.texts[answer])
}

/// Whether a customer turn turns a wait down ([`DECLINES`]): "I'd rather you call me back".
fn turns_down(text: &crate::analyse::TurnText) -> bool {
    DECLINES.iter().any(|d| text.norm.contains(d))
}

/// Whether turn `i` comes back to a customer left waiting: "thanks for waiting", "sorry to
/// keep you", "are you still there?"
fn waits_ended(cx: &Context, i: usize) -> bool {
    cx.hits[i]
        .waits
        .iter()
        .any(|m| cx.lexicons.waits.tag(m) == Wait::Ended)
}

/// A wait the agent asked for in turn `i` ("bear with me", "one moment", "let me check") that
/// became a hold: the agent's next turn, with nothing between but the customer's short
/// "sure" or the platform's events, thanks the customer for waiting or apologises for the
/// wait, or comes the policy's `hold_after_silence_s` or more after the last word said. The
/// span of the words that asked, and why it is a hold.
fn wait_kept(
    analysis: &Analysis,
    cx: &Context,
    i: usize,
) -> Option<(std::ops::Range<usize>, String)> {
    let turns = &analysis.conversation.turns;
    let asked = cx.hits[i]
        .waits
        .iter()
        .filter(|m| cx.lexicons.waits.tag(m) == Wait::Asked)
        .min_by_key(|m| m.span.start)?;
    let back = (i + 1..turns.len()).find(|&j| turns[j].role == Role::Agent)?;
    let only_acknowledged = (i + 1..back).all(|k| match turns[k].role {
        Role::System => true,
        Role::Customer => analysis.texts[k].word_count() <= 6,
        _ => false,
    });
    // "Let me check — actually, can you just call me back?" turns the wait down.
    let turned_down =
        (i + 1..back).any(|k| turns[k].role == Role::Customer && turns_down(&analysis.texts[k]));
    if !only_acknowledged || turned_down {
        return None;
    }
    let thanked = waits_ended(cx, back);
    let silence = turns[back].start.and_then(|returned| {
        (i..back)
            .filter(|&k| turns[k].role != Role::System)
            .map(|k| turns[k].end)
            .try_fold(f64::MIN, |last, end| end.map(|e| last.max(e)))
            .map(|last| returned - last)
    });
    let why = if thanked {
        "a wait asked for, then thanked for".to_string()
    } else if let Some(s) = silence.filter(|s| *s >= cx.policy.hold_after_silence_s) {
        format!("a wait asked for, then {s:.0} s of silence")
    } else {
        return None;
    };
    Some((asked.span.clone(), why))
}

/// Whether customer turn `i` only nudges a silent agent: "hello??", "Hello?", "??", "anyone
/// there?", "still there?", typed straight after the customer's own unanswered message (system
/// notices between them aside), once an agent has spoken. A "Hello?" that opens a call, answers
/// the phone or replies to the agent waits for no one, nor does "You?" after "I'm well, thanks."
fn nudges(analysis: &Analysis, i: usize) -> bool {
    let turns = &analysis.conversation.turns;
    let text = &analysis.texts[i];
    let calls = |w: &str| {
        matches!(w, "hi" | "hey" | "helo" | "there")
            || w.strip_prefix("hell")
                .is_some_and(|o| !o.is_empty() && o.chars().all(|c| c == 'o'))
    };
    let nudge_word =
        |w: &str| calls(w) || matches!(w, "anyone" | "anybody" | "still" | "u" | "you");
    let Some(before) = turns[..i].iter().rev().find(|t| t.role != Role::System) else {
        return false;
    };
    let raw = turns[i].text.trim();
    // A lone "?" after "have you seen The Hidden" is the question mark that message forgot.
    let marks_only = text.tokens.is_empty()
        && !raw.is_empty()
        && raw.chars().all(|c| c == '?' || c == '!')
        && (raw.matches('?').count() > 1 || before.text.trim_end().ends_with(['.', '?', '!']));
    before.role == Role::Customer
        && analysis.previous_of(i, Role::Agent).is_some()
        && raw.contains('?')
        && (marks_only
            || (text.tokens.iter().any(|t| calls(&t.norm))
                && text.tokens.iter().all(|t| nudge_word(&t.norm))))
}

/// Whether customer turn `i` thanks the agent for a fix reported before it: "Just checked the
/// app, it says active now. Thank you so much." checks the agent's work in another channel; it
/// is no channel tried before this contact.
fn checks_a_fix(analysis: &Analysis, cx: &Context, i: usize) -> bool {
    cx.hits[i]
        .thanks
        .iter()
        .any(|m| cx.lexicons.thanks.tag(m) == Thanks::Given)
        && !crate::detect::resolution::complains_after_thanks(analysis, cx, i)
        && analysis
            .turns_of(Role::Agent)
            .take_while(|(j, _, _)| *j < i)
            .any(|(j, _, _)| crate::detect::resolution::reports_a_fix(analysis, cx, j))
}

/// Whether a customer turn, typed to a bot, is only a call for a person: "AGENT", "human",
/// "agent please", "operator!" (not "a person", which answers as often as it asks).
fn asks_for_a_person(text: &crate::analyse::TurnText) -> bool {
    let is_person = |w: &str| {
        matches!(
            w,
            "agent" | "human" | "operator" | "representative" | "advisor" | "adviser"
        )
    };
    let mut words = text
        .tokens
        .iter()
        .filter(|t| t.kind == crate::analyse::TokenKind::Word)
        .map(|t| t.norm.as_str());
    words.clone().any(is_person)
        && words.all(|w| {
            is_person(w) || matches!(w, "please" | "pls" | "plz" | "a" | "an" | "real" | "live")
        })
}

/// Whether the sentence at byte `span` asks whether a step is required ("Does he need to speak
/// to a manager to get it signed off?"): a question about the process, which asks for no one.
fn asks_if_required(text: &crate::analyse::TurnText, span: &std::ops::Range<usize>) -> bool {
    text.sentences
        .iter()
        .find(|s| s.start <= span.start && span.start < s.end.max(s.start + 1))
        .is_some_and(|s| {
            text.tokens[s.tokens.clone()].windows(4).any(|w| {
                matches!(w[0].norm.as_str(), "do" | "does" | "did" | "will" | "would")
                    && matches!(w[2].norm.as_str(), "need" | "have")
                    && w[3].norm == "to"
            })
        })
}

/// The span of a sentence where both vocabularies of `co` occur (and its context word, if any,
/// occurs somewhere in the turn). A channel-switch cue naming a bot counts only when no bot
/// took part in this conversation.
fn cooccurs(
    co: &crate::detect::lexicons::Cooccurrence,
    (first, second, context): &(Vec<PhraseMatch>, Vec<PhraseMatch>, bool),
    text: &crate::analyse::TurnText,
    bot_in_contact: bool,
) -> Option<std::ops::Range<usize>> {
    if !context || first.is_empty() {
        return None;
    }
    for a in first {
        let sentence = text.sentence_of(a.tokens.start)?;
        // "The email you sent me" is the company's doing, not the customer's attempt.
        if a.tokens.start > 0
            && matches!(
                text.tokens[a.tokens.start - 1].norm.as_str(),
                "you" | "they" | "he" | "she"
            )
        {
            continue;
        }
        // "A Man Called Otto", "a shop called Brights": "called" that names.
        if co.event == Event::RepeatContact
            && text.word(a.tokens.start) == "called"
            && a.tokens.start > 0
            && !matches!(
                text.word(a.tokens.start - 1),
                "i" | "we"
                    | "i've"
                    | "we've"
                    | "ive"
                    | "i'd"
                    | "we'd"
                    | "have"
                    | "had"
                    | "already"
                    | "just"
                    | "also"
                    | "then"
                    | "and"
                    | "even"
                    | "literally"
                    | "actually"
                    | "first"
                    | "previously"
                    | "originally"
                    | "they"
                    | "she"
                    | "he"
                    | "husband"
                    | "wife"
                    | "partner"
            )
        {
            continue;
        }
        // "I called my bank yesterday", "I called the restaurant yesterday", "I reported it to
        // the police on Monday": a contact with somebody else.
        if co.event == Event::RepeatContact && third_party(text, a, co.first.said(a)) {
            continue;
        }
        // "I submitted my reading on the app" sent what the service asks for, the way it asks
        // for it; "I tried submitting my reading online but the form keeps rejecting it" did not.
        if co.event == Event::ChannelSwitch && routine_submission(text, a.tokens.start) {
            continue;
        }
        let this_contacts_bot = |b: &PhraseMatch| {
            bot_in_contact
                && co.event == Event::ChannelSwitch
                && matches!(co.second.said(b), "bot" | "chatbot" | "virtual assistant")
        };
        // "I'm the office manager", "I need to add my manager to the account": the customer's
        // own title or their own boss, not someone senior at the service.
        let customers_own = |b: &PhraseMatch| {
            let before = |n: usize| b.tokens.start.checked_sub(n).map_or("", |k| text.word(k));
            co.event == Event::Escalation
                && (matches!(before(1), "my" | "our")
                    || matches!(before(2), "my" | "our")
                    || (1..=2).any(|n| {
                        matches!(before(n), "the" | "a" | "an")
                            && (matches!(before(n + 1), "i'm" | "im")
                                || (before(n + 1) == "am" && before(n + 2) == "i"))
                    }))
        };
        if let Some(b) = second.iter().find(|b| {
            text.sentence_of(b.tokens.start) == Some(sentence)
                && b.tokens != a.tokens
                && !this_contacts_bot(b)
                && !customers_own(b)
        }) {
            if negated(text, a.tokens.start.min(b.tokens.start)) {
                continue;
            }
            return Some(a.span.start.min(b.span.start)..a.span.end.max(b.span.end));
        }
    }
    None
}

/// Whom a customer contacts who is not the service: "I called the restaurant", "I reported it
/// to the police", "I spoke to my wife".
const THIRD_PARTIES: &[&str] = &[
    "police",
    "council",
    "restaurant",
    "hotel",
    "garage",
    "airline",
    "airport",
    "hospital",
    "doctor",
    "doctors",
    "gp",
    "surgery",
    "school",
    "college",
    "university",
    "nursery",
    "landlord",
    "letting",
    "estate",
    "agency",
    "solicitor",
    "solicitors",
    "lawyer",
    "builder",
    "builders",
    "plumber",
    "electrician",
    "vet",
    "vets",
    "dentist",
    "pharmacy",
    "chemist",
    "embassy",
    "consulate",
    "manufacturer",
    "seller",
    "venue",
    "taxi",
    "bank",
    "insurer",
    "insurers",
    "broker",
    "accountant",
    "employer",
    "neighbour",
    "neighbours",
    "neighbor",
    "neighbors",
    "wife",
    "husband",
    "partner",
    "mum",
    "dad",
    "mother",
    "father",
    "son",
    "daughter",
    "friend",
    "brother",
    "sister",
    "nhs",
];

/// Whether the earlier contact a [`CONTACTED`](crate::detect::lexicons) phrase at `a` tells of
/// was made to somebody other than the service: the one called, spoken or written to ("I
/// called my bank", "I spoke to the landlord") or the one a report went to ("I reported it to
/// the police on Monday") is the customer's own ("my", "our", "his", "her", "their") or a
/// third party named with or without "the" or "a", or a number dialled ("I already rang 111").
/// "I called the helpline", "I spoke to
/// Sarah", "I reported the leak last week" are contacts with the service.
fn third_party(text: &crate::analyse::TurnText, a: &PhraseMatch, said: &str) -> bool {
    if said.ends_with(" you") || said.ends_with(" your") {
        return false;
    }
    let sentence_end = text
        .sentence_of(a.tokens.start)
        .map_or(text.tokens.len(), |s| text.sentences[s].tokens.end);
    let addressed = matches!(
        said.rsplit(' ').next(),
        Some(
            "called"
                | "rang"
                | "phoned"
                | "contacted"
                | "emailed"
                | "messaged"
                | "chatted"
                | "to"
                | "with"
        )
    );
    // Whom a report went to follows its "to": "reported it to the police".
    let recipient = if addressed {
        Some(a.tokens.end)
    } else {
        (a.tokens.end..sentence_end.min(a.tokens.end + 6))
            .find(|&k| matches!(text.word(k), "to" | "with"))
            .map(|k| k + 1)
    };
    let Some(k) = recipient.filter(|&k| k < sentence_end) else {
        return false;
    };
    match text.word(k) {
        "my" | "our" | "his" | "her" | "their" => true,
        "the" | "a" | "an" => THIRD_PARTIES.contains(&text.word(k + 1)),
        // A number dialled ("I already rang 111"), not a count ("I called 3 times").
        w => THIRD_PARTIES.contains(&w) || (w.len() >= 3 && w.bytes().all(|b| b.is_ascii_digit())),
    }
}

/// What a customer sends in the ordinary way of things: a meter reading, a payment, photos, a
/// form, documents.
const ROUTINE_SENDS: &[&str] = &[
    "reading",
    "readings",
    "payment",
    "payments",
    "photo",
    "photos",
    "picture",
    "pictures",
    "form",
    "forms",
    "document",
    "documents",
    "paperwork",
    "receipt",
    "receipts",
];

/// Words of a turn that say a channel let the customer down ("it wouldn't let me", "the form
/// keeps rejecting it", "nobody replied").
const CHANNEL_FAILED: &[&str] = &[
    "wouldn't",
    "wouldnt",
    "won't",
    "wont",
    "didn't",
    "didnt",
    "couldn't",
    "couldnt",
    "doesn't",
    "doesnt",
    "failed",
    "fails",
    "error",
    "rejected",
    "rejecting",
    "rejects",
    "keeps",
    "kept",
    "nobody",
    "crashed",
    "crashes",
    "stuck",
    "spinning",
    "spins",
];

/// Whether the try verb at token `start` of `text` only sends what the service asked for
/// ("I submitted my reading on the app on the 2nd", "I've already sent the photos through the
/// app", "I filled in the form online"), with nothing in the rest of the turn saying the channel
/// failed. "Already" counts by the verb after it ("I already reported it online" tried one).
fn routine_submission(text: &crate::analyse::TurnText, start: usize) -> bool {
    let verb = if text.word(start) == "already" {
        start + 1
    } else {
        start
    };
    if !matches!(
        text.word(verb),
        "submitted" | "sent" | "filled" | "emailed" | "uploaded" | "paid"
    ) {
        return false;
    }
    let object = (verb + 1..text.tokens.len().min(verb + 6))
        .take_while(|&k| {
            ROUTINE_SENDS.contains(&text.word(k))
                || matches!(
                    text.word(k),
                    "in" | "out"
                        | "off"
                        | "over"
                        | "my"
                        | "our"
                        | "the"
                        | "a"
                        | "an"
                        | "all"
                        | "both"
                        | "those"
                        | "these"
                        | "that"
                        | "this"
                        | "his"
                        | "her"
                        | "their"
                        | "meter"
                        | "gas"
                        | "electric"
                        | "electricity"
                        | "water"
                        | "latest"
                        | "monthly"
                        | "new"
                        | "signed"
                        | "claim"
                        | "id"
                        | "proof"
                        | "of"
                )
        })
        .any(|k| ROUTINE_SENDS.contains(&text.word(k)));
    let failed = (verb + 1..text.tokens.len()).any(|k| {
        CHANNEL_FAILED.contains(&text.word(k))
            || (matches!(text.word(k), "no" | "not")
                && matches!(
                    text.word(k + 1),
                    "reply"
                        | "response"
                        | "answer"
                        | "one"
                        | "working"
                        | "work"
                        | "accepted"
                        | "let"
                        | "go"
                ))
    });
    object && !failed
}

fn describe(event: Event) -> &'static str {
    match event {
        Event::Transfer => "transfer announced",
        Event::Hold => "hold announced",
        Event::LeftWaiting => "an unannounced wait, asked about",
        Event::RepeatContact => "earlier contact about the same issue mentioned",
        Event::ChannelSwitch => "another channel already tried",
        Event::Escalation => "escalation asked for",
        Event::NotUnderstood => "the customer not understood",
    }
}
