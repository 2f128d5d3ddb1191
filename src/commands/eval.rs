//! `sincerity eval`: score a labelled JSON Lines file and measure agreement between a tool
//! field and a human label field.

use std::io::{BufRead, Write};

use rayon::prelude::*;
use serde_json::Value;

use crate::cli::EvalArgs;
use crate::engine::Engine;
use crate::eval::{Kind, PairSet, Spec, evaluate};
use crate::findings::Outcome;
use crate::ingest::jsonl::parse_conversation;
use crate::model::{Record, Source};
use crate::pipeline::score_record;
use crate::policy::Policy;

/// Runs the evaluation; exit 0 when every record was usable, 1 when some were errors.
pub fn run(args: EvalArgs) -> anyhow::Result<i32> {
    let mut spec = Spec::new(&args.gold, &args.pred)?;
    if let Some(binary) = &args.gold_binary {
        spec = spec.with_gold_binary(binary)?;
    }
    if let Some(filter) = &args.filter {
        spec = spec.with_filter(filter)?;
    }
    let kind: Kind = args.kind.parse()?;
    // Only a scale is also read against a binary gold (ROC AUC); for the other kinds the
    // expression would be ignored, yet still skip the items where it is null.
    if args.gold_binary.is_some() && kind != Kind::Scale {
        anyhow::bail!("--gold-binary goes with --kind scale (it adds ROC AUC against a score)");
    }
    let policy = match &args.policy {
        Some(path) => Policy::from_file(path)?,
        None => Policy::default(),
    };
    let mut engine = Engine::new(policy);
    engine.per_turn = spec.needs_turns();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()?;

    if let Some(json) = &args.json {
        let labelled = crate::ingest::Input::File(args.labelled.clone());
        crate::commands::score::refuse_clobbering(&[labelled], &[json])?;
    }
    let file = args.labelled.display().to_string();
    let reader = crate::ingest::open(&crate::ingest::Input::File(args.labelled.clone()))?;
    let mut set = PairSet::new(spec);
    let mut lines = reader.split(b'\n').enumerate();
    loop {
        // Bounded batches keep memory flat on large labelled sets.
        let batch: Vec<(u64, Vec<u8>)> = lines
            .by_ref()
            .take(crate::pipeline::BATCH_RECORDS)
            .map(|(n, line)| line.map(|l| (n as u64 + 1, l)))
            .collect::<std::io::Result<_>>()?;
        if batch.is_empty() {
            break;
        }
        // (where, the input or the record's id and error, the output)
        type Scored = (
            Source,
            Result<Value, (Option<String>, String)>,
            Option<Value>,
        );
        let results: Vec<Scored> = pool.install(|| {
            batch
                .par_iter()
                .filter(|(_, line)| !line.trim_ascii().is_empty())
                .map(|(n, line)| {
                    let source = Source::at_line(&file, *n);
                    let input = serde_json::from_slice::<Value>(line)
                        .map_err(|e| (None, format!("invalid JSON: {e}")));
                    let record = Record {
                        conversation: parse_conversation(line, &source),
                        source: source.clone(),
                    };
                    let output = match score_record(&engine, &record) {
                        Outcome::Scored(c) => serde_json::to_value(&c).ok(),
                        Outcome::Error(e) => {
                            return (source, Err((e.id, e.error)), None);
                        }
                    };
                    (source, input, output)
                })
                .collect()
        });
        for (source, input, output) in results {
            match (input, output) {
                (Ok(input), Some(output)) => set.add(&source, &input, &output),
                (Err((id, message)), _) => set.add_error(&source, id, message),
                (Ok(input), None) => {
                    let id = input.get("id").and_then(Value::as_str).map(str::to_string);
                    set.add_error(&source, id, "conversation could not be scored")
                }
            }
        }
    }
    let report = evaluate(&set, kind);
    let mut out = std::io::stdout().lock();
    out.write_all(report.render_text().as_bytes())?;
    if let Some(path) = &args.json {
        let mut w = crate::commands::score::create(path)?;
        serde_json::to_writer_pretty(&mut w, &report)?;
        writeln!(w)?;
        w.flush()?;
    }
    Ok(if report.errors > 0 { 1 } else { 0 })
}
