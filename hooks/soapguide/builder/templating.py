"""The globals that builder/templates/builder.html uses, for GuideRenderer."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from ..flow.page import embed_json, item_name
from ..printing import PAPER_CARD_CSS
from ..read.content import Content
from ..read.schedule import SCHEDULE_FILE
from ..render.assets import Bundle
from ..render.schedule_text import after_soap_window
from .model import BUILDER_FILE, build_builder

# The builder stage's macros (builder.html).
BUILDER_TEMPLATES = Path(__file__).parent / "templates"
# The id of the builder on its page: script cards link to the page that shows it.
BUILDER_ANCHOR = "script-builder"
# What the builder's page loads (render/assets.py): its script and look, and the script card on
# paper (the print pages' card, printing/templates/print.html), which its printable card is.
BUILDER_BUNDLES = {
    "builder": Bundle(
        css=("assets/stylesheets/builder.css", PAPER_CARD_CSS),
        js=("assets/javascripts/builder.js",),
    ),
}
BUILDER_MACRO_BUNDLES = {"builder.html": "builder"}


def builder_globals(content: Content) -> dict[str, Any]:
    """``builder`` (the model), ``builder_json`` (for builder.js), ``builder_anchor``, and
    ``guide_item(id)`` and ``guide_item_name(id)`` for the items a tone check points to; only
    ``builder_anchor`` when there is no data/builder.yml. ``builder_json`` carries ``afterSoap``:
    when the device's clock says SOAP is over, so the builder starts in the after-SOAP phase."""
    if BUILDER_FILE not in content:
        return {"builder_anchor": BUILDER_ANCHOR}
    builder = build_builder(content)
    data = builder.as_json_data()
    if SCHEDULE_FILE in content and "meta" in content:
        data["afterSoap"] = after_soap_window(content[SCHEDULE_FILE], content["meta"]["match_year"])
    return {
        "builder": builder,
        # In a list, as the flow's JSON is: a page swap by instant navigation may run it as
        # JavaScript, and an array literal is harmless there.
        "builder_json": embed_json([data]),
        "builder_anchor": BUILDER_ANCHOR,
        "guide_item": partial(guide_item, content),
        "guide_item_name": partial(item_name, content),
    }


def guide_item(content: Content, item_id: str) -> Mapping[str, Any]:
    """The item with ``item_id`` in any data file (the checks make sure there is one)."""
    item = content.first_items().get(item_id)
    if item is not None:
        return item
    raise LookupError(f"no item with id '{item_id}' in data/")
