//! `sincerity merge`: add up script models learned on shards.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use clap::Args;

use crate::commands::learn::save;
use crate::scripts::{ScriptModel, Tally};

/// Arguments of `sincerity merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Model files, or `-` for standard input (the default when it is not a terminal). A file
    /// may hold several models, one per line, as `learn` on each partition of a job writes them.
    pub inputs: Vec<String>,
    /// Write the merged model here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Drop lines (with their variants) said in fewer conversations than this, once the
    /// counts are added up.
    #[arg(long, value_name = "N", default_value_t = crate::scripts::learn::DEFAULT_MIN_CONVERSATIONS)]
    pub min_conversations: u64,
    /// No summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Merges the models.
pub fn run(args: MergeArgs) -> anyhow::Result<i32> {
    let mut names = args.inputs.clone();
    if names.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!("no input: give model files, or pipe models into standard input");
        }
        names.push("-".into());
    }
    let mut tally = Tally::default();
    let mut count = 0usize;
    for name in &names {
        let bytes = if name == "-" {
            let mut buf = Vec::new();
            std::io::stdin().lock().read_to_end(&mut buf)?;
            buf
        } else {
            std::fs::read(name).map_err(|e| anyhow::anyhow!("{name}: {e}"))?
        };
        for model in ScriptModel::read_all(&bytes, name)? {
            tally = tally.absorb(Tally::from_model(&model));
            count += 1;
        }
    }
    if count == 0 {
        anyhow::bail!("no script model in the input");
    }
    if tally.lossy && count > 1 {
        eprintln!(
            "sincerity: warning: some models were pruned when saved (min_conversations above 1), \
             so the merged counts may fall short of learning on the whole corpus; learn shards \
             with --min-conversations 1"
        );
    }
    let model = tally.into_model(args.min_conversations);
    if !args.quiet {
        eprintln!(
            "merged {count} models: {} conversations, {} lines in {} groups said in at least {} conversations",
            model.conversations,
            model.lines.len(),
            model.groups.len(),
            model.min_conversations
        );
    }
    save(&model, args.output.as_deref())?;
    Ok(0)
}
