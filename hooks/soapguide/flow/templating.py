"""The globals and filters that flow/templates/flow.html uses, for GuideRenderer."""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

from ..read.content import Content
from ..read.schedule import SCHEDULE_FILE
from ..render.assets import Bundle
from ..render.schedule_text import clock_data
from ..render.templating import TABLES_CSS
from .checks import FLOW_FILE
from .model import PHASE_NAMES, build_flow
from .page import (
    embed_json,
    flow_tree,
    item_name,
    plain_text,
    prefix_ids,
    question_numbers,
)

# The flow stage's macros (flow.html).
FLOW_TEMPLATES = Path(__file__).parent / "templates"

FLOW_FILTERS = {
    "prefix_ids": prefix_ids,
    "plain": plain_text,
    "phase_name": PHASE_NAMES.__getitem__,  # "during" -> "during SOAP"
}

# What a page that calls them loads: the interactive flow needs its script and styles; the
# advisors' map the styles, those of tables (it is one) and the map's own; any other macro of
# flow.html only the styles.
FLOW_BUNDLES = {
    "flow": Bundle(css=("assets/stylesheets/flow.css",), js=("assets/javascripts/flow.js",)),
    "flow-map": Bundle(
        css=("assets/stylesheets/flow.css", TABLES_CSS, "assets/stylesheets/flow-map.css")
    ),
    "flow-styles": Bundle(css=("assets/stylesheets/flow.css",)),
}
FLOW_MACRO_BUNDLES = {"flow.html": "flow-styles", "should_i_call": "flow", "flow_map": "flow-map"}


def flow_globals(content: Content) -> dict[str, Any]:
    """``flow`` (the checked Flow), ``flow_json`` (with ``clock``: SOAP's moments for the device-
    clock line), ``flow_tree``, ``flow_numbers``, ``flow_paths``, ``flow_path_counts``,
    ``flow_outcome_phases`` and ``item_name(id)``; empty when there is no data/flow.yml."""
    if FLOW_FILE not in content:
        return {}
    flow = build_flow(content.documents[FLOW_FILE])
    paths = flow.paths()
    data = flow.as_json_data()
    if SCHEDULE_FILE in content and "meta" in content:
        data["clock"] = clock_data(content[SCHEDULE_FILE], content["meta"]["match_year"])
    return {
        "flow": flow,
        # Wrapped in a list: Material's instant navigation re-inserts every <script> of a page
        # it swaps in without its type attribute, so the browser runs the JSON as JavaScript.
        # An array literal is a harmless expression; an object literal is a syntax error.
        "flow_json": embed_json([data]),
        "flow_tree": flow_tree(flow),
        "flow_numbers": question_numbers(flow),
        "flow_paths": paths,
        # Paths ending at each outcome, counted once (not once per outcome over every path).
        "flow_path_counts": Counter(path.outcome.id for path in paths),
        "flow_outcome_phases": flow.outcome_phases(),
        "item_name": partial(item_name, content),
    }
