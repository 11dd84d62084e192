#!/bin/sh
# Whole-process benchmark: times `claimex extract` over a generated JSONL of
# about SIZE_MB (default 50) MB of article text made from
# corpus/articles.jsonl by tools/bench_input.py, and prints MB/s,
# documents/s, the process's peak RSS and its CPU time (steadier than the
# wall clock on a busy machine). The input is varied copies of the articles
# (other figures, other names: new text, as a news feed is); --repeated
# cycles them unchanged (text seen before: the upper bound).
#
#   tools/bench_extract.sh [--repeated] [SIZE_MB] [CLAIMEX]     (CLAIMEX default: build/claimex)
set -eu
cd "$(dirname "$0")/.."
MODE=varied
if [ "${1:-}" = "--repeated" ]; then MODE=repeated; shift; fi
SIZE_MB="${1:-50}"
BIN="${2:-build/claimex}"
[ -x "$BIN" ] || { echo "bench_extract.sh: no claimex binary at $BIN (build it first)" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT INT TERM

/usr/bin/python3 tools/bench_input.py "$SIZE_MB" "$TMP/input.jsonl" --mode "$MODE"
echo "file $(du -m "$TMP/input.jsonl" | cut -f1) MB"

/usr/bin/python3 - "$BIN" "$TMP/input.jsonl" <<'EOF'
import json, os, resource, subprocess, sys, time
binary, path = sys.argv[1], sys.argv[2]
docs = text = 0
for line in open(path, encoding="utf-8"):
    docs += 1
    text += len(json.loads(line)["text"].encode("utf-8"))
t0 = time.monotonic()
with open(os.devnull, "w") as null:
    rc = subprocess.call([binary, "extract", path], stdout=null)
dt = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
rss = ru.ru_maxrss / 1024
cpu = ru.ru_utime + ru.ru_stime
# CPU time too: on a shared machine the wall clock also counts waiting.
print(f"claimex extract: exit {rc}, {dt:.2f} s, {text / 1e6 / dt:.2f} MB/s, {docs / dt:.0f} docs/s, "
      f"peak RSS {rss:.1f} MB; CPU {cpu:.2f} s ({text / 1e6 / cpu:.2f} MB per CPU second)")
sys.exit(rc)
EOF
