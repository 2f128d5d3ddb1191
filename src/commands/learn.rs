//! `sincerity learn`: learn the corpus script model.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::cli::IngestArgs;
use crate::commands::score::{create, refuse_clobbering, resolve_inputs};
use crate::ingest::{IngestOptions, Input};
use crate::scripts::ScriptModel;
use crate::scripts::learn::{self, LearnSummary};

/// Arguments of `sincerity learn`.
#[derive(Debug, Args)]
pub struct LearnArgs {
    /// Input files, directories (walked recursively) or `-` for standard input
    /// (the default when standard input is not a terminal).
    pub inputs: Vec<String>,
    /// Write the model here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Drop lines (with their variants) said in fewer conversations than this. Learn shards
    /// that will be merged with 1, which keeps every line, so that the merge is exact.
    #[arg(long, value_name = "N", default_value_t = crate::scripts::learn::DEFAULT_MIN_CONVERSATIONS)]
    pub min_conversations: u64,
    /// Worker threads (default: all cores). The model is identical for any value.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// How to read the inputs.
    #[command(flatten)]
    pub ingest: IngestArgs,
}

/// A spinner on stderr, or nothing when quiet.
pub fn progress_bar(quiet: bool, what: &str) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{{spinner}} {{pos}} conversations {what} ({{rate}}) {{elapsed}}"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        // indicatif's `{per_sec}` shows four decimals of a count ("27,318.0172/s").
        .with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            },
        ),
    );
    bar
}

/// Learns a model from inputs on `threads` threads; prints the summary unless quiet.
pub fn learn_model(
    inputs: &[Input],
    options: &IngestOptions,
    threads: Option<usize>,
    min_conversations: u64,
    quiet: bool,
) -> anyhow::Result<(ScriptModel, LearnSummary)> {
    let bar = progress_bar(quiet, "learned from");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()?;
    let (model, summary) = pool.install(|| -> anyhow::Result<_> {
        let (tally, summary) = learn::learn(inputs, options, &|done| bar.set_position(done))?;
        if !quiet {
            bar.finish_and_clear();
            eprintln!("{}", summary.line(&tally));
        }
        Ok((tally.into_model(min_conversations), summary))
    })?;
    if !quiet {
        eprintln!(
            "script model: {} lines in {} groups said in at least {} conversations",
            model.lines.len(),
            model.groups.len(),
            model.min_conversations
        );
    }
    Ok((model, summary))
}

/// Writes a model to a file or standard output.
pub fn save(model: &ScriptModel, output: Option<&std::path::Path>) -> anyhow::Result<()> {
    let mut out = create(output.unwrap_or(std::path::Path::new("-")))?;
    model.write(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Learns and writes the model.
pub fn run(args: LearnArgs) -> anyhow::Result<i32> {
    let inputs = resolve_inputs(&args.inputs, args.ingest.format)?;
    if let Some(output) = &args.output {
        refuse_clobbering(&inputs, &[output])?;
    }
    let options = args.ingest.options();
    let (model, summary) = learn_model(
        &inputs,
        &options,
        args.threads,
        args.min_conversations,
        args.quiet,
    )?;
    save(&model, args.output.as_deref())?;
    Ok(if summary.errors > 0 { 1 } else { 0 })
}
