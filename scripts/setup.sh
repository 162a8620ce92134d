#!/usr/bin/env bash
# Set up what one `make` target needs, on a fresh machine or again (quick once done):
#
#   scripts/setup.sh runtime          make serve, make check: the site's packages, no browser
#   scripts/setup.sh runtime browser  make build: plus Chromium/Chrome for the PDF downloads
#                                     (not looked for with SOAPGUIDE_PDFS=off)
#   scripts/setup.sh test browser     make test: the test and lint tools too
#
#  1. .venv with Python 3.11 or newer (scripts/find_python.sh chooses; $PYTHON overrides).
#  2. The pinned packages: requirements.txt (runtime) or requirements-test.txt (runtime, test
#     and lint), installed with pip unless every pin is already there.
#  3. Chromium or Chrome, when asked for: found where it is
#     (hooks/soapguide/printing/browser_lookup.py);
#     only on Debian or Ubuntu without one, Debian's `chromium` package through apt-get.
#
# Bash 3.2 compatible (macOS's /bin/bash); no GNU-only tools.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
set_name=${1:-test}
want_browser=${2:-}
case "$set_name" in
    runtime) requirements="requirements.txt" ;;
    test) requirements="requirements-test.txt" ;;
    *)
        echo "usage: scripts/setup.sh runtime|test [browser]" >&2
        exit 2
        ;;
esac
case "$(printf '%s' "${SOAPGUIDE_PDFS:-}" | tr '[:upper:]' '[:lower:]')" in
    off | 0 | no | false) [ "$set_name" = runtime ] && want_browser="" ;;
esac
steps=2
[ "$want_browser" = browser ] && steps=3

say() { printf 'setup: %s\n' "$*"; }
fail() {
    printf 'setup: %s\n' "$*" >&2
    exit 1
}

venv_version() {
    "$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null
}

# 1. The virtual environment: kept while its Python works and is 3.11 or newer (and is the
#    version $PYTHON names, when set).
have=$(venv_version || true)
keep=""
if [ -n "$have" ] && [ "${have%%.*}" = 3 ] && [ "${have#*.}" -ge 11 ]; then
    keep=yes
    if [ -n "${PYTHON:-}" ]; then
        wanted=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
        [ "$wanted" = "$have" ] || keep=""
    fi
fi
if [ -n "$keep" ]; then
    say "[1/$steps] Python $have in $VENV"
else
    python=$(bash scripts/find_python.sh) || exit 1
    version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
    say "[1/$steps] creating $VENV with $python (Python $version)"
    rm -rf "$VENV"
    "$python" -m venv "$VENV" ||
        fail "'$python -m venv' failed; on Debian/Ubuntu install the python3-venv package."
fi

# 2. The pinned packages.
if "$VENV/bin/python" scripts/pins_installed.py "$requirements" >/dev/null; then
    say "[2/$steps] packages of $requirements already installed"
else
    say "[2/$steps] installing the packages pinned in $requirements into $VENV" \
        "(under a minute the first time; pip's output follows)"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off \
        -r "$requirements" 2>&1 | grep -v -e '^Requirement already satisfied' \
        -e 'is ignored: it is neither a file nor a directory' || true
    "$VENV/bin/python" scripts/pins_installed.py "$requirements" >&2 ||
        fail "pip did not install every package of $requirements (see its output above)."
fi

[ "$want_browser" = browser ] || exit 0

# 3. A browser: the PDF downloads print with it and the browser tests drive it.
lookup() { PYTHONPATH=hooks "$VENV/bin/python" -m soapguide.printing.browser_lookup; }
if chromium=$(lookup 2>/dev/null); then
    say "[3/3] browser: $chromium"
    exit 0
fi
missing=$(lookup 2>&1 || true)
if [ -n "${CHROMIUM_PATH:-}" ] || [ ! -f /etc/debian_version ] ||
    ! command -v apt-get >/dev/null 2>&1; then
    fail "$missing"
fi
say "[3/3] no Chromium or Chrome found: installing Debian's chromium with apt-get (about 30 s)"
if [ "$(id -u)" -eq 0 ]; then
    apt-get update
    env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update
    sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
else
    fail "not root and no sudo: install the 'chromium' package, or set CHROMIUM_PATH."
fi
if ! chromium=$(lookup 2>/dev/null); then
    fail "apt-get installed chromium but no browser was found (an Ubuntu snap stub?);" \
        "set CHROMIUM_PATH to a Chromium or Chrome binary."
fi
say "browser: $chromium"
