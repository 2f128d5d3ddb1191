//! The HTML review report: one self-contained page (inline CSS, inline SVG, a small inline
//! script, no network) for a coach.
//!
//! The [`ReportCollector`] sees every result once, in order. It keeps running totals
//! (histograms, the effort-by-empathy matrix, rule counts, per-agent sums) over all of them,
//! and keeps the full text of at most `max_calls` conversations: the worst flagged ones and a
//! deterministic sample of the others. Memory is bounded by `max_calls`, not by the input.
//!
//! "Worst" is the attention score: the worst of `100 − empathy`, `100 − sincerity` and
//! `effort`, so one very bad score is enough; ties go to the larger sum of the three. A
//! conversation is flagged when its attention is at least [`FLAG_AT`].
//!
//! Every piece of text from the input goes through the template engine's HTML escaping; no
//! JSON is embedded in a script; a Content-Security-Policy allows only the page's own style and
//! script (by hash) and no network at all.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use askama::Template;
use base64::Engine as _;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::findings::{Finding, Outcome, ScoreKind, ScoredConversation, Scores};
use crate::pipeline::Collector;
use crate::redact::Redactor;
use crate::rules::rule;

/// Transcripts embedded by default.
pub const DEFAULT_MAX_CALLS: usize = 500;
/// Attention at or above this flags a conversation.
pub const FLAG_AT: f64 = 50.0;
/// Histogram bins over 0–100.
const BINS: usize = 20;
/// Cells per side of the effort-by-empathy matrix.
const CELLS: usize = 10;
/// Rows of the agent table at most (the agents with most conversations).
const MAX_AGENT_ROWS: usize = 2000;

const STYLE: &str = include_str!("templates/report.css");
const SCRIPT: &str = include_str!("templates/report.js");

/// How much a conversation needs a coach's attention, 0–100: the worst of
/// `100 − empathy`, `100 − sincerity` and `effort`.
pub fn attention(s: &Scores) -> f64 {
    let a = (100.0 - s.empathy).max(100.0 - s.sincerity).max(s.effort);
    if a.is_nan() { 0.0 } else { a.clamp(0.0, 100.0) }
}

/// The sum of the three "badness" values, the tie-breaker between equal attention.
fn badness_sum(s: &Scores) -> f64 {
    let sum = (100.0 - s.empathy) + (100.0 - s.sincerity) + s.effort;
    if sum.is_nan() { 0.0 } else { sum }
}

/// What a highlighted finding means for the coach; decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    /// Informative only.
    Info,
    /// The customer's own sign that the help landed (their thanks), which lowers effort.
    Relief,
    /// An empathy moment: something that went right.
    Good,
    /// Made the customer work harder.
    Effort,
    /// Sounded like a script.
    Script,
    /// A missed chance for empathy.
    Missed,
}

impl Tone {
    fn from_kind(kind: Option<ScoreKind>, weight: f64) -> Tone {
        match kind {
            Some(ScoreKind::Empathy) if weight > 0.0 => Tone::Good,
            Some(ScoreKind::Empathy) => Tone::Missed,
            Some(ScoreKind::Sincerity) => Tone::Script,
            Some(ScoreKind::Effort) if weight < 0.0 => Tone::Relief,
            Some(ScoreKind::Effort) => Tone::Effort,
            None => Tone::Info,
        }
    }

    /// The tone of a rule of the catalogue ([`Tone::Info`] for an unknown id).
    pub fn of_rule(id: &str) -> Tone {
        rule(id).map_or(Tone::Info, |r| Tone::from_kind(r.score, r.weight))
    }

    /// The tone of a finding, from the rule catalogue (or the finding's own score kind for
    /// a rule this version does not know).
    pub fn of(f: &Finding) -> Tone {
        match rule(&f.rule) {
            Some(r) => Tone::from_kind(r.score, r.weight),
            None => Tone::from_kind(f.score, f.weight),
        }
    }

    /// CSS class suffix.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Info => "info",
            Tone::Relief => "relief",
            Tone::Good => "good",
            Tone::Effort => "effort",
            Tone::Script => "script",
            Tone::Missed => "missed",
        }
    }
}

/// Whether a finding's span can be highlighted in `text`: non-empty, inside, on character
/// boundaries.
pub fn placeable(text: &str, f: &Finding) -> bool {
    f.start < f.end
        && f.end <= text.len()
        && text.is_char_boundary(f.start)
        && text.is_char_boundary(f.end)
}

/// A stretch of a turn's text covered by the same set of findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the turn text.
    pub range: Range<usize>,
    /// Positions (in the slice given to [`segments`]) of the findings covering it.
    pub covering: Vec<usize>,
    /// Positions of the findings that end exactly here (where a reference mark goes).
    pub ending: Vec<usize>,
}

/// Cuts `text` at every finding boundary so that overlapping findings can be highlighted
/// without nesting: each segment lists the findings that cover it. Findings that cannot be
/// placed (see [`placeable`]) are ignored here.
pub fn segments(text: &str, findings: &[&Finding]) -> Vec<Segment> {
    let mut cuts: BTreeSet<usize> = BTreeSet::from([0, text.len()]);
    for f in findings.iter().filter(|f| placeable(text, f)) {
        cuts.insert(f.start);
        cuts.insert(f.end);
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let covering = findings
                .iter()
                .enumerate()
                .filter(|(_, f)| placeable(text, f) && f.start <= a && b <= f.end)
                .map(|(i, _)| i)
                .collect();
            let ending = findings
                .iter()
                .enumerate()
                .filter(|(_, f)| placeable(text, f) && f.end == b)
                .map(|(i, _)| i)
                .collect();
            Segment {
                range: a..b,
                covering,
                ending,
            }
        })
        .collect()
}

/// What shapes the report.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Most transcripts embedded in the page.
    pub max_calls: usize,
    /// Masks personal data in everything shown, when set.
    pub redactor: Option<Arc<Redactor>>,
    /// What was read, named on the page.
    pub inputs: Vec<String>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            max_calls: DEFAULT_MAX_CALLS,
            redactor: None,
            inputs: Vec::new(),
        }
    }
}

#[derive(Debug, Default)]
struct RuleTally {
    conversations: u64,
    findings: u64,
    points: f64,
}

#[derive(Debug, Default)]
struct AgentTally {
    name: Option<String>,
    conversations: u64,
    flagged: u64,
    sums: [f64; 3],
    empathy_moments: u64,
    rules: HashMap<String, u64>,
}

/// A retained conversation, ordered by how badly it needs attention.
struct Ranked {
    attention: f64,
    sum: f64,
    seq: u64,
    conv: Box<ScoredConversation>,
}

impl Ranked {
    fn key(&self) -> (f64, f64, Reverse<u64>) {
        (self.attention, self.sum, Reverse(self.seq))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.key(), other.key());
        a.0.total_cmp(&b.0)
            .then(a.1.total_cmp(&b.1))
            .then(a.2.cmp(&b.2))
    }
}

/// A retained sample conversation; the sample keeps the smallest keys (a hash of the
/// conversation's id and source, so the sample does not depend on input order or threads).
struct Sampled {
    key: u64,
    seq: u64,
    conv: Box<ScoredConversation>,
}

impl PartialEq for Sampled {
    fn eq(&self, other: &Self) -> bool {
        (self.key, self.seq) == (other.key, other.seq)
    }
}
impl Eq for Sampled {}
impl PartialOrd for Sampled {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Sampled {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.key, self.seq).cmp(&(other.key, other.seq))
    }
}

/// Builds the HTML report from every outcome of a run (see the module documentation).
pub struct ReportCollector {
    options: ReportOptions,
    seq: u64,
    scored: u64,
    errors: u64,
    unreadable: u64,
    flagged: u64,
    with_turns: u64,
    hist: [[u64; BINS]; 3],
    sums: [f64; 3],
    matrix: [[u64; CELLS]; CELLS],
    rules: BTreeMap<String, RuleTally>,
    agents: HashMap<String, AgentTally>,
    worst: BinaryHeap<Reverse<Ranked>>,
    sample: BinaryHeap<Sampled>,
}

/// The agent a conversation belongs to: `metadata.agent_id`, else the agent's name.
pub fn agent_key(c: &ScoredConversation) -> Option<String> {
    match c.metadata.get("agent_id") {
        Some(Value::String(s)) if !s.is_empty() => return Some(s.clone()),
        Some(Value::Number(n)) => return Some(n.to_string()),
        _ => {}
    }
    c.agent_name.clone().filter(|n| !n.is_empty())
}

fn clamp_score(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 100.0) }
}

fn bin(x: f64, bins: usize) -> usize {
    ((clamp_score(x) / 100.0 * bins as f64) as usize).min(bins - 1)
}

impl ReportCollector {
    /// An empty report.
    pub fn new(options: ReportOptions) -> ReportCollector {
        ReportCollector {
            options,
            seq: 0,
            scored: 0,
            errors: 0,
            unreadable: 0,
            flagged: 0,
            with_turns: 0,
            hist: [[0; BINS]; 3],
            sums: [0.0; 3],
            matrix: [[0; CELLS]; CELLS],
            rules: BTreeMap::new(),
            agents: HashMap::new(),
            worst: BinaryHeap::new(),
            sample: BinaryHeap::new(),
        }
    }

    /// Transcripts kept among the worst flagged: four fifths of the budget, the rest is for
    /// the sample (which also takes what the flagged ones leave unused).
    fn worst_cap(&self) -> usize {
        self.options.max_calls - self.options.max_calls / 5
    }

    /// Counts an input line that was not a result (saved results only).
    pub fn add_unreadable(&mut self) {
        self.unreadable += 1;
    }

    fn add_scored(&mut self, c: &ScoredConversation) {
        self.seq += 1;
        self.scored += 1;
        let s = c.scores;
        let values = [s.empathy, s.sincerity, s.effort];
        for (k, v) in values.iter().enumerate() {
            self.hist[k][bin(*v, BINS)] += 1;
            self.sums[k] += clamp_score(*v);
        }
        self.matrix[bin(s.effort, CELLS)][bin(s.empathy, CELLS)] += 1;
        let att = attention(&s);
        let flagged = att >= FLAG_AT;
        if c.turns.is_some() {
            self.with_turns += 1;
        }

        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for f in &c.findings {
            let t = self.rules.entry(f.rule.clone()).or_default();
            t.findings += 1;
            t.points += if f.weight.is_finite() { f.weight } else { 0.0 };
            if seen.insert(&f.rule) {
                t.conversations += 1;
            }
        }
        let empathy_moment = c.findings.iter().any(|f| Tone::of(f) == Tone::Good);
        let key = agent_key(c).unwrap_or_default();
        let agent = self.agents.entry(key).or_default();
        if agent.name.is_none() {
            agent.name = c.agent_name.clone();
        }
        agent.conversations += 1;
        agent.flagged += u64::from(flagged);
        agent.empathy_moments += u64::from(empathy_moment);
        for (k, v) in values.iter().enumerate() {
            agent.sums[k] += clamp_score(*v);
        }
        for r in &seen {
            *agent.rules.entry((*r).to_string()).or_default() += 1;
        }

        if flagged {
            self.flagged += 1;
            let cap = self.worst_cap();
            let candidate = (att, badness_sum(&s), Reverse(self.seq));
            let better = self.worst.len() < cap
                || self.worst.peek().is_some_and(|Reverse(least)| {
                    let k = least.key();
                    candidate
                        .0
                        .total_cmp(&k.0)
                        .then(candidate.1.total_cmp(&k.1))
                        .then(candidate.2.cmp(&k.2))
                        == Ordering::Greater
                });
            if cap > 0 && better {
                self.worst.push(Reverse(Ranked {
                    attention: att,
                    sum: badness_sum(&s),
                    seq: self.seq,
                    conv: Box::new(c.clone()),
                }));
                if self.worst.len() > cap {
                    self.worst.pop();
                }
            }
        } else {
            let cap = self.options.max_calls;
            let key =
                xxhash_rust::xxh3::xxh3_64(format!("{}\u{0}{}", c.id, c.source.label()).as_bytes());
            let better = self.sample.len() < cap
                || self
                    .sample
                    .peek()
                    .is_some_and(|top| (key, self.seq) < (top.key, top.seq));
            if cap > 0 && better {
                self.sample.push(Sampled {
                    key,
                    seq: self.seq,
                    conv: Box::new(c.clone()),
                });
                if self.sample.len() > cap {
                    self.sample.pop();
                }
            }
        }
    }

    /// Renders the page.
    pub fn finish(self) -> anyhow::Result<String> {
        let page = self.into_page();
        Ok(page.render()?)
    }

    /// The rules that fired, most conversations first.
    fn rule_rows(&self) -> Vec<RuleRow> {
        let mut rows: Vec<RuleRow> = self
            .rules
            .iter()
            .map(|(id, t)| RuleRow {
                id: id.clone(),
                tone: Tone::of_rule(id).name(),
                score: rule(id)
                    .and_then(|r| r.score)
                    .map_or("—", |s| s.as_str())
                    .to_string(),
                conversations: t.conversations,
                conversations_label: fmt_count(t.conversations),
                share: pct_value(t.conversations, self.scored),
                findings_label: fmt_count(t.findings),
                mean_points: if t.conversations > 0 {
                    fmt_points(t.points / t.conversations as f64)
                } else {
                    "0".into()
                },
                description: rule_description(id),
            })
            .collect();
        rows.sort_by(|a, b| {
            b.conversations
                .cmp(&a.conversations)
                .then_with(|| a.id.cmp(&b.id))
        });
        rows
    }

    /// The agent table (most conversations first, at most [`MAX_AGENT_ROWS`]) and a note when
    /// it is cut. `embedded` holds the agents with conversations on the page.
    fn agent_rows(&self, embedded: &BTreeSet<String>) -> (Vec<AgentRow>, Option<String>) {
        let redact = |s: &str| match &self.options.redactor {
            Some(r) => r.redact(s).into_owned(),
            None => s.to_string(),
        };
        let mut list: Vec<(&String, &AgentTally)> = self.agents.iter().collect();
        list.sort_by(|a, b| b.1.conversations.cmp(&a.1.conversations).then(a.0.cmp(b.0)));
        let note = (list.len() > MAX_AGENT_ROWS).then(|| {
            format!(
                "Showing the {} agents with most conversations of {}.",
                fmt_count(MAX_AGENT_ROWS as u64),
                fmt_count(list.len() as u64)
            )
        });
        list.truncate(MAX_AGENT_ROWS);
        let rows = list
            .into_iter()
            .map(|(key, t)| {
                let means = t.sums.map(|sum| sum / t.conversations.max(1) as f64);
                // Top issues: the problem rules that are more common in the agent's
                // conversations than in all of them, most over-represented first. A rule that
                // fires in most calls of everyone (a cool close) says nothing about this agent.
                // (rule, the agent's conversations with it, everyone's, the difference in share)
                let mut top: Vec<(&String, u64, u64, f64)> = t
                    .rules
                    .iter()
                    .filter(|(id, _)| !matches!(Tone::of_rule(id), Tone::Good | Tone::Relief))
                    .map(|(id, &count)| {
                        let all = self.rules.get(id).map_or(0, |r| r.conversations);
                        let lift =
                            pct_value(count, t.conversations) - pct_value(all, self.scored);
                        (id, count, all, lift)
                    })
                    .filter(|(_, _, _, lift)| *lift > 0.0)
                    .collect();
                top.sort_by(|a, b| {
                    b.3.total_cmp(&a.3)
                        .then(b.1.cmp(&a.1))
                        .then(a.0.cmp(b.0))
                });
                AgentRow {
                    key: key.clone(),
                    label: agent_label(key, t.name.as_deref(), &redact),
                    has_calls: embedded.contains(key),
                    conversations: t.conversations,
                    conversations_label: fmt_count(t.conversations),
                    flagged: pct_value(t.flagged, t.conversations),
                    flagged_label: format!("{}%", fmt_pct(t.flagged, t.conversations)),
                    means,
                    mean_labels: means.map(|m| format!("{m:.1}")),
                    mean_classes: [
                        score_class(ScoreKind::Empathy, means[0]),
                        score_class(ScoreKind::Sincerity, means[1]),
                        score_class(ScoreKind::Effort, means[2]),
                    ],
                    empathy_moments: pct_value(t.empathy_moments, t.conversations),
                    empathy_moments_label: format!(
                        "{}%",
                        fmt_pct(t.empathy_moments, t.conversations)
                    ),
                    top_rules: top
                        .into_iter()
                        .take(3)
                        .map(|(id, count, all, _)| Chip {
                            title: format!(
                                "in {} of this agent's {} conversations ({}%; {}% of all conversations): {}",
                                fmt_count(count),
                                fmt_count(t.conversations),
                                fmt_pct(count, t.conversations),
                                fmt_pct(all, self.scored),
                                rule_description(id)
                            ),
                            tone: Tone::of_rule(id).name(),
                            label: format!("{id} ×{}", fmt_count(count)),
                        })
                        .collect(),
                }
            })
            .collect();
        (rows, note)
    }

    /// What the page says about the transcripts it embeds.
    fn calls_note(&self, embedded_worst: usize, embedded_sample: usize) -> String {
        if self.options.max_calls == 0 {
            return "No transcripts are embedded (--report-max-calls 0).".to_string();
        }
        let not_flagged = self.scored - self.flagged;
        let mut note = format!(
            "This page embeds {} of the {} flagged conversations (the worst first) and a sample of {} of the {} not flagged, for comparison. Every count, chart and table above covers all {} conversations.",
            fmt_count(embedded_worst as u64),
            fmt_count(self.flagged),
            fmt_count(embedded_sample as u64),
            fmt_count(not_flagged),
            fmt_count(self.scored),
        );
        if (embedded_worst as u64) < self.flagged || (embedded_sample as u64) < not_flagged {
            note.push_str(&format!(
                " At most {} transcripts are embedded; raise --report-max-calls to embed more.",
                fmt_count(self.options.max_calls as u64)
            ));
        }
        note
    }

    fn into_page(mut self) -> Page {
        let redactor = self.options.redactor.clone();

        // Retained conversations: worst first, then the sample in its hash order; the sample
        // also takes the places the flagged ones left unused.
        let mut worst: Vec<Ranked> = std::mem::take(&mut self.worst)
            .into_iter()
            .map(|Reverse(r)| r)
            .collect();
        worst.sort_by(|a, b| b.cmp(a));
        let mut sample: Vec<Sampled> = std::mem::take(&mut self.sample).into_sorted_vec();
        sample.truncate(self.options.max_calls.saturating_sub(worst.len()));
        let (embedded_worst, embedded_sample) = (worst.len(), sample.len());
        let flagged_calls = worst.into_iter().map(|r| (r.conv, true));
        let sample_calls = sample.into_iter().map(|s| (s.conv, false));
        let mut calls: Vec<CallView> = flagged_calls
            .chain(sample_calls)
            .enumerate()
            .map(|(i, (conv, flagged))| call_view(*conv, i + 1, flagged, redactor.as_deref()))
            .collect();
        unique_anchors(&mut calls);

        let embedded_agents: BTreeSet<String> = calls.iter().map(|c| c.agent_key.clone()).collect();
        let (agents, agents_note) = self.agent_rows(&embedded_agents);
        let filter_agents: Vec<Choice> = calls
            .iter()
            .map(|c| (c.agent_key.clone(), c.agent_label.clone()))
            .collect::<BTreeMap<_, _>>()
            .into_iter()
            .map(|(value, label)| Choice { value, label })
            .collect();
        let filter_rules: Vec<Choice> = calls
            .iter()
            .flat_map(|c| c.rules.iter().cloned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|id| Choice {
                label: id.clone(),
                value: id,
            })
            .collect();

        let means = self.sums.map(|sum| sum / self.scored.max(1) as f64);
        let hists = ["empathy", "sincerity", "effort"]
            .iter()
            .enumerate()
            .map(|(k, name)| histogram(name, &self.hist[k], means[k], self.scored > 0))
            .collect();
        let rule_rows = self.rule_rows();
        let card = |name, k: usize, kind, hint| MeanCard {
            name,
            value: format!("{:.1}", means[k]),
            class: score_class(kind, means[k]),
            hint,
        };

        Page {
            version: env!("CARGO_PKG_VERSION"),
            csp: format!(
                "default-src 'none'; style-src '{}'; script-src '{}'; img-src data:; base-uri 'none'; form-action 'none'",
                csp_hash(STYLE),
                csp_hash(SCRIPT)
            ),
            style: STYLE,
            script: SCRIPT,
            inputs: self.options.inputs.clone(),
            redacted: redactor.is_some(),
            total: fmt_count(self.scored + self.errors),
            scored: fmt_count(self.scored),
            errors: self.errors,
            errors_label: fmt_count(self.errors),
            unreadable: self.unreadable,
            unreadable_label: fmt_count(self.unreadable),
            flagged_label: fmt_count(self.flagged),
            flagged_share: fmt_pct(self.flagged, self.scored),
            flag_at: FLAG_AT,
            mean_cards: [
                card("Empathy", 0, ScoreKind::Empathy, "higher is better"),
                card("Sincerity", 1, ScoreKind::Sincerity, "higher is better"),
                card("Effort", 2, ScoreKind::Effort, "lower is better"),
            ],
            has_scored: self.scored > 0,
            hists,
            rules_chart: rules_chart(&rule_rows, self.scored),
            rule_rows,
            matrix: matrix(&self.matrix),
            has_agents: self.agents.keys().any(|k| !k.is_empty()),
            agents,
            agents_note,
            calls_note: self.calls_note(embedded_worst, embedded_sample),
            calls,
            transcripts_missing: self.scored > 0 && self.with_turns == 0,
            transcripts_partial: self.with_turns > 0 && self.with_turns < self.scored,
            filter_agents,
            filter_rules,
        }
    }
}

impl Collector for ReportCollector {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Scored(c) => self.add_scored(c),
            Outcome::Error(_) => {
                self.seq += 1;
                self.errors += 1;
            }
        }
    }
}

fn rule_description(id: &str) -> String {
    rule(id).map_or_else(
        || "A rule this version of the tool does not know.".to_string(),
        |r| r.description.to_string(),
    )
}

fn agent_label(key: &str, name: Option<&str>, redact: &dyn Fn(&str) -> String) -> String {
    match name {
        _ if key.is_empty() => "(no agent given)".to_string(),
        Some(name) if name != key => format!("{} · {}", redact(key), redact(name)),
        _ => redact(key),
    }
}

/// `'sha256-…'` source expression for a Content-Security-Policy.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// 1234567 → "1,234,567".
pub fn fmt_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A compact count for a small chart cell: 950, 1.2k, 12k, 1.2M.
fn fmt_compact(n: u64) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_949 => format!("{:.1}k", n as f64 / 1e3),
        9_950..=999_499 => format!("{}k", (n + 500) / 1_000),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

fn pct_value(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64 * 100.0
    }
}

fn fmt_pct(part: u64, whole: u64) -> String {
    let p = pct_value(part, whole);
    if p > 0.0 && p < 1.0 {
        "<1".to_string()
    } else {
        format!("{p:.0}")
    }
}

/// Points with an explicit sign and a real minus: "+16", "−4", "+2.5", "0".
pub fn fmt_points(x: f64) -> String {
    let x = (x * 10.0).round() / 10.0;
    if x == 0.0 {
        "0".to_string()
    } else if x > 0.0 {
        format!("+{x}")
    } else {
        format!("−{}", -x)
    }
}

/// Seconds → "m:ss".
pub fn fmt_time(seconds: f64) -> String {
    if !seconds.is_finite() || seconds < 0.0 {
        return String::new();
    }
    let s = seconds.round() as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

fn score_class(kind: ScoreKind, value: f64) -> &'static str {
    let bad = match kind {
        ScoreKind::Effort => value,
        _ => 100.0 - value,
    };
    if bad >= FLAG_AT {
        "bad"
    } else if bad >= 30.0 {
        "mid"
    } else {
        "ok"
    }
}

// ---- view models for the template ----

#[derive(Template)]
#[template(path = "report.html", config = "src/output/templates/askama.toml")]
struct Page {
    version: &'static str,
    csp: String,
    style: &'static str,
    script: &'static str,
    inputs: Vec<String>,
    redacted: bool,
    total: String,
    scored: String,
    errors: u64,
    errors_label: String,
    unreadable: u64,
    unreadable_label: String,
    flagged_label: String,
    flagged_share: String,
    flag_at: f64,
    mean_cards: [MeanCard; 3],
    has_scored: bool,
    hists: Vec<Histogram>,
    rules_chart: BarChart,
    rule_rows: Vec<RuleRow>,
    matrix: Matrix,
    has_agents: bool,
    agents: Vec<AgentRow>,
    agents_note: Option<String>,
    calls: Vec<CallView>,
    calls_note: String,
    transcripts_missing: bool,
    transcripts_partial: bool,
    filter_agents: Vec<Choice>,
    filter_rules: Vec<Choice>,
}

struct MeanCard {
    name: &'static str,
    value: String,
    class: &'static str,
    hint: &'static str,
}

struct Choice {
    value: String,
    label: String,
}

struct Chip {
    /// What the rule means, shown on hover.
    title: String,
    tone: &'static str,
    label: String,
}

struct RuleRow {
    id: String,
    tone: &'static str,
    score: String,
    conversations: u64,
    conversations_label: String,
    share: f64,
    findings_label: String,
    mean_points: String,
    description: String,
}

struct AgentRow {
    key: String,
    label: String,
    has_calls: bool,
    conversations: u64,
    conversations_label: String,
    flagged: f64,
    flagged_label: String,
    means: [f64; 3],
    mean_labels: [String; 3],
    mean_classes: [&'static str; 3],
    empathy_moments: f64,
    empathy_moments_label: String,
    top_rules: Vec<Chip>,
}

struct Bar {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    title: String,
}

struct Histogram {
    id: String,
    name: String,
    class: String,
    bars: Vec<Bar>,
    max_label: String,
    mean_x: f64,
    mean_label: String,
    show_mean: bool,
}

const HIST_X0: f64 = 34.0;
const HIST_X1: f64 = 314.0;
const HIST_Y0: f64 = 14.0;
const HIST_Y1: f64 = 130.0;

fn histogram(name: &str, counts: &[u64; BINS], mean: f64, show_mean: bool) -> Histogram {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let width = (HIST_X1 - HIST_X0) / BINS as f64;
    let step = 100 / BINS;
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let h = count as f64 / max as f64 * (HIST_Y1 - HIST_Y0);
            let lo = i * step;
            let range = if i + 1 == BINS {
                format!("{lo}–100")
            } else {
                format!("{lo}–{}", lo + step)
            };
            Bar {
                x: round2(HIST_X0 + i as f64 * width + 1.0),
                y: round2(HIST_Y1 - h),
                w: round2(width - 2.0),
                h: round2(h),
                title: format!(
                    "{name} {range}: {} conversation{}",
                    fmt_count(count),
                    if count == 1 { "" } else { "s" }
                ),
            }
        })
        .collect();
    Histogram {
        id: format!("hist-{name}"),
        name: name.to_string(),
        class: format!("bar-{name}"),
        bars,
        max_label: fmt_compact(max),
        mean_x: round2(HIST_X0 + clamp_score(mean) / 100.0 * (HIST_X1 - HIST_X0)),
        mean_label: format!("mean {mean:.1}"),
        show_mean,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

struct HBar {
    y: f64,
    text_y: f64,
    w: f64,
    value_x: f64,
    rule: String,
    tone: &'static str,
    value: String,
    title: String,
}

struct BarChart {
    height: f64,
    bars: Vec<HBar>,
}

const RULE_ROW: f64 = 24.0;
const RULE_LABEL_W: f64 = 178.0;
const RULE_BAR_W: f64 = 250.0;

fn rules_chart(rows: &[RuleRow], scored: u64) -> BarChart {
    let max_share = rows.iter().map(|r| r.share).fold(0.0, f64::max).max(1e-9);
    let bars = rows
        .iter()
        .take(20)
        .enumerate()
        .map(|(i, r)| {
            let w = round2((r.share / max_share * RULE_BAR_W).max(1.0));
            HBar {
                y: round2(6.0 + i as f64 * RULE_ROW),
                text_y: round2(6.0 + i as f64 * RULE_ROW + 12.5),
                w,
                value_x: round2(RULE_LABEL_W + w + 6.0),
                rule: r.id.clone(),
                tone: r.tone,
                value: format!(
                    "{}% · {}",
                    fmt_pct(r.conversations, scored),
                    r.conversations_label
                ),
                title: format!(
                    "{}: fires in {} of {} conversations ({} findings)",
                    r.id,
                    r.conversations_label,
                    fmt_count(scored),
                    r.findings_label
                ),
            }
        })
        .collect::<Vec<_>>();
    BarChart {
        height: round2(12.0 + bars.len() as f64 * RULE_ROW),
        bars,
    }
}

struct Cell {
    x: f64,
    y: f64,
    opacity: f64,
    attention: bool,
    label: String,
    text_x: f64,
    text_y: f64,
    dark: bool,
    title: String,
}

struct Matrix {
    cells: Vec<Cell>,
    ticks: Vec<Tick>,
}

struct Tick {
    x: f64,
    y: f64,
    label: String,
}

const CELL: f64 = 30.0;
const MATRIX_X0: f64 = 44.0;
const MATRIX_Y0: f64 = 8.0;

fn matrix(counts: &[[u64; CELLS]; CELLS]) -> Matrix {
    let max = counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    let step = 100 / CELLS;
    let mut cells = Vec::new();
    for (effort_bin, row) in counts.iter().enumerate() {
        for (empathy_bin, &count) in row.iter().enumerate() {
            let x = MATRIX_X0 + empathy_bin as f64 * CELL;
            // Effort grows upwards.
            let y = MATRIX_Y0 + (CELLS - 1 - effort_bin) as f64 * CELL;
            // Square root so that a few conversations still show next to thousands.
            let share = (count as f64 / max as f64).sqrt();
            let opacity = if count == 0 {
                0.0
            } else {
                round2(0.12 + 0.88 * share)
            };
            let elo = empathy_bin * step;
            let flo = effort_bin * step;
            cells.push(Cell {
                x,
                y,
                opacity,
                attention: (elo as f64) < FLAG_AT && (flo as f64) >= FLAG_AT,
                label: if count == 0 {
                    String::new()
                } else {
                    fmt_compact(count)
                },
                text_x: x + CELL / 2.0,
                text_y: y + CELL / 2.0 + 3.5,
                dark: opacity > 0.55,
                title: format!(
                    "empathy {elo}–{}, effort {flo}–{}: {} conversation{}",
                    elo + step,
                    flo + step,
                    fmt_count(count),
                    if count == 1 { "" } else { "s" }
                ),
            });
        }
    }
    let mut ticks = Vec::new();
    for i in (0..=CELLS).step_by(5) {
        let v = i * step;
        ticks.push(Tick {
            x: MATRIX_X0 + i as f64 * CELL,
            y: MATRIX_Y0 + CELLS as f64 * CELL + 14.0,
            label: v.to_string(),
        });
    }
    Matrix { cells, ticks }
}

struct Pill {
    name: &'static str,
    value: String,
    class: &'static str,
}

struct SegmentView {
    text: String,
    class: String,
    title: String,
    refs: Vec<usize>,
    marked: bool,
}

struct NoteView {
    n: usize,
    rule: String,
    tone: &'static str,
    points: String,
    score: String,
    level: String,
    description: String,
    detail: String,
    quote: String,
    turn: String,
    placed: bool,
}

struct TurnViewHtml {
    index: usize,
    role: &'static str,
    speaker: String,
    time: String,
    segments: Vec<SegmentView>,
    notes: Vec<NoteView>,
}

struct Contribution {
    score: &'static str,
    parts: String,
}

struct CallView {
    anchor: String,
    id: String,
    rank: usize,
    flagged: bool,
    agent_key: String,
    agent_label: String,
    rules: Vec<String>,
    rules_attr: String,
    pills: [Pill; 3],
    attention: String,
    reason: String,
    channel: String,
    source: String,
    meta: Vec<(String, String)>,
    chips: Vec<Chip>,
    turns: Option<Vec<TurnViewHtml>>,
    loose: Vec<NoteView>,
    contributions: Vec<Contribution>,
    good_count: usize,
}

fn note_view(n: usize, f: &Finding, placed: bool, turn_label: String) -> NoteView {
    let r = rule(&f.rule);
    NoteView {
        n,
        rule: f.rule.clone(),
        tone: Tone::of(f).name(),
        points: fmt_points(f.weight),
        score: f
            .score
            .or(r.and_then(|r| r.score))
            .map_or("", |s| s.as_str())
            .to_string(),
        level: match f.level {
            Some(2) => "strong".into(),
            Some(1) => "weak".into(),
            _ => String::new(),
        },
        description: rule_description(&f.rule),
        detail: f.detail.clone(),
        quote: f.quote.clone(),
        turn: turn_label,
        placed,
    }
}

fn mark_title(f: &Finding) -> String {
    let r = rule(&f.rule);
    let score = f
        .score
        .or(r.and_then(|r| r.score))
        .map_or("", |s| s.as_str());
    let description = r.map_or("", |r| r.description);
    format!(
        "{} ({} {}): {}",
        f.rule,
        fmt_points(f.weight),
        score,
        description
    )
}

/// Makes every transcript's anchor a valid, unique HTML id: whitespace becomes `_`, and a
/// conversation id met again (two inputs with the same ids) gets `~2`, `~3`… so that its
/// links open it and not the first one.
fn unique_anchors(calls: &mut [CallView]) {
    let mut used: HashSet<String> = HashSet::new();
    for call in calls {
        let base: String = call
            .anchor
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        let mut anchor = base.clone();
        let mut n = 1;
        while !used.insert(anchor.clone()) {
            n += 1;
            anchor = format!("{base}~{n}");
        }
        call.anchor = anchor;
    }
}

fn call_view(
    mut c: ScoredConversation,
    rank: usize,
    flagged: bool,
    redactor: Option<&Redactor>,
) -> CallView {
    if let Some(r) = redactor {
        r.redact_scored(&mut c);
    }
    let s = c.scores;
    let key = agent_key(&c).unwrap_or_default();
    let agent_label = {
        let redact = |t: &str| match redactor {
            Some(r) => r.redact(t).into_owned(),
            None => t.to_string(),
        };
        agent_label(&key, c.agent_name.as_deref(), &redact)
    };
    let att = attention(&s);
    let mut reasons = Vec::new();
    if 100.0 - s.empathy >= FLAG_AT {
        reasons.push(format!("empathy {} ≤ {}", s.empathy, 100.0 - FLAG_AT));
    }
    if 100.0 - s.sincerity >= FLAG_AT {
        reasons.push(format!("sincerity {} ≤ {}", s.sincerity, 100.0 - FLAG_AT));
    }
    if s.effort >= FLAG_AT {
        reasons.push(format!("effort {} ≥ {}", s.effort, FLAG_AT));
    }
    let reason = if reasons.is_empty() {
        "not flagged: shown for comparison".to_string()
    } else {
        format!("flagged: {}", reasons.join(", "))
    };

    let mut rule_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &c.findings {
        *rule_counts.entry(&f.rule).or_default() += 1;
    }
    let mut chips: Vec<Chip> = rule_counts
        .iter()
        .map(|(id, n)| Chip {
            title: rule_description(id),
            tone: Tone::of_rule(id).name(),
            label: if *n > 1 {
                format!("{id} ×{n}")
            } else {
                id.to_string()
            },
        })
        .collect();
    // Problems first, what went well (empathy moments, the customer's thanks) last.
    chips.sort_by_key(|chip| matches!(chip.tone, "good" | "relief"));
    let rules: Vec<String> = rule_counts.keys().map(|s| s.to_string()).collect();

    let mut contributions = Vec::new();
    for (kind, name) in [
        (ScoreKind::Empathy, "empathy"),
        (ScoreKind::Sincerity, "sincerity"),
        (ScoreKind::Effort, "effort"),
    ] {
        let mut by_rule: BTreeMap<&str, f64> = BTreeMap::new();
        for f in &c.findings {
            let k = f.score.or(rule(&f.rule).and_then(|r| r.score));
            if k == Some(kind) && f.weight.is_finite() {
                *by_rule.entry(&f.rule).or_default() += f.weight;
            }
        }
        let parts: Vec<String> = by_rule
            .iter()
            .filter(|(_, p)| **p != 0.0)
            .map(|(id, p)| format!("{id} {}", fmt_points(*p)))
            .collect();
        if !parts.is_empty() {
            contributions.push(Contribution {
                score: name,
                parts: parts.join(", "),
            });
        }
    }

    let mut loose = Vec::new();
    let good_count = c
        .findings
        .iter()
        .filter(|f| Tone::of(f) == Tone::Good)
        .count();
    let mut described: BTreeSet<String> = BTreeSet::new();
    let turns = c.turns.as_ref().map(|turns| {
        turns
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let here = c.findings_on_turn(i);
                let refs: Vec<&Finding> = here.iter().map(|(_, f)| *f).collect();
                let segs = segments(&t.text, &refs)
                    .into_iter()
                    .map(|seg| {
                        let covering: Vec<&Finding> =
                            seg.covering.iter().map(|&k| refs[k]).collect();
                        let top = covering.iter().map(|f| Tone::of(f)).max();
                        let mut class = String::new();
                        if let Some(top) = top {
                            class = format!("hl hl-{}", top.name());
                            if top != Tone::Good
                                && covering.iter().any(|f| Tone::of(f) == Tone::Good)
                            {
                                class.push_str(" also-good");
                            }
                        }
                        SegmentView {
                            text: t
                                .text
                                .get(seg.range.clone())
                                .unwrap_or_default()
                                .to_string(),
                            marked: !covering.is_empty(),
                            class,
                            title: covering
                                .iter()
                                .map(|f| mark_title(f))
                                .collect::<Vec<_>>()
                                .join("\n"),
                            refs: seg.ending.iter().map(|&k| here[k].0 + 1).collect(),
                        }
                    })
                    .collect();
                let notes = here
                    .iter()
                    .map(|(k, f)| {
                        let mut note = note_view(k + 1, f, placeable(&t.text, f), String::new());
                        // What a rule means is said once per conversation; the mark's
                        // tooltip repeats it where needed.
                        if !described.insert(f.rule.clone()) {
                            note.description.clear();
                        }
                        note
                    })
                    .collect();
                TurnViewHtml {
                    index: i,
                    role: t.speaker.as_str(),
                    speaker: t.speaker.as_str().to_string(),
                    time: t.start.map(fmt_time).unwrap_or_default(),
                    segments: segs,
                    notes,
                }
            })
            .collect::<Vec<_>>()
    });
    let turn_count = c.turns.as_ref().map(Vec::len);
    for (k, f) in c.findings.iter().enumerate() {
        if turn_count.is_none_or(|n| f.turn >= n) {
            let mut note = note_view(
                k + 1,
                f,
                false,
                format!("turn {} · {}", f.turn, f.speaker.as_str()),
            );
            if !described.insert(f.rule.clone()) {
                note.description.clear();
            }
            loose.push(note);
        }
    }

    let mut meta = Vec::new();
    for key in ["team", "date"] {
        if let Some(v) = c.metadata.get(key) {
            let text = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            meta.push((key.to_string(), text));
        }
    }

    CallView {
        anchor: format!("call-{}", c.id),
        id: c.id.clone(),
        rank,
        flagged,
        agent_key: key,
        agent_label,
        rules_attr: rules.join(" "),
        rules,
        pills: [
            Pill {
                name: "Empathy",
                value: s.empathy.to_string(),
                class: score_class(ScoreKind::Empathy, s.empathy),
            },
            Pill {
                name: "Sincerity",
                value: s.sincerity.to_string(),
                class: score_class(ScoreKind::Sincerity, s.sincerity),
            },
            Pill {
                name: "Effort",
                value: s.effort.to_string(),
                class: score_class(ScoreKind::Effort, s.effort),
            },
        ],
        attention: format!("{att:.0}"),
        reason,
        channel: c.channel.clone().unwrap_or_default(),
        source: c.source.label(),
        meta,
        chips,
        turns,
        loose,
        contributions,
        good_count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn finding(rule: &str, start: usize, end: usize) -> Finding {
        Finding {
            rule: rule.into(),
            turn: 0,
            speaker: Role::Agent,
            start,
            end,
            quote: String::new(),
            weight: 0.0,
            score: None,
            level: None,
            detail: String::new(),
        }
    }

    fn scored(id: &str, empathy: f64, effort: f64) -> ScoredConversation {
        ScoredConversation {
            id: id.into(),
            source: crate::model::Source::at_line("t.jsonl", 1),
            channel: None,
            agent_name: Some("Dana".into()),
            metadata: serde_json::Map::new(),
            scores: Scores {
                empathy,
                sincerity: 100.0,
                effort,
            },
            metrics: crate::findings::Metrics::default(),
            findings: Vec::new(),
            turns: None,
        }
    }

    fn embedded(collector: ReportCollector) -> Vec<(bool, String)> {
        collector
            .into_page()
            .calls
            .iter()
            .map(|c| (c.flagged, c.id.clone()))
            .collect()
    }

    #[test]
    fn top_issues_are_what_is_more_common_for_the_agent_than_for_everyone() {
        let mut c = ReportCollector::new(ReportOptions::default());
        // A cool close in every call of both agents; Dana alone repeats her requests, and both
        // use canned lines, Dana in one call of two, Sam in both of his.
        let calls = [
            (
                "d1",
                "Dana",
                vec![
                    "closing-sentiment",
                    "repeated-info-request",
                    "canned-phrase",
                ],
            ),
            (
                "d2",
                "Dana",
                vec!["closing-sentiment", "repeated-info-request"],
            ),
            ("s1", "Sam", vec!["closing-sentiment", "canned-phrase"]),
            ("s2", "Sam", vec!["closing-sentiment", "canned-phrase"]),
        ];
        for (id, agent, rules) in calls {
            let mut conv = scored(id, 80.0, 10.0);
            conv.agent_name = Some(agent.into());
            conv.findings = rules.into_iter().map(|r| finding(r, 0, 1)).collect();
            c.add(&Outcome::Scored(Box::new(conv)));
        }
        let page = c.into_page();
        let issues = |agent: &str| -> Vec<String> {
            let row = page.agents.iter().find(|a| a.key == agent).unwrap();
            row.top_rules.iter().map(|ch| ch.label.clone()).collect()
        };
        assert_eq!(issues("Dana"), ["repeated-info-request ×2"]);
        assert_eq!(issues("Sam"), ["canned-phrase ×2"]);
        let row = page.agents.iter().find(|a| a.key == "Dana").unwrap();
        assert!(
            row.top_rules[0].title.starts_with(
                "in 2 of this agent's 2 conversations (100%; 50% of all conversations)"
            ),
            "{}",
            row.top_rules[0].title
        );
    }

    #[test]
    fn the_budget_goes_to_the_worst_then_to_the_sample() {
        let options = ReportOptions {
            max_calls: 5,
            ..ReportOptions::default()
        };
        // Three flagged (effort 60, 80, 70) among ten quiet ones.
        let mut c = ReportCollector::new(options.clone());
        for (i, effort) in [60.0, 0.0, 80.0, 0.0, 70.0].iter().enumerate() {
            c.add(&Outcome::Scored(Box::new(scored(
                &format!("a{i}"),
                80.0,
                *effort,
            ))));
        }
        for i in 0..8 {
            c.add(&Outcome::Scored(Box::new(scored(
                &format!("q{i}"),
                80.0,
                0.0,
            ))));
        }
        let calls = embedded(c);
        assert_eq!(calls.len(), 5);
        let worst: Vec<&str> = calls
            .iter()
            .filter(|(f, _)| *f)
            .map(|(_, id)| id.as_str())
            .collect();
        assert_eq!(worst, ["a2", "a4", "a0"]);
        assert_eq!(calls.iter().filter(|(f, _)| !*f).count(), 2);

        // More flagged than four fifths of the budget: the four worst, one sample.
        let mut c = ReportCollector::new(options);
        for i in 0..10 {
            c.add(&Outcome::Scored(Box::new(scored(
                &format!("f{i}"),
                80.0,
                50.0 + i as f64,
            ))));
        }
        c.add(&Outcome::Scored(Box::new(scored("quiet", 80.0, 0.0))));
        let calls = embedded(c);
        let ids: Vec<&str> = calls.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["f9", "f8", "f7", "f6", "quiet"]);
    }

    #[test]
    fn the_sample_does_not_depend_on_input_order() {
        let options = ReportOptions {
            max_calls: 4,
            ..ReportOptions::default()
        };
        let ids: Vec<String> = (0..50).map(|i| format!("c{i}")).collect();
        let mut forward = ReportCollector::new(options.clone());
        for id in &ids {
            forward.add(&Outcome::Scored(Box::new(scored(id, 80.0, 0.0))));
        }
        let mut backward = ReportCollector::new(options);
        for id in ids.iter().rev() {
            backward.add(&Outcome::Scored(Box::new(scored(id, 80.0, 0.0))));
        }
        let (a, b) = (embedded(forward), embedded(backward));
        assert_eq!(a.len(), 4);
        assert_eq!(a, b);
    }

    #[test]
    fn attention_is_the_worst_of_the_three() {
        let s = |e, si, ef| Scores {
            empathy: e,
            sincerity: si,
            effort: ef,
        };
        assert_eq!(attention(&s(70.0, 96.0, 10.0)), 30.0);
        assert_eq!(attention(&s(25.0, 96.0, 10.0)), 75.0);
        assert_eq!(attention(&s(90.0, 40.0, 10.0)), 60.0);
        assert_eq!(attention(&s(90.0, 96.0, 68.0)), 68.0);
        assert_eq!(attention(&s(f64::NAN, f64::NAN, f64::NAN)), 0.0);
    }

    #[test]
    fn overlapping_findings_split_into_segments() {
        // "I understand your frustration, Ravi." with three overlapping findings.
        let text = "I understand your frustration, Ravi. Ok";
        let a = finding("empathy-interpretation", 0, 12);
        let b = finding("canned-phrase", 0, 29);
        let c = finding("generic-empathy", 0, 36);
        let segs = segments(text, &[&a, &b, &c]);
        let ranges: Vec<Range<usize>> = segs.iter().map(|s| s.range.clone()).collect();
        assert_eq!(ranges, vec![0..12, 12..29, 29..36, 36..text.len()]);
        assert_eq!(segs[0].covering, vec![0, 1, 2]);
        assert_eq!(segs[0].ending, vec![0]);
        assert_eq!(segs[1].covering, vec![1, 2]);
        assert_eq!(segs[2].covering, vec![2]);
        assert!(segs[3].covering.is_empty());
        // The segments tile the text exactly.
        let joined: String = segs.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn unplaceable_findings_are_not_highlighted() {
        let text = "héllo";
        // 2 is inside "é"; 99 is past the end; 3..3 is empty.
        let bad = [
            finding("hold", 2, 4),
            finding("hold", 0, 99),
            finding("hold", 3, 3),
        ];
        let refs: Vec<&Finding> = bad.iter().collect();
        let segs = segments(text, &refs);
        assert_eq!(segs.len(), 1);
        assert!(segs[0].covering.is_empty());
    }

    #[test]
    fn tones_follow_the_catalogue() {
        assert_eq!(Tone::of(&finding("empathy-reaction", 0, 1)), Tone::Good);
        assert_eq!(Tone::of(&finding("missed-empathy", 0, 1)), Tone::Missed);
        assert_eq!(Tone::of(&finding("canned-phrase", 0, 1)), Tone::Script);
        assert_eq!(Tone::of(&finding("transfer", 0, 1)), Tone::Effort);
        // Points off effort are not a problem for the coach.
        assert_eq!(Tone::of(&finding("customer-thanks", 0, 1)), Tone::Relief);
        assert_eq!(Tone::of(&finding("no-such-rule", 0, 1)), Tone::Info);
    }

    #[test]
    fn number_formats() {
        assert_eq!(fmt_count(0), "0");
        assert_eq!(fmt_count(999), "999");
        assert_eq!(fmt_count(1000), "1,000");
        assert_eq!(fmt_count(1234567), "1,234,567");
        assert_eq!(fmt_compact(12_345), "12k");
        assert_eq!(fmt_compact(9_949), "9.9k");
        assert_eq!(fmt_compact(9_990), "10k");
        assert_eq!(fmt_compact(999_499), "999k");
        assert_eq!(fmt_compact(999_500), "1.0M");
        assert_eq!(fmt_points(-4.0), "−4");
        assert_eq!(fmt_points(2.5), "+2.5");
        assert_eq!(fmt_time(75.4), "1:15");
    }
}
