#!/bin/sh
# Whole-process benchmark: times `claimex extract` over a generated JSONL of
# about SIZE_MB (default 50) MB of article text, made by cycling
# corpus/articles.jsonl with a fresh id per copy, and prints MB/s,
# documents/s, the process's peak RSS and its CPU time (steadier than the
# wall clock on a busy machine).
#
#   tools/bench_extract.sh [SIZE_MB] [CLAIMEX]     (CLAIMEX default: build/claimex)
set -eu
cd "$(dirname "$0")/.."
SIZE_MB="${1:-50}"
BIN="${2:-build/claimex}"
[ -x "$BIN" ] || { echo "bench_extract.sh: no claimex binary at $BIN (build it first)" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT INT TERM

/usr/bin/python3 - "$SIZE_MB" "$TMP/input.jsonl" <<'EOF'
import json, sys
target, out = int(sys.argv[1]) * 1000 * 1000, sys.argv[2]
arts = [json.loads(l) for l in open("corpus/articles.jsonl", encoding="utf-8") if l.strip()]
n = size = 0
with open(out, "w", encoding="utf-8") as f:
    while size < target:
        a = dict(arts[n % len(arts)])
        a["id"] = f"{a['id']}#{n}"
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
        size += len(a["text"].encode("utf-8"))
        n += 1
print(f"input: {n} documents, {size / 1e6:.1f} MB of text, ", end="")
EOF
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
