//! Exporters: one per output format. Each renders one record at a time into bytes (in
//! parallel, so formatting never becomes the bottleneck) and the pipeline writes the bytes in
//! input order.

pub mod csv;
pub mod findings_csv;
pub mod groups;
pub mod html;
pub mod jsonl;
pub mod terminal;

use crate::findings::Outcome;

/// An output format written record by record.
pub trait Exporter: Send + Sync {
    /// Bytes written once before the first record (a header row, or nothing).
    fn header(&self) -> anyhow::Result<Vec<u8>> {
        Ok(Vec::new())
    }

    /// Appends the rendering of one record to `out`.
    fn render(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()>;
}

/// A spreadsheet opens a cell starting with `=`, `+`, `-`, `@`, tab or carriage return as a
/// formula; a leading apostrophe makes it plain text. Numbers are never passed here.
pub fn neutralise_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            neutralise_formula("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise_formula("-1+2"), "'-1+2");
        assert_eq!(neutralise_formula("plain"), "plain");
    }
}
