//! The yardstick of the throughput benchmark: what merely parsing the same JSON Lines costs
//! (serde_json into a `Value`, all cores, same file, same batching as `sincerity score`).
//!
//! `cargo run --release --example parse_only -- FILE [THREADS]`

use std::io::{BufRead, BufReader};

use rayon::prelude::*;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: parse_only FILE [THREADS]");
    let threads: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(0);
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
                .filter(|l| serde_json::from_slice::<serde_json::Value>(l).is_ok())
                .count() as u64
        });
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "parsed {parsed}/{records} records, {:.1} MB in {secs:.2}s: {:.1} MB/s, {:.0} records/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        records as f64 / secs
    );
    Ok(())
}
