"""Which assets a page gets: the bundles of the macros it calls, plus those its front matter
names; and pages are rendered once, with links between them filled in afterwards."""

from __future__ import annotations

import pytest
from check_content import markdown_settings, read_config
from soapguide.guide import BUNDLES, MACRO_BUNDLES, SITE_BUNDLE, load_guide
from soapguide.render.templating import PageError
from soapguide.sources import page_sources

from tests.scenario import REPO

FRONT = "---\ntitle: T\n---\n\n"


@pytest.fixture(scope="module")
def guide():
    return load_guide(REPO / "data", REPO, *markdown_settings(read_config(REPO)))


def assets_of(guide, text: str, name: str = "docs/page.md"):
    guide.render_pages({name: text})
    return guide.pages[name].assets


def test_a_page_of_the_guides_shared_components_loads_no_bundle(guide):
    # The rule and lists every kind of page shows are guide.css's, which every page loads.
    assets = assets_of(guide, FRONT + "# Rule\n\n{{ rule_first() }}\n{{ voicemail_rules() }}\n")
    assert assets.bundles == () and assets.paths() == ()


@pytest.mark.parametrize("macro", ["faq()", "myths_table()", "checklist()", "answer_first()"])
def test_a_content_section_brings_the_content_styles_only(guide, macro):
    assets = assets_of(guide, FRONT + "{{ " + macro + " }}\n")
    assert assets.bundles == ("content",)
    assert assets.css == ("assets/stylesheets/content.css",) and assets.js == ()


def test_soaps_dates_bring_the_table_styles(guide):
    assets = assets_of(guide, FRONT + "{{ soap_schedule() }}\n")
    assert assets.css == ("assets/stylesheets/tables.css",) and assets.js == ()


def test_a_print_macro_brings_the_print_pages_styles_and_script(guide):
    assets = assets_of(guide, FRONT + "{{ print_button('Print') }}\n")
    assert assets.bundles == ("print",)
    assert assets.css == ("assets/stylesheets/paper.css",)
    assert assets.js == ("assets/javascripts/print.js",)


CARD_CSS = "assets/stylesheets/paper-card.css"
POCKET_CSS = "assets/stylesheets/paper-pocket.css"


def test_the_script_cards_bring_the_card_on_paper_and_no_pocket_page(guide):
    for macro in ("print_script_cards()", "print_card_index()", "print_script_card('voicemail')"):
        assets = assets_of(guide, FRONT + "{{ " + macro + " }}\n")
        assert assets.css == (
            "assets/stylesheets/paper.css",
            CARD_CSS,
            "assets/stylesheets/paper-sheets.css",
        ), macro
        # Each card has a "Print only this card" button.
        assert assets.js == ("assets/javascripts/print.js",), macro


def test_the_pocket_checklists_bring_the_pocket_page_and_no_card(guide):
    for macro in ("pocket_checklist()", "pocket_checklist_sheets()"):
        assets = assets_of(guide, FRONT + "{{ " + macro + " }}\n")
        assert assets.css == (POCKET_CSS,) and assets.js == (), macro
    both = "{{ print_button('Print') }}\n{{ pocket_checklist() }}\n"
    with_buttons = assets_of(guide, FRONT + both)
    assert with_buttons.css == ("assets/stylesheets/paper.css", POCKET_CSS)
    assert with_buttons.js == ("assets/javascripts/print.js",)


def test_the_builder_brings_the_card_on_paper_and_nothing_else_of_the_print_pages(guide):
    pages = {**page_sources(REPO / "docs"), "docs/page.md": FRONT + "{{ script_builder() }}\n"}
    guide.render_pages(pages)
    assets = guide.pages["docs/page.md"].assets
    assert assets.bundles == ("builder",)
    assert assets.css == ("assets/stylesheets/builder.css", CARD_CSS)
    assert assets.js == ("assets/javascripts/builder.js",)


def test_the_flow_map_needs_the_flows_styles_and_its_own_but_not_the_script(guide):
    assets = assets_of(guide, FRONT + "{{ flow_map() }}\n")
    assert assets.css == (
        "assets/stylesheets/flow.css",
        "assets/stylesheets/tables.css",
        "assets/stylesheets/flow-map.css",
    )
    assert assets.js == ()


def test_the_flows_other_macros_bring_its_styles_only(guide):
    assets = assets_of(guide, FRONT + "{{ flow_intro() }}\n")
    assert assets.css == ("assets/stylesheets/flow.css",) and assets.js == ()


def test_the_interactive_flow_brings_its_script(guide):
    # With the guide's pages, which show the items its outcomes link to.
    pages = {**page_sources(REPO / "docs"), "docs/page.md": FRONT + "{{ should_i_call() }}\n"}
    guide.render_pages(pages)
    assets = guide.pages["docs/page.md"].assets
    assert assets.css == ("assets/stylesheets/flow.css",)
    assert assets.js == ("assets/javascripts/flow.js",)


def test_front_matter_can_name_more_bundles(guide):
    assets = assets_of(guide, "---\ntitle: T\nassets: [flow]\n---\n\n<div>by hand</div>\n")
    assert assets.bundles == ("flow",) and "assets/javascripts/flow.js" in assets.js


def test_an_unknown_bundle_in_front_matter_is_an_error_naming_file_line_and_fix(guide):
    with pytest.raises(PageError) as raised:
        assets_of(guide, "---\ntitle: T\nassets: flwo\n---\n\ntext\n", "docs/odd.md")
    message = str(raised.value)
    assert "docs/odd.md:3: no asset bundle named 'flwo' — did you mean 'flow'?" in message


def test_every_bundle_names_files_that_exist():
    bundles = [SITE_BUNDLE, *BUNDLES.values()]
    paths = {path for bundle in bundles for path in (*bundle.css, *bundle.print_css, *bundle.js)}
    missing = sorted(path for path in paths if not (REPO / "docs" / path).is_file())
    assert not missing, f"bundles name files docs/ does not have: {missing}"
    assert set(MACRO_BUNDLES.values()) <= set(BUNDLES)


def test_a_page_rendered_for_the_build_is_reused_when_mkdocs_asks_for_it(guide):
    body = "# FAQ\n\n{{ faq() }}\n"
    guide.render_pages({"docs/faq.md": FRONT + body})
    assert guide.page("docs/faq.md", body) is guide.pages["docs/faq.md"]
    changed = guide.page("docs/faq.md", body + "\nMore.\n")
    assert changed is not guide.pages["docs/faq.md"] and changed.markdown.endswith("More.\n")


def test_a_link_to_an_item_on_a_page_rendered_later_is_filled_in(guide):
    rendered = guide.render_pages(
        {
            "docs/a.md": FRONT + "[See]({{ item_href('call-every-program') }})\n",
            "docs/b.md": FRONT + "{{ faq() }}\n",
        }
    )
    assert "[See](../b/#call-every-program)" in rendered["docs/a.md"]


def test_a_link_to_an_item_no_page_shows_names_the_page_and_line(guide):
    with pytest.raises(PageError) as raised:
        guide.render_pages({"docs/a.md": FRONT + "Text.\n\n[See]({{ item_href('voicemail') }})\n"})
    assert "docs/a.md:7: no page shows the item 'voicemail'" in str(raised.value)
