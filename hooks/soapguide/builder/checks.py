"""Build-time checks of data/builder.yml: every problem as ``file:line`` with a fix.

- each tone pattern is in the syntax Python and browsers share (``safe_regex``), finds its
  ``flagged`` example, passes over its ``not_flagged`` one, and flags none of the guide's own
  strong phrases, good examples or script lines;
- ``flags`` names a weak phrase, a mistake or a bad tone example; ``instead`` a strong phrase or
  a good tone example;
- the voicemail checklist names real voicemail rules and blanks, one condition each;
- field settings name real blanks; every email script has a subject line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..check.checks import error_at
from ..read.errors import ContentError
from ..read.suggest import did_you_mean
from .model import BLANK, BUILDER_FILE, build_builder, phase_ids, texts_in, versions_of
from .safe_regex import compile_pattern, normalise, problems

if TYPE_CHECKING:
    from ..read.content import Content
    from ..read.yaml_source import YamlDocument

CONDITIONS = ("filled", "within_time_limit", "confirmed")


def _ids(content: Content, file: str, *keys: str) -> dict[str, str]:
    """id -> its text, for the items at ``keys`` in data/<file>.yml (nothing if absent)."""
    if file not in content:
        return {}
    value: Any = content[file]
    for key in keys:
        value = value.get(key, {}) if isinstance(value, Mapping) else {}
    found = {}
    for item in value if isinstance(value, list) else []:
        if isinstance(item, Mapping) and "id" in item:
            text = next((item[k] for k in ("text", "example", "title") if k in item), "")
            found[str(item["id"])] = str(text)
    return found


def _suggest(name: str, known: Iterable[str], what: str) -> str:
    suggestion = did_you_mean(name, known)
    return (f"{suggestion} " if suggestion else "") + f"use the id of {what}"


def check_builder(content: Content) -> list[ContentError]:
    """Every problem in data/builder.yml, or [] when it is absent (already reported)."""
    if BUILDER_FILE not in content:
        return []
    document = content.documents[BUILDER_FILE]
    errors = _tone_errors(content, document)
    if "scripts" in content:
        errors += _checklist_errors(content, document)
        errors += _field_errors(content, document)
        errors += _subject_errors(content, document)
    return errors


def _tone_errors(content: Content, document: YamlDocument) -> list[ContentError]:
    builder = build_builder(content)
    weak = {
        **_ids(content, "scripts", "phrasing", "weak"),
        **_ids(content, "mistakes", "mistakes"),
        **_ids(content, "tone", "bad"),
    }
    strong = {**_ids(content, "scripts", "phrasing", "strong"), **_ids(content, "tone", "good")}
    own_text = [(f"the strong phrase '{i}'", t) for i, t in strong.items()] + [
        (f"a line of the script '{s['id']}'", BLANK.sub(" ", text))
        for s in (content["scripts"]["scripts"] if "scripts" in content else [])
        for line in s["lines"]
        for text in texts_in(line, skip={"step"})
    ]
    errors = []
    holder = _files_by_id(content)
    for check in builder.tone_checks:
        errors += _reference(
            document,
            (*check.path, "flags"),
            check.flags,
            weak,
            "a weak phrase (data/scripts.yml), a mistake (data/mistakes.yml) or a bad tone "
            "example (data/tone.yml)",
            content.complete,
            holder.get(check.flags, ""),
        )
        errors += _reference(
            document,
            (*check.path, "instead"),
            check.instead,
            strong,
            "a strong phrase (data/scripts.yml) or a good tone example (data/tone.yml)",
            content.complete,
            holder.get(check.instead, ""),
        )
        found = problems(check.pattern)
        path = (*check.path, "pattern")
        if found:
            problem = found[0]
            errors.append(
                error_at(
                    document,
                    path,
                    f"the pattern cannot be used, at character {problem.position + 1}: "
                    f"{problem.message}",
                    problem.fix
                    or "correct the pattern (the comment above tone_checks: lists "
                    "what a pattern may contain)",
                    fragment=check.pattern[problem.position :].split("\n")[0],
                )
            )
            continue
        regex = compile_pattern(check.pattern)
        if not regex.search(normalise(check.flagged)):
            errors.append(
                error_at(
                    document,
                    (*check.path, "flagged"),
                    f"the pattern does not find its own 'flagged' example: {check.flagged!r}",
                    "change the pattern so it finds the example, or give an example it finds",
                )
            )
        if regex.search(normalise(check.not_flagged)):
            errors.append(
                error_at(
                    document,
                    (*check.path, "not_flagged"),
                    f"the pattern finds its 'not_flagged' example: {check.not_flagged!r}",
                    "narrow the pattern so it passes over the example, or choose another one",
                )
            )
        for where, text in own_text:
            hit = regex.search(normalise(text))
            if hit:
                errors.append(
                    error_at(
                        document,
                        path,
                        f"the pattern flags {where}, which the guide recommends: "
                        f"'{hit.group(0)}' in {normalise(text)!r}",
                        "narrow the pattern so the guide's own wording passes",
                    )
                )
                break
    return errors


def _reference(
    document: YamlDocument,
    path: tuple[Any, ...],
    value: str,
    known: Mapping[str, str],
    what: str,
    complete: bool,
    elsewhere: str = "",
) -> list[ContentError]:
    if elsewhere and value not in known:
        return [
            error_at(
                document,
                path,
                f"the id '{value}' (in {elsewhere}) is not the right kind of item",
                _suggest(value, known, what),
            )
        ]
    if value in known or not complete:
        return []
    return [error_at(document, path, f"unknown id '{value}'", _suggest(value, known, what))]


def _files_by_id(content: Content) -> dict[str, str]:
    """The data file that holds each id (the first in file order, if several do): one walk of
    the content, however many references are looked up."""
    found: dict[str, str] = {}
    for name in content.documents:
        for item_id in content.ids(name):
            found.setdefault(item_id, f"data/{name}.yml")
    return found


def _checklist_errors(content: Content, document: YamlDocument) -> list[ContentError]:
    rules = _ids(content, "scripts", "voicemail_rules")
    blanks = [p["name"] for p in content["scripts"]["placeholders"]]
    raw = content[BUILDER_FILE]["voicemail_checklist"]["checks"]
    errors, seen = [], set()
    for index, check in enumerate(raw):
        path = ("voicemail_checklist", "checks", index)
        errors += _reference(
            document,
            (*path, "rule"),
            check["rule"],
            rules,
            "a rule under 'voicemail_rules:' in data/scripts.yml",
            True,
        )
        if check["rule"] in seen:
            errors.append(
                error_at(
                    document,
                    (*path, "rule"),
                    f"the rule '{check['rule']}' is listed twice",
                    "keep one entry per voicemail rule",
                )
            )
        seen.add(check["rule"])
        given = [key for key in CONDITIONS if key in check]
        if len(given) != 1:
            errors.append(
                error_at(
                    document,
                    path,
                    "expected exactly one condition (filled, within_time_limit or confirmed), "
                    f"found {len(given) or 'none'}" + (f": {', '.join(given)}" if given else ""),
                    "keep the one that says when this rule is met",
                )
            )
        if "min_words" in check and "filled" not in check:
            errors.append(
                error_at(
                    document,
                    (*path, "min_words"),
                    "min_words only goes with filled",
                    "remove min_words, or add 'filled: <blank name>'",
                )
            )
        if "filled" in check and check["filled"] not in blanks:
            errors += [_unknown_blank(document, (*path, "filled"), check["filled"], blanks)]
    return errors


def _unknown_blank(
    document: YamlDocument, path: tuple[Any, ...], name: str, blanks: list[str]
) -> ContentError:
    return error_at(
        document,
        path,
        f"unknown blank '{name}'",
        _suggest(name, blanks, "a blank under 'placeholders:' in data/scripts.yml"),
    )


def _field_errors(content: Content, document: YamlDocument) -> list[ContentError]:
    blanks = [p["name"] for p in content["scripts"]["placeholders"]]
    errors, seen = [], set()
    for index, settings in enumerate(content[BUILDER_FILE]["fields"]):
        name, path = settings["blank"], ("fields", index, "blank")
        if name not in blanks:
            errors.append(_unknown_blank(document, path, name, blanks))
        elif name in seen:
            errors.append(
                error_at(
                    document,
                    path,
                    f"the blank '{name}' has settings twice",
                    "merge the two entries into one",
                )
            )
        seen.add(name)
    return errors


def _subject_errors(content: Content, document: YamlDocument) -> list[ContentError]:
    builder = build_builder(content)
    phases = phase_ids(content["scripts"])
    errors = []
    for index, script in enumerate(content["scripts"]["scripts"]):
        if script["channel"] not in builder.email_channels:
            continue
        for version in versions_of(script, phases):
            skip = {"step", *phases} - {version}
            texts = texts_in(script["lines"], skip)
            if any(t.startswith(builder.subject_prefix) for t in texts):
                continue
            errors.append(
                error_at(
                    content.documents["scripts"],
                    ("scripts", index, "lines"),
                    f"the email script '{script['id']}'"
                    + (f" ({version})" if version else "")
                    + f" has no subject line: no line starts with '{builder.subject_prefix}' "
                    "(email.subject_prefix in data/builder.yml)",
                    f"add a first line like '{builder.subject_prefix} Thank you from "
                    "{applicant_name}'",
                )
            )
            break
    return errors
