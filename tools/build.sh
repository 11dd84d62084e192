#!/bin/sh
# Set up (tools/setup.sh), configure and build claimex into build/ with Ninja
# and ccache. Safe to run again: only what changed is rebuilt.
set -eu
cd "$(dirname "$0")/.."
sh tools/setup.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
if [ ! -f build/build.ninja ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build -j "$(nproc)"
