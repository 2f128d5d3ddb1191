//! `sincerity convert`: reads inputs in any supported format and writes canonical JSON
//! Lines, one conversation per line, with an error record in place of each unreadable one.

use std::io::Write;

use crate::findings::ErrorRecord;
use crate::ingest::{self, IngestOptions};
use crate::model::{Record, Source};

/// What a conversion did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConvertSummary {
    /// Inputs read (files after walking directories, or standard input).
    pub inputs: usize,
    /// Conversations written.
    pub conversations: usize,
    /// Error records written in place of unreadable conversations or files.
    pub errors: usize,
}

impl ConvertSummary {
    /// One line for people: counts of inputs, conversations and errors.
    pub fn line(&self) -> String {
        format!(
            "converted {} conversation{} from {} input{}, {} error{}",
            self.conversations,
            plural(self.conversations),
            self.inputs,
            plural(self.inputs),
            self.errors,
            plural(self.errors)
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Converts `inputs` (files, directories, `-`; standard input when empty and piped),
/// writing canonical JSON Lines to `out`. Each unreadable record or file becomes an error
/// record `{"id", "source", "error"}` in `out` and a line `place: message` in `err`.
pub fn run(
    inputs: &[String],
    options: &IngestOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ConvertSummary> {
    let inputs = crate::commands::score::resolve_inputs(inputs, options.format)?;
    let mut summary = ConvertSummary {
        inputs: inputs.len(),
        ..ConvertSummary::default()
    };
    for input in &inputs {
        match ingest::records(input, options) {
            Ok(records) => {
                for record in records {
                    write_record(&record, out, err, &mut summary)?;
                }
            }
            // A file that cannot be opened still gets its line in the output.
            Err(e) => {
                let record = Record {
                    source: Source {
                        file: input.name(),
                        line: None,
                        place: None,
                    },
                    conversation: Err(crate::model::RecordError::new(e.to_string())),
                };
                write_record(&record, out, err, &mut summary)?;
            }
        }
    }
    out.flush()?;
    Ok(summary)
}

fn write_record(
    record: &Record,
    out: &mut dyn Write,
    err: &mut dyn Write,
    summary: &mut ConvertSummary,
) -> anyhow::Result<()> {
    match &record.conversation {
        Ok(conversation) => {
            serde_json::to_writer(&mut *out, conversation)?;
            summary.conversations += 1;
        }
        Err(e) => {
            let error = ErrorRecord {
                id: e.id.clone(),
                source: record.source.clone(),
                error: e.message.clone(),
            };
            serde_json::to_writer(&mut *out, &error)?;
            writeln!(err, "{}: {}", record.source.label(), e.message)?;
            summary.errors += 1;
        }
    }
    out.write_all(b"\n")?;
    Ok(())
}
