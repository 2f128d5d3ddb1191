//! Roll-ups for QA teams and coaches (`score --group-by FIELD --groups-csv FILE`): one CSV row
//! per group of conversations — per agent, team, day, or any field of the results.
//!
//! Columns: the group fields (named as given), `conversations`; for each score (`empathy`,
//! `sincerity`, `effort`) its `_mean`, `_p10`, `_p50` and `_p90`; `rate_<rule>` for every rule,
//! the share of the group's conversations in which the rule fired at least once; and
//! `worst_1` … `worst_5`, the ids of the group's worst conversations. Badness is
//! (100 − empathy) + (100 − sincerity) + effort; ties go to the earlier conversation.
//!
//! Percentiles interpolate linearly between the two nearest ranks (the default of numpy and
//! of spreadsheets' PERCENTILE.INC) and are exact: each group keeps a histogram of the score
//! values it saw, which is small because scores have one decimal. Means and percentiles are
//! rounded to 2 decimals, rates to 4. Rows are sorted by the group values; a conversation
//! without the field falls in the group whose value is empty. Error records belong to no
//! group.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::Value;

use crate::findings::{Outcome, ScoredConversation};
use crate::output::neutralise_formula;
use crate::pipeline::Collector;
use crate::rules::RULES;

/// How many worst conversations a row names.
pub const WORST: usize = 5;

const SCORES: [&str; 3] = ["empathy", "sincerity", "effort"];

/// The running figures of one group.
#[derive(Debug, Default)]
struct Acc {
    conversations: u64,
    sums: [f64; 3],
    /// For each score: value (as an order-preserving key) → times seen.
    histograms: [BTreeMap<u64, u64>; 3],
    /// For each rule of [`RULES`]: conversations in which it fired.
    fired: Vec<u64>,
    /// (badness, input position, id), worst first.
    worst: Vec<(f64, u64, String)>,
}

/// An order-preserving key for a finite float.
fn key(x: f64) -> u64 {
    let x = if x == 0.0 { 0.0 } else { x };
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

fn unkey(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

/// The `rank`-th smallest value (0-based) of a histogram.
fn nth(histogram: &BTreeMap<u64, u64>, rank: u64) -> f64 {
    let mut seen = 0;
    for (&k, &n) in histogram {
        seen += n;
        if rank < seen {
            return unkey(k);
        }
    }
    histogram.keys().next_back().map_or(f64::NAN, |&k| unkey(k))
}

/// The `p`-th percentile (0–1) by linear interpolation between closest ranks.
fn percentile(histogram: &BTreeMap<u64, u64>, count: u64, p: f64) -> f64 {
    if count == 0 {
        return f64::NAN;
    }
    let position = p * (count - 1) as f64;
    let low = position.floor() as u64;
    let high = position.ceil() as u64;
    let (a, b) = (nth(histogram, low), nth(histogram, high));
    a + (b - a) * (position - low as f64)
}

/// The value of a dotted field in a result, as it appears in a CSV cell; empty when absent.
pub fn field_value(c: &ScoredConversation, path: &str) -> String {
    let mut parts = path.split('.');
    let head = parts.next().unwrap_or_default();
    let found: Option<Value> = match head {
        "id" => Some(Value::String(c.id.clone())),
        "channel" => c.channel.clone().map(Value::String),
        "agent_name" => c.agent_name.clone().map(Value::String),
        "metadata" => {
            let mut rest = parts.clone();
            let first = rest.next().and_then(|k| c.metadata.get(k));
            rest.try_fold(first, |v, k| Some(v.and_then(|v| v.get(k))))
                .flatten()
                .cloned()
        }
        _ => serde_json::to_value(c)
            .ok()
            .and_then(|v| v.get(head).cloned())
            .and_then(|v| parts.clone().try_fold(v, |v, k| v.get(k).cloned())),
    };
    match found {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s,
        Some(other) => other.to_string(),
    }
}

/// Collects per-group figures as results stream by, and writes them as CSV at the end.
pub struct GroupsCollector {
    fields: Vec<String>,
    groups: BTreeMap<Vec<String>, Acc>,
    seen: u64,
}

impl GroupsCollector {
    /// A collector grouping by the given dotted fields (`metadata.agent_id`, `channel`, …);
    /// several fields make one group per combination of values.
    pub fn new(fields: &[String]) -> anyhow::Result<GroupsCollector> {
        if fields.is_empty() {
            anyhow::bail!("--groups-csv needs at least one --group-by field");
        }
        for f in fields {
            if f.split('.').any(str::is_empty) {
                anyhow::bail!(
                    "--group-by '{f}': not a dotted field name such as metadata.agent_id"
                );
            }
        }
        Ok(GroupsCollector {
            fields: fields.to_vec(),
            groups: BTreeMap::new(),
            seen: 0,
        })
    }

    /// The group fields that no scored conversation had (a misspelt field puts everything in
    /// one group with an empty value); none before any conversation was scored.
    pub fn fields_never_found(&self) -> Vec<&str> {
        self.fields
            .iter()
            .enumerate()
            .filter(|(k, _)| {
                !self.groups.is_empty() && self.groups.keys().all(|values| values[*k].is_empty())
            })
            .map(|(_, f)| f.as_str())
            .collect()
    }

    /// The CSV column names.
    pub fn columns(&self) -> Vec<String> {
        let mut cols = self.fields.clone();
        cols.push("conversations".into());
        for s in SCORES {
            for stat in ["mean", "p10", "p50", "p90"] {
                cols.push(format!("{s}_{stat}"));
            }
        }
        cols.extend(RULES.iter().map(|r| format!("rate_{}", r.id)));
        cols.extend((1..=WORST).map(|i| format!("worst_{i}")));
        cols
    }

    /// Writes the CSV: a header and one row per group, sorted by group values.
    pub fn write_csv(&self, out: impl Write) -> anyhow::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(self.columns())?;
        for (values, acc) in &self.groups {
            let n = acc.conversations;
            let mut row: Vec<String> = values
                .iter()
                .map(|v| neutralise_formula(v).into_owned())
                .collect();
            row.push(n.to_string());
            for s in 0..SCORES.len() {
                row.push(round(acc.sums[s] / n as f64, 2).to_string());
                for p in [0.1, 0.5, 0.9] {
                    row.push(round(percentile(&acc.histograms[s], n, p), 2).to_string());
                }
            }
            for fired in &acc.fired {
                row.push(round(*fired as f64 / n as f64, 4).to_string());
            }
            for i in 0..WORST {
                row.push(
                    acc.worst
                        .get(i)
                        .map(|(_, _, id)| neutralise_formula(id).into_owned())
                        .unwrap_or_default(),
                );
            }
            w.write_record(&row)?;
        }
        w.flush()?;
        Ok(())
    }
}

impl Collector for GroupsCollector {
    fn add(&mut self, outcome: &Outcome) {
        let Outcome::Scored(c) = outcome else {
            return;
        };
        let position = self.seen;
        self.seen += 1;
        let values: Vec<String> = self.fields.iter().map(|f| field_value(c, f)).collect();
        let acc = self.groups.entry(values).or_default();
        if acc.fired.is_empty() {
            acc.fired = vec![0; RULES.len()];
        }
        acc.conversations += 1;
        let scores = [c.scores.empathy, c.scores.sincerity, c.scores.effort];
        for (s, &x) in scores.iter().enumerate() {
            acc.sums[s] += x;
            *acc.histograms[s].entry(key(x)).or_insert(0) += 1;
        }
        for (r, rule) in RULES.iter().enumerate() {
            if c.findings.iter().any(|f| f.rule == rule.id) {
                acc.fired[r] += 1;
            }
        }
        let badness = (100.0 - c.scores.empathy) + (100.0 - c.scores.sincerity) + c.scores.effort;
        let at = acc
            .worst
            .partition_point(|(b, p, _)| *b > badness || (*b == badness && *p < position));
        if at < WORST {
            acc.worst.insert(at, (badness, position, c.id.clone()));
            acc.worst.truncate(WORST);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_keep_order() {
        let xs = [-3.5, -0.0, 0.0, 0.1, 2.0, 99.9, 100.0];
        for w in xs.windows(2) {
            assert!(key(w[0]) <= key(w[1]));
            assert_eq!(unkey(key(w[1])), w[1]);
        }
    }

    #[test]
    fn percentiles_interpolate_like_numpy() {
        // numpy.percentile([10, 20, 30, 40], [10, 50, 90]) = [13, 25, 37]
        let mut h = BTreeMap::new();
        for x in [40.0, 10.0, 30.0, 20.0] {
            *h.entry(key(x)).or_insert(0) += 1;
        }
        assert!((percentile(&h, 4, 0.1) - 13.0).abs() < 1e-9);
        assert!((percentile(&h, 4, 0.5) - 25.0).abs() < 1e-9);
        assert!((percentile(&h, 4, 0.9) - 37.0).abs() < 1e-9);
        let mut one = BTreeMap::new();
        one.insert(key(7.5), 3);
        assert_eq!(percentile(&one, 3, 0.9), 7.5);
    }
}
