#!/usr/bin/env python3
"""Precision and recall of each rule against the behaviours planted in generated calls.

    python3 benches/planted.py [COUNT] [SEED] [SINCERITY_BINARY]

Generates COUNT conversations (default 3,000, seed 99) with `gen_corpus --labels`, scores them,
and compares, per conversation, the rules that fired with the rules the generator planted.
Build first: `cargo build --release --bins --examples`.

Read the figures with care: the generator and the rules are written by the same project, so
this checks that the rules find what the generator says it planted, in the generator's wording.
The labels are also partial: a stock line the generator did not mean as empathy ("I'm sorry to
hear that") or a closing sentiment it did not plan still counts against precision, so precision
is a lower bound. Rules the generator never plants (closing-sentiment, agent-failure,
customer-thanks) show 0.

Only the Python standard library is used.
"""

import collections
import json
import os
import subprocess
import sys
import tempfile


def main():
    count = sys.argv[1] if len(sys.argv) > 1 else "3000"
    seed = sys.argv[2] if len(sys.argv) > 2 else "99"
    release = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release")
    binary = sys.argv[3] if len(sys.argv) > 3 else os.path.join(release, "sincerity")
    generator = os.path.join(release, "examples", "gen_corpus")
    with tempfile.TemporaryDirectory() as tmp:
        calls = os.path.join(tmp, "calls.jsonl")
        labels = os.path.join(tmp, "labels.jsonl")
        results = os.path.join(tmp, "results.jsonl")
        subprocess.run([generator, "--count", count, "--seed", seed, "-o", calls,
                        "--labels", labels], check=True)
        subprocess.run([binary, "score", "-q", calls, "-o", results], check=True)
        planted = {}
        with open(labels) as f:
            for line in f:
                record = json.loads(line)
                planted[record["id"]] = set(record["rules"])
        tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
        with open(results) as f:
            for line in f:
                record = json.loads(line)
                fired = {finding["rule"] for finding in record.get("findings", [])}
                wanted = planted[record["id"]]
                for rule in fired | wanted:
                    if rule in fired and rule in wanted:
                        tp[rule] += 1
                    elif rule in fired:
                        fp[rule] += 1
                    else:
                        fn[rule] += 1
    print(f"{count} generated conversations, seed {seed}: conversation-level precision / recall")
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        precision = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 0.0
        recall = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 0.0
        print(f"  {rule:24s} P {precision:.2f}  R {recall:.2f}"
              f"  (tp {tp[rule]}, fp {fp[rule]}, fn {fn[rule]})")


if __name__ == "__main__":
    main()
