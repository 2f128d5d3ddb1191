//! `sincerity show`: one conversation in the terminal, scored, with its evidence highlighted.

use std::io::{IsTerminal, Write};

use anstream::{AutoStream, ColorChoice};

use crate::cli::{ColorWhen, ShowArgs};
use crate::commands::score::resolve_inputs;
use crate::engine::Engine;
use crate::findings::Outcome;
use crate::ingest;
use crate::output::terminal::{self, TerminalOptions};
use crate::pipeline::score_record;
use crate::policy::Policy;
use crate::redact::Redactor;

/// Line width when not writing to a terminal, or when the terminal does not say.
const DEFAULT_WIDTH: usize = 100;

/// Finds the conversation, scores it and prints it.
pub fn run(args: ShowArgs) -> anyhow::Result<i32> {
    let policy = match &args.policy {
        Some(path) => Policy::from_file(path)?,
        None => Policy::default(),
    };
    let inputs = resolve_inputs(&args.input, args.ingest.format)?;
    let mut engine = Engine::new(policy);
    engine.per_turn = true;
    let options = args.ingest.options();

    let stdout = std::io::stdout();
    let choice = match args.color {
        ColorWhen::Auto => AutoStream::choice(&stdout),
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    };
    let colour = !matches!(choice, ColorChoice::Never);
    // On a terminal: `COLUMNS` when set, else the terminal's width; elsewhere a fixed width,
    // so piped output does not depend on the window it was run from.
    let width = if stdout.is_terminal() {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .or_else(|| terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0)))
            .filter(|w| *w >= 40)
            .unwrap_or(DEFAULT_WIDTH)
    } else {
        DEFAULT_WIDTH
    };

    for input in &inputs {
        for record in ingest::records(input, &options)? {
            let matches = match &record.conversation {
                Ok(conversation) => conversation.id == args.id,
                Err(e) => e.id.as_deref() == Some(args.id.as_str()),
            };
            if !matches {
                continue;
            }
            match score_record(&engine, &record) {
                Outcome::Scored(mut scored) => {
                    if args.redact {
                        Redactor::new().redact_scored(&mut scored);
                    }
                    let text = terminal::render(&scored, TerminalOptions { colour, width });
                    let mut out = AutoStream::new(stdout.lock(), choice);
                    out.write_all(text.as_bytes())?;
                    out.flush()?;
                    return Ok(0);
                }
                Outcome::Error(e) => {
                    eprintln!("{}: {}", e.source.label(), e.error);
                    return Ok(1);
                }
            }
        }
    }
    anyhow::bail!("no conversation with id '{}' in the input", args.id)
}
