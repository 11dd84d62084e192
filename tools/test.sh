#!/bin/sh
# Set up, build, and run every test (ctest): the README's test command.
set -eu
cd "$(dirname "$0")/.."
sh tools/build.sh
cd build && ctest --output-on-failure -j "$(nproc)"
