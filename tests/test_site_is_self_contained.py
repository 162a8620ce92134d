"""The built site loads nothing from another host: no fonts, scripts, styles or images from a CDN.

Two layers:
- static: every built .html, .css and .js file is read for resources it would load from an
  absolute URL (links with <a href> to other hosts are fine: a link is not a load);
- runtime: Chromium opens every page from a local server (the one walk over the site,
  tests/site_walk.py) and every request it makes is recorded; each must go to 127.0.0.1.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import LOCAL_HOSTS

from tests.site_walk import PageVisit

# --- what counts as "another host" -------------------------------------------------------------

REMOTE_SCHEMES = {"http", "https", "ws", "wss", "ftp"}


def is_remote(url: str) -> bool:
    """True for an absolute URL (scheme://host/...) or a protocol-relative one (//host/...)."""
    url = url.strip()
    if url.startswith("//"):
        return True
    return urlsplit(url).scheme.lower() in REMOTE_SCHEMES


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    what: str
    url: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what} -> {self.url}"


# --- HTML -------------------------------------------------------------------------------------

# <link rel=...> values that make the browser fetch or connect to the href.
LOADING_LINK_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "prerender",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "apple-touch-icon-precomposed",
    "mask-icon",
    "manifest",
}

# tag -> attributes whose value is a URL the browser loads.
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG <image>
}


def srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


class ResourceCollector(HTMLParser):
    """Collects (line, description, url) for every resource an HTML document loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[int, str, str]] = []
        self._in_style = False
        self._style_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_LINK_RELS and values.get("href"):
                self.loads.append((line, f'<link rel="{values["rel"]}" href>', values["href"]))
        for attribute in LOADING_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if not value:
                continue
            urls = srcset_urls(value) if attribute == "srcset" else [value]
            for url in urls:
                self.loads.append((line, f"<{tag} {attribute}>", url))
        if values.get("style"):
            for url in css_loads(values["style"]):
                self.loads.append((line, f"<{tag} style> url()", url))
        if tag == "style":
            self._in_style = True
            self._style_line = line

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            for url in css_loads(data):
                self.loads.append((self._style_line, "<style> url()/@import", url))


# --- CSS --------------------------------------------------------------------------------------

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)
CSS_IMPORT_STRING = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)


def css_loads(css: str) -> list[str]:
    """URLs a stylesheet loads: @import and url(...), comments removed, data: URIs skipped."""
    css = CSS_COMMENT.sub("", css)
    urls = []
    for pattern in (CSS_URL, CSS_IMPORT_STRING):
        for match in pattern.finditer(css):
            url = next(group for group in match.groups() if group is not None)
            if not url.strip().lower().startswith("data:"):
                urls.append(url)
    return urls


# --- JavaScript -------------------------------------------------------------------------------

_URL_LITERAL = r"""(?P<q>["'`])(?P<url>(?:https?:)?//[A-Za-z0-9.-]+[^"'`\s]*)(?P=q)"""
JS_LOADS = [
    # import("https://..."), importScripts("https://..."), fetch("https://..."),
    # new Worker("//host/..."), and any helper called with an absolute URL as first argument
    # (Material's bundle loads scripts through a minified helper like `_t("https://...")`).
    re.compile(r"(?P<call>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(\s*" + _URL_LITERAL),
    # static ES module imports: import x from "https://..." / import "https://..."
    re.compile(r"(?P<call>\bfrom|\bimport)\s*" + _URL_LITERAL),
]

# Absolute URLs that appear as call arguments in built JavaScript but are not requested when this
# site runs. Each entry: (file pattern relative to the site, URL, why it is not a runtime load).
# The browser test below is the proof: it records every request every page makes.
JS_URL_ALLOWLIST: list[tuple[str, str, str]] = [
    (
        "assets/javascripts/bundle.*.min.js",
        "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
        "Material loads mermaid from a CDN only when a page contains a ```mermaid diagram; "
        "this guide has none (a mermaid fence would also be a third-party request).",
    ),
    (
        "assets/javascripts/bundle.*.min.js",
        "https://unpkg.com/resize-observer-polyfill",
        "Material loads this polyfill only when the browser lacks ResizeObserver; every browser "
        "Material supports has it.",
    ),
]


def allowlist_reason(relative_path: str, url: str) -> str | None:
    for pattern, allowed_url, reason in JS_URL_ALLOWLIST:
        if fnmatch.fnmatch(relative_path, pattern) and url == allowed_url:
            return reason
    return None


def js_loads(source: str) -> list[tuple[int, str, str]]:
    loads = []
    for pattern in JS_LOADS:
        for match in pattern.finditer(source):
            line = source.count("\n", 0, match.start()) + 1
            loads.append((line, f"{match.group('call')}(...)", match.group("url")))
    return loads


# --- the built files --------------------------------------------------------------------------


def built_files(built_site: Path, suffix: str) -> list[Path]:
    files = sorted(path for path in built_site.rglob(f"*{suffix}") if path.is_file())
    assert files, f"no {suffix} files in the built site {built_site}"
    return files


def findings_in_html(built_site: Path) -> list[Finding]:
    findings = []
    for path in built_files(built_site, ".html"):
        collector = ResourceCollector()
        collector.feed(path.read_text(encoding="utf-8"))
        collector.close()
        relative = path.relative_to(built_site).as_posix()
        findings += [
            Finding(relative, line, what, url)
            for line, what, url in collector.loads
            if is_remote(url)
        ]
    return findings


def test_no_html_page_loads_a_resource_from_another_host(built_site: Path) -> None:
    findings = findings_in_html(built_site)
    assert not findings, "HTML loads resources from other hosts:\n" + "\n".join(map(str, findings))


def test_no_stylesheet_loads_a_resource_from_another_host(built_site: Path) -> None:
    findings = []
    for path in built_files(built_site, ".css"):
        source = path.read_text(encoding="utf-8")
        relative = path.relative_to(built_site).as_posix()
        for url in css_loads(source):
            if is_remote(url):
                findings.append(Finding(relative, 0, "url()/@import", url))
    assert not findings, "CSS loads resources from other hosts:\n" + "\n".join(map(str, findings))


def test_no_script_loads_code_or_data_from_another_host(built_site: Path) -> None:
    findings = []
    used_allowlist = set()
    for path in built_files(built_site, ".js"):
        source = path.read_text(encoding="utf-8")
        relative = path.relative_to(built_site).as_posix()
        for line, what, url in js_loads(source):
            if allowlist_reason(relative, url) is not None:
                used_allowlist.add(url)
                continue
            findings.append(Finding(relative, line, what, url))
    assert not findings, (
        "JavaScript loads from other hosts (if one is never requested at run time, add it to "
        "JS_URL_ALLOWLIST with the reason):\n" + "\n".join(map(str, findings))
    )


def test_js_allowlist_has_no_stale_entries(built_site: Path) -> None:
    """Each allowlisted URL still occurs in the built JavaScript; remove entries that do not."""
    found = set()
    for path in built_files(built_site, ".js"):
        relative = path.relative_to(built_site).as_posix()
        for _line, _what, url in js_loads(path.read_text(encoding="utf-8")):
            if allowlist_reason(relative, url) is not None:
                found.add(url)
    stale = [url for _pattern, url, _reason in JS_URL_ALLOWLIST if url not in found]
    assert not stale, f"JS_URL_ALLOWLIST entries that match nothing any more: {stale}"


# --- the running site -------------------------------------------------------------------------


def request_leaves_this_machine(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return False
    return parts.hostname not in LOCAL_HOSTS


@pytest.mark.browser
def test_no_page_requests_another_host(site_walk: dict[str, PageVisit]) -> None:
    """Every request every page made while the walk loaded it (tests/site_walk.py)."""
    for visit in site_walk.values():
        assert visit.status == 200, f"{visit.where}: HTTP {visit.status}"
        assert visit.url in visit.requests, f"{visit.where}: its own request was not recorded"
    requests = [(visit.where, url) for visit in site_walk.values() for url in visit.requests]
    remote = sorted({(where, url) for where, url in requests if request_leaves_this_machine(url)})
    assert not remote, "Requests to other hosts:\n" + "\n".join(
        f"{where}: {url}" for where, url in remote
    )


@pytest.mark.browser
def test_searching_requests_nothing_from_another_host(page, site_server: str) -> None:
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.goto(site_server, wait_until="networkidle")
    # The longest word of the home page's title: a real query (short words may be stop words).
    query = max(re.findall(r"[A-Za-z]+", page.inner_text("h1")), key=len)
    page.click("input.md-search__input")
    page.keyboard.type(query)
    # The worker has loaded the index and answered: "N matching documents" (or "No matching ...").
    # A locator, not wait_for_function: polling a predicate evaluates it, which the CSP forbids.
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text=re.compile("matching document", re.IGNORECASE)).wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    assert any("search_index.json" in url for url in requests), "search never loaded its index"
    remote = sorted({url for url in requests if request_leaves_this_machine(url)})
    assert not remote, "Searching requested other hosts:\n" + "\n".join(remote)


@pytest.mark.browser
def test_the_test_browser_reaches_this_machine_only_and_still_reports_the_rest(
    page, site_server: str
) -> None:
    """The browser the tests drive (conftest.ONLY_LOCAL) loads from 127.0.0.1 and from no other
    address, not even another loopback one; a request elsewhere fails at once and is still
    reported, which is how the tests above see it."""
    port = urlsplit(site_server).port
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    assert page.goto(site_server).ok
    elsewhere = [f"http://127.0.0.2:{port}/", f"http://localhost:{port}/", "https://example.org/"]
    for url in elsewhere:
        with pytest.raises(Exception, match="ERR_NAME_NOT_RESOLVED"):
            page.goto(url)
    assert set(elsewhere) <= set(requests)
