"""Where this machine's Chromium or Google Chrome is, for the PDF step and the browser tests.

Looked for in this order, the first executable wins:

1. ``CHROMIUM_PATH``, when set: it is the only choice (a wrong one is reported, not skipped);
2. ``/usr/bin/chromium`` (Debian's package), then ``chromium`` on PATH;
3. Google Chrome on Linux (``google-chrome-stable``, ``google-chrome``, /opt/google/chrome);
4. on macOS, Google Chrome or Chromium in /Applications or ~/Applications.

``python -m soapguide.printing.browser_lookup`` (with ``hooks`` on the path) prints the path,
or one line saying what to install and exits 1: scripts/setup.sh uses it, so setup and the
build agree.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

DEBIAN_CHROMIUM = "/usr/bin/chromium"
LINUX_NAMES = ("chromium", "google-chrome-stable", "google-chrome")
LINUX_PATHS = ("/opt/google/chrome/chrome",)
MACOS_APPS = (
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Chromium.app/Contents/MacOS/Chromium",
)


def _is_executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def candidates(
    platform: str = sys.platform,
    home: str | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> list[str]:
    """Every place to look when CHROMIUM_PATH is not set, in order (duplicates removed)."""
    found: list[str] = [DEBIAN_CHROMIUM]
    if platform == "darwin":
        home = home if home is not None else str(Path.home())
        for app in MACOS_APPS:
            found += [f"/Applications/{app}", f"{home}/Applications/{app}"]
    else:
        found += [path for path in map(which, LINUX_NAMES) if path]
        found += list(LINUX_PATHS)
    return list(dict.fromkeys(found))


def find_chromium(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    is_executable: Callable[[str], bool] = _is_executable,
    which: Callable[[str], str | None] = shutil.which,
    home: str | None = None,
) -> str | None:
    """The browser to use, or None when there is none (or CHROMIUM_PATH names no executable)."""
    environ = os.environ if environ is None else environ
    named = environ.get("CHROMIUM_PATH")
    if named:
        return named if is_executable(named) else None
    return next((path for path in candidates(platform, home, which) if is_executable(path)), None)


def missing_message(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> str:
    """One line: why no browser was found and what to install or set."""
    environ = os.environ if environ is None else environ
    named = environ.get("CHROMIUM_PATH")
    if named:
        problem = (
            f"CHROMIUM_PATH={named} is not an executable file: point it at a Chromium or Chrome "
            "binary, or unset it to look in the usual places"
        )
    elif platform == "darwin":
        problem = (
            "No Chromium or Chrome found: install Google Chrome into /Applications "
            "(or `brew install --cask chromium`), or set CHROMIUM_PATH to its binary"
        )
    else:
        problem = (
            "No Chromium or Chrome found: install Chromium or Google Chrome with your package "
            "manager, or set CHROMIUM_PATH to its binary"
        )
    return f"{problem} (`SOAPGUIDE_PDFS=off make build` builds the site without the PDFs)."


def chromium_path(environ: Mapping[str, str] | None = None) -> str:
    """The browser to launch: the one found, else where it was expected (for the error)."""
    environ = os.environ if environ is None else environ
    return find_chromium(environ) or environ.get("CHROMIUM_PATH") or DEBIAN_CHROMIUM


def main() -> int:
    found = find_chromium()
    if found is None:
        print(missing_message(), file=sys.stderr)
        return 1
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
