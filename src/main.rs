//! The `sincerity` binary: parse arguments, run the command, map the outcome to an exit code
//! (0 all records scored, 1 some records were errors, 2 usage or I/O failure).

use clap::Parser;

// Scoring allocates many small strings; mimalloc handles them markedly faster than the system
// allocator on every platform.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its index in `mi_option_t`, mimalloc.h, v3), which the
/// Rust bindings leave unnamed.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of returning it to the OS. Each batch frees its
/// records and renderings and the next one allocates as much again; returned memory comes
/// back as fresh (transparent huge) pages that the kernel must zero: about 30,000 page faults
/// and a few percent of the wall time on 100,000 calls. Memory stays bounded by the peak a
/// batch needs.
fn keep_freed_memory() {
    // SAFETY: `mi_option_set` only stores an integer in mimalloc's option table; any value is
    // valid for this option (-1: never purge), and no Rust invariant depends on it.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Whether the error is a write to a closed pipe, however it was wrapped: the JSON and CSV
/// writers carry the I/O error inside their own error types.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
            || e.downcast_ref::<csv::Error>().is_some_and(
                |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe),
            )
    })
}

fn main() {
    keep_freed_memory();
    let cli = sincerity::cli::Cli::parse();
    let code = match sincerity::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            if is_broken_pipe(&err) {
                0
            } else {
                eprintln!("sincerity: {err:#}");
                2
            }
        }
    };
    std::process::exit(code);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // The purge delay is the only option whose default is 1000 (ms); a wrong index would
        // read another option.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reading an option has no preconditions.
            let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
            assert_eq!(delay, 1000);
        }
    }
}
