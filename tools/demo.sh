#!/bin/sh
# Set up, build, and run `claimex extract` on the bundled corpus: the README's
# main-job command. Prints one JSON record per article.
set -eu
cd "$(dirname "$0")/.."
sh tools/build.sh >/dev/null
exec ./build/claimex extract corpus/articles.jsonl
