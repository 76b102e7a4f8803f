#!/usr/bin/env bash
# Builds every cargo-fuzz target in fuzz/ (issue 8). CI builds them; it does not run them long.
# Run it (do not source it) from anywhere: `bash .ci/fuzz.sh`. Exports nothing.
#
# Stable Rust is enough: `-s none` (no sanitizer) needs no nightly flag; libFuzzer's C++ part
# builds with the system C++ compiler. To fuzz locally (see fuzz/README.md):
#   cargo fuzz run -s none TARGET -- -max_total_time=600
# Optional: FUZZ_SMOKE_SECS=N also runs each target for N seconds on an empty corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v c++ >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq g++ >/dev/null
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --version 0.13.2 --locked --quiet
fi

echo "== fuzz targets: build"
targets=$(cargo fuzz list)
# A debug build proves every target compiles and links against libFuzzer for less than the
# release build costs; `cargo fuzz run` builds the optimised one when fuzzing for real.
cargo fuzz build -s none --dev
echo "built: $(echo $targets | tr '\n' ' ')"

if [ -n "${FUZZ_SMOKE_SECS:-}" ]; then
    dir=$(mktemp -d)
    for t in $targets; do
        mkdir -p "$dir/$t"
        cargo fuzz run -s none "$t" "$dir/$t" -- -max_total_time="$FUZZ_SMOKE_SECS" \
            -rss_limit_mb=3072 2>&1 | tail -n 3
    done
    rm -rf "$dir"
fi
