#!/usr/bin/env bash
# Set up everything `make serve`, `make build` and `make test` need, on a fresh machine or again.
#  1. .venv with Python 3.11 (created if missing or not 3.11).
#  2. pip install -r requirements.txt, skipped when requirements.txt is unchanged since last time.
#  3. A Chromium for the browser tests: nothing to do when $CHROMIUM_PATH (default
#     /usr/bin/chromium) is an executable; otherwise Debian's `chromium` package via apt-get
#     (with sudo when not root).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.requirements.sha256"

say() { printf 'setup: %s\n' "$*"; }

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.11 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

venv_is_311() {
    [ -x "$VENV/bin/python" ] &&
        "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null
}

# 1. The virtual environment.
if ! venv_is_311; then
    if ! python=$(find_python); then
        say "Python 3.11 not found (tried \$PYTHON, python3.11, python3). Install Python 3.11." >&2
        exit 1
    fi
    say "creating $VENV with $python"
    rm -rf "$VENV"
    if ! "$python" -m venv "$VENV"; then
        say "'$python -m venv' failed; on Debian/Ubuntu install the python3.11-venv package." >&2
        exit 1
    fi
fi

# 2. Python packages, only when requirements.txt changed.
want=$(sha256sum requirements.txt | cut -d' ' -f1)
have=$(cat "$STAMP" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
    say "installing requirements.txt into $VENV"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --quiet -r requirements.txt
    echo "$want" >"$STAMP"
else
    say "requirements.txt already installed"
fi

# 3. Chromium for the browser tests (Playwright drives it; it downloads no browser of its own).
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
    say "browser: $chromium"
elif [ -n "${CHROMIUM_PATH:-}" ] && [ "$CHROMIUM_PATH" != /usr/bin/chromium ]; then
    say "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable; the browser tests will fail." >&2
    exit 1
else
    say "installing Debian's chromium with apt-get"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || {
            say "not root and no sudo: install the 'chromium' package by hand." >&2
            exit 1
        }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    if [ ! -x /usr/bin/chromium ]; then
        say "apt-get installed chromium but /usr/bin/chromium is missing (an Ubuntu snap stub?);" \
            "set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
        exit 1
    fi
fi
