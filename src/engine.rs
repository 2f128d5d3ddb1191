//! Scoring one conversation: analyse once, run every detector, measure, score.

use crate::analyse::Analysis;
use crate::detect::{self, Context, Lexicons};
use crate::findings::{Finding, Metrics, ScoredConversation, Scores, TurnView};
use crate::memo::TurnMemo;
use crate::model::{Conversation, Role, Source};
use crate::policy::Policy;
use crate::score::{self, EffortExtras};
use crate::scripts::ScriptModel;

/// Everything needed to score conversations, built once per run and shared by all threads.
pub struct Engine {
    /// Thresholds and weights.
    pub policy: Policy,
    /// Compiled lexicons, the policy's mandated lines among them.
    pub lexicons: Lexicons,
    /// Whether results carry the per-turn view.
    pub per_turn: bool,
    /// The corpus script model for `script-line`, when one was given.
    pub scripts: Option<ScriptModel>,
    /// The lines analysed so far that recur, for every thread.
    memo: TurnMemo,
}

/// Share of `part` in `whole`, 0 when `whole` is 0, rounded to 4 decimals.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0
    }
}

impl Engine {
    /// An engine with the given policy.
    pub fn new(policy: Policy) -> Engine {
        Engine {
            lexicons: Lexicons::with_mandated_lines(&policy.allow),
            policy,
            per_turn: false,
            scripts: None,
            memo: TurnMemo::new(),
        }
    }

    /// Scores one conversation read from `source`.
    pub fn score(&self, conversation: &Conversation, source: &Source) -> ScoredConversation {
        self.assess(conversation).with_copies(conversation, source)
    }

    /// Scores one conversation: everything of its result but what is taken from the input
    /// as it is (see [`Assessment`]).
    pub fn assess(&self, conversation: &Conversation) -> Assessment {
        let (texts, hits) = conversation
            .turns
            .iter()
            .map(|t| self.memo.analysed_turn(&self.lexicons, &t.text))
            .unzip();
        let analysis = Analysis::with_texts(conversation, texts);
        let mut cx = Context::with_hits(hits, &self.policy, &self.lexicons);
        cx.scripts = self.scripts.as_ref();
        let mut findings = detect::detect_all(&analysis, &cx);
        let opportunity_turn = detect::empathy::opportunity(&analysis, &cx);
        let opportunity = opportunity_turn.is_some();

        let mut metrics = Metrics {
            turns: conversation.turns.len(),
            ..Metrics::default()
        };
        let mut agent_sentences = 0;
        // The agent metrics count the service side: the agent, or the bot when no agent
        // took part.
        for (_, turn, text) in analysis.turns() {
            if turn.role == analysis.service {
                metrics.agent_turns += 1;
                metrics.agent_words += text.word_count();
                agent_sentences += text.sentences.len();
            } else if turn.role == Role::Customer {
                metrics.customer_turns += 1;
                metrics.customer_words += text.word_count();
            }
        }
        let hold_turns: Vec<usize> = findings
            .iter()
            .filter(|f| f.rule == "hold")
            .map(|f| f.turn)
            .collect();
        metrics.mechanics = crate::mechanics::mechanics_counted(conversation, &hold_turns, |i| {
            analysis.texts[i].spoken_words(&conversation.turns[i].text)
        });
        let waits = crate::waits::reported_waits(conversation);
        metrics.reported_hold_s = waits.hold_s.map(crate::ingest::timing::round_us);
        metrics.queue_s = waits.queue_s.map(crate::ingest::timing::round_us);
        if let Some(name) = &analysis.customer_name {
            metrics.customer_name = Some(name.display.clone());
            metrics.customer_name_source = Some(name.source.as_str().to_string());
        }
        metrics.name_mentions = analysis.name_mentions().len();
        metrics.name_rate = ratio(metrics.name_mentions, metrics.agent_turns);
        let mut canned_sentences: Vec<(usize, usize)> = findings
            .iter()
            .filter(|f| f.rule == "canned-phrase")
            .filter_map(|f| {
                let text = &analysis.texts[f.turn];
                text.sentences
                    .iter()
                    .position(|s| s.start <= f.start && f.start < s.end.max(s.start + 1))
                    .map(|s| (f.turn, s))
            })
            .collect();
        canned_sentences.dedup();
        metrics.canned_lines = canned_sentences.len();
        metrics.canned_ratio = ratio(metrics.canned_lines, agent_sentences);
        count_rules(&findings, &mut metrics);
        metrics.empathy_opportunity = opportunity;
        metrics.empathy_opportunity_turn = opportunity_turn;
        let first_customer = conversation
            .turns
            .iter()
            .position(|t| t.role == Role::Customer);
        let last_customer = conversation
            .turns
            .iter()
            .rposition(|t| t.role == Role::Customer);
        metrics.customer_sentiment_start = first_customer.and_then(|i| analysis.sentiment(i));
        metrics.customer_sentiment_end = last_customer.and_then(|i| analysis.sentiment(i));

        // Mandated lines are reported but kept out of the penalty.
        let allowed = crate::scripts::allow::take_allowed(&self.lexicons, &cx.hits, &mut findings);
        let scores = score::score(
            &mut findings,
            opportunity,
            EffortExtras {
                customer_turns: metrics.customer_turns,
                // The same hold may be both measured and reported: the longer counts.
                hold_s: match (metrics.mechanics.hold_s, metrics.reported_hold_s) {
                    (Some(measured), Some(reported)) => Some(measured.max(reported)),
                    (measured, reported) => measured.or(reported),
                },
                queue_s: metrics.queue_s,
                closing_sentiment: detect::resolution::closing_sentiment(&analysis, &cx),
            },
            &self.policy,
        );
        if !allowed.is_empty() {
            findings.extend(allowed);
            detect::sort_findings(&mut findings);
        }
        let levels = score::empathy_levels(&findings, None);
        metrics.empathy_reaction = levels.reaction;
        metrics.empathy_interpretation = levels.interpretation;
        metrics.empathy_exploration = levels.exploration;

        // Turn texts are filled in by `Assessment::with_copies` or `Assessment::into_scored`.
        let turns = self.per_turn.then(|| {
            (0..conversation.turns.len())
                .map(|i| TurnView {
                    speaker: conversation.turns[i].role,
                    text: String::new(),
                    start: conversation.turns[i].start,
                    scripted: findings.iter().any(|f| {
                        f.turn == i
                            && matches!(
                                f.rule.as_str(),
                                "canned-phrase" | "script-line" | "repeated-message"
                            )
                    }),
                    empathy: score::empathy_levels(&findings, Some(i)),
                    sentiment: analysis.sentiment(i),
                })
                .collect()
        });

        Assessment {
            scores,
            metrics,
            findings,
            turns,
        }
    }
}

/// Counts the findings of the rules that [`Metrics`] counts, in one pass.
fn count_rules(findings: &[Finding], metrics: &mut Metrics) {
    for f in findings {
        match f.rule.as_str() {
            "script-line" => metrics.script_lines += 1,
            "repeated-explanation" => metrics.repeated_explanations += 1,
            "repeated-info-request" => metrics.repeated_info_requests += 1,
            "transfer" => metrics.transfers += 1,
            "hold" => metrics.holds += 1,
            "repeat-contact" => metrics.repeat_contact = true,
            "channel-switch" => metrics.channel_switch = true,
            "escalation-request" => metrics.escalation_requests += 1,
            "unresolved" => metrics.unresolved = true,
            "customer-thanks" => metrics.customer_thanks += 1,
            _ => {}
        }
    }
}

/// A conversation's result without the fields that are the input's own (id, channel, agent
/// name, metadata, turn texts) and its source: those are added by copying them
/// ([`Assessment::with_copies`]) or, when the conversation is no longer needed, by moving them
/// ([`Assessment::into_scored`]), which spares an allocation and a copy for each.
pub struct Assessment {
    scores: Scores,
    metrics: Metrics,
    findings: Vec<Finding>,
    /// The per-turn views, their texts still empty.
    turns: Option<Vec<TurnView>>,
}

impl Assessment {
    /// The result for `conversation`, read from `source`, copying what it takes from them.
    pub fn with_copies(self, conversation: &Conversation, source: &Source) -> ScoredConversation {
        let turns = self.turns.map(|mut views| {
            for (view, turn) in views.iter_mut().zip(&conversation.turns) {
                view.text.clone_from(&turn.text);
            }
            views
        });
        ScoredConversation {
            id: conversation.id.clone(),
            source: source.clone(),
            channel: conversation.channel.clone(),
            agent_name: conversation.agent_name.clone(),
            metadata: conversation.metadata.clone(),
            scores: self.scores,
            metrics: self.metrics,
            findings: self.findings,
            turns,
        }
    }

    /// The result for `conversation`, read from `source`, moving what it takes from them.
    pub fn into_scored(self, conversation: Conversation, source: Source) -> ScoredConversation {
        let Conversation {
            id,
            channel,
            agent_name,
            metadata,
            turns: input_turns,
            ..
        } = conversation;
        let turns = self.turns.map(|mut views| {
            for (view, turn) in views.iter_mut().zip(input_turns) {
                view.text = turn.text;
            }
            views
        });
        ScoredConversation {
            id,
            source,
            channel,
            agent_name,
            metadata,
            scores: self.scores,
            metrics: self.metrics,
            findings: self.findings,
            turns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Turn;

    fn turn(role: Role, text: &str, start: f64, end: f64) -> Turn {
        Turn {
            role,
            speaker: role.as_str().to_string(),
            text: text.to_string(),
            start: Some(start),
            end: Some(end),
        }
    }

    /// Scores `calls` each on a fresh engine, then all on one engine in three rounds (their
    /// lines are kept in the memo from the second sighting and read from it from the third),
    /// and asserts every shared result is the fresh one, byte for byte. Returns the fresh
    /// results and the shared engine.
    fn shared_engine_scores_as_fresh(calls: &[Conversation]) -> (Vec<ScoredConversation>, Engine) {
        let fresh: Vec<ScoredConversation> = calls
            .iter()
            .map(|c| Engine::new(Policy::default()).score(c, &Source::default()))
            .collect();
        let engine = Engine::new(Policy::default());
        for _ in 0..3 {
            for (c, expected) in calls.iter().zip(&fresh) {
                let scored = engine.score(c, &Source::default());
                assert_eq!(
                    serde_json::to_string(&scored).unwrap(),
                    serde_json::to_string(expected).unwrap(),
                    "{}",
                    c.id
                );
            }
        }
        (fresh, engine)
    }

    #[test]
    fn agent_lines_read_once_give_each_conversation_the_findings_of_a_fresh_reading() {
        let call = |customer: &str, trouble: &str| Conversation {
            id: customer.into(),
            customer_name: Some(customer.into()),
            turns: vec![
                turn(Role::Agent, "Thanks for calling, how can I help?", 0.0, 3.0),
                turn(Role::Customer, trouble, 3.5, 9.0),
                // Read sentence by sentence: a feeling inferred, the speaker's own story, a
                // question of procedure.
                turn(
                    Role::Agent,
                    "That must be exhausting. I went through the same thing with my own \
                     landlord last year. Is the account in your name?",
                    9.5,
                    14.0,
                ),
                turn(Role::Customer, "It is, yes.", 14.5, 16.0),
                // A run of speech with a cue and a name in it: read in clauses, which depend
                // on the customer's name.
                turn(
                    Role::Agent,
                    "oh no Maria I'm so sorry to hear that Tom it sounds really hard how are you \
                     holding up",
                    16.5,
                    21.0,
                ),
            ],
            ..Conversation::default()
        };
        let calls = [
            call(
                "Maria",
                "My landlord has kept my deposit and I'm so stressed about it.",
            ),
            call("Tom", "My card was declined twice at the till today."),
        ];
        let (_, engine) = shared_engine_scores_as_fresh(&calls);
        let kept = |line: &str| {
            let (_, hits) = engine.memo.analysed_turn(&engine.lexicons, line);
            hits.empathy_sentences.get().map(Vec::len)
        };
        assert_eq!(kept(&calls[0].turns[2].text), Some(3));
        // The clauses of the run of speech were not kept with the line.
        assert_eq!(kept(&calls[0].turns[4].text), None);
    }

    #[test]
    fn a_recurring_line_tells_an_own_story_by_each_calls_names() {
        // "Maria I lost mine." is too short to tell a story once Maria's name is put aside,
        // and "im sofia …" introduces the agent only when she is Sofia: a line kept in the
        // memo must still be read with each call's names.
        let call = |customer: &str, agent: &str| Conversation {
            id: format!("{customer}-{agent}"),
            customer_name: Some(customer.into()),
            agent_name: Some(agent.into()),
            turns: vec![
                turn(Role::Agent, "Hi, how can I help?", 0.0, 2.0),
                turn(
                    Role::Customer,
                    "My dog died last week and I missed the payment because of it.",
                    2.5,
                    8.0,
                ),
                turn(Role::Agent, "Maria I lost mine.", 8.5, 10.0),
                turn(Role::Customer, "Oh no.", 10.5, 11.0),
                turn(Role::Agent, "im sofia and i lost my dog too", 11.5, 14.0),
            ],
            ..Conversation::default()
        };
        let calls = [
            call("Maria Lopez", "Sofia"),
            call("Tom Baker", "Ben"),
            call("Maria Lopez", "Ben"),
            call("Tom Baker", "Sofia"),
        ];
        let own_stories = |scored: &ScoredConversation| -> Vec<usize> {
            scored
                .findings
                .iter()
                .filter(|f| f.detail.contains("an experience of their own"))
                .map(|f| f.turn)
                .collect()
        };
        let (fresh, _) = shared_engine_scores_as_fresh(&calls);
        // The names decide: each line is a story in some calls and not in others.
        assert_eq!(
            fresh.iter().map(own_stories).collect::<Vec<_>>(),
            [vec![], vec![2, 4], vec![4], vec![2]]
        );
    }

    #[test]
    fn word_counts_kept_with_a_line_give_the_mechanics_of_a_fresh_count() {
        let engine = Engine::new(Policy::default());
        let conversation = Conversation {
            id: "c".into(),
            turns: vec![
                turn(Role::Agent, "Thanks for calling, how can I help?", 0.0, 3.0),
                turn(
                    Role::Customer,
                    "My router — the new one — keeps [PII] dropping.",
                    3.5,
                    9.0,
                ),
                turn(Role::Agent, "Sorry to hear that. Let me check.", 9.5, 12.0),
                turn(Role::Customer, "Ok… thanks 👍", 12.5, 14.0),
            ],
            ..Conversation::default()
        };
        let expected = crate::mechanics::mechanics(&conversation, &[]);
        assert!(expected.agent_wpm.is_some() && expected.customer_wpm.is_some());
        // Three times: lines are kept from their second sighting and reused from the third.
        for _ in 0..3 {
            let source = Source::default();
            let scored = engine.score(&conversation, &source);
            assert_eq!(scored.metrics.mechanics, expected);
        }
    }
}
