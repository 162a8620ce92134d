"""Measure the site: build time, how it grows with content, page weight and JS size.

Run: ``.venv/bin/python bench/site_bench.py`` from the repo root. Prints a Markdown report to
paste into bench/RESULTS.md. Measurements only: nothing here is asserted by the test suite.
"""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.scenario import build, copy_project  # noqa: E402

ASSET = re.compile(r'(?:src|href)="([^"]+\.(?:js|css))"')


def timed_build(project: Path, site: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        start = time.perf_counter()
        result = build(project, site)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(result.stderr)
    return statistics.median(times)


def grow_faq(project: Path, factor: int) -> int:
    """Multiply the FAQ by ``factor`` (new ids); return the number of questions."""
    path = project / "data" / "faq.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    base = data["questions"]
    data["questions"] = [
        {**q, "id": f"{q['id']}-{n}" if n else q["id"]} for n in range(factor) for q in base
    ]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return len(data["questions"])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def page_weight(site: Path, page: Path) -> tuple[int, int, int, int]:
    """(html raw, html gzip, html+css+js raw, html+css+js gzip) for one page."""
    html = page.read_bytes()
    total_raw, total_gz = len(html), gz(html)
    for ref in set(ASSET.findall(html.decode("utf-8"))):
        if "://" in ref:
            continue
        asset = (page.parent / ref.split("?")[0]).resolve()
        if asset.is_file() and site.resolve() in asset.parents:
            body = asset.read_bytes()
            total_raw, total_gz = total_raw + len(body), total_gz + gz(body)
    return len(html), gz(html), total_raw, total_gz


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        out = ["## Site", "", f"Measured {time.strftime('%Y-%m-%d')} on this machine.", ""]
        out += ["### Build time (median of 3, `mkdocs build --strict`)", ""]
        out += ["| FAQ questions | build time |", "|---:|---:|"]
        site = tmp_path / "site"
        for factor in (1, 5, 20, 50):
            project = copy_project(tmp_path / f"p{factor}")
            count = grow_faq(project, factor) if factor > 1 else None
            seconds = timed_build(project, site, 3)
            label = count or len(yaml.safe_load((ROOT / "data/faq.yml").read_text())["questions"])
            out.append(f"| {label} | {seconds:.2f} s |")
        project = copy_project(tmp_path / "weights")
        timed_build(project, site, 1)
        out += ["", "### Page weight (HTML + the CSS and JS it loads)", ""]
        out += ["| page | HTML | HTML gzip | with CSS+JS | with CSS+JS gzip |"]
        out += ["|---|---:|---:|---:|---:|"]
        for page in sorted(site.rglob("index.html")):
            rel = page.relative_to(site).as_posix()
            if rel.startswith(("search/", "assets/")):
                continue
            raw, zipped, all_raw, all_gz = page_weight(site, page)
            out.append(
                f"| /{rel.removesuffix('index.html')} | {kib(raw)} | {kib(zipped)} "
                f"| {kib(all_raw)} | {kib(all_gz)} |"
            )
        out += ["", "### JavaScript", "", "| file | raw | gzip |", "|---|---:|---:|"]
        for js in sorted(site.rglob("*.js")):
            if "/lunr/" in js.as_posix() or "/workers/" in js.as_posix():
                continue
            body = js.read_bytes()
            out.append(f"| {js.relative_to(site)} | {kib(len(body))} | {kib(gz(body))} |")
        print("\n".join(out))


if __name__ == "__main__":
    main()
