//! What detectors report and what a scored conversation carries.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::mechanics::Mechanics;
use crate::model::{Role, Source};

/// The score a finding moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoreKind {
    /// Empathy: positive weights for empathic responses, negative for missed opportunities.
    Empathy,
    /// Sincerity: negative weights for scripted or hollow lines.
    Sincerity,
    /// Customer effort: positive weights for what made the customer work harder.
    Effort,
}

impl ScoreKind {
    /// Lowercase name, as in the outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            ScoreKind::Empathy => "empathy",
            ScoreKind::Sincerity => "sincerity",
            ScoreKind::Effort => "effort",
        }
    }
}

/// One piece of evidence: a rule that fired on a span of one turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, as listed by `sincerity rules`.
    pub rule: String,
    /// 0-based index of the input turn.
    pub turn: usize,
    /// Who spoke that turn.
    pub speaker: Role,
    /// Byte offset of the evidence in that turn's text.
    pub start: usize,
    /// Byte offset just past the evidence.
    pub end: usize,
    /// The evidence, quoted from the turn.
    #[serde(serialize_with = "crate::output::cached_json_str")]
    pub quote: String,
    /// Points this finding moved its score by (0 when it is capped or only informative).
    pub weight: f64,
    /// The score this finding moves, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<ScoreKind>,
    /// 1 (weak) or 2 (strong) for the empathy mechanisms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Why it fired, for a person to read.
    #[serde(serialize_with = "crate::output::cached_json_str")]
    pub detail: String,
}

/// The three scores, each 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    /// Empathy shown by the agent (higher is better).
    pub empathy: f64,
    /// How much the agent sounds like a person rather than a script (higher is better).
    pub sincerity: f64,
    /// Effort the customer had to spend (higher is worse).
    pub effort: f64,
}

/// EPITOME levels for one turn or the best over a conversation: 0 none, 1 weak, 2 strong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EmpathyLevels {
    /// Emotional reaction: expressing warmth, compassion, concern.
    pub reaction: u8,
    /// Interpretation: showing understanding of the customer's specific situation.
    pub interpretation: u8,
    /// Exploration: asking about the customer's experience.
    pub exploration: u8,
}

/// The flat measurements of one conversation; also the columns of the conversations CSV.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metrics {
    /// Number of turns.
    pub turns: usize,
    /// Turns spoken by the agent.
    pub agent_turns: usize,
    /// Turns spoken by the customer.
    pub customer_turns: usize,
    /// Words spoken by the agent.
    pub agent_words: usize,
    /// Words spoken by the customer.
    pub customer_words: usize,
    /// Conversation mechanics from turn timings (duration, talk time, pace, silence,
    /// overtalk, measured hold); each null without timings.
    #[serde(flatten)]
    pub mechanics: Mechanics,
    /// The customer's name used by the detectors (given or inferred), if any.
    pub customer_name: Option<String>,
    /// "given", "inferred" or null: where `customer_name` came from.
    pub customer_name_source: Option<String>,
    /// Times the agent said the customer's name.
    pub name_mentions: usize,
    /// Name mentions per agent turn.
    pub name_rate: f64,
    /// Agent sentences matching the stock-line lexicon.
    pub canned_lines: usize,
    /// Share of agent sentences that are stock lines.
    pub canned_ratio: f64,
    /// Agent sentences flagged as corpus script lines (needs a script model).
    pub script_lines: usize,
    /// Times the customer restated what they had already explained.
    pub repeated_explanations: usize,
    /// Times the agent asked again for information already given.
    pub repeated_info_requests: usize,
    /// Transfers to another agent or department.
    pub transfers: usize,
    /// Holds announced.
    pub holds: usize,
    /// Seconds on hold (or left waiting in a chat) as the platform's events report it
    /// ("Customer on hold 6m 48s"); null when no event reports one.
    pub reported_hold_s: Option<f64>,
    /// Seconds waited in the queue as the platform's events report it ("Queue wait 14:30");
    /// null when no event reports one.
    pub queue_s: Option<f64>,
    /// Whether the customer says this is not their first contact about it.
    pub repeat_contact: bool,
    /// Whether the customer says they already tried another channel.
    pub channel_switch: bool,
    /// Times the customer asked for a supervisor, manager or complaint.
    pub escalation_requests: usize,
    /// Whether the conversation ends without a resolution.
    pub unresolved: bool,
    /// Customer turns, after the opening one, in which the customer thanks.
    pub customer_thanks: usize,
    /// Whether the customer voiced something that calls for empathy.
    pub empathy_opportunity: bool,
    /// The first customer turn (0-based) that called for empathy, so that the empathy score's
    /// starting point has its evidence too; null without an opportunity.
    pub empathy_opportunity_turn: Option<usize>,
    /// Best emotional-reaction level over agent turns (0–2).
    pub empathy_reaction: u8,
    /// Best interpretation level over agent turns (0–2).
    pub empathy_interpretation: u8,
    /// Best exploration level over agent turns (0–2).
    pub empathy_exploration: u8,
    /// VADER compound sentiment of the customer's first turn(s), −1…1.
    pub customer_sentiment_start: Option<f64>,
    /// VADER compound sentiment of the customer's last turn(s), −1…1.
    pub customer_sentiment_end: Option<f64>,
}

/// Per-turn view, aligned with the input turns (`--per-turn`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnView {
    /// The role of the speaker.
    pub speaker: Role,
    /// The text of the turn, so that saved results can be reviewed without the input.
    #[serde(serialize_with = "crate::output::cached_json_str")]
    pub text: String,
    /// Start time in seconds, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<f64>,
    /// Whether any of the turn's sentences is a stock or corpus script line.
    pub scripted: bool,
    /// EPITOME levels of this turn (agent turns only; zeros otherwise).
    pub empathy: EmpathyLevels,
    /// VADER compound sentiment (customer turns only).
    pub sentiment: Option<f64>,
}

/// The result for one successfully read conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredConversation {
    /// Conversation id.
    pub id: String,
    /// Where it was read from.
    pub source: Source,
    /// Channel, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Agent name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_name: Option<String>,
    /// The input's metadata, passed through.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub metadata: Map<String, Value>,
    /// The three scores.
    pub scores: Scores,
    /// The measurements behind them.
    pub metrics: Metrics,
    /// The evidence, in turn order.
    pub findings: Vec<Finding>,
    /// Per-turn view, with `--per-turn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turns: Option<Vec<TurnView>>,
}

impl ScoredConversation {
    /// The findings on turn `turn`, each with its index in [`ScoredConversation::findings`].
    pub fn findings_on_turn(&self, turn: usize) -> Vec<(usize, &Finding)> {
        self.findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.turn == turn)
            .collect()
    }
}

/// The record that stands in for an input record that could not be read or scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// The id, when it could be recovered.
    pub id: Option<String>,
    /// Where the bad record is.
    pub source: Source,
    /// What is wrong.
    pub error: String,
}

/// One output record: exactly one per input record, in input order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Outcome {
    /// A scored conversation.
    Scored(Box<ScoredConversation>),
    /// An input record that could not be read.
    Error(ErrorRecord),
}
