//! JSON Lines: one object per input record, as documented in README.md.

use crate::findings::Outcome;
use crate::output::Exporter;

/// Writes each outcome as one line of JSON.
pub struct JsonlExporter;

impl Exporter for JsonlExporter {
    fn render(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        serde_json::to_writer(&mut *out, outcome)?;
        out.push(b'\n');
        Ok(())
    }
}
