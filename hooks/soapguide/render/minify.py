"""The guide's own stylesheets and scripts, minified as the site is built.

docs/assets/ keeps them readable, with the comments that explain each rule; a reader's phone
should not download those comments. Minifying drops comments and spaces only (no renaming), so
the shipped file does what the source says: about a third less, gzipped, for the stylesheets
and a quarter for the scripts (bench/RESULTS.md, page weight).

rcssmin and rjsmin (both by André Malo, maintained since 2011, C-accelerated, no dependencies)
are used rather than our own regular expressions: a minifier has to know CSS strings, url(),
comments inside strings and JavaScript regex literals, which is where hand-written ones break.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import rcssmin
import rjsmin

# A licence or "keep me" comment (/*! ... */) survives, as minifiers agree.
_MINIFIERS = {
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
}


def minifiable(path: str) -> bool:
    """Whether ``path`` (a site path such as assets/stylesheets/guide.css) is a stylesheet or
    script this module minifies (not one already minified, such as *.min.js)."""
    name = PurePosixPath(path).name
    return PurePosixPath(name).suffix in _MINIFIERS and ".min." not in name


def minify(path: str, text: str) -> str:
    """``text``, the content of the stylesheet or script at ``path``, minified; ending in one
    newline, as a text file does."""
    minifier = _MINIFIERS[PurePosixPath(path).suffix]
    return minifier(text).strip() + "\n"
