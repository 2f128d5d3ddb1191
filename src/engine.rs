//! Scoring one conversation: analyse once, run every detector, measure, score.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::analyse::{Analysis, TurnText, text::analyse_text};
use crate::detect::{self, Context, Lexicons, TurnHits};
use crate::findings::{Metrics, ScoredConversation, TurnView};
use crate::model::{Conversation, Role, Source};
use crate::policy::Policy;
use crate::score::{self, EffortExtras};
use crate::scripts::{AllowList, ScriptModel};

/// Everything needed to score conversations, built once per run and shared by all threads.
pub struct Engine {
    /// Thresholds and weights.
    pub policy: Policy,
    /// Compiled lexicons.
    pub lexicons: Lexicons,
    /// Whether results carry the per-turn view.
    pub per_turn: bool,
    /// The corpus script model for `script-line`, when one was given.
    pub scripts: Option<ScriptModel>,
    /// The policy's mandated lines, compiled.
    pub allow: AllowList,
    /// Tells this engine's entries in the per-thread turn memo from another engine's.
    id: u64,
}

/// Turns memoised per thread: scripted lines recur verbatim across a batch ("Thank you for
/// calling…", "Is there anything else I can help you with?", "Okay."), and a turn's analysis,
/// lexicon hits and sentiment depend on its text alone. Bounded by the text bytes held; emptied
/// when full, so memory stays flat whatever the batch size.
#[derive(Default)]
struct TurnMemo {
    /// The engine whose lexicons produced the hits held.
    engine: u64,
    turns: rustc_hash::FxHashMap<Box<str>, (Arc<TurnText>, Arc<TurnHits>)>,
    text_bytes: usize,
}

/// Text bytes a thread's memo holds at most (about 20 MB of analyses).
const MEMO_TEXT_BYTES: usize = 1 << 20;
/// Turns longer than this are rarely said twice word for word: not memoised.
const MEMO_TURN_BYTES: usize = 2048;

thread_local! {
    static MEMO: RefCell<TurnMemo> = RefCell::new(TurnMemo::default());
}

static NEXT_ENGINE_ID: AtomicU64 = AtomicU64::new(1);

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
            allow: AllowList::new(&policy.allow),
            policy,
            lexicons: Lexicons::new(),
            per_turn: false,
            scripts: None,
            id: NEXT_ENGINE_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The analysis and lexicon hits of every turn, from this thread's memo where the same
    /// text was seen before.
    fn analyse_turns(
        &self,
        conversation: &Conversation,
    ) -> (Vec<Arc<TurnText>>, Vec<Arc<TurnHits>>) {
        MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            if memo.engine != self.id {
                *memo = TurnMemo {
                    engine: self.id,
                    ..TurnMemo::default()
                };
            }
            let mut texts = Vec::with_capacity(conversation.turns.len());
            let mut hits = Vec::with_capacity(conversation.turns.len());
            for turn in &conversation.turns {
                let (text, hit) = match memo.turns.get(turn.text.as_str()) {
                    Some((text, hit)) => (Arc::clone(text), Arc::clone(hit)),
                    None => {
                        let text = Arc::new(analyse_text(&turn.text));
                        let hit = Arc::new(self.lexicons.scan(&text));
                        if turn.text.len() <= MEMO_TURN_BYTES {
                            if memo.text_bytes + turn.text.len() > MEMO_TEXT_BYTES {
                                memo.turns.clear();
                                memo.text_bytes = 0;
                            }
                            memo.text_bytes += turn.text.len();
                            memo.turns.insert(
                                turn.text.as_str().into(),
                                (Arc::clone(&text), Arc::clone(&hit)),
                            );
                        }
                        (text, hit)
                    }
                };
                texts.push(text);
                hits.push(hit);
            }
            (texts, hits)
        })
    }

    /// Scores one conversation read from `source`.
    pub fn score(&self, conversation: &Conversation, source: &Source) -> ScoredConversation {
        let (texts, hits) = self.analyse_turns(conversation);
        let analysis = Analysis::with_texts(conversation, texts);
        let mut cx = Context::with_hits(&self.policy, &self.lexicons, hits);
        cx.scripts = self.scripts.as_ref();
        let mut findings = detect::detect_all(&analysis, &cx);
        let opportunity = detect::empathy::opportunity(&analysis, &cx);

        let mut metrics = Metrics {
            turns: conversation.turns.len(),
            ..Metrics::default()
        };
        let mut agent_sentences = 0;
        for (_, turn, text) in analysis.turns() {
            match turn.role {
                Role::Agent => {
                    metrics.agent_turns += 1;
                    metrics.agent_words += text.word_count();
                    agent_sentences += text.sentences.len();
                }
                Role::Customer => {
                    metrics.customer_turns += 1;
                    metrics.customer_words += text.word_count();
                }
                Role::Bot | Role::System => {}
            }
        }
        let hold_turns: Vec<usize> = findings
            .iter()
            .filter(|f| f.rule == "hold")
            .map(|f| f.turn)
            .collect();
        metrics.mechanics = crate::mechanics::mechanics(conversation, &hold_turns);
        if let Some(name) = &analysis.customer_name {
            metrics.customer_name = Some(name.display.clone());
            metrics.customer_name_source = Some(name.source.as_str().to_string());
        }
        metrics.name_mentions = detect::names::mentions(&analysis).len();
        metrics.name_rate = ratio(metrics.name_mentions, metrics.agent_turns);
        let count = |rule: &str| findings.iter().filter(|f| f.rule == rule).count();
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
        metrics.script_lines = count("script-line");
        metrics.repeated_explanations = count("repeated-explanation");
        metrics.repeated_info_requests = count("repeated-info-request");
        metrics.transfers = count("transfer");
        metrics.holds = count("hold");
        metrics.repeat_contact = count("repeat-contact") > 0;
        metrics.channel_switch = count("channel-switch") > 0;
        metrics.escalation_requests = count("escalation-request");
        metrics.unresolved = count("unresolved") > 0;
        metrics.empathy_opportunity = opportunity;
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
        let allowed = self.allow.take_allowed(&analysis, &mut findings);
        let scores = score::score(
            &mut findings,
            opportunity,
            EffortExtras {
                customer_turns: metrics.customer_turns,
                hold_s: metrics.mechanics.hold_s,
                closing_sentiment: detect::resolution::closing_sentiment(
                    &analysis.customer_sentiments(),
                    self.policy.closing_sentiment_turns,
                ),
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

        let turns = self.per_turn.then(|| {
            conversation
                .turns
                .iter()
                .enumerate()
                .map(|(i, turn)| TurnView {
                    speaker: turn.role,
                    text: turn.text.clone(),
                    start: turn.start,
                    scripted: findings.iter().any(|f| {
                        f.turn == i && matches!(f.rule.as_str(), "canned-phrase" | "script-line")
                    }),
                    empathy: score::empathy_levels(&findings, Some(i)),
                    sentiment: analysis.sentiment(i),
                })
                .collect()
        });

        ScoredConversation {
            id: conversation.id.clone(),
            source: source.clone(),
            channel: conversation.channel.clone(),
            agent_name: conversation.agent_name.clone(),
            metadata: conversation.metadata.clone(),
            scores,
            metrics,
            findings,
            turns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Finding;
    use crate::ingest::jsonl::parse_conversation;

    fn conversation(id: &str) -> Conversation {
        let line = format!(
            r#"{{"id":"{id}","turns":[
            {{"speaker":"agent","text":"Thank you for calling, how can I help?"}},
            {{"speaker":"customer","text":"My card was charged twice and I'm really upset."}},
            {{"speaker":"agent","text":"I understand your frustration. Let me check that."}},
            {{"speaker":"customer","text":"Okay."}}]}}"#
        )
        .replace('\n', "");
        parse_conversation(line.as_bytes(), &Source::default()).expect("valid conversation")
    }

    /// Turns served from the memo score exactly like freshly analysed ones, and a second
    /// engine does not read the first one's entries.
    #[test]
    fn memoised_turns_score_like_fresh_ones() {
        let engine = Engine::new(Policy::default());
        let source = Source::default();
        // What each finding says, before scoring sets its weight.
        let said = |findings: &[Finding]| -> Vec<(String, usize, usize, String)> {
            findings
                .iter()
                .map(|f| (f.rule.clone(), f.turn, f.start, f.detail.clone()))
                .collect()
        };
        let fresh = {
            let conv = conversation("a");
            let analysis = Analysis::new(&conv);
            let cx = Context::new(&analysis, &engine.policy, &engine.lexicons);
            detect::detect_all(&analysis, &cx)
        };
        let first = engine.score(&conversation("a"), &source);
        let second = engine.score(&conversation("a"), &source);
        assert_eq!(said(&first.findings), said(&fresh));
        assert!(!fresh.is_empty());
        assert_eq!(first, second);
        MEMO.with(|memo| assert_eq!(memo.borrow().turns.len(), 4));

        let other = Engine::new(Policy::default());
        assert_eq!(other.score(&conversation("a"), &source), first);
        MEMO.with(|memo| assert_eq!(memo.borrow().engine, other.id));
    }
}
