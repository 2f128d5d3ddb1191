//! Generic empathy: sympathy in a unit of an agent turn that refers to nothing the customer
//! said and names no feeling, with the many ways a sympathy line does refer to them.

use crate::analyse::text::TurnText;
use crate::analyse::{Sentence, TokenKind};
use crate::detect::lexicons::Tone;
use crate::model::Role;

use super::customer::tells_of_a_death;
use super::feelings::{names_a_plight, names_the_load};
use super::questions::is_question;
use super::sentences::{generalises, is_work_talk, shared_with_customer};
use super::turn::{AgentSentence, AgentTurn};
use super::words::is_opener;

impl AgentSentence<'_, '_> {
    /// Whether the unit's only empathy is a stock apology for inconvenience: "i do apologise
    /// for any inconvenience caused there" to "so it'll keep charging her… she's dead" meets
    /// no one's feeling.
    pub(super) fn apologises_only_for_inconvenience(&self) -> bool {
        let AgentTurn { cx, i, .. } = *self.turn;
        let mut sentence_cues = self.cues_here().peekable();
        sentence_cues.peek().is_some()
            && sentence_cues.all(|m| {
                cx.hits[i].canned.iter().any(|c| {
                    cx.lexicons.canned.tag(c) == crate::detect::lexicons::Canned::Apology
                        && c.tokens.start <= m.tokens.start
                        && c.tokens.end >= m.tokens.end
                        && cx.lexicons.canned.said(c).contains("inconvenience")
                })
            })
    }

    /// Whether the unit's sympathy is generic: it refers to nothing the customer said and
    /// names no feeling, by any of the tests below, nor is it a strong interpretation
    /// (`interprets_the_situation`).
    pub(super) fn is_generic(&self, interprets_the_situation: bool) -> bool {
        !self.specific()
            && !interprets_the_situation
            && !self.names_theirs()
            && !self.names_a_feeling_unscripted()
            && !self.describes_the_customer()
            && !self.sorry_for_their_wait()
            && !self.answers_their_apology()
            && !self.grants_their_reason()
            && !self.owns_a_failing()
            && !self.sorry_for_their_person()
            && !self.sorry_for_their_loss()
            && !self.sorry_for_their_ordeal()
            && !self.apologises_for_bad_news()
    }

    /// Whether a felt cue names the customer's own: "Sorry to hear about your dad" names the
    /// customer's own (a person, a loss); "sorry about your situation" does not. "I'm so sorry he's
    /// been going through that" is about the son the customer spoke of.
    fn names_theirs(&self) -> bool {
        let AgentTurn { cx, text, .. } = *self.turn;
        let sentence = self.sentence;
        self.cues_here().any(|m| {
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
    }

    /// Whether the unit names a feeling in the agent's own words: one so named ("that sounds
    /// really frightening") is named, though EPITOME grades the phrase weak; one inside a stock
    /// line ("I understand your frustration") is the script's.
    fn names_a_feeling_unscripted(&self) -> bool {
        let AgentTurn { cx, i, text, .. } = *self.turn;
        let sentence = self.sentence;
        !generalises(text, sentence)
            && cx.hits[i].feelings.iter().any(|m| {
                self.within(&m.tokens)
                    && !cx.hits[i]
                        .canned
                        .iter()
                        .any(|c| c.tokens.contains(&m.tokens.start))
            })
    }

    /// Whether the unit recounts what befell the customer: an account of what they went
    /// through ("you've had a horrible twelve hours"), their wish or worry voiced, pity for the
    /// person they spoke of, or their plight named.
    fn recounts_their_ordeal(&self) -> bool {
        let AgentTurn { raw, text, .. } = *self.turn;
        let sentence = self.sentence;
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
                && raw[text.tokens[k - 1].end..text.tokens[k].start].contains(',')
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
        let pities_their_person = text.tokens[sentence.tokens.clone()].windows(2).any(|w| {
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
    }

    /// Whether the unit describes the customer. An impression of the customer in the agent's
    /// own words ("it sounds like you've been carrying a huge amount on your own"), an account
    /// of what they went through ("you've had a horrible twelve hours"), or their trouble named
    /// as a load on top of the rest of their situation ("it's a lot to deal with on top of
    /// everything else"), refers to what they said without repeating it.
    fn describes_the_customer(&self) -> bool {
        let AgentTurn { cx, raw, text, .. } = *self.turn;
        let sentence = self.sentence;
        self.recounts_their_ordeal()
            || self.cues_here().any(|m| {
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
                && names_the_load(raw, text, sentence)
                && self.turn.customer_troubled())
    }

    /// Whether the unit is sorry for a wait the customer told of or sat through: "I'm really
    /// sorry about the wait" to a customer who said they had been on hold an hour and a half
    /// answers what they said. So is "Thanks for holding, and I'm sorry, that one was long."
    /// after a hold the customer sat through.
    fn sorry_for_their_wait(&self) -> bool {
        let AgentTurn {
            analysis,
            cx,
            i,
            text,
            ..
        } = *self.turn;
        let sentence = self.sentence;
        let words = &text.tokens[sentence.tokens.clone()];
        (words.iter().any(|t| is_waiting_word(&t.norm))
            && analysis
                .turns_of(Role::Customer)
                .take_while(|(c, _, _)| *c < i)
                .any(|(_, _, c)| waited(c)))
            || (words.iter().any(|t| t.norm == "holding")
                && (0..i).any(|k| {
                    cx.hits[k]
                        .events
                        .iter()
                        .any(|m| cx.lexicons.events.tag(m) == crate::detect::lexicons::Event::Hold)
                }))
    }

    /// Whether a cue is sorry for what the customer went through, in the agent's words: "I'm
    /// sorry you've had to chase this", "…you've been without service that long".
    fn sorry_for_their_ordeal(&self) -> bool {
        let AgentTurn { text, .. } = *self.turn;
        let sentence = self.sentence;
        self.cues_here().any(|m| {
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
    }

    /// Whether a cue is sorry for a person the customer spoke of: "I am sorry about Mr
    /// Fairclough".
    fn sorry_for_their_person(&self) -> bool {
        let AgentTurn { text, .. } = *self.turn;
        let sentence = self.sentence;
        self.cues_here().any(|m| {
            text.word(m.tokens.end - 1) == "sorry"
                && matches!(text.word(m.tokens.end), "about" | "for")
                && m.tokens.end + 1 < sentence.tokens.end
                && crate::analyse::names::is_title(text.word(m.tokens.end + 1))
        })
    }

    /// Whether the unit is sorrow for a death the customer has just told of. "My mum died in the
    /// night." — "I'm so sorry.": sorrow felt (intensified) as the first words of the reply to news
    /// of a death can only be about it. A plain "Oh, I'm sorry." straight into "Can I take your
    /// donor number?" stays the stock pivot. So is "oh no i'm so sorry take your time there's no
    /// rush at all" to "he died on sunday": the comfort beside it is no stock line either.
    fn sorry_for_their_loss(&self) -> bool {
        let AgentTurn {
            analysis,
            cx,
            i,
            text,
            ..
        } = *self.turn;
        let n = self.n;
        let mut sentence_cues = self.cues_here();
        n == 0
            && i.checked_sub(1).is_some_and(|c| {
                analysis.conversation.turns[c].role == Role::Customer
                    && tells_of_a_death(&analysis.texts[c])
            })
            && !cx.hits[i].canned.iter().any(|c| self.within(&c.tokens))
            && sentence_cues.clone().any(|m| {
                text.word(m.tokens.end - 1) == "sorry" && cx.lexicons.empathy.tag(m).1 == Tone::Felt
            })
            && sentence_cues.all(|m| {
                (text.word(m.tokens.end - 1) == "sorry"
                    && cx.lexicons.empathy.tag(m).1 == Tone::Felt)
                    || matches!(cx.lexicons.empathy.tag(m).1, Tone::Positive | Tone::Comfort)
                    || cx.lexicons.empathy.said(m) == "oh no"
            })
    }

    /// Whether the unit apologises for the speaker's own conduct ("I'm sorry we let you down",
    /// "Sorry I started the way I did"), which is specific by what it owns.
    fn owns_a_failing(&self) -> bool {
        let AgentTurn { text, .. } = *self.turn;
        let AgentSentence { n, sentence, .. } = *self;
        let units = &self.turn.units;
        // "Yes, you're right, I'm sorry, it's showing now", "I am sorry, that is a real
        // failure on our side": conceding a mistake.
        let concedes = |sentence: &Sentence| {
            text.tokens[sentence.tokens.clone()].windows(2).any(|w| {
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
            })
        };
        concedes(sentence)
            // "You're right, the prescription was for 56, we dispensed it wrongly. I'm sorry
            // about that.": the sorry owns the mistake just conceded.
            || n.checked_sub(1)
                .and_then(|p| units.get(p))
                .is_some_and(concedes)
            // "I'm sorry, I'm not sure I understand.": sorry for not following the customer.
            || misses_what_was_said(text, sentence)
            // "…I'm sorry. I shouldn't have started into that.", "That shouldn't have
            // happened, I'm sorry.", "That should never have happened. I'm so sorry."
            || owns_conduct(text, sentence)
            || units.get(n + 1).is_some_and(|u| owns_conduct(text, u))
            || n.checked_sub(1)
                .and_then(|p| units.get(p))
                .is_some_and(|u| owns_conduct(text, u))
            || self.cues_here().any(|m| {
                text.word(m.tokens.end - 1) == "sorry"
                    && m.tokens.end < sentence.tokens.end
                    && matches!(text.word(m.tokens.end), "we" | "i" | "i've" | "we've")
                    && !matches!(
                        text.word(m.tokens.end + 1),
                        "can't" | "cannot" | "couldn't" | "can" | "could" | "don't" | "do"
                    )
            })
    }

    /// Whether the unit ends on a refusal: "I'm really sorry, I can't." ends on the refusal
    /// itself.
    fn ends_refusing(&self) -> bool {
        let AgentTurn { text, .. } = *self.turn;
        let sentence = self.sentence;
        let end = sentence.tokens.end;
        end >= sentence.tokens.start + 2
            && matches!(text.word(end - 2), "i" | "we")
            && matches!(text.word(end - 1), "can't" | "cannot" | "cant" | "won't")
    }

    /// Whether the unit apologises for bad news: a failure it reports, or a refusal it ends
    /// on, with "sorry" in every cue. "I'm sorry I can't help with that today": an apology for
    /// a refusal, not empathy pretending to be about the customer.
    pub(super) fn apologises_for_bad_news(&self) -> bool {
        let AgentTurn { cx, i, .. } = *self.turn;
        (cx.hits[i].failure.iter().any(|f| self.within(&f.tokens)) || self.ends_refusing())
            && self
                .cues_here()
                .all(|m| cx.lexicons.empathy.said(m).contains("sorry"))
    }

    /// Whether a cue grants the customer's reason, which is theirs: "That makes complete
    /// sense", "that's fair".
    fn grants_their_reason(&self) -> bool {
        let cx = self.turn.cx;
        self.cues_here().any(|m| {
            let said = cx.lexicons.empathy.said(m);
            said.ends_with("sense") || said.contains(" fair")
        })
    }

    /// Whether a cue answers the customer's apology or self-blame: "Don't apologise, that makes
    /// complete sense" answers the customer's apology; "You're not an idiot at all, it's not well
    /// signposted and I'm sorry about that" answers their self-blame.
    fn answers_their_apology(&self) -> bool {
        let cx = self.turn.cx;
        self.cues_here().any(|m| {
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
    }
}

/// Whether a word tells of waiting ("wait", "queue", "delay").
fn is_waiting_word(w: &str) -> bool {
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
}

/// Whether a customer turn tells of waiting: a word of it, or "on hold" (not "hold on, let me
/// find it").
fn waited(c: &TurnText) -> bool {
    c.tokens.iter().any(|t| is_waiting_word(&t.norm))
        || c.tokens
            .windows(2)
            .any(|pair| pair[0].norm == "on" && pair[1].norm == "hold")
        // "I've been trying to get through for two hours."
        || c.tokens.windows(4).any(|w| {
            matches!(w[0].norm.as_str(), "trying" | "tried")
                && w[1].norm == "to"
                && w[2].norm == "get"
                && w[3].norm == "through"
        })
}

/// Whether a sentence says the speaker did not follow what was said: "I'm not sure I
/// understand", "I didn't catch that", "I don't follow".
fn misses_what_was_said(text: &TurnText, sentence: &Sentence) -> bool {
    let words = &text.tokens[sentence.tokens.clone()];
    let missed = |w: &str| matches!(w, "understand" | "catch" | "follow");
    words.windows(2).any(|w| {
        matches!(
            w[0].norm.as_str(),
            "didn't" | "didnt" | "don't" | "dont" | "couldn't" | "couldnt" | "not"
        ) && missed(&w[1].norm)
    }) || words
        .windows(3)
        .any(|w| w[0].norm == "sure" && w[1].norm == "i" && missed(&w[2].norm))
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
        // "That shouldn't have happened.", "This should never have happened": conceding a
        // fault of the service's.
        "that" | "this" | "it" => {
            (at(0) == "that"
                && at(1) == "was"
                && at(2) == "wrong"
                && at(3) == "of"
                && at(4) == "me")
                || should_not_have_happened(text, first + 1)
        }
        "my" => matches!(at(1), "mistake" | "fault" | "bad"),
        _ => false,
    }
}

/// Whether the words from token `k` are "shouldn't have happened", "should not have
/// happened" or "should never have happened".
fn should_not_have_happened(text: &TurnText, k: usize) -> bool {
    let at = |n: usize| text.word(k + n);
    match at(0) {
        "shouldn't" | "shouldnt" => at(1) == "have" && at(2) == "happened",
        "should" => matches!(at(1), "not" | "never") && at(2) == "have" && at(3) == "happened",
        _ => false,
    }
}

impl AgentTurn<'_> {
    /// Whether a generic-empathy finding held back for unit `n` stands once the whole turn is
    /// read: not when the unit points back at a specific unit before it, nor when it is a bare
    /// sympathy beside a specific unit, a plight named or a remark on the customer's words.
    pub(super) fn keeps_generic(&self, n: usize, specific_sentences: &[usize]) -> bool {
        let text = self.text;
        let units = &self.units;
        !self.points_back(n, specific_sentences)
            && !(self.bare(n)
                && (specific_sentences.iter().any(|s| s.abs_diff(n) == 1)
                    || (n
                        .checked_sub(1)
                        .is_some_and(|p| names_a_plight(text, &units[p])))
                    || units.get(n + 1).is_some_and(|u| names_a_plight(text, u))
                    || (n
                        .checked_sub(1)
                        .is_some_and(|p| self.remarks_on_their_words(p)))
                    || (n + 1 < units.len() && self.remarks_on_their_words(n + 1))))
    }

    /// Whether unit `n` is a short sympathy of the agent's own, not a stock line.
    fn bare(&self, n: usize) -> bool {
        let AgentTurn { cx, i, text, .. } = *self;
        let units = &self.units;
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
    }

    /// Whether unit `n` is a remark of the agent's own on what the customer said, with no empathy
    /// cue ("Forty people at once, that's a big knock." beside "I'm sorry, Mr Naidoo."): a
    /// statement sharing their words, not about the work nor about what the agent will do ("I can
    /// offer you three months at half price").
    fn remarks_on_their_words(&self, n: usize) -> bool {
        let AgentTurn {
            analysis,
            i,
            raw,
            text,
            ..
        } = *self;
        let units = &self.units;
        let sentence = &units[n];
        sentence.tokens.len() >= 4
            && !is_question(raw, sentence)
            && !is_work_talk(text, sentence)
            && !text.tokens[sentence.tokens.clone()].iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "i" | "i'm" | "i've" | "i'll" | "i'd" | "we" | "we're" | "we've" | "we'll"
                )
            })
            && shared_with_customer(analysis, i, text, sentence, &[]) > 0
    }

    /// Whether unit `n` is a sentence of the agent's own that points back at the specific one
    /// before it ("So this is about your cancelled flight. I can hear that it's been a hassle"):
    /// its "it" is what the customer said.
    fn points_back(&self, n: usize, specific_sentences: &[usize]) -> bool {
        let AgentTurn { cx, i, text, .. } = *self;
        let units = &self.units;
        n.checked_sub(1)
            .is_some_and(|p| specific_sentences.contains(&p))
            && !cx.hits[i]
                .canned
                .iter()
                .any(|c| units[n].tokens.contains(&c.tokens.start))
            && text.tokens[units[n].tokens.clone()]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "it" | "it's" | "that" | "that's" | "this"))
    }
}
