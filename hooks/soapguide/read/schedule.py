"""SOAP's schedule for each Main Residency Match (data/schedule.yml) as dates and moments.

The NRMP states its times in Eastern Time (ET). A moment here is an aware UTC datetime, computed
from the ET date and time without a time-zone database (so every machine and the reader's
browser agree): ET is UTC-5, and UTC-4 while US daylight saving time is in force, from the
second Sunday in March at 2:00 to the first Sunday in November at 2:00. Match Week, in the third
week of March, always falls in daylight time.

Building is lenient, like the flow's: a part that is not the expected shape is skipped (the
schema has already reported it), never a crash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .dates import as_date
from .yaml_source import DataPath

SCHEDULE_FILE = "schedule"
UTC = dt.UTC


def _nth_sunday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def eastern_offset(local: dt.datetime) -> dt.timedelta:
    """The UTC offset of Eastern Time at the naive ET wall-clock time ``local``."""
    starts = dt.datetime.combine(_nth_sunday(local.year, 3, 2), dt.time(2))
    ends = dt.datetime.combine(_nth_sunday(local.year, 11, 1), dt.time(2))
    return dt.timedelta(hours=-4 if starts <= local < ends else -5)


def eastern(day: dt.date, time: dt.time | None = None) -> dt.datetime:
    """The moment (in UTC) of ``time`` (midnight when None) on ``day``, Eastern Time."""
    local = dt.datetime.combine(day, time or dt.time(0))
    return (local - eastern_offset(local)).replace(tzinfo=UTC)


@dataclass(frozen=True)
class Checked:
    """Where a date was checked, and whether it was: ``checked_on`` is the day it was checked
    against ``source``; otherwise ``unconfirmed`` says why it could not be."""

    source: str
    checked_on: dt.date | None
    unconfirmed: str | None
    note: str | None

    @property
    def confirmed(self) -> bool:
        return self.checked_on is not None


@dataclass(frozen=True)
class Event:
    """One dated event of SOAP: its start, an offer round, or its end."""

    date: dt.date
    time: dt.time | None
    checked: Checked
    path: DataPath

    @property
    def at(self) -> dt.datetime:
        """When it happens (the start of its day when the time is not known)."""
        return eastern(self.date, self.time)


@dataclass(frozen=True)
class OfferRound:
    number: int
    starts: Event
    ends: Event | None
    path: DataPath


@dataclass(frozen=True)
class MatchWeek:
    starts: dt.date
    ends: dt.date
    checked: Checked
    path: DataPath


@dataclass(frozen=True)
class MatchSchedule:
    """SOAP's schedule for one Main Residency Match, as far as it is known."""

    match_year: int
    match_week: MatchWeek | None
    soap_starts: Event | None
    offer_rounds: tuple[OfferRound, ...]
    soap_ends: Event | None
    path: DataPath

    @property
    def restrictions_end(self) -> dt.datetime | None:
        """The moment by which SOAP, and its communication rules, have certainly ended: its
        closing time when known; otherwise the end of its last day, so a reader is never told
        the rules are over while they may still apply."""
        if self.soap_ends is None:
            return None
        if self.soap_ends.time is not None:
            return self.soap_ends.at
        return eastern(self.soap_ends.date + dt.timedelta(days=1))

    @property
    def confirmed(self) -> bool:
        """Every date of SOAP's start and end was checked against an NRMP page."""
        return all(
            e is not None and e.checked.confirmed for e in (self.soap_starts, self.soap_ends)
        )


def _checked(raw: Mapping[str, Any]) -> Checked:
    on = raw.get("checked_on")
    return Checked(
        source=str(raw.get("source", "")),
        checked_on=as_date(on) if on is not None else None,
        unconfirmed=_text(raw.get("unconfirmed")),
        note=_text(raw.get("note")),
    )


def _text(value: Any) -> str | None:
    return str(value).strip() if value is not None else None


def _time(value: Any) -> dt.time | None:
    if value is None:
        return None
    return dt.time.fromisoformat(str(value))


def _event(raw: Any, path: DataPath) -> Event | None:
    if not isinstance(raw, Mapping) or "date" not in raw:
        return None
    try:
        return Event(as_date(raw["date"]), _time(raw.get("time")), _checked(raw), path)
    except ValueError:
        return None


def _match_week(raw: Any, path: DataPath) -> MatchWeek | None:
    if not isinstance(raw, Mapping) or "starts" not in raw or "ends" not in raw:
        return None
    try:
        return MatchWeek(as_date(raw["starts"]), as_date(raw["ends"]), _checked(raw), path)
    except ValueError:
        return None


def _rounds(raw: Any, path: DataPath) -> tuple[OfferRound, ...]:
    rounds = []
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        here = (*path, index)
        if not isinstance(item, Mapping):
            continue
        starts = _event(item.get("starts"), (*here, "starts"))
        if starts is None:
            continue
        ends = _event(item.get("ends"), (*here, "ends"))
        rounds.append(OfferRound(int(item.get("round", index + 1)), starts, ends, here))
    return tuple(rounds)


def read_schedules(data: Any) -> list[MatchSchedule]:
    """Every Match in data/schedule.yml, in file order."""
    matches = data.get("matches") if isinstance(data, Mapping) else None
    schedules = []
    for index, raw in enumerate(matches if isinstance(matches, list) else []):
        path: DataPath = ("matches", index)
        if not isinstance(raw, Mapping) or not isinstance(raw.get("match_year"), int):
            continue
        schedules.append(
            MatchSchedule(
                match_year=raw["match_year"],
                match_week=_match_week(raw.get("match_week"), (*path, "match_week")),
                soap_starts=_event(raw.get("soap_starts"), (*path, "soap_starts")),
                offer_rounds=_rounds(raw.get("offer_rounds"), (*path, "offer_rounds")),
                soap_ends=_event(raw.get("soap_ends"), (*path, "soap_ends")),
                path=path,
            )
        )
    return schedules


def schedule_for(schedules: list[MatchSchedule], match_year: int) -> MatchSchedule | None:
    """The schedule of the Match ``match_year``, if the file has one."""
    return next((s for s in schedules if s.match_year == match_year), None)
