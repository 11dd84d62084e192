#!/bin/sh
# Installs the Debian 12 packages claimex needs to build and test.
# Idempotent: asks apt only for what is missing, and says nothing when all is there.
set -eu

PACKAGES="cmake g++ ninja-build pkg-config ccache python3 python3-jsonschema \
libicu-dev libre2-dev libpugixml-dev libcurl4-openssl-dev libsqlite3-dev \
libgumbo-dev nlohmann-json3-dev libcli11-dev libfmt-dev catch2 libbenchmark-dev libpcre2-dev"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

echo "setup: installing$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these packages are missing and installing them needs root:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
