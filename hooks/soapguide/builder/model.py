"""The script builder's model: what its page and its script (builder.js) need, read from
data/builder.yml and data/scripts.yml.

Nothing about the scripts is assumed beyond what every script has (an id, a title, a channel
and an audience). The phases are the keys of ``phases:`` in data/scripts.yml; a script has a
version per phase when any of its texts sits under a phase's key; the blanks of each version are
found by reading every text in the script but those under another phase's key. A new field that
holds script text brings its blanks along with no change here. Building is lenient (a malformed
part is skipped); ``checks`` reports what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..read.content import Content
from ..read.yaml_source import DataPath

BUILDER_FILE = "builder"
BLANK = re.compile(r"\{([a-z][a-z0-9_]*)\}")
DEFAULT_FIELD = {"type": "text", "autocomplete": ""}
# The most characters a field takes, by type, unless data/builder.yml says otherwise.
MAX_LENGTH = {"text": 60, "tel": 30, "long": 160}


@dataclass(frozen=True)
class ToneCheck:
    id: str
    looks_for: str
    flags: str
    instead: str
    pattern: str
    flagged: str
    not_flagged: str
    path: DataPath


@dataclass(frozen=True)
class ChecklistEntry:
    """A voicemail rule and how the form ticks it: ``kind`` is filled, time or confirm."""

    rule: str
    kind: str
    blank: str = ""
    min_words: int = 0
    text: str = ""

    def as_json_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"rule": self.rule, "kind": self.kind}
        if self.kind == "filled":
            data.update(blank=self.blank, min=self.min_words)
        return data


@dataclass(frozen=True)
class ScriptChoice:
    """One script, and its versions: one per phase when some of its words depend on the phase
    (``("during", "after")``), else one good for both (``(None,)``)."""

    id: str
    title: str
    channel: str
    audience: str
    versions: tuple[str | None, ...]
    blanks: Mapping[str, tuple[str, ...]]  # by version ("" for None), in order of first use


@dataclass
class Builder:
    words_per_minute: int
    limit_seconds: int
    timed_channels: tuple[str, ...]
    email_channels: tuple[str, ...]
    subject_prefix: str
    checklist_channels: tuple[str, ...]
    checklist: tuple[ChecklistEntry, ...]
    fields: Mapping[str, Mapping[str, str]]
    tone_checks: tuple[ToneCheck, ...]
    scripts: tuple[ScriptChoice, ...]
    settings: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def field_settings(self, blank: str) -> dict[str, str]:
        settings = {**DEFAULT_FIELD, **self.fields.get(blank, {})}
        settings.setdefault("max_length", str(MAX_LENGTH.get(settings["type"], 60)))
        return settings

    def confirmations(self) -> list[ChecklistEntry]:
        return [entry for entry in self.checklist if entry.kind == "confirm"]

    def as_json_data(self) -> dict[str, Any]:
        """What builder.js reads from the page: settings, scripts and patterns, no text to show
        (that is in the page's own HTML, rendered and sanitised like every other page)."""
        return {
            "rate": self.words_per_minute,
            "limit": self.limit_seconds,
            "timed": list(self.timed_channels),
            "email": list(self.email_channels),
            "subject": self.subject_prefix,
            "listed": list(self.checklist_channels),
            "checks": [entry.as_json_data() for entry in self.checklist],
            "scripts": {
                s.id: {"channel": s.channel, "blanks": {k: list(v) for k, v in s.blanks.items()}}
                for s in self.scripts
            },
            "tone": [[check.id, check.pattern] for check in self.tone_checks],
        }


def blanks_in(value: Any, phase: str | None = None, phases: Iterable[str] = ()) -> list[str]:
    """Every ``{blank}`` in the texts inside ``value`` that a reader in ``phase`` sees, once
    each, in order: texts under another phase's key are left out."""
    others = set(phases) - {phase}
    return list(
        dict.fromkeys(name for text in texts_in(value, others) for name in BLANK.findall(text))
    )


def texts_in(value: Any, skip: Iterable[str] = ()) -> Iterator[str]:
    """Every text anywhere inside ``value``, except under the keys in ``skip``."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, child in value.items():
            if key not in skip:
                yield from texts_in(child, skip)
    elif isinstance(value, list):
        for child in value:
            yield from texts_in(child, skip)


def phase_ids(scripts: Any) -> tuple[str, ...]:
    """The phases the scripts are written for (the keys of ``phases:`` in data/scripts.yml)."""
    return tuple(str(key) for key in _mapping(_mapping(scripts).get("phases")))


def versions_of(script: Mapping[str, Any], phases: tuple[str, ...]) -> tuple[str | None, ...]:
    """A script's versions: every phase when any of its texts sits under a phase's key,
    otherwise one version (None) for all."""

    def phased(value: Any) -> bool:
        if isinstance(value, Mapping):
            return any(key in phases or phased(child) for key, child in value.items())
        return isinstance(value, list) and any(phased(child) for child in value)

    return phases if phases and phased(script) else (None,)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _channels(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in _list(value))


def _entry(raw: Mapping[str, Any]) -> ChecklistEntry | None:
    rule = _text(raw.get("rule"))
    if "filled" in raw:
        words = raw.get("min_words")
        return ChecklistEntry(
            rule, "filled", _text(raw["filled"]), words if isinstance(words, int) else 0
        )
    if raw.get("within_time_limit") is True:
        return ChecklistEntry(rule, "time")
    if "confirmed" in raw:
        return ChecklistEntry(rule, "confirm", text=_text(raw["confirmed"]))
    return None


def script_choices(scripts: Any) -> tuple[ScriptChoice, ...]:
    phases = phase_ids(scripts)
    choices = []
    for s in _list(_mapping(scripts).get("scripts")):
        if not isinstance(s, Mapping) or "id" not in s:
            continue
        versions = versions_of(s, phases)
        choices.append(
            ScriptChoice(
                id=str(s["id"]),
                title=_text(s.get("title")),
                channel=_text(s.get("channel")),
                audience=_text(s.get("audience")),
                versions=versions,
                blanks={v or "": tuple(blanks_in(s, v, phases)) for v in versions},
            )
        )
    return tuple(choices)


def build_builder(content: Content) -> Builder:
    """The builder for ``content``; requires data/builder.yml (check ``BUILDER_FILE in
    content`` first)."""
    data = _mapping(content[BUILDER_FILE])
    speaking, email = _mapping(data.get("speaking")), _mapping(data.get("email"))
    voicemail = _mapping(data.get("voicemail_checklist"))
    checks = tuple(
        entry
        for raw in _list(voicemail.get("checks"))
        if isinstance(raw, Mapping) and (entry := _entry(raw)) is not None
    )
    tone = tuple(
        ToneCheck(
            id=_text(raw.get("id")),
            looks_for=_text(raw.get("looks_for")),
            flags=_text(raw.get("flags")),
            instead=_text(raw.get("instead")),
            pattern=str(raw.get("pattern") or ""),
            flagged=_text(raw.get("flagged")),
            not_flagged=_text(raw.get("not_flagged")),
            path=("tone_checks", index),
        )
        for index, raw in enumerate(_list(data.get("tone_checks")))
        if isinstance(raw, Mapping)
    )
    fields = {
        str(raw["blank"]): {key: str(value) for key, value in raw.items() if key != "blank"}
        for raw in _list(data.get("fields"))
        if isinstance(raw, Mapping) and "blank" in raw
    }
    return Builder(
        words_per_minute=int(speaking.get("words_per_minute") or 150),
        limit_seconds=int(speaking.get("limit_seconds") or 30),
        timed_channels=_channels(speaking.get("channels")),
        email_channels=_channels(email.get("channels")),
        subject_prefix=_text(email.get("subject_prefix")),
        checklist_channels=_channels(voicemail.get("channels")),
        checklist=checks,
        fields=fields,
        tone_checks=tone,
        scripts=script_choices(content["scripts"]) if "scripts" in content else (),
        settings=data,
    )
