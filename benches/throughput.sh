#!/usr/bin/env bash
# Reproducible throughput benchmark: a generated corpus of COUNT conversations (default
# 100,000, seed 7: 238,149,177 bytes), scored at 1 and 2 threads, against the parse-only
# yardstick (serde_json into a Value, same file, same batching, all threads), then learning the
# script model and scoring with it, each with peak memory from /usr/bin/time. A second yardstick
# splits the JSON from the analysis: parsing the results `score` writes and writing them back
# out (serde_json, all threads) minus parsing them alone is what writing the results costs.
#
# Every command runs ROUNDS times (default 3) and the table gives the median wall time, its
# range, and the largest peak memory. On a shared machine one run can be 40% off, so the
# parse-only pass and the 2-thread score run in turn, and their ratio is taken round by round.
#
#   bash benches/throughput.sh [COUNT]          ROUNDS=5 bash benches/throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
rounds="${ROUNDS:-3}"
dir=target/bench
mkdir -p "$dir"
corpus="$dir/corpus-$count.jsonl"

cargo build --release --locked --quiet --bin sincerity --example gen_corpus --example parse_only
[ -s "$corpus" ] || ./target/release/examples/gen_corpus --count "$count" --seed 7 -o "$corpus"
bytes=$(stat -L -c %s "$corpus")
echo "corpus: $count conversations, $((bytes / 1000000)) MB ($corpus); $rounds rounds"
rm -f "$dir"/wall-*.txt "$dir"/rss-*.txt

run_once() { # label, command...: appends the wall time (s) and peak memory (KB) of one run
  local label=$1; shift
  local log="$dir/time-$label.txt"
  /usr/bin/time -v "$@" 2> "$log" > /dev/null || true
  awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
    awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }' >> "$dir/wall-$label.txt"
  awk -F': ' '/Maximum resident set size/ {print $2}' "$log" >> "$dir/rss-$label.txt"
}

median() { # file of numbers, one a line
  sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

report() { # label [bytes]
  local label=$1 size=${2:-$bytes}
  local wall low high rss
  wall=$(median "$dir/wall-$label.txt")
  low=$(sort -g "$dir/wall-$label.txt" | head -1)
  high=$(sort -g "$dir/wall-$label.txt" | tail -1)
  rss=$(sort -g "$dir/rss-$label.txt" | tail -1)
  awk -v l="$label" -v w="$wall" -v lo="$low" -v hi="$high" -v b="$size" -v c="$count" -v r="$rss" \
    'BEGIN { printf "%-22s %6.2f s (%.2f-%.2f) %7.1f MB/s %8.0f conv/s %7.1f MB peak\n", l, w, lo, hi, b / 1e6 / w, c / w, r / 1024 }'
}

score=(./target/release/sincerity score -q)
./target/release/sincerity learn -q --threads 2 "$corpus" -o "$dir/scripts.json"
"${score[@]}" --threads 2 "$corpus" -o "$dir/results-$count.jsonl"
results="$dir/results-$count.jsonl"
results_bytes=$(stat -L -c %s "$results")
for _ in $(seq "$rounds"); do
  run_once parse-only-2 ./target/release/examples/parse_only "$corpus" 2
  run_once score-2-threads "${score[@]}" --threads 2 "$corpus" -o /dev/null
  run_once score-1-thread "${score[@]}" --threads 1 "$corpus" -o /dev/null
  run_once learn-2-threads ./target/release/sincerity learn -q --threads 2 "$corpus" -o "$dir/scripts.json"
  run_once score-scripts-2 "${score[@]}" --threads 2 --scripts "$dir/scripts.json" "$corpus" -o /dev/null
  run_once parse-results-2 ./target/release/examples/parse_only "$results" 2
  run_once parse-write-results-2 ./target/release/examples/parse_only "$results" 2 --write
done
for label in parse-only-2 score-1-thread score-2-threads learn-2-threads score-scripts-2; do
  report "$label"
done
report parse-results-2 "$results_bytes"
report parse-write-results-2 "$results_bytes"

# Round by round: each score run against the parse-only run just before it.
paste "$dir/wall-score-2-threads.txt" "$dir/wall-parse-only-2.txt" |
  awk '{ print $1 / $2 }' > "$dir/ratio.txt"
awk -v m="$(median "$dir/ratio.txt")" -v lo="$(sort -g "$dir/ratio.txt" | head -1)" \
  -v hi="$(sort -g "$dir/ratio.txt" | tail -1)" \
  'BEGIN { printf "ratio score/parse-only at 2 threads: %.2f (%.2f-%.2f)\n", m, lo, hi }'
# The JSON alone: parsing the input plus writing the results, from the medians.
parse=$(median "$dir/wall-parse-only-2.txt")
read_results=$(median "$dir/wall-parse-results-2.txt")
write_results=$(median "$dir/wall-parse-write-results-2.txt")
score_2=$(median "$dir/wall-score-2-threads.txt")
awk -v p="$parse" -v r="$read_results" -v w="$write_results" -v s="$score_2" \
  'BEGIN { j = p + w - r; printf "JSON in and out: %.2f s (%.2fx parse-only); the rest of score: %.2f s\n", j, j / p, s - j }'
