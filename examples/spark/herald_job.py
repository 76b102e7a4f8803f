#!/usr/bin/env python3
"""Code a corpus of articles with herald on a Spark cluster: articles in, partitioned Parquet out.

Every executor pipes its partition through `herald code --format json -` (RDD.pipe): JSON Lines
in, one JSON line per document out, so herald's memory stays bounded per task and the order
inside a partition is kept. The events are flattened to one row each and written as Parquet
partitioned by `root` (CAMEO root code) or by `date`.

Input: JSON Lines (`{"id","text","title","url","date"}` per line; other fields are ignored)
or Parquet with at least `text` (and ideally `id`, `title`, `url`, `date`) columns.

    spark-submit --files /path/to/herald examples/spark/herald_job.py \\
        --input s3://bucket/articles/ --output s3://bucket/events/ --partition-by root

The herald binary is found, in order: --herald PATH (a path valid on every executor), or the
file shipped with `--files` / `--herald-ship PATH` (SparkFiles), or `herald` on the PATH.
"""

import argparse
import json
import os
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession, types as T

EVENT_SCHEMA = T.StructType(
    [
        T.StructField("doc_id", T.StringType()),
        T.StructField("event_id", T.StringType()),
        T.StructField("sentence", T.LongType()),
        T.StructField("date", T.StringType()),
        T.StructField("source_code", T.StringType()),
        T.StructField("source_text", T.StringType()),
        T.StructField("target_code", T.StringType()),
        T.StructField("target_text", T.StringType()),
        T.StructField("cameo", T.StringType()),
        T.StructField("root", T.StringType()),
        T.StructField("goldstein", T.DoubleType()),
        T.StructField("quad_class", T.LongType()),
        T.StructField("plover", T.StringType()),
        T.StructField("place", T.StringType()),
        T.StructField("lat", T.DoubleType()),
        T.StructField("lon", T.DoubleType()),
        T.StructField("country", T.StringType()),
        T.StructField("negated", T.BooleanType()),
        T.StructField("evidence_start", T.LongType()),
        T.StructField("evidence_end", T.LongType()),
        T.StructField("json", T.StringType()),
    ]
)


def to_input_line(row):
    """One article as the JSON line herald reads."""
    d = row if isinstance(row, dict) else row.asDict()
    rec = {k: d.get(k) for k in ("id", "text", "title", "url", "date") if d.get(k) is not None}
    if "id" in rec:
        rec["id"] = str(rec["id"])
    return json.dumps(rec, ensure_ascii=False).replace("\n", "\\n")


def event_rows(line):
    """herald's output line → one tuple per event."""
    coded = json.loads(line)
    doc = coded.get("doc", {})
    for e in coded.get("events", []):
        src = e.get("source") or {}
        tgt = e.get("target") or {}
        place = e.get("place") or {}
        plover = e.get("plover") or {}
        ev = e.get("evidence") or [None, None]
        yield (
            doc.get("id"),
            e.get("id"),
            e.get("sentence"),
            e.get("date") or doc.get("published"),
            src.get("code"),
            src.get("text"),
            tgt.get("code"),
            tgt.get("text"),
            e.get("cameo"),
            e.get("root") or "none",
            float(e["goldstein"]) if e.get("goldstein") is not None else None,
            e.get("quad_class"),
            plover.get("type"),
            place.get("name"),
            place.get("lat"),
            place.get("lon"),
            place.get("country"),
            e.get("negated"),
            ev[0],
            ev[1],
            json.dumps(e, sort_keys=True, ensure_ascii=False),
        )


def herald_path(args):
    if args.herald:
        return args.herald
    name = os.path.basename(args.herald_ship) if args.herald_ship else "herald"
    try:
        shipped = SparkFiles.get(name)
        if os.path.exists(shipped):
            return shipped
    except Exception:  # no SparkContext files: fall back to the PATH
        pass
    return "herald"


def main(argv=None):
    ap = argparse.ArgumentParser(description="Code articles with herald on Spark (RDD.pipe).")
    ap.add_argument("--input", required=True, help="JSON Lines or Parquet articles (file or directory)")
    ap.add_argument("--format", choices=["jsonl", "parquet"], help="input format (default: by extension)")
    ap.add_argument("--output", required=True, help="output directory for Parquet events")
    ap.add_argument("--partition-by", choices=["root", "date"], default="root")
    ap.add_argument("--partitions", type=int, default=0, help="input partitions (default: Spark's)")
    ap.add_argument("--herald", help="herald binary path valid on every executor")
    ap.add_argument("--herald-ship", help="local herald binary to ship to executors (SparkFiles)")
    ap.add_argument("--threads", type=int, default=1, help="herald threads per task (match spark.task.cpus)")
    ap.add_argument("--expect", help="check: the written events must equal those of this `herald code` output")
    ap.add_argument("--master", help="Spark master (default: spark-submit's), e.g. local[2]")
    args = ap.parse_args(argv)

    builder = SparkSession.builder.appName("herald")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    if args.herald_ship:
        sc.addFile(args.herald_ship)

    fmt = args.format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl")
    if fmt == "parquet":
        lines = spark.read.parquet(args.input).rdd.map(to_input_line)
    else:
        # Raw lines: herald parses them itself (and reports bad ones on the executor's stderr).
        lines = sc.textFile(args.input)
    if args.partitions:
        lines = lines.repartition(args.partitions)

    binary = herald_path(args)
    # herald exits 1 when a record is bad (reported on the task's stderr); the good ones are
    # still coded, so only other statuses fail the task. pipe() splits with shlex, no shell.
    script = "%s code --format json --threads %d - || test $? -eq 1" % (binary, args.threads)
    coded = lines.pipe('sh -c "%s"' % script, checkCode=True)
    events = coded.flatMap(event_rows)
    df = spark.createDataFrame(events, EVENT_SCHEMA)
    if args.partition_by == "date":
        from pyspark.sql import functions as F

        df = df.withColumn("date", F.coalesce(F.col("date"), F.lit("unknown")))
    df.write.mode("overwrite").partitionBy(args.partition_by).parquet(args.output)
    back = spark.read.parquet(args.output)
    n = back.count()
    report = {"events": n, "output": args.output}
    status = 0
    if args.expect:
        got = sorted((r["doc_id"], r["json"]) for r in back.select("doc_id", "json").collect())
        with open(args.expect, encoding="utf-8") as f:
            want = sorted((r[0], r[-1]) for line in f if line.strip() for r in event_rows(line))
        report["expected_events"] = len(want)
        report["equal"] = got == want
        status = 0 if got == want else 1
    print(json.dumps(report), file=sys.stdout)
    spark.stop()
    return status


if __name__ == "__main__":
    sys.exit(main())
