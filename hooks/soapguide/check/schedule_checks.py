"""The SOAP schedule (data/schedule.yml) must be consistent, and the review stamp must cover it.

- Each Match appears once; the guide's own Match (match_year in data/meta.yml) is there.
- Match Week runs Monday to Friday in March of its Match year; SOAP from that Monday to that
  Thursday (the NRMP: "Monday through Thursday of Match Week"); offer rounds in order, within
  SOAP, each closing after it opens.
- The stale banner covers the dates: ``check_rules_after`` falls no later than the last day of
  SOAP for the guide's Match, so once those dates are past every page asks readers to check.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..read.dates import as_date
from ..read.errors import ContentError
from ..read.schedule import SCHEDULE_FILE, Event, MatchSchedule, read_schedules
from ..read.yaml_source import DataPath, YamlDocument
from .checks import error_at

if TYPE_CHECKING:
    from ..read.content import Content

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check_schedule(content: Content) -> list[ContentError]:
    if SCHEDULE_FILE not in content:
        return []
    document = content.documents[SCHEDULE_FILE]
    schedules = read_schedules(content[SCHEDULE_FILE])
    errors: list[ContentError] = []
    seen: dict[int, MatchSchedule] = {}
    for schedule in schedules:
        if schedule.match_year in seen:
            errors.append(
                error_at(
                    document,
                    (*schedule.path, "match_year"),
                    f"the {schedule.match_year} Match is listed twice",
                    "keep one entry per Match year and delete the other",
                )
            )
            continue
        seen[schedule.match_year] = schedule
        errors += _dates_fit(document, schedule)
    if "meta" in content:
        errors += _covered_by_review(document, content, seen)
    return errors


def _weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def _dates_fit(document: YamlDocument, s: MatchSchedule) -> list[ContentError]:
    errors: list[ContentError] = []

    def err(path: DataPath, message: str, hint: str) -> None:
        errors.append(error_at(document, path, message, hint))

    week = s.match_week
    if week is not None:
        if week.starts.year != s.match_year or week.starts.month != 3:
            err(
                (*week.path, "starts"),
                f"Match Week of the {s.match_year} Match should start in March {s.match_year}, "
                f"found {week.starts.isoformat()}",
                "check the year and month against the NRMP's Match calendar",
            )
        if week.starts.weekday() != 0:
            err(
                (*week.path, "starts"),
                f"Match Week starts on a Monday, but {week.starts.isoformat()} is a "
                f"{_weekday(week.starts)}",
                "check the date against the NRMP's Match calendar",
            )
        elif week.ends != week.starts + dt.timedelta(days=4):
            friday = week.starts + dt.timedelta(days=4)
            err(
                (*week.path, "ends"),
                f"Match Week ends on the Friday of its week ({friday.isoformat()}), found "
                f"{week.ends.isoformat()}",
                f"write ends: {friday.isoformat()}, or correct starts:",
            )
        else:
            errors.extend(_soap_in_week(document, s, week.starts))
    errors += _soap_in_order(document, s)
    return errors


def _soap_in_week(document: YamlDocument, s: MatchSchedule, monday: dt.date) -> list[ContentError]:
    errors = []
    expected = (("soap_starts", s.soap_starts, monday), ("soap_ends", s.soap_ends, None))
    thursday = monday + dt.timedelta(days=3)
    for key, event, day in expected:
        if event is None:
            continue
        want = day or thursday
        if event.date != want:
            what = "starts on the Monday" if key == "soap_starts" else "ends on the Thursday"
            errors.append(
                error_at(
                    document,
                    (*event.path, "date"),
                    f"SOAP {what} of Match Week ({want.isoformat()}), found "
                    f"{event.date.isoformat()} (a {_weekday(event.date)})",
                    f"write date: {want.isoformat()}, or correct match_week: if that is wrong",
                )
            )
    return errors


def _soap_in_order(document: YamlDocument, s: MatchSchedule) -> list[ContentError]:
    errors = []
    if s.soap_starts and s.soap_ends and s.soap_ends.at < s.soap_starts.at:
        errors.append(
            error_at(
                document,
                (*s.soap_ends.path, "date"),
                "SOAP ends before it starts",
                "check both dates against the NRMP's Match Week and SOAP schedule",
            )
        )
        return errors
    previous: Event | None = s.soap_starts
    for offer_round in s.offer_rounds:
        starts, ends = offer_round.starts, offer_round.ends
        if previous is not None and starts.at < previous.at:
            errors.append(
                error_at(
                    document,
                    (*starts.path, "date"),
                    f"offer round {offer_round.number} opens before "
                    + ("SOAP starts" if previous is s.soap_starts else "the round before it"),
                    "list the rounds in order, each within SOAP",
                )
            )
        if ends is not None and ends.at <= starts.at:
            errors.append(
                error_at(
                    document,
                    (*ends.path, "date"),
                    f"offer round {offer_round.number} closes before it opens",
                    "check the round's times against the NRMP's SOAP schedule",
                )
            )
        last = ends or starts
        if s.soap_ends is not None and s.restrictions_end and last.at > s.restrictions_end:
            errors.append(
                error_at(
                    document,
                    (*last.path, "date"),
                    f"offer round {offer_round.number} runs past the end of SOAP",
                    "check the round's times and SOAP's end against the NRMP's SOAP schedule",
                )
            )
        previous = last
    return errors


def _covered_by_review(
    document: YamlDocument, content: Content, schedules: dict[int, MatchSchedule]
) -> list[ContentError]:
    meta = content["meta"]
    meta_document = content.documents["meta"]
    match_year = meta["match_year"]
    errors: list[ContentError] = []
    own = schedules.get(match_year)
    if own is None:
        known = ", ".join(str(year) for year in sorted(schedules)) or "none"
        errors.append(
            error_at(
                document,
                ("matches",),
                f"no schedule for the {match_year} Match, the one the guide is reviewed for "
                f"(match_year in data/meta.yml); the file has: {known}",
                f"add an entry with match_year: {match_year} and its dates as far as the NRMP "
                "has published them (mark the others unconfirmed:)",
            )
        )
        return errors
    last_day = own.soap_ends.date if own.soap_ends else None
    stale = as_date(meta["check_rules_after"])
    if last_day is not None and stale > last_day:
        errors.append(
            error_at(
                meta_document,
                ("check_rules_after",),
                f"after SOAP for the {match_year} Match ends ({last_day.isoformat()} in "
                f"data/schedule.yml), expected a date no later than that, found "
                f"{stale.isoformat()}",
                "readers would then see past dates with no warning: set check_rules_after on "
                f"or before {last_day.isoformat()} (usually before Match Week)",
            )
        )
    return errors
