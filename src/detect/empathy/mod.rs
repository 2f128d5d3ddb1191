//! Empathy: the three EPITOME mechanisms (`empathy-reaction`, `empathy-interpretation`,
//! `empathy-exploration`) at weak or strong level, `generic-empathy`, `repeated-empathy` and
//! `missed-empathy`.
//!
//! A response is *strong* when it is specific: it shares content words with what the customer
//! said, or names a specific feeling or hardship. A generic line ("I understand how you feel")
//! is weak, and when nothing in it refers to the customer it is also `generic-empathy`.

mod customer;
mod feelings;
mod missed;
mod own_story;
mod questions;
mod repeated;
mod sentences;
mod words;

pub use customer::{distress, opportunity};

use std::collections::HashMap;

use crate::analyse::text::TurnText;
use crate::analyse::{Analysis, Sentence, TokenKind};
use crate::detect::lexicons::{Mechanism, Tone};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

use customer::{answers_sarcasm, denies_their_self_judgement, raises_trouble, tells_of_a_death};
use feelings::{inferred_feeling, names_a_plight, names_the_load};
use missed::{
    death_already_acknowledged, owns_the_repeat, reassures_their_worry, waves_off_their_apology,
};
use own_story::{own_story, reacts_to_customer, self_disclosure};
use questions::{
    asks_about_customer, asks_about_experience, asks_about_the_feeling, asks_after_someone,
    asks_nothing_of_the_speaker, asks_why, is_procedure_or_rhetoric, is_question, is_time_of_day,
    names_nothing, question_form, spaced_words, spoken_question, unmarked_question,
};
use repeated::{HABIT_TURNS, line_key, turn_list};
use sentences::{
    clauses, generalises, in_quotes, is_apology, is_run_on, is_work_talk, shared_with_customer,
    works_out_new_figures,
};
use words::is_opener;

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

/// Words at most in a customer turn that tells nothing yet: "Yes, who's this?", "Hello?".
const GREETING_WORDS: usize = 4;

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
