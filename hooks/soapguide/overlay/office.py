"""Read ``office/office.yml`` and check it: its schema, the text policy, the brand colour's
contrast and the logo file. What the office changes in the guide is applied by ``changes`` and
``pages``; this module only says who the office is and whether its file is sound."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..check.checks import FILE_CHECKS, check_text_policy, error_at
from ..check.schemas import SUFFIX, display_path, schema_errors
from ..read.errors import ContentError
from ..read.suggest import did_you_mean
from ..read.yaml_source import DataPath, YamlDocument, load_yaml
from .colour import check_brand
from .schema import with_item_fields
from .svg_check import svg_problem

OFFICE_FILE = "office.yml"
OFFICE_FOLDER_NAME = "office"
# What helps an office whose office.yml is missing or empty: upstream has no office/ folder.
START_FROM_EXAMPLE = (
    f"copy the content of examples/office/{OFFICE_FILE} into it and change it to your office's "
    "(the guide's page 'Customize the guide for your office' shows how)"
)
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
# The fix for an SVG logo that does more than draw, or that no browser can read.
SAVE_AS_PLAIN_SVG = (
    "save the logo again as plain SVG without scripts or links (Inkscape: File > Save As > "
    "Plain SVG; Illustrator: File > Export > Export As > SVG), or upload a PNG instead and "
    f"change logo: in {OFFICE_FOLDER_NAME}/{OFFICE_FILE} to its name"
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
        return None, [_missing_office_file(folder, root)]
    document, errors = load_yaml(path, display_path(path, root), when_empty=START_FROM_EXAMPLE)
    if document is None:
        return None, errors
    if checked:
        return Office(document, folder, shown), errors
    for file_check in FILE_CHECKS:
        if file_check is check_text_policy:
            errors += check_text_policy(document, relative_link_in_office)
        else:
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


def relative_link_in_office(link: str) -> tuple[str, str]:
    """What is wrong with a link that has no address (``myths.md``) in office.yml, and the fix
    an office can make: its notes reach the page as HTML that no page address is made from."""
    stem = posixpath.splitext(posixpath.basename(link.split("#")[0]))[0]
    page = "" if stem in ("", "index") else f"{stem}/"
    return (
        f"the link to '{link}' would be broken: a link in {OFFICE_FILE} needs the page's full "
        "address",
        "link to the page's full address on your site, as your browser's address bar shows it "
        f"(like https://<your-account>.github.io/<repository>/{page}), or name the page in "
        f"words; a link like ({link}) works only in your own pages in "
        f"{OFFICE_FOLDER_NAME}/pages/",
    )


def misplaced_office(root: Path, folder: Path) -> list[ContentError]:
    """An office's folder or file that would be ignored where it is, at the top of the
    repository: a folder named like ``folder`` in other letters or with an s (``Office/``,
    ``offices/``), or its office.yml written there without the folder (GitHub's "Create new
    file" without ``office/`` in front). Nothing is read from them, so each is an error."""
    if not root.is_dir():
        return []
    errors = []
    for entry in sorted(root.iterdir()):
        if entry.is_dir() and _is_misnamed_office_folder(entry.name):
            if folder.is_dir() and entry.samefile(folder):
                continue  # a file system that ignores case: this is the office's folder
            errors.append(_misnamed_folder(entry, root))
        elif entry.is_file() and _is_office_file_name(entry.name):
            errors.append(_file_outside_folder(entry, folder, root))
    return errors


def _is_misnamed_office_folder(name: str) -> bool:
    """``Office``, ``OFFICE``, ``offices``: the office's folder, named otherwise."""
    meant = name.strip().casefold() in (OFFICE_FOLDER_NAME, f"{OFFICE_FOLDER_NAME}s")
    return meant and name != OFFICE_FOLDER_NAME


def _is_office_file_name(name: str) -> bool:
    """``office.yml`` as a web editor lets it be misnamed: other letters (``Office.yml``),
    ``.yaml``, ``.txt`` added (``office.yml.txt``), or no ending at all."""
    stem, *endings = name.strip().casefold().split(".")
    return stem == OFFICE_FOLDER_NAME and all(e in ("yml", "yaml", "txt") for e in endings)


def _misnamed_folder(entry: Path, root: Path) -> ContentError:
    inside = [p for p in sorted(entry.iterdir()) if p.is_file() and _is_office_file_name(p.name)]
    shown = display_path(inside[0] if inside else entry, root) + ("" if inside else "/")
    return ContentError(
        shown,
        1,
        1,
        "",
        f"the office's folder must be called {OFFICE_FOLDER_NAME}/ (all lower case), not "
        f"{entry.name}/: nothing in {entry.name}/ is read",
        f"rename the folder to {OFFICE_FOLDER_NAME}: on GitHub, open each file in "
        f"{entry.name}/, click the pencil (Edit), click at the start of the file's name and "
        f"press Backspace to reach the folder's name, change it to {OFFICE_FOLDER_NAME}, then "
        "Commit changes",
    )


def _file_outside_folder(entry: Path, folder: Path, root: Path) -> ContentError:
    target = f"{OFFICE_FOLDER_NAME}/{OFFICE_FILE}"
    if (folder / OFFICE_FILE).is_file():
        hint = f"delete it: your office's file is {target}, and only that one is read"
    else:
        rename = "" if entry.name == OFFICE_FILE else f" and change the name to {OFFICE_FILE}"
        hint = (
            f"move it: on GitHub, open {entry.name}, click the pencil (Edit), type "
            f"{OFFICE_FOLDER_NAME}/ in front of its name (GitHub makes the folder){rename}, "
            "then Commit changes"
        )
    return ContentError(
        display_path(entry, root),
        1,
        1,
        "",
        f"the office's file must be {target}, in the {OFFICE_FOLDER_NAME}/ folder: "
        f"{entry.name} at the top of the repository is not read",
        hint,
    )


def _missing_office_file(folder: Path, root: Path) -> ContentError:
    """The folder has no office.yml: the file under another name (``Office.yml``,
    ``office.yaml``, ``office.yml.txt``) or one folder down (``office/office/office.yml``),
    else a folder with no file yet."""
    shown = display_path(folder, root)
    near = [p for p in sorted(folder.iterdir()) if p.is_file() and _is_office_file_name(p.name)]
    near += [
        path
        for sub in sorted(folder.iterdir())
        if sub.is_dir()
        for path in sorted(sub.iterdir())
        if path.name == OFFICE_FILE
    ]
    if not near:
        return ContentError(
            f"{shown}/{OFFICE_FILE}",
            1,
            1,
            "",
            f"the {shown}/ folder has no {OFFICE_FILE}",
            f"create {shown}/{OFFICE_FILE}: {START_FROM_EXAMPLE}",
        )
    found = near[0]
    if found.parent == folder:
        return ContentError(
            display_path(found, root),
            1,
            1,
            "",
            f"rename {found.name} to {OFFICE_FILE}",
            f"the file must be called {OFFICE_FILE} (all lower case, ending .yml): on GitHub, "
            "open it, click the pencil (Edit), change its name, then Commit changes",
        )
    return ContentError(
        display_path(found, root),
        1,
        1,
        "",
        f"the office's file must be {shown}/{OFFICE_FILE}, directly in {shown}/",
        "move it up one folder: on GitHub, open it, click the pencil (Edit), click at the "
        "start of its name and type ../ (GitHub moves it up), then Commit changes",
    )


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
            "folder, then Add file > Upload files), or correct the file name; with no logo yet, "
            "delete the logo: line"
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
        return _check_svg_logo(office, logo, raw)
    signatures = IMAGE_SIGNATURES[suffix]
    if not any(raw.startswith(sig) for sig in signatures) or (
        suffix == ".webp" and raw[8:12] != b"WEBP"
    ):
        kind = suffix.lstrip(".").upper()
        return [error_at(office.document, where, f"'{name}' is not a {kind} image", _EXPORT)]
    return []


def _check_svg_logo(office: Office, logo: Path, raw: bytes) -> list[ContentError]:
    """The SVG logo's first problem, at its line in the logo file: the site publishes the file,
    so anything in it but drawing would run or load on the site's own address."""
    problem = svg_problem(raw)
    if problem is None:
        return []
    if problem.unreadable:
        message = f"'{logo.name}' is not an SVG image a browser can read: it has {problem.found}"
    else:
        message = f"the logo contains {problem.found}; a logo may only draw"
    file = f"{office.display_folder}/{logo.name}"
    return [ContentError(file, problem.line, problem.column, "", message, SAVE_AS_PLAIN_SVG)]


_EXPORT = "export the logo again from your design tool, or give the file its real extension"
