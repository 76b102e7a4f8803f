#!/usr/bin/env bash
# Installs pip's pyspark for the Spark integration test (tests/cli/spark.rs), which runs
# examples/spark/herald_job.py in local mode. Idempotent: does nothing when the pinned version
# is already importable. Needs Java 17 (Debian's openjdk-17-jre-headless), installed here when
# `java` is missing. Run it (don't source it): `bash .ci/spark.sh`. Exports nothing; the test
# finds `python3` on PATH (override with HERALD_PYTHON=/path/to/python).
#
# Download: pyspark 3.5.7 is a ~317 MB source archive (it bundles Spark's jars), ~320 MB
# installed; it has no other Python dependency (py4j, ~0.2 MB, comes with it).
set -euo pipefail
PYSPARK_VERSION=3.5.7
PYTHON=${HERALD_PYTHON:-python3}

if ! command -v java >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

have=$("$PYTHON" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null || true)
if [ "$have" != "$PYSPARK_VERSION" ]; then
    "$PYTHON" -m pip install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
"$PYTHON" -c 'import pyspark; print("pyspark", pyspark.__version__)'
