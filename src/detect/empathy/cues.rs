//! Empathy cues: whether a cue the lexicon finds in an agent's sentence is the agent's own
//! empathy where it stands, and at what level it shows its mechanism.

use crate::analyse::text::TurnText;
use crate::analyse::{Sentence, TokenKind};
use crate::detect::lexicons::{Mechanism, Tone};
use crate::lexicon::PhraseMatch;
use crate::model::Role;

use super::customer::{answers_sarcasm, denies_their_self_judgement};
use super::own_story::reacts_to_customer;
use super::questions::{asks_about_the_feeling, asks_after_a_thing};
use super::sentences::{generalises, in_quotes, is_apology, is_work_talk, works_out_new_figures};
use super::turn::{AgentSentence, AgentTurn, Reading};
use super::words::is_opener;

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

impl<'a> AgentSentence<'_, 'a> {
    /// Reads the unit's empathy cues into `reading`: each that is the agent's own empathy
    /// where it stands and fits its mechanism and tone here.
    pub(super) fn read_cues(&self, reading: &mut Reading<'a>) {
        let cx = self.turn.cx;
        for m in self.cues_here() {
            if self.is_not_empathy_here(m) {
                continue;
            }
            let (mechanism, tone) = cx.lexicons.empathy.tag(m);
            if self.does_the_work(m, mechanism, tone) || self.misfits_its_tone(m, mechanism, tone) {
                continue;
            }
            self.record_cue(reading, m, mechanism, tone);
        }
    }

    /// Whether a cue's words are not the agent's empathy where they stand: quoted, part of a
    /// phrase that says something else ("that's not on you", "sorry to see you go"), or
    /// negated ("I don't totally understand the bill").
    fn is_not_empathy_here(&self, m: &PhraseMatch) -> bool {
        let AgentTurn { raw, text, .. } = *self.turn;
        // "I'll copy it word for word: "So sorry for your loss…"": words the agent
        // quotes are not the agent's own.
        if in_quotes(raw, m.span.start) {
            return true;
        }
        // "That's not on you" takes the blame off the customer (a kindness of its
        // own); "that's not on" alone finds the treatment unacceptable.
        if text.word(m.tokens.end - 1) == "on" && text.word(m.tokens.end) == "you" {
            return true;
        }
        // "Sorry to see you go" is the goodbye of a cancellation.
        if text.word(m.tokens.end - 1) == "see"
            && text.word(m.tokens.end) == "you"
            && matches!(text.word(m.tokens.end + 1), "go" | "leave")
        {
            return true;
        }
        // "Completely understandable." without a subject opens its clause ("Oh no, totally
        // understandable to be upset"); straight after another word it describes something
        // else: "the letters should be completely understandable".
        if matches!(
            text.word(m.tokens.start),
            "completely" | "totally" | "perfectly" | "entirely" | "very" | "so" | "quite" | "only"
        ) && matches!(
            text.word(m.tokens.start + 1),
            "understandable" | "normal" | "natural"
        ) && m.tokens.start > self.sentence.tokens.start
            && !is_opener(text.word(m.tokens.start - 1))
            && raw[text.tokens[m.tokens.start - 1].end..m.span.start]
                .trim()
                .is_empty()
        {
            return true;
        }
        // "You can do it online at gov.uk", "you can do it from your phone" tell how, not
        // "you can do it!" to cheer the customer on.
        if matches!(text.word(m.tokens.end - 1), "it" | "this")
            && text.word(m.tokens.end - 2) == "do"
            && m.tokens.end < self.sentence.tokens.end
            && raw[text.tokens[m.tokens.end - 1].end..text.tokens[m.tokens.end].start]
                .trim()
                .is_empty()
            && matches!(
                text.word(m.tokens.end),
                "online"
                    | "on"
                    | "in"
                    | "from"
                    | "by"
                    | "over"
                    | "at"
                    | "via"
                    | "through"
                    | "using"
                    | "with"
                    | "here"
                    | "there"
                    | "yourself"
                    | "now"
                    | "today"
                    | "tomorrow"
                    | "later"
                    | "anytime"
                    | "whenever"
                    | "when"
                    | "once"
                    | "after"
                    | "before"
                    | "if"
            )
        {
            return true;
        }
        // "I'm sorry, I'm not sure I understand." is no understanding either.
        if m.tokens.start >= 2
            && text.word(m.tokens.start) == "i"
            && text.word(m.tokens.start - 1) == "sure"
            && text.word(m.tokens.start - 2) == "not"
        {
            return true;
        }
        // "I don't totally understand the bill" is no understanding.
        if m.tokens.start > 0
            && matches!(
                text.word(m.tokens.start - 1),
                "not" | "never" | "don't" | "dont" | "didn't" | "doesn't"
            )
            && raw[text.tokens[m.tokens.start - 1].end..m.span.start]
                .trim()
                .is_empty()
        {
            return true;
        }
        false
    }

    /// Whether a cue does the work of the call rather than feel for the customer: a request
    /// ("can I also have…"), an offer to go through something, a question of procedure or
    /// about the work, a check on the line, the greeting of an outbound call, a screening
    /// checklist.
    fn does_the_work(&self, m: &PhraseMatch, mechanism: Mechanism, tone: Tone) -> bool {
        let AgentTurn {
            analysis,
            cx,
            i,
            text,
            ..
        } = *self.turn;
        let AgentSentence {
            sentence,
            question,
            procedure_or_rhetoric,
            spoken_from,
            ..
        } = *self;
        // "Can I also have the crime reference number?" asks; "I also have…" would tell.
        if mechanism == Mechanism::Interpretation
            && text.word(m.tokens.start) == "i"
            && m.tokens.start > sentence.tokens.start
            && matches!(
                text.word(m.tokens.start - 1),
                "can" | "could" | "may" | "might" | "shall" | "will" | "would"
            )
        {
            return true;
        }
        // "Would it help if I went through them one at a time?" offers to explain, and
        // "I've gone through it with her" briefed a colleague: no experience of one's
        // own.
        let object = |k: usize| matches!(text.word(k), "them" | "it" | "that" | "this");
        // The token after "through" (its object, when the cue ends with one).
        let after_through = match m.tokens.end {
            end if text.word(end - 1) == "through" => Some(end),
            end if end >= 2 && text.word(end - 2) == "through" && object(end - 1) => Some(end - 1),
            _ => None,
        };
        if after_through.is_some_and(|k| {
            (m.tokens.start > 0 && text.word(m.tokens.start - 1) == "if")
                || (object(k) && text.word(k + 1) == "with")
        }) {
            return true;
        }
        // Unpunctuated speech asks "oh no are you alright now" without a question
        // mark; only a question about the customer's state counts so, as typed chat
        // without punctuation asks "have you seen the martian" of the task.
        let asked_aloud = spoken_from.is_some() && tone != Tone::Probe;
        if mechanism == Mechanism::Exploration
            && (!(question || asked_aloud) || procedure_or_rhetoric)
        {
            return true;
        }
        if tone == Tone::Probe
            && (is_work_talk(text, sentence) || asks_after_a_thing(text, sentence, m.tokens.end))
        {
            return true;
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
            return true;
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
                .turns_of(analysis.service)
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
            return true;
        }
        // "Is anyone in the property vulnerable, for example elderly, disabled, or with
        // young children?" reads out a screening checklist.
        if mechanism == Mechanism::Exploration
            && text.tokens[sentence.tokens.clone()]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "elderly" | "disabled" | "pensioner"))
        {
            return true;
        }
        false
    }

    /// Whether a cue's tone does not hold here: a restatement of nothing the customer said, an
    /// impression of the work, a hope for the fix, the denial of a judgement the customer never
    /// passed, gladness at sarcasm, or a reaction that tells of the speaker's own lot.
    fn misfits_its_tone(&self, m: &PhraseMatch, mechanism: Mechanism, tone: Tone) -> bool {
        let AgentTurn {
            analysis,
            cx,
            i,
            raw,
            text,
            ..
        } = *self.turn;
        let AgentSentence {
            sentence,
            question,
            names_feeling,
            ..
        } = *self;
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
            && (self.shared() == 0
                || so_in_mid_sentence()
                || so_you_know()
                || restates_a_request(text, sentence, m)
                || works_out_new_figures(analysis, i, text, sentence))
        {
            return true;
        }
        // "It sounds like your router needs replacing" diagnoses; "it sounds like your
        // bill has worn you down" is about the customer.
        if tone == Tone::Impression
            && !names_feeling
            && is_work_talk(text, sentence)
            && !text.tokens[m.tokens.end..sentence.tokens.end]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "you" | "you're" | "you've" | "yourself"))
        {
            return true;
        }
        if tone == Tone::Positive && hopes_for_the_fix(text, sentence, m) {
            return true;
        }
        // (The denials, "it's not stupid", are comfort: other cues are not read for one.)
        if tone == Tone::Positive
            && !denies_their_self_judgement(analysis, i, cx.lexicons.empathy.said(m))
        {
            return true;
        }
        // "Oh, brilliant. Fifteen years of loyalty really paid off, didn't it." — "I'm
        // really glad to hear that": gladness at sarcasm is a misreading, not empathy.
        if tone == Tone::Joy && answers_sarcasm(analysis, i) {
            return true;
        }
        if mechanism == Mechanism::Reaction
            && tone != Tone::Felt
            && (!reacts_to_customer(text, sentence, m)
                || (question && asks_about_the_feeling(raw, sentence, m)))
        {
            return true;
        }
        false
    }

    /// Records a cue in `reading`: sympathy when it feels for the customer, and its level
    /// (strong when specific, or a feeling or experience of the speaker's own stated for the
    /// customer; an apology for the service is weak) when it is the best of its mechanism.
    fn record_cue(
        &self,
        reading: &mut Reading<'a>,
        m: &PhraseMatch,
        mechanism: Mechanism,
        tone: Tone,
    ) {
        let AgentTurn { cx, i, text, .. } = *self.turn;
        let sentence = self.sentence;
        let Reading {
            best,
            strong_by,
            sympathy,
            sympathy_cues,
        } = reading;
        // "So sorry for the wait" is an apology for the service, not a feeling for the
        // customer: at most a weak reaction. So is "I'm sorry, there are no tables at
        // seven" or "I can't confirm anything about arrears, I'm sorry": an apology for
        // the bad news beside it.
        let bad_news = || {
            cx.hits[i].failure.iter().any(|f| {
                self.within(&f.tokens)
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
        // Only an apology is a service apology: "sending you a hug" is no apology for the
        // sending.
        let service_apology = (tone == Tone::Felt
            && cx.lexicons.empathy.said(m).contains("sorry")
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
            Tone::Sympathy | Tone::Impression | Tone::Felt | Tone::Comfort | Tone::Understanding
        ) && mechanism != Mechanism::Exploration;
        if sympathetic {
            *sympathy = true;
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
            (Mechanism::Exploration, _) => self.specific() || self.names_something(),
            // Hope, encouragement and comfort allude to a feeling without naming it:
            // weak, as in EPITOME; named joy is strong when about the customer's news.
            (_, Tone::Positive | Tone::Comfort) => false,
            (_, Tone::Joy) => self.shared() > 1,
            _ => self.specific(),
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
                Tone::Experience | Tone::Solidarity => "a matching experience of the speaker's own",
                _ => "",
            };
        }
    }
}
