#!/bin/sh
# DuckDB for the export tests (tests/cli/query.rs reads herald's Parquet and GDELT files with
# it). The PyPI wheel, not the Rust crate: the crate's bundled build takes ~20 minutes.
# Idempotent; run it (not sourced) before `cargo test`. Exports nothing.
set -eu
if python3 -c 'import duckdb' 2>/dev/null; then
    exit 0
fi
python3 -m pip install --quiet --disable-pip-version-check duckdb
python3 -c 'import duckdb; print("duckdb", duckdb.__version__)'
