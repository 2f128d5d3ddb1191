#!/usr/bin/env bash
# The Python yardstick: times benches/python_reference.py, a straightforward Python implementation
# of the same kinds of rules (VADER, per-conversation TF-IDF, regex lexicons), on the corpus that
# benches/throughput.sh scores, so that the README's "N times the speed of Python" is measured.
# Dependencies are pinned in a venv of their own so that runs on different days compare.
#
#   bash benches/python_reference.sh               # first 20,000 conversations, 2 processes
#   LIMIT=100000 PROCESSES=1 bash benches/python_reference.sh
#
# It prints the script's summary line: conversations, bytes read, seconds, MB/s, conversations/s
# and the start-up time. On a shared machine, repeat and take medians.
set -euo pipefail
cd "$(dirname "$0")/.."

# Only a part of the corpus by default: the whole of it takes many minutes in Python, and the
# rate is steady long before that.
limit="${LIMIT:-20000}"
processes="${PROCESSES:-2}" # as many as the 2-thread Rust run uses
count=100000
dir=target/bench
corpus="$dir/corpus-$count.jsonl"
venv="$dir/pyref-venv"
output="$dir/pyref-results.jsonl"
mkdir -p "$dir"

# Exact pins (the versions pip resolved on Python 3.11 when this was written); scipy is pinned
# too, since TfidfVectorizer and cosine_similarity run on its sparse matrices.
requirements=(vaderSentiment==3.3.2 scikit-learn==1.9.1 numpy==2.4.6 scipy==1.17.1)

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# Install once per set of pins: a stamp file records what the venv holds.
stamp="$venv/requirements.txt"
if [ "$(cat "$stamp" 2> /dev/null)" != "${requirements[*]}" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
  echo "${requirements[*]}" > "$stamp"
fi

# The same corpus as benches/throughput.sh: generated, 100,000 conversations, seed 7.
if [ ! -s "$corpus" ]; then
  cargo build --release --locked --quiet --example gen_corpus
  ./target/release/examples/gen_corpus --count "$count" --seed 7 -o "$corpus"
fi

"$venv/bin/python" benches/python_reference.py "$corpus" -o "$output" \
  --processes "$processes" --limit "$limit"
