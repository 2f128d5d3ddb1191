//! `sincerity report`: the HTML review report from saved results.

use std::io::{BufRead, Write};
use std::sync::Arc;

use crate::cli::ReportArgs;
use crate::commands::score::{create, refuse_clobbering, resolve_inputs};
use crate::findings::Outcome;
use crate::ingest;
use crate::output::html::{ReportCollector, ReportOptions};
use crate::pipeline::Collector;
use crate::redact::Redactor;

/// Lines that are not results are counted on the page; the first few are named on stderr.
const WARN_LINES: u64 = 5;

/// Reads every result and writes the report.
pub fn run(args: ReportArgs) -> anyhow::Result<i32> {
    // Results are JSON Lines: a walked directory gives its `*.jsonl` files.
    let inputs = resolve_inputs(&args.inputs, ingest::Format::Jsonl)?;
    refuse_clobbering(&inputs, &[&args.output])?;
    let mut writer = create(&args.output)?;
    let mut collector = ReportCollector::new(ReportOptions {
        max_calls: args.report_max_calls,
        redactor: args.redact.then(|| Arc::new(Redactor::new())),
        inputs: inputs.iter().map(|i| i.name()).collect(),
    });
    let (mut results, mut unreadable) = (0u64, 0u64);
    for input in &inputs {
        let mut stream = ingest::open(input)?;
        let mut line = Vec::new();
        let mut number = 0u64;
        loop {
            line.clear();
            if stream.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            number += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Outcome>(&line) {
                Ok(outcome) => {
                    results += 1;
                    collector.add(&outcome);
                }
                Err(e) => {
                    unreadable += 1;
                    collector.add_unreadable();
                    if unreadable <= WARN_LINES && !args.quiet {
                        eprintln!("{}:{number}: {}", input.name(), why_not_a_result(&line, &e));
                    }
                }
            }
        }
    }
    writer.write_all(collector.finish()?.as_bytes())?;
    writer.flush()?;
    if !args.quiet {
        eprintln!(
            "{}: {results} results{}",
            args.output.display(),
            if unreadable > 0 {
                format!(", {unreadable} lines were not results")
            } else {
                String::new()
            }
        );
    }
    Ok(if unreadable > 0 { 1 } else { 0 })
}

/// Why a line is not a `score` result, in the reader's terms: a conversation given instead of
/// its result is the usual slip.
fn why_not_a_result(line: &[u8], error: &serde_json::Error) -> String {
    match serde_json::from_slice::<serde_json::Value>(line) {
        Ok(value) if value.get("turns").is_some() && value.get("scores").is_none() => {
            "a conversation, not a result: score it first (`sincerity score … -o results.jsonl`) or use `sincerity score --report`".into()
        }
        Ok(_) => "not a result of `sincerity score` (no `scores` and no `error`)".into(),
        Err(_) => format!("not JSON: {error}"),
    }
}
