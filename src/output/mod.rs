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

    /// Appends the rendering of one record to `out` as if it had no per-turn view (`turns`,
    /// carried for another output, the HTML report): by default a copy without it is
    /// rendered; an exporter that never writes the view renders the record as it is, and one
    /// that does can leave it out as it writes.
    fn render_without_turns(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        match outcome {
            Outcome::Scored(c) if c.turns.is_some() => {
                let mut copy = c.clone();
                copy.turns = None;
                self.render(&Outcome::Scored(copy), out)
            }
            _ => self.render(outcome, out),
        }
    }
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

/// Strings shorter than this are escaped each time: looking them up costs about as much.
const CACHED_JSON_MIN_BYTES: usize = 24;
/// Most strings kept per thread; the cache is emptied when full, so memory stays bounded.
const CACHED_JSON_LIMIT: usize = 8_192;

thread_local! {
    static JSON_STRINGS: std::cell::RefCell<
        rustc_hash::FxHashMap<Box<str>, Box<serde_json::value::RawValue>>,
    > = std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// Serializes `value` as a JSON string through a per-thread cache of its JSON form, made by
/// serde_json itself (so the bytes are exactly what `serialize_str` writes). For strings that
/// recur across records — a finding's detail is one of a few hundred texts, quotes and turns
/// repeat scripted lines — a lookup replaces serde_json's byte-by-byte escaping, the costliest
/// part of rendering a record.
///
/// For `#[serde(serialize_with)]` on fields that only serde_json writes: another serializer
/// would see serde_json's raw-value wrapper instead of a string.
pub fn cached_json_str<S: serde::Serializer>(
    value: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    if value.len() < CACHED_JSON_MIN_BYTES {
        return serializer.serialize_str(value);
    }
    JSON_STRINGS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(json) = cache.get(value) {
            return json.serialize(serializer);
        }
        let Ok(json) = serde_json::value::to_raw_value(value) else {
            return serializer.serialize_str(value);
        };
        if cache.len() >= CACHED_JSON_LIMIT {
            cache.clear();
        }
        let written = json.serialize(serializer);
        cache.insert(value.into(), json);
        written
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_strings_are_written_as_serde_json_writes_them() {
        #[derive(serde::Serialize)]
        struct Cached<'a>(#[serde(serialize_with = "cached_json_str")] &'a str);
        for text in [
            "short",
            "weak: \"[that|it] [sounds|is] [awful|hard]\", generic",
            "control \u{1} tab\t newline\n quote\" backslash\\ unicode é ✓ 👋 \u{7f}",
            "a plain line said often enough to be cached, twice over",
        ] {
            let direct = serde_json::to_string(text).unwrap();
            // A miss, then a hit, then pretty-printed: the same bytes every time.
            assert_eq!(serde_json::to_string(&Cached(text)).unwrap(), direct);
            assert_eq!(serde_json::to_string(&Cached(text)).unwrap(), direct);
            assert_eq!(serde_json::to_string_pretty(&Cached(text)).unwrap(), direct);
            // Into a `Value` (as the grouped outputs do) it reads back as the string.
            assert_eq!(
                serde_json::to_value(Cached(text)).unwrap(),
                serde_json::Value::String(text.to_string())
            );
        }
    }

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
