"""SOAP's schedule in words, for the pages, the review banner and the flow's device-clock line.

``schedule_view`` turns the guide's Match (data/meta.yml ``match_year``) and any earlier ones into
plain template data: every date already written out ("Thursday, March 18, 2027", "5:00 p.m. ET"),
with whether it was confirmed and where. ``clock_data`` is what the browser needs to compare its
own clock with the schedule: moments as milliseconds since 1970 (UTC).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..read.schedule import Checked, Event, MatchSchedule, eastern, read_schedules, schedule_for

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def long_date(day: dt.date) -> str:
    """``Thursday, March 19, 2026``."""
    return f"{_DAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"


def time_text(time: dt.time) -> str:
    """``5:00 p.m. ET``; noon is ``12:00 p.m. ET``, midnight ``12:00 a.m. ET``."""
    hour = time.hour % 12 or 12
    return f"{hour}:{time.minute:02d} {'a.m.' if time.hour < 12 else 'p.m.'} ET"


def _moment_text(event: Event) -> str:
    text = long_date(event.date)
    return f"{text} at {time_text(event.time)}" if event.time else text


def _checked(checked: Checked) -> dict[str, Any]:
    return {
        "confirmed": checked.confirmed,
        "source": checked.source,
        "checked_on": checked.checked_on.isoformat() if checked.checked_on else None,
        "checked_on_text": long_date(checked.checked_on).split(", ", 1)[1]
        if checked.checked_on
        else None,
        "unconfirmed": checked.unconfirmed,
        "note": checked.note,
    }


def _event(event: Event | None) -> dict[str, Any] | None:
    if event is None:
        return None
    return {
        "text": _moment_text(event),
        "date_text": long_date(event.date),
        "time_known": event.time is not None,
        **_checked(event.checked),
    }


def _week_text(starts: dt.date, ends: dt.date) -> str:
    """``Monday, March 15 to Friday, March 19, 2027``."""
    first = long_date(starts).rsplit(", ", 1)[0]
    return f"{first} to {long_date(ends)}"


def match_view(schedule: MatchSchedule) -> dict[str, Any]:
    week = schedule.match_week
    return {
        "match_year": schedule.match_year,
        "confirmed": schedule.confirmed,
        "match_week": {"text": _week_text(week.starts, week.ends), **_checked(week.checked)}
        if week
        else None,
        "soap_starts": _event(schedule.soap_starts),
        "offer_rounds": [
            {
                "number": r.number,
                "starts": _event(r.starts),
                "ends": _event(r.ends),
            }
            for r in schedule.offer_rounds
        ],
        "soap_ends": _event(schedule.soap_ends),
        "soap_text": _week_text(schedule.soap_starts.date, schedule.soap_ends.date)
        if schedule.soap_starts and schedule.soap_ends
        else None,
        "soap_short": _short_range(schedule.soap_starts.date, schedule.soap_ends.date)
        if schedule.soap_starts and schedule.soap_ends
        else None,
    }


def _short_range(starts: dt.date, ends: dt.date) -> str:
    """``March 15 to 18, 2027`` (``March 30 to April 2, 2027`` across a month)."""
    last = f"{ends.day}" if ends.month == starts.month else f"{ends:%B} {ends.day}"
    return f"{starts:%B} {starts.day} to {last}, {ends.year}"


def schedule_view(data: Any, match_year: int) -> dict[str, Any] | None:
    """The guide's Match (``current``) and the others, newest first (``earlier``)."""
    schedules = read_schedules(data)
    own = schedule_for(schedules, match_year)
    if own is None:
        return None
    earlier = sorted(
        (s for s in schedules if s.match_year < match_year), key=lambda s: -s.match_year
    )
    return {"current": match_view(own), "earlier": [match_view(s) for s in earlier]}


def soap_dates_text(view: dict[str, Any] | None) -> str | None:
    """SOAP's dates in a few words, for the review banner (short: in SOAP week it stands above
    everything on a phone's first screen): ``SOAP March 15 to 18, 2027, expected``."""
    if not view or not view["current"]["soap_short"]:
        return None
    m = view["current"]
    return f"SOAP {m['soap_short']}" + ("" if m["confirmed"] else ", expected")


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def clock_data(data: Any, match_year: int) -> dict[str, Any] | None:
    """What the flow's device-clock line compares the browser's clock with."""
    own = schedule_for(read_schedules(data), match_year)
    if own is None or own.soap_starts is None or own.soap_ends is None:
        return None
    ends = own.soap_ends
    return {
        "matchYear": own.match_year,
        "confirmed": own.confirmed,
        "start": _ms(own.soap_starts.at),
        "startText": _moment_text(own.soap_starts),
        # The rules certainly apply until `end`: the closing time, or the end of the last day.
        "end": _ms(own.restrictions_end or ends.at),
        "endDay": _ms(eastern(ends.date)),
        "endText": _moment_text(ends),
        "timeKnown": ends.time is not None,
    }


def after_soap_window(data: Any, match_year: int) -> list[int] | None:
    """When a device's clock puts its reader after SOAP, as the flow's clock line reads it (its
    "after" case): from the moment SOAP has certainly ended (``clock_data``'s ``end``) until the
    guide's Match year ends in Eastern Time. In a later year the flow calls the dates out of date
    and names no phase. ``[from, until]`` in milliseconds; None without SOAP's dates."""
    clock = clock_data(data, match_year)
    if clock is None:
        return None
    return [clock["end"], _ms(eastern(dt.date(clock["matchYear"] + 1, 1, 1)))]
