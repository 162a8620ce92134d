"""Remember that content passed every check, so a build of the same content skips them.

Checking data/ against schemas/ and across files is a pure function of a few inputs: the data
files, the schemas, the engine's own code and the jsonschema release that runs the schemas.
When every one of them is byte for byte what passed last time, running the checks again can
only pass again. The second and later builds of a session (`mkdocs serve` after a page edit, a
rebuild in CI, `make bench`) then skip the schema validation and the cross-file checks, and
never import jsonschema.

The cache holds one fingerprint (a SHA-256 of those inputs), written only after a check passed,
in ``.cache/soapguide/checked`` under the project. A change to any input changes the
fingerprint, so the checks run again and report exactly what they would have. Deleting the
folder, or SOAPGUIDE_CHECK_CACHE=off, makes every build check everything.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Iterable
from pathlib import Path

# The engine's source: a change to any check, schema message or reader changes the fingerprint.
ENGINE = Path(__file__).resolve().parents[1]
CACHE_FILE = Path(".cache") / "soapguide" / "checked"
ENV_SWITCH = "SOAPGUIDE_CHECK_CACHE"


def fingerprint(inputs: Iterable[Path]) -> str:
    """A SHA-256 of every input file (its path and bytes), of the engine's source, and of the
    Python and jsonschema installs that run the checks."""
    digest = hashlib.sha256()
    engine = (p for p in ENGINE.rglob("*") if p.suffix in {".py", ".html", ".json"})
    files = {path.resolve() for path in (*inputs, *engine)}
    for path in sorted(files):
        digest.update(str(path).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(none)")
        digest.update(b"\0")
    digest.update(sys.version.encode("utf-8"))
    spec = importlib.util.find_spec("jsonschema")  # where it is, without importing it
    origin = Path(spec.origin) if spec and spec.origin else None
    if origin is not None:
        stat = origin.parent.stat()
        digest.update(f"{origin}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


class CheckCache:
    """The fingerprint of the last content that passed, kept under ``root``."""

    def __init__(self, root: Path, enabled: bool | None = None) -> None:
        self.file = root / CACHE_FILE
        if enabled is None:
            enabled = os.environ.get(ENV_SWITCH, "on").lower() not in {"off", "0", "no"}
        self.enabled = enabled

    def passed(self, key: str) -> bool:
        if not self.enabled:
            return False
        try:
            return self.file.read_text(encoding="ascii").strip() == key
        except (OSError, UnicodeDecodeError):
            return False

    def remember(self, key: str) -> None:
        """Note ``key`` as passed. Written whole or not at all (builds may run side by side);
        a folder that cannot be written only means the next build checks again."""
        if not self.enabled:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            partial = self.file.with_name(f"{self.file.name}.{os.getpid()}")
            partial.write_text(key + "\n", encoding="ascii")
            os.replace(partial, self.file)
        except OSError:
            return
