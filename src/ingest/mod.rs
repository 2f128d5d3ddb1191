//! Reading inputs: files, directories and standard input, in every supported format, into
//! [`Record`]s. Each reader yields exactly one record per conversation it finds, or a located
//! error in its place.

pub mod jsonl;
pub mod roles;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::model::Record;

/// Default cap on one record's size: larger records become error records rather than
/// unbounded allocations.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Records larger than this many bytes are reported as errors.
    pub max_record_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
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
}

impl Input {
    /// The name used in `source.file`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// File extensions picked up when walking a directory.
const WALKED_EXTENSIONS: &[&str] = &["jsonl", "jsonl.gz", "ndjson"];

/// Expands command-line inputs: files stay, directories are walked recursively (in sorted
/// order, so runs are reproducible) for files with a readable extension, `-` is stdin.
pub fn expand_inputs(args: &[String]) -> io::Result<Vec<Input>> {
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
            walk(path, &mut inputs)?;
        } else {
            inputs.push(Input::File(path.to_path_buf()));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, out: &mut Vec<Input>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if has_walked_extension(&path) {
            out.push(Input::File(path));
        }
    }
    Ok(())
}

fn has_walked_extension(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    WALKED_EXTENSIONS
        .iter()
        .any(|ext| name.ends_with(&format!(".{ext}")))
}

/// Opens an input as a buffered byte stream, decompressing `.gz` files.
pub fn open(input: &Input) -> io::Result<Box<dyn BufRead + Send>> {
    let reader: Box<dyn Read + Send> = match input {
        Input::Stdin => Box::new(io::stdin()),
        Input::File(path) => Box::new(
            File::open(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?,
        ),
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

/// The records of one input, streamed.
pub fn records(
    input: &Input,
    options: &IngestOptions,
) -> io::Result<Box<dyn Iterator<Item = Record> + Send>> {
    let stream = open(input)?;
    Ok(Box::new(jsonl::JsonlReader::new(
        stream,
        &input.name(),
        options.max_record_bytes,
    )))
}
