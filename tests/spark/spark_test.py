"""Scale-out check: score a corpus and learn/merge its script model on Apache Spark through
RDD.pipe, and compare with a single-machine run.

Usage: spark_test.py --binary PATH --work DIR [--corpus FILE] [--partitions N]

Checks, each printed as it passes:
  1. learn per partition (--min-conversations 1) + merge gives the model learned on the whole
     corpus, byte for byte (merged inside Spark, and merged from the collected models);
  2. score through RDD.pipe with the model shipped by SparkContext.addFile gives, in input
     order, the lines of a single-machine run (with the same model): byte-identical once the
     `source` object — file "-" and the line within the partition — is taken out;
  3. the piped scoring wrote one line per input line and nothing but JSON.
"""

import argparse
import json
import os
import random
import re
import shlex
import subprocess
import sys


def generate_corpus(path, count=1200, seed=7):
    """A corpus with a known script: greetings, a recording notice, a scripted check and
    closing said by many agents, plus rare and free lines."""
    rng = random.Random(seed)
    agents = [("A%02d" % i, name) for i, name in enumerate(
        ["Dana", "Lee", "Priya", "Omar", "Kim", "Jo", "Ana", "Ravi", "Tom", "Eve"])]
    customers = ["Maria Lopez", "John Smith", "Aiko Tanaka", "Nora Quinn", "Bill Hope", "Sam Reid"]
    words = ("router bill refund modem engineer visit cable signal app password parcel courier "
             "invoice tariff upgrade speed line fault credit replacement").split()
    rare = ["Note that %s." % " ".join(rng.choice(words) for _ in range(rng.randint(6, 9)))
            for _ in range(count // 2)]
    greetings = ["Thank you for calling Acme, my name is {a}, how can I help you today?",
                 "Thanks for calling Acme, this is {a}, how may I help you?"]
    notice = "This call may be recorded for quality and training purposes."
    empathy = ["I completely understand how frustrating that must be.",
               "I'm so sorry to hear that your internet keeps dropping out.",
               "That sounds really stressful, especially working from home."]
    customer_lines = ["My internet keeps dropping every evening and I work from home.",
                      "I was charged twice this month and nobody has fixed it.",
                      "This is my third call about the same problem, I already explained all this.",
                      "Can I speak to a manager please?", "Okay.", "Fine, thanks."]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            agent_id, agent = rng.choice(agents)
            customer = rng.choice(customers)
            first = customer.split()[0]
            turns = [{"speaker": "agent", "text": rng.choice(greetings).format(a=agent) + " " + notice},
                     {"speaker": "customer", "text": rng.choice(customer_lines[:3])}]
            for _ in range(rng.randint(1, 4)):
                kind = rng.random()
                if kind < 0.3:
                    text = rng.choice(empathy)
                elif kind < 0.55:
                    text = "I can see a charge of ${}.{:02d} on order AB-{} from {}.".format(
                        rng.randint(5, 200), rng.randint(0, 99), rng.randint(1000, 99999),
                        rng.choice(["Monday", "March 3rd", "May 5", "Friday"]))
                elif kind < 0.75:
                    text = rng.choice(rare)
                else:
                    text = "So the %s, %s." % (" ".join(rng.choice(words) for _ in range(5)), first)
                if rng.random() < 0.3:
                    text = "Okay %s, %s" % (first, text[0].lower() + text[1:])
                turns.append({"speaker": "agent", "text": text})
                turns.append({"speaker": "customer", "text": rng.choice(customer_lines)})
            if rng.random() < 0.6:
                turns.append({"speaker": "agent",
                              "text": "Is there anything else I can help you with today, %s?" % first})
            record = {"id": "c-%05d" % i, "agent_name": agent, "customer_name": customer,
                      "channel": rng.choice(["voice", "chat"]),
                      "metadata": {"agent_id": agent_id, "team": rng.choice(["billing", "tech"])},
                      "turns": turns}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def usable_demo(path):
    """The demo corpus, if present and every record names its id (default ids are
    file:line, which a partition numbers differently)."""
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    if "id" not in json.loads(line):
                        return False
                except ValueError:
                    return False
    return True


SOURCE = re.compile(r',"source":\{[^{}]*\}')


def without_source(line):
    """The result line without its `source` object; everything else byte for byte."""
    stripped, n = SOURCE.subn("", line, count=1)
    if n != 1:
        raise AssertionError("no source object in result line: " + line[:120])
    return stripped


def run(cmd, stdin=None):
    proc = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if proc.returncode != 0:
        raise AssertionError("%s failed (%d): %s" % (" ".join(cmd), proc.returncode,
                                                     proc.stderr.decode(errors="replace")))
    return proc.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--corpus")
    parser.add_argument("--partitions", type=int, default=5)
    args = parser.parse_args()

    binary = os.path.abspath(args.binary)
    os.makedirs(args.work, exist_ok=True)
    corpus = args.corpus
    if corpus and not usable_demo(corpus):
        print("corpus %s has records without an id; using a generated corpus" % corpus, flush=True)
        corpus = None
    if not corpus:
        corpus = os.path.join(args.work, "corpus.jsonl")
        generate_corpus(corpus)
    corpus = os.path.abspath(corpus)
    with open(corpus, "rb") as f:
        corpus_bytes = f.read()
    n_records = sum(1 for line in corpus_bytes.splitlines() if line.strip())
    print("corpus: %s (%d conversations)" % (corpus, n_records), flush=True)

    # Single machine.
    whole_model = os.path.join(args.work, "scripts.json")
    run([binary, "learn", "-q", "-o", whole_model, corpus])
    with open(whole_model, "rb") as f:
        whole_model_bytes = f.read()
    single = run([binary, "score", "-q", "--scripts", whole_model, "-"], stdin=corpus_bytes)
    single_lines = single.decode("utf-8").splitlines()

    # Spark, local, on the loopback interface only.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark import SparkConf, SparkContext, SparkFiles

    conf = (SparkConf().setMaster("local[2]").setAppName("sincerity-spark-test")
            .set("spark.ui.enabled", "false")
            .set("spark.ui.showConsoleProgress", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    passed = failed = 0

    def check(name, condition, detail=""):
        nonlocal passed, failed
        if condition:
            passed += 1
            print("ok: " + name, flush=True)
        else:
            failed += 1
            print("FAILED: %s %s" % (name, detail), flush=True)

    try:
        rdd = sc.textFile("file://" + corpus, minPartitions=args.partitions).filter(lambda l: l.strip())
        parts = rdd.getNumPartitions()
        print("partitions: %d" % parts, flush=True)
        threads = 1  # one core per task (spark.task.cpus = 1)

        # 1. learn per partition, merge.
        learn = "%s learn -q --threads %d --min-conversations 1 -" % (shlex.quote(binary), threads)
        merge = "%s merge -q -" % shlex.quote(binary)
        shard_models = rdd.pipe(learn, checkCode=True)
        merged_in_spark = shard_models.coalesce(1).pipe(merge, checkCode=True).collect()
        collected = shard_models.collect()
        models_file = os.path.join(args.work, "partition-models.jsonl")
        with open(models_file, "w", encoding="utf-8") as f:
            f.write("\n".join(collected) + "\n")
        merged_here = run([binary, "merge", "-q", models_file])
        check("one model per partition", len(collected) == parts, "%d models" % len(collected))
        check("model merged in Spark == model learned on one machine",
              (merged_in_spark[0] + "\n").encode("utf-8") == whole_model_bytes if merged_in_spark else False)
        check("collected partition models merged == model learned on one machine",
              merged_here == whole_model_bytes)

        # 2. score through RDD.pipe with the model shipped to the executors.
        spark_model = os.path.join(args.work, "spark-scripts.json")
        with open(spark_model, "wb") as f:
            f.write((merged_in_spark[0] + "\n").encode("utf-8"))
        sc.addFile(spark_model)
        shipped = SparkFiles.get("spark-scripts.json")
        score = "%s score -q --threads %d --scripts %s -" % (
            shlex.quote(binary), threads, shlex.quote(shipped))
        piped = rdd.pipe(score, checkCode=True).collect()
        check("one result line per input line", len(piped) == n_records == len(single_lines),
              "%d piped, %d single, %d input" % (len(piped), len(single_lines), n_records))
        all_json = True
        for line in piped:
            try:
                json.loads(line)
            except ValueError:
                all_json = False
                break
        check("piped stdout is only JSON result lines", all_json)
        a = [without_source(l) for l in piped]
        b = [without_source(l) for l in single_lines]
        check("piped results == single-machine results, in input order", a == b,
              next(("first difference at line %d" % i for i, (x, y) in enumerate(zip(a, b)) if x != y), ""))
        check("sorted piped results == sorted single-machine results", sorted(a) == sorted(b))
        scripted = sum(1 for l in piped if json.loads(l)["metrics"]["script_lines"] > 0)
        check("the script model flags lines", scripted > 0, "no conversation has a script line")
    finally:
        sc.stop()
    print("spark: %d passed, %d failed" % (passed, failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
