//! `sincerity score`: the batch run.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::sync::Arc;

use crate::cli::ScoreArgs;
use crate::engine::Engine;
use crate::ingest;
use crate::output::Exporter;
use crate::output::csv::CsvExporter;
use crate::output::findings_csv::FindingsCsvExporter;
use crate::output::groups::GroupsCollector;
use crate::output::html::{ReportCollector, ReportOptions};
use crate::output::jsonl::JsonlExporter;
use crate::pipeline::{self, Collector, Destination};
use crate::policy::Policy;
use crate::redact::{Prepared, Redactor};
use crate::scripts::ScriptModel;

/// Opens an output file for writing, naming it in the error; `-` is standard output.
pub fn create(path: &std::path::Path) -> anyhow::Result<Box<dyn Write + Send>> {
    if is_stdout(path) {
        return Ok(Box::new(BufWriter::with_capacity(
            256 * 1024,
            std::io::stdout(),
        )));
    }
    let file = File::create(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(Box::new(BufWriter::with_capacity(256 * 1024, file)))
}

/// Whether an output path is `-`, standard output.
pub fn is_stdout(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

/// Fails when an output path names one of the inputs, or two outputs name the same file:
/// creating the output would empty the input before it is read (or, in a walked directory,
/// the run would read its own output back as it writes it).
pub fn refuse_clobbering(
    inputs: &[ingest::Input],
    outputs: &[&std::path::Path],
) -> anyhow::Result<()> {
    let same = |a: &std::path::Path, b: &std::path::Path| {
        if is_stdout(a) || is_stdout(b) {
            return is_stdout(a) && is_stdout(b);
        }
        same_file::is_same_file(a, b).unwrap_or(false)
            || std::path::absolute(a)
                .ok()
                .is_some_and(|a| std::path::absolute(b).ok() == Some(a))
    };
    for (k, output) in outputs.iter().enumerate() {
        if let Some(input) = inputs.iter().find(|input| match input {
            ingest::Input::File(path) => same(path, output),
            ingest::Input::Stdin | ingest::Input::Unreadable { .. } => false,
        }) {
            anyhow::bail!(
                "{}: this output is also an input ({}); writing it would destroy what is being read",
                output.display(),
                input.name()
            );
        }
        if outputs[..k].iter().any(|earlier| same(earlier, output)) {
            if is_stdout(output) {
                anyhow::bail!(
                    "-: standard output given for two outputs (without -o, the JSON Lines results go there)"
                );
            }
            anyhow::bail!("{}: given for two outputs", output.display());
        }
    }
    Ok(())
}

/// The inputs to read: the arguments, or standard input when there are none and it is not a
/// terminal.
pub fn resolve_inputs(
    args: &[String],
    format: ingest::Format,
) -> anyhow::Result<Vec<ingest::Input>> {
    if args.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!(
                "no input: give files or directories, or pipe conversations into standard input"
            );
        }
        return Ok(vec![ingest::Input::Stdin]);
    }
    let inputs = ingest::expand_inputs(args, format)?;
    if inputs.is_empty() {
        eprintln!(
            "sincerity: warning: no transcript files in {} (looked for {})",
            args.join(", "),
            format
                .walked_extensions()
                .iter()
                .map(|e| format!("*.{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(inputs)
}

/// Runs the batch.
pub fn run(args: ScoreArgs) -> anyhow::Result<i32> {
    let policy = match &args.policy {
        Some(path) => Policy::from_file(path)?,
        None => Policy::default(),
    };
    let inputs = resolve_inputs(&args.inputs, args.ingest.format)?;
    // Without -o the results go to standard output, which no other output may then take.
    let results = args.output.as_deref().unwrap_or(std::path::Path::new("-"));
    let outputs: Vec<&std::path::Path> = std::iter::once(results)
        .chain(
            [
                &args.csv,
                &args.findings_csv,
                &args.report,
                &args.groups_csv,
            ]
            .into_iter()
            .filter_map(|p| p.as_deref()),
        )
        .collect();
    // The script model is read too.
    let read: Vec<ingest::Input> = inputs
        .iter()
        .cloned()
        .chain(args.scripts.iter().map(|p| ingest::Input::File(p.clone())))
        .collect();
    refuse_clobbering(&read, &outputs)?;
    // The report needs the turn texts, and redaction masks quotes in their context; the
    // outputs carry the per-turn view only when asked.
    let per_turn = args.per_turn || args.report.is_some() || args.redact;
    let options = args.ingest.options();
    let redactor = args.redact.then(|| Arc::new(Redactor::new()));
    let prepare = |exporter: Box<dyn Exporter>| -> Box<dyn Exporter> {
        if redactor.is_none() && per_turn == args.per_turn {
            exporter
        } else {
            Box::new(Prepared::new(exporter, redactor.clone(), args.per_turn))
        }
    };
    let mut report = match &args.report {
        Some(path) => {
            // Fail before scoring when the report cannot be written.
            let writer = create(path)?;
            let collector = ReportCollector::new(ReportOptions {
                max_calls: args.report_max_calls,
                redactor: redactor.clone(),
                inputs: inputs.iter().map(|i| i.name()).collect(),
            });
            Some((collector, writer))
        }
        None => None,
    };
    let scripts = if args.learn {
        if inputs.contains(&ingest::Input::Stdin) {
            anyhow::bail!(
                "--learn reads the inputs twice and needs files: run `sincerity learn` first and score with --scripts"
            );
        }
        let min = crate::scripts::learn::DEFAULT_MIN_CONVERSATIONS;
        let (model, _) =
            super::learn::learn_model(&inputs, &options, args.threads, min, args.quiet)?;
        Some(model)
    } else if let Some(path) = &args.scripts {
        Some(ScriptModel::load(path)?)
    } else {
        None
    };
    // Built by the run while it reads the first records.
    let build_engine = move || {
        let mut engine = Engine::new(policy);
        engine.per_turn = per_turn;
        engine.scripts = scripts;
        engine
    };
    let mut groups = match &args.groups_csv {
        Some(_) => Some(GroupsCollector::new(&args.group_by)?),
        None => None,
    };

    let mut destinations = vec![Destination {
        exporter: prepare(Box::new(JsonlExporter)),
        writer: create(results)?,
    }];
    if let Some(path) = &args.csv {
        destinations.push(Destination {
            exporter: prepare(Box::<CsvExporter>::default()),
            writer: create(path)?,
        });
    }
    if let Some(path) = &args.findings_csv {
        destinations.push(Destination {
            exporter: prepare(Box::new(FindingsCsvExporter)),
            writer: create(path)?,
        });
    }

    let bar = super::learn::progress_bar(args.quiet, "scored");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()?;
    let mut collectors: Vec<&mut dyn Collector> = Vec::new();
    if let Some((collector, _)) = &mut report {
        collectors.push(collector);
    }
    if let Some(g) = groups.as_mut() {
        collectors.push(g);
    }
    let summary = pool.install(|| {
        pipeline::run(
            &inputs,
            &options,
            build_engine,
            destinations,
            &mut collectors,
            &|done| bar.set_position(done),
        )
    })?;
    if let (Some(g), Some(path)) = (&groups, &args.groups_csv) {
        let mut out = create(path)?;
        g.write_csv(&mut out)?;
        out.flush()?;
        for field in g.fields_never_found() {
            eprintln!(
                "sincerity: warning: --group-by {field}: no scored conversation has this field (misspelt?), so all fall in one group with an empty value"
            );
        }
    }
    bar.finish_and_clear();
    if let Some((collector, mut writer)) = report {
        writer.write_all(collector.finish()?.as_bytes())?;
        writer.flush()?;
    }
    if !args.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(if summary.errors > 0 { 1 } else { 0 })
}
