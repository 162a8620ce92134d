#!/usr/bin/env bash
# Print the Python that setup should build .venv with, or explain on stderr and exit 1.
#
# $PYTHON, when set, is the only choice (CI's matrix sets it). Otherwise the newest tested
# release found on PATH: python3.13, python3.12, python3.11, and then plain python3 if it is
# 3.11 or newer (Homebrew's, Debian 13's or Ubuntu 24.04's python3 is). Each candidate is run to
# read its real version, so a pyenv shim for a version that is not selected, a macOS python3
# stub or an old python3 is passed over.
#
# Bash 3.2 compatible (macOS's /bin/bash). Used by scripts/setup.sh; tests/test_setup.py runs it
# against stub interpreters.
set -eu

MINIMUM_MINOR=11 # Python 3.11: requires-python in pyproject.toml
NEWEST_TESTED_MINOR=13

# "3.12" for a working interpreter $1, nothing (and status 1) otherwise.
python_version() {
    "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null
}

# Whether version $1 ("3.12") is a Python 3 at least the minimum.
supported() {
    local major=${1%%.*} minor=${1#*.}
    [ "$major" = 3 ] && [ "$minor" -ge "$MINIMUM_MINOR" ] 2>/dev/null
}

if [ -n "${PYTHON:-}" ]; then
    if ! version=$(python_version "$PYTHON"); then
        echo "PYTHON=$PYTHON does not run; set PYTHON to a Python 3.11 or newer, or unset it." >&2
        exit 1
    fi
    if ! supported "$version"; then
        echo "PYTHON=$PYTHON is Python $version; the guide needs Python 3.11 or newer." >&2
        exit 1
    fi
    echo "$PYTHON"
    exit 0
fi

minor=$NEWEST_TESTED_MINOR
candidates=""
while [ "$minor" -ge "$MINIMUM_MINOR" ]; do
    candidates="$candidates python3.$minor"
    minor=$((minor - 1))
done
for candidate in $candidates python3; do
    command -v "$candidate" >/dev/null 2>&1 || continue
    version=$(python_version "$candidate") || continue
    if supported "$version"; then
        echo "$candidate"
        exit 0
    fi
done

echo "No Python 3.11 or newer found (tried$candidates python3): install Python 3.13" \
    "(macOS: brew install python@3.13; Debian/Ubuntu: apt-get install python3 python3-venv)," \
    "or set PYTHON to one." >&2
exit 1
