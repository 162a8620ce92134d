"""Checks a JSON Schema cannot express: ids unique across files, references between items,
script placeholders, the text policy and the review dates.

Two lists, so that adding a check is a one-line change:

- ``FILE_CHECKS``: ``(document) -> list[ContentError]``, run on every file that could be read,
  whatever its shape (so an author sees these problems in the same run as schema errors).
- ``CROSS_CHECKS``: ``(content) -> list[ContentError]``, given only the files that passed their
  schema, so they can trust their shape. A check that needs a file returns ``[]`` when that
  file is absent (it failed its schema and was reported already).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..read.dates import as_date
from ..read.errors import ContentError
from ..read.suggest import closest, did_you_mean
from ..read.yaml_source import DataPath, YamlDocument
from .schema_messages import ID_PATTERN as ID_SCHEMA_PATTERN
from .text_policy import (
    html_in,
    image_in,
    relative_link_in,
    scheme_is_hidden,
    unsafe_link_in,
    visible_prefix,
)

if TYPE_CHECKING:
    from ..read.content import Content

ID_PATTERN = re.compile(ID_SCHEMA_PATTERN)  # the schemas' id pattern
PLACEHOLDER_NAME = re.compile(r"[a-z][a-z0-9_]*")
_BRACED = re.compile(r"\{([^{}]*)\}")
# A script's two phases (data/scripts.yml, phases:), and the keys of a script line that hold
# words to say: text (both phases) or one text per phase.
PHASES = ("during", "after")
LINE_TEXT_KEYS = ("text", *PHASES)


def error_at(
    document: YamlDocument, path: DataPath, message: str, hint: str = "", fragment: str = ""
) -> ContentError:
    """A ContentError at the value ``path`` of ``document``; at ``fragment`` within it, when
    given and found as written (a long text spans several lines)."""
    return document.error(path, message, hint, fragment=fragment)


def _did_you_mean(word: str, choices: list[str], fallback: str) -> str:
    return did_you_mean(word, choices) or fallback


def check_ids(content: Content) -> list[ContentError]:
    """Ids must be slugs, unique across all of data/: each becomes an anchor on a page, and the
    flow, the print cards and office overlays refer to items by id alone."""
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    for name, document in content.documents.items():
        for path, item in content.items_with_ids(name):
            item_id = item["id"]
            id_path = (*path, "id")
            if not isinstance(item_id, str) or not ID_PATTERN.fullmatch(item_id):
                errors.append(
                    error_at(
                        document,
                        id_path,
                        "expected an id made of lowercase letters, digits and single hyphens, "
                        f"found {item_id!r}",
                        "write it like 'call-when-invited' (no spaces, capitals or underscores)",
                    )
                )
                continue
            if item_id in seen:
                errors.append(
                    error_at(
                        document,
                        id_path,
                        f"the id '{item_id}' is already used at {seen[item_id]}",
                        "give this item a different id; every id in data/ must be unique",
                    )
                )
                continue
            seen[item_id] = f"{document.display_name}:{document.locate(id_path).line}"
    return errors


def check_script_steps(content: Content) -> list[ContentError]:
    """Every script line names a step of the five-step structure by its id."""
    if "scripts" not in content:
        return []
    document = content.documents["scripts"]
    steps = [step["id"] for step in content["scripts"]["structure"]]
    errors = []
    for s, script in enumerate(content["scripts"]["scripts"]):
        for n, line in enumerate(script["lines"]):
            if line["step"] not in steps:
                errors.append(
                    error_at(
                        document,
                        ("scripts", s, "lines", n, "step"),
                        f"unknown step '{line['step']}'; expected one of the structure ids: "
                        + ", ".join(steps),
                        _did_you_mean(
                            line["step"],
                            steps,
                            "use an id from 'structure:' at the top of the file",
                        ),
                    )
                )
    return errors


def check_script_placeholders(content: Content) -> list[ContentError]:
    """Blanks in script lines are ``{name}`` with a name listed under ``placeholders``.

    A listed placeholder that no line uses is fine (a fork may drop a script); a line that uses
    an unlisted one would show a blank with no label, so it is an error.
    """
    if "scripts" not in content:
        return []
    document = content.documents["scripts"]
    scripts = content["scripts"]
    declared: list[str] = []
    errors = []
    for p, placeholder in enumerate(scripts["placeholders"]):
        if placeholder["name"] in declared:
            errors.append(
                error_at(
                    document,
                    ("placeholders", p, "name"),
                    f"the placeholder '{placeholder['name']}' is listed twice",
                    "delete one of the two, or give this one a different name",
                )
            )
        declared.append(placeholder["name"])
    for s, script in enumerate(scripts["scripts"]):
        for n, line in enumerate(script["lines"]):
            for key in LINE_TEXT_KEYS:  # one text, or one per phase
                if key not in line:
                    continue
                path = ("scripts", s, "lines", n, key)
                errors += [
                    error_at(document, path, message, hint, fragment)
                    for message, hint, fragment in _brace_problems(line[key], declared)
                ]
    return errors


def _brace_problems(text: str, declared: list[str]) -> list[tuple[str, str, str]]:
    """(message, fix, the text at fault) for each bad placeholder in one line: first a
    malformed brace, if any, then every name that is not declared."""
    problems = []
    for match in _BRACED.finditer(text):
        if not PLACEHOLDER_NAME.fullmatch(match.group(1)):
            guess = re.sub(r"[^a-z0-9]+", "_", match.group(1).strip().lower()).strip("_")
            close = closest(guess, declared)
            problems.append(
                (
                    f"'{match.group(0)}' is not a valid placeholder",
                    "write blanks as a name in single braces, like {applicant_name}: lowercase "
                    "letters, digits and underscores; "
                    + (
                        f"did you mean '{{{close[0]}}}'?"
                        if close
                        else "the names are listed under 'placeholders:'"
                    ),
                    match.group(0),
                )
            )
            break
    else:
        stray = _BRACED.sub("", text)
        if "{" in stray or "}" in stray:
            brace = "{" if "{" in stray else "}"
            problems.append(
                (
                    f"a '{brace}' without its partner; placeholders are written {{name}}",
                    "close the brace, or remove it if it is not a blank to fill in",
                    brace,
                )
            )
    seen = set()
    for match in _BRACED.finditer(text):
        name = match.group(1)
        if PLACEHOLDER_NAME.fullmatch(name) and name not in declared and name not in seen:
            seen.add(name)
            close = closest(name, declared)
            add = f"add 'name: {name}' with a label and a hint under 'placeholders:'"
            problems.append(
                (
                    f"the placeholder '{{{name}}}' is not listed under 'placeholders:'",
                    f"did you mean '{{{close[0]}}}'? Otherwise {add}" if close else add,
                    match.group(0),
                )
            )
    return problems


def relative_link_in_data(link: str) -> tuple[str, str]:
    """What is wrong with a link that has no address (``rules.md``) in data/, and the fix."""
    return (
        f"the link to '{link}' would be broken: a link in data/ needs a full address",
        "link to a full https:// address; links between the guide's own pages belong in the "
        "pages in docs/",
    )


def check_text_policy(
    document: YamlDocument, relative_link: Callable[[str], tuple[str, str]] = relative_link_in_data
) -> list[ContentError]:
    """No HTML, no images and no links to anything but http(s)/mailto/tel, in any text.
    ``relative_link``: how a link with no address is explained to whoever wrote the file."""
    errors = []
    for path, text in _strings(document.data, ()):
        tag = html_in(text)
        if tag:
            errors.append(
                error_at(
                    document,
                    path,
                    f"HTML is not allowed in content (found '{tag}')",
                    "write Markdown: **bold**, *italic*, [link](https://…); to show a tag as "
                    "text, put it in `backticks`",
                    fragment=tag.split()[0],
                )
            )
        link = unsafe_link_in(text)
        if link:
            scheme, destination = link
            hidden = (
                " (written with hidden characters or HTML entities, which a browser removes)"
                if scheme_is_hidden(destination)
                else ""
            )
            errors.append(
                error_at(
                    document,
                    path,
                    f"a '{scheme}:' link is not allowed{hidden}; links may go to https://, "
                    "mailto: or tel: addresses only",
                    "link to a full https:// address, or remove the link",
                    fragment=visible_prefix(destination),
                )
            )
        relative = relative_link_in(text)
        if relative:
            message, hint = relative_link(relative)
            errors.append(error_at(document, path, message, hint, fragment=relative))
        if image_in(text):
            errors.append(
                error_at(
                    document,
                    path,
                    "images are not supported in content",
                    "remove the image (the '![…](…)'), or link to it: [text](https://…)",
                    fragment="![",
                )
            )
    return errors


def _strings(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def check_review_dates(content: Content) -> list[ContentError]:
    """The stale date comes after the review, and the agreement is not for a later Match."""
    errors = []
    if "meta" in content:
        meta, document = content["meta"], content.documents["meta"]
        reviewed, stale = as_date(meta["reviewed_on"]), as_date(meta["check_rules_after"])
        if stale <= reviewed:
            errors.append(
                error_at(
                    document,
                    ("check_rules_after",),
                    f"expected a date after reviewed_on ({reviewed.isoformat()}), "
                    f"found {stale.isoformat()}",
                    "set it to the day readers should start checking the rules again, usually "
                    "just after the next Match (for example 2027-03-01)",
                )
            )
    if "meta" in content and "rules" in content:
        match_year, agreement_year = (
            content["meta"]["match_year"],
            content["rules"]["agreement_year"],
        )
        if agreement_year > match_year:
            errors.append(
                error_at(
                    content.documents["rules"],
                    ("agreement_year",),
                    f"expected the agreement year to be no later than match_year ({match_year} "
                    f"in data/meta.yml), found {agreement_year}",
                    "check both years: agreement_year is the Match whose agreement was checked",
                )
            )
    return errors


FileCheck = Callable[[YamlDocument], list[ContentError]]
CrossCheck = Callable[["Content"], list[ContentError]]

# Run on every readable file, in this order.
FILE_CHECKS: list[FileCheck] = [
    check_text_policy,
]

# Run in this order on the files that passed their schema.
CROSS_CHECKS: list[CrossCheck] = [
    check_ids,
    check_script_steps,
    check_script_placeholders,
    check_review_dates,
]
