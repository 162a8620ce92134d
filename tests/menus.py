"""The menu of a built site and the pages its 404.html links, as paths from the site's root
("" for the home page, "faq/", "print/script-cards/")."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit


def _from_root(href: str, page_folder: str) -> str:
    path = posixpath.normpath(posixpath.join("/" + page_folder, urlsplit(href).path))
    return "" if path == "/" else path.strip("/") + "/"


def menu_of(site: Path) -> list[str]:
    """The pages in the home page's menu, in menu order, each once."""
    home = (site / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="([^"#]*)" class="md-nav__link', home)
    return list(dict.fromkeys(_from_root(href, "") for href in links))


def not_found_links(site: Path, base_path: str = "/") -> list[str]:
    """The pages 404.html links in its list of the guide's pages (its links are written from
    the path of site_url, ``base_path``), in order."""
    text = (site / "404.html").read_text("utf-8")
    listed = re.search(
        r'<ul class="not-found-pages">(.*?)</ul>\s*(?:<p class|</article>)', text, re.S
    )
    assert listed, "404.html has no list of pages"
    hrefs = re.findall(r'<a href="([^"]*)"', listed.group(1))
    assert all(href.startswith(base_path) for href in hrefs), hrefs
    return [_from_root(href[len(base_path) :], "") for href in hrefs]
