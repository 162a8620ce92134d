"""The page a preview (`mkdocs serve`) shows in place of every page while the content is broken.

An author editing data/ in a browser tab would otherwise see the old page, or a spinner, with the
error only in a terminal they may not be watching. This page carries the same ``file:line``
report the build prints; the preview server adds its live-reload script to every page it serves,
so the page reloads itself after the next save, and shows the guide again once the fix is in.

A standalone document (no theme, no script of its own): it must render even when what broke is
something the theme needs. Plain Python; the MkDocs adapter writes it for every page.
"""

from __future__ import annotations

import html

_STYLE = """
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
         color: #1b1b1b; background: #fff; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .75rem; color: #a30000; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fdf2f2; color: #1b1b1b;
        border-left: .3rem solid #a30000; padding: 1rem; font-size: .9rem; }
  @media (prefers-color-scheme: dark) {
    body { color: #eee; background: #161616; }
    h1 { color: #ff8a80; }
    pre { background: #2a1717; color: #eee; border-color: #ff8a80; }
  }
"""


def error_page(report: str, site_name: str = "The guide") -> str:
    """A whole HTML document showing ``report`` (plain text, escaped here)."""
    name = html.escape(site_name)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Fix needed · {name}</title>
  <style>{_STYLE}</style>
</head>
<body>
<main>
  <h1>The guide has a problem to fix</h1>
  <p>Every page of this preview shows this report until the problem is fixed. Fix the file
    and line it names and save: this page reloads by itself and shows the guide again.</p>
  <pre id="content-errors">{html.escape(report)}</pre>
  <p>The same report is in the terminal that runs <code>make serve</code>.
    <code>make check</code> prints it too, and <code>make build</code> stops on it without
    changing the built site.</p>
</main>
</body>
</html>
"""
