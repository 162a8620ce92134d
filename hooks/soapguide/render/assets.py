"""Which stylesheets and scripts a page loads: only those of the macros it calls.

A first visit should cost no more than the page needs, so the guide's assets come in named
bundles (the flow's, the print pages', ...). Each stage names the bundle its macros need; the
renderer notes the macros a page calls, and the adapter links that page's bundles and nothing
else. A page may name more bundles in its front matter (``assets: [flow]``), say for HTML
written by hand. Stylesheets every page needs stay in the site settings (mkdocs.yml).

A page with several stylesheets of its own gets them as one file (``combined_stylesheet``):
one request instead of several, and gzip compresses the rules together, the selectors and
custom properties they share once (the builder's page, its own styles and the card on paper:
0.3 KB less). The parts still ship on their own, for the pages that need one of them alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from ..read.suggest import did_you_mean


@dataclass(frozen=True)
class Bundle:
    """Paths relative to the site root (docs/). ``css`` applies on screen and on paper;
    ``print_css`` is linked with media="print", so it never blocks the first paint; ``js`` is
    loaded with ``defer``."""

    css: tuple[str, ...] = ()
    print_css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()

    def as_template_data(self) -> dict[str, list[str]]:
        return {"css": list(self.css), "print_css": list(self.print_css), "js": list(self.js)}


@dataclass(frozen=True)
class PageAssets:
    """A page's bundles, merged: each path once, in the order the bundles name them."""

    bundles: tuple[str, ...] = ()
    css: tuple[str, ...] = ()
    print_css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()

    def as_template_data(self) -> dict[str, list[str]]:
        return {
            "bundles": list(self.bundles),
            "css": list(self.css),
            "print_css": list(self.print_css),
            "js": list(self.js),
        }

    def paths(self) -> tuple[str, ...]:
        return (*self.css, *self.print_css, *self.js)

    def combined(self) -> PageAssets:
        """The assets as the page links them: its stylesheets as one file when there are
        several (``combined_stylesheet``), else as they are."""
        path = combined_stylesheet(self.css)
        return replace(self, css=(path,)) if path else self


# Where a page's stylesheets, combined, are shipped: one file per set of stylesheets, named by
# them in order ("builder+paper-card.css"), so pages with the same set share it.
STYLESHEETS = "assets/stylesheets/"
COMBINED = STYLESHEETS + "combined/"


def combined_stylesheet(css: Sequence[str]) -> str | None:
    """The file that ships ``css`` (stylesheets of assets/stylesheets/, in order) as one; None
    for fewer than two, or for one that lives elsewhere."""
    parts = [PurePosixPath(path) for path in css]
    if len(parts) < 2 or any(
        f"{p.parent}/" != STYLESHEETS or p.suffix != ".css" or "+" in p.stem for p in parts
    ):
        return None
    return COMBINED + "+".join(p.stem for p in parts) + ".css"


def combined_parts(path: str) -> tuple[str, ...]:
    """The stylesheets a file of ``combined_stylesheet`` holds, in order."""
    name = PurePosixPath(path)
    if f"{name.parent}/" != COMBINED or name.suffix != ".css":
        raise ValueError(f"{path} is not a combined stylesheet")
    return tuple(f"{STYLESHEETS}{stem}.css" for stem in name.stem.split("+"))


class UnknownBundleError(LookupError):
    """A page names a bundle no stage provides."""


def merge(names: Iterable[str], bundles: Mapping[str, Bundle]) -> PageAssets:
    """The assets of the named bundles (sorted by name, so the links never depend on the order
    macros were called in); UnknownBundleError for a name no stage provides."""
    chosen = sorted(set(names))
    for name in chosen:
        if name not in bundles:
            suggestion = did_you_mean(name, bundles)
            hint = f" — {suggestion}" if suggestion else ""
            known = ", ".join(sorted(bundles)) or "none"
            raise UnknownBundleError(
                f"no asset bundle named '{name}'{hint} (the bundles are: {known})"
            )

    def unique(field: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for n in chosen for p in getattr(bundles[n], field)))

    return PageAssets(tuple(chosen), unique("css"), unique("print_css"), unique("js"))


def front_matter_bundles(value: object) -> tuple[str, ...]:
    """A page's ``assets:`` front matter: a bundle name or a list of them."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise UnknownBundleError(
        f"'assets' in the front matter must be a bundle name or a list of names, "
        f"not {type(value).__name__}"
    )
