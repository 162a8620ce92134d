"""A Content-Security-Policy for every page, as a ``<meta http-equiv>`` (GitHub Pages sets no
headers), computed from the page itself when it is written.

Scripts may come only from the site itself (``'self'``) or be one of the page's own inline
scripts from the theme templates (Material's and ours in overrides/), allowed by their SHA-256
hash. Hashes are taken from the written HTML, so a Material upgrade that changes its inline
scripts changes the hashes with it instead of breaking the site. Inline scripts in the page
*content* (Markdown from docs/ and data/) get no hash: they are blocked, as a script that got
into the content is exactly what the policy is there to stop. Scripts that are data
(``type="application/json"``) are not run by the browser and need none.

Plain Python; the MkDocs adapter calls :func:`add_policy` for every page it writes.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Iterable

# Everything but the scripts: no plugins, no <base> elsewhere, no form sends data anywhere (the
# flow and the search keep every answer in the browser).
FIXED_DIRECTIVES = ("object-src 'none'", "base-uri 'self'", "form-action 'none'")

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_JAVASCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
)
_META_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_EXISTING = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in document order."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.groups()
        if _SRC.search(attributes):
            continue
        declared = _TYPE.search(attributes)
        kind = next((g for g in declared.groups() if g is not None), "") if declared else ""
        if kind.strip().lower() in _JAVASCRIPT_TYPES:
            found.append(text)
    return found


def script_hash(text: str) -> str:
    """The CSP source for one inline script: ``'sha256-<base64>'`` of its UTF-8 text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: Iterable[str]) -> str:
    script_sources = ["'self'", *dict.fromkeys(hashes)]
    return "; ".join([f"script-src {' '.join(script_sources)}", *FIXED_DIRECTIVES])


def development_policy() -> str:
    """For `mkdocs serve`, whose live-reload script is inline and differs on every request (no
    hash can allow it): inline scripts allowed, everything else as on the built site."""
    return policy(["'unsafe-inline'"])


def template_script_hashes(html: str, content: str = "") -> list[str]:
    """Hashes of the inline scripts of ``html`` that are not part of its ``content``."""
    from_content = Counter(inline_scripts(content))
    hashes = []
    for text in inline_scripts(html):
        if from_content[text] > 0:
            from_content[text] -= 1
            continue
        hashes.append(script_hash(text))
    return hashes


def meta_tag(csp: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{csp}">'


def add_policy(html: str, content: str = "", csp: str | None = None) -> str:
    """``html`` with its policy as the first thing after ``<meta charset>`` (or ``<head>``), so
    it is in force before any script. ``content`` is the page's own content HTML, whose inline
    scripts get no hash; ``csp`` replaces the computed policy (see development_policy)."""
    if _EXISTING.search(html):
        raise ValueError("the page already has a Content-Security-Policy")
    tag = meta_tag(csp if csp is not None else policy(template_script_hashes(html, content)))
    anchor = _META_CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("the page has no <head> to put its Content-Security-Policy in")
    return f"{html[: anchor.end()]}\n    {tag}{html[anchor.end() :]}"
