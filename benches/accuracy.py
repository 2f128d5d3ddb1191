#!/usr/bin/env python3
"""Reproduces the README's accuracy table: every figure for the whole file, half A and half B,
for the rules and for the simple baselines, each computed by `sincerity eval`.

    python3 benches/accuracy.py DATA_DIR [SINCERITY_BINARY]

DATA_DIR holds `epitome-dev.jsonl` and `uss-dev.jsonl` (the labelled development sets; they are
not shipped with the project). The halves split each file by the MD5 of the record id read as an
integer: even -> A, odd -> B. The baselines are written into a copy of each file as extra
`labels.baseline_*` fields, so that the same `sincerity eval` computes their figures too:

- reaction: the response contains "sorry" -> 2, else "hope" -> 1, else 0;
- interpretation: two or more of the words "I", "me", "my" -> 2, else 0;
- exploration: a question mark -> 2, else 0;
- effort (USS): the number of turns; the customer turns with a repetition marker ("again",
  "already", "repeat", "I said", "I told you", "as I mentioned").

It also reports agreement with the coach's reading of each call in `corpora/coached.jsonl`
(shipped), against two shortcuts written into a copy the same way:

- empathy: the number of agent turns that say a stock empathy word ("sorry", "apologise",
  "understand", "hear you", "appreciate"), as a phrase-counting suite would score it;
- effort: the number of turns.

Only the Python standard library is used.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

DISSATISFIED = "min(labels.overall_satisfaction) <= 2 && labels.overall_satisfaction_mean < 3"
REPETITION = re.compile(r"\b(again|already|repeat|i said|i told you|as i mentioned)\b", re.I)
FIRST_PERSON = re.compile(r"\b(i|me|my)\b", re.I)
EMPATHY_WORDS = re.compile(r"\b(sorry|apologi[sz]e|understand|hear you|appreciate)\b", re.I)


def half(record_id):
    return "A" if int(hashlib.md5(record_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def response(record):
    return " ".join(t["text"] for t in record["turns"] if t["speaker"] == "agent")


def epitome_baselines(record):
    text = response(record)
    lower = text.lower()
    labels = record["labels"]
    labels["baseline_reaction"] = 2 if "sorry" in lower else 1 if "hope" in lower else 0
    labels["baseline_interpretation"] = 2 if len(FIRST_PERSON.findall(text)) >= 2 else 0
    labels["baseline_exploration"] = 2 if "?" in text else 0


def uss_baselines(record):
    labels = record["labels"]
    labels["baseline_length"] = len(record["turns"])
    labels["baseline_repetition"] = sum(
        1
        for t in record["turns"]
        if t["speaker"] == "customer" and REPETITION.search(t["text"])
    )


def coached_baselines(record):
    labels = record["labels"]
    labels["baseline_empathy_phrases"] = sum(
        1 for t in record["turns"] if t["speaker"] == "agent" and EMPATHY_WORDS.search(t["text"])
    )
    labels["baseline_length"] = len(record["turns"])


def split(path, add_baselines, out_dir):
    """Writes whole/A/B copies of `path` with the baseline fields; returns their paths."""
    name = os.path.basename(path).replace(".jsonl", "")
    parts = {"whole": [], "A": [], "B": []}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            add_baselines(record)
            text = json.dumps(record, ensure_ascii=False) + "\n"
            parts["whole"].append(text)
            parts[half(record["id"])].append(text)
    paths = {}
    for part, texts in parts.items():
        paths[part] = os.path.join(out_dir, f"{name}-{part}.jsonl")
        with open(paths[part], "w", encoding="utf-8") as out:
            out.writelines(texts)
    return paths


def evaluate(binary, path, gold, pred, kind, extra=()):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [binary, "eval", path, "--gold", gold, "--pred", pred, "--kind", kind,
             "--json", report.name, *extra],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        figures = json.load(open(report.name))["figures"]
    return {name: figure["value"] for name, figure in figures.items()}


ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, "target", "release", "sincerity")
    with tempfile.TemporaryDirectory() as tmp:
        epitome = split(os.path.join(data, "epitome-dev.jsonl"), epitome_baselines, tmp)
        uss = split(os.path.join(data, "uss-dev.jsonl"), uss_baselines, tmp)
        print("EPITOME levels: macro-F1 / any-vs-none F1 / Cohen's kappa")
        for label, mechanism in [("emotional_reactions", "reaction"),
                                 ("interpretations", "interpretation"),
                                 ("explorations", "exploration")]:
            for who, pred in [("rules", f"metrics.empathy_{mechanism}"),
                              ("baseline", f"labels.baseline_{mechanism}")]:
                cells = []
                for part in ("whole", "A", "B"):
                    f = evaluate(binary, epitome[part], f"labels.{label}", pred, "levels")
                    cells.append(f"{part} {f['macro_f1']:.3f} / {f['any_f1']:.3f} / {f['kappa']:.3f}")
                print(f"  {mechanism:15s} {who:9s} " + "   ".join(cells))
        print("USS effort vs dissatisfied dialogues: ROC AUC / Spearman with mean satisfaction")
        for who, pred in [("rules", "scores.effort"),
                          ("length", "labels.baseline_length"),
                          ("repetition", "labels.baseline_repetition")]:
            cells = []
            for part in ("whole", "A", "B"):
                f = evaluate(binary, uss[part], "labels.overall_satisfaction_mean", pred, "scale",
                             ("--gold-binary", DISSATISFIED))
                cells.append(f"{part} {f['roc_auc']:.3f} / {f['spearman']:.3f}")
            print(f"  {who:11s} " + "   ".join(cells))
        coached = split(os.path.join(ROOT, "corpora", "coached.jsonl"), coached_baselines, tmp)
        whole = coached["whole"]
        print("Coached calls: Spearman with the coach's rating (0-4) / ROC AUC rated high vs low")
        for score, who, pred in [("empathy", "rules", "scores.empathy"),
                                 ("empathy", "phrases", "labels.baseline_empathy_phrases"),
                                 ("sincerity", "rules", "scores.sincerity")]:
            rho = evaluate(binary, whole, f"labels.coach_{score}", pred, "scale")["spearman"]
            auc = evaluate(binary, whole, f"labels.coach_{score}_high", pred, "binary")["roc_auc"]
            print(f"  {score:9s} {who:8s} {rho:.3f} / {auc:.3f}")
        for who, pred in [("rules", "scores.effort"), ("length", "labels.baseline_length")]:
            rho = evaluate(binary, whole, "labels.coach_effort", pred, "scale")["spearman"]
            print(f"  effort    {who:8s} {rho:.3f}")
        f = evaluate(binary, whole, "labels.coach_empathy_needed",
                     "metrics.empathy_opportunity", "binary")
        print(f"  empathy opportunity seen where the coach sees one: precision {f['precision']:.3f}"
              f" / recall {f['recall']:.3f}")


if __name__ == "__main__":
    main()
