#!/usr/bin/env bash
# The whole test suite, from a fresh clone: build, every test, lints and formatting.
# Installs nothing by hand: cargo fetches the crates; the browser and Spark tests install
# what they need themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
# Doc comments stay well-formed: no broken or private links in the public documentation.
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked
cargo build --release --locked
cargo test --release --locked --all-targets
CARGO_TARGET_DIR=target/vendor cargo test --release --locked --manifest-path vendor/vader-parity/Cargo.toml

# The HTML report rendered by a real headless browser (installs Debian's chromium if absent).
SINCERITY_PROFILE=release bash tests/browser/run.sh

# Scale-out on Apache Spark: learn/merge per partition and score through RDD.pipe, compared with
# a single-machine run (installs PySpark from PyPI into target/spark-venv if absent).
bash tests/spark/run.sh
