#!/bin/sh
# The README's main-job command: set up, build, and run claimex on the
# bundled corpus — extract every article (JSON Lines), batch them into the
# default SQLite store (./claims.db), then check two new articles against
# what is stored: one repeats a stored figure, one contradicts it.
set -eu
cd "$(dirname "$0")/.."
sh tools/build.sh >/dev/null
CLAIMEX=./build/claimex
mkdir -p build/demo

echo "== claimex extract: the seed article, as a table of mentions and claims"
$CLAIMEX extract --format pretty --published 2024-08-26 corpus/articles/001-fakti-china-ai.txt

echo "== claimex extract: all $(wc -l < corpus/articles.jsonl) corpus articles → build/demo/records.jsonl (one JSON record per article)"
$CLAIMEX extract corpus/articles.jsonl > build/demo/records.jsonl
head -c 1200 build/demo/records.jsonl; echo " ..."

echo
echo "== claimex run: the corpus into the default store (claims.db)"
$CLAIMEX run corpus/articles.jsonl --out build/demo/claims.jsonl --progress never
$CLAIMEX store stats | head -22

echo
echo "== claimex check: an article that repeats a stored figure, and one that contradicts it"
$CLAIMEX check --format pretty --published 2024-08-30 tests/fixtures/check/repeats.txt tests/fixtures/check/contradicts.txt
