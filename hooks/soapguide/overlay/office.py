"""Read ``office/office.yml`` and check it: its schema, the text policy, the brand colour's
contrast and the logo file. What the office changes in the guide is applied by ``changes`` and
``pages``; this module only says who the office is and whether its file is sound."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..check.checks import FILE_CHECKS, error_at
from ..check.schemas import SUFFIX, display_path, schema_errors
from ..read.errors import ContentError
from ..read.suggest import did_you_mean
from ..read.yaml_source import DataPath, YamlDocument, load_yaml
from .colour import check_brand
from .schema import with_item_fields

OFFICE_FILE = "office.yml"
OFFICE_SCHEMA = f"office{SUFFIX}"
LOGO_MAX_BYTES = 100 * 1024
# Where the build puts the logo in the site (the contract's "logo" URL).
LOGO_URL_DIR = "assets/office"
IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}
# What an SVG logo may not contain: script, event handlers, or anything fetched from elsewhere
# (the site makes no third-party requests).
_SVG_UNSAFE = (
    (re.compile(r"<\s*script", re.I), "a <script> element"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event handler (an on…= attribute)"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: link"),
    (re.compile(r"<\s*foreignObject", re.I), "a <foreignObject> element"),
    (re.compile(r"""(?:href|src)\s*=\s*["']\s*(?:https?:)?//""", re.I), "a link to another site"),
    (re.compile(r"@import|url\(\s*['\"]?\s*(?:https?:)?//", re.I), "a style loaded from elsewhere"),
)


@dataclass(frozen=True)
class Office:
    """A checked office file: who the office is, and where each of its settings is written."""

    document: YamlDocument
    folder: Path
    display_folder: str

    @property
    def data(self) -> Mapping[str, Any]:
        return self.document.data

    @property
    def name(self) -> str:
        return str(self.data["office"]["name"]).strip()

    @property
    def short_name(self) -> str:
        return str(self.data["office"]["short_name"]).strip()

    @property
    def site_name(self) -> str:
        return str(self.data["site_name"]).strip()

    @property
    def brand_colour(self) -> str | None:
        colour = self.data.get("brand_colour")
        return str(colour) if colour else None

    @property
    def logo_file(self) -> Path | None:
        logo = self.data.get("logo")
        return self.folder / str(logo) if logo else None

    @property
    def logo_url(self) -> str | None:
        """The logo's site-relative URL (the build copies it there)."""
        logo = self.data.get("logo")
        return f"{LOGO_URL_DIR}/{logo}" if logo else None

    @property
    def contacts(self) -> dict[str, str | None]:
        given = self.data.get("contacts") or {}
        return {key: given.get(key) for key in ("email", "phone", "hours", "booking")}

    def place(self, path: DataPath) -> str:
        """``office/office.yml:12``: where the value at ``path`` is written."""
        return f"{self.document.display_name}:{self.document.locate(path).line}"

    def template_data(self) -> dict[str, Any]:
        """The office as templates see it (overlay/office.py), with ``where``: the
        ``file:line`` each name and contact is written on, for errors about paper."""
        where = {
            "name": self.place(("office", "name")),
            "short_name": self.place(("office", "short_name")),
            "site_name": self.place(("site_name",)),
        }
        for key, value in self.contacts.items():
            if value is not None:
                where[f"contacts.{key}"] = self.place(("contacts", key))
        return {
            "name": self.name,
            "short_name": self.short_name,
            "site_name": self.site_name,
            "logo": self.logo_url,
            "contacts": self.contacts,
            "where": where,
        }


def read_office(
    folder: Path,
    root: Path,
    schemas_dir: Path,
    data_schemas: Mapping[str, Any],
    checked: bool = False,
) -> tuple[Office | None, list[ContentError]]:
    """The office in ``folder`` (None, and no problem, when there is no such folder: upstream)
    and every problem with its office.yml, its brand colour and its logo. ``checked``: the
    same folder, on the same content, passed every check before (check/cache.py): it is read,
    not checked again."""
    if not folder.is_dir():
        return None, []
    shown = display_path(folder, root)
    path = folder / OFFICE_FILE
    if not path.is_file():
        misnamed = folder / "office.yaml"
        return None, [
            ContentError(
                display_path(misnamed if misnamed.is_file() else path, root),
                1,
                1,
                "",
                f"rename office.yaml to {OFFICE_FILE}"
                if misnamed.is_file()
                else f"the {shown}/ folder has no {OFFICE_FILE}",
                f"the file must be called {OFFICE_FILE}"
                if misnamed.is_file()
                else f"create {shown}/{OFFICE_FILE}: copy examples/office/{OFFICE_FILE} and "
                "change it (the guide's page 'Customize the guide for your office' shows how)",
            )
        ]
    document, errors = load_yaml(path, display_path(path, root))
    if document is None:
        return None, errors
    if checked:
        return Office(document, folder, shown), errors
    for file_check in FILE_CHECKS:
        errors += file_check(document)
    schema_file = schemas_dir / OFFICE_SCHEMA
    schema = with_item_fields(json.loads(schema_file.read_text("utf-8")), data_schemas)
    problems = schema_errors(document, schema, display_path(schema_file, root))
    # 'brand_colour: #7a1f2b' is already reported as cut off by a comment: not also as empty.
    cut = {error.where for error in errors if error.message.startswith("the text stops before")}
    errors += [problem for problem in problems if problem.where not in cut]
    if problems:
        return None, errors
    office = Office(document, folder, shown)
    errors += check_brand_colour(office) + check_logo(office)
    return office, errors


def check_brand_colour(office: Office) -> list[ContentError]:
    colour = office.brand_colour
    if colour is None:
        return []
    result = check_brand(colour)
    if result.ok:
        return []
    return [
        error_at(
            office.document,
            ("brand_colour",),
            f"the brand colour {colour} fails WCAG AA contrast (4.5:1 for text): "
            + "; ".join(result.problems),
            f'use a darker shade: the nearest colour that passes is "{result.suggestion}" '
            "(same hue, darker)",
        )
    ]


def check_logo(office: Office) -> list[ContentError]:
    logo = office.logo_file
    if logo is None:
        return []
    where = ("logo",)
    name = logo.name
    if not logo.is_file():
        images = sorted(
            p.name
            for p in office.folder.iterdir()
            if p.is_file() and p.suffix.lower() in (".svg", *IMAGE_SIGNATURES)
        )
        hint = (
            did_you_mean(name, images, cutoff=0.5)
            or f"upload the logo to the {office.display_folder}/ folder (on GitHub: open the "
            "folder, then Add file > Upload files), or correct the file name"
        )
        return [
            error_at(
                office.document,
                where,
                f"the logo file '{name}' is not in {office.display_folder}/"
                + (f" (it has: {', '.join(images)})" if images else ""),
                hint,
            )
        ]
    raw = logo.read_bytes()
    if len(raw) > LOGO_MAX_BYTES:
        return [
            error_at(
                office.document,
                where,
                f"the logo is {len(raw) // 1024} KB; it loads on every page, so it may be at "
                f"most {LOGO_MAX_BYTES // 1024} KB",
                "export it again smaller: an SVG, or a PNG about 200 pixels wide",
            )
        ]
    suffix = logo.suffix.lower()
    if suffix == ".svg":
        text = raw.decode("utf-8", errors="replace")
        if "<svg" not in text:
            return [error_at(office.document, where, f"'{name}' is not an SVG image", _EXPORT)]
        for pattern, what in _SVG_UNSAFE:
            if pattern.search(text):
                return [
                    error_at(
                        office.document,
                        where,
                        f"the logo '{name}' contains {what}; a logo may only draw",
                        "export it again as a plain SVG (in most tools: 'SVG, no scripts or "
                        "links'), or use a PNG",
                    )
                ]
        return []
    signatures = IMAGE_SIGNATURES[suffix]
    if not any(raw.startswith(sig) for sig in signatures) or (
        suffix == ".webp" and raw[8:12] != b"WEBP"
    ):
        kind = suffix.lstrip(".").upper()
        return [error_at(office.document, where, f"'{name}' is not a {kind} image", _EXPORT)]
    return []


_EXPORT = "export the logo again from your design tool, or give the file its real extension"
