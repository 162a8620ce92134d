"""The review stamp: when the content was last checked, for which Match, and when it goes stale.

SOAP's rules and dates change every year. The stamp is shown on every page; once the
``check_rules_after`` date has passed, the site asks readers to check the current rules. The date
is compared at build time and again in the reader's browser, so a site that is never rebuilt
still warns its readers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..read.dates import as_date


class BuildDateError(ValueError):
    """The date a build was told to count as today is not a date."""


@dataclass(frozen=True)
class ReviewStamp:
    reviewed_on: dt.date
    match_year: int
    check_rules_after: dt.date
    # SOAP's dates for match_year in one line (data/schedule.yml), for the stale banner.
    soap_dates: str | None = None

    def is_stale(self, today: dt.date) -> bool:
        return today > self.check_rules_after

    def as_template_data(self, today: dt.date) -> dict[str, Any]:
        return {
            "reviewed_on": self.reviewed_on.isoformat(),
            "reviewed_on_text": _long_date(self.reviewed_on),
            "match_year": self.match_year,
            "check_rules_after": self.check_rules_after.isoformat(),
            "stale_at_build": self.is_stale(today),
            "soap_dates": self.soap_dates,
        }


def _long_date(day: dt.date) -> str:
    """``November 25, 2026``, without the platform-dependent ``%-d``."""
    return f"{day:%B} {day.day}, {day.year}"


def build_date(setting: str | None, clock: Callable[[], dt.date] = dt.date.today) -> dt.date:
    """The day a build counts as today when it decides whether the review has gone stale.

    ``setting`` is the adapter's ``SOAPGUIDE_TODAY`` (``YYYY-MM-DD``): unset or empty means the
    real date. It lets the tests build on a frozen date (they pass on any day, in any fork), and
    lets an editor preview the site as a reader will see it on a later day.
    """
    if setting is None or not setting.strip():
        return clock()
    try:
        return dt.date.fromisoformat(setting.strip())
    except ValueError:
        raise BuildDateError(
            f"expected a date written as YYYY-MM-DD, found {setting!r}; "
            "unset it to use today's date"
        ) from None


def review_stamp(meta: dict[str, Any], soap_dates: str | None = None) -> ReviewStamp:
    return ReviewStamp(
        reviewed_on=as_date(meta["reviewed_on"]),
        match_year=int(meta["match_year"]),
        check_rules_after=as_date(meta["check_rules_after"]),
        soap_dates=soap_dates,
    )
