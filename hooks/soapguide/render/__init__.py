"""Stage 4, render: Markdown text, the review stamp and the page templates with their macros.
Imports only from ``read``, ``check`` and ``overlay``.
"""
