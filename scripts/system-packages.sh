#!/bin/sh
# Install the Debian packages the suite needs whose commands are missing, when this user can.
#   usage: scripts/system-packages.sh COMMAND:PACKAGE ...   (e.g. redis-server:redis-server node:nodejs)
# As root, or with passwordless sudo, missing packages are installed with apt-get (the package index is
# refreshed only when an install fails without it). Otherwise the missing packages and the command to run
# are printed; under CI=true that is an error, elsewhere the run goes on and the tests needing them skip.
set -eu

missing=""
for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "system-packages: missing Debian packages:$missing" >&2
    echo "system-packages: install them with: sudo apt-get update && sudo apt-get install -y$missing" >&2
    if [ "${CI:-}" = "true" ]; then
        echo "system-packages: CI=true needs them and this user cannot install them (not root, no passwordless sudo)" >&2
        exit 1
    fi
    echo "system-packages: going on without them; the tests that need them are skipped" >&2
    exit 0
fi

echo "system-packages: installing$missing" >&2
# shellcheck disable=SC2086  # $missing is a list of package names, split on purpose
$sudo apt-get install -y $missing \
    || { $sudo apt-get update && $sudo apt-get install -y $missing; }
