"""Remember that content passed every check, so a build of the same content skips them.

Checking data/ against schemas/ and across files is a pure function of a few inputs: the data
files, the schemas, the engine's own code and the jsonschema release that runs the schemas.
When every one of them is byte for byte what passed last time, running the checks again can
only pass again. The second and later builds of a session (`mkdocs serve` after a page edit, a
rebuild in CI, `make bench`) then skip the schema validation and the cross-file checks, and
never import jsonschema.

The cache holds one fingerprint (a SHA-256 of those inputs), written only after a check passed,
in ``.cache/soapguide/checked`` under the project. A fork's office/ folder has its own, in
``office-checked``: the office's files, the data files and the schemas; on a match the office
is read and applied to the content but not checked again. A change to any input changes the
fingerprint, so the checks run again and report exactly what they would have. Deleting the
folder, or SOAPGUIDE_CACHE=off (which turns off every cache of the build's, render/text_store.py
too), makes every build check everything.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import sys
from collections.abc import Iterable
from pathlib import Path

# The engine's source: a change to any check, schema message or reader changes the fingerprint.
ENGINE = Path(__file__).resolve().parents[1]
CACHE_FOLDER = Path(".cache") / "soapguide"
CACHE_FILE = CACHE_FOLDER / "checked"
ENV_SWITCH = "SOAPGUIDE_CACHE"


def caches_on() -> bool:
    """False when SOAPGUIDE_CACHE says off (or 0, no): every build then does all its work."""
    return os.environ.get(ENV_SWITCH, "on").lower() not in {"off", "0", "no"}


def fingerprint(inputs: Iterable[Path], installs: Iterable[str] = ("jsonschema",)) -> str:
    """A SHA-256 of every input file (its path and bytes), of the engine's source, and of the
    Python and package installs (``installs``, by module name) that do the work."""
    digest = hashlib.sha256(engine_digest().encode("ascii"))
    for path in sorted({path.resolve() for path in inputs}):
        _add_file(digest, path)
    digest.update(sys.version.encode("utf-8"))
    for module in installs:
        digest.update(install_stamp(module).encode("utf-8"))
    return digest.hexdigest()


@functools.cache
def engine_digest() -> str:
    """A SHA-256 of the engine's source (read once per process: both caches use it)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in ENGINE.rglob("*") if p.suffix in {".py", ".html", ".json"}):
        _add_file(digest, path)
    return digest.hexdigest()


def _add_file(digest: hashlib._Hash, path: Path) -> None:
    digest.update(str(path).encode("utf-8") + b"\0")
    digest.update(path.read_bytes() if path.is_file() else b"(none)")
    digest.update(b"\0")


def install_stamp(module: str) -> str:
    """Where ``module`` is installed and when its folder last changed, found without importing
    it: an upgrade or reinstall changes the stamp."""
    spec = importlib.util.find_spec(module)
    origin = Path(spec.origin) if spec and spec.origin else None
    if origin is None:
        return f"{module}:(none)"
    return f"{origin}:{origin.parent.stat().st_mtime_ns}"


def write_whole(file: Path, text: str) -> None:
    """Write ``file`` whole or not at all (builds may run side by side); a folder that cannot
    be written only means the next build does the work again."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(f"{file.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, file)
    except OSError:
        return


class CheckCache:
    """The fingerprint of the last content that passed, kept under ``root``."""

    def __init__(self, root: Path, enabled: bool | None = None, name: str = CACHE_FILE.name):
        """``name``: the file under .cache/soapguide/ (one per kind of check: ``checked`` for
        data/, ``office-checked`` for an office/ folder on top of it)."""
        self.file = root / CACHE_FOLDER / name
        self.enabled = caches_on() if enabled is None else enabled

    def passed(self, key: str) -> bool:
        if not self.enabled:
            return False
        try:
            return self.file.read_text(encoding="ascii").strip() == key
        except (OSError, UnicodeDecodeError):
            return False

    def remember(self, key: str) -> None:
        """Note ``key`` as passed (write_whole)."""
        if self.enabled:
            write_whole(self.file, key + "\n")
