#!/usr/bin/env bash
# Spark scale-out test: builds the release binary, makes sure PySpark is importable (installing
# it from PyPI into target/spark-venv when it is not), and runs tests/spark/spark_test.py on a
# local Spark (local[2]). Needs Python 3 and Java 17 on the PATH (or JAVA_HOME).
#
# Environment: PYTHON (default python3), SPARK_TEST_CORPUS (default corpora/demo.jsonl when
# present, else a generated corpus), SPARK_TEST_PARTITIONS (default 5).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
venv="$root/target/spark-venv"
work="$root/target/spark-test"

if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "spark test: installing a Java runtime (openjdk-17-jre-headless)" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "spark test: Java (17 or later) is needed: install a JDK, e.g. openjdk-17-jre-headless" >&2
        exit 2
    fi
fi

if ! "$python" -c 'import pyspark' >/dev/null 2>&1; then
    if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
        echo "spark test: installing PySpark into $venv" >&2
        if "$python" -m venv "$venv" >/dev/null 2>&1 && [ -x "$venv/bin/pip" ]; then
            "$venv/bin/pip" install --quiet --disable-pip-version-check 'pyspark>=3.5,<5' >&2
        else
            # No venv module (a bare Debian python3): fall back to the user site, which a
            # distribution's "externally managed" marker refuses unless told otherwise.
            rm -rf "$venv"
            "$python" -m pip install --quiet --user 'pyspark>=3.5,<5' >&2 ||
                "$python" -m pip install --quiet --user --break-system-packages 'pyspark>=3.5,<5' >&2
        fi
    fi
    if "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
        python="$venv/bin/python"
    fi
fi

cargo build --release --locked --quiet

corpus_args=()
corpus="${SPARK_TEST_CORPUS:-}"
if [ -z "$corpus" ] && [ -f corpora/demo.jsonl ]; then
    corpus=corpora/demo.jsonl
fi
if [ -n "$corpus" ]; then
    corpus_args=(--corpus "$corpus")
fi

rm -rf "$work"
exec "$python" tests/spark/spark_test.py \
    --binary target/release/sincerity \
    --work "$work" \
    --partitions "${SPARK_TEST_PARTITIONS:-5}" \
    "${corpus_args[@]}"
