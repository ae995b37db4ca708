#!/bin/sh
# The browser tests drive Debian's Chromium. `make test` runs this first: Chromium is there,
# or it is installed (as root, with apt-get, as .ci/run does), or one line says how, and
# make stops before any test runs. CHROMIUM overrides the path (the tests of this script).
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
how="install it with: sudo apt-get install chromium (or run make test-fast, which skips the browser tests)"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "make test: installing Debian's chromium for the browser tests (apt-get install chromium)"
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq && apt-get install -y -qq chromium >/dev/null && [ -x "$CHROMIUM" ]; then
        exit 0
    fi
    echo "make test: apt-get could not install chromium at $CHROMIUM; $how" >&2
    exit 1
fi
echo "make test: the browser tests need Chromium at $CHROMIUM; $how" >&2
exit 1
