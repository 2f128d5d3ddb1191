//! Reading inputs: files, directories and standard input, in every supported format, into
//! [`Record`]s. Each reader yields exactly one record per conversation it finds, or a located
//! error in its place.
//!
//! Formats are told apart by [`Format`]: given, or detected from the file name and the first
//! bytes (see [`detect`]). JSON Lines are streamed with bounded memory; every other format
//! is read whole, within the `max_record_bytes` cap.

pub mod aws;
pub mod azure;
pub mod ccai;
pub mod csv;
pub mod genesys;
pub mod json;
pub mod jsonl;
pub mod roles;
pub mod subtitles;
pub mod text;
pub mod timing;
pub mod transcribe_job;
pub mod turns;
pub mod twilio;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::model::{Record, RecordError, Source};

pub use self::csv::ColumnMap;
use self::json::Schema;

/// Default cap on one record's size: larger records become error records rather than
/// unbounded allocations. For formats read whole (everything but JSON Lines) the cap
/// applies to the whole (decompressed) file.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// How many leading bytes are looked at to detect a format.
const SNIFF_BYTES: usize = 64 * 1024;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Detect from the file name and the first bytes.
    #[default]
    Auto,
    /// JSON Lines: one conversation per line (canonical, or any vendor object).
    Jsonl,
    /// A JSON document: one conversation, an array of them, or JSON Lines.
    Json,
    /// A table with one row per turn (comma, semicolon, tab or pipe separated).
    Csv,
    /// `Speaker: text` lines.
    Text,
    /// WebVTT captions.
    Vtt,
    /// SubRip captions.
    Srt,
    /// Amazon Connect Contact Lens output.
    ContactLens,
    /// AWS Transcribe Call Analytics output.
    Transcribe,
    /// Amazon Transcribe standard job output, with speaker partitioning or channel identification.
    TranscribeJob,
    /// Google CCAI Insights conversation.
    Ccai,
    /// Genesys Cloud transcript.
    Genesys,
    /// Twilio Voice Intelligence sentences.
    Twilio,
    /// Azure AI Speech batch transcription result.
    Azure,
}

impl Format {
    /// Every format, in the order `sincerity formats` lists them.
    pub const ALL: [Format; 14] = [
        Format::Auto,
        Format::Jsonl,
        Format::Json,
        Format::Csv,
        Format::Text,
        Format::Vtt,
        Format::Srt,
        Format::ContactLens,
        Format::Transcribe,
        Format::TranscribeJob,
        Format::Ccai,
        Format::Genesys,
        Format::Twilio,
        Format::Azure,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Text => "text",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
            Format::ContactLens => "contact-lens",
            Format::Transcribe => "transcribe",
            Format::TranscribeJob => "transcribe-job",
            Format::Ccai => "ccai",
            Format::Genesys => "genesys",
            Format::Twilio => "twilio",
            Format::Azure => "azure-speech",
        }
    }

    /// The file extensions a directory walk picks up for this format (each also when
    /// gzipped): all readable ones when detecting, else the format's own, so that a
    /// `--format jsonl` walk does not read the notes and tables kept beside the transcripts.
    pub fn walked_extensions(self) -> &'static [&'static str] {
        match self {
            Format::Auto => WALKED_EXTENSIONS,
            Format::Jsonl => &["jsonl", "ndjson"],
            Format::Csv => &["csv", "tsv"],
            Format::Text => &["txt"],
            Format::Vtt => &["vtt"],
            Format::Srt => &["srt"],
            // Vendor exports come as one document a file or as JSON Lines of them.
            Format::Json
            | Format::ContactLens
            | Format::Transcribe
            | Format::TranscribeJob
            | Format::Ccai
            | Format::Genesys
            | Format::Twilio
            | Format::Azure => &["json", "jsonl", "ndjson"],
        }
    }

    /// One line saying what the format is.
    pub fn description(self) -> &'static str {
        match self {
            Format::Auto => {
                "detect each input's format from its extension and first bytes (default)"
            }
            Format::Jsonl => {
                "JSON Lines, one conversation per line: canonical or any vendor object below"
            }
            Format::Json => "a JSON file holding one conversation, an array of them, or JSON Lines",
            Format::Csv => {
                "a table with one row per turn and a header row (.csv, .tsv; , ; tab | separated)"
            }
            Format::Text => {
                "plain text `Speaker: text` lines, optional [hh:mm:ss] times, `### id` headers"
            }
            Format::Vtt => {
                "WebVTT captions with <v Name> voice spans (Teams) or `Name: text` (Zoom)"
            }
            Format::Srt => "SubRip captions with `Name: text` speaker prefixes",
            Format::ContactLens => "Amazon Connect Contact Lens analysis output (voice or chat)",
            Format::Transcribe => "AWS Transcribe Call Analytics output",
            Format::TranscribeJob => {
                "Amazon Transcribe job output with speaker or channel labels (`results.items[]`)"
            }
            Format::Ccai => {
                "Google CCAI Insights conversation (upload `entries` or API `transcriptSegments`)"
            }
            Format::Genesys => {
                "Genesys Cloud speech-and-text-analytics transcript (`transcripts[].phrases[]`)"
            }
            Format::Twilio => "Twilio Voice Intelligence transcript sentences (`sentences[]`)",
            Format::Azure => "Azure AI Speech batch transcription result (`recognizedPhrases[]`)",
        }
    }

    /// The JSON schema a vendor format reads, if it is one.
    fn schema(self) -> Option<Schema> {
        match self {
            Format::ContactLens => Some(Schema::ContactLens),
            Format::Transcribe => Some(Schema::Transcribe),
            Format::TranscribeJob => Some(Schema::TranscribeJob),
            Format::Ccai => Some(Schema::Ccai),
            Format::Genesys => Some(Schema::Genesys),
            Format::Twilio => Some(Schema::Twilio),
            Format::Azure => Some(Schema::Azure),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    /// Parses a format name; common alternative spellings are accepted.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Ok(match key.as_str() {
            "auto" => Format::Auto,
            "jsonl" | "ndjson" | "jsonlines" => Format::Jsonl,
            "json" => Format::Json,
            "csv" | "tsv" | "table" => Format::Csv,
            "text" | "txt" | "plain" => Format::Text,
            "vtt" | "webvtt" => Format::Vtt,
            "srt" | "subrip" => Format::Srt,
            "contactlens" | "connect" | "amazonconnect" => Format::ContactLens,
            "transcribe" | "callanalytics" | "transcribecallanalytics" => Format::Transcribe,
            "transcribejob" | "amazontranscribe" | "awstranscribe" => Format::TranscribeJob,
            "ccai" | "insights" | "ccaiinsights" | "googleccai" => Format::Ccai,
            "genesys" | "genesyscloud" => Format::Genesys,
            "twilio" | "voiceintelligence" => Format::Twilio,
            "azurespeech" | "azure" | "azurestt" => Format::Azure,
            _ => {
                return Err(format!(
                    "unknown format `{s}` (expected one of: {})",
                    Format::ALL.map(Format::name).join(", ")
                ));
            }
        })
    }
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Records larger than this many bytes are reported as errors; for formats read whole,
    /// files larger than this.
    pub max_record_bytes: usize,
    /// The input format, or [`Format::Auto`] to detect it per input.
    pub format: Format,
    /// Column names for tables, overriding detection (`--columns`).
    pub columns: ColumnMap,
    /// Twilio: the audio channel of the agent when the transcript does not say
    /// (`--twilio-agent-channel`); Twilio's own default, channel 1, otherwise.
    pub twilio_agent_channel: Option<u32>,
    /// Exports whose voices are numbered (Amazon Transcribe jobs, Azure Speech): the label of
    /// the agent's voice (`--agent-label`); otherwise the voice that speaks like one.
    pub agent_label: Option<String>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            format: Format::Auto,
            columns: ColumnMap::default(),
            twilio_agent_channel: None,
            agent_label: None,
        }
    }
}

/// One input to read: a file on disk or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named "-" in sources.
    Stdin,
    /// A file on disk.
    File(PathBuf),
    /// A file or directory met in a directory walk that could not be read: it yields one
    /// error record, and the batch goes on.
    Unreadable {
        /// Where.
        path: PathBuf,
        /// What went wrong.
        error: String,
    },
}

impl Input {
    /// The name used in `source.file`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) | Input::Unreadable { path: p, .. } => p.display().to_string(),
        }
    }

    /// The size in bytes of a file input (none for standard input or what cannot be read).
    pub fn file_size(&self) -> Option<u64> {
        match self {
            Input::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Input::Stdin | Input::Unreadable { .. } => None,
        }
    }
}

/// File extensions picked up when walking a directory (each also when gzipped).
pub const WALKED_EXTENSIONS: &[&str] =
    &["jsonl", "ndjson", "json", "csv", "tsv", "txt", "vtt", "srt"];

/// Expands command-line inputs: files stay, directories are walked recursively (in sorted
/// order, so runs are reproducible) for files with an extension of `format` (see
/// [`Format::walked_extensions`]), `-` is stdin. A named input that does not exist is an
/// error; what a walk cannot read becomes an [`Input::Unreadable`].
pub fn expand_inputs(args: &[String], format: Format) -> io::Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(arg);
        let meta =
            std::fs::metadata(path).map_err(|e| io::Error::new(e.kind(), format!("{arg}: {e}")))?;
        if meta.is_dir() {
            walk(path, format.walked_extensions(), &mut inputs);
        } else {
            inputs.push(Input::File(path.to_path_buf()));
        }
    }
    Ok(inputs)
}

/// Walks `dir` depth first in file-name order. Symbolic links are followed, but a link back to
/// a directory being walked is skipped rather than walked again (its files are read once).
/// An entry that cannot be read (a directory without permission) is kept in its place as
/// an [`Input::Unreadable`]: one error record, where the rest of the tree is still read.
fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<Input>) {
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => {
                let error = match e.io_error() {
                    Some(io) => format!("cannot read this directory entry: {io}"),
                    None => format!("cannot read this directory entry: {e}"),
                };
                out.push(Input::Unreadable {
                    path: e.path().unwrap_or(dir).to_path_buf(),
                    error,
                });
                continue;
            }
        };
        if entry.file_type().is_file() && has_extension(entry.path(), extensions) {
            out.push(Input::File(entry.into_path()));
        }
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    extensions.iter().any(|ext| {
        name.strip_suffix(ext)
            .is_some_and(|stem| stem.ends_with('.'))
    })
}

/// Opens an input as a buffered byte stream, decompressing `.gz` files; an error names
/// the input.
pub fn open(input: &Input) -> io::Result<Box<dyn BufRead + Send>> {
    open_unnamed(input).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", input.name())))
}

/// As [`open`], with the error as the system gives it.
fn open_unnamed(input: &Input) -> io::Result<Box<dyn BufRead + Send>> {
    let reader: Box<dyn Read + Send> = match input {
        Input::Stdin => Box::new(io::stdin()),
        Input::File(path) => Box::new(File::open(path)?),
        Input::Unreadable { error, .. } => return Err(io::Error::other(error.clone())),
    };
    let mut buffered = BufReader::with_capacity(256 * 1024, reader);
    let is_gzip = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if is_gzip {
        Box::new(BufReader::with_capacity(
            256 * 1024,
            flate2::bufread::MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    })
}

/// Detects the format of an input from its name (extension, `.gz` ignored) and its first
/// (decompressed) bytes. JSON keys are not looked at here: JSON inputs are told apart per
/// conversation by [`json::detect_schema`].
pub fn detect(name: &str, head: &[u8]) -> Format {
    let lower = name.to_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = Path::new(lower)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    match ext {
        "jsonl" | "ndjson" => return Format::Jsonl,
        "json" => return Format::Json,
        "csv" | "tsv" => return Format::Csv,
        "vtt" => return Format::Vtt,
        "srt" => return Format::Srt,
        _ => {}
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.trim_ascii_start();
    if start.starts_with(b"WEBVTT") {
        return Format::Vtt;
    }
    if start.starts_with(b"{") || start.starts_with(b"[") && looks_like_json_array(start) {
        return Format::Json;
    }
    // SRT: a cue timing line among the first few lines.
    let timing_early = start
        .split(|&b| b == b'\n')
        .take(4)
        .any(|l| memchr::memmem::find(l, b"-->").is_some());
    if timing_early {
        return Format::Srt;
    }
    Format::Text
}

/// `[` opens JSON arrays but also `[00:00:01] Agent: …` text lines.
fn looks_like_json_array(start: &[u8]) -> bool {
    let inner = start[1..].trim_ascii_start();
    inner.is_empty() || matches!(inner[0], b'{' | b'[' | b']' | b'"')
}

/// Reads up to `n` bytes from the front of a stream and gives them back together with a
/// stream that still yields every byte from the start.
fn peek(
    mut stream: Box<dyn BufRead + Send>,
    n: usize,
) -> io::Result<(Vec<u8>, Box<dyn BufRead + Send>)> {
    let mut head = Vec::with_capacity(n.min(8192));
    stream.by_ref().take(n as u64).read_to_end(&mut head)?;
    let rest = Cursor::new(head.clone()).chain(stream);
    Ok((head, Box::new(BufReader::with_capacity(256 * 1024, rest))))
}

/// Reads a whole stream, failing with an error record's message once it exceeds `max`.
fn read_capped(stream: &mut dyn Read, max: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    stream
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("read error: {e}"))?;
    if bytes.len() > max {
        return Err(format!(
            "file is over the limit of {max} bytes (--max-record-bytes) for a format read whole"
        ));
    }
    Ok(bytes)
}

/// The records of one input, streamed (JSON Lines) or read whole (every other format).
pub fn records(
    input: &Input,
    options: &IngestOptions,
) -> io::Result<Box<dyn Iterator<Item = Record> + Send>> {
    let name = input.name();
    // A file that cannot be opened is one error record; the batch goes on.
    let stream = match (input, open_unnamed(input)) {
        (_, Ok(stream)) => stream,
        (Input::Stdin, Err(e)) => return Err(e),
        (Input::Unreadable { error, .. }, Err(_)) => {
            return Ok(Box::new(std::iter::once(file_error(&name, error.clone()))));
        }
        (Input::File(_), Err(e)) => {
            return Ok(Box::new(std::iter::once(file_error(
                &name,
                format!("cannot read this file: {e}"),
            ))));
        }
    };
    let (head, mut stream) = match peek(stream, SNIFF_BYTES) {
        Ok(p) => p,
        Err(e) => {
            return Ok(Box::new(std::iter::once(file_error(
                &name,
                format!("read error: {e}"),
            ))));
        }
    };
    let format = match options.format {
        Format::Auto => detect(&name, &head),
        given => given,
    };
    let schema = format.schema();
    if matches!(format, Format::Jsonl)
        || (matches!(format, Format::Json) || schema.is_some())
            && json::looks_like_lines(&head, head.len() < SNIFF_BYTES)
    {
        return Ok(Box::new(json::lines(stream, &name, schema, options)));
    }
    let bytes = match read_capped(&mut stream, options.max_record_bytes) {
        Ok(b) => b,
        Err(message) => return Ok(Box::new(std::iter::once(file_error(&name, message)))),
    };
    let label = options.agent_label.as_deref();
    let records = match format {
        Format::Csv => {
            let tsv = name
                .to_lowercase()
                .trim_end_matches(".gz")
                .ends_with(".tsv");
            csv::read(&bytes, &name, &options.columns, tsv, label)
        }
        Format::Text => text::read(&bytes, &name, label),
        Format::Vtt => subtitles::read(&bytes, &name, subtitles::Kind::Vtt, label),
        Format::Srt => subtitles::read(&bytes, &name, subtitles::Kind::Srt, label),
        _ => json::document(&bytes, &name, schema, options),
    };
    Ok(Box::new(records.into_iter()))
}

/// An error record for a whole file.
fn file_error(name: &str, message: String) -> Record {
    Record {
        source: Source {
            file: name.to_string(),
            line: None,
            place: None,
        },
        conversation: Err(RecordError::new(message)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert_eq!("WebVTT".parse::<Format>(), Ok(Format::Vtt));
        assert_eq!("Contact_Lens".parse::<Format>(), Ok(Format::ContactLens));
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn detects_by_extension_then_content() {
        assert_eq!(detect("a.JSONL.gz", b""), Format::Jsonl);
        assert_eq!(detect("a.tsv", b""), Format::Csv);
        assert_eq!(detect("a.txt", b"\xEF\xBB\xBFWEBVTT\n\n"), Format::Vtt);
        assert_eq!(detect("-", b"  {\"turns\": []}"), Format::Json);
        assert_eq!(detect("-", b"[{\"turns\": []}]"), Format::Json);
        assert_eq!(detect("x.txt", b"[00:00:01] Agent: hi"), Format::Text);
        assert_eq!(
            detect("x", b"1\r\n00:00:01,000 --> 00:00:02,000\r\nAgent: hi"),
            Format::Srt
        );
        assert_eq!(detect("x.log", b"Agent: hi"), Format::Text);
    }

    #[test]
    fn walks_every_readable_extension() {
        let auto = Format::Auto.walked_extensions();
        for name in ["a.json", "a.csv.gz", "a.vtt", "a.SRT", "a.txt", "a.ndjson"] {
            assert!(has_extension(Path::new(name), auto), "{name}");
        }
        assert!(!has_extension(Path::new("a.pdf"), auto));
        assert!(!has_extension(Path::new("a.gz"), auto));
        // The extension is a whole one: "a.xjsonl" is not JSON Lines.
        assert!(!has_extension(Path::new("a.xjsonl"), auto));
    }

    #[test]
    fn a_given_format_walks_its_own_extensions_only() {
        let jsonl = Format::Jsonl.walked_extensions();
        assert!(has_extension(Path::new("calls.jsonl.gz"), jsonl));
        for name in ["README.txt", "summary.csv", "call.json"] {
            assert!(!has_extension(Path::new(name), jsonl), "{name}");
        }
        assert!(has_extension(
            Path::new("call.json"),
            Format::Genesys.walked_extensions()
        ));
        assert!(has_extension(
            Path::new("export.TSV"),
            Format::Csv.walked_extensions()
        ));
        // Every format walks something, and only what detection also reads.
        for format in Format::ALL {
            assert!(!format.walked_extensions().is_empty(), "{format:?}");
            for ext in format.walked_extensions() {
                assert!(WALKED_EXTENSIONS.contains(ext), "{format:?} {ext}");
            }
        }
    }
}
