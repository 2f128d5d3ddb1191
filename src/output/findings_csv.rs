//! The findings CSV: one row per finding, joined to the conversations CSV by `id` and the
//! source columns (ids repeat across files: each day's export may start again at `1`).

use crate::findings::Outcome;
use crate::output::{Exporter, neutralise_formula};

/// The columns of the findings CSV.
pub const COLUMNS: &[&str] = &[
    "id",
    "source_file",
    "source_line",
    "source_place",
    "rule",
    "score",
    "turn",
    "speaker",
    "start",
    "end",
    "level",
    "weight",
    "quote",
    "detail",
];

/// Writes one row per finding; error records have no findings and give no rows.
pub struct FindingsCsvExporter;

impl Exporter for FindingsCsvExporter {
    fn header(&self) -> anyhow::Result<Vec<u8>> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(COLUMNS)?;
        Ok(w.into_inner()?)
    }

    fn render(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        let Outcome::Scored(c) = outcome else {
            return Ok(());
        };
        let mut w = csv::Writer::from_writer(&mut *out);
        let line = c.source.line.map(|l| l.to_string()).unwrap_or_default();
        for f in &c.findings {
            w.write_record([
                neutralise_formula(&c.id).as_ref(),
                neutralise_formula(&c.source.file).as_ref(),
                &line,
                neutralise_formula(c.source.place.as_deref().unwrap_or("")).as_ref(),
                &f.rule,
                f.score.map_or("", |s| s.as_str()),
                &f.turn.to_string(),
                f.speaker.as_str(),
                &f.start.to_string(),
                &f.end.to_string(),
                &f.level.map(|l| l.to_string()).unwrap_or_default(),
                &crate::output::csv::number(f.weight),
                neutralise_formula(&f.quote).as_ref(),
                neutralise_formula(&f.detail).as_ref(),
            ])?;
        }
        w.flush()?;
        Ok(())
    }

    // Never writes the per-turn view: nothing to copy it away from.
    fn render_without_turns(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        self.render(outcome, out)
    }
}
