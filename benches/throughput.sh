#!/usr/bin/env bash
# Reproducible throughput benchmark: a generated corpus of COUNT conversations (default
# 100,000, seed 7: 238,149,177 bytes), scored at 1 and 2 threads, against the parse-only
# yardstick (serde_json into a Value, same file, same batching, all threads), then learning the
# script model and scoring with it, each with peak memory from /usr/bin/time. A second yardstick
# splits the JSON from the analysis: parsing the results `score` writes and writing them back
# out (serde_json, all threads) minus parsing them alone is what writing the results costs.
# Each command runs once; on a shared machine, repeat and take medians.
#
#   bash benches/throughput.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
dir=target/bench
mkdir -p "$dir"
corpus="$dir/corpus-$count.jsonl"

cargo build --release --locked --quiet --bin sincerity --example gen_corpus --example parse_only
[ -s "$corpus" ] || ./target/release/examples/gen_corpus --count "$count" --seed 7 -o "$corpus"
bytes=$(stat -L -c %s "$corpus")
echo "corpus: $count conversations, $((bytes / 1000000)) MB ($corpus)"

measure() { # label, command...
  local label=$1; shift
  local log="$dir/time-$label.txt"
  /usr/bin/time -v "$@" 2> "$log" > /dev/null || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  awk -v l="$label" -v w="$wall" -v b="$bytes" -v c="$count" -v r="$rss" \
    'BEGIN { printf "%-22s %8.2f s %9.1f MB/s %9.0f conv/s %8.1f MB peak\n", l, w, b / 1e6 / w, c / w, r / 1024 }'
  echo "$wall" > "$dir/wall-$label.txt"
}

measure parse-only-2 ./target/release/examples/parse_only "$corpus" 2
measure score-1-thread ./target/release/sincerity score -q --threads 1 "$corpus" -o /dev/null
measure score-2-threads ./target/release/sincerity score -q --threads 2 "$corpus" -o /dev/null
measure learn-2-threads ./target/release/sincerity learn -q --threads 2 "$corpus" -o "$dir/scripts.json"
measure score-scripts-2 ./target/release/sincerity score -q --threads 2 --scripts "$dir/scripts.json" "$corpus" -o /dev/null
./target/release/sincerity score -q --threads 2 "$corpus" -o "$dir/results-$count.jsonl"
results_bytes=$(stat -L -c %s "$dir/results-$count.jsonl")
bytes=$results_bytes measure parse-results-2 ./target/release/examples/parse_only "$dir/results-$count.jsonl" 2
bytes=$results_bytes measure parse-write-results-2 ./target/release/examples/parse_only "$dir/results-$count.jsonl" 2 --write
parse=$(cat "$dir/wall-parse-only-2.txt")
score=$(cat "$dir/wall-score-2-threads.txt")
awk -v s="$score" -v p="$parse" 'BEGIN { printf "ratio score/parse-only at 2 threads: %.2f\n", s / p }'
# The JSON alone: parsing the input plus writing the results.
read_results=$(cat "$dir/wall-parse-results-2.txt")
write_results=$(cat "$dir/wall-parse-write-results-2.txt")
awk -v p="$parse" -v r="$read_results" -v w="$write_results" -v s="$score" \
  'BEGIN { j = p + w - r; printf "JSON in and out: %.2f s (%.2fx parse-only); the rest of score: %.2f s\n", j, j / p, s - j }'
