"""Stage 5, printing: the print pages' macros and the PDF downloads made from the built site.
Imports only from earlier stages.
"""

from pathlib import Path

from ..render.assets import Bundle

# The print pages' macros (print.html: the script cards and the pocket checklist).
PRINT_TEMPLATES = Path(__file__).parent / "templates"

# What a page that calls them loads: the cards' and the pocket page's look, on screen and on
# paper (paper.css), and the Print buttons (print.js). How every page prints is site-wide
# (print.css, media="print"; see overrides/main.html).
PRINT_BUNDLES = {
    "print": Bundle(css=("assets/stylesheets/paper.css",), js=("assets/javascripts/print.js",)),
}
PRINT_MACRO_BUNDLES = {"print.html": "print"}
