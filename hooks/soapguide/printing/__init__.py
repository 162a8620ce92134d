"""Stage 5, printing: the print pages' macros and the PDF downloads made from the built site.
Imports only from earlier stages.
"""

from pathlib import Path

from ..render.assets import Bundle

# The print pages' macros (print.html: the script cards and the pocket checklist).
PRINT_TEMPLATES = Path(__file__).parent / "templates"

# What a page that calls them loads (render/assets.py): only the paper it shows. Every print
# macro brings the Print buttons and the PDF downloads (paper.css) and what makes the buttons
# work (print.js); the script cards bring the card on paper (paper-card.css, which the script
# builder's printed card loads too) and the card page's own parts (paper-sheets.css: index,
# sheets on screen, the paper chosen, the office's card); the pocket checklists their page
# (paper-pocket.css). How every page prints is site-wide (print.css, media="print"; see
# overrides/main.html).
_STYLES = "assets/stylesheets/"
PAPER_CARD_CSS = _STYLES + "paper-card.css"
PRINT_BUNDLES = {
    "print": Bundle(css=(_STYLES + "paper.css",), js=("assets/javascripts/print.js",)),
    # Each card has a "Print only this card" button: the print bundle's files come first.
    "print-cards": Bundle(
        css=(_STYLES + "paper.css", PAPER_CARD_CSS, _STYLES + "paper-sheets.css"),
        js=("assets/javascripts/print.js",),
    ),
    "print-pocket": Bundle(css=(_STYLES + "paper-pocket.css",)),
}
PRINT_MACRO_BUNDLES = {
    "print.html": "print",
    **dict.fromkeys(
        ("print_script_card", "print_script_cards", "print_card_index", "office_card"),
        "print-cards",
    ),
    **dict.fromkeys(("pocket_checklist", "pocket_checklist_sheets"), "print-pocket"),
}
