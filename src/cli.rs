//! Command-line definitions (clap) and dispatch to one function per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands;
use crate::ingest::{ColumnMap, Format, IngestOptions};

/// Score contact-centre transcripts for empathy, sincerity and customer effort, with the
/// evidence behind every number.
#[derive(Debug, Parser)]
#[command(name = "sincerity", version, about, long_about = None)]
pub struct Cli {
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score conversations: JSON Lines results, optional CSVs.
    Score(ScoreArgs),
    /// List every rule: id, what it detects, its score, weight, cap and threshold.
    Rules(RulesArgs),
    /// List the input formats, each with an example.
    Formats,
    /// Convert transcripts in any supported format to canonical JSON Lines.
    Convert(ConvertArgs),
    /// Build the HTML review report from saved results (`score` JSON Lines output).
    Report(ReportArgs),
    /// Print one conversation with its scores and highlighted evidence.
    Show(ShowArgs),
    /// Score a labelled file and measure agreement of a tool field with a human label.
    Eval(EvalArgs),
    /// Learn the corpus script model: agent lines said across many conversations.
    Learn(commands::learn::LearnArgs),
    /// Add up script models learned on shards.
    Merge(commands::merge::MergeArgs),
    /// List the most widely said lines of a script model.
    Scripts(commands::scripts::ScriptsArgs),
}

/// How inputs are read (shared by the commands that read transcripts).
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Input format; `auto` detects it per input from the extension and first bytes
    /// (see `sincerity formats`).
    #[arg(long, value_name = "FORMAT", default_value = "auto")]
    pub format: Format,
    /// Table columns, overriding detection: `id=COL,speaker=COL,text=COL[,start=COL,end=COL,
    /// timestamp=COL,agent_name=COL,customer_name=COL,channel=COL]`.
    #[arg(long, value_name = "MAP")]
    pub columns: Option<ColumnMap>,
    /// Twilio: the audio channel the agent speaks on when the transcript does not say
    /// (Twilio's default is 1).
    #[arg(long, value_name = "N")]
    pub twilio_agent_channel: Option<u32>,
    /// Exports whose voices are numbered (Amazon Transcribe jobs, Azure Speech, "Speaker 2" in
    /// text, captions or tables): the label of the agent's voice (`spk_0`, `ch_1`,
    /// "speaker 1", "channel 0"), when what the voices say does not show it.
    #[arg(long, value_name = "LABEL")]
    pub agent_label: Option<String>,
    /// Records larger than this many bytes become error records (for formats read whole,
    /// files larger than this).
    #[arg(long, value_name = "BYTES", default_value_t = crate::ingest::DEFAULT_MAX_RECORD_BYTES)]
    pub max_record_bytes: usize,
}

impl IngestArgs {
    /// The reading options these arguments ask for.
    pub fn options(&self) -> IngestOptions {
        IngestOptions {
            max_record_bytes: self.max_record_bytes,
            format: self.format,
            columns: self.columns.clone().unwrap_or_default(),
            twilio_agent_channel: self.twilio_agent_channel,
            agent_label: self.agent_label.clone(),
        }
    }
}

/// Arguments of `sincerity convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Input files, directories (walked recursively) or `-` for standard input
    /// (the default when standard input is not a terminal).
    pub inputs: Vec<String>,
    /// Write the JSON Lines here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How to read the inputs.
    #[command(flatten)]
    pub ingest: IngestArgs,
    /// No summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `sincerity score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Input files, directories (walked recursively) or `-` for standard input
    /// (the default when standard input is not a terminal).
    pub inputs: Vec<String>,
    /// Write JSON Lines results here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write one CSV row per conversation here.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Also write one CSV row per finding here.
    #[arg(long, value_name = "FILE")]
    pub findings_csv: Option<PathBuf>,
    /// Add the per-turn view (speaker, text, scripted, empathy levels, sentiment) to each result.
    #[arg(long)]
    pub per_turn: bool,
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// TOML file overriding thresholds and weights (see `sincerity rules --policy`).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// How to read the inputs.
    #[command(flatten)]
    pub ingest: IngestArgs,
    /// Also write the self-contained HTML review report here.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Most transcripts embedded in the report (the worst flagged ones and a sample).
    #[arg(long, value_name = "N", default_value_t = crate::output::html::DEFAULT_MAX_CALLS)]
    pub report_max_calls: usize,
    /// Mask personal data (card numbers, e-mail addresses, phone numbers, long digit runs) in
    /// every output; scores are unchanged.
    #[arg(long)]
    pub redact: bool,
    /// Flag agent lines that this script model (from `learn` or `merge`) marks as script.
    #[arg(long, value_name = "FILE", conflicts_with = "learn")]
    pub scripts: Option<PathBuf>,
    /// Learn the script model from the inputs first, then score with it (files only).
    #[arg(long)]
    pub learn: bool,
    /// Roll results up by this dotted field (`metadata.agent_id`, `channel`, …); repeat for
    /// one group per combination of values.
    #[arg(long, value_name = "FIELD", requires = "groups_csv")]
    pub group_by: Vec<String>,
    /// Write the roll-up (one row per group) here.
    #[arg(long, value_name = "FILE", requires = "group_by")]
    pub groups_csv: Option<PathBuf>,
}

/// Arguments of `sincerity report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Saved results (JSON Lines from `sincerity score`, optionally gzipped), or `-` for
    /// standard input (the default when standard input is not a terminal).
    pub inputs: Vec<String>,
    /// Where to write the HTML report.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Most transcripts embedded in the report (the worst flagged ones and a sample).
    #[arg(long, value_name = "N", default_value_t = crate::output::html::DEFAULT_MAX_CALLS)]
    pub report_max_calls: usize,
    /// Mask personal data (card numbers, e-mail addresses, phone numbers, long digit runs).
    #[arg(long)]
    pub redact: bool,
    /// No summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// When writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `sincerity show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Conversations to search (files, directories or `-`).
    pub input: Vec<String>,
    /// The id of the conversation to show.
    #[arg(long)]
    pub id: String,
    /// TOML file overriding thresholds and weights.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Mask personal data in what is printed.
    #[arg(long)]
    pub redact: bool,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// How to read the inputs.
    #[command(flatten)]
    pub ingest: IngestArgs,
}

/// Arguments of `sincerity rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Show weights and caps under this policy file instead of the defaults.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Print the rules as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `sincerity eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled JSON Lines: canonical conversations carrying label fields (e.g. `labels`).
    pub labelled: PathBuf,
    /// The human label: a path or expression, e.g. `labels.emotional_reactions`.
    #[arg(long)]
    pub gold: String,
    /// The tool's value: a path or expression into the output, e.g. `metrics.empathy_reaction`.
    #[arg(long)]
    pub pred: String,
    /// What the label is: `levels` (ordered classes), `binary` or `scale`.
    #[arg(long, default_value = "levels")]
    pub kind: String,
    /// A condition that makes a scale gold binary, for ROC AUC, e.g.
    /// `'min(labels.overall_satisfaction) <= 2 && labels.overall_satisfaction_mean < 3'`.
    #[arg(long, value_name = "EXPR")]
    pub gold_binary: Option<String>,
    /// Keep only items for which this condition holds, e.g. `"labels.source == 'MWOZ'"`.
    #[arg(long = "where", value_name = "EXPR")]
    pub filter: Option<String>,
    /// Also write the figures as JSON here.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// TOML policy to score with.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Runs the parsed command; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Score(args) => commands::score::run(args),
        Command::Rules(args) => commands::rules::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Show(args) => commands::show::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Formats => {
            let mut out = std::io::stdout().lock();
            commands::formats::run(&mut out)?;
            Ok(0)
        }
        Command::Convert(args) => {
            let mut out: Box<dyn std::io::Write> = match &args.output {
                Some(path) => {
                    let inputs = commands::score::resolve_inputs(&args.inputs, args.ingest.format)?;
                    commands::score::refuse_clobbering(&inputs, &[path])?;
                    commands::score::create(path)?
                }
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            let mut err = std::io::stderr().lock();
            let summary =
                commands::convert::run(&args.inputs, &args.ingest.options(), &mut out, &mut err)?;
            if !args.quiet {
                use std::io::Write as _;
                writeln!(err, "{}", summary.line())?;
            }
            Ok(if summary.errors > 0 { 1 } else { 0 })
        }
        Command::Learn(args) => commands::learn::run(args),
        Command::Merge(args) => commands::merge::run(args),
        Command::Scripts(args) => commands::scripts::run(args),
    }
}
