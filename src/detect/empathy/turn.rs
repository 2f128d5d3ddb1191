//! One agent turn as the empathy rules read it: the units its sentences are judged in, what
//! each unit shows of the three mechanisms, and the findings of the turn.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use crate::analyse::text::TurnText;
use crate::analyse::{Analysis, Sentence};
use crate::detect::lexicons::Mechanism;
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::lexicon::PhraseMatch;
use crate::model::Role;

use super::customer::raises_trouble;
use super::feelings::{inferred_feeling, names_the_load};
use super::own_story::{own_story, self_disclosure};
use super::questions::{
    asks_about_customer, asks_about_experience, asks_after_someone, asks_nothing_of_the_speaker,
    asks_why, is_procedure_or_rhetoric, is_question, is_time_of_day, names_nothing, question_form,
    spaced_words, spoken_question, unmarked_question,
};
use super::repeated::RepeatedLines;
use super::sentences::{clauses, generalises, is_run_on, is_work_talk, shared_with_customer};

/// A mechanism's level (1 weak, 2 strong), the span that shows it, and the cue that says it
/// or what shows it without one.
type Level<'a> = (u8, Range<usize>, &'a str);

/// What one unit of an agent turn shows of the three mechanisms.
pub(super) struct Reading<'a> {
    /// The best level of each mechanism, indexed by [`Mechanism`].
    pub(super) best: [Option<Level<'a>>; 3],
    /// Why a cue is strong when it shares no words with the customer, where that is not the
    /// specific feeling or situation it names.
    pub(super) strong_by: [&'static str; 3],
    /// Whether a cue in it is sympathy (see [`AgentSentence::record_cue`]).
    pub(super) sympathy: bool,
    /// The sympathy phrases said in the sentence, as the lexicon reads them.
    pub(super) sympathy_cues: Vec<&'a str>,
}

/// An agent turn that answers something the customer shared, with what all its units share.
pub(super) struct AgentTurn<'a> {
    /// The conversation the turn belongs to.
    pub(super) analysis: &'a Analysis<'a>,
    /// The lexicons, their matches in every turn, and the policy.
    pub(super) cx: &'a Context<'a>,
    /// The turn's index in the conversation.
    pub(super) i: usize,
    /// The turn as written.
    pub(super) raw: &'a str,
    /// The turn as analysed.
    pub(super) text: &'a TurnText,
    /// The turn's empathy cues.
    pub(super) cues: &'a [PhraseMatch],
    /// The token ranges of its empathy cues and stock lines, which say nothing about this
    /// customer.
    pub(super) stock: Vec<Range<usize>>,
    /// The units empathy is judged in: the sentences, or the clauses of a run of speech (see
    /// [`clauses`]).
    pub(super) units: Cow<'a, [Sentence]>,
    /// What each unit shows on its own, aligned with `units`.
    facts: Cow<'a, [SentenceFacts]>,
    /// See [`AgentTurn::customer_troubled`].
    troubled: OnceCell<bool>,
}

impl<'a> AgentTurn<'a> {
    /// Agent turn `i`, written as `raw` and analysed as `text`, split into the units empathy
    /// is judged in.
    pub(super) fn new(
        analysis: &'a Analysis<'a>,
        cx: &'a Context<'a>,
        i: usize,
        raw: &'a str,
        text: &'a TurnText,
    ) -> Self {
        let cues = &cx.hits[i].empathy;
        let stock: Vec<Range<usize>> = cues
            .iter()
            .map(|m| m.tokens.clone())
            .chain(cx.hits[i].canned.iter().map(|m| m.tokens.clone()))
            .collect();
        // Sentences are split only in a run of speech without punctuation that holds a
        // statement or a stock line: most turns are read sentence by sentence as they are.
        let units: Cow<[Sentence]> = if (!cues.is_empty() || !cx.hits[i].canned.is_empty())
            && text.sentences.iter().any(|s| is_run_on(raw, s))
        {
            let mut statements: Vec<Range<usize>> = cues
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
                        raw,
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
        let unpunctuated = !raw.bytes().any(|b| matches!(b, b'.' | b'?' | b'!'));
        let read_alone =
            |unit: &Sentence| SentenceFacts::read(cx, i, raw, text, unit, &stock, unpunctuated);
        // The sentences of a line read the same wherever it is said: read once, and kept
        // with its matches. Clauses depend on the customer's name, so are read afresh.
        let facts: Cow<[SentenceFacts]> = match &units {
            Cow::Borrowed(_) => cx.hits[i]
                .empathy_sentences
                .get_or_init(|| text.sentences.iter().map(read_alone).collect())
                .as_slice()
                .into(),
            Cow::Owned(clauses) => clauses.iter().map(read_alone).collect::<Vec<_>>().into(),
        };
        AgentTurn {
            analysis,
            cx,
            i,
            raw,
            text,
            cues,
            stock,
            units,
            facts,
            troubled: OnceCell::new(),
        }
    }

    /// Whether what the customer said since the agent last spoke voiced a problem or
    /// distress ("it's a sad film" in chit-chat infers nothing), a message split over several
    /// chat turns ("my card got declined at tesco", "but theres money in the account??")
    /// read whole; worked out when first needed.
    pub(super) fn customer_troubled(&self) -> bool {
        let AgentTurn {
            analysis, cx, i, ..
        } = *self;
        *self.troubled.get_or_init(|| {
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
    }

    /// Reads the turn unit by unit: pushes its mechanism, generic-empathy and repeated-empathy
    /// findings to `out`, and marks the turn in `empathic_turns` when it answers with empathy.
    pub(super) fn read(
        &self,
        repeats: &mut RepeatedLines<'a>,
        empathic_turns: &mut [bool],
        out: &mut Vec<Finding>,
    ) {
        let AgentTurn { analysis, i, .. } = *self;
        // Sentences of this turn with specific empathy, and the generic ones held back until
        // the turn is read: a bare "I'm so sorry." beside "the night before a big
        // presentation is the worst time for that" belongs to it.
        let mut specific_sentences: Vec<usize> = Vec::new();
        let mut generic: Vec<(usize, Finding)> = Vec::new();
        for n in 0..self.units.len() {
            let unit = AgentSentence::new(self, n);
            let sentence = unit.sentence;
            let reading = unit.read();
            // A strong reaction or interpretation; a question's specific exploration does not
            // make the stock line before it ("I understand your frustration.") the customer's.
            let strong_here = reading.best[..2]
                .iter()
                .flatten()
                .any(|(level, _, _)| *level == 2);
            // A strong interpretation is about the customer's situation by its own test (their
            // words, the feeling their trouble brings, a matching experience), so the sentence is
            // not also generic ("that's frustrating, and I can see why you want it sorted
            // today"). A felt reaction is strong without being specific ("so sorry to hear
            // that!!"), so it does not count here.
            let interprets_the_situation = matches!(
                reading.best[Mechanism::Interpretation as usize],
                Some((2, _, _))
            );
            let findings = unit.mechanism_findings(reading.best, reading.strong_by);
            if findings.is_empty() {
                continue;
            }
            out.extend(findings);
            if unit.apologises_only_for_inconvenience() {
                continue;
            }
            if strong_here && (unit.specific() || interprets_the_situation) {
                specific_sentences.push(n);
            }
            if !reading.sympathy || unit.question || unit.spoken_from.is_some() {
                empathic_turns[i] = true;
                continue;
            }
            if unit.is_generic(interprets_the_situation) {
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
            match repeats.repeated(&unit, reading.sympathy_cues) {
                Some(repeated) => out.push(repeated),
                None => empathic_turns[i] = true,
            }
        }
        out.extend(
            generic
                .into_iter()
                .filter(|(n, _)| self.keeps_generic(*n, &specific_sentences))
                .map(|(_, f)| f),
        );
    }
}

/// One unit of an agent turn (a sentence, or a clause of a run of speech), with what the
/// rules ask of it worked out once.
pub(super) struct AgentSentence<'t, 'a> {
    /// The turn the unit belongs to.
    pub(super) turn: &'t AgentTurn<'a>,
    /// The unit's index among the turn's units.
    pub(super) n: usize,
    /// The unit itself.
    pub(super) sentence: &'t Sentence,
    /// Where a question starts in a turn without punctuation (see [`spoken_question`]).
    pub(super) spoken_from: Option<usize>,
    /// Whether the unit asks, with a question mark or without one.
    pub(super) question: bool,
    /// Whether it is a question of procedure or rhetoric (see [`is_procedure_or_rhetoric`]).
    pub(super) procedure_or_rhetoric: bool,
    /// Whether it names a feeling outside the stock lines, and not of a general case.
    pub(super) names_feeling: bool,
    /// See [`AgentSentence::shared`].
    shared_words: OnceCell<usize>,
}

impl<'t, 'a> AgentSentence<'t, 'a> {
    /// Unit `n` of `turn`.
    fn new(turn: &'t AgentTurn<'a>, n: usize) -> Self {
        let facts = &turn.facts[n];
        AgentSentence {
            turn,
            n,
            sentence: &turn.units[n],
            spoken_from: facts.spoken_from,
            question: facts.question,
            procedure_or_rhetoric: facts.procedure_or_rhetoric,
            names_feeling: facts.names_feeling,
            shared_words: OnceCell::new(),
        }
    }

    /// Whether a token range starts inside the unit.
    pub(super) fn within(&self, r: &Range<usize>) -> bool {
        starts_in(self.sentence, r)
    }

    /// The turn's empathy cues inside the unit.
    pub(super) fn cues_here(&self) -> impl Iterator<Item = &'a PhraseMatch> + Clone {
        self.turn.cues.iter().filter(|m| self.within(&m.tokens))
    }

    /// How many content words the unit shares with what the customer said before (see
    /// [`shared_with_customer`]), its stock lines left out. Worked out when first needed: most
    /// sentences carry no empathy at all.
    pub(super) fn shared(&self) -> usize {
        let AgentTurn {
            analysis, i, text, ..
        } = *self.turn;
        *self.shared_words.get_or_init(|| {
            shared_with_customer(analysis, i, text, self.sentence, &self.turn.stock)
        })
    }

    /// Whether the unit is specific: it names a feeling or shares the customer's words.
    pub(super) fn specific(&self) -> bool {
        self.names_feeling || self.shared() > 0
    }

    /// Whether the unit names something of its own beyond its stock words, the time of day and
    /// words that ask after whatever it is. A question that names something of its own ("how
    /// has the outage affected the café?") is specific; one made only of its cue ("what
    /// happened?") is generic.
    pub(super) fn names_something(&self) -> bool {
        let AgentTurn { text, .. } = *self.turn;
        let sentence = self.sentence;
        let stock = &self.turn.stock;
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
    }

    /// What the unit shows of the three mechanisms: its cues, then what a question without an
    /// exploration cue and a statement without a strong interpretation show on their own.
    fn read(&self) -> Reading<'a> {
        let mut reading = Reading {
            best: [None, None, None],
            strong_by: [""; 3],
            sympathy: false,
            sympathy_cues: Vec::new(),
        };
        self.read_cues(&mut reading);
        self.explore_by_question(&mut reading.best);
        self.interpret_without_cue(&mut reading.best);
        reading
    }

    /// Sets the unit's exploration from the question it puts, when no cue showed one: a
    /// question about the customer's words, an open question to them, a bare "why?", or one
    /// after someone they spoke of.
    fn explore_by_question(&self, best: &mut [Option<Level<'a>>; 3]) {
        let AgentTurn { text, .. } = *self.turn;
        let AgentSentence {
            sentence,
            question,
            procedure_or_rhetoric,
            names_feeling,
            ..
        } = *self;
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
                && self.shared() > 0
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
                    if self.specific() || self.names_something() {
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
    }

    /// Sets the unit's interpretation to strong, when no cue made it so and the unit is no
    /// question, by what it says without a cue: a feeling inferred from the customer's
    /// situation, their situation named as a load, or an experience of the speaker's own.
    fn interpret_without_cue(&self, best: &mut [Option<Level<'a>>; 3]) {
        let AgentTurn {
            analysis,
            cx,
            i,
            raw,
            text,
            ..
        } = *self.turn;
        let AgentSentence {
            sentence, question, ..
        } = *self;
        // Relating a hardship of one's own, or naming the feeling the customer's situation
        // must bring, is a specific interpretation.
        if best[Mechanism::Interpretation as usize]
            .as_ref()
            .is_none_or(|(l, _, _)| *l < 2)
            && !question
        {
            // A stock line infers nothing: "I completely understand how frustrating this
            // must be for you" is the same wherever it is pasted.
            let scripted = || cx.hits[i].canned.iter().any(|c| self.within(&c.tokens));
            let facts = &self.turn.facts[self.n];
            if facts.infers_feeling
                && !scripted()
                && !generalises(text, sentence)
                && self.turn.customer_troubled()
            {
                best[Mechanism::Interpretation as usize] = Some((
                    2,
                    sentence.start..sentence.end,
                    "a feeling inferred from the customer's situation",
                ));
            } else if facts.names_the_load && self.shared() > 0 && self.turn.customer_troubled() {
                best[Mechanism::Interpretation as usize] = Some((
                    2,
                    sentence.start..sentence.end,
                    "the customer's situation named as a heavy load",
                ));
            } else if analysis.conversation.turns[i].role == Role::Bot {
                // A bot has no experience of its own: "I didn't recognise that" is no story.
            } else if let Some(span) = facts.self_disclosure.clone() {
                best[Mechanism::Interpretation as usize] =
                    Some((2, span, "the speaker's own matching experience"));
            } else if own_story(
                raw,
                text,
                sentence,
                analysis.customer_name.as_ref().map_or(&[], |n| &n.forms),
                analysis.conversation.agent_name.as_deref(),
            ) && !cx.hits[i].failure.iter().any(|m| self.within(&m.tokens))
            {
                best[Mechanism::Interpretation as usize] = Some((
                    2,
                    sentence.start..sentence.end,
                    "the speaker relating an experience of their own",
                ));
            }
        }
    }

    /// The mechanism findings of the unit, reaction first, from the best level of each.
    fn mechanism_findings(
        &self,
        best: [Option<Level<'a>>; 3],
        strong_by: [&'static str; 3],
    ) -> Vec<Finding> {
        let AgentTurn { analysis, i, .. } = *self.turn;
        let mut out = Vec::new();
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
            let why = if level == 2 {
                let shared = self.shared();
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
        out
    }
}

/// What the empathy rules read of one unit of an agent turn on its own: the same in every
/// conversation the line is said in, so for a turn read sentence by sentence it is worked out
/// once a line and kept with the line's matches ([`crate::detect::TurnHits::empathy_sentences`]).
#[derive(Debug, Clone)]
pub struct SentenceFacts {
    /// See [`AgentSentence::spoken_from`].
    spoken_from: Option<usize>,
    /// See [`AgentSentence::question`].
    question: bool,
    /// See [`AgentSentence::procedure_or_rhetoric`].
    procedure_or_rhetoric: bool,
    /// See [`AgentSentence::names_feeling`].
    names_feeling: bool,
    /// For a statement, whether it infers a feeling ([`inferred_feeling`]); false for a question,
    /// which is never read for it.
    infers_feeling: bool,
    /// For a statement, whether it names a situation as a load ([`names_the_load`]).
    names_the_load: bool,
    /// For a statement, the speaker's own matching experience in it ([`self_disclosure`]).
    self_disclosure: Option<Range<usize>>,
}

impl SentenceFacts {
    /// Reads `unit` of agent turn `i` (written as `raw`, analysed as `text`, with its stock
    /// lines at `stock`).
    fn read(
        cx: &Context,
        i: usize,
        raw: &str,
        text: &TurnText,
        unit: &Sentence,
        stock: &[Range<usize>],
        unpunctuated: bool,
    ) -> SentenceFacts {
        let spoken_from = if unpunctuated {
            spoken_question(text, unit)
        } else {
            None
        };
        let question = is_question(raw, unit) || unmarked_question(text, unit);
        let procedure_or_rhetoric =
            question && is_procedure_or_rhetoric(cx, i, unit, &spaced_words(text, unit));
        // A feeling named of a general case ("how stressful it can be when plans change")
        // is not named for the customer.
        let names_feeling = cx.hits[i].feelings.iter().any(|m| {
            starts_in(unit, &m.tokens) && !stock.iter().any(|r| r.contains(&m.tokens.start))
        }) && !generalises(text, unit);
        let statement = !question;
        SentenceFacts {
            spoken_from,
            question,
            procedure_or_rhetoric,
            names_feeling,
            infers_feeling: statement && inferred_feeling(cx, i, raw, text, unit),
            names_the_load: statement && names_the_load(raw, text, unit),
            self_disclosure: if statement {
                self_disclosure(cx, i, text, unit, stock)
            } else {
                None
            },
        }
    }
}

/// Whether a token range starts inside `sentence`.
fn starts_in(sentence: &Sentence, r: &Range<usize>) -> bool {
    r.start >= sentence.tokens.start && r.start < sentence.tokens.end
}
