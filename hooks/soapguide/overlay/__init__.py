"""Stage 3, overlay: an advising office's ``office/`` folder applied to the checked content.

``office/office.yml`` (checked against ``schemas/office.schema.json``) names the office, the site
name, logo, brand colour and contacts, and changes the guide by id: replace fields, add items,
remove items, hide pages or sections, add local notes, resources, flow steps and pages. Upstream
never ships ``office/``, so a fork that edits only that folder merges upstream updates with no
conflicts. Imports only from ``read`` and ``check``.
"""
