"""The SOAP Call Guide content engine: load, validate and render the guide's YAML content.

Nothing in this package imports MkDocs. ``hooks/mkdocs_hooks.py`` is a thin adapter around it,
so that moving to another site generator means writing one more small adapter.
"""
