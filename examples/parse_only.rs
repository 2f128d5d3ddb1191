//! The yardstick of the throughput benchmark: what merely parsing the same JSON Lines costs
//! (serde_json into a `Value`, all cores, same file, same batching as `sincerity score`).
//! With `--write`, each parsed record is also written back out as JSON (into memory): run on
//! the results of `sincerity score`, it is the bare cost of the JSON that a scorer writes.
//!
//! `cargo run --release --example parse_only -- FILE [THREADS] [--write]`

use std::io::{BufRead, BufReader};

use rayon::prelude::*;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: parse_only FILE [THREADS]");
    let threads: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(0);
    let write = args.next().is_some_and(|a| a == "--write");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    let started = std::time::Instant::now();
    let mut reader = BufReader::with_capacity(256 * 1024, std::fs::File::open(&path)?);
    let (mut records, mut parsed, mut bytes) = (0u64, 0u64, 0u64);
    loop {
        let mut batch: Vec<Vec<u8>> = Vec::with_capacity(2048);
        for _ in 0..2048 {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            bytes += line.len() as u64;
            batch.push(line);
        }
        if batch.is_empty() {
            break;
        }
        records += batch.len() as u64;
        parsed += pool.install(|| {
            batch
                .par_iter()
                .filter(|l| match serde_json::from_slice::<serde_json::Value>(l) {
                    Ok(value) if write => {
                        let mut out = Vec::with_capacity(l.len());
                        serde_json::to_writer(&mut out, &value).is_ok()
                            && !std::hint::black_box(out).is_empty()
                    }
                    Ok(_) => true,
                    Err(_) => false,
                })
                .count() as u64
        });
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} {parsed}/{records} records, {:.1} MB in {secs:.2}s: {:.1} MB/s, {:.0} records/s",
        if write { "parsed and wrote" } else { "parsed" },
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        records as f64 / secs
    );
    Ok(())
}
