#!/bin/sh
# Fetch throughput from the local fixture server (see tools/bench_fetch.cc):
# builds the benchmark and runs it from the source root. Extra arguments go
# to bench_fetch (--pages, --concurrency, --per-host).
set -eu
cd "$(dirname "$0")/.."
sh tools/build.sh >/dev/null
exec ./build/bench_fetch --server tests/fixture_server.py "$@"
