"""One `mkdocs build`, in this process, timing each part of our build (the child process of
bench/build_cost.py and bench/growth.py).

    python -m bench.build_probe PROJECT SITE [--pdfs] [--plain]

Prints, as its last line, JSON with the seconds (wall and CPU) spent in: loading and checking
data/ (``load``), rendering pages (``render``: setting up the renderer, every page, handing
them to MkDocs) and the PDF step (``pdfs``). The rest of the process is MkDocs and Material.
``--plain`` builds a project with no hooks (the exported floor) and times nothing inside.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

WALL: dict[str, float] = defaultdict(float)
CPU: dict[str, float] = defaultdict(float)


def timed(part: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            WALL[part] += time.perf_counter() - wall
            CPU[part] += time.process_time() - cpu

    return wrapper


def instrument(project: Path) -> None:
    """Wrap the engine's entry points. MkDocs imports the hooks later from the same folder, so
    they get the wrapped functions."""
    sys.path.insert(0, str(project / "hooks"))
    wall, cpu = time.perf_counter(), time.process_time()
    from soapguide import guide
    from soapguide.printing import pdf

    # Importing the engine (jsonschema, nh3, ...) counts as loading; MkDocs imports the rest.
    WALL["load"] += time.perf_counter() - wall
    CPU["load"] += time.process_time() - cpu

    guide.load_content = timed("load", guide.load_content)
    guide.guide_for = timed("render", guide.guide_for)
    guide.Guide.render_pages = timed("render", guide.Guide.render_pages)
    guide.Guide.page = timed("render", guide.Guide.page)
    pdf.build_pdfs = timed("pdfs", pdf.build_pdfs)


def main(argv: list[str]) -> int:
    project, site = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ["SOAPGUIDE_PDFS"] = "on" if "--pdfs" in argv else "off"
    if "--plain" not in argv:
        instrument(project)
    from mkdocs.__main__ import cli

    os.chdir(project)
    started = time.perf_counter()
    try:
        cli.main(["build", "--strict", "--quiet", "--site-dir", str(site)], standalone_mode=False)
    except SystemExit as stop:
        if stop.code:
            return int(stop.code)
    report = {f"{part}_wall": value for part, value in WALL.items()}
    report |= {f"{part}_cpu": value for part, value in CPU.items()}
    report["build_wall"] = time.perf_counter() - started
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
