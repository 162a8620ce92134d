"""The advising office on paper and on every page: its name, its contacts and the credit line.

An office (overlay/office.py) reaches the engine as a plain mapping, or None upstream:
``{"name", "short_name", "site_name", "logo", "contacts": {"email", "phone", "hours",
"booking"}}`` (contacts all optional), plus, when the overlay knows them, ``"where"``: the
``file:line`` each name is written on (``{"name": "office/office.yml:3", ...}``), so that a
card that does not fit can name the line to change.

:func:`paper_globals` gives the templates (page, print and office macros) what they show:
``office`` (normalised, with its contacts as display-ready items), ``site_name`` (the name in
force), ``credit`` (the upstream project and its content licence, LICENSE-content.md) and
``name_sources`` (where each name shown on paper is written) and ``source(item, key)`` (where
a text is written, for the fit check's errors).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..check.text_policy import SAFE_SCHEMES, link_scheme
from ..read.content import Content
from .sources import SourceIndex

# The upstream project a fork credits (LICENSE-content.md: "Adapted from SOAP Call Guide by
# the SOAP Call Guide contributors, CC BY 4.0").
CREDIT = {
    "project": "SOAP Call Guide",
    "authors": "the SOAP Call Guide contributors",
    "licence": "CC BY 4.0",
    "licence_url": "https://creativecommons.org/licenses/by/4.0/",
}
OFFICE_FILE = "office/office.yml"
# The longest site or office name the paper layouts are made for (tests/test_paper_names.py).
LONGEST_NAME = 60

# A site name longer than this no longer fits beside a card's kind on its top line: the card
# gives it a line of its own (and is set a little tighter to make room).
LONG_SITE_NAME = 24
# Longer than this, the site name on the pocket page drops its capitals and letter spacing.
CAPITALS_SITE_NAME = 40
# A script card's office line holds about 100 characters at 8 pt; this leaves room for wide
# letters.
CARD_LINE_CHARS = 90

_PHONE_KEEP = re.compile(r"[^0-9+*#]")
# The extension at the end of a number, as schemas/office.schema.json allows it.
_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x)\s*(?P<digits>[0-9]+)\s*$", re.IGNORECASE)


def paper_globals(
    content: Content, office: Mapping[str, Any] | None, site_name: str
) -> dict[str, Any]:
    """The template globals for the office block, the footer credit and the paper names."""
    shown = office_for_templates(office)
    return {
        "office": shown,
        "site_name": site_name,
        "credit": CREDIT,
        "name_sources": name_sources(content, shown),
        "LONG_SITE_NAME": LONG_SITE_NAME,
        "CAPITALS_SITE_NAME": CAPITALS_SITE_NAME,
        "source": SourceIndex(content),
    }


def office_for_templates(office: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """``office`` with every key present and its contacts as a list of display items:
    ``{"kind", "label", "text", "href"}`` in a fixed order (email, phone, hours, booking);
    missing contacts are left out."""
    if not office:
        return None
    contacts = office.get("contacts") or {}
    items = []
    email = _text(contacts.get("email"))
    if email:
        items.append({"kind": "email", "label": "Email", "text": email, "href": f"mailto:{email}"})
    phone = _text(contacts.get("phone"))
    if phone:
        items.append({"kind": "phone", "label": "Phone", "text": phone, "href": tel_address(phone)})
    hours = _text(contacts.get("hours"))
    if hours:
        items.append({"kind": "hours", "label": "Hours", "text": hours, "href": None})
    booking = _text(contacts.get("booking"))
    if booking and link_scheme(booking) in SAFE_SCHEMES:
        items.append(
            {
                "kind": "booking",
                "label": "Book a meeting",
                "text": re.sub(r"^[a-z]+://", "", booking).rstrip("/"),
                "href": booking,
            }
        )
    where = dict(office.get("where") or {})
    for item in items:
        key = f"contacts.{item['kind']}"
        item["src"] = where.get(key) or f"{OFFICE_FILE} ({key})"
    name = _text(office.get("name"))
    short_name = _text(office.get("short_name")) or name
    return {
        "name": name,
        "short_name": short_name,
        "site_name": _text(office.get("site_name")),
        "logo": office.get("logo"),
        "contacts": {kind: _text(contacts.get(kind)) or None for kind in _CONTACT_KINDS},
        "contact_items": items,
        "card_line": card_line(short_name, items),
        "where": where,
    }


def card_line(short_name: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The contacts on each script card's one office line: the phone (else the first contact
    there is), and the email as well when the line stays within CARD_LINE_CHARS."""
    by_kind = {item["kind"]: item for item in items}
    first = by_kind.get("phone") or by_kind.get("email") or (items[0] if items else None)
    if first is None:
        return []
    line = [first]
    email = by_kind.get("email")
    if email and email is not first:
        length = len(f"Questions? {short_name} · {first['text']} · {email['text']}")
        if length <= CARD_LINE_CHARS:
            line.append(email)
    return line


_CONTACT_KINDS = ("email", "phone", "hours", "booking")


def tel_address(phone: str) -> str:
    """``'+1 (555) 010-0199'`` -> ``'tel:+15550100199'``, the number's digits alone; an
    extension goes after ``;ext=`` (RFC 3966), never run into the number, which would dial
    someone else."""
    extension = _EXTENSION.search(phone)
    number = _PHONE_KEEP.sub("", phone[: extension.start()] if extension else phone)
    return f"tel:{number};ext={extension.group('digits')}" if extension else f"tel:{number}"


def name_sources(content: Content, office: Mapping[str, Any] | None) -> dict[str, str]:
    """Where each name printed on paper is written, as ``file:line`` (or the file and the key,
    when the line is not known): ``site_name``, ``office_name`` and ``short_name``."""
    if office:
        where = office.get("where") or {}
        return {
            "site_name": where.get("site_name") or f"{OFFICE_FILE} (site_name)",
            "office_name": where.get("name") or f"{OFFICE_FILE} (office.name)",
            "short_name": where.get("short_name")
            or where.get("name")
            or f"{OFFICE_FILE} (office.short_name)",
        }
    if "meta" not in content:
        return {"site_name": "data/meta.yml"}
    document = content.documents["meta"]
    return {"site_name": f"{document.display_name}:{document.locate(('site_name',)).line}"}


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value not in (None, "") else ""
