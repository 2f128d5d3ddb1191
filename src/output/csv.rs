//! The conversations CSV: one row per input record, the flat scores and metrics (the data
//! dictionary is in README.md). Error records fill `error` and leave the scores empty.

use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

use crate::findings::{Metrics, Outcome};
use crate::output::{Exporter, neutralise_formula};

/// Metadata fields promoted to columns, because roll-ups and joins need them.
pub const METADATA_COLUMNS: &[&str] = &["agent_id", "team", "date"];

/// Writes the conversations CSV.
pub struct CsvExporter {
    metric_names: Vec<String>,
}

impl Default for CsvExporter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvExporter {
    /// A CSV exporter with the column set of this version.
    pub fn new() -> CsvExporter {
        // In the order the JSON output writes them (a `Value` map would sort them).
        let metric_names = serde_json::to_string(&Metrics::default())
            .ok()
            .and_then(|json| serde_json::from_str::<InOrder<String, IgnoredAny>>(&json).ok())
            .map_or_else(Vec::new, |entries| {
                entries.0.into_iter().map(|(key, _)| key).collect()
            });
        CsvExporter { metric_names }
    }

    /// Every column name, in order.
    pub fn columns(&self) -> Vec<String> {
        let mut cols: Vec<String> = [
            "id",
            "source_file",
            "source_line",
            "source_place",
            "channel",
            "agent_name",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        cols.extend(METADATA_COLUMNS.iter().map(|s| s.to_string()));
        cols.extend(
            ["error", "empathy", "sincerity", "effort"]
                .iter()
                .map(|s| s.to_string()),
        );
        cols.extend(self.metric_names.iter().cloned());
        cols
    }
}

/// The entries of a JSON object, in the order written.
struct InOrder<K, V>(Vec<(K, V)>);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for InOrder<K, V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> serde::de::Visitor<'de> for Entries<K, V> {
            type Value = InOrder<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<InOrder<K, V>, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(InOrder(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// A number as the JSON output writes it ("70.0", not "70"), so both outputs read alike.
pub fn number(x: f64) -> String {
    serde_json::Number::from_f64(x).map_or_else(String::new, |n| n.to_string())
}

/// Renders a JSON value as a CSV cell: numbers and booleans as written, strings neutralised.
pub fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => neutralise_formula(s).into_owned(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => neutralise_formula(&other.to_string()).into_owned(),
    }
}

fn text(s: Option<&str>) -> String {
    s.map(|s| neutralise_formula(s).into_owned())
        .unwrap_or_default()
}

impl Exporter for CsvExporter {
    fn header(&self) -> anyhow::Result<Vec<u8>> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(self.columns())?;
        Ok(w.into_inner()?)
    }

    fn render(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        let mut row: Vec<String> = Vec::with_capacity(12 + self.metric_names.len());
        match outcome {
            Outcome::Scored(c) => {
                row.push(text(Some(&c.id)));
                row.push(text(Some(&c.source.file)));
                row.push(c.source.line.map(|l| l.to_string()).unwrap_or_default());
                row.push(text(c.source.place.as_deref()));
                row.push(text(c.channel.as_deref()));
                row.push(text(c.agent_name.as_deref()));
                for key in METADATA_COLUMNS {
                    row.push(cell(c.metadata.get(*key)));
                }
                row.push(String::new());
                row.push(number(c.scores.empathy));
                row.push(number(c.scores.sincerity));
                row.push(number(c.scores.effort));
                // The metrics as the JSON output writes them, read back in order: the
                // columns are their keys in that order, so each is found where expected (a
                // `Value` would sort them into a map, to be looked up column by column). The
                // keys, field names without escapes, are borrowed from the JSON.
                let json = serde_json::to_vec(&c.metrics)?;
                let metrics: InOrder<&str, Value> = serde_json::from_slice(&json)?;
                for (k, name) in self.metric_names.iter().enumerate() {
                    let value = match metrics.0.get(k) {
                        Some((key, value)) if key == name => Some(value),
                        _ => metrics
                            .0
                            .iter()
                            .find(|(key, _)| key == name)
                            .map(|(_, v)| v),
                    };
                    row.push(cell(value));
                }
            }
            Outcome::Error(e) => {
                row.push(text(e.id.as_deref()));
                row.push(text(Some(&e.source.file)));
                row.push(e.source.line.map(|l| l.to_string()).unwrap_or_default());
                row.push(text(e.source.place.as_deref()));
                row.push(String::new());
                row.push(String::new());
                row.extend(METADATA_COLUMNS.iter().map(|_| String::new()));
                row.push(text(Some(&e.error)));
                row.extend((0..3 + self.metric_names.len()).map(|_| String::new()));
            }
        }
        let mut w = csv::Writer::from_writer(&mut *out);
        w.write_record(&row)?;
        w.flush()?;
        Ok(())
    }

    // Never writes the per-turn view: nothing to copy it away from.
    fn render_without_turns(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        self.render(outcome, out)
    }
}
