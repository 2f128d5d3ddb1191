//! Counting lines ([`Tally`]), grouping and pruning them into a [`ScriptModel`], and the
//! model file.
//!
//! The file is one line of JSON, keys sorted:
//!
//! ```json
//! {"agent_sentences":812,"conversations":100,"format":"sincerity-scripts",
//!  "lines":[{"agents":["01c3…"],"anonymous":0,"conversations":57,"group":"9e1f…",
//!            "hash":"0a44…","occurrences":60,"text":"thank you for calling acme"}],
//!  "min_conversations":2,"version":1}
//! ```
//!
//! `hash` is the xxh3-64 of `text`; `group` is the hash of the group's text and is left out
//! when it is the line itself; `agents` are the smallest xxh3-64 hashes of the agents' ids
//! (at most [`AGENTS_KEPT`]); `anonymous` counts conversations without an agent id and is
//! left out when 0. Lines are sorted by hash.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use xxhash_rust::xxh3::xxh3_64;

use crate::analyse::Analysis;
use crate::scripts::normalise::agent_lines;
use crate::scripts::similar::{self, BANDS, WINDOW, band_keys};

/// Name of the file format, checked on reading.
pub const FORMAT: &str = "sincerity-scripts";
/// Version of the file format and of the normalisation; models of another version are
/// refused, since their lines would not match.
pub const VERSION: u32 = 1;
/// How many agent hashes a line keeps: counts are exact up to this many agents.
pub const AGENTS_KEPT: usize = 32;

/// The agents who say a line: the smallest [`AGENTS_KEPT`] hashes of their ids, sorted.
/// Union keeps the smallest of both, so shards add up exactly (a k-minimum-values sketch).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agents(Vec<u64>);

impl Agents {
    /// Adds one agent hash.
    pub fn insert(&mut self, hash: u64) {
        if let Err(at) = self.0.binary_search(&hash)
            && at < AGENTS_KEPT
        {
            self.0.insert(at, hash);
            self.0.truncate(AGENTS_KEPT);
        }
    }

    /// Adds every agent of `other`.
    pub fn union(&mut self, other: &Agents) {
        if other.0.is_empty() {
            return;
        }
        let mut all: Vec<u64> = Vec::with_capacity(self.0.len() + other.0.len());
        all.extend_from_slice(&self.0);
        all.extend_from_slice(&other.0);
        all.sort_unstable();
        all.dedup();
        all.truncate(AGENTS_KEPT);
        self.0 = all;
    }

    /// Whether the count is exact (fewer agents than the sketch keeps).
    pub fn is_exact(&self) -> bool {
        self.0.len() < AGENTS_KEPT
    }

    /// The number of distinct agents: exact below [`AGENTS_KEPT`], else the k-minimum-values
    /// estimate (k − 1) / (k-th smallest hash / 2⁶⁴).
    pub fn count(&self) -> u64 {
        match self.0.last() {
            Some(&kth) if !self.is_exact() => {
                let fraction = (kth as f64 + 1.0) / 2f64.powi(64);
                (((AGENTS_KEPT - 1) as f64 / fraction).round() as u64).max(AGENTS_KEPT as u64)
            }
            _ => self.0.len() as u64,
        }
    }

    /// The hashes kept.
    pub fn hashes(&self) -> &[u64] {
        &self.0
    }
}

/// The counts of one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineStats {
    /// The line in normal form.
    pub text: String,
    /// Conversations that say it (once each).
    pub conversations: u64,
    /// Times it is said.
    pub occurrences: u64,
    /// Agents who say it.
    pub agents: Agents,
    /// Conversations that say it and name no agent.
    pub anonymous: u64,
}

impl LineStats {
    fn absorb(&mut self, other: LineStats) {
        // Two texts with one 64-bit hash: keep the smaller, whichever came first.
        if other.text < self.text {
            self.text = other.text;
        }
        self.conversations += other.conversations;
        self.occurrences += other.occurrences;
        self.agents.union(&other.agents);
        self.anonymous += other.anonymous;
    }
}

/// Counts of lines over the conversations seen so far: what learning accumulates and what
/// merging adds up. Adding is commutative and associative, so any split of the corpus, in
/// any order, on any number of threads, gives the same tally.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Counts by line hash.
    pub lines: HashMap<u64, LineStats>,
    /// Conversations seen.
    pub conversations: u64,
    /// Agent sentences that were lines.
    pub agent_sentences: u64,
    /// Whether some input was a pruned model, so that counts may fall short.
    pub lossy: bool,
}

/// The agent's identity: `metadata.agent_id`, else `agent_name`.
pub fn agent_identity(analysis: &Analysis) -> Option<String> {
    let conversation = analysis.conversation;
    match conversation.metadata.get("agent_id") {
        Some(Value::String(s)) if !s.trim().is_empty() => return Some(s.trim().to_string()),
        Some(Value::Number(n)) => return Some(n.to_string()),
        _ => {}
    }
    conversation
        .agent_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

impl Tally {
    /// Counts the lines of one analysed conversation.
    pub fn add(&mut self, analysis: &Analysis) {
        let agent = agent_identity(analysis).map(|a| xxh3_64(a.as_bytes()));
        let mut seen: HashMap<u64, (String, u64)> = HashMap::new();
        for line in agent_lines(analysis) {
            let hash = xxh3_64(line.text.as_bytes());
            seen.entry(hash).or_insert_with(|| (line.text, 0)).1 += 1;
            self.agent_sentences += 1;
        }
        self.conversations += 1;
        for (hash, (text, times)) in seen {
            let mut agents = Agents::default();
            if let Some(a) = agent {
                agents.insert(a);
            }
            let stats = LineStats {
                text,
                conversations: 1,
                occurrences: times,
                agents,
                anonymous: u64::from(agent.is_none()),
            };
            self.add_line(hash, stats);
        }
    }

    fn add_line(&mut self, hash: u64, stats: LineStats) {
        match self.lines.entry(hash) {
            std::collections::hash_map::Entry::Occupied(mut e) => e.get_mut().absorb(stats),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(stats);
            }
        }
    }

    /// Adds another tally to this one.
    pub fn absorb(mut self, mut other: Tally) -> Tally {
        if other.lines.len() > self.lines.len() {
            std::mem::swap(&mut self.lines, &mut other.lines);
        }
        for (hash, stats) in other.lines {
            self.add_line(hash, stats);
        }
        self.conversations += other.conversations;
        self.agent_sentences += other.agent_sentences;
        self.lossy |= other.lossy;
        self
    }

    /// The counts of a saved model (its grouping is recomputed when the tally is saved).
    pub fn from_model(model: &ScriptModel) -> Tally {
        Tally {
            lines: model
                .lines
                .iter()
                .map(|l| (l.hash, l.stats.clone()))
                .collect(),
            conversations: model.conversations,
            agent_sentences: model.agent_sentences,
            lossy: model.min_conversations > 1,
        }
    }

    /// Groups near-identical lines and drops the groups said in fewer than
    /// `min_conversations` conversations.
    pub fn into_model(self, min_conversations: u64) -> ScriptModel {
        let mut entries: Vec<(u64, LineStats)> = self.lines.into_iter().collect();
        entries.sort_unstable_by_key(|(hash, _)| *hash);
        let roots = group(&entries);

        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, &root) in roots.iter().enumerate() {
            members.entry(root).or_default().push(i);
        }
        let mut keep = vec![false; entries.len()];
        let mut representative = vec![0usize; entries.len()];
        for list in members.values() {
            let total: u64 = list.iter().map(|&i| entries[i].1.conversations).sum();
            if total < min_conversations.max(1) {
                continue;
            }
            // The group's text: its line said in most conversations, ties to the smallest hash
            // (members are in hash order).
            let rep = list.iter().copied().fold(list[0], |best, i| {
                if entries[i].1.conversations > entries[best].1.conversations {
                    i
                } else {
                    best
                }
            });
            for &i in list {
                keep[i] = true;
                representative[i] = rep;
            }
        }
        let group_hashes: Vec<u64> = representative.iter().map(|&r| entries[r].0).collect();
        let lines = entries
            .into_iter()
            .enumerate()
            .filter(|(i, _)| keep[*i])
            .map(|(i, (hash, stats))| (hash, group_hashes[i], stats))
            .collect();
        ScriptModel::build(
            lines,
            self.conversations,
            self.agent_sentences,
            min_conversations.max(1),
        )
    }
}

/// The group of each line of `entries` (sorted by hash), as the index of its centre line.
///
/// Lines are visited from the most to the least said (conversations, then hash). A line
/// joins the first-visited centre that shares one of its band keys (among the first
/// [`WINDOW`] centres of each bucket) and is near-identical to it; otherwise it becomes a
/// centre. Every variant is thus near-identical to its group's text — groups cannot drift
/// through chains of small changes — and the groups depend only on the lines and their
/// counts.
fn group(entries: &[(u64, LineStats)]) -> Vec<usize> {
    let (words, keys): (Vec<Vec<u64>>, Vec<[u64; BANDS]>) = entries
        .par_iter()
        .map(|(_, s)| {
            let words = similar::word_hashes(&s.text);
            let keys = band_keys(&words);
            (words, keys)
        })
        .unzip();
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        entries[b]
            .1
            .conversations
            .cmp(&entries[a].1.conversations)
            .then(entries[a].0.cmp(&entries[b].0))
    });
    let mut rank = vec![0usize; entries.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut centre = vec![usize::MAX; entries.len()];
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut candidates: Vec<usize> = Vec::new();
    for &i in &order {
        candidates.clear();
        for key in &keys[i] {
            if let Some(list) = buckets.get(key) {
                candidates.extend(list.iter().take(WINDOW));
            }
        }
        candidates.sort_unstable_by_key(|&c| rank[c]);
        candidates.dedup();
        match candidates
            .iter()
            .find(|&&c| similar::similar_words(&words[i], &words[c]))
        {
            Some(&c) => centre[i] = c,
            None => {
                centre[i] = i;
                for key in &keys[i] {
                    buckets.entry(*key).or_default().push(i);
                }
            }
        }
    }
    centre
}

/// One line of a model.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelLine {
    /// xxh3-64 of the text.
    pub hash: u64,
    /// Its counts.
    pub stats: LineStats,
    /// Index of its group in [`ScriptModel::groups`].
    pub group: usize,
}

/// A group of near-identical lines, with the counts of all its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Hash of the representative line.
    pub hash: u64,
    /// Text of the representative line (the variant said in most conversations).
    pub text: String,
    /// Conversations that say one of its lines (a conversation saying two variants counts twice).
    pub conversations: u64,
    /// Times its lines are said.
    pub occurrences: u64,
    /// Distinct agents who say its lines, plus conversations naming no agent.
    pub agents: u64,
    /// Whether `agents` is exact rather than estimated.
    pub agents_exact: bool,
    /// Number of variants.
    pub variants: usize,
}

/// A learned script model: lines, their groups and counts, and indices to look lines up.
#[derive(Debug)]
pub struct ScriptModel {
    /// Lines, sorted by hash.
    pub lines: Vec<ModelLine>,
    /// Groups, sorted by hash.
    pub groups: Vec<Group>,
    /// Conversations learned from.
    pub conversations: u64,
    /// Agent sentences that were lines.
    pub agent_sentences: u64,
    /// Groups said in fewer conversations were dropped when the model was saved.
    pub min_conversations: u64,
    /// Line hash → index in `lines`. The keys are xxh3 hashes already: Fx hashing of them is
    /// enough, and cheaper than the default SipHash in a look-up for every agent sentence.
    by_hash: FxHashMap<u64, usize>,
    index: OnceLock<BandIndex>,
    /// For each group, the detail of a `script-line` finding for a line found in it as a
    /// variant and verbatim, written the first time it is needed: the same groups are found
    /// in most conversations.
    details: Vec<[OnceLock<String>; 2]>,
}

impl PartialEq for ScriptModel {
    fn eq(&self, other: &Self) -> bool {
        self.lines == other.lines
            && self.conversations == other.conversations
            && self.agent_sentences == other.agent_sentences
            && self.min_conversations == other.min_conversations
    }
}

/// Lines of a band bucket kept for look-ups; the largest groups first.
const BUCKET_KEPT: usize = 16;

/// Band keys of the lines of the script groups under given thresholds, to find the variants
/// of a line that the model does not hold verbatim. Only script groups are indexed, so the
/// index is small and a line that is no script costs little.
#[derive(Debug)]
struct BandIndex {
    thresholds: (u64, u64),
    /// Band key → indices of lines (keys are hashes: Fx hashing, as for `by_hash`).
    bands: FxHashMap<u64, Vec<usize>>,
    /// Word hashes of every line (empty for lines not indexed).
    words: Vec<Vec<u64>>,
}

impl BandIndex {
    fn new(model: &ScriptModel, min_conversations: u64, min_agents: u64) -> BandIndex {
        let mut bands: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut words = vec![Vec::new(); model.lines.len()];
        for (i, line) in model.lines.iter().enumerate() {
            let group = &model.groups[line.group];
            if group.conversations < min_conversations || group.agents < min_agents {
                continue;
            }
            words[i] = similar::word_hashes(&line.stats.text);
            for key in band_keys(&words[i]) {
                bands.entry(key).or_default().push(i);
            }
        }
        for list in bands.values_mut() {
            if list.len() > BUCKET_KEPT {
                list.sort_by(|&a, &b| {
                    let (ga, gb) = (
                        &model.groups[model.lines[a].group],
                        &model.groups[model.lines[b].group],
                    );
                    gb.conversations
                        .cmp(&ga.conversations)
                        .then(model.lines[a].hash.cmp(&model.lines[b].hash))
                });
                list.truncate(BUCKET_KEPT);
            }
        }
        BandIndex {
            thresholds: (min_conversations, min_agents),
            bands,
            words,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLine {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    agents: Vec<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    anonymous: u64,
    conversations: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    hash: String,
    occurrences: u64,
    text: String,
}

// Fields in alphabetical order: serde writes them in declaration order.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    agent_sentences: u64,
    conversations: u64,
    format: String,
    lines: Vec<FileLine>,
    min_conversations: u64,
    version: u32,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn hex(hash: u64) -> String {
    format!("{hash:016x}")
}

fn parse_hex(s: &str) -> anyhow::Result<u64> {
    if s.len() != 16 {
        anyhow::bail!("hash '{s}' is not 16 hex digits");
    }
    u64::from_str_radix(s, 16).map_err(|_| anyhow::anyhow!("hash '{s}' is not 16 hex digits"))
}

impl ScriptModel {
    fn build(
        lines: Vec<(u64, u64, LineStats)>,
        conversations: u64,
        agent_sentences: u64,
        min_conversations: u64,
    ) -> ScriptModel {
        let mut group_index: HashMap<u64, usize> = HashMap::new();
        let mut group_hashes: Vec<u64> = lines.iter().map(|(_, g, _)| *g).collect();
        group_hashes.sort_unstable();
        group_hashes.dedup();
        for (i, g) in group_hashes.iter().enumerate() {
            group_index.insert(*g, i);
        }
        let mut groups: Vec<Group> = group_hashes
            .iter()
            .map(|&hash| Group {
                hash,
                text: String::new(),
                conversations: 0,
                occurrences: 0,
                agents: 0,
                agents_exact: true,
                variants: 0,
            })
            .collect();
        let mut agents: Vec<(Agents, u64)> = vec![(Agents::default(), 0); groups.len()];
        let mut model_lines = Vec::with_capacity(lines.len());
        for (hash, group_hash, stats) in lines {
            let g = group_index[&group_hash];
            let group = &mut groups[g];
            if hash == group_hash {
                group.text = stats.text.clone();
            }
            group.conversations += stats.conversations;
            group.occurrences += stats.occurrences;
            group.variants += 1;
            agents[g].0.union(&stats.agents);
            agents[g].1 += stats.anonymous;
            model_lines.push(ModelLine {
                hash,
                stats,
                group: g,
            });
        }
        for (group, (sketch, anonymous)) in groups.iter_mut().zip(&agents) {
            group.agents = sketch.count() + anonymous;
            group.agents_exact = sketch.is_exact();
        }
        let by_hash = model_lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.hash, i))
            .collect();
        ScriptModel {
            lines: model_lines,
            details: groups.iter().map(|_| Default::default()).collect(),
            groups,
            conversations,
            agent_sentences,
            min_conversations,
            by_hash,
            index: OnceLock::new(),
        }
    }

    /// Writes the model as one line of JSON with sorted keys, followed by a newline.
    pub fn write(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let file = File {
            agent_sentences: self.agent_sentences,
            conversations: self.conversations,
            format: FORMAT.to_string(),
            lines: self
                .lines
                .iter()
                .map(|l| {
                    let group = self.groups[l.group].hash;
                    FileLine {
                        agents: l.stats.agents.hashes().iter().map(|&h| hex(h)).collect(),
                        anonymous: l.stats.anonymous,
                        conversations: l.stats.conversations,
                        group: (group != l.hash).then(|| hex(group)),
                        hash: hex(l.hash),
                        occurrences: l.stats.occurrences,
                        text: l.stats.text.clone(),
                    }
                })
                .collect(),
            min_conversations: self.min_conversations,
            version: VERSION,
        };
        serde_json::to_writer(&mut *out, &file)?;
        out.write_all(b"\n")?;
        Ok(())
    }

    /// The model as the bytes [`ScriptModel::write`] writes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        // Writing to memory fails only on serialisation, which these types cannot fail.
        let _ = self.write(&mut out);
        out
    }

    /// Reads a model from the JSON of one model file (or one line of several).
    pub fn from_json(bytes: &[u8]) -> anyhow::Result<ScriptModel> {
        let file: File = serde_json::from_slice(bytes)
            .map_err(|e| anyhow::anyhow!("not a script model: {e}"))?;
        if file.format != FORMAT {
            anyhow::bail!("not a script model (format '{}')", file.format);
        }
        if file.version != VERSION {
            anyhow::bail!(
                "script model version {} is not supported (this version reads {VERSION}); learn it again",
                file.version
            );
        }
        let mut lines = Vec::with_capacity(file.lines.len());
        for line in file.lines {
            let hash = parse_hex(&line.hash)?;
            if xxh3_64(line.text.as_bytes()) != hash {
                anyhow::bail!("line {} does not hash to its text", line.hash);
            }
            let group = line.group.as_deref().map(parse_hex).transpose()?;
            let mut agents = Vec::with_capacity(line.agents.len());
            for a in &line.agents {
                agents.push(parse_hex(a)?);
            }
            agents.sort_unstable();
            agents.dedup();
            agents.truncate(AGENTS_KEPT);
            lines.push((
                hash,
                group.unwrap_or(hash),
                LineStats {
                    text: line.text,
                    conversations: line.conversations,
                    occurrences: line.occurrences,
                    agents: Agents(agents),
                    anonymous: line.anonymous,
                },
            ));
        }
        lines.sort_by_key(|(hash, _, _)| *hash);
        if lines.windows(2).any(|w| w[0].0 == w[1].0) {
            anyhow::bail!("the script model lists a line twice");
        }
        // Every group is named after a line of its own that heads it.
        let heads: std::collections::HashSet<u64> = lines
            .iter()
            .filter(|(h, g, _)| h == g)
            .map(|(h, _, _)| *h)
            .collect();
        if let Some((_, g, _)) = lines.iter().find(|(_, g, _)| !heads.contains(g)) {
            anyhow::bail!("group {} is not headed by a line of its own", hex(*g));
        }
        Ok(ScriptModel::build(
            lines,
            file.conversations,
            file.agent_sentences,
            file.min_conversations,
        ))
    }

    /// Reads every model in a file: one model per line (a file written by `learn` or `merge`
    /// holds one).
    pub fn read_all(bytes: &[u8], name: &str) -> anyhow::Result<Vec<ScriptModel>> {
        // A single model may have been reformatted over several lines.
        if let Ok(model) = ScriptModel::from_json(bytes) {
            return Ok(vec![model]);
        }
        let mut models = Vec::new();
        for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            models.push(
                ScriptModel::from_json(line)
                    .map_err(|e| anyhow::anyhow!("{name}:{}: {e}", n + 1))?,
            );
        }
        Ok(models)
    }

    /// Loads the single model of a file.
    pub fn load(path: &Path) -> anyhow::Result<ScriptModel> {
        let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let name = path.display().to_string();
        let mut models = ScriptModel::read_all(&bytes, &name)?;
        match models.len() {
            1 => Ok(models.remove(0)),
            0 => anyhow::bail!("{name}: no script model in the file"),
            n => anyhow::bail!("{name}: {n} script models in one file; merge them first"),
        }
    }

    /// The script group of a line: a group said in at least `min_conversations`
    /// conversations by at least `min_agents` agents that holds the line itself or a
    /// near-identical variant of it. Returns the group and whether the line was in it
    /// verbatim (in normal form); among several near-identical groups, the most said.
    pub fn lookup(
        &self,
        text: &str,
        min_conversations: u64,
        min_agents: u64,
    ) -> Option<(&Group, bool)> {
        self.lookup_index(text, min_conversations, min_agents)
            .map(|(group, exact)| (&self.groups[group], exact))
    }

    /// As [`ScriptModel::lookup`], with the index of the group in [`ScriptModel::groups`].
    pub fn lookup_index(
        &self,
        text: &str,
        min_conversations: u64,
        min_agents: u64,
    ) -> Option<(usize, bool)> {
        let qualifies = |g: &Group| g.conversations >= min_conversations && g.agents >= min_agents;
        if let Some(&i) = self.by_hash.get(&xxh3_64(text.as_bytes()))
            && self.lines[i].stats.text == text
        {
            let group = self.lines[i].group;
            return qualifies(&self.groups[group]).then_some((group, true));
        }
        let thresholds = (min_conversations, min_agents);
        let index = self
            .index
            .get_or_init(|| BandIndex::new(self, min_conversations, min_agents));
        let found = if index.thresholds == thresholds {
            self.fuzzy(index, text)
        } else {
            // Another policy than the one the index was built for: not in a scoring run.
            self.fuzzy(&BandIndex::new(self, min_conversations, min_agents), text)
        };
        found.map(|g| (g, false))
    }

    /// What a `script-line` finding says of a line found in the group of index `group`,
    /// verbatim (`exact`) or as a variant: how widely the group is said, and the line a variant
    /// varies.
    pub fn script_line_detail(&self, group: usize, exact: bool) -> &str {
        self.details[group][usize::from(exact)].get_or_init(|| {
            let group = &self.groups[group];
            let agents = if group.agents_exact {
                group.agents.to_string()
            } else {
                format!("about {}", group.agents)
            };
            let variant = if exact {
                String::new()
            } else {
                format!(", a variant of \"{}\"", group.text)
            };
            format!(
                "script line said in {} of {} conversations by {agents} agents{variant}",
                group.conversations, self.conversations,
            )
        })
    }

    /// The group index of the most said qualifying group holding a near-identical variant of
    /// `text`.
    fn fuzzy(&self, index: &BandIndex, text: &str) -> Option<usize> {
        if index.bands.is_empty() {
            return None;
        }
        let words = similar::word_hashes(text);
        let mut candidates: Vec<usize> = band_keys(&words)
            .iter()
            .filter_map(|k| index.bands.get(k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter(|&i| similar::similar_words(&words, &index.words[i]))
            .map(|i| self.lines[i].group)
            .max_by(|&a, &b| {
                let (a, b) = (&self.groups[a], &self.groups[b]);
                a.conversations
                    .cmp(&b.conversations)
                    .then(b.hash.cmp(&a.hash))
            })
    }

    /// Groups from the most to the least widely said: by conversations, then agents, then
    /// hash.
    pub fn top_groups(&self) -> Vec<&Group> {
        let mut groups: Vec<&Group> = self.groups.iter().collect();
        groups.sort_by(|a, b| {
            b.conversations
                .cmp(&a.conversations)
                .then(b.agents.cmp(&a.agents))
                .then(a.hash.cmp(&b.hash))
        });
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_count_exactly_then_estimate() {
        let mut a = Agents::default();
        for i in 0..10u64 {
            a.insert(xxh3_64(&i.to_le_bytes()));
            a.insert(xxh3_64(&i.to_le_bytes()));
        }
        assert_eq!(a.count(), 10);
        assert!(a.is_exact());
        let mut big = Agents::default();
        for i in 0..5000u64 {
            big.insert(xxh3_64(&i.to_le_bytes()));
        }
        assert!(!big.is_exact());
        let estimate = big.count() as f64;
        // The k-minimum-values estimate with k = 32 has a relative error near 1/sqrt(30).
        assert!((estimate - 5000.0).abs() < 5000.0 * 0.6, "{estimate}");
    }

    #[test]
    fn agents_union_equals_inserting_all() {
        let hashes: Vec<u64> = (0..200u64).map(|i| xxh3_64(&i.to_be_bytes())).collect();
        let mut whole = Agents::default();
        hashes.iter().for_each(|&h| whole.insert(h));
        let mut left = Agents::default();
        let mut right = Agents::default();
        hashes[..70].iter().for_each(|&h| left.insert(h));
        hashes[50..].iter().for_each(|&h| right.insert(h));
        left.union(&right);
        assert_eq!(left, whole);
    }

    fn stats(text: &str, conversations: u64) -> (u64, LineStats) {
        (
            xxh3_64(text.as_bytes()),
            LineStats {
                text: text.into(),
                conversations,
                occurrences: conversations,
                agents: Agents::default(),
                anonymous: conversations,
            },
        )
    }

    /// The model of ten conversations that say each line in as many conversations as given,
    /// keeping the groups said in two or more.
    fn model_of_ten_conversations(lines: &[(&str, u64)]) -> ScriptModel {
        Tally {
            lines: lines.iter().map(|&(text, n)| stats(text, n)).collect(),
            conversations: 10,
            agent_sentences: 10,
            lossy: false,
        }
        .into_model(2)
    }

    #[test]
    fn variants_group_and_small_groups_are_pruned() {
        let model = model_of_ten_conversations(&[
            ("thank you for calling acme how can i help you", 5),
            ("thank you for calling acme how may i help you", 2),
            ("your refund of <num> is on its way to you", 1),
            ("i have reset the router on my side now", 1),
            ("i have reset the router on our side now", 1),
        ]);
        assert_eq!(model.lines.len(), 4, "the lone refund line is pruned");
        let top = model.top_groups();
        assert_eq!(top.len(), 2);
        assert_eq!(top[0].text, "thank you for calling acme how can i help you");
        assert_eq!(
            (top[0].conversations, top[0].variants, top[0].agents),
            (7, 2, 7)
        );
        assert_eq!((top[1].conversations, top[1].variants), (2, 2));
        let (g, exact) = model
            .lookup("thank you for calling acme how may i help you", 2, 0)
            .unwrap();
        assert!(exact);
        assert_eq!(g.conversations, 7);
        let (g, exact) = model
            .lookup(
                "thank you so much for calling acme how can i help you",
                2,
                0,
            )
            .unwrap();
        assert!(!exact);
        assert_eq!(g.conversations, 7);
        assert!(
            model
                .lookup("your refund of <num> is on its way to you", 0, 0)
                .is_none()
        );
        // Thresholds: the router group (2 conversations) is no script at 3.
        assert!(
            model
                .lookup("i have reset the router on my side now", 3, 0)
                .is_none()
        );
        assert!(
            model
                .lookup("i have reset the router on your side now", 3, 0)
                .is_none()
        );
        assert!(
            model
                .lookup("i have reset the router on your side now", 2, 0)
                .is_some()
        );
        assert!(
            model
                .lookup("thank you for calling acme how can i help you", 2, 8)
                .is_none(),
            "7 agents"
        );
    }

    #[test]
    fn script_line_details_name_their_own_group_whichever_is_asked_first() {
        let model = model_of_ten_conversations(&[
            ("thank you for calling acme how can i help you", 5),
            ("thank you for calling acme how may i help you", 2),
            ("i have reset the router on my side now", 3),
        ]);
        let welcome = model
            .lookup_index("thank you for calling acme how may i help you", 2, 0)
            .unwrap();
        let variant = model
            .lookup_index(
                "thank you so much for calling acme how can i help you",
                2,
                0,
            )
            .unwrap();
        let router = model
            .lookup_index("i have reset the router on my side now", 2, 0)
            .unwrap();
        assert!(welcome.1, "found verbatim");
        assert_eq!(variant, (welcome.0, false));
        assert_ne!(router.0, welcome.0);
        let expected = [
            (
                router,
                "script line said in 3 of 10 conversations by 3 agents",
            ),
            (
                variant,
                "script line said in 7 of 10 conversations by 7 agents, a variant of \"thank you for calling acme how can i help you\"",
            ),
            (
                welcome,
                "script line said in 7 of 10 conversations by 7 agents",
            ),
        ];
        // Asked twice each, in turn: a kept detail belongs to its group and to how the line
        // was found.
        for _ in 0..2 {
            for ((group, exact), detail) in expected {
                assert_eq!(model.script_line_detail(group, exact), detail);
            }
        }
    }

    #[test]
    fn file_round_trips_and_is_checked() {
        let tally = Tally {
            lines: [stats("thank you for calling acme today", 3)]
                .into_iter()
                .collect(),
            conversations: 3,
            agent_sentences: 3,
            lossy: false,
        };
        let model = tally.into_model(2);
        let bytes = model.to_bytes();
        let again = ScriptModel::from_json(&bytes).unwrap();
        assert_eq!(again, model);
        assert_eq!(again.to_bytes(), bytes);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("{\"agent_sentences\":3,\"conversations\":3,\"format\":"));
        let tampered = text.replace("acme today", "acme tonight");
        assert!(ScriptModel::from_json(tampered.as_bytes()).is_err());
        let pretty = serde_json::to_string_pretty(
            &serde_json::from_str::<serde_json::Value>(&text).unwrap(),
        )
        .unwrap();
        let read = ScriptModel::read_all(pretty.as_bytes(), "pretty").unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0], model);
        let two = format!("{text}{text}");
        assert_eq!(
            ScriptModel::read_all(two.as_bytes(), "two").unwrap().len(),
            2
        );
        let other_version = text.replace("\"version\":1", "\"version\":99");
        assert!(
            ScriptModel::from_json(other_version.as_bytes())
                .unwrap_err()
                .to_string()
                .contains("version 99")
        );
    }
}
