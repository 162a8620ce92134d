"""Material's successor, measured: the exported pages built by ``zensical build`` (installed in
a throwaway venv under bench/.work/), timed against plain MkDocs + Material on the same pages,
and compared page by page: which pages and files it writes, and what in each page's content
renders differently. No code of ours changes for it: it is a note of what a second adapter
would take.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import Runs, run_many
from bench.sites import WORK

VERSION = "0.0.73"
_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.DOTALL)
_HREF = re.compile(r'href="([^"]*)"')
_FINISHED = re.compile(r"Build finished in ([0-9.]+)s")


def install(work: Path = WORK) -> Path:
    venv = work / "zensical-venv"
    binary = venv / "bin" / "zensical"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", f"zensical=={VERSION}"], check=True
        )
    return binary


@dataclass
class Differences:
    missing_pages: list[str] = field(default_factory=list)  # built by MkDocs, not by Zensical
    extra_pages: list[str] = field(default_factory=list)
    rewritten_links: int = 0  # hrefs in raw HTML that Zensical changed
    link_examples: list[tuple[str, str, str]] = field(default_factory=list)  # page, ours, its
    added_elements: dict[str, int] = field(default_factory=dict)  # line -> pages
    other_lines: int = 0
    other_examples: list[str] = field(default_factory=list)
    files_only_mkdocs: list[str] = field(default_factory=list)
    files_only_zensical: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # what Zensical printed


@dataclass(frozen=True)
class ZensicalResult:
    runs: Runs
    reported: float  # median of Zensical's own "Build finished in" figure
    differences: Differences


def _article(page: Path) -> list[str]:
    match = _ARTICLE.search(page.read_text(encoding="utf-8"))
    text = re.sub(r"\s+", " ", match.group(1) if match else "")
    return re.sub(r">\s*<", ">\n<", text).splitlines()


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def _top_files(site: Path) -> set[str]:
    """Files outside the pages (search index, sitemap, theme assets), by path."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.name != "index.html"
    }


def compare(mkdocs_site: Path, zensical_site: Path) -> Differences:
    found = Differences()
    ours, theirs = _pages(mkdocs_site), _pages(zensical_site)
    found.missing_pages = sorted(ours - theirs)
    found.extra_pages = sorted(theirs - ours)
    for page in sorted(ours & theirs):
        before, after = _article(mkdocs_site / page), _article(zensical_site / page)
        matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                continue
            old, new = before[a1:a2], after[b1:b2]
            if len(old) == len(new):
                for line_old, line_new in zip(old, new, strict=True):
                    if _HREF.sub("", line_old) == _HREF.sub("", line_new):
                        for h_old, h_new in zip(
                            _HREF.findall(line_old), _HREF.findall(line_new), strict=False
                        ):
                            if h_old != h_new:
                                found.rewritten_links += 1
                                if len(found.link_examples) < 3:
                                    found.link_examples.append((page, h_old, h_new))
                    else:
                        found.other_lines += 1
                        if len(found.other_examples) < 3:
                            found.other_examples.append(
                                f"{page}: {line_old[:80]} → {line_new[:80]}"
                            )
            elif not old or " ".join(old) in " ".join(new):
                key = " ".join(new).replace(" ".join(old), "", 1).strip()[:80]
                found.added_elements[key] = found.added_elements.get(key, 0) + 1
            else:
                found.other_lines += max(len(old), len(new))
                if len(found.other_examples) < 3:
                    found.other_examples.append(
                        f"{page}: {' '.join(old)[:80]} → {' '.join(new)[:80]}"
                    )
    mk, zen = _top_files(mkdocs_site), _top_files(zensical_site)
    found.files_only_mkdocs = sorted(p for p in mk - zen if not p.endswith(".map"))
    found.files_only_zensical = sorted(p for p in zen - mk if not p.endswith(".map"))
    return found


def measure_zensical(
    export: Path, mkdocs_site: Path, runs: int, work: Path = WORK
) -> ZensicalResult:
    """Build ``export`` (a ``make export`` folder) with Zensical ``runs`` times; compare the
    last build with ``mkdocs_site`` (the same export built by MkDocs)."""
    binary = install(work)
    project = work / "zensical-export"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(export, project, ignore=shutil.ignore_patterns("site", ".cache"))

    def clean() -> None:
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)  # every build from cold

    result = run_many([str(binary), "build", "-f", "mkdocs.yml"], project, runs, before=clean)
    reported = []
    messages: list[str] = []
    for run in result.runs:
        match = _FINISHED.search(run.output)
        if match:
            reported.append(float(match.group(1)))
        messages = [
            line
            for line in run.output.splitlines()
            if line.strip() and not line.startswith(("Build started", "Build finished"))
        ]
    differences = compare(mkdocs_site, project / "site")
    differences.messages = messages
    reported.sort()
    return ZensicalResult(result, reported[len(reported) // 2] if reported else 0.0, differences)
