"""The example office (examples/office) installed as a fork's office/ builds with --strict, and
every change it asks for is on the site as configured: in the HTML pages, the print pages and
the PDF downloads. Every expectation is read from its office.yml and from data/, so the test
holds for any office and any content. The site is built twice per run, shared by every worker:
without the PDFs (no browser needed) and with them (``browser`` tests)."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import pytest
import yaml
from soapguide.render.text import TextRenderer

from tests import shared_builds
from tests.axe_palettes import in_both_palettes
from tests.html_text import normalise, texts_by_id
from tests.menus import menu_of, not_found_links
from tests.office.support import EXAMPLE, fork_project, office_data
from tests.print_support import read_pdf, squash
from tests.scenario import REPO, build
from tests.static_server import serve_directory

OFFICE = office_data(EXAMPLE)
_markdown = TextRenderer(["abbr", "attr_list"])


def built_fork(pdfs: bool):
    def make(folder: Path) -> None:
        project = fork_project(folder / "project")
        result = build(project, folder / "site", pdfs=pdfs)
        assert result.returncode == 0, f"--- stderr ---\n{result.stderr}"

    return make


@pytest.fixture(scope="session")
def office_site(tmp_path_factory) -> Path:
    """The fork with the example office, built without the PDFs."""
    return shared_builds.once(tmp_path_factory, "example-office", built_fork(False)) / "site"


@pytest.fixture(scope="session")
def office_pdf_site(tmp_path_factory, chromium: str) -> Path:
    """The same, with the PDF downloads (Chromium: asking for ``chromium`` marks every test
    that uses this site ``browser``)."""
    return shared_builds.once(tmp_path_factory, "example-office-pdfs", built_fork(True)) / "site"


@functools.cache
def data(name: str):
    return yaml.safe_load((REPO / "data" / f"{name}.yml").read_text("utf-8"))


def shown(text: str) -> str:
    """Markdown as a reader sees it: rendered, tags dropped, whitespace folded."""
    return normalise(html.unescape(re.sub(r"<[^>]+>", "", str(_markdown.block(text)))))


def page_url(page: str) -> str:
    """``what-to-say.md`` -> ``what-to-say/`` (the built page's folder)."""
    name = page.removesuffix(".md")
    return "" if name == "index" else f"{name}/"


def built_pages(site: Path) -> dict[str, str]:
    pages = {}
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site).parent.as_posix()
        if relative.split("/")[0] not in {"search", "assets"}:
            pages["" if relative == "." else f"{relative}/"] = path.read_text("utf-8")
    return pages


def pages_with(site: Path, element_id: str) -> dict[str, str]:
    """Each built page that has an element with ``element_id``, and that element's text."""
    found = {}
    for url, text in built_pages(site).items():
        texts = texts_by_id(text)
        if element_id in texts:
            found[url] = texts[element_id]
    return found


def all_pdf_text(site: Path) -> str:
    return " ".join(
        " ".join(read_pdf(pdf).pages) for pdf in sorted((site / "downloads").glob("*.pdf"))
    )


def items_by_id() -> dict[str, dict]:
    found: dict[str, dict] = {}

    def walk(value):
        if isinstance(value, dict):
            if "id" in value:
                found.setdefault(str(value["id"]), value)
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    for path in sorted((REPO / "data").glob("*.yml")):
        walk(yaml.safe_load(path.read_text("utf-8")))
    return found


def test_the_example_uses_every_capability():
    """examples/office is the office.yml reference: it sets every top-level key."""
    schema = yaml.safe_load((REPO / "schemas" / "office.schema.json").read_text("utf-8"))
    assert set(OFFICE) == set(schema["properties"])
    assert any("#" in ref for ref in OFFICE["hide"]) and any("#" not in r for r in OFFICE["hide"])
    assert any("#" in note["at"] for note in OFFICE["notes"])
    assert any("#" not in note["at"] for note in OFFICE["notes"])


def test_every_page_has_the_office_s_site_name(office_site):
    name = OFFICE["site_name"]
    for url, text in built_pages(office_site).items():
        title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
        assert html.unescape(title).strip().endswith(name), f"/{url}: {title}"
        header = re.search(
            r'class="md-header__topic">\s*<span class="md-ellipsis">\s*(.*?)\s*<', text, re.S
        )
        assert header and html.unescape(header.group(1)) == name, f"/{url}: header"


@pytest.mark.browser
def test_every_pdf_has_the_office_s_site_name(office_pdf_site):
    pdfs = sorted((office_pdf_site / "downloads").glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        pdf = read_pdf(path)
        assert (pdf.title or "").startswith(OFFICE["site_name"]), path.name
        name = squash(OFFICE["site_name"]).casefold()  # the pocket page sets it in capitals
        assert all(name in squash(page).casefold() for page in pdf.pages), path.name


def test_replaced_fields_show_the_office_s_text(office_site):
    items = items_by_id()
    for entry in OFFICE["replace"]:
        found = pages_with(office_site, entry["id"])
        assert found, f"{entry['id']} is shown on no page"
        for field, value in entry.items():
            if field == "id" or not isinstance(value, str):
                continue
            for url, text in found.items():
                assert shown(value) in text, f"/{url} #{entry['id']}: {field} not replaced"
                old = items[entry["id"]][field]
                if shown(old) != shown(value):
                    assert shown(old) not in text, f"/{url} #{entry['id']}: old {field} shown"


def test_added_items_are_shown_next_to_their_neighbour(office_site):
    for entry in OFFICE["add"]:
        anchor_key = "after" if "after" in entry else "before"
        found = pages_with(office_site, entry["id"])
        assert found, f"{entry['id']} is shown on no page"
        pages = built_pages(office_site)
        for url, text in found.items():
            for field, value in entry.items():
                if field not in ("id", "after", "before") and isinstance(value, str):
                    assert shown(value) in text, f"/{url} #{entry['id']}: {field} missing"
            page = pages[url]
            new_at = page.index(f'id="{entry["id"]}"')
            anchor_at = page.index(f'id="{entry[anchor_key]}"')
            assert (new_at > anchor_at) == (anchor_key == "after"), f"/{url}: misplaced"


def test_removed_items_are_on_no_page_or_print_page(office_site):
    for item_id in OFFICE["remove"]:
        assert not pages_with(office_site, item_id), f"{item_id} is still shown"


@pytest.mark.browser
def test_removed_items_are_in_no_pdf(office_pdf_site):
    items = items_by_id()
    pdf_text = squash(all_pdf_text(office_pdf_site))
    assert pdf_text
    for item_id in OFFICE["remove"]:
        for value in items[item_id].values():
            if isinstance(value, str) and len(value) > 20:
                assert squash(shown(value)) not in pdf_text, f"{item_id} is still in a PDF"


def test_hidden_pages_are_not_built_linked_or_in_the_menu(office_site):
    pages = built_pages(office_site)
    for ref in OFFICE["hide"]:
        page, _, section = ref.partition("#")
        url = page_url(page)
        if section:
            assert url in pages, f"/{url} should still be built"
            assert f'id="{section}"' not in pages[url], f"{ref} is still shown"
            hrefs = [f"#{section}", f"{url}#{section}"]
        else:
            assert url not in pages, f"/{url} was built"
            hrefs = [url]
        for other, text in pages.items():
            for href in re.findall(r'href="([^"]+)"', text):
                target = (Path("/" + other) / href).as_posix() if not href.startswith("#") else ""
                for hidden in hrefs:
                    assert not target.endswith("/" + hidden.lstrip("/")), f"/{other} -> {href}"


def test_flow_steps_are_in_their_outcomes(office_site):
    outcomes = data("flow")["outcomes"]
    for entry in OFFICE["flow_steps"]:
        targets = [o for o in outcomes if o["verdict"] in entry["to"] or o["id"] in entry["to"]]
        assert targets
        for outcome in targets:
            found = pages_with(office_site, outcome["id"])
            assert found, f"{outcome['id']} is shown on no page"
            for url, text in found.items():
                step = shown(entry["text"])
                assert step in text, f"/{url} #{outcome['id']}: the office's step is missing"
                first = shown(outcome["next_steps"][0])
                before = text.index(step) < text.index(first)
                assert before == (entry.get("position", "first") == "first"), f"/{url}"


def test_notes_are_under_their_page_title_or_heading(office_site):
    pages = built_pages(office_site)
    for note in OFFICE["notes"]:
        page, _, section = note["at"].partition("#")
        text = pages[page_url(page)]
        plain = normalise(html.unescape(re.sub(r"<[^>]+>", " ", text)))
        assert shown(note["text"]) in plain, f"{note['at']}: note missing"
        at = text.index('class="admonition note office-note"', text.index("<h1"))
        if section:
            heading = text.index(f'id="{section}"')
            following = re.search(r"<h[1-6][ >]", text[heading + 1 :])
            assert heading < at
            assert following is None or at < heading + 1 + following.start()


def test_resources_are_on_the_home_page(office_site):
    home = built_pages(office_site)[""]
    for resource in OFFICE["resources"]:
        assert f'href="{html.escape(resource["url"])}"' in home
        assert html.escape(resource["title"]) in home


def test_local_pages_are_built_and_in_the_menu_where_office_yml_says(office_site):
    pages = built_pages(office_site)
    home = pages[""]
    menu = re.findall(r'href="([^"#]*)" class="md-nav__link', home) or re.findall(
        r'class="md-nav__link[^"]*"[^>]*href="([^"#]+)"', home
    )
    for entry in OFFICE["pages"]:
        url = page_url(entry["file"])
        assert url in pages, f"/{url} not built"
        assert url in menu, f"{entry['file']} not in the menu"
        if "after" in entry:
            assert menu.index(url) == menu.index(page_url(entry["after"])) + 1
        if "title" in entry:
            assert html.escape(entry["title"]) in pages[url]


def test_the_logo_and_the_colour_are_the_office_s(office_site):
    logo = (EXAMPLE / OFFICE["logo"]).read_bytes()
    for url, text in built_pages(office_site).items():
        src = re.search(r'class="md-header__button md-logo".*?<img src="([^"]+)"', text, re.S)
        assert src, f"/{url}: no logo"
        assert (office_site / url / src.group(1)).resolve().read_bytes() == logo
        css = re.search(r'href="([^"]*assets/stylesheets/office-brand\.css)"', text)
        assert css, f"/{url}: the office's colour stylesheet is not linked"
    css = (office_site / "assets" / "stylesheets" / "office-brand.css").read_text("utf-8")
    assert f"--sg-brand: {OFFICE['brand_colour'].lower()};" in css
    assert "aspect-ratio" in css  # the logo's room is kept before it loads: no layout shift


def test_every_link_between_pages_resolves(office_site):
    for url, text in built_pages(office_site).items():
        for href in re.findall(r'href="([^"#?]+)[^"]*"', text):
            if "://" in href or href.startswith(("mailto:", "tel:", "data:")):
                continue
            if "downloads/" in href:  # the PDFs: built (and checked) with the PDF step only
                continue
            target = (office_site / url / href).resolve()
            assert target.exists(), f"/{url} links to {href}, which was not built"
            if target.is_dir():
                assert (target / "index.html").is_file(), f"/{url} -> {href}"


def contact_words() -> list[str]:
    """The office's name and its contacts as written (a booking link shows as its address)."""
    wanted = [OFFICE["office"]["name"], *[str(v) for v in OFFICE["contacts"].values()]]
    return [re.sub(r"^https://", "", words) for words in wanted]


def test_the_office_name_and_contacts_are_on_every_page(office_site):
    for url, text in built_pages(office_site).items():
        plain = normalise(html.unescape(re.sub(r"<[^>]+>", " ", text)))
        for words in contact_words():
            assert normalise(words) in plain, f"/{url}: {words!r} missing"


def test_the_page_for_a_missing_address_is_the_office_s(office_site):
    """404.html: the office's menu (its own pages in, hidden ones out), name, colour and
    contacts, as every other page has them."""
    assert not_found_links(office_site) == menu_of(office_site)
    text = (office_site / "404.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
    assert html.unescape(title).strip().endswith(OFFICE["site_name"]), title
    assert re.search(r'href="[^"]*assets/stylesheets/office-brand\.css"', text)
    plain = normalise(html.unescape(re.sub(r"<[^>]+>", " ", text)))
    for words in contact_words():
        assert normalise(words) in plain, f"404.html: {words!r} missing"


@pytest.mark.browser
def test_the_office_name_and_contacts_are_in_every_pdf(office_pdf_site):
    pdfs = sorted((office_pdf_site / "downloads").glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        text = squash(" ".join(read_pdf(path).pages))
        for words in contact_words():
            assert squash(words) in text, f"{path.name}: {words!r} missing"


@pytest.mark.long
def test_axe_finds_nothing_with_the_office_colour_in_either_palette(tab, office_site):
    """Every page of the office's site and its 404.html: every axe rule in the light palette,
    and the colour rules in the dark one (tests/axe_palettes.py: the dark palette changes
    colours only)."""
    page = tab()
    report = []
    with serve_directory(office_site) as base:
        for url in [*built_pages(office_site), "404.html"]:
            response = page.goto(base + url, wait_until="load")
            assert response is not None and response.ok
            for scheme, violations in in_both_palettes(page).items():
                report += [
                    f"/{url} ({scheme}): {v['id']}: {v['help']} ({len(v['nodes'])}: "
                    + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
                    + ")"
                    for v in violations
                ]
    assert not report, "\n".join(report)


def test_the_export_is_the_office_s_site(tmp_path):
    """`make export` of a fork: the office's name, menu, logo, colour and pages, none hidden."""
    from export_site import export

    project = fork_project(tmp_path / "project")
    done = export(project, tmp_path / "export")
    config = yaml.safe_load((done.folder / "mkdocs.yml").read_text("utf-8"))
    assert config["site_name"] == OFFICE["site_name"]
    menu = " ".join(str(entry) for entry in config["nav"])
    docs = done.folder / "docs"
    for ref in OFFICE["hide"]:
        if "#" not in ref:
            assert not (docs / ref).exists() and ref not in menu
    for entry in OFFICE["pages"]:
        assert (docs / entry["file"]).is_file() and entry["file"] in menu
    assert (docs / config["theme"]["logo"]).read_bytes() == (EXAMPLE / OFFICE["logo"]).read_bytes()
    assert any((docs / path).name == "office-brand.css" for path in config["extra_css"])
