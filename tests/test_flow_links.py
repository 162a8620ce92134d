"""Every "read more" link of every outcome leads to the guide item it names, on the guide page
that presents that item's data file (not a print page or another page that repeats it)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from soapguide.flow.model import build_flow

from tests.guide_content import hidden_ids, site_content
from tests.test_content_on_pages import HOME_PAGE

REPO = Path(__file__).resolve().parents[1]
SEE_LIST = re.compile(r'<ul class="flow-see">(.*?)</ul>', re.S)
HREF = re.compile(r'href="([^"]+)"')


def test_every_see_link_resolves_to_its_item_on_its_home_page(built_site: Path) -> None:
    content = site_content()
    flow = build_flow(content.documents["flow"])
    home = {
        item["id"]: "/" + HOME_PAGE[name].removesuffix("index.html")
        for name in content.documents
        if name in HOME_PAGE
        for _, item in content.items_with_ids(name)
    }
    html = (built_site / "should-i-call" / "index.html").read_text("utf-8")
    hrefs = [h for block in SEE_LIST.findall(html) for h in HREF.findall(block)]
    shown = [item for o in flow.outcomes.values() for item in o.see if item not in hidden_ids()]
    assert len(hrefs) == len(shown)  # a link to what an office hides is left out
    for href in hrefs:
        target = urlsplit(urljoin("http://site/should-i-call/", href))
        assert target.path != "/should-i-call/", f"{href} points back into the flow page"
        assert target.path.endswith("/"), f"{href}: not a directory URL like MkDocs' own"
        page = built_site / target.path.lstrip("/") / "index.html"
        assert page.is_file(), f"{href}: no page {target.path}"
        assert f'id="{target.fragment}"' in page.read_text("utf-8"), f"{href}: no such anchor"
        assert target.path == home[target.fragment], f"{href}: not the item's own page"
