//! `sincerity scripts`: what the script actually says — the most widely said lines of a
//! script model, with how many conversations and agents say them.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::policy::Policy;
use crate::scripts::ScriptModel;

/// Arguments of `sincerity scripts`.
#[derive(Debug, Args)]
pub struct ScriptsArgs {
    /// The script model (written by `learn` or `merge`).
    pub model: PathBuf,
    /// How many lines to list.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
    /// Mark lines as script under this policy's thresholds instead of the defaults.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Print the lines as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Lists the top lines.
pub fn run(args: ScriptsArgs) -> anyhow::Result<i32> {
    let policy = match &args.policy {
        Some(path) => Policy::from_file(path)?,
        None => Policy::default(),
    };
    let model = ScriptModel::load(&args.model)?;
    let top: Vec<_> = model.top_groups().into_iter().take(args.top).collect();
    let is_script = |conversations: u64, agents: u64| {
        conversations >= policy.script_min_conversations && agents >= policy.script_min_agents
    };
    let share = |n: u64| {
        if model.conversations == 0 {
            0.0
        } else {
            n as f64 / model.conversations as f64
        }
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let rows: Vec<serde_json::Value> = top
            .iter()
            .enumerate()
            .map(|(i, g)| {
                serde_json::json!({
                    "rank": i + 1,
                    "text": g.text,
                    "conversations": g.conversations,
                    "share": (share(g.conversations) * 10_000.0).round() / 10_000.0,
                    "agents": g.agents,
                    "agents_exact": g.agents_exact,
                    "occurrences": g.occurrences,
                    "variants": g.variants,
                    "script": is_script(g.conversations, g.agents),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(
        out,
        "{} conversations, {} agent sentences; {} lines in {} groups (kept: said in at least {} conversations)",
        model.conversations,
        model.agent_sentences,
        model.lines.len(),
        model.groups.len(),
        model.min_conversations
    )?;
    writeln!(
        out,
        "script = said in at least {} conversations by at least {} agents\n",
        policy.script_min_conversations, policy.script_min_agents
    )?;
    writeln!(
        out,
        "{:>4}  {:>13}  {:>6}  {:>7}  {:>8}  {:>6}  line",
        "rank", "conversations", "share", "agents", "variants", "script"
    )?;
    for (i, g) in top.iter().enumerate() {
        let agents = if g.agents_exact {
            g.agents.to_string()
        } else {
            format!("~{}", g.agents)
        };
        writeln!(
            out,
            "{:>4}  {:>13}  {:>5.1}%  {:>7}  {:>8}  {:>6}  {}",
            i + 1,
            g.conversations,
            share(g.conversations) * 100.0,
            agents,
            g.variants,
            if is_script(g.conversations, g.agents) {
                "yes"
            } else {
                "no"
            },
            g.text
        )?;
    }
    Ok(0)
}
