//! The `sincerity` binary: parse arguments, run the command, map the outcome to an exit code
//! (0 all records scored, 1 some records were errors, 2 usage or I/O failure).

use clap::Parser;

// Scoring allocates many small strings; mimalloc handles them markedly faster than the system
// allocator on every platform.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = sincerity::cli::Cli::parse();
    let code = match sincerity::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                0
            } else {
                eprintln!("sincerity: {err:#}");
                2
            }
        }
    };
    std::process::exit(code);
}
